export default definePageConfig({ navigationBarTitleText: '补贴公示与拨付' });
