export default definePageConfig({ navigationBarTitleText: '结算拨付' });
