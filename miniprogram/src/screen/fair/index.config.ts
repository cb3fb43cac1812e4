export default definePageConfig({ navigationBarTitleText: '招聘会大屏' });
