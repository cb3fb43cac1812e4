export default definePageConfig({ navigationBarTitleText: '我的求职登记' });
