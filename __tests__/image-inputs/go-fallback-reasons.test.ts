// Why `go` falls back: every blocker at once, so a user does not fix one only to meet the next.
import { hashImage } from '../../src/image-inputs/hash.js';
import { contextTree, imageAt, roomyLimits, type ContextTree } from './context-tree.js';

let tree: ContextTree;
beforeEach(() => {
  tree = contextTree({
    'go.mod': 'module example.com/m\n\ngo 1.21\n',
    'cmd/app/main.go': 'package main\n\nfunc main() {}\n',
    'hack/gen.sh': 'echo gen\n',
  });
});
afterEach(() => tree.remove());

const fallbackOf = async (dockerfile: string, goPackage = '') => {
  tree.write('Dockerfile', dockerfile);
  const { inputs } = await hashImage(tree.root, imageAt({ inputs: 'go', goPackage }), roomyLimits);
  expect(inputs.mode).toBe('dockerfile');
  return inputs.fallback;
};

describe('the reason go is not used', () => {
  it('names both the missing go build and a command that may read the context', async () => {
    expect(await fallbackOf('FROM golang\nWORKDIR /src\nCOPY . .\nRUN ./hack/gen.sh\n')).toBe(
      'the Dockerfile has no `go build` of a package copied from the context; set images.app.goPackage; ' +
        'the Dockerfile also runs `./hack/gen.sh` (line 4), which may read any file of the context',
    );
  });

  it('names the command alone when the package is known', async () => {
    expect(await fallbackOf('FROM golang\nWORKDIR /src\nCOPY . .\nRUN ./hack/gen.sh\nRUN go build ./cmd/app\n')).toBe(
      'the Dockerfile runs `./hack/gen.sh` (line 4), which may read any file of the context',
    );
    expect(await fallbackOf('FROM golang\nWORKDIR /src\nCOPY . .\nRUN ./hack/gen.sh\n', 'cmd/app')).toBe(
      'the Dockerfile runs `./hack/gen.sh` (line 4), which may read any file of the context',
    );
  });

  it('names the missing go build alone when nothing else stands in the way', async () => {
    expect(await fallbackOf('FROM golang\nWORKDIR /src\nCOPY . .\n')).toBe(
      'the Dockerfile has no `go build` of a package copied from the context; set images.app.goPackage',
    );
  });
});
