export default definePageConfig({ navigationBarTitleText: '就业券券种' });
