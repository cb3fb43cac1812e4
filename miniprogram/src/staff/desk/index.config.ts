export default definePageConfig({ navigationBarTitleText: '网点窗口' });
