export default definePageConfig({ navigationBarTitleText: '投诉和意见' });
