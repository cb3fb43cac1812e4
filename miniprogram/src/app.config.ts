export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/registration/form/index',
    'pages/registration/mine/index',
    'pages/applications/index/index',
    'pages/applications/unemployment/index',
    'pages/applications/employment/index',
    'pages/applications/hardship/index',
    'pages/employer/onboard/index',
    'pages/employer/mine/index',
  ],
  // Staff pages load only for staff: citizens never download them.
  subPackages: [{ root: 'staff', pages: ['reviews/index', 'review/index'] }],
  window: {
    navigationBarBackgroundColor: '#1f6f5c',
    navigationBarTitleText: '家门口就业',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f5',
  },
  permission: {
    'scope.userLocation': { desc: '用于推荐您家附近 3 公里内的工作和服务' },
  },
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
});
