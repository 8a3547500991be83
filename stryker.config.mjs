// Mutation testing of the pure core (scripts/mutation-core.mjs): the mutants of a folder meet
// only that folder's own tests (__tests__/<folder>), so a run fits on a small machine: the
// configuration is used by nearly every test, and all of them on each of its mutants would take
// hours. scripts/mutate.mjs runs one folder at a time (MUTATION_FOLDER) and prints the score.
import { coreFolders, mutatePatterns, outsideCoreTests } from './scripts/mutation-core.mjs';

const folders = process.env.MUTATION_FOLDER ? [process.env.MUTATION_FOLDER] : coreFolders;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  // The tests run as ESM TypeScript, as `npm run test:only` runs them.
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: {
    configFile: 'jest.config.js',
    config: {
      testMatch: folders.map((folder) => `<rootDir>/__tests__/${folder}/**/*.test.ts`),
      testPathIgnorePatterns: outsideCoreTests.map((file) => `<rootDir>/${file}`),
    },
  },
  mutate: mutatePatterns(folders),
  coverageAnalysis: 'perTest',
  // A mutant in module-level code needs every test of its folder in a fresh module registry:
  // for the configuration (a schema built at import, tests that take minutes) hours on this
  // machine, so those are left out of its score. image-inputs' tests take seconds, and its
  // module-level tables (the programs known to read no file, the shells and wrappers followed)
  // decide whether an input is missed: its static mutants are tested against all of them.
  ignoreStatic: !(folders.length === 1 && folders[0] === 'image-inputs'),
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
