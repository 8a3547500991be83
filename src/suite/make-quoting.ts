/**
 * Values that cross kubernaut's `make test-e2e-%` recipe intact. The recipe pastes
 * `$(GINKGO_FOCUS)` and `$(GINKGO_LABEL)` into a double-quoted shell string as
 * `--focus='…'` and `eval`s it, so a value passes make's expansion (`$`), a double-quoted
 * string (`"`, `$`, backquote, a backslash before one of those or before itself) and a
 * single-quoted word under eval (`'`). A Go regular expression can say every character without
 * those: `\xHH` for the character and `\z` for the end-of-text `$`, so a focus is rewritten to
 * mean the same and survive; a label filter has no such escapes and is refused instead.
 */

/** Characters the recipe's quoting changes or ends on. */
const UNSAFE = new Set(["'", '"', '$', '`', '\\', '#', '\n', '\r']);

const hexEscape = (char: string): string => `\\x{${char.codePointAt(0)!.toString(16)}}`;

/**
 * The same Go regular expression written without a character the Makefile's quoting would
 * change: `\c` escapes of those characters and the characters themselves become `\x{…}`, an
 * unescaped `$` outside a character class becomes `\z` (the same: end of text, Ginkgo sets no
 * multi-line flag). Other escapes (`\d`, `\.`) pass unchanged.
 */
export function makeSafeFocus(regex: string): string {
  let out = '';
  let inClass = false;
  const chars = [...regex];
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index]!;
    if (char === '\\' && index + 1 < chars.length) {
      const next = chars[++index]!;
      out += UNSAFE.has(next) ? hexEscape(next) : `\\${next}`;
      continue;
    }
    if (char === '[' && !inClass) inClass = true;
    else if (char === ']' && inClass) inClass = false;
    if (char === '$' && !inClass) out += '\\z';
    else out += UNSAFE.has(char) ? hexEscape(char) : char;
  }
  return out;
}

/** Why a label filter cannot pass the recipe's quoting, or undefined when it can. */
export function makeUnsafeLabel(filter: string): string | undefined {
  const found = [...new Set([...filter].filter((char) => UNSAFE.has(char)))];
  if (found.length === 0) return undefined;
  return `it contains ${found.map((char) => JSON.stringify(char)).join(', ')}, which the Makefile's quoting (--label-filter='…' under eval) would change`;
}
