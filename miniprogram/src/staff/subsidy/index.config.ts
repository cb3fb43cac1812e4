export default definePageConfig({ navigationBarTitleText: '补贴申请审核' });
