export default definePageConfig({ navigationBarTitleText: '我的就业援助' });
