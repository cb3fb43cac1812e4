export default definePageConfig({ navigationBarTitleText: '申请公益性岗位补贴' });
