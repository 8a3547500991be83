/**
 * Which files a `//go:embed` pattern names, with Go's rules: the pattern is matched (path.Match
 * syntax) against paths relative to the package directory; a matching file is embedded, a matching
 * directory brings every file below it except those with a path element starting with `.` or `_`,
 * unless the pattern has the `all:` prefix.
 */
import type { ContextEntry } from './context.js';
import type { ContextIndex } from './context-index.js';
import { GlobError, globRegExp, matchingPrefixLengths } from './path-glob.js';

export class EmbedPatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`//go:embed ${pattern}: ${reason}`);
    this.name = 'EmbedPatternError';
  }
}

/** The entries below `packageDir` that `pattern` embeds. */
export function embeddedFiles(index: ContextIndex, packageDir: string, pattern: string): ContextEntry[] {
  const all = pattern.startsWith('all:');
  const glob = all ? pattern.slice('all:'.length) : pattern;
  if (glob === '' || glob.startsWith('/') || glob.split('/').some((part) => part === '.' || part === '..' || part === '')) {
    throw new EmbedPatternError(pattern, 'not a valid embed pattern (no leading /, no empty, . or .. elements)');
  }
  const matcher = embedMatcher(pattern, glob);
  const offset = packageDir === '' ? 0 : packageDir.length + 1;
  return index.below(packageDir).filter((entry) => {
    const parts = entry.path.slice(offset).split('/');
    return matchingPrefixLengths(matcher, parts).some(
      (length) => length === parts.length || all || parts.slice(length).every((part) => !part.startsWith('.') && !part.startsWith('_')),
    );
  });
}

function embedMatcher(pattern: string, glob: string): RegExp {
  try {
    return globRegExp(glob);
  } catch (error) {
    if (error instanceof GlobError) throw new EmbedPatternError(pattern, error.reason);
    throw error;
  }
}
