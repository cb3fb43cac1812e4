export default definePageConfig({ navigationBarTitleText: '家门口就业大屏' });
