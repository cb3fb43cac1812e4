export default definePageConfig({ navigationBarTitleText: '举办招聘会' });
