// Mutation testing of the pure core: each folder below is mutated, and only its own tests run
// against the mutants, so a run fits on a small machine. A score under the goal fails the command.
const core = ['run', 'suite', 'plan', 'config'];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  // The tests run as ESM TypeScript, as `npm run test:only` runs them.
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: {
    configFile: 'jest.config.js',
    config: { testMatch: core.map((folder) => `<rootDir>/__tests__/${folder}/**/*.test.ts`) },
  },
  mutate: core.map((folder) => `src/${folder}/**/*.ts`),
  coverageAnalysis: 'perTest',
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 95, low: 90, break: 90 },
  tempDirName: '.stryker-tmp',
};
