// Which files count in `go` and `dockerfile` mode, on in-memory contexts: vendor/modules.txt only
// when a build may use vendor, the Go source tree copy left to the closure, the packages named
// by the Dockerfile or the configuration, and what a COPY of a glob takes.
import type { GoClosure } from '../../src/image-inputs/go-closure.js';
import { closureWatches, selectInputs } from '../../src/image-inputs/inputs.js';
import { fileWatch, treeWatch } from '../../src/image-inputs/watch.js';
import { memoryContext } from './memory-context.js';

const GO_APP: Record<string, string> = {
  'go.mod': 'module example.com/app\n',
  'cmd/app/main.go': 'package main\n\nfunc main() {}\n',
  'vendor/modules.txt': '# example.com/dep v1.0.0\n',
  'docs/notes.txt': 'notes\n',
};

async function inputsOf(files: Record<string, string>, dockerfile: string, inputs: 'dockerfile' | 'go', goPackage = '') {
  const { index, reader } = memoryContext(files);
  return await selectInputs(index, reader, dockerfile, { name: 'app', inputs, goPackage });
}

const paths = (inputs: { files: readonly { entry: { path: string } }[] }) => inputs.files.map((file) => file.entry.path);
const dockerfileOf = (...runs: string[]) => ['FROM golang', 'WORKDIR /src', 'COPY . .', ...runs.map((run) => `RUN ${run}`)].join('\n');

describe('vendor/modules.txt in go mode', () => {
  test.each([
    ['-mod=mod', 'go build -mod=mod ./cmd/app'],
    ['-mod=readonly', 'go build -mod=readonly ./cmd/app'],
  ])('is not an input when every build passes %s: go does not read vendor then', async (_, run) => {
    const inputs = await inputsOf(GO_APP, dockerfileOf(run), 'go');
    expect(inputs.mode).toBe('go');
    expect(paths(inputs)).toEqual(['cmd/app/main.go', 'go.mod']);
    expect(inputs.watch()).not.toContainEqual(fileWatch('vendor/modules.txt'));
  });

  test('is an input when one build of several may use vendor', async () => {
    const inputs = await inputsOf(GO_APP, dockerfileOf('go build -mod=mod ./cmd/app', 'go build -o /bin/app ./cmd/app'), 'go');
    expect(inputs.mode).toBe('go');
    expect(paths(inputs)).toEqual(['cmd/app/main.go', 'go.mod', 'vendor/modules.txt']);
    expect(inputs.watch()).toContainEqual(fileWatch('vendor/modules.txt'));
  });

  test('is an input when the package is configured and the Dockerfile runs no go build', async () => {
    const inputs = await inputsOf(GO_APP, 'FROM golang\nCOPY . .\n', 'go', 'cmd/app');
    expect(inputs.mode).toBe('go');
    expect(paths(inputs)).toEqual(['cmd/app/main.go', 'go.mod', 'vendor/modules.txt']);
  });
});

describe('the Go source tree copy', () => {
  const nested = { 'svc/app/go.mod': 'module example.com/app\n', 'svc/app/main.go': 'package main\n\nfunc main() {}\n', 'svc/app/README.md': 'readme\n', 'svc/tools.txt': 'tools\n' };

  test.each([
    ['the whole context, module at the root', GO_APP, 'COPY . .', 'cmd/app', ['cmd/app/main.go', 'go.mod', 'vendor/modules.txt']],
    ['the whole context, module below it', nested, 'COPY . .', 'svc/app', ['svc/app/go.mod', 'svc/app/main.go']],
    ['the module directory itself', nested, 'COPY svc/app /src', 'svc/app', ['svc/app/go.mod', 'svc/app/main.go']],
    ['a directory above the module', nested, 'COPY svc /src', 'svc/app', ['svc/app/go.mod', 'svc/app/main.go']],
  ])('is left to the closure when it copies %s: files the build does not read do not count', async (_, files, copy, goPackage, expected) => {
    const inputs = await inputsOf(files, `FROM golang\n${copy}\n`, 'go', goPackage);
    expect(inputs.mode).toBe('go');
    expect(paths(inputs)).toEqual(expected);
  });

  test('a copy beside the module counts in full', async () => {
    const inputs = await inputsOf({ ...GO_APP, 'docs/more.txt': 'more\n' }, 'FROM golang\nWORKDIR /src\nCOPY . .\nCOPY docs /docs\nRUN go build -mod=mod ./cmd/app\n', 'go');
    expect(inputs.mode).toBe('go');
    expect(paths(inputs)).toEqual(['cmd/app/main.go', 'docs/more.txt', 'docs/notes.txt', 'go.mod']);
  });
});

describe('main packages', () => {
  test('a configured package is built even when the Dockerfile names several', async () => {
    const files = { ...GO_APP, 'cmd/other/main.go': 'package main\n\nfunc main() {}\n' };
    const inputs = await inputsOf(files, dockerfileOf('go build -mod=mod ./cmd/app', 'go build -mod=mod ./cmd/other'), 'go', 'cmd/app');
    expect(inputs.mode).toBe('go');
    expect(paths(inputs)).toEqual(['cmd/app/main.go', 'cmd/other/main.go', 'go.mod']);
  });

  test('a main package at the context root watches its default.pgo at the root', async () => {
    const files = { 'go.mod': 'module example.com/app\n', 'main.go': 'package main\n\nfunc main() {}\n' };
    const inputs = await inputsOf(files, dockerfileOf('go build -mod=mod .'), 'go');
    expect(inputs.mode).toBe('go');
    expect(inputs.watch()).toContainEqual(fileWatch('default.pgo'));
  });

  test('an error reading the sources is raised, not taken for a reason to fall back', async () => {
    const { index, reader } = memoryContext(GO_APP);
    const failing = { ...reader, goFile: () => { throw new Error('EIO: i/o error'); } };
    await expect(selectInputs(index, failing, dockerfileOf('go build ./cmd/app'), { name: 'app', inputs: 'go', goPackage: '' })).rejects.toThrow('EIO: i/o error');
  });
});

test('COPY of a bare `*` takes every entry of the context', async () => {
  const inputs = await inputsOf(GO_APP, 'FROM alpine\nCOPY * /dst/\n', 'dockerfile');
  expect(paths(inputs)).toEqual(['cmd/app/main.go', 'docs/notes.txt', 'go.mod', 'vendor/modules.txt']);
});

test('an `all:` embed pattern watches the tree it names, as the directory it is', () => {
  const { index } = memoryContext({ 'go.mod': '', 'cmd/app/main.go': '', 'cmd/app/static/.hidden': '' });
  const closure: GoClosure = { moduleRoot: '', packages: ['cmd/app'], files: new Map([['cmd/app/main.go', 'main']]), embeds: [{ dir: 'cmd/app', pattern: 'all:static' }] };
  expect(closureWatches(index, closure, ['cmd/app'], true)).toContainEqual(treeWatch('cmd/app/static'));
  // A directory in the listing: no file of that name can appear while it holds files.
  expect(closureWatches(index, closure, ['cmd/app'], true)).not.toContainEqual(fileWatch('cmd/app/static'));
});
