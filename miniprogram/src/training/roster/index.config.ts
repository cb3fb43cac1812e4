export default definePageConfig({ navigationBarTitleText: '学员花名册' });
