export default definePageConfig({ navigationBarTitleText: '我的就业券' });
