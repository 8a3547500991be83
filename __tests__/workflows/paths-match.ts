/**
 * Whether a workflow's `paths` filter starts the workflow for a changed file, by the rules of
 * GitHub's filter pattern cheat sheet: `*` matches any characters but `/`, `**` any characters,
 * `?` makes the character before it optional, `+` repeats it, `[…]` is one listed character or
 * range, `\` escapes, and a pattern starting with `!` excludes what it matches; the last pattern
 * that matches a path decides.
 */

export function pathsFilterMatches(patterns: readonly string[], path: string): boolean {
  let included = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (filterRegExp(negated ? pattern.slice(1) : pattern).test(path)) included = !negated;
  }
  return included;
}

function filterRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i += 1;
      source += literal(pattern[i] ?? '\\');
    } else if (pattern.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?' || ch === '+') source += ch;
    else if (ch === '[') {
      const end = pattern.indexOf(']', i);
      if (end < 0) throw new Error(`${pattern}: unterminated [`);
      source += `[${pattern.slice(i + 1, end)}]`;
      i = end;
    } else source += literal(ch);
  }
  return new RegExp(`^${source}$`);
}

function literal(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
