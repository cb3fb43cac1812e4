export default definePageConfig({ navigationBarTitleText: '帮人发布零工' });
