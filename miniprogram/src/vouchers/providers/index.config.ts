export default definePageConfig({ navigationBarTitleText: '认定服务机构' });
