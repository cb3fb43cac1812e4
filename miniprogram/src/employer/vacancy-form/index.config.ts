export default definePageConfig({ navigationBarTitleText: '发布招聘岗位' });
