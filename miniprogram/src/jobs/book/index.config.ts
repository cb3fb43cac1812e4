export default definePageConfig({ navigationBarTitleText: '预约面试' });
