/**
 * The run's work folder is one the action made: a run removes and overwrites what it finds there
 * (`logs/`, `coverage/`, `kind/kubeconfig`, reports), so it must never work in a folder that
 * holds someone else's files (`--work-dir .` in a repository with its own `logs/`). A folder the
 * action creates, or an empty one it is given, gets a marker file; a later run accepts a folder
 * with the marker and refuses any other folder that is not empty, naming it and what to do.
 */
import { lstat, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const WORK_DIR_MARKER = '.aianalysis-e2e-work-dir';

const MARKER_TEXT = 'This folder is the work folder of aianalysis-e2e: runs remove and overwrite files here.\n';

export class WorkDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkDirError';
  }
}

/** Makes `dir` the run's work folder, or throws a WorkDirError when it is not the action's to use. */
export async function claimWorkDir(dir: string): Promise<void> {
  const stats = await lstat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new WorkDirError(`the work folder ${dir} cannot be used: ${error.message}`);
  });
  if (stats !== undefined && !stats.isDirectory()) {
    throw new WorkDirError(`the work folder ${dir} is not a folder: give a new or empty folder (--work-dir)`);
  }
  if (stats !== undefined) {
    const entries = await readdir(dir);
    if (entries.includes(WORK_DIR_MARKER)) return;
    if (entries.length > 0) {
      throw new WorkDirError(
        `the work folder ${dir} is not empty and is not one aianalysis-e2e made (it has no ${WORK_DIR_MARKER}); ` +
          'runs remove and overwrite files in their work folder, so give a new or empty folder (--work-dir), ' +
          `for example ${join(dir, 'aianalysis-e2e')}`,
      );
    }
  }
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, WORK_DIR_MARKER), MARKER_TEXT, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw new WorkDirError(`the work folder ${dir} cannot be created: ${(error as Error).message}`);
  }
}
