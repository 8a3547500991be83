// Edges of the Go import closure, on in-memory contexts: a main package's default.pgo, a module
// replaced by the context's root, nested modules, and the reasons it gives up (the caller then
// falls back to a coarser mode).
import { goClosure, UnresolvedInputsError } from '../../src/image-inputs/go-closure.js';
import { memoryContext } from './memory-context.js';

const GO_MOD = 'module example.com/app\n\ngo 1.24\n';
const MAIN = (...imports: string[]) => `package main\n\n${imports.map((path) => `import _ "${path}"\n`).join('')}\nfunc main() {}\n`;

function closureOf(files: Record<string, string>, kinds: Record<string, 'symlink' | 'special'> = {}) {
  const { index, reader } = memoryContext(files, kinds);
  return goClosure(index, reader, { mainPackages: ['cmd/app'], vendorWhenPresent: true });
}

function refusal(files: Record<string, string>, kinds: Record<string, 'symlink' | 'special'> = {}): unknown {
  try {
    closureOf(files, kinds);
  } catch (error) {
    return error;
  }
  throw new Error('the closure was resolved');
}

describe('goClosure edges', () => {
  test("a main package's default.pgo is an input, as the profile of -pgo=auto; another package's is not", () => {
    const closure = closureOf({
      'go.mod': GO_MOD,
      'cmd/app/main.go': MAIN('example.com/app/pkg/a'),
      'cmd/app/default.pgo': 'profile',
      'pkg/a/a.go': 'package a\n',
      'pkg/a/default.pgo': 'profile',
    });
    expect(closure.files.get('cmd/app/default.pgo')).toBe('profile for -pgo=auto');
    expect(closure.files.has('pkg/a/default.pgo')).toBe(false);
  });

  test('a module replaced by the context root resolves its imports to the root', () => {
    const closure = closureOf({
      'go.mod': `${GO_MOD}replace example.com/alias => .\n`,
      'cmd/app/main.go': MAIN('example.com/alias/pkg/a'),
      'pkg/a/a.go': 'package a\n',
    });
    expect(closure.packages).toEqual(['cmd/app', 'pkg/a']);
    expect([...closure.files.keys()].sort()).toEqual(['cmd/app/main.go', 'go.mod', 'pkg/a/a.go']);
  });

  test("a directory with its own go.mod is another module: the main module's imports of it are not followed", () => {
    const closure = closureOf({
      'go.mod': GO_MOD,
      'cmd/app/main.go': MAIN('example.com/app/tools/gen'),
      'tools/go.mod': 'module example.com/app/tools\n',
      'tools/gen/gen.go': 'package gen\n',
    });
    expect(closure.packages).toEqual(['cmd/app']);
  });

  test.each([
    ['no go.mod', { 'cmd/app/main.go': MAIN() }, {}, 'no go.mod at or above ./cmd/app inside the build context'],
    ['a go.mod without a module directive', { 'go.mod': 'go 1.24\n', 'cmd/app/main.go': MAIN() }, {}, 'go.mod:1: no `module` directive'],
    [
      'a replacement by a context directory without go.mod',
      { 'go.mod': `${GO_MOD}replace example.com/lib => ./lib\n`, 'cmd/app/main.go': MAIN(), 'lib/l.go': 'package lib\n' },
      {},
      'go.mod: replace example.com/lib => ./lib: lib/go.mod is not in the build context',
    ],
    [
      'a package with no Go files',
      { 'go.mod': GO_MOD, 'cmd/app/main.go': MAIN('example.com/app/pkg/docs'), 'pkg/docs/README.md': '', 'pkg/docs/_old.go': 'package docs\n' },
      {},
      'package example.com/app/pkg/docs: no Go files in ./pkg/docs',
    ],
    ['a Go file that is a symbolic link', { 'go.mod': GO_MOD, 'cmd/app/main.go': MAIN() }, { 'cmd/app/main.go': 'symlink' as const }, 'cmd/app/main.go is a symbolic link; only regular Go files are followed'],
    ['a Go file that is a special file', { 'go.mod': GO_MOD, 'cmd/app/main.go': MAIN() }, { 'cmd/app/main.go': 'special' as const }, 'cmd/app/main.go is a special file; only regular Go files are followed'],
    [
      'an embed pattern Go refuses',
      { 'go.mod': GO_MOD, 'cmd/app/main.go': 'package main\n\nimport _ "embed"\n\n//go:embed ../secret\nvar s string\n' },
      {},
      'cmd/app/main.go: //go:embed ../secret: not a valid embed pattern (no leading /, no empty, . or .. elements)',
    ],
  ])('gives up on %s, saying why', (_what, files, kinds, reason) => {
    const error = refusal(files, kinds);
    expect(error).toBeInstanceOf(UnresolvedInputsError);
    expect(error).toMatchObject({ name: 'UnresolvedInputsError', reason, message: reason });
  });

  test('a go.mod that cannot be read is an error of its own, not a reason to fall back', () => {
    const { index, reader } = memoryContext({ 'go.mod': GO_MOD, 'cmd/app/main.go': MAIN() });
    const denied = new Error('EACCES: permission denied, open go.mod');
    const failing = { ...reader, text: () => { throw denied; } };
    let error: unknown;
    try {
      goClosure(index, failing, { mainPackages: ['cmd/app'], vendorWhenPresent: true });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBe(denied);
  });
});
