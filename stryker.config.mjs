// Mutation testing of the pure core (scripts/mutation-core.mjs): only the tests under
// __tests__/<folder> of the core folders run against its mutants, so a run fits on a small
// machine. scripts/mutate.mjs runs it one folder at a time and prints the score.
import { coreFolders as core, mutatePatterns, outsideCore as outside } from './scripts/mutation-core.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  // The tests run as ESM TypeScript, as `npm run test:only` runs them.
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: {
    configFile: 'jest.config.js',
    config: {
      testMatch: core.map((folder) => `<rootDir>/__tests__/${folder}/**/*.test.ts`),
      testPathIgnorePatterns: outside.map((file) => `<rootDir>/${file.replace(/^src\//, '__tests__/').replace(/\.ts$/, '.test.ts')}`),
    },
  },
  mutate: mutatePatterns(core),
  coverageAnalysis: 'perTest',
  // A mutant in module-level code (a schema built at import) would need every test in a fresh
  // process each: hours on this machine. Those are left out of the score.
  ignoreStatic: true,
  concurrency: 2,
  // A mutant that loops forever is detected once its tests overrun their time by this much;
  // Stryker's 5 s would spend most of a run waiting.
  timeoutMS: 3000,
  // Reruns test only the mutants whose code or tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress'],
  // scripts/mutate.mjs judges the score against the goal over every folder.
  thresholds: { high: 95, low: 90, break: null },
  tempDirName: '.stryker-tmp',
};
