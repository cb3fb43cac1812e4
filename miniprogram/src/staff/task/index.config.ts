export default definePageConfig({ navigationBarTitleText: '办理任务' });
