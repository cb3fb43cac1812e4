export default definePageConfig({ navigationBarTitleText: '一次性告知单' });
