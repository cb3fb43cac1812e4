export default definePageConfig({ navigationBarTitleText: '补贴项目' });
