// The image phase with real Docker (20.10, classic BuildKit) on the kubernaut-mini fixture, a real
// registry for the dependencies, and the kind stand-in for loading (no kind node runs here).
// Content hashes come from src/image-inputs/hash.ts, source decisions from src/images/source.ts with the
// engine's localHas probe (the images of this test are in no registry).
import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kind } from '../../src/cluster/kind.js';
import { loadConfig } from '../../src/config/index.js';
import { DockerEngine } from '../../src/engine/docker.js';
import { CONTENT_HASH_LABEL, INPUTS_DIGEST_LABEL, INPUTS_MODE_LABEL } from '../../src/images/image-tasks.js';
import { runImagePhase, type RunImagePhaseOptions } from '../../src/images/phase.js';
import { EngineRecovery } from '../../src/images/recovery.js';
import { imagesSection } from '../../src/images/summary.js';
import { hashImage } from '../../src/image-inputs/hash.js';
import { makePlan, type Plan } from '../../src/plan/plan.js';
import { decideSources, type SourceDecision } from '../../src/images/source.js';
import { renderText } from '../../src/document/document.js';
import { KindDouble } from '../doubles/kind/index.js';
import { prepareFixtureRepo } from '../fixtures/prepare.js';
import { capturedLog, deleteFromRegistry, uniqueName } from '../engine/helpers.js';
import { testbedEnv, type TestbedEnv } from '../testbed/env.js';

jest.setTimeout(180_000);

const execFileAsync = promisify(execFile);
const CLUSTER = 'aianalysis-e2e';
const LIMITS = { warnMiB: 200, limitMiB: 1024 };

let env: TestbedEnv;
let repo: string;
let workDir: string;
let engine: DockerEngine;
let plan: Plan;
const prefix = `localhost/${uniqueName('e2e-images')}`;
const made = new Set<string>();

beforeAll(async () => {
  env = await testbedEnv();
  repo = await prepareFixtureRepo();
  workDir = await mkdtemp(path.join(os.tmpdir(), 'image-phase-'));
  engine = new DockerEngine({ program: env.docker, builder: 'classic', log: capturedLog(), env: env.processEnv });
  plan = makePlan(loadConfig({ inputs: { coverage: 'true' }, repoRoot: repo }));
});

afterAll(async () => {
  await engine.remove([...(await engine.localImages([...made])).keys()]);
  await rm(repo, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

/** Build everything, or (auto) reuse what the engine has and build the rest. */
async function decide(mode: 'build' | 'auto'): Promise<Record<string, SourceDecision>> {
  const tagged = await Promise.all(
    plan.images.map(async (image) => {
      const hashed = await hashImage(repo, image, LIMITS);
      return { name: image.name, repository: image.repository, tag: hashed.tag, inputs: { mode: hashed.inputs.mode, digest: hashed.hash } };
    }),
  );
  const decisions = await decideSources({ mode, registry: prefix }, tagged, {
    localImages: (references) => engine.localImages(references),
    registryHas: async () => ({ present: false }),
  });
  for (const decision of decisions) made.add(decision.reference);
  return Object.fromEntries(decisions.map((decision) => [decision.image, decision]));
}

function phase(decisions: Record<string, SourceDecision>, overrides: Partial<RunImagePhaseOptions> = {}) {
  return runImagePhase({
    engine,
    plan: { images: plan.images, dependencies: [], registry: '' },
    decisions: Object.values(decisions),
    repoRoot: repo,
    cache: 'off',
    buildTimeoutMinutes: 10,
    push: { allowed: false },
    recovery: new EngineRecovery(engine),
    log: capturedLog(),
    limits: { concurrency: 4, memoryBudgetMiB: 16_384 },
    ...overrides,
  });
}

async function fileInImage(reference: string, file: string): Promise<string> {
  const { stdout } = await execFileAsync(env.docker, ['run', '--rm', '--entrypoint', 'cat', reference, file], {
    env: { ...process.env, ...env.processEnv },
  });
  return stdout;
}

const sources = (images: { name: string; source: string }[]) => Object.fromEntries(images.map((i) => [i.name, i.source]));

describe('image phase on the fixture repository with docker', () => {
  let firstIds: Record<string, string>;

  it('builds all three images once, labelled with their content hash, the Go ones with the coverage build args', async () => {
    const decisions = await decide('build');
    const { graph, report } = await phase(decisions);
    expect(graph.firstError?.message).toBeUndefined();
    expect(report.images.map((i) => i.name)).toEqual(['datastorage', 'holmesgpt-api', 'aianalysis']);
    for (const image of report.images) {
      expect(['built', 'built-from-cache']).toContain(image.source);
      expect(image.reference).toBe(decisions[image.name].reference);
      const info = await engine.inspect(image.reference);
      expect(info.id).toBe(image.id);
      expect(info.labels[CONTENT_HASH_LABEL]).toBe(image.reference.split(':').at(-1));
      expect(info.labels[INPUTS_MODE_LABEL]).toBe(decisions[image.name].inputs?.mode);
      expect(info.labels[INPUTS_DIGEST_LABEL]).toBe(`sha256:${decisions[image.name].inputs?.digest}`);
      expect(info.labels[INPUTS_DIGEST_LABEL].startsWith(`sha256:${info.labels[CONTENT_HASH_LABEL].slice('sha256-'.length)}`)).toBe(true);
    }
    expect(await fileInImage(decisions.datastorage.reference, '/var/www/build-info')).toContain('GOFLAGS=-cover');
    expect(await fileInImage(decisions.aianalysis.reference, '/var/www/health/build-info')).toContain('GOFLAGS=-cover');
    expect(await fileInImage(decisions['holmesgpt-api'].reference, '/var/www/build-info')).toMatch(/^GOFLAGS=$/m);
    firstIds = Object.fromEntries(report.images.map((i) => [i.name, i.id]));
  });

  it('rebuilds with nothing changed entirely from the cache, and says so in the summary', async () => {
    const { graph, report } = await phase(await decide('build'));
    expect(graph.ok).toBe(true);
    expect(sources(report.images)).toEqual({
      datastorage: 'built-from-cache',
      'holmesgpt-api': 'built-from-cache',
      aianalysis: 'built-from-cache',
    });
    expect(Object.fromEntries(report.images.map((i) => [i.name, i.id]))).toEqual(firstIds);
    expect(renderText([imagesSection(report)])).toMatch(/built-from-cache: the build ran, but every step came from the layer cache/);
  });

  it('after a change to one service, executes a build of that image only', async () => {
    const before = await decide('auto');
    await appendFile(path.join(repo, 'cmd/aianalysis/main.go'), `\n// ${uniqueName('change')}\n`);
    const after = await decide('auto');
    expect(after.aianalysis.reference).not.toBe(before.aianalysis.reference);

    const { graph, report } = await phase(after);
    expect(graph.ok).toBe(true);
    const { aianalysis, ...others } = sources(report.images);
    expect(aianalysis).toBe('built');
    // Unchanged tags are reused; where the hash covers the whole context ('.') the others get new
    // tags too, and their builds run entirely from the cache.
    for (const source of Object.values(others)) expect(['reused', 'built-from-cache']).toContain(source);
    expect(report.images.find((i) => i.name === 'aianalysis')?.id).not.toBe(firstIds.aianalysis);
  });

  it('saves images and dependencies into one archive, loads it through kind once, then removes it', async () => {
    const double = await KindDouble.create();
    const loadDir = path.join(workDir, 'load');
    const dependencyRepo = uniqueName('e2e-deps');
    const pushedDependencies = [
      { name: 'postgresql', repository: `${dependencyRepo}/postgres`, tag: '16-alpine' },
      { name: 'redis', repository: `${dependencyRepo}/redis`, tag: '7-alpine' },
    ];
    const dependencies = pushedDependencies.map((d) => ({ name: d.name, image: `${env.registry}/${d.repository}:${d.tag}` }));
    try {
      // The dependencies are in the registry, not in the engine: the phase must pull them.
      for (const { image } of dependencies) {
        await engine.tag(env.baseImage, image);
        await engine.push(image);
        await engine.remove([image]);
        made.add(image);
      }
      await double.seedCluster(CLUSTER, 'docker');
      const kind = new Kind({
        clusterName: CLUSTER,
        provider: 'docker',
        workDir: path.join(workDir, 'kind'),
        log: capturedLog(),
        env: double.env(),
        inspectNode: double.inspectNode,
        retry: { attempts: 1 },
      });
      const decisions = await decide('auto');
      const { graph, report } = await phase(decisions, {
        plan: { images: plan.images, dependencies, registry: '' },
        load: { kind, workDir: loadDir, replacedImageIds: [] },
      });
      expect(graph.firstError?.message).toBeUndefined();
      expect(sources(report.dependencies)).toEqual({ postgresql: 'pulled', redis: 'pulled' });

      expect(await double.commands()).toEqual(['load image-archive']);
      const loaded = (await double.cluster(CLUSTER))?.images ?? [];
      expect(loaded).toHaveLength(1);
      const expected = [...Object.values(decisions).map((d) => d.reference), ...dependencies.map((d) => d.image)];
      expect([...loaded[0].repoTags].sort()).toEqual([...expected].sort());

      expect(await readdir(loadDir)).toEqual([]);
      expect(report.load?.images).toBe(5);
      expect(report.load?.archiveBytes).toBeGreaterThan(1_000_000); // busybox, once: layers are shared
      expect(report.load?.bytesFreed).toBeGreaterThanOrEqual(report.load?.archiveBytes ?? Infinity);
      expect(renderText([imagesSection(report)])).toMatch(/Loaded 5 images into the cluster from one archive/);
    } finally {
      await double.cleanup();
      for (const { repository, tag } of pushedDependencies) await deleteFromRegistry(env.registry, repository, tag);
    }
  });
});
