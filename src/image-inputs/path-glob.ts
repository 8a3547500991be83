/**
 * Go's path.Match pattern syntax as a regular expression over `/`-separated paths, the syntax
 * both `//go:embed` patterns and Dockerfile COPY sources use: `*` and `?` stay within one path
 * element, `[…]` is a class (`^` negates), `\` escapes the next character.
 */
export class GlobError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`${pattern}: ${reason}`);
    this.name = 'GlobError';
  }
}

export function globRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '\\') {
      if (++i >= glob.length) throw new GlobError(glob, 'ends with a backslash');
      source += escape(glob[i]);
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) throw new GlobError(glob, 'unterminated [ class');
      const body = glob.slice(i + 1, end);
      source += `[${body.startsWith('^') ? `^/${escapeClass(body.slice(1))}` : escapeClass(body)}]`;
      i = end;
    } else source += escape(ch);
  }
  return new RegExp(`^${source}$`, 'u');
}

/** The lengths (in path elements) of the leading parts of `path` that `matcher` matches, shortest first. */
export function matchingPrefixLengths(matcher: RegExp, parts: readonly string[]): number[] {
  const lengths: number[] = [];
  for (let length = 1; length <= parts.length; length++) {
    if (matcher.test(parts.slice(0, length).join('/'))) lengths.push(length);
  }
  return lengths;
}

/** Only RegExp syntax characters: in a `u` expression, escaping any other (such as `-`) is an error. */
function escape(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}

/** Class bodies keep their ranges (`a-z`); only the characters special to RegExp classes are escaped. */
function escapeClass(body: string): string {
  return body.replace(/[\\\]/[]/g, '\\$&');
}
