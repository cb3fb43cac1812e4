export default definePageConfig({ navigationBarTitleText: '展位和签到' });
