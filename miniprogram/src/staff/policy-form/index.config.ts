export default definePageConfig({ navigationBarTitleText: '发布政策' });
