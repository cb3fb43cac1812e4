export default definePageConfig({ navigationBarTitleText: '接受家人的邀请' });
