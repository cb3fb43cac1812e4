export default definePageConfig({ navigationBarTitleText: '参加招聘会' });
