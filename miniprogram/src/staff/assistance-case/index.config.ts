export default definePageConfig({ navigationBarTitleText: '援助对象' });
