// The messages a Go file that cannot be read gets (file, line and what is wrong), and the
// escapes of quoted //go:embed patterns.
import { GoParseError, parseGoFile } from '../../src/image-inputs/go-source.js';

describe('parseGoFile edges', () => {
  test.each([
    ['a package clause whose name is a string', 'package "p"\n', 'bad.go:1: expected the package name after `package`'],
    ['a package name that is a string, on the line after the keyword', 'package\n\n"p"\n', 'bad.go:3: expected the package name after `package`'],
    ['a word after the package clause', 'package p q\n', 'bad.go:1: unexpected `q` after a declaration'],
    ['an unterminated raw import', 'package p\n\nimport `fmt\n', 'bad.go:3: unterminated raw string'],
    ['an unterminated embed string', 'package p\n\n//go:embed a.txt "open\n', 'bad.go:3: unterminated string in a //go:embed pattern'],
    ['an embed string ending on an escaped quote', 'package p\n//go:embed "open\\"\n', 'bad.go:2: unterminated string in a //go:embed pattern'],
    ['an embed string with an unknown escape', 'package p\n//go:embed "a\\q"\n', 'bad.go:2: cannot read the string "a\\q"'],
    ['an octal escape over 255', 'package p\nimport "\\400"\n', 'bad.go:2: cannot read the string "\\400"'],
    ['a short \\u escape', 'package p\nimport "\\u12"\n', 'bad.go:2: cannot read the string "\\u12"'],
    ['a \\u escape of a surrogate', 'package p\nimport "\\ud800"\n', 'bad.go:2: cannot read the string "\\ud800"'],
    ['a \\U escape past Unicode', 'package p\nimport "\\U00110000"\n', 'bad.go:2: cannot read the string "\\U00110000"'],
    ['an unknown escape before digits', 'package p\nimport "\\q101"\n', 'bad.go:2: cannot read the string "\\q101"'],
    ['an unterminated rune in a file with embeds', "package p\n//go:embed x\nvar c = 'a\n", 'bad.go:3: unterminated rune literal'],
    ['an unterminated string in a file with embeds', 'package p\n//go:embed x\nvar s = "a\n', 'bad.go:3: unterminated string literal'],
  ])('refuses %s', (_what, text, message) => {
    let error: unknown;
    try {
      parseGoFile('bad.go', text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GoParseError);
    expect((error as Error).message).toBe(message);
  });

  test('reads every escape Go has in an import path, bytes that are not UTF-8 as U+FFFD', () => {
    const info = parseGoFile('e.go', 'package e\nimport (\n\t"\\101\\x42\\u0043\\U00000044"\n\t"tab\there"\n\t"\\a\\b\\f\\n\\r\\t\\v\\\\\\""\n\t"abc\\xffdef"\n)\n');
    expect(info.imports).toEqual(['ABCD', 'tab\there', '\x07\b\f\n\r\t\v\\"', 'abc\ufffddef']);
  });

  test('takes \\u and \\U escapes as code points and \\x ones as bytes, up to the ends of their ranges', () => {
    const info = parseGoFile('e.go', 'package e\nimport (\n\t"\\u00e9"\n\t"\\xc3\\xa9x"\n\t"\\ue000\\ud7ff"\n\t"\\U0010ffff\\377"\n)\n');
    expect(info.imports).toEqual(['\u00e9', '\u00e9x', '\ue000\ud7ff', '\u{10ffff}\ufffd']);
  });

  test("leaves the strings of a file's code alone while it looks for //go:embed: a tab or an octal escape in one is no error", () => {
    const info = parseGoFile('e.go', 'package e\n\nimport "embed"\n\n//go:embed static\nvar files embed.FS\n\nvar s = "\tindented: %s\\000\\q"\n');
    expect(info.embeds).toEqual(['static']);
  });

  test('reads escaped quotes and hex escapes in quoted embed patterns', () => {
    const info = parseGoFile('e.go', 'package e\n//go:embed "say \\"hi\\".txt" "\\x41.txt" `raw "q".txt`\nvar f string\n');
    expect(info.embeds).toEqual(['say "hi".txt', 'A.txt', 'raw "q".txt']);
  });

  test("a rune literal holding a quote does not end the file's directives early", () => {
    const info = parseGoFile('e.go', "package e\nvar q = '\"'\n//go:embed late.txt\nvar f string\n");
    expect(info.embeds).toEqual(['late.txt']);
  });
});
