/**
 * Where a change can alter an image or the suite, as paths a workflow's `paths` filter can name:
 * a file, the files directly in a directory (a Go package is one directory), or a whole tree.
 * A watch covers the inputs there are today and those a change could add without touching any
 * of them (a new file in a package, in a copied folder, under an embed pattern), so a pull request
 * that changes an input always matches; it may also match a few files that are not inputs.
 *
 * Rendered in GitHub's filter syntax: `*` never crosses `/`, `**` does, and the characters the
 * syntax gives a meaning (`* ? + [ ] !` and `\`) are escaped with `\` in literal names.
 */
import { posix } from 'node:path';
import { byCodeUnit } from './context.js';
import { parentOf } from './context-index.js';

export type Watch =
  | { readonly kind: 'file'; readonly path: string }
  /** The files directly in `dir`, not below it. */
  | { readonly kind: 'files-in'; readonly dir: string }
  /** Every file below `dir`; '' is the whole repository. */
  | { readonly kind: 'tree'; readonly dir: string };

export const fileWatch = (path: string): Watch => ({ kind: 'file', path });
export const filesInWatch = (dir: string): Watch => ({ kind: 'files-in', dir });
export const treeWatch = (dir: string): Watch => ({ kind: 'tree', dir });

const GLOB_CHARACTERS = /[*?[\\]/;

/** What a path is in the listing it belongs to: a file, a directory (something is below it), or nothing yet. */
export type PathKind = (path: string) => 'file' | 'directory' | undefined;

/**
 * What may match a Docker or Go glob (`*`, `?`, `[…]`, `\`), and what would be below a match:
 * the tree of the literal directories before its first glob element.
 */
export function globWatches(pattern: string, kindOf: PathKind): Watch[] {
  if (!GLOB_CHARACTERS.test(pattern)) return pathWatches(pattern, kindOf);
  const parts = pattern.split('/');
  return [treeWatch(parts.slice(0, parts.findIndex((part) => GLOB_CHARACTERS.test(part))).join('/'))];
}

/**
 * A path ('' for the root) watches what it is, or, while it names nothing, both the file and
 * the tree it could become.
 */
export function pathWatches(path: string, kindOf: PathKind): Watch[] {
  if (path === '') return [treeWatch('')];
  // Below a file nothing can be until that file goes: watching the file is enough.
  const file = ancestorsOf(path).find((ancestor) => kindOf(ancestor) === 'file');
  if (file !== undefined) return [fileWatch(file)];
  const kind = kindOf(path);
  return kind === 'file' ? [fileWatch(path)] : kind === 'directory' ? [treeWatch(path)] : [fileWatch(path), treeWatch(path)];
}

/** `a/b/c` → `a`, `a/b`. */
function ancestorsOf(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(1).map((_, index) => parts.slice(0, index + 1).join('/'));
}

/** The same watch for a repository in which `dir` (repository-relative, '' or '.' for its root) is the root. */
export function under(dir: string, watch: Watch): Watch {
  const prefix = (path: string) => (dir === '' || dir === '.' ? path : path === '' ? dir : posix.join(dir, path));
  return watch.kind === 'file' ? fileWatch(prefix(watch.path)) : { kind: watch.kind, dir: prefix(watch.dir) };
}

/**
 * The `paths` entries for some watches: each rendered once, none that a tree already covers,
 * sorted by code unit so the list is the same on every machine.
 */
export function renderWatches(watches: Iterable<Watch>): string[] {
  const all = [...watches];
  const trees = all.filter((watch) => watch.kind === 'tree').map((watch) => watch.dir);
  const dirs = new Set(all.flatMap((watch) => (watch.kind === 'files-in' ? [watch.dir] : [])));
  const inTree = (path: string, self: boolean) => trees.some((tree) => tree === '' || path.startsWith(`${tree}/`) || (self && path === tree));
  const kept = all.filter((watch) => {
    switch (watch.kind) {
      case 'file':
        return !inTree(watch.path, false) && !dirs.has(parentOf(watch.path));
      case 'files-in':
        return !inTree(watch.dir, true);
      case 'tree':
        return watch.dir === '' || !inTree(watch.dir, false);
    }
  });
  return [...new Set(kept.map(render))].sort(byCodeUnit);
}

function render(watch: Watch): string {
  switch (watch.kind) {
    case 'file':
      return escape(watch.path);
    case 'files-in':
      return watch.dir === '' ? '*' : `${escape(watch.dir)}/*`;
    case 'tree':
      return watch.dir === '' ? '**' : `${escape(watch.dir)}/**`;
  }
}

function escape(path: string): string {
  return path.replace(/[*?+[\]\\]/g, '\\$&').replace(/^!/, '\\!');
}
