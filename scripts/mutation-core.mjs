// The pure core that mutation testing scores, shared by stryker.config.mjs and scripts/mutate.mjs.
export const coreFolders = ['scheduler', 'suite', 'plan', 'image-inputs', 'config'];

// Modules of those folders that run programs, walk the file system or render text: not the
// core's logic. Neither they nor their own tests (same name under __tests__) take part: the
// suite's process tests alone would make every mutant of the verdict take half a minute.
export const outsideCore = [
  'src/suite/invocation.ts',
  'src/suite/makefile.ts',
  'src/suite/spec-listing.ts',
  'src/image-inputs/context.ts',
  'src/image-inputs/context-files.ts',
  'src/image-inputs/dockerignore.ts',
  'src/image-inputs/slices.ts',
];

/** Stryker's mutate patterns for the given core folders, without the modules outside the core. */
export function mutatePatterns(folders) {
  const inFolders = (file) => folders.some((folder) => file.startsWith(`src/${folder}/`));
  return [...folders.map((folder) => `src/${folder}/**/*.ts`), ...outsideCore.filter(inFolders).map((file) => `!${file}`)];
}
