export default definePageConfig({ navigationBarTitleText: '就业券' });
