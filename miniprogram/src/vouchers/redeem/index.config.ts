export default definePageConfig({ navigationBarTitleText: '核销就业券' });
