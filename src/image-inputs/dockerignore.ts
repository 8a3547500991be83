/**
 * Which files of a build context the engine receives: the ignore file in effect and its rules,
 * matched with docker's semantics (`@balena/dockerignore` follows moby's matcher).
 */
import dockerignore, { type Ignore } from '@balena/dockerignore';
import { readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

export interface IgnoreRules {
  /** Repository-relative path of the ignore file in effect; undefined when there is none. */
  readonly file: string | undefined;
  /** True when `path` (context-relative, `/`-separated) is left out of the context. */
  excludes(path: string): boolean;
  /**
   * False when no file below the excluded directory `dir` can be re-included by an `!`
   * exception, so the walk need not enter it.
   */
  mayReincludeBelow(dir: string): boolean;
}

/**
 * BuildKit's rule: `<Dockerfile>.dockerignore` beside the Dockerfile, when present, replaces
 * the context's `.dockerignore` (they are not merged).
 */
export function ignoreFileCandidates(context: string, dockerfile: string): string[] {
  return [`${dockerfile}.dockerignore`, posix.join(context, '.dockerignore')];
}

/** Repository-relative path of the ignore file in effect for a Dockerfile and context; undefined when there is none. */
export function ignoreFileInEffect(repoRoot: string, context: string, dockerfile: string): string | undefined {
  return ignoreFileCandidates(context, dockerfile).find((candidate) => isFile(join(repoRoot, candidate)));
}

/** Reads the ignore file in effect for a Dockerfile and context (repository-relative paths). */
export async function loadIgnoreRules(repoRoot: string, context: string, dockerfile: string): Promise<IgnoreRules> {
  const file = ignoreFileInEffect(repoRoot, context, dockerfile);
  return file === undefined ? ignoreRules([], undefined) : ignoreRules(parseIgnoreFile(readFileSync(join(repoRoot, file), 'utf8')), file);
}

/**
 * The patterns of an ignore file as moby reads it: a leading byte-order mark is dropped, lines
 * starting with `#` are comments (checked before trimming, as moby does), blank lines are skipped.
 */
export function parseIgnoreFile(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function ignoreRules(patterns: readonly string[], file: string | undefined): IgnoreRules {
  // Docker matches case-sensitively on Linux; the library's default is case-insensitive.
  // The package is CommonJS typed as `export default`: under NodeNext that default is `.default`.
  const matcher: Ignore = dockerignore.default({ ignorecase: false }).add([...patterns]);
  const exceptions = patterns
    .filter((pattern) => pattern.startsWith('!'))
    .map((pattern) => segmentsOf(pattern.slice(1).trim()))
    .filter((segments) => segments.length > 0);
  return {
    file,
    excludes: (path) => matcher.ignores(path),
    mayReincludeBelow: (dir) => {
      const dirSegments = dir.split('/');
      return exceptions.some((exception) => exceptionMayMatchBelow(exception, dirSegments));
    },
  };
}

/** A pattern cleaned as moby cleans it, split into path segments. */
function segmentsOf(pattern: string): string[] {
  const cleaned = posix.normalize(pattern).replace(/^\/+/, '').replace(/\/+$/, '');
  return cleaned === '' || cleaned === '.' ? [] : cleaned.split('/');
}

/**
 * Whether an exception could match a path below `dir`: its leading segments must match the
 * directory's. Conservative: a `**` or an unreadable segment counts as a possible match.
 */
function exceptionMayMatchBelow(exception: string[], dirSegments: string[]): boolean {
  for (const [index, dirSegment] of dirSegments.entries()) {
    // The exception names an ancestor of `dir`: docker applies a pattern to a path's parents too.
    if (index >= exception.length) return true;
    const segment = exception[index];
    if (segment.includes('**')) return true;
    if (!segmentMatches(segment, dirSegment)) return false;
  }
  return true;
}

/** One path segment against one glob segment (Go's filepath.Match syntax: `*`, `?`, `[…]`, `\`). */
function segmentMatches(glob: string, segment: string): boolean {
  let source = '';
  let inClass = false;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '\\' && i + 1 < glob.length) source += escapeRegExp(glob[++i]);
    else if (inClass) {
      source += ch;
      inClass = ch !== ']';
    } else if (ch === '[') {
      source += ch;
      inClass = true;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += escapeRegExp(ch);
  }
  try {
    return new RegExp(`^${source}$`).test(segment);
  } catch {
    return true;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
