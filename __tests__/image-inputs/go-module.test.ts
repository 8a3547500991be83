// What a go.mod says about where a module's packages live: its module path and which `replace`
// directives move a module into a local directory; and the message a go.mod it cannot read gets.
import { GoModError, parseGoMod } from '../../src/image-inputs/go-module.js';

const replacements = (text: string) => [...parseGoMod('go.mod', text).localReplacements];

function errorOf(text: string): unknown {
  try {
    parseGoMod('sub/go.mod', text);
  } catch (error) {
    return error;
  }
  throw new Error('parseGoMod accepted the file');
}

describe('parseGoMod', () => {
  test.each([
    ['module example.com/kn\n\ngo 1.24\n', 'example.com/kn'],
    ['// the service\nmodule example.com/kn // its path\n', 'example.com/kn'],
    ['module "example.com/quoted"\n', 'example.com/quoted'],
    ['module `example.com/raw`\n', 'example.com/raw'],
    ['module "example.com/\\u0061"\n', 'example.com/a'],
    ['module (\n\texample.com/block\n)\n', 'example.com/block'],
    ['module (\n\n\t// the path\n\texample.com/block\n)\ngo 1.24\n', 'example.com/block'],
    ['go 1.24\nrequire (\n\texample.com/dep v1.0.0\n)\nmodule example.com/late\n', 'example.com/late'],
  ])('reads the module path of %j', (text, modulePath) => {
    expect(parseGoMod('go.mod', text).modulePath).toBe(modulePath);
  });

  test('keeps replacements by a local directory, as written, and drops those by another module', () => {
    const text = [
      'module example.com/kn',
      '',
      'replace example.com/a => ./third_party/a',
      'replace example.com/b v1.2.0 => ../b',
      'replace example.com/c => /abs/c',
      'replace example.com/d => example.com/fork/d v1.0.1',
      'replace example.com/e => .',
      'replace example.com/f => ..',
      'replace example.com/g => .hidden/g',
      'replace example.com/h => "./quoted h"',
    ].join('\n');
    expect(replacements(text)).toEqual([
      ['example.com/a', './third_party/a'],
      ['example.com/b', '../b'],
      ['example.com/c', '/abs/c'],
      ['example.com/e', '.'],
      ['example.com/f', '..'],
      ['example.com/h', './quoted h'],
    ]);
  });

  test('reads a replace block up to its closing parenthesis, and no other block as replacements', () => {
    const text = [
      'module example.com/kn',
      'require (',
      '\texample.com/dep v1.0.0',
      '\texample.com/other v1.0.0 // indirect',
      ')',
      'replace (',
      '\t// vendored copy',
      '\texample.com/dep => ./dep',
      '',
      '\texample.com/other v1.0.0 => example.com/fork v1.0.1',
      ')',
      'replace example.com/last => ./last',
      'exclude (',
      '\texample.com/bad v0.1.0',
      ')',
    ].join('\n');
    expect(replacements(text)).toEqual([
      ['example.com/dep', './dep'],
      ['example.com/last', './last'],
    ]);
    expect(parseGoMod('go.mod', text).modulePath).toBe('example.com/kn');
  });

  test.each([
    ['go 1.24\n', 1, 'no `module` directive'],
    ['', 1, 'no `module` directive'],
    ['module example.com/kn\nreplace example.com/a ./a\n', 2, 'a replace directive needs `old => new`'],
    ['module example.com/kn\nreplace => ./a\n', 2, 'a replace directive needs `old => new`'],
    ['module example.com/kn\n\nreplace example.com/a =>\n', 3, 'a replace directive needs `old => new`'],
    ['module example.com/kn\nreplace (\n\texample.com/a ./a\n)\n', 3, 'a replace directive needs `old => new`'],
    ['module "example.com/open\n', 1, 'cannot read `"example.com/open`'],
    ['module "example.com/\\q"\n', 1, 'cannot read the string "example.com/\\q"'],
  ])('refuses %j at line %d: %s', (text, line, reason) => {
    const error = errorOf(text);
    expect(error).toBeInstanceOf(GoModError);
    expect(error).toMatchObject({ name: 'GoModError', file: 'sub/go.mod', line, reason, message: `sub/go.mod:${line}: ${reason}` });
  });
});
