export default definePageConfig({ navigationBarTitleText: '单位入驻' });
