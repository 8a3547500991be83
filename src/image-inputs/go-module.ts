/**
 * The parts of a go.mod file that decide where a module's packages live: its module path and
 * the `replace` directives. A replacement by a local directory moves a module's source into the
 * build context (or out of it); a replacement by another module version does not.
 */

export interface GoModFile {
  readonly modulePath: string;
  /** `replace old => ./dir`: module path → the directory, as written (relative to the go.mod). */
  readonly localReplacements: ReadonlyMap<string, string>;
}

export class GoModError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'GoModError';
  }
}

/** Parses `text`, the go.mod at `file`; blocks `replace ( … )` and `//` comments as Go reads them. */
export function parseGoMod(file: string, text: string): GoModFile {
  let modulePath: string | undefined;
  const localReplacements = new Map<string, string>();
  let block: string | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const words = wordsOf(file, line, raw);
    if (words.length === 0) return;
    if (block !== undefined) {
      if (words[0] === ')') block = undefined;
      else if (block === 'replace') addReplacement(file, line, words, localReplacements);
      else if (block === 'module') modulePath = words[0];
      return;
    }
    const [verb, ...rest] = words;
    if (rest[0] === '(') {
      block = verb;
      return;
    }
    if (verb === 'module') modulePath = rest[0];
    else if (verb === 'replace') addReplacement(file, line, rest, localReplacements);
  });
  if (!modulePath) throw new GoModError(file, 1, 'no `module` directive');
  return { modulePath, localReplacements };
}

/** `old [version] => new [version]`: local when `new` starts with ./ or ../ or / (Go's rule). */
function addReplacement(file: string, line: number, words: string[], into: Map<string, string>): void {
  const arrow = words.indexOf('=>');
  if (arrow < 1 || arrow === words.length - 1) throw new GoModError(file, line, 'a replace directive needs `old => new`');
  const target = words[arrow + 1];
  if (/^(\.\.?\/|\/|\.\.?$)/.test(target)) into.set(words[0], target);
}

/** Words of a line: quoted strings unquoted, `//` comments dropped. */
function wordsOf(file: string, line: number, raw: string): string[] {
  const words: string[] = [];
  const pattern = /\s*(?:(\/\/.*)|"((?:[^"\\]|\\.)*)"|`([^`]*)`|(=>|[()])|([^\s()"`]+))/gy;
  let readUpTo = 0;
  for (let match = pattern.exec(raw); match !== null && match[0] !== ''; match = pattern.exec(raw)) {
    readUpTo = pattern.lastIndex;
    if (match[1] !== undefined) break;
    words.push(match[2] !== undefined ? unquoteGoMod(file, line, match[2]) : (match[3] ?? match[4] ?? match[5]));
  }
  const rest = raw.slice(readUpTo).trim();
  if (rest !== '') throw new GoModError(file, line, `cannot read \`${rest}\``);
  return words;
}

function unquoteGoMod(file: string, line: number, body: string): string {
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    throw new GoModError(file, line, `cannot read the string "${body}"`);
  }
}
