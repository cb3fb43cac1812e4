// One jest project per tier; `npm test` (scripts/test.ts) runs them one after another, with the
// servers they share already started, and prints the totals. The data, api and e2e projects' global
// setup starts those servers when jest runs on its own (tests/support/sharedStack.ts).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: false }, target: 'es2022' }, module: { type: 'commonjs' } }];
// jose and ulid ship only ES modules (and zod's single-locale import is ESM): let swc turn them into CommonJS for jest.
const node = {
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(jose|ulid|zod)/)'],
};

const shared = {
  globalSetup: '<rootDir>/tests/support/setup/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/setup/globalTeardown.ts',
};

module.exports = {
  // Time for a loaded 2-core machine: a test's time also bounds its hooks (beforeAll seeding, a
  // table created from serverless.yml), which jest's default 5 s does not fit. Jest reads this
  // from the top level only (a project's own testTimeout is ignored); a file that needs longer
  // still says so with jest.setTimeout.
  testTimeout: 120_000,
  projects: [
    { ...node, displayName: 'unit', testMatch: ['<rootDir>/shared/src/**/*.test.ts', '<rootDir>/functions/**/*.unit.test.ts', '<rootDir>/tests/architecture/*.test.ts'] },
    {
      ...node,
      ...shared,
      displayName: 'data',
     
      testMatch: ['<rootDir>/functions/src/**/*.data.test.ts'],
      setupFiles: ['<rootDir>/tests/support/env.ts'],
    },
    { ...node, ...shared, displayName: 'api', testMatch: ['<rootDir>/tests/api/**/*.test.ts'] },
    {
      displayName: 'components',
     
      testEnvironment: 'jsdom',
      rootDir: '<rootDir>/miniprogram',
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
      ...require('./miniprogram/jest.components.js'),
    },
    { ...node, ...shared, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
    { ...node, displayName: 'build', testMatch: ['<rootDir>/tests/build/**/*.test.ts'] },
  ],
};
