export default defineAppConfig({
  pages: ['pages/index/index'],
  // Loaded when first opened, so the main package stays small: applications, employers, and
  // jobs, the staff pages (citizens never download those).
  subPackages: [
    // 求职登记 and 我的求职登记: first thing most people do, but a subpackage so the main package
    // (loaded before anything shows) stays small.
    { root: 'registration', pages: ['form/index', 'mine/index'] },
    { root: 'apply', pages: ['index/index', 'unemployment/index', 'employment/index', 'hardship/index', 'assistance/index', 'household/index'] },
    { root: 'jobs', pages: ['nearby/index', 'vacancy/index', 'applications/index', 'book/index', 'interviews/index'] },
    { root: 'employer', pages: ['onboard/index', 'mine/index', 'vacancy-form/index', 'vacancies/index', 'candidates/index', 'interviews/index', 'fairs/index', 'welfare-posts/index'] },
    { root: 'staff', pages: ['reviews/index', 'review/index', 'assist/index', 'tasks/index', 'task/index', 'rating/index', 'complaint/index', 'stats/index', 'refer/index', 'training-needs/index', 'people/index', 'access/index', 'join/index', 'desk/index', 'notice/index', 'question/index', 'policies/index', 'policy-form/index', 'points/index', 'point-form/index', 'fairs/index', 'fair-form/index', 'fair-desk/index', 'gigs/index', 'gig-post/index', 'calendar/index', 'assistance/index', 'assistance-case/index', 'households/index', 'welfare-posts/index', 'ledger/index', 'ledger-import/index', 'subsidies/index', 'subsidy/index', 'subsidy-notices/index', 'subsidy-programmes/index'] },
    { root: 'feedback', pages: ['ratings/index', 'rate/index', 'complain/index', 'complaints/index'] },
    // The service hall's LED screen and a job fair's venue screen (H5).
    { root: 'screen', pages: ['index/index', 'fair/index'] },
    { root: 'training', pages: ['courses/index', 'course/index', 'enrolments/index', 'needs/index', 'manage/index', 'course-form/index', 'roster/index'] },
    // 我的, 我的数据 (a copy, consents, closing the account) and the full privacy guide (the
    // first-use summary is in the main package).
    { root: 'privacy', pages: ['policy/index', 'mine/index', 'data/index'] },
    // 亲情代办: inviting a family member, accepting, acting for them, what was done.
    { root: 'family', pages: ['index/index', 'invite/index', 'accept/index', 'records/index'] },
    // 服务网点: the points near home on a map, 预约办事, 我的预约 and the one-time notification slips.
    { root: 'points', pages: ['nearby/index', 'point/index', 'book/index', 'visits/index'] },
    // 政策: 为您找到的政策 with why, all local policies, 政策计算器, 你问我答.
    { root: 'policies', pages: ['list/index', 'policy/index', 'calculator/index', 'ask/index', 'questions/index'] },
    // 招聘会: fairs near home, a fair with its employers, sign-up, the check-in code, 我有意向.
    { root: 'fairs', pages: ['list/index', 'fair/index'] },
    // 零工: odd jobs near home on a map, 我来做, done, pay and ratings, 发布零工, 我的零工.
    { root: 'gigs', pages: ['nearby/index', 'gig/index', 'post/index', 'mine/index'] },
    // 补贴: 我能申请的补贴, 申请, 我的申请; 补贴公示 and its list (open without signing in).
    { root: 'subsidies', pages: ['list/index', 'apply/index', 'mine/index', 'notices/index', 'notice/index', 'unit/index', 'unit-apply/index'] },
    { root: 'vouchers', pages: ['wallet/index', 'detail/index', 'redeem/index', 'programmes/index', 'providers/index', 'batches/index', 'batch/index'] },
  ],
  // Components' code is injected when a page first uses them, not all at start (WeChat's code-quality item).
  lazyCodeLoading: 'requiredComponents',
  // What people open next from the home page comes down while they read it: registration and
  // jobs for everyone; on a page of those, the rest of the citizen's first tasks.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['registration', 'jobs'] },
    'jobs/nearby/index': { network: 'wifi', packages: ['apply', 'vouchers'] },
  },
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
  // WeChat's privacy check: privacy APIs wait for the person's agreement to our guide
  // (services/platformPrivacy.weapp.ts shows it when WeChat asks).
  __usePrivacyCheck__: true,
} as Parameters<typeof defineAppConfig>[0]);
