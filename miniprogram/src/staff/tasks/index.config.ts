export default definePageConfig({ navigationBarTitleText: '跟踪任务' });
