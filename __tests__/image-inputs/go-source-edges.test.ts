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

  test('reads escaped quotes and hex escapes in quoted embed patterns', () => {
    const info = parseGoFile('e.go', 'package e\n//go:embed "say \\"hi\\".txt" "\\x41.txt" `raw "q".txt`\nvar f string\n');
    expect(info.embeds).toEqual(['say "hi".txt', 'A.txt', 'raw "q".txt']);
  });

  test("a rune literal holding a quote does not end the file's directives early", () => {
    const info = parseGoFile('e.go', "package e\nvar q = '\"'\n//go:embed late.txt\nvar f string\n");
    expect(info.embeds).toEqual(['late.txt']);
  });
});
