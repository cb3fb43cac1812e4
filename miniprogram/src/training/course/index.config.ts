export default definePageConfig({ navigationBarTitleText: '培训班' });
