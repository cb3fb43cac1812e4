// Stands in for zod's locales index in the mini-program and Lambda bundles: only English (zod's default)
// and Chinese are ever used, and the full index costs ~200 KB of the 2 MB main-package limit.
export { default as en } from 'zod/v4/locales/en.js';
export { default as zhCN } from 'zod/v4/locales/zh-CN.js';
