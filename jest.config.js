// One jest run covers every tier; `npm test` (scripts/test.ts) runs it and prints the totals.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: false }, target: 'es2022' }, module: { type: 'commonjs' } }];
// jose and ulid ship only ES modules (and zod's single-locale import is ESM): let swc turn them into CommonJS for jest.
const node = {
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(jose|ulid|zod)/)'],
};

module.exports = {
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
  projects: [
    { ...node, displayName: 'unit', testMatch: ['<rootDir>/shared/src/**/*.test.ts', '<rootDir>/functions/**/*.unit.test.ts', '<rootDir>/tests/architecture/*.test.ts'] },
    {
      ...node,
      displayName: 'data',
      testMatch: ['<rootDir>/functions/src/**/*.data.test.ts'],
      setupFiles: ['<rootDir>/tests/support/env.ts'],
    },
    { ...node, displayName: 'api', testMatch: ['<rootDir>/tests/api/**/*.test.ts'] },
    {
      displayName: 'components',
      testEnvironment: 'jsdom',
      rootDir: '<rootDir>/miniprogram',
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
      ...require('./miniprogram/jest.components.js'),
    },
    { ...node, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
    { ...node, displayName: 'build', testMatch: ['<rootDir>/tests/build/**/*.test.ts'] },
  ],
};
