import { hashImage } from '../../src/image-inputs/hash.js';
import { explainInputs, inputsCell } from '../../src/report/plan-render.js';
import { contextTree, imageAt, roomyLimits, type ContextTree } from './context-tree.js';

let tree: ContextTree;
beforeEach(() => {
  tree = contextTree({
    Dockerfile: 'FROM golang\nWORKDIR /src\nCOPY . .\nRUN go build ./cmd/app\n',
    'go.mod': 'module example.com/app\n',
    'cmd/app/main.go': 'package main\n\nimport _ "example.com/app/pkg/gone"\n',
    'README.txt': 'hello\n',
  });
});
afterEach(() => tree.remove());

describe('explaining an image inputs', () => {
  it('says the mode and count, and after a fallback the mode asked for and why', async () => {
    const { inputs } = await hashImage(tree.root, imageAt({ inputs: 'go' }), roomyLimits);
    expect(inputsCell(inputs)).toBe(
      'dockerfile, 4 files (go not used: cmd/app/main.go imports example.com/app/pkg/gone, but ./pkg/gone is not in the build context)',
    );
    tree.write('pkg/gone/gone.go', 'package gone\n');
    const found = await hashImage(tree.root, imageAt({ inputs: 'go' }), roomyLimits);
    expect(inputsCell(found.inputs)).toBe('go, 3 files');
    expect(explainInputs('app', 'Dockerfile', found.inputs).split('\n')).toEqual([
      'image app: inputs go, 3 files',
      'Dockerfile\tthe Dockerfile',
      'cmd/app/main.go\tpackage in closure: main package ./cmd/app',
      'go.mod\tgo.mod',
      'pkg/gone/gone.go\tpackage in closure: example.com/app/pkg/gone',
      '',
    ]);
  });
});
