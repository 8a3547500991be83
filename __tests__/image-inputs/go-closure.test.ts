// The Go import closure against `go list` (the Go toolchain the testbed installs) on a fixture
// module that uses only the standard library and its own packages, so nothing is downloaded.
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { ContextFiles } from '../../src/image-inputs/context-files.js';
import { ContextIndex } from '../../src/image-inputs/context-index.js';
import { listContext } from '../../src/image-inputs/context.js';
import { selectInputs } from '../../src/image-inputs/inputs.js';
import { contextTree, imageAt, type ContextTree } from './context-tree.js';

const DOCKERFILE = [
  'FROM golang AS builder',
  'WORKDIR /src',
  'COPY go.mod ./',
  'COPY . .',
  'RUN CGO_ENABLED=0 go build -ldflags="-s -w" -o /app ./cmd/app',
  'FROM scratch',
  'COPY --from=builder /app /app',
  'COPY --from=builder /src/config/app.yaml /etc/app.yaml',
  'COPY LICENSE /',
].join('\n');

const MODULE: Record<string, string> = {
  Dockerfile: DOCKERFILE,
  LICENSE: 'license\n',
  'config/app.yaml': 'a: 1\n',
  'config/other.yaml': 'b: 2\n',
  'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ./libs/lib // local\n',
  'cmd/app/main.go': [
    'package main',
    '',
    'import (',
    '\t"fmt" // the standard library',
    '\tb "example.com/app/pkg/b"',
    '\t_ `example.com/app/pkg/side`',
    '\t"example.com/lib/l"',
    ')',
    '',
    'func main() { fmt.Println(b.B, l.L) }',
  ].join('\n'),
  'cmd/app/main_test.go': 'package main\n\nimport _ "example.com/app/pkg/testonly"\n',
  'cmd/app/_scratch.go': 'package main\n\nimport _ "example.com/app/pkg/unrelated"\n',
  'pkg/b/b.go': 'package b\n\nimport (\n\t"embed"\n\n\t"example.com/app/internal/c"\n)\n\n//go:embed static templates/*.html\nvar files embed.FS\n\nvar B = c.C\n',
  'pkg/b/b_windows.go': 'package b\n\nimport _ "example.com/app/pkg/win"\n',
  'pkg/b/doc.go': '/*\nimport "example.com/app/pkg/unrelated"\n*/\npackage b\n\nconst doc = `\n//go:embed config\n`\n',
  'pkg/b/static/x.txt': 'x\n',
  'pkg/b/static/.hidden': 'h\n',
  'pkg/b/static/_skipped/y.txt': 'y\n',
  'pkg/b/templates/t.html': '<p/>\n',
  'pkg/b/templates/t.txt': 'not matched\n',
  'internal/c/c.go': 'package c\n\nconst C = 1\n',
  'internal/c/c_amd64.s': '// assembly\n',
  'pkg/side/side.go': 'package side\n',
  // Split after its keywords, which gofmt never writes and Go accepts.
  'pkg/win/win.go': 'package\nwin\n\nimport\n"example.com/app/internal/c"\n\nconst W = c.C\n',
  'pkg/testonly/t.go': 'package testonly\n',
  'pkg/unrelated/u.go': 'package unrelated\n',
  'libs/lib/go.mod': 'module example.com/lib\n\ngo 1.21\n',
  'libs/lib/l/l.go': 'package l\n\nconst L = 2\n',
};

let tree: ContextTree;
beforeEach(() => {
  tree = contextTree(MODULE);
});
afterEach(() => tree.remove());

async function goInputs(goPackage = '') {
  const image = imageAt({ inputs: 'go', goPackage });
  const listing = await listContext(tree.root, image);
  const dockerfile = tree.read('Dockerfile');
  return await selectInputs(new ContextIndex(listing.entries), new ContextFiles(listing.dir), dockerfile, image);
}

/** Module packages `go list -deps` finds for ./cmd/app under each GOOS, with their Go and embedded files. */
function goList(goos: string): Map<string, string[]> {
  const result = spawnSync('go', ['list', '-deps', '-f', '{{if .Module}}{{.Dir}}|{{join .GoFiles ","}},{{join .IgnoredGoFiles ","}}|{{join .EmbedFiles ","}}|{{join .SFiles ","}}{{end}}', './cmd/app'], {
    cwd: tree.root,
    encoding: 'utf8',
    env: { ...process.env, GOOS: goos, GOARCH: 'amd64', GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOWORK: 'off', CGO_ENABLED: '0' },
  });
  if (result.status !== 0) throw new Error(`go list failed: ${result.stderr}`);
  const packages = new Map<string, string[]>();
  for (const line of result.stdout.trim().split('\n').filter(Boolean)) {
    const [dir, goFiles, embeds, sFiles] = line.split('|');
    const rel = relative(tree.root, dir);
    const files = [...goFiles.split(','), ...sFiles.split(',')].filter(Boolean).map((name) => `${rel}/${name}`);
    files.push(...embeds.split(',').filter(Boolean).map((name) => `${rel}/${name}`));
    packages.set(rel, files);
  }
  return packages;
}

describe('inputs go: the import closure', () => {
  it('holds exactly the files go list finds for linux and windows, plus go.mod and what the Dockerfile copies', async () => {
    const oracle = new Set<string>();
    for (const goos of ['linux', 'windows']) for (const files of goList(goos).values()) files.forEach((file) => oracle.add(file));
    const inputs = await goInputs();
    expect(inputs.mode).toBe('go');
    const reasons = new Map(inputs.files.map((file) => [file.entry.path, file.reason]));
    const fromGo = [...reasons.keys()].filter((path) => reasons.get(path)!.match(/^(package in closure|embedded by|compiled with)/));
    expect(fromGo.sort()).toEqual([...oracle].sort());
    expect(reasons.get('go.mod')).toBe('go.mod');
    expect(reasons.get('libs/lib/go.mod')).toMatch(/^go\.mod of example\.com\/lib/);
    expect(reasons.get('LICENSE')).toMatch(/^copied by the Dockerfile \(line 9\)/);
    expect(reasons.get('config/app.yaml')).toMatch(/^copied out of a build stage by the Dockerfile \(line 8\)/);
    expect(reasons.has('config/other.yaml')).toBe(false);
    expect(reasons.has('Dockerfile')).toBe(false);
  });

  it('follows the package the configuration names when the Dockerfile builds none', async () => {
    tree.write('Dockerfile', 'FROM golang\nWORKDIR /src\nCOPY . .\n');
    const inputs = await goInputs('pkg/side');
    expect(inputs.mode).toBe('go');
    expect(inputs.files.map((file) => file.entry.path)).toEqual(['go.mod', 'libs/lib/go.mod', 'pkg/side/side.go']);
  });

  it.each([
    ['an import in the module with no directory', () => tree.write('pkg/side/side.go', 'package side\n\nimport _ "example.com/app/pkg/gone"\n'), /pkg\/side\/side\.go imports example\.com\/app\/pkg\/gone, but \.\/pkg\/gone is not in the build context/],
    ['a Go file that does not parse', () => tree.write('pkg/side/side.go', 'package side\nimport (\n'), /cannot parse pkg\/side\/side\.go:\d+/],
    ['a go.work', () => tree.write('go.work', 'go 1.21\nuse .\n'), /go\.work: Go workspaces are not followed/],
    ['a local replacement outside the context', () => tree.write('go.mod', 'module example.com/app\nreplace example.com/lib => ../lib\n'), /replace example\.com\/lib => \.\.\/lib points outside the build context/],
    ['cgo that reaches outside its package', () => tree.write('pkg/side/cgo.go', 'package side\n// #cgo CFLAGS: -I${SRCDIR}/../inc\nimport "C"\n'), /cgo directives refer to files outside/],
    ['a RUN that executes a script of the context', () => tree.write('Dockerfile', `${DOCKERFILE}\nRUN ./hack/gen.sh`), /runs `\.\/hack\/gen\.sh` \(line 10\)/],
    ['two different go build packages', () => tree.write('Dockerfile', `${DOCKERFILE.split('\nFROM scratch')[0]}\nRUN go build ./pkg/side`), /builds several packages \(\.\/cmd\/app, \.\/pkg\/side\); set images\.app\.goPackage/],
    ['a go build after cd', () => tree.write('Dockerfile', 'FROM golang\nWORKDIR /src\nCOPY . .\nRUN cd cmd && go build ./app\n'), /line 4 cannot be followed \(it runs after a `cd`\); set images\.app\.goPackage/],
  ])('falls back to dockerfile, saying why, for %s', async (_what, change, reason) => {
    change();
    const inputs = await goInputs();
    expect(inputs.mode).toBe('dockerfile');
    expect(inputs.fallback).toMatch(reason);
    // dockerfile mode: COPY . . takes the whole context.
    const listing = await listContext(tree.root, imageAt());
    expect(inputs.files.length).toBe(listing.entries.length);
  });
});

describe('inputs go: vendored modules', () => {
  const vendored: Record<string, string> = {
    Dockerfile: 'FROM golang\nWORKDIR /src\nCOPY . .\nRUN go build -o /app ./cmd/app\n',
    'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/dep v1.0.0\n',
    'cmd/app/main.go': 'package main\n\nimport _ "example.com/dep/sub"\n\nfunc main() {}\n',
    'vendor/modules.txt': '# example.com/dep v1.0.0\n## explicit\nexample.com/dep\nexample.com/dep/sub\n',
    'vendor/example.com/dep/dep.go': 'package dep\n',
    'vendor/example.com/dep/sub/sub.go': 'package sub\n\nimport _ "example.com/dep"\n',
    'vendor/example.com/dep/unused/unused.go': 'package unused\n',
  };

  it('follows imports into vendor/ as go list -mod=vendor does, and not when every build passes -mod=mod', async () => {
    tree.remove();
    tree = contextTree(vendored);
    const listed = spawnSync('go', ['list', '-mod=vendor', '-deps', '-f', '{{if not .Standard}}{{.Dir}}{{end}}', './cmd/app'], {
      cwd: tree.root,
      encoding: 'utf8',
      env: { ...process.env, GOFLAGS: '', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOWORK: 'off' },
    });
    expect(listed.stderr).toBe('');
    const oracle = listed.stdout.trim().split('\n').map((dir) => relative(tree.root, dir)).sort();
    const inputs = await goInputs();
    const packages = [...new Set(inputs.files.filter((file) => file.reason.startsWith('package')).map((file) => file.entry.path.replace(/\/[^/]+$/, '')))].sort();
    expect(packages).toEqual(oracle);
    expect(inputs.files.map((file) => file.entry.path)).toContain('vendor/modules.txt');

    tree.write('Dockerfile', 'FROM golang\nWORKDIR /src\nCOPY . .\nRUN go build -mod=mod -o /app ./cmd/app\n');
    const withoutVendor = await goInputs();
    expect(withoutVendor.files.map((file) => file.entry.path)).toEqual(['cmd/app/main.go', 'go.mod']);
  });
});
