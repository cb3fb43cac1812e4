// Layers by folder (style.md §1): miniprogram → shared ← functions, and shared stays pure.
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ holds contracts and domain rules only: no AWS, no Taro, no I/O, no other workspace',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: ['^functions/', '^miniprogram/', '@aws-sdk', '@tarojs', 'dynamodb-toolbox', '^node:(fs|http|https|net|child_process)$', '^(fs|http|https|net|child_process)$'] },
    },
    {
      name: 'functions-not-miniprogram',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^miniprogram/' },
    },
    {
      name: 'miniprogram-not-functions',
      severity: 'error',
      from: { path: '^miniprogram/src' },
      to: { path: ['^functions/', '@aws-sdk', 'dynamodb-toolbox'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
  },
};
