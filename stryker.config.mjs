// Mutation testing of the pure core: each folder below is mutated, and only the tests under
// __tests__/<folder> run against its mutants, so a run fits on a small machine. A score under
// the goal fails the command.
const core = ['scheduler', 'suite', 'plan', 'image-inputs', 'config'];
// Modules of those folders that run programs, walk the file system or render text: not the
// core's logic. Neither they nor their own tests (same name under __tests__) take part: the
// suite's process tests alone would make every mutant of the verdict take half a minute.
const outside = [
  'src/suite/invocation.ts',
  'src/suite/makefile.ts',
  'src/image-inputs/context.ts',
  'src/image-inputs/context-files.ts',
  'src/image-inputs/dockerignore.ts',
  'src/image-inputs/slices.ts',
];

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
  mutate: [...core.map((folder) => `src/${folder}/**/*.ts`), ...outside.map((file) => `!${file}`)],
  coverageAnalysis: 'perTest',
  // A mutant in module-level code (a schema built at import) would need every test in a fresh
  // process each: hours on this machine. Those are left out of the score.
  ignoreStatic: true,
  concurrency: 2,
  // Reruns test only the mutants whose code or tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 95, low: 90, break: 90 },
  tempDirName: '.stryker-tmp',
};
