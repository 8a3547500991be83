import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { PathResolution, PathResolver } from './fields.js';

/**
 * Keeps configured paths inside the repository: first by their text (`../x`, absolute paths
 * elsewhere), then, for the part of the path that exists, after resolving symbolic links.
 */
export function repositoryPathResolver(repoRoot: string): PathResolver {
  const root = path.resolve(repoRoot);
  const realRoot = realpathOfExisting(root);
  return (written) => {
    const lexical = insideOf(root, path.resolve(root, written));
    if (lexical === undefined) return { problem: 'outside the repository' };
    let real: string | undefined;
    try {
      real = insideOf(realRoot, realpathOfExisting(path.join(root, lexical)));
    } catch (error) {
      return { problem: `cannot be resolved (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
    }
    if (real === undefined) return { problem: 'leads outside the repository through a symbolic link' };
    return { path: toPosix(lexical) };
  };
}

/** Only looks at the text: for the built-in defaults, which must not depend on any checkout. */
export const lexicalPathResolver: PathResolver = (written): PathResolution => {
  const root = path.resolve('/repository');
  const lexical = insideOf(root, path.resolve(root, written));
  return lexical === undefined ? { problem: 'outside the repository' } : { path: toPosix(lexical) };
};

/** `target` relative to `root` ('' for the root itself), or undefined when it is not inside. */
function insideOf(root: string, target: string): string | undefined {
  const relative = path.relative(root, target);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
  return relative;
}

/**
 * realpath of the longest existing prefix, with the missing rest appended; a dangling symbolic
 * link is followed to where it points, since a file created through it would land there.
 */
function realpathOfExisting(target: string): string {
  try {
    return realpathSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    if (isSymbolicLink(target)) return realpathOfExisting(path.resolve(path.dirname(target), readlinkSync(target)));
    const parent = path.dirname(target);
    if (parent === target) throw error;
    return path.join(realpathOfExisting(parent), path.basename(target));
  }
}

function isSymbolicLink(target: string): boolean {
  try {
    return lstatSync(target).isSymbolicLink();
  } catch {
    return false;
  }
}

function toPosix(relative: string): string {
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}
