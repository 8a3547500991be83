/**
 * Writes that name their file when they fail. Node's errors for a failed write (ENOSPC above
 * all: a full disk) carry no path, so "ENOSPC: no space left on device, write" reaches the user
 * without saying which of the run's many files it was. Every file the run writes for the user
 * (reports, outputs, evidence) goes through here.
 */
import { writeFile } from 'node:fs/promises';

/** What to tell the user for the errors a write meets in practice. */
const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full (no space left on the device): free some space',
  EDQUOT: 'the disk quota is exhausted: free some space',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'a folder of that name is in the way',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'its folder does not exist',
};

export class FileWriteError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const reason = (code && REASONS[code]) ?? (cause instanceof Error ? cause.message : String(cause));
    super(`cannot write ${path}: ${reason}${code && REASONS[code] ? ` (${code})` : ''}`, { cause });
    this.name = 'FileWriteError';
  }
}

/** Runs `write`, which writes `path`; any failure becomes a FileWriteError naming that path. */
export async function writingTo<T>(path: string, write: () => Promise<T> | T): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw error instanceof FileWriteError ? error : new FileWriteError(path, error);
  }
}

/** fs.writeFile, failing with a FileWriteError that names the file. */
export function writeNamedFile(path: string, data: string | Uint8Array, options?: Parameters<typeof writeFile>[2]): Promise<void> {
  return writingTo(path, () => writeFile(path, data, options));
}
