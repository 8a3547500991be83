// The lexical corners of Go's import section and directive comments that real files reach: a byte
// order mark, CRLF line ends, explicit semicolons, comments between tokens, escapes in strings,
// cgo preambles in block comments, and the exact message a file that cannot be read gets.
// Every import list here is what `go list` (go1.23) reports for the same text.
import { GoParseError, parseGoFile } from '../../src/image-inputs/go-source.js';

function parseError(text: string): GoParseError {
  try {
    parseGoFile('bad.go', text);
  } catch (error) {
    if (error instanceof GoParseError) return error;
    throw error;
  }
  throw new Error('expected a GoParseError');
}

describe('parseGoFile: the import section as Go lexes it', () => {
  test('a byte order mark and CRLF line ends, with a raw import path', () => {
    expect(parseGoFile('a.go', '\uFEFFpackage a\r\nimport "fmt"\r\nimport `os`\r\n').imports).toEqual(['fmt', 'os']);
  });

  test('carriage returns inside a raw string are not part of its value', () => {
    expect(parseGoFile('a.go', 'package a\nimport `example.com/m/p\r`\n').imports).toEqual(['example.com/m/p']);
  });

  test('explicit semicolons, leading blank lines and an import after `package p;` on the next line', () => {
    const info = parseGoFile('b.go', '\n\npackage b;\nimport "fmt"; import ("os"; "io")\nimport "sort"\n');
    expect(info.imports).toEqual(['fmt', 'os', 'io', 'sort']);
  });

  test('a file without a trailing newline ends its last declaration', () => {
    expect(parseGoFile('c.go', 'package c').imports).toEqual([]);
    expect(parseGoFile('c.go', 'package c\nimport "fmt"').imports).toEqual(['fmt']);
  });

  test('a one-line block comment is a space; one spanning lines is a newline', () => {
    const info = parseGoFile('d.go', 'package d\nimport /* why */ "strings"\nimport "bytes" /* multi\nline */ import "sort"\n');
    expect(info.imports).toEqual(['strings', 'bytes', 'sort']);
  });

  test('`/*/` opens a block comment and does not close it', () => {
    expect(parseGoFile('e.go', 'package e\n/*/ import "example.com/m/not" */\nimport "fmt"\n').imports).toEqual(['fmt']);
  });

  test('only the import section is read: a broken body does not hide the imports (as go list)', () => {
    const info = parseGoFile('f.go', 'package f\nimport "fmt"\n\nfunc X() { _ = "unterminated\n}\nvar r = `open\n');
    expect(info).toEqual({ imports: ['fmt'], embeds: [], cgo: false, cgoReachesOutside: false });
  });
});

describe('parseGoFile: directive comments', () => {
  test('//go:embed patterns of a CRLF file do not keep the carriage return', () => {
    const info = parseGoFile('e.go', 'package e\r\nimport "embed"\r\n//go:embed static/a.txt b.txt\r\nvar f embed.FS\r\n');
    expect(info.embeds).toEqual(['static/a.txt', 'b.txt']);
  });

  test('a carriage return inside a //go:embed line separates patterns, as any space does', () => {
    const info = parseGoFile('e.go', 'package e\n\nimport "embed"\n\n//go:embed a\rb.txt\nvar f embed.FS\n');
    expect(info.embeds).toEqual(['a', 'b.txt']);
  });

  test('an escaped quote inside a string before a directive does not end the string', () => {
    const info = parseGoFile('e.go', 'package e\nvar s = "\\"" + "a"\n//go:embed late.txt\nvar f string\n');
    expect(info.embeds).toEqual(['late.txt']);
  });

  test('a cgo preamble in a block comment that uses ${SRCDIR} reaches outside', () => {
    const text = 'package c\n\n/*\n#cgo CFLAGS: -I${SRCDIR}/include\n#include "lib.h"\n*/\nimport "C"\n';
    expect(parseGoFile('c.go', text)).toMatchObject({ imports: ['C'], cgo: true, cgoReachesOutside: true });
  });

  test.each([
    ['// #include "../common.h"', true],
    ['// #include  "../common.h"', true],
    ['// #include "common.h"', false],
  ])('a preamble among other comments with %j reaches outside: %s', (preamble, outside) => {
    const text = `// Package c wraps a C library.\npackage c\n\n${preamble}\n// #include <stdlib.h>\nimport "C"\n`;
    expect(parseGoFile('c.go', text)).toMatchObject({ cgo: true, cgoReachesOutside: outside });
  });
});

describe('parseGoFile: what a file that cannot be read is told', () => {
  test.each([
    ['an empty file', '', 'bad.go:1: expected `package`'],
    ['a file that starts with a declaration', 'func main() {}\n', 'bad.go:1: expected `package`'],
    ['a file that starts with a string', '"package" p\n', 'bad.go:1: expected `package`'],
    ['a package clause without a name', 'package', 'bad.go:1: expected the package name after `package`'],
    ['an import keyword at the end of the file', 'package p\nimport', 'bad.go:2: expected an import path string'],
    ['an import of a number', 'package p\nimport 5\n', 'bad.go:2: expected an import path string'],
    ['an unterminated block comment', 'package p\n\n/* import "x"\n', 'bad.go:3: unterminated block comment'],
    ['an import path that runs past the end of its line', 'package p\nimport "fmt\n"\n', 'bad.go:2: unterminated string literal'],
    ['an unterminated string before another string', 'package p\n//go:embed x\nvar s = "a\nvar t = "b"\n', 'bad.go:3: unterminated string literal'],
  ])('%s', (_what, text, message) => {
    const error = parseError(text);
    expect(error.name).toBe('GoParseError');
    expect(error.message).toBe(message);
  });
});
