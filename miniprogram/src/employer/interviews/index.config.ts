export default definePageConfig({ navigationBarTitleText: '面试安排' });
