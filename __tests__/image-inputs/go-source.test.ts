import { GoParseError, parseGoFile } from '../../src/image-inputs/go-source.js';

describe('parseGoFile', () => {
  it('reads single, grouped, named, dot and blank imports across comments and semicolons', () => {
    const info = parseGoFile(
      'a.go',
      [
        '// Package a: import "not/this"',
        '/* block with import "nor/this" */ package a // trailing',
        '',
        'import "fmt"; import alias "example.com/m/alias"',
        'import (',
        '\t// import "commented/out"',
        '\t. "example.com/m/dot" /* x */',
        '\t_ `example.com/m/raw`',
        '\t"example.com/m/escaped\\u0041"',
        ')',
        'import "fmt"',
        '',
        'var s = `',
        'import "example.com/m/in-a-string"',
        '`',
      ].join('\n'),
    );
    expect(info.imports).toEqual(['fmt', 'example.com/m/alias', 'example.com/m/dot', 'example.com/m/raw', 'example.com/m/escapedA']);
    expect(info.cgo).toBe(false);
  });

  it('reads a package clause and imports split after their keyword, as Go does (no semicolon after a keyword)', () => {
    const text = ['package', 'main', '', 'import', '"fmt"', '', 'import', '(', '\t"os"', ')', ''].join('\n');
    expect(parseGoFile('split.go', text).imports).toEqual(['fmt', 'os']);
  });

  it('ends a line after an identifier, as Go does: an import name with its path on the next line is refused', () => {
    expect(() => parseGoFile('bad.go', 'package p\n\nimport alias\n"fmt"\n')).toThrow('bad.go:3: expected an import path string');
  });

  it('takes //go:embed patterns from comments only, bare or quoted', () => {
    const info = parseGoFile(
      'e.go',
      [
        'package e',
        'import "embed"',
        '//go:embed static/* "with space.txt" `raw[ab].txt`',
        'var f embed.FS',
        'const doc = `',
        '//go:embed not-a-directive',
        '`',
        '/*',
        '//go:embed nor-this',
        '*/',
        '//go:embedded is another word',
      ].join('\n'),
    );
    expect(info.embeds).toEqual(['static/*', 'with space.txt', 'raw[ab].txt']);
  });

  it('marks cgo, and cgo that reaches outside its directory', () => {
    expect(parseGoFile('c.go', 'package c\n// #include "local.h"\nimport "C"\n')).toMatchObject({ cgo: true, cgoReachesOutside: false });
    expect(parseGoFile('c.go', 'package c\n// #cgo CFLAGS: -I${SRCDIR}/../include\nimport "C"\n')).toMatchObject({ cgo: true, cgoReachesOutside: true });
  });

  it.each([
    ['no package clause', 'import "fmt"\n'],
    ['an unterminated import block', 'package p\nimport (\n"fmt"\n'],
    ['an unterminated string', 'package p\nimport "fmt\n'],
    ['an unterminated block comment', 'package p\n/* import "x"\n'],
  ])('throws GoParseError naming the file and line for %s', (_what, text) => {
    expect(() => parseGoFile('bad.go', text)).toThrow(GoParseError);
    expect(() => parseGoFile('bad.go', text)).toThrow(/^bad\.go:\d+: /);
  });
});
