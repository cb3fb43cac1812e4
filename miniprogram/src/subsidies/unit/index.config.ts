export default definePageConfig({ navigationBarTitleText: '公益性岗位补贴' });
