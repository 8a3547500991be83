// Which files an image's tag is computed from in each inputs mode, on in-memory contexts: the
// whole context, what the Dockerfile copies (paths, globs, globs it cannot read, stage copies),
// the fallback from `go`, and the files a Go closure watches for a change.
import type { GoClosure } from '../../src/image-inputs/go-closure.js';
import { closureWatches, selectInputs } from '../../src/image-inputs/inputs.js';
import { fileWatch, filesInWatch, treeWatch } from '../../src/image-inputs/watch.js';
import { memoryContext } from './memory-context.js';

const FILES: Record<string, string> = {
  'go.mod': 'module example.com/app\n',
  'cmd/app/main.go': 'package main\n\nfunc main() {}\n',
  'config/a.yaml': 'a: 1\n',
  'config/b.yml': 'b: 1\n',
  'config/sub/c.yaml': 'c: 1\n',
  'configs/d.yaml': 'd: 1\n',
  LICENSE: 'license\n',
};

async function inputsOf(dockerfile: string, inputs: 'context' | 'dockerfile' | 'go', goPackage = '') {
  const { index, reader } = memoryContext(FILES);
  return await selectInputs(index, reader, dockerfile, { name: 'app', inputs, goPackage });
}

const listed = (files: readonly { entry: { path: string }; reason: string }[]) => files.map((file) => [file.entry.path, file.reason]);

describe('selectInputs edges', () => {
  test('context mode takes every entry, as in the build context, and watches the whole repository', async () => {
    const inputs = await inputsOf('FROM scratch\n', 'context');
    expect(inputs.mode).toBe('context');
    expect(listed(inputs.files)).toEqual(Object.keys(FILES).sort().map((path) => [path, 'in the build context']));
    expect(inputs.watch()).toEqual([treeWatch('')]);
  });

  test('dockerfile mode takes what COPY names: paths, directories and the files below a glob match', async () => {
    const dockerfile = ['FROM alpine', 'COPY LICENSE /', 'COPY config/*.yaml /etc/app/', 'COPY conf*s /etc/more/', 'COPY missing /x'].join('\n');
    const inputs = await inputsOf(dockerfile, 'dockerfile');
    expect(inputs.mode).toBe('dockerfile');
    expect(inputs.fallback).toBeUndefined();
    expect(listed(inputs.files)).toEqual([
      ['LICENSE', 'copied by the Dockerfile (line 2)'],
      ['config/a.yaml', 'copied by the Dockerfile (line 3)'],
      ['configs/d.yaml', 'copied by the Dockerfile (line 4)'],
    ]);
  });

  test('a COPY glob that cannot be read takes the whole context', async () => {
    const inputs = await inputsOf('FROM alpine\nCOPY config/[a /etc/\n', 'dockerfile');
    expect(inputs.files).toHaveLength(Object.keys(FILES).length);
    expect(new Set(inputs.files.map((file) => file.reason))).toEqual(new Set(['copied by the Dockerfile (line 2)']));
  });

  test('what COPY --from takes out of a stage counts only where the context has it', async () => {
    const dockerfile = ['FROM alpine AS build', 'COPY LICENSE /licenses/', 'FROM scratch', 'COPY --from=build /licenses/LICENSE /LICENSE'].join('\n');
    const inputs = await inputsOf(dockerfile, 'dockerfile');
    expect(listed(inputs.files)).toEqual([['LICENSE', 'copied by the Dockerfile (line 2)']]);
  });

  test('go mode without a go build nor a configured package falls back to dockerfile, saying what to set', async () => {
    const inputs = await inputsOf('FROM golang\nCOPY . .\n', 'go');
    expect(inputs.mode).toBe('dockerfile');
    expect(inputs.fallback).toBe('the Dockerfile has no `go build` of a package copied from the context; set images.app.goPackage');
    expect(inputs.files).toHaveLength(Object.keys(FILES).length);
  });
});

describe('closureWatches', () => {
  const closure: GoClosure = {
    moduleRoot: 'svc',
    packages: ['svc/cmd'],
    files: new Map([
      ['svc/go.mod', 'go.mod'],
      ['svc/cmd/main.go', 'package in closure: main package ./svc/cmd'],
    ]),
    embeds: [],
  };
  const { index } = memoryContext({ 'svc/go.mod': '', 'svc/cmd/main.go': '' });

  test('a module below the root watches its go.sum, vendor/modules.txt and every go.work up to the root', () => {
    expect(closureWatches(index, closure, ['svc/cmd'], true)).toEqual([
      fileWatch('svc/go.mod'),
      fileWatch('svc/cmd/main.go'),
      filesInWatch('svc/cmd'),
      fileWatch('svc/go.sum'),
      fileWatch('svc/vendor/modules.txt'),
      fileWatch('svc/go.work'),
      fileWatch('go.work'),
      fileWatch('svc/cmd/default.pgo'),
    ]);
  });

  test('vendor/modules.txt is not watched when every build passes -mod=mod or -mod=readonly', () => {
    const rootClosure: GoClosure = { moduleRoot: '', packages: ['cmd'], files: new Map([['go.mod', 'go.mod']]), embeds: [] };
    expect(closureWatches(index, rootClosure, ['cmd'], false)).toEqual([
      fileWatch('go.mod'),
      filesInWatch('cmd'),
      fileWatch('go.sum'),
      fileWatch('go.work'),
      fileWatch('cmd/default.pgo'),
    ]);
  });
});
