/**
 * Splits the text of a shell RUN step into its simple commands, as words: enough to find which
 * programs it runs and with which arguments, never to run it. Quotes group words ('…' literal,
 * "…" with backslash escapes); `;`, `&&`, `||`, `|`, `&`, newlines and parentheses end a command.
 * A command substitution inside a word (`` `…` ``, or `$(…)` in double quotes) runs too: its
 * commands come before the one holding it, which keeps the substitution's text in its word.
 */
const SEPARATORS = new Set([';', '&', '|', '(', ')', '\n']);

export function shellCommands(text: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word: string | undefined;
  const endWord = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  /** Lists the commands of the substitution at `i` and keeps its text in the word; returns where it ends. */
  const substitute = (i: number, { inner, end }: Substitution) => {
    commands.push(...shellCommands(inner));
    word = (word ?? '') + text.slice(i, end + 1);
    return end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const backquoted = ch === '`' ? substitutionAt(text, i) : undefined;
    if (backquoted) i = substitute(i, backquoted);
    else if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? text.length : end;
      word = (word ?? '') + text.slice(i + 1, stop);
      i = stop;
    } else if (ch === '"') {
      word ??= '';
      for (i++; i < text.length && text[i] !== '"'; i++) {
        const substitution = substitutionAt(text, i);
        if (substitution) i = substitute(i, substitution);
        else word += text[i] === '\\' && i + 1 < text.length ? text[++i] : text[i];
      }
    } else if (ch === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else if (SEPARATORS.has(ch)) endCommand();
    else if (/\s/.test(ch)) endWord();
    else word = (word ?? '') + ch;
  }
  endCommand();
  return commands;
}

/** A command substitution's inner text and the index of its last character. */
interface Substitution {
  inner: string;
  end: number;
}

/** The command substitution starting at `i`, `` `…` `` or `$(…)`; one not closed runs to the end of the text. */
function substitutionAt(text: string, i: number): Substitution | undefined {
  if (text[i] === '`') {
    const close = text.indexOf('`', i + 1);
    const end = close < 0 ? text.length - 1 : close;
    return { inner: text.slice(i + 1, close < 0 ? text.length : close), end };
  }
  if (!text.startsWith('$(', i)) return undefined;
  let depth = 0;
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '(') depth++;
    else if (text[j] === ')' && --depth === 0) return { inner: text.slice(i + 2, j), end: j };
  }
  return { inner: text.slice(i + 2), end: text.length - 1 };
}
