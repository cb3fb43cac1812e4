export default definePageConfig({ navigationBarTitleText: '答复问题' });
