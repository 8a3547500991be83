/**
 * Splits a command line into an argument vector. The command is never run through a shell, so the
 * rule is deliberately small: words are separated by whitespace; '…' is literal; "…" is literal
 * except \" and \\. Shell syntax (operators, expansion, backslash escapes outside quotes) is
 * rejected rather than passed on silently, because it would not do what it does in a shell.
 */

export class CommandLineError extends Error {
  constructor(
    readonly reason: string,
    /** Zero-based character offset of the offending character. */
    readonly position: number,
  ) {
    super(`${reason} (at character ${position + 1})`);
    this.name = 'CommandLineError';
  }
}

export const COMMAND_LINE_RULE =
  'words separated by spaces; \'single\' or "double" quotes group words; no shell syntax';

const SHELL_SYNTAX = new Set(['|', '&', ';', '<', '>', '(', ')', '$', '`']);

export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  while (i < line.length) {
    const char = line[i] as string;
    if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      i += 1;
    } else if (char === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) throw new CommandLineError('unterminated single quote', i);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end + 1;
    } else if (char === '"') {
      const [text, next] = readDoubleQuoted(line, i);
      word = (word ?? '') + text;
      i = next;
    } else if (char === '\\') {
      throw new CommandLineError('a backslash outside quotes is not supported; quote the word instead', i);
    } else if (SHELL_SYNTAX.has(char)) {
      throw new CommandLineError(
        `'${char}' is shell syntax, and the command runs without a shell; quote it to pass it literally`,
        i,
      );
    } else {
      word = (word ?? '') + char;
      i += 1;
    }
  }
  if (word !== undefined) words.push(word);
  if (words.length === 0) throw new CommandLineError('the command is empty', 0);
  return words;
}

/** Reads "…" starting at the opening quote; returns the text and the index after the closing quote. */
function readDoubleQuoted(line: string, open: number): [string, number] {
  let text = '';
  let i = open + 1;
  while (i < line.length) {
    const char = line[i] as string;
    if (char === '"') return [text, i + 1];
    const next = line[i + 1];
    if (char === '\\' && (next === '"' || next === '\\')) {
      text += next;
      i += 2;
    } else {
      text += char;
      i += 1;
    }
  }
  throw new CommandLineError('unterminated double quote', open);
}
