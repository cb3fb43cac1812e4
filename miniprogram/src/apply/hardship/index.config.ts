export default definePageConfig({ navigationBarTitleText: '就业困难人员认定' });
