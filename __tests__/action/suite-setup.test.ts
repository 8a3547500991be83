// The whole action with the built-in configuration, kubernaut's main, whose suite sets up its own
// stack: main and post steps as GitHub runs them, real Docker, Podman and registry, the kind and
// Kubernetes doubles, and the stand-in of kubernaut's suite behind the fixture's real Makefile
// (test/tools/ginkgo in the fixture: it reads the hand-off exactly as kubernaut's code does and
// fails setup naming every image it would have had to build).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testbedEnv, type TestbedEnv } from '../testbed/env.js';
import { prepareFixtureRepo, writeFixtureConfig } from '../fixtures/prepare.js';
import { KIND_DOUBLE_BIN_DIR, KindDouble } from '../doubles/kind/index.js';
import { startKubeApi } from '../doubles/kube-api/index.js';
import { readZip, startGitHubServices, type JobOptions } from '../doubles/github/index.js';
import { spawnSync } from 'node:child_process';
import { cancelAsTheRunner, runEntry, type EntryOptions } from './entries.js';
import { packWorkflowInputs } from './pack-inputs.js';

const RUN_TIMEOUT_MS = 240_000;
const SPECS = 9;
const SERVICES = ['datastorage', 'kubernautagent', 'aianalysis', 'mock-llm'];

interface Stage {
  testbed: TestbedEnv;
  kube: Awaited<ReturnType<typeof startKubeApi>>;
  kind: KindDouble;
  github: Awaited<ReturnType<typeof startGitHubServices>>;
  repo: string;
  /** The suite's /tmp and HOME. */
  scratch: string;
  record: string;
  env: Record<string, string>;
}

interface SuiteEvent {
  event: string;
  [field: string]: unknown;
}

async function stage(): Promise<Stage> {
  const testbed = await testbedEnv();
  const kube = await startKubeApi({ readyDelayMs: 20 });
  const kind = await KindDouble.create({ apiServer: kube.url, apiToken: kube.token, version: 'v0.33.0' });
  const github = await startGitHubServices();
  const repo = await prepareFixtureRepo('suite');
  const scratch = await mkdtemp(join(tmpdir(), 'suite-scratch-'));
  const record = join(scratch, 'suite-record.jsonl');
  // The built-in configuration, but for where the suite writes what kubernaut writes under /tmp.
  const suiteTmp = join(scratch, 'tmp');
  await writeFixtureConfig(repo, 'suite', {
    suite: {
      evidence: [`${suiteTmp}/kubernaut-must-gather/aianalysis/aianalysis-e2e`, `${suiteTmp}/aianalysis-e2e-logs-*`, 'coverdata', 'coverage_e2e_aianalysis_binary.out'],
    },
  });
  const env = {
    ...github.env,
    ...testbed.processEnv,
    ...kind.env(),
    // kind's stand-in first; then Debian's docker client (BuildKit built in); podman needs iptables from sbin.
    PATH: [KIND_DOUBLE_BIN_DIR, '/usr/bin', '/bin', '/usr/sbin', '/sbin', '/usr/local/bin'].join(':'),
    GITHUB_WORKSPACE: repo,
    HOME: scratch,
    FIXTURE_TMP: suiteTmp,
    FIXTURE_SUITE_RECORD: record,
  };
  return { testbed, kube, kind, github, repo, scratch, record, env };
}

async function teardown(s: Stage): Promise<void> {
  await s.kube.close();
  await s.github.close();
  await s.kind.cleanup();
  await rm(s.repo, { recursive: true, force: true });
  await rm(s.scratch, { recursive: true, force: true });
}

const main = (s: Stage, inputs: Record<string, string>, env: Record<string, string> = {}, extra: Partial<EntryOptions> = {}) =>
  runEntry('index.js', { workspace: s.repo, inputs, env: { ...s.env, ...env }, ...extra });

/** Another job of a workflow run, on a runner whose workspace is the fixture repository. */
const job = (s: Stage, options: JobOptions) => ({ ...s.github.startJob(options), GITHUB_WORKSPACE: s.repo });

/** Each job runs on a fresh runner: neither engine holds the run's images. */
function forgetImages(s: Stage, references: readonly string[]): void {
  for (const engine of [s.testbed.docker, 'podman']) spawnSync(engine, ['rmi', '-f', ...references], { env: { ...process.env, ...s.testbed.processEnv } });
}

const post = (s: Stage, state: Record<string, string>) => runEntry('post.js', { workspace: s.repo, env: s.env, state });

async function events(s: Stage): Promise<SuiteEvent[]> {
  const text = await readFile(s.record, 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as SuiteEvent);
}

const ofKind = (all: SuiteEvent[], event: string) => all.filter((entry) => entry.event === event);

function artifactFiles(s: Stage): string[] {
  const [artifact] = s.github.artifacts();
  return [...readZip(artifact!.zipBytes).keys()];
}

describe("a whole run against kubernaut's own suite (setup suite)", () => {
  let s: Stage;
  beforeEach(async () => (s = await stage()), 60_000);
  afterEach(async () => teardown(s));

  it('hands all four images to the suite so it builds none, creates the cluster ahead for it, deploys nothing, reads its JUnit', async () => {
    const run = await main(s, { 'container-engine': 'docker' }, { FIXTURE_SUITE_OUTCOME: 'pass' });
    expect({ status: run.status, errors: run.stdout.match(/^::error.*$/gm) }).toEqual({ status: 0, errors: null });
    expect(run.outputs.result).toBe('success');
    expect(run.outputs['tests-passed']).toBe(String(SPECS));

    const suite = await events(s);
    expect(ofKind(suite, 'would-build')).toEqual([]);
    const images = ofKind(suite, 'image');
    expect(images.map((image) => image.service)).toEqual(SERVICES);
    for (const image of images) expect(image).toMatchObject({ via: 'KUBERNAUT_CI_ARTIFACT_TAG', reference: expect.stringMatching(/^localhost\/[a-z-]+:e2e-[0-9a-f]{24}$/) });

    // What the suite was given: the hand-off and the JUnit flag, nothing it would misread.
    const [ginkgo] = ofKind(suite, 'ginkgo');
    expect(ginkgo!.env).toEqual({ KUBERNAUT_CI_ARTIFACT_TAG: expect.stringMatching(/^e2e-/) });
    expect(ginkgo!.argv).toEqual(expect.arrayContaining([expect.stringMatching(/^--junit-report=\//)]));

    // The action made the cluster (podman, the suite's kind config) and the suite reused it.
    expect(ofKind(suite, 'cluster')).toEqual([{ event: 'cluster', action: 'reused' }, { event: 'cluster', action: 'deleted', status: 0 }]);
    const creations = (await s.kind.calls()).filter((call) => call.argv.slice(0, 2).join(' ') === 'create cluster');
    expect(creations).toHaveLength(1);
    expect(creations[0]!.env.KIND_EXPERIMENTAL_PROVIDER).toBe('podman');

    // The action deployed nothing of its own.
    expect(s.kube.object('Deployment', 'kubernaut-system', 'datastorage')).toBeUndefined();
    expect(run.summary).toMatch(/Setup `suite`: the suite creates or reuses its cluster/);
    expect(JSON.parse(run.outputs.timings).spans.map((span: { id: string }) => span.id)).toEqual(
      expect.arrayContaining(['handoff', 'cluster', 'suite-contract', 'suite']),
    );
    expect(artifactFiles(s)).toEqual(expect.arrayContaining(['timings.json', expect.stringMatching(/^junit\/e2e-junit\.xml$/)]));

    const cleanup = await post(s, run.state);
    expect(cleanup.status).toBe(0);
    expect(await s.kind.cluster('aianalysis-e2e')).toBeUndefined();
  }, RUN_TIMEOUT_MS);

  it('a failing suite with coverage: the suite makes its own cluster, its must-gather and coverage are kept, the percentage is an output', async () => {
    const run = await main(s, { 'container-engine': 'podman', coverage: 'true' }, { FIXTURE_SUITE_OUTCOME: 'fail' });
    expect(run.status).toBe(1);
    expect(run.outputs.result).toBe('failure');
    expect(Number(run.outputs['tests-failed'])).toBe(2);
    // 3 of the 4 statements of the suite's profile ran.
    expect(run.outputs['coverage-percent']).toBe('75.0');

    const suite = await events(s);
    expect(ofKind(suite, 'would-build')).toEqual([]);
    expect(ofKind(suite, 'ginkgo')[0]!.env).toEqual({ KUBERNAUT_CI_ARTIFACT_TAG: expect.any(String), E2E_COVERAGE: 'true' });
    // Not made ahead: the make target recreates coverdata/ after a node would have mounted it.
    expect(ofKind(suite, 'cluster')[0]).toMatchObject({ action: 'created' });
    const files = artifactFiles(s);
    expect(files).toEqual(
      expect.arrayContaining([
        'suite/tmp/aianalysis-e2e/must-gather.log',
        'suite/coverdata/aianalysis/covcounters.fixture',
        'suite/coverage_e2e_aianalysis_binary.out',
      ]),
    );
    expect(run.stdout).toMatch(/^::error title=[^\n]*,file=[^\n]*,line=\d+::/m);
    await post(s, run.state);
    expect(await s.kind.cluster('aianalysis-e2e')).toBeUndefined();
  }, RUN_TIMEOUT_MS);

  it('a pull request from a fork, two runs: the images job builds each image once into one artifact, two shard jobs load it and build none; the next run restores them from the GitHub cache', async () => {
    // The registry lacks every image and the token may not push: what a fork's pull request sees.
    const values = { registry: `${s.testbed.registry}/fork-${Date.now()}`, token: 'ghs_readonly0123456789' };
    const pr = { eventName: 'pull_request', ref: 'refs/pull/9/merge', job: 'images' };
    const sources: string[][] = [];
    for (const runId of [4001, 4002]) {
      const images = await main(s, packWorkflowInputs('aianalysis-e2e-pr.yml', 'images', values), job(s, { ...pr, runId }));
      expect({ runId, status: images.status, errors: images.stdout.match(/^::error.*$/gm) }).toEqual({ runId, status: 0, errors: null });
      const resolved = JSON.parse(images.outputs.images) as { source: string; reference: string }[];
      sources.push(resolved.map((image) => image.source));
      const references = resolved.map((image) => image.reference);
      let passed = 0;
      for (const shard of ['1/2', '2/2']) {
        forgetImages(s, references);
        await rm(s.record, { force: true });
        const run = await main(s, packWorkflowInputs('aianalysis-e2e-pr.yml', 'e2e', { ...values, shard }), {
          ...job(s, { ...pr, runId, job: 'e2e' }),
          FIXTURE_SUITE_OUTCOME: 'pass',
        });
        expect({ shard, status: run.status, errors: run.stdout.match(/^::error.*$/gm) }).toEqual({ shard, status: 0, errors: null });
        // Builds 0: every image came from the artifact, and the suite found each one.
        expect((JSON.parse(run.outputs.images) as { source: string }[]).map((image) => image.source)).toEqual(SERVICES.map(() => 'reused'));
        expect(ofKind(await events(s), 'would-build')).toEqual([]);
        expect(run.summary).toMatch(/4 images from artifact `aianalysis-e2e-images` of this workflow run .* checked against its manifest/);
        passed += Number(run.outputs['tests-passed']);
        await post(s, run.state);
      }
      expect(passed).toBe(SPECS);
      forgetImages(s, references);
    }
    // The first run built each image once (in the images job only); the second built none.
    expect(sources[0]!.every((source) => ['built', 'built-from-cache'].includes(source))).toBe(true);
    expect(sources[1]).toEqual(SERVICES.map(() => 'reused'));
    expect(s.github.caches().map((entry) => entry.key).filter((key) => key.startsWith('aianalysis-e2e-image-'))).toHaveLength(SERVICES.length);
  }, 8 * RUN_TIMEOUT_MS);

  it("the pull request workflow's coverage: each shard hands its profile on, the coverage job merges them into exactly the artifacts kubernaut's summary job reads", async () => {
    const values = { registry: `${s.testbed.registry}/coverage-${Date.now()}`, token: 'ghs_readonly0123456789' };
    const pr = { eventName: 'pull_request', ref: 'refs/pull/11/merge', runId: 7001 };
    const images = await main(s, packWorkflowInputs('aianalysis-e2e-pr.yml', 'images', values), job(s, { ...pr, job: 'images' }));
    expect({ status: images.status, errors: images.stdout.match(/^::error.*$/gm) }).toEqual({ status: 0, errors: null });
    const references = (JSON.parse(images.outputs.images) as { reference: string }[]).map((image) => image.reference);
    for (const shard of ['1/2', '2/2']) {
      forgetImages(s, references);
      const run = await main(s, packWorkflowInputs('aianalysis-e2e-pr.yml', 'e2e', { ...values, shard }), { ...job(s, { ...pr, job: 'e2e' }), FIXTURE_SUITE_OUTCOME: 'pass' });
      expect({ shard, status: run.status, errors: run.stdout.match(/^::error.*$/gm) }).toEqual({ shard, status: 0, errors: null });
      const [index] = shard.split('/');
      expect(run.summary).toContain(`Profile of shard ${shard} uploaded as \`aianalysis-e2e-coverage-profile-shard-${index}-of-2-attempt-1\``);
      await post(s, run.state);
    }
    forgetImages(s, references);

    const merged = await main(s, packWorkflowInputs('aianalysis-e2e-pr.yml', 'coverage', values), job(s, { ...pr, job: 'coverage' }));
    expect({ status: merged.status, errors: merged.stdout.match(/^::error.*$/gm) }).toEqual({ status: 0, errors: null });
    expect(merged.outputs.result).toBe('success');
    expect(merged.outputs['coverage-percent']).toBe('75.0');
    expect(merged.summary).toMatch(/AIAnalysis E2E coverage of the shards merged/);
    const byName = new Map(s.github.artifacts().map((artifact) => [artifact.name, artifact]));
    // What the summary's `coverage-*` download finds: exactly one summary file and one profile.
    expect([...byName.keys()].filter((name) => name.startsWith('coverage-')).sort()).toEqual(['coverage-e2e-aianalysis', 'coverage-profile-e2e-aianalysis']);
    const summaryFiles = readZip(byName.get('coverage-e2e-aianalysis')!.zipBytes);
    expect([...summaryFiles.keys()]).toEqual(['e2e-aianalysis.txt']);
    expect(summaryFiles.get('e2e-aianalysis.txt')!.toString()).toBe('aianalysis,75.0%\n');
    const profileFiles = readZip(byName.get('coverage-profile-e2e-aianalysis')!.zipBytes);
    expect([...profileFiles.keys()]).toEqual(['coverage_e2e_aianalysis.out']);
    // mode atomic: each shard ran the first block once, the merge sums them.
    expect(profileFiles.get('coverage_e2e_aianalysis.out')!.toString()).toBe(
      'mode: atomic\n' +
        'github.com/jordigilh/kubernaut/pkg/aianalysis/controller/reconciler.go:8.2,10.3 3 2\n' +
        'github.com/jordigilh/kubernaut/pkg/aianalysis/controller/reconciler.go:12.2,14.3 1 0\n',
    );
  }, 4 * RUN_TIMEOUT_MS);

  it("the rerun workflow given an earlier run's id: the E2E job loads that run's images artifact with a token that may read Actions and builds none; a token that may not is refused with the fix", async () => {
    const values = { registry: `${s.testbed.registry}/rerun-${Date.now()}`, token: 'ghs_readonly0123456789' };
    const earlier = await main(s, packWorkflowInputs('aianalysis-e2e-pr.yml', 'images', values), job(s, { eventName: 'pull_request', ref: 'refs/pull/12/merge', runId: 8001, job: 'images' }));
    expect({ status: earlier.status, errors: earlier.stdout.match(/^::error.*$/gm) }).toEqual({ status: 0, errors: null });
    const references = (JSON.parse(earlier.outputs.images) as { reference: string }[]).map((image) => image.reference);
    const dispatch = { 'images-run-id': '8001', coverage: 'true', 'keep-cluster': 'false', focus: '', label: '' };
    const rerun = (runId: number, token: string) =>
      main(s, packWorkflowInputs('aianalysis-e2e-rerun.yml', 'e2e', { ...values, token, inputs: dispatch }), {
        ...job(s, { eventName: 'workflow_dispatch', runId, job: 'e2e' }),
        FIXTURE_SUITE_OUTCOME: 'pass',
      });

    forgetImages(s, references);
    const token = s.github.apiToken({ actionsRead: true });
    const run = await rerun(8002, token);
    expect({ status: run.status, errors: run.stdout.match(/^::error.*$/gm) }).toEqual({ status: 0, errors: null });
    expect((JSON.parse(run.outputs.images) as { source: string }[]).map((image) => image.source)).toEqual(SERVICES.map(() => 'reused'));
    expect(ofKind(await events(s), 'would-build')).toEqual([]);
    expect(run.summary).toMatch(/4 images from artifact `aianalysis-e2e-images` of workflow run 8001 /);
    expect(run.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(token);
    await post(s, run.state);

    forgetImages(s, references);
    await rm(s.record, { force: true });
    const denied = await rerun(8003, s.github.apiToken({ actionsRead: false }));
    expect(denied.status).toBe(1);
    expect(denied.stdout).toMatch(/may not read the artifacts of workflow run 8001 \(HTTP 403: Resource not accessible by integration.*permissions: actions: read/);
    expect(ofKind(await events(s), 'ginkgo')).toEqual([]);
    await post(s, denied.state);
  }, 3 * RUN_TIMEOUT_MS);

  it('a shard whose checkout differs from the images job\'s fails before the suite, naming the image, and builds nothing', async () => {
    const values = { registry: `${s.testbed.registry}/stale-${Date.now()}`, token: 'ghs_readonly0123456789' };
    const images = await main(s, packWorkflowInputs('aianalysis-e2e-pr.yml', 'images', values), job(s, { runId: 5001, job: 'images' }));
    expect(images.status).toBe(0);
    await writeFile(join(s.repo, 'cmd/aianalysis/changed.go'), 'package main\n');
    const run = await main(s, packWorkflowInputs('aianalysis-e2e-pr.yml', 'e2e', { ...values, shard: '1/2' }), {
      ...job(s, { runId: 5001, job: 'e2e' }),
      FIXTURE_SUITE_OUTCOME: 'pass',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/image 'aianalysis': the artifact holds .*, but this checkout's inputs give the content tag sha256-/);
    expect(ofKind(await events(s), 'ginkgo')).toEqual([]);
    forgetImages(s, (JSON.parse(images.outputs.images) as { reference: string }[]).map((image) => image.reference));
    await post(s, run.state);
  }, 2 * RUN_TIMEOUT_MS);

  it('registry hand-off: one tag for every service pushed where pushing is allowed; the suite finds them through IMAGE_REGISTRY and IMAGE_TAG', async () => {
    const registry = `${s.testbed.registry}/handoff-${Date.now()}`;
    await writeFixtureConfig(s.repo, 'suite', { suite: { handoff: 'registry', evidence: [] } });
    const run = await main(s, { 'container-engine': 'docker', registry, push: 'true' }, { FIXTURE_SUITE_OUTCOME: 'pass' });
    expect({ status: run.status, errors: run.stdout.match(/^::error.*$/gm) }).toEqual({ status: 0, errors: null });
    const suite = await events(s);
    const images = ofKind(suite, 'image');
    expect(images.map((image) => image.via)).toEqual(SERVICES.map(() => 'IMAGE_REGISTRY'));
    const tag = (ofKind(suite, 'ginkgo')[0]!.env as Record<string, string>).IMAGE_TAG;
    expect(images.map((image) => image.reference)).toEqual(SERVICES.map((service) => `${registry}/${service}:${tag}`));
    await post(s, run.state);
  }, RUN_TIMEOUT_MS);

  it('a pull request that may not push refuses a registry hand-off the registry lacks, before the suite starts', async () => {
    const registry = `${s.testbed.registry}/handoff-denied-${Date.now()}`;
    await writeFixtureConfig(s.repo, 'suite', { suite: { handoff: 'registry', evidence: [] } });
    const run = await main(s, { 'container-engine': 'docker', registry, push: 'false' }, { FIXTURE_SUITE_OUTCOME: 'pass' });
    expect(run.status).toBe(1);
    expect(run.summary).toMatch(/the registry lacks .* and pushing is not allowed here/);
    expect(ofKind(await events(s), 'ginkgo')).toEqual([]);
    await post(s, run.state);
  }, RUN_TIMEOUT_MS);

  it('a cancel during the suite: the suite runs its own cleanup, the evidence is uploaded, the result says cancelled', async () => {
    const run = await main(s, { 'container-engine': 'docker' }, { FIXTURE_SUITE_OUTCOME: 'hang' }, {
      onStart: (child, output) => {
        const poll = setInterval(() => {
          if (/Will run \d+ of \d+ specs/.test(output())) {
            clearInterval(poll);
            child.kill('SIGTERM');
          }
        }, 100);
        child.on('close', () => clearInterval(poll));
      },
    });
    expect(run.outputs.result).toBe('cancelled');
    expect(s.github.artifacts()).toHaveLength(1);
    // Ginkgo runs AfterSuite on an interrupt: kubernaut's deletes its cluster after its must-gather.
    expect(ofKind(await events(s), 'must-gather')).toHaveLength(1);
    expect(artifactFiles(s)).toEqual(expect.arrayContaining(['suite/tmp/aianalysis-e2e/must-gather.log']));
    await post(s, run.state);
    expect(await s.kind.cluster('aianalysis-e2e')).toBeUndefined();
  }, RUN_TIMEOUT_MS);

  it("GitHub's cancel of a suite wedged in its cleanup: the summary, outputs and timings are written, the artifact is uploaded by main or post", async () => {
    const run = await main(s, { 'container-engine': 'docker' }, { FIXTURE_SUITE_OUTCOME: 'hang', FIXTURE_IGNORE_SIGTERM: 'true' }, {
      onStart: (child, output) => {
        const poll = setInterval(() => {
          if (!/Will run \d+ of \d+ specs/.test(output())) return;
          clearInterval(poll);
          cancelAsTheRunner(child);
        }, 100);
        child.on('close', () => clearInterval(poll));
      },
    });
    expect(run.outputs.result).toBe('cancelled');
    expect(run.summary).toMatch(/AIAnalysis E2E was cancelled/);
    const timings = JSON.parse(run.outputs.timings) as { result: string; spans: { id: string; outcome: string }[] };
    expect(timings.result).toBe('cancelled');
    expect(timings.spans.find((span) => span.id === 'suite')?.outcome).toBe('cancelled');

    const cleanup = await post(s, run.state);
    expect(cleanup.status).toBe(0);
    const finalized = s.github.artifacts().filter((artifact) => artifact.finalized);
    expect(finalized).toHaveLength(1);
    expect([...readZip(finalized[0]!.zipBytes).keys()]).toEqual(expect.arrayContaining(['timings.json']));
    expect(await s.kind.cluster('aianalysis-e2e')).toBeUndefined();
  }, RUN_TIMEOUT_MS);

  it('a cancel before the suite starts: post deletes the cluster the action made ahead', async () => {
    const run = await main(s, { 'container-engine': 'docker' }, { FIXTURE_SUITE_OUTCOME: 'pass' }, {
      onStart: (child) => {
        const poll = setInterval(() => {
          void s.kind.cluster('aianalysis-e2e').then((cluster) => {
            if (cluster === undefined) return;
            clearInterval(poll);
            child.kill('SIGTERM');
          });
        }, 50);
        child.on('close', () => clearInterval(poll));
      },
    });
    expect(run.outputs.result).toBe('cancelled');
    expect(ofKind(await events(s), 'ginkgo')).toEqual([]);
    expect(await s.kind.cluster('aianalysis-e2e')).toBeDefined();
    const cleanup = await post(s, run.state);
    expect(cleanup.status).toBe(0);
    expect(await s.kind.cluster('aianalysis-e2e')).toBeUndefined();
  }, RUN_TIMEOUT_MS);

  it('a shard whose spec has an apostrophe: its focus passes the Makefile and the shards run every spec once', async () => {
    let passed = 0;
    let apostropheRan = 0;
    for (const shard of ['1/2', '2/2']) {
      await rm(s.record, { force: true });
      const run = await main(s, { 'container-engine': 'podman', shard }, { FIXTURE_SUITE_OUTCOME: 'pass' });
      expect({ shard, status: run.status, errors: run.stdout.match(/^::error.*$/gm) }).toEqual({ shard, status: 0, errors: null });
      passed += Number(run.outputs['tests-passed']);
      // The listing is ginkgo's own dry run (no BeforeSuite); the second call is the run.
      const [listing, suiteRun] = ofKind(await events(s), 'ginkgo').map((event) => event.argv as string[]);
      expect(listing).toContain('--dry-run');
      expect(ofKind(await events(s), 'image')).toHaveLength(SERVICES.length);
      const focus = suiteRun!.find((arg) => arg.startsWith('--focus='));
      expect(focus).toMatch(/^--focus=\^\(.*\)\\z$/);
      if (focus!.includes('KA\\x{27}s real dispatch capacity')) {
        expect(run.stdout).toMatch(/• \[[\d.]+ seconds\]\nDispatch E2E KA's real dispatch capacity \[It\]/);
        apostropheRan += 1;
      }
      await post(s, run.state);
    }
    expect(passed).toBe(SPECS);
    expect(apostropheRan).toBe(1);
  }, 2 * RUN_TIMEOUT_MS);
});
