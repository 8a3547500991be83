// Tags by inputs mode: an edit changes the tag of exactly the images whose build it can change.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { hashImage } from '../../src/image-inputs/hash.js';
import type { InputsMode } from '../../src/config/index.js';
import { contextTree, imageAt, roomyLimits, type ContextTree } from './context-tree.js';

const dockerfileFor = (pkg: string) => `FROM golang\nWORKDIR /src\nCOPY go.mod go.sum ./\nCOPY . .\nRUN go build -mod=mod -o /bin/app ./cmd/${pkg}\n`;

const files = {
  'api.Dockerfile': dockerfileFor('api'),
  'worker.Dockerfile': dockerfileFor('worker'),
  'go.mod': 'module example.com/m\n\ngo 1.21\n',
  'go.sum': '',
  'cmd/api/main.go': 'package main\n\nimport _ "example.com/m/pkg/shared"\n\nfunc main() {}\n',
  'cmd/worker/main.go': 'package main\n\nimport _ "example.com/m/pkg/jobs"\n\nfunc main() {}\n',
  'pkg/shared/shared.go': 'package shared\n',
  'pkg/jobs/jobs.go': 'package jobs\n\nimport _ "example.com/m/pkg/shared"\n',
  'pkg/jobs/jobs_test.go': 'package jobs\n',
  'docs/notes.txt': 'notes\n',
};

let tree: ContextTree;
beforeEach(() => {
  tree = contextTree(files);
});
afterEach(() => tree.remove());

const tags = async (inputs: InputsMode, root = tree.root) =>
  Object.fromEntries(
    await Promise.all(
      ['api', 'worker'].map(async (name) => [name, (await hashImage(root, imageAt({ name, dockerfile: `${name}.Dockerfile`, inputs }), roomyLimits)).tag]),
    ),
  ) as Record<'api' | 'worker', string>;

/** Which images' tags an edit changes. */
async function changedBy(inputs: InputsMode, edit: () => void): Promise<string[]> {
  const before = await tags(inputs);
  edit();
  const after = await tags(inputs);
  return (['api', 'worker'] as const).filter((name) => before[name] !== after[name]);
}

describe('content tags by inputs mode', () => {
  it.each<[string, string[], string[], () => void]>([
    ['a package only the worker imports', ['worker'], ['api', 'worker'], () => tree.write('pkg/jobs/jobs.go', 'package jobs\n\nconst X = 1\n')],
    ['a package both import', ['api', 'worker'], ['api', 'worker'], () => tree.write('pkg/shared/shared.go', 'package shared\n\nconst Y = 2\n')],
    ['a test file', [], ['api', 'worker'], () => tree.write('pkg/jobs/jobs_test.go', 'package jobs\n\nconst T = 3\n')],
    ['a file no package uses', [], ['api', 'worker'], () => tree.write('docs/notes.txt', 'changed\n')],
    ['the api Dockerfile', ['api'], ['api', 'worker'], () => tree.write('api.Dockerfile', `${dockerfileFor('api')}# comment\n`)],
    ['go.sum', ['api', 'worker'], ['api', 'worker'], () => tree.write('go.sum', 'example.com/x v1.0.0 h1:abc=\n')],
    ['the mode of an input file', ['worker'], ['api', 'worker'], () => tree.chmod('pkg/jobs/jobs.go', 0o755)],
    ['the mode of a file that is no input', [], ['api', 'worker'], () => tree.chmod('docs/notes.txt', 0o755)],
  ])('%s: go changes %j, context changes %j', async (_what, inGo, inContext, edit) => {
    expect(await changedBy('go', edit)).toEqual(inGo);
    tree.remove();
    tree = contextTree(files);
    expect(await changedBy('context', edit)).toEqual(inContext);
  });

  it('gives the same go tags in another directory, different from the context tags', async () => {
    const go = await tags('go');
    const copy = contextTree();
    try {
      cpSync(tree.root, join(copy.root, 'elsewhere'), { recursive: true });
      expect(await tags('go', join(copy.root, 'elsewhere'))).toEqual(go);
    } finally {
      copy.remove();
    }
    expect((await tags('context')).api).not.toBe(go.api);
  });

  it('reports the mode, the fallback and the files with their reasons', async () => {
    const api = await hashImage(tree.root, imageAt({ name: 'api', dockerfile: 'api.Dockerfile', inputs: 'go' }), roomyLimits);
    expect(api.inputs.mode).toBe('go');
    expect(api.inputs.files.map((file) => [file.entry.path, file.reason])).toEqual([
      ['cmd/api/main.go', 'package in closure: main package ./cmd/api'],
      ['go.mod', 'go.mod'],
      ['go.sum', 'go.sum'],
      ['pkg/shared/shared.go', 'package in closure: example.com/m/pkg/shared'],
    ]);
    tree.write('api.Dockerfile', 'FROM golang\nCOPY . .\nRUN make\n');
    const fallback = await hashImage(tree.root, imageAt({ name: 'api', dockerfile: 'api.Dockerfile', inputs: 'go' }), roomyLimits);
    expect(fallback.inputs).toMatchObject({ requested: 'go', mode: 'dockerfile', fallback: expect.stringMatching(/runs `make` \(line 3\)/) });
  });
});
