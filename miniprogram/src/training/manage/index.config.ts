export default definePageConfig({ navigationBarTitleText: '培训班管理' });
