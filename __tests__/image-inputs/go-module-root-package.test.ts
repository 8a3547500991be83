// A module's own root package: imported by its module path alone, it is the module's directory,
// whether the module is the main one in a subdirectory or one a `replace` points at.
import { hashImage } from '../../src/image-inputs/hash.js';
import { contextTree, imageAt, roomyLimits, type ContextTree } from './context-tree.js';

let tree: ContextTree;
afterEach(() => tree.remove());

const goInputs = async (goPackage: string) => {
  tree.write('Dockerfile', 'FROM golang\nWORKDIR /src\nCOPY . .\n');
  const { inputs } = await hashImage(tree.root, imageAt({ inputs: 'go', goPackage }), roomyLimits);
  return { mode: inputs.mode, fallback: inputs.fallback, files: inputs.files.map((file) => file.entry.path) };
};

test('the root package of a module a replace directive points at is its directory', async () => {
  tree = contextTree({
    'go.mod': 'module example.com/app\n\ngo 1.22\n\nreplace example.com/lib => ./libs/lib\n',
    'cmd/app/main.go': 'package main\n\nimport _ "example.com/lib"\n\nfunc main() {}\n',
    'libs/lib/go.mod': 'module example.com/lib\n\ngo 1.22\n',
    'libs/lib/lib.go': 'package lib\n',
    'libs/lib/other/other.go': 'package other\n',
  });
  const inputs = await goInputs('cmd/app');
  expect(inputs).toMatchObject({ mode: 'go', fallback: undefined });
  expect(inputs.files).toContain('libs/lib/lib.go');
  expect(inputs.files).not.toContain('libs/lib/other/other.go');
});

test('the root package of a main module in a subdirectory is that directory', async () => {
  tree = contextTree({
    'app/go.mod': 'module example.com/app\n\ngo 1.22\n',
    'app/app.go': 'package app\n',
    'app/cmd/app/main.go': 'package main\n\nimport _ "example.com/app"\n\nfunc main() {}\n',
  });
  const inputs = await goInputs('app/cmd/app');
  expect(inputs).toMatchObject({ mode: 'go', fallback: undefined });
  expect(inputs.files).toEqual(expect.arrayContaining(['app/app.go', 'app/cmd/app/main.go', 'app/go.mod']));
});
