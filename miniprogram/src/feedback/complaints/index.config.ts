export default definePageConfig({ navigationBarTitleText: '我的投诉和意见' });
