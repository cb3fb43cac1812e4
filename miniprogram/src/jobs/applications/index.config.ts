export default definePageConfig({ navigationBarTitleText: '我的应聘' });
