export default definePageConfig({ navigationBarTitleText: '零工驿站' });
