export default definePageConfig({ navigationBarTitleText: '附近的培训' });
