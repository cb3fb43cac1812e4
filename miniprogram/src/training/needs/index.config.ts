export default definePageConfig({ navigationBarTitleText: '培训需求调查' });
