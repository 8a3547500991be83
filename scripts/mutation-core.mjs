// The pure core that mutation testing scores, shared by stryker.config.mjs and scripts/mutate.mjs.
export const coreFolders = ['scheduler', 'suite', 'plan', 'image-inputs', 'config'];

// Modules of those folders that run programs, walk the file system or render text: not the
// core's logic. Neither they nor their tests (outsideCoreTests) take part: the suite's process
// tests alone would make every mutant of the verdict take half a minute.
export const outsideCore = [
  'src/suite/invocation.ts',
  'src/suite/makefile.ts',
  'src/suite/spec-listing.ts',
  'src/image-inputs/context.ts',
  'src/image-inputs/context-files.ts',
  'src/image-inputs/dockerignore.ts',
  'src/image-inputs/slices.ts',
];

/**
 * Their tests (same name under __tests__), and the tests that check them against a real tool:
 * Docker's own copy of a context is the oracle of the context listing.
 */
export const outsideCoreTests = [
  ...outsideCore.map((file) => file.replace(/^src\//, '__tests__/').replace(/\.ts$/, '.test.ts')),
  '__tests__/image-inputs/docker-context.test.ts',
];

/** Stryker's mutate patterns for the given core folders, without the modules outside the core. */
export function mutatePatterns(folders) {
  const inFolders = (file) => folders.some((folder) => file.startsWith(`src/${folder}/`));
  return [...folders.map((folder) => `src/${folder}/**/*.ts`), ...outsideCore.filter(inFolders).map((file) => `!${file}`)];
}
