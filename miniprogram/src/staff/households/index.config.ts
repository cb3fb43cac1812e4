export default definePageConfig({ navigationBarTitleText: '零就业家庭台账' });
