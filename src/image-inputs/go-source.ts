/**
 * What one Go source file tells the build about its inputs: the packages it imports, the
 * `//go:embed` patterns it declares and whether it uses cgo. Read from the text itself, so no Go
 * toolchain is needed: the import declarations are lexed as the language defines them (line and
 * block comments, interpreted and raw strings, optional semicolons), and the whole file is
 * scanned for directive comments so that `//go:embed` inside a string or a block comment is not
 * mistaken for one.
 */

export interface GoFileInfo {
  /** Import paths, in file order, without duplicates. */
  readonly imports: readonly string[];
  /** The patterns of every `//go:embed` line, unquoted. */
  readonly embeds: readonly string[];
  /** `import "C"`: the package is compiled with cgo. */
  readonly cgo: boolean;
  /** The file's comments mention `${SRCDIR}` or include a header by a relative path out of its directory. */
  readonly cgoReachesOutside: boolean;
}

export class GoParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'GoParseError';
  }
}

type Token =
  | { kind: 'word'; text: string; line: number }
  | { kind: 'string'; text: string; line: number }
  | { kind: 'punct'; text: string; line: number }
  /** A newline where Go's rules insert a semicolon. */
  | { kind: 'end'; text: ';'; line: number };

const EMBED_DIRECTIVE = /^\/\/go:embed(?:\s|$)/;

/** Parses the import declarations and directives of `text`; `file` names it in errors. */
export function parseGoFile(file: string, text: string): GoFileInfo {
  const source = text.replace(/^\uFEFF/, '');
  const imports = readImports(new Lexer(file, source));
  const cgo = imports.includes('C');
  // Most files have neither: the whole-file scan runs only where it can find something.
  const comments = cgo || source.includes('//go:embed') ? new Lexer(file, source).comments() : [];
  const embeds = comments
    .filter((comment) => EMBED_DIRECTIVE.test(comment.text))
    .flatMap((comment) => embedPatterns(file, comment.line, comment.text.slice('//go:embed'.length)));
  const cgoReachesOutside = cgo && comments.some((comment) => /\$\{SRCDIR\}|#include\s+"\.\.\//.test(comment.text));
  return { imports: [...new Set(imports)], embeds, cgo, cgoReachesOutside };
}

/** `package name;` then any number of `import` declarations, single or parenthesised. */
function readImports(lexer: Lexer): string[] {
  expectWord(lexer, 'package');
  const name = lexer.next();
  if (name?.kind !== 'word') throw lexer.error('expected the package name after `package`', name);
  endOfDeclaration(lexer);
  const imports: string[] = [];
  for (let token = lexer.peek(); token?.kind === 'word' && token.text === 'import'; token = lexer.peek()) {
    lexer.next();
    if (lexer.peek()?.text === '(') {
      lexer.next();
      while (lexer.peek()?.text !== ')') {
        if (lexer.peek()?.kind === 'end' || lexer.peek()?.text === ';') {
          lexer.next();
          continue;
        }
        imports.push(importSpec(lexer));
      }
      lexer.next();
    } else {
      imports.push(importSpec(lexer));
    }
    endOfDeclaration(lexer);
  }
  return imports;
}

/** `[name | . | _] "path"`. */
function importSpec(lexer: Lexer): string {
  let token = lexer.next();
  if (token?.kind === 'word' || token?.text === '.') token = lexer.next();
  if (token?.kind !== 'string') throw lexer.error('expected an import path string', token);
  return token.text;
}

function expectWord(lexer: Lexer, word: string): void {
  const token = lexer.next();
  if (token?.kind !== 'word' || token.text !== word) throw lexer.error(`expected \`${word}\``, token);
}

function endOfDeclaration(lexer: Lexer): void {
  const token = lexer.peek();
  if (token === undefined) return;
  if (token.kind === 'end' || token.text === ';') lexer.next();
  else throw lexer.error(`unexpected \`${token.text}\` after a declaration`, token);
}

/** Space-separated patterns, each bare, "interpreted" or `raw` (Go's rule for //go:embed). */
function embedPatterns(file: string, line: number, text: string): string[] {
  const patterns: string[] = [];
  let rest = text.trim();
  while (rest !== '') {
    const quote = rest[0];
    if (quote === '"' || quote === '`') {
      const end = quote === '`' ? rest.indexOf('`', 1) : closingQuote(rest, '"', 0);
      if (end < 0) throw new GoParseError(file, line, 'unterminated string in a //go:embed pattern');
      const literal = rest.slice(0, end + 1);
      patterns.push(quote === '`' ? literal.slice(1, -1) : unquote(file, line, literal));
      rest = rest.slice(end + 1).trimStart();
    } else {
      const [word] = rest.split(/\s/, 1);
      patterns.push(word);
      rest = rest.slice(word.length).trimStart();
    }
  }
  return patterns;
}

/** Where the interpreted string or rune opened at `start` closes on its line, or -1. */
function closingQuote(text: string, quote: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '\n') return -1;
    else if (text[i] === quote) return i;
  }
  return -1;
}

/** Go's one-letter escapes in an interpreted string (`\'` is a rune's only). */
const SIMPLE_ESCAPES: ReadonlyMap<string, number> = new Map([
  ['a', 7],
  ['b', 8],
  ['f', 12],
  ['n', 10],
  ['r', 13],
  ['t', 9],
  ['v', 11],
  ['\\', 92],
  ['"', 34],
]);

/** Go's numeric escapes: three octal digits, or x, u or U and two, four or eight hexadecimal ones. */
const NUMERIC_ESCAPE = /^(?:[0-7]{3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})/;

/**
 * An interpreted string literal's value, as Go's strconv.Unquote gives it: `\x` and octal escapes
 * are bytes, `\u` and `\U` code points; bytes that are not UTF-8 read as U+FFFD, as when Go
 * prints them.
 */
function unquote(file: string, line: number, literal: string): string {
  const body = literal.slice(1, -1);
  if (!body.includes('\\')) return body;
  const refuse = () => new GoParseError(file, line, `cannot read the string ${literal}`);
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < body.length; ) {
    const next = body.indexOf('\\', i);
    const plainEnd = next < 0 ? body.length : next;
    bytes.push(...encoder.encode(body.slice(i, plainEnd)));
    if (next < 0) break;
    const kind = body.charAt(next + 1);
    const simple = SIMPLE_ESCAPES.get(kind);
    if (simple !== undefined) {
      bytes.push(simple);
      i = next + 2;
      continue;
    }
    const numeric = NUMERIC_ESCAPE.exec(body.slice(next + 1))?.[0];
    if (numeric === undefined) throw refuse();
    i = next + 1 + numeric.length;
    if (kind === 'u' || kind === 'U') {
      const codePoint = parseInt(numeric.slice(1), 16);
      if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint < 0xe000)) throw refuse();
      bytes.push(...encoder.encode(String.fromCodePoint(codePoint)));
    } else {
      const byte = kind === 'x' ? parseInt(numeric.slice(1), 16) : parseInt(numeric, 8);
      if (byte > 255) throw refuse();
      bytes.push(byte);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Go's keywords but break, continue, fallthrough and return: a line may end on them (`package` then the name on the next line). */
const KEYWORDS_WITHOUT_SEMICOLON = new Set(
  'case chan const default defer else for func go goto if import interface map package range select struct switch type var'.split(' '),
);

/** Tokens of Go's lexical grammar, as far as the import section needs them; comments collected. */
class Lexer {
  private position = 0;
  private line = 1;
  private lastSignificant: Token | undefined;
  private peeked: Token | undefined | null = null;

  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {}

  /** An error at `token`'s line, or at the current one (a token may end the line it was on). */
  error(reason: string, token?: Token): GoParseError {
    return new GoParseError(this.file, token?.line ?? this.line, reason);
  }

  peek(): Token | undefined {
    if (this.peeked === null) this.peeked = this.read();
    return this.peeked;
  }

  next(): Token | undefined {
    const token = this.peek();
    this.peeked = null;
    return token;
  }

  /** Every comment of the file; strings and runes are skipped whole. */
  comments(): { text: string; line: number }[] {
    const comments: { text: string; line: number }[] = [];
    while (this.position < this.text.length) {
      const comment = this.skipSpaceAndComments(comments);
      if (comment === 'newline') continue;
      if (this.position >= this.text.length) break;
      const ch = this.text[this.position];
      if (ch === '"' || ch === '`' || ch === "'") this.readQuoted(ch);
      else this.advance(1);
    }
    return comments;
  }

  private read(): Token | undefined {
    for (;;) {
      const newline = this.skipSpaceAndComments();
      if (newline === 'newline' && this.needsSemicolon()) {
        this.lastSignificant = undefined;
        return { kind: 'end', text: ';', line: this.line - 1 };
      }
      if (newline !== 'newline') break;
    }
    if (this.position >= this.text.length) return undefined;
    const line = this.line;
    const ch = this.text[this.position];
    let token: Token;
    if (ch === '"' || ch === '`') token = { kind: 'string', text: this.stringValue(this.readQuoted(ch), line), line };
    else if (/[\p{L}_]/u.test(ch)) {
      const match = /^[\p{L}\p{Nd}_]+/u.exec(this.text.slice(this.position, this.position + 256))!;
      this.advance(match[0].length);
      token = { kind: 'word', text: match[0], line };
    } else {
      this.advance(1);
      token = { kind: 'punct', text: ch, line };
    }
    this.lastSignificant = token;
    return token;
  }

  /** Go inserts a semicolon at a newline after an identifier, a literal, a closing `)` or one of four keywords. */
  private needsSemicolon(): boolean {
    const last = this.lastSignificant;
    if (last === undefined) return false;
    if (last.kind === 'word') return !KEYWORDS_WITHOUT_SEMICOLON.has(last.text);
    return last.kind === 'string' || last.text === ')';
  }

  /**
   * Skips blanks and comments up to the next token; returns 'newline' after consuming one
   * newline (outside a block comment without newlines), so the caller can insert a semicolon.
   */
  private skipSpaceAndComments(collect?: { text: string; line: number }[]): 'newline' | undefined {
    while (this.position < this.text.length) {
      const ch = this.text[this.position];
      if (ch === '\n') {
        this.advance(1);
        return 'newline';
      }
      if (ch === ' ' || ch === '\t' || ch === '\r') this.advance(1);
      else if (this.text.startsWith('//', this.position)) {
        const end = this.text.indexOf('\n', this.position);
        const stop = end < 0 ? this.text.length : end;
        collect?.push({ text: this.text.slice(this.position, stop).replace(/\r$/, ''), line: this.line });
        this.advance(stop - this.position);
      } else if (this.text.startsWith('/*', this.position)) {
        const end = this.text.indexOf('*/', this.position + 2);
        if (end < 0) throw this.error('unterminated block comment');
        const body = this.text.slice(this.position, end + 2);
        collect?.push({ text: body, line: this.line });
        this.advance(body.length);
        if (body.includes('\n')) return 'newline';
      } else return undefined;
    }
    return undefined;
  }

  /** Skips a "…", `…` or '…' literal at the current position and returns it as written. */
  private readQuoted(quote: string): string {
    const start = this.position;
    const line = this.line;
    const end = quote === '`' ? this.text.indexOf('`', start + 1) : closingQuote(this.text, quote, start);
    if (end < 0) {
      const what = quote === '`' ? 'raw string' : `${quote === '"' ? 'string' : 'rune'} literal`;
      throw new GoParseError(this.file, line, `unterminated ${what}`);
    }
    this.advance(end + 1 - start);
    return this.text.slice(start, end + 1);
  }

  /** A string literal's value: raw strings drop carriage returns, as Go does. */
  private stringValue(literal: string, line: number): string {
    return literal.startsWith('`') ? literal.slice(1, -1).replace(/\r/g, '') : unquote(this.file, line, literal);
  }

  private advance(count: number): void {
    for (let i = this.position; i < this.position + count; i++) if (this.text.charCodeAt(i) === 10) this.line++;
    this.position += count;
  }
}
