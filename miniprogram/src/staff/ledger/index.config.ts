export default definePageConfig({ navigationBarTitleText: '实名制台账' });
