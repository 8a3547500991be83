// The whole action with setup action (it deploys the stack; the suite attaches), main and post
// steps as GitHub runs them, against the fixture repository,
// the real container engine and registry, and the doubles of kind, Kubernetes and GitHub's services.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORK_DIR_MARKER } from '../../src/host/work-dir.js';
import { startFaultyRegistry } from '../engine/faulty-registry.js';
import { testbedEnv } from '../testbed/env.js';
import { prepareFixtureRepo, writeFixtureConfig } from '../fixtures/prepare.js';
import { KIND_DOUBLE_BIN_DIR, KindDouble } from '../doubles/kind/index.js';
import { startKubeApi } from '../doubles/kube-api/index.js';
import { readZip, startGitHubServices, type JobOptions } from '../doubles/github/index.js';
import { runEntry, type EntryOptions } from './entries.js';
import { packWorkflowInputs } from './pack-inputs.js';

const RUN_TIMEOUT_MS = 240_000;

interface Stage {
  kube: Awaited<ReturnType<typeof startKubeApi>>;
  kind: KindDouble;
  github: Awaited<ReturnType<typeof startGitHubServices>>;
  repo: string;
  env: Record<string, string>;
}

async function stage(): Promise<Stage> {
  const testbed = await testbedEnv();
  const kube = await startKubeApi({ readyDelayMs: 20 });
  const kind = await KindDouble.create({ apiServer: kube.url, apiToken: kube.token, version: 'v0.33.0' });
  const github = await startGitHubServices();
  const repo = await prepareFixtureRepo();
  // No registry outside this machine is reachable: the dependency images come from the local one.
  const dependencies = { postgresql: `${testbed.registry}/deps/postgres:16-alpine`, redis: `${testbed.registry}/deps/redis:7-alpine` };
  for (const image of Object.values(dependencies)) {
    for (const args of [['tag', testbed.baseImage, image], ['push', image]]) {
      const done = spawnSync(testbed.docker, args, { env: { ...process.env, ...testbed.processEnv }, encoding: 'utf8' });
      if (done.status !== 0) throw new Error(`docker ${args.join(' ')}: ${done.stderr}`);
    }
  }
  await writeFixtureConfig(repo, 'action', { dependencies: { postgresql: { image: dependencies.postgresql }, redis: { image: dependencies.redis } } });
  const env = {
    ...github.env,
    ...testbed.processEnv,
    ...kind.env(),
    // kind's stand-in first; then Debian's docker client, the one with BuildKit built in.
    PATH: [KIND_DOUBLE_BIN_DIR, '/usr/bin', '/bin', '/usr/local/bin'].join(':'),
    GITHUB_WORKSPACE: repo,
  };
  return { kube, kind, github, repo, env };
}

async function teardown(s: Stage): Promise<void> {
  await s.kube.close();
  await s.github.close();
  await s.kind.cleanup();
  rmSync(s.repo, { recursive: true, force: true });
}

const main = (s: Stage, env: Record<string, string>, extra: Partial<EntryOptions> = {}) =>
  runEntry('index.js', { workspace: s.repo, inputs: { 'container-engine': 'docker' }, env: { ...s.env, ...env }, ...extra });

/** Another job of a workflow run, on a runner whose workspace is the fixture repository. */
const job = (s: Stage, options: JobOptions) => ({ ...s.github.startJob(options), GITHUB_WORKSPACE: s.repo });

const post = (s: Stage, state: Record<string, string>) => runEntry('post.js', { workspace: s.repo, env: s.env, state });

describe('a whole run of the action', () => {
  let s: Stage;
  beforeEach(async () => (s = await stage()), 60_000);
  afterEach(async () => teardown(s));

  it('goes green: images resolved once and loaded in one archive, cluster created, stack deployed, suite passed, evidence uploaded; post deletes the cluster', async () => {
    const run = await main(s, { FIXTURE_SUITE_OUTCOME: 'pass' });
    expect({ status: run.status, errors: run.stdout.match(/^::error.*$/gm) }).toEqual({ status: 0, errors: null });
    expect(run.outputs.result).toBe('success');
    expect(Number(run.outputs['tests-passed'])).toBeGreaterThan(0);
    expect(run.outputs['tests-failed']).toBe('0');
    const images = JSON.parse(run.outputs.images) as { name: string; source: string; reference: string }[];
    expect(images.map((image) => image.name).sort()).toEqual(['aianalysis', 'datastorage', 'holmesgpt-api']);
    for (const image of images) expect(image.reference).toMatch(/^localhost\/kubernaut-[a-z-]+:sha256-[0-9a-f]{32}$/);

    // One archive loaded once, holding every image; the deploy used the built references.
    const cluster = await s.kind.cluster('aianalysis-e2e');
    expect(cluster?.images).toHaveLength(1);
    const deployed = s.kube.object('Deployment', 'kubernaut-system', 'datastorage') as unknown as { spec: { template: { spec: { containers: { image: string; imagePullPolicy: string }[] } } } };
    const container = deployed.spec.template.spec.containers[0];
    expect(container).toMatchObject({ image: images.find((image) => image.name === 'datastorage')!.reference, imagePullPolicy: 'Never' });

    const [artifact] = s.github.artifacts();
    expect(run.outputs['artifact-id']).toBe(String(artifact.id));
    const files = [...readZip(artifact.zipBytes).keys()];
    expect(files).toEqual(expect.arrayContaining(['timings.json', 'summary.html', expect.stringMatching(/^junit\//)]));
    expect(files.some((file) => file.startsWith('logs/'))).toBe(false);
    expect(run.summary).toMatch(/✅ AIAnalysis E2E passed/);
    expect(run.summary).toMatch(/### Timeline\n\n```mermaid\ngantt\n[^`]*section suite\n/);
    expect(JSON.parse(run.outputs.timings).phases.map((phase: { phase: string }) => phase.phase)).toEqual(
      expect.arrayContaining(['images', 'cluster', 'deploy', 'suite']),
    );

    const cleanup = await post(s, run.state);
    expect(cleanup.status).toBe(0);
    expect(await s.kind.cluster('aianalysis-e2e')).toBeUndefined();
    expect(await s.kind.commands()).toContain('delete cluster');
  }, RUN_TIMEOUT_MS);

  it("runs the pack's publish and PR workflows as written, given only a registry: main pushes images without a cluster, the PR's images job pulls them into one artifact, a shard loads it", async () => {
    const testbed = await testbedEnv();
    const registry = `${testbed.registry}/pr-e2e`;
    const token = 'ghs_0123456789abcdef';
    const published = await main(s, {}, { inputs: packWorkflowInputs('aianalysis-e2e-publish-images.yml', 'publish', { registry, token }) });
    expect({ status: published.status, errors: published.stdout.match(/^::error.*$/gm) }).toEqual({ status: 0, errors: null });
    expect(published.outputs.result).toBe('success');
    expect(published.summary).toMatch(/✅ AIAnalysis E2E images ready \(images only/);
    const built = JSON.parse(published.outputs.images) as { reference: string; source: string; digest: string | null }[];
    for (const image of built) {
      expect(['built', 'built-from-cache']).toContain(image.source);
      expect(image.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
    // Images only: no cluster was made, nothing deployed, no suite ran; post has nothing to delete.
    expect(await s.kind.commands()).toEqual([]);
    expect(published.outputs['tests-passed']).toBe('');
    expect(JSON.parse(published.outputs.timings).phases.map((phase: { phase: string }) => phase.phase)).toEqual(['images']);
    expect((await post(s, published.state)).stdout).toContain('no cluster was created');

    // A clean machine for each job of the pull request: the built images are gone, only the registry has them.
    const references = built.map((image) => image.reference);
    const forget = () => spawnSync(testbed.docker, ['rmi', '-f', ...references], { env: { ...process.env, ...testbed.processEnv } });
    forget();
    const pr = { eventName: 'pull_request', ref: 'refs/pull/7/merge', runId: 3001 };
    const images = await main(s, job(s, { ...pr, job: 'images' }), { inputs: packWorkflowInputs('aianalysis-e2e-pr.yml', 'images', { registry, token }) });
    expect({ status: images.status, errors: images.stdout.match(/^::error.*$/gm) }).toEqual({ status: 0, errors: null });
    expect((JSON.parse(images.outputs.images) as { source: string }[]).map((image) => image.source)).toEqual(['pulled', 'pulled', 'pulled']);
    expect(s.github.artifacts().map((artifact) => artifact.name)).toContain('aianalysis-e2e-images');

    forget();
    const run = await main(s, { ...job(s, { ...pr, job: 'e2e' }), FIXTURE_SUITE_OUTCOME: 'pass' }, {
      inputs: { ...packWorkflowInputs('aianalysis-e2e-pr.yml', 'e2e', { registry, token, shard: '1/2' }), 'container-engine': 'docker' },
    });
    expect({ status: run.status, errors: run.stdout.match(/^::error.*$/gm) }).toEqual({ status: 0, errors: null });
    const loaded = JSON.parse(run.outputs.images) as { source: string; reference: string }[];
    expect(loaded.map((image) => image.source)).toEqual(['reused', 'reused', 'reused']);
    expect(loaded.map((image) => image.reference).sort()).toEqual([...references].sort());
    expect(run.summary).toMatch(/3 images from artifact `aianalysis-e2e-images` of this workflow run/);
    const shard = /Shard 1\/2: (\d+) of the (\d+) listed specs/.exec(run.summary);
    expect(Number(run.outputs['tests-passed'])).toBe(Number(shard?.[1]));
    expect(Number(shard?.[1])).toBeGreaterThan(0);
    expect(Number(shard?.[1])).toBeLessThan(Number(shard?.[2]));
    for (const output of [published.stdout, images.stdout, run.stdout]) expect(output.replace(/^::add-mask::.*$/gm, '')).not.toContain(token);
  }, 2 * RUN_TIMEOUT_MS);

  it('goes red on failed specs: each annotated, the logs bundle uploaded, the cluster still deleted in post', async () => {
    const run = await main(s, { FIXTURE_SUITE_OUTCOME: 'fail' });
    expect(run.status).toBe(1);
    expect(run.outputs.result).toBe('failure');
    expect(Number(run.outputs['tests-failed'])).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/^::error title=[^\n]*,file=[^\n]*,line=\d+::/m);
    const files = [...readZip(s.github.artifacts()[0].zipBytes).keys()];
    expect(files).toEqual(expect.arrayContaining([expect.stringMatching(/^logs\/.*events\.txt$/)]));
    expect(run.summary).toMatch(/❌ AIAnalysis E2E failed/);

    await post(s, run.state);
    expect(await s.kind.cluster('aianalysis-e2e')).toBeUndefined();
  }, RUN_TIMEOUT_MS);

  it('a disk that refuses timings.json: the warning names the file, the summary keeps its steps table, the artifact the rest', async () => {
    const workDir = join(s.env.RUNNER_TEMP!, 'aianalysis-e2e');
    const timingsFile = join(workDir, 'timings.json');
    mkdirSync(workDir, { recursive: true });
    writeFileSync(join(workDir, WORK_DIR_MARKER), '');
    // /dev/full answers every write with ENOSPC, as a full disk does.
    symlinkSync('/dev/full', timingsFile);
    const run = await main(s, { FIXTURE_SUITE_OUTCOME: 'pass' });
    expect(run.stdout).toContain(`::warning title=Report file not written::cannot write ${timingsFile}: the disk is full`);
    expect(run.outputs.result).toBe('success');
    expect(JSON.parse(run.outputs.timings).result).toBe('success');
    expect(run.summary).toMatch(/### Steps\n\n\| step \|/);
    expect(run.summary).toContain(`cannot write ${timingsFile}`);
    const files = [...readZip(s.github.artifacts()[0]!.zipBytes).keys()];
    expect(files).toEqual(expect.arrayContaining(['summary.html', expect.stringMatching(/^junit\//)]));
    expect(files).not.toContain('timings.json');
    await post(s, run.state);
  }, RUN_TIMEOUT_MS);

  it('a registry that refuses pushes: the suite passes, the pushes are stopped a minute after it and reported apart from the result', async () => {
    const testbed = await testbedEnv();
    const registry = await startFaultyRegistry({ kind: 'refuses-pushes', upstream: testbed.registry });
    try {
      const run = await main(s, { FIXTURE_SUITE_OUTCOME: 'pass' }, { inputs: { 'container-engine': 'docker', registry: `${registry.address}/refused`, push: 'true' } });
      expect(registry.refused()).toBeGreaterThan(0);
      expect(run.outputs.result).toBe('success');
      expect(Number(run.outputs['tests-passed'])).toBeGreaterThan(0);
      expect(run.summary).toMatch(/✅ AIAnalysis E2E passed/);
      expect(run.summary).toMatch(/⚠️ Apart from the result: Push image \S+ failed: pushing was stopped: not done 1m 00s after the suite ended/);
      expect(run.stdout).toMatch(/^::warning title=Apart from the result::Push image \S+ failed: /m);
      const timings = JSON.parse(run.outputs.timings) as { spans: { id: string; outcome: string; error: string | null }[] };
      const pushes = timings.spans.filter((span) => span.id.startsWith('push-'));
      expect(pushes.length).toBeGreaterThan(0);
      for (const push of pushes) expect(push.outcome).toBe('failure');
      // Bounded: stopped a minute after the suite, not left to the engine's and the task's retries.
      for (const push of pushes) expect(push.error).toMatch(/^pushing was stopped: not done 1m 00s after the suite ended \(the suite's result stands\)/);
      await post(s, run.state);
    } finally {
      await registry.close();
    }
  }, RUN_TIMEOUT_MS);

  it('stops on SIGTERM during the suite, still keeps the evidence, and post still cleans up', async () => {
    const run = await main(s, { FIXTURE_SUITE_OUTCOME: 'pass', FIXTURE_SUITE_SPEC_SECONDS: '5' }, {
      onStart: (child, output) => {
        const poll = setInterval(() => {
          if (/\[suite\]|make test-e2e-attached/.test(output()) && /Ran|•|\[It\]/.test(output())) {
            clearInterval(poll);
            child.kill('SIGTERM');
          }
        }, 100);
        child.on('close', () => clearInterval(poll));
      },
    });
    expect(run.outputs.result).toBe('cancelled');
    expect(run.status).toBe(1);
    expect(s.github.artifacts()).toHaveLength(1);
    expect(run.state.cluster).toBeDefined();

    await post(s, run.state);
    expect(await s.kind.cluster('aianalysis-e2e')).toBeUndefined();
  }, RUN_TIMEOUT_MS);
});
