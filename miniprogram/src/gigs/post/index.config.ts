export default definePageConfig({ navigationBarTitleText: '发布零工' });
