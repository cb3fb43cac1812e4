export default definePageConfig({ navigationBarTitleText: '设立网点' });
