/**
 * The files of a build context as the engine receives them: walked from the context directory,
 * filtered by the ignore file in effect, never entering a directory that is excluded unless an
 * `!` exception could re-include something below it.
 *
 * Empty directories are left out: git cannot hold them, so counting them would give the same
 * commit different contents on a fresh checkout and on a working copy that has one lying around.
 */
import { lstatSync, readdirSync, readlinkSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadIgnoreRules, type IgnoreRules } from './dockerignore.js';
import { TimeSlices } from './slices.js';

export interface ContextEntry {
  /** Relative to the context, `/`-separated: the path the engine sees. */
  readonly path: string;
  /** `special`: a FIFO or device node, which the engine copies as such (contents are never read). */
  readonly kind: 'file' | 'symlink' | 'special';
  /** Only the owner's execute bit: git records 644/755, the other bits depend on the umask. */
  readonly executable: boolean;
  /** Content bytes of a file; 0 for the other kinds. */
  readonly size: number;
  /** A symbolic link's target text: links are sent as links, not followed. */
  readonly linkTarget?: string;
}

export interface ContextListing {
  /** Absolute path of the context directory. */
  readonly dir: string;
  /** Sorted by path with byCodeUnit. */
  readonly entries: readonly ContextEntry[];
  readonly bytes: number;
  /** Repository-relative path of the ignore file in effect; undefined when there is none. */
  readonly ignoreFile: string | undefined;
}

export class ContextNotFoundError extends Error {
  constructor(
    readonly image: string,
    readonly context: string,
  ) {
    super(`image '${image}': the build context '${context}' is not a directory in the repository; check images.${image}.context`);
    this.name = 'ContextNotFoundError';
  }
}

/**
 * Lists the context of `image` (paths relative to the repository root, as in ImagePlan).
 * Synchronous file calls in time slices: see slices.ts for why. `rules`: instead of the ignore
 * file in effect, for a listing that no engine receives (the files `go` itself reads).
 */
export async function listContext(
  repoRoot: string,
  image: { name: string; context: string; dockerfile: string },
  slices = new TimeSlices(),
  rules?: IgnoreRules,
): Promise<ContextListing> {
  const dir = resolve(repoRoot, image.context);
  if (!isDirectory(dir)) throw new ContextNotFoundError(image.name, image.context);
  rules ??= await loadIgnoreRules(repoRoot, image.context, image.dockerfile);
  const entries: ContextEntry[] = [];
  const pending = [''];
  for (let relativeDir = pending.pop(); relativeDir !== undefined; relativeDir = pending.pop()) {
    for (const dirent of readdirSync(join(dir, relativeDir), { withFileTypes: true })) {
      const path = relativeDir === '' ? dirent.name : `${relativeDir}/${dirent.name}`;
      const excluded = rules.excludes(path);
      if (dirent.isDirectory()) {
        if (!excluded || rules.mayReincludeBelow(path)) pending.push(path);
      } else if (!excluded && !dirent.isSocket()) {
        // Sockets are skipped as docker's archiver skips them.
        entries.push(describe(dir, path, dirent));
      }
    }
    if (slices.due()) await slices.release();
  }
  entries.sort((a, b) => byCodeUnit(a.path, b.path));
  const bytes = entries.reduce((sum, entry) => sum + entry.size, 0);
  return { dir, entries, bytes, ignoreFile: rules.file };
}

function describe(root: string, path: string, dirent: Dirent): ContextEntry {
  const absolute = `${root}/${path}`; // built from readdir names: already clean, no join needed
  if (dirent.isSymbolicLink()) {
    // A link's own mode differs between systems (0777 on Linux, 0755 on macOS) and means nothing.
    return { path, kind: 'symlink', executable: false, size: 0, linkTarget: readlinkSync(absolute) };
  }
  const info = lstatSync(absolute);
  const executable = (info.mode & 0o100) !== 0;
  if (dirent.isFile()) return { path, kind: 'file', executable, size: info.size };
  return { path, kind: 'special', executable, size: 0 };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Orders strings by UTF-16 code units: unlike localeCompare, the same order on every machine. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
