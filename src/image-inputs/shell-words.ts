/**
 * Splits the text of a shell RUN step into its simple commands, as words: enough to find which
 * programs it runs and with which arguments, never to run it. Quotes group words ('…' literal,
 * "…" with backslash escapes); `;`, `&&`, `||`, `|`, `&`, newlines and parentheses end a command.
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
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? text.length : end;
      word = (word ?? '') + text.slice(i + 1, stop);
      i = stop;
    } else if (ch === '"') {
      let value = '';
      for (i++; i < text.length && text[i] !== '"'; i++) value += text[i] === '\\' && i + 1 < text.length ? text[++i] : text[i];
      word = (word ?? '') + value;
    } else if (ch === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else if (SEPARATORS.has(ch)) endCommand();
    else if (/\s/.test(ch)) endWord();
    else word = (word ?? '') + ch;
  }
  endCommand();
  return commands;
}
