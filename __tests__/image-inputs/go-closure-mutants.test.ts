// Which files and packages the Go closure holds in the cases the common fixtures do not reach:
// modules nested by replacement, a replaced module's root package, vendored builds that import
// the standard library, packages imported twice, workspaces above the module, and which errors
// are reasons to fall back and which are not. Package sets match `go list -deps` (go1.23).
import { goClosure, UnresolvedInputsError, type ContextReader } from '../../src/image-inputs/go-closure.js';
import { memoryContext } from './memory-context.js';

const GO_MOD = 'module example.com/app\n\ngo 1.24\n';
const MAIN = (...imports: string[]) => `package main\n\n${imports.map((path) => `import _ "${path}"\n`).join('')}\nfunc main() {}\n`;

function closureOf(files: Record<string, string>, mainPackages = ['cmd/app'], adapt = (reader: ContextReader) => reader) {
  const { index, reader } = memoryContext(files);
  return goClosure(index, adapt(reader), { mainPackages, vendorWhenPresent: true });
}

function refusal(files: Record<string, string>, mainPackages = ['cmd/app'], adapt?: (reader: ContextReader) => ContextReader): unknown {
  try {
    closureOf(files, mainPackages, adapt);
  } catch (error) {
    return error;
  }
  throw new Error('the closure was resolved');
}

describe('goClosure beyond the common cases', () => {
  test('packages are listed sorted, whatever order they are imported in', () => {
    const closure = closureOf({
      'go.mod': GO_MOD,
      'cmd/app/main.go': MAIN('example.com/app/pkg/b', 'example.com/app/pkg/a'),
      'pkg/a/a.go': 'package a\n',
      'pkg/b/b.go': 'package b\n',
    });
    expect(closure.packages).toEqual(['cmd/app', 'pkg/a', 'pkg/b']);
  });

  test('a package imported twice is read once: its embeds are listed once', () => {
    const closure = closureOf({
      'go.mod': GO_MOD,
      'cmd/app/main.go': MAIN('example.com/app/pkg/shared', 'example.com/app/pkg/a'),
      'pkg/a/a.go': 'package a\n\nimport _ "example.com/app/pkg/shared"\n',
      'pkg/shared/s.go': 'package shared\n\nimport _ "embed"\n\n//go:embed data.txt\nvar data string\n',
      'pkg/shared/data.txt': 'data\n',
    });
    expect(closure.embeds).toEqual([{ dir: 'pkg/shared', pattern: 'data.txt' }]);
    expect(closure.packages).toEqual(['cmd/app', 'pkg/a', 'pkg/shared']);
  });

  test('a module nested by a replacement owns its packages', () => {
    const closure = closureOf({
      'go.mod': `${GO_MOD}\nreplace example.com/app/tools => ./tools\n`,
      'cmd/app/main.go': MAIN('example.com/app/tools/gen', 'fmt'),
      'tools/go.mod': 'module example.com/app/tools\n\ngo 1.24\n',
      'tools/gen/gen.go': 'package gen\n',
    });
    expect(closure.packages).toEqual(['cmd/app', 'tools/gen']);
  });

  test("the module's root package, imported by its module path, is followed", () => {
    const closure = closureOf({ 'go.mod': GO_MOD, 'app.go': 'package app\n', 'cmd/app/main.go': MAIN('example.com/app') });
    expect(closure.packages).toEqual(['', 'cmd/app']);
  });

  test('a vendored build takes the standard library from the toolchain, not from vendor/', () => {
    const closure = closureOf({
      'go.mod': GO_MOD,
      'vendor/modules.txt': '# example.com/dep v1.0.0\n## explicit\nexample.com/dep\n',
      'vendor/example.com/dep/dep.go': 'package dep\n',
      'cmd/app/main.go': MAIN('fmt', 'net/http', 'example.com/dep'),
    });
    expect(closure.packages).toEqual(['cmd/app', 'vendor/example.com/dep']);
    expect(closure.files.get('vendor/modules.txt')).toBe('vendor/modules.txt');
  });

  test('Go files whose names start with `.` are not compiled', () => {
    const closure = closureOf({ 'go.mod': GO_MOD, 'cmd/app/main.go': MAIN(), 'cmd/app/.main.go': MAIN('example.com/app/pkg/gone') });
    expect([...closure.files.keys()].sort()).toEqual(['cmd/app/main.go', 'go.mod']);
  });

  test('a file embedded by two sources keeps the first reason', () => {
    const embedding = 'package main\n\nimport _ "embed"\n\n//go:embed banner.txt\nvar banner string\n';
    const closure = closureOf({ 'go.mod': GO_MOD, 'cmd/app/a.go': embedding, 'cmd/app/b.go': `${embedding}\nfunc main() {}\n`, 'cmd/app/banner.txt': 'hi\n' });
    expect(closure.files.get('cmd/app/banner.txt')).toBe('embedded by cmd/app/a.go (banner.txt)');
  });

  test.each([
    [
      'a go.work above a module in a subdirectory',
      { 'go.work': 'go 1.24\n\nuse ./app\n', 'app/go.mod': GO_MOD, 'app/cmd/app/main.go': MAIN() },
      ['app/cmd/app'],
      "go.work: Go workspaces are not followed; leave go.work out of the context (.dockerignore) or use inputs 'dockerfile'",
    ],
    [
      'a replacement by the parent of the context',
      { 'go.mod': `${GO_MOD}replace example.com/up => ..\n`, 'cmd/app/main.go': MAIN() },
      ['cmd/app'],
      'go.mod: replace example.com/up => .. points outside the build context',
    ],
    [
      'a replacement by a directory beside the context',
      { 'go.mod': `${GO_MOD}replace example.com/side => ../side\n`, 'cmd/app/main.go': MAIN() },
      ['cmd/app'],
      'go.mod: replace example.com/side => ../side points outside the build context',
    ],
    [
      'a replacement by an absolute path',
      { 'go.mod': `${GO_MOD}replace example.com/abs => /src/abs\n`, 'cmd/app/main.go': MAIN() },
      ['cmd/app'],
      'go.mod: replace example.com/abs => /src/abs points outside the build context',
    ],
    ['a Go file that does not parse', { 'go.mod': GO_MOD, 'cmd/app/main.go': 'package main\n\nimport "fmt\n' }, ['cmd/app'], 'cannot parse cmd/app/main.go:3: unterminated string literal'],
  ])('gives up on %s, saying why', (_what, files, mainPackages, reason) => {
    const error = refusal(files, mainPackages);
    expect(error).toBeInstanceOf(UnresolvedInputsError);
    expect(error).toMatchObject({ reason });
  });

  test('a Go file that cannot be read is an error of its own, not a reason to fall back', () => {
    const denied = new Error('EACCES: permission denied, open cmd/app/main.go');
    const error = refusal({ 'go.mod': GO_MOD, 'cmd/app/main.go': MAIN() }, ['cmd/app'], (reader) => ({
      ...reader,
      goFile: () => {
        throw denied;
      },
    }));
    expect(error).toBe(denied);
  });
});
