export default definePageConfig({ navigationBarTitleText: '你问我答' });
