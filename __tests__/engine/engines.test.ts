// Docker 20.10 (classic BuildKit) and Podman 4.3 against the testbed registry on 127.0.0.1:5000.
// buildx is not installed here: its argument lists are tested in build-args.test.ts.
import { execFile } from 'node:child_process';
import { open, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DockerEngine } from '../../src/engine/docker.js';
import { EngineError } from '../../src/engine/errors.js';
import type { ContainerEngine } from '../../src/engine/types.js';
import { testbedEnv, type TestbedEnv } from '../testbed/env.js';
import {
  busyboxContext,
  capturedLog,
  deleteFromRegistry,
  registryDigest,
  testbedEngine,
  uniqueName,
  type CapturedLog,
  type EngineName,
} from './helpers.js';

const execFileAsync = promisify(execFile);
const HASH_LABEL = 'io.github.kubernaut.aianalysis-e2e.content-hash';

let env: TestbedEnv;
beforeAll(async () => {
  env = await testbedEnv();
});

describe.each<EngineName>(['docker', 'podman'])('%s engine', (name) => {
  let log: CapturedLog;
  let engine: ContainerEngine;
  let context: string;
  const repository = uniqueName(`engine-test/${name}`);
  const local = (tag: string) => `localhost/${repository}:${tag}`;
  const remote = (tag: string) => `${env.registry}/${repository}:${tag}`;
  const made: string[] = [];

  beforeAll(async () => {
    context = await busyboxContext();
  });

  beforeEach(() => {
    log = capturedLog();
    engine = testbedEngine(name, env, log);
  });

  afterAll(async () => {
    const cleanup = testbedEngine(name, env, capturedLog());
    await cleanup.remove([...(await cleanup.localImages(made)).keys()]);
    await deleteFromRegistry(env.registry, repository, 'pushed');
    await rm(context, { recursive: true, force: true });
  });

  async function build(tag: string, marker: string, dockerfile = 'Dockerfile') {
    made.push(local(tag));
    return engine.build({
      reference: local(tag),
      dockerfile: path.join(context, dockerfile),
      context,
      buildArgs: { MARKER: marker },
      platform: 'linux/amd64',
      labels: { [HASH_LABEL]: marker },
    });
  }

  it('answers the health check', async () => {
    const health = await engine.health();
    expect(health.ok).toBe(true);
    expect(health.detail).toMatch(/\d+\.\d+/);
  });

  it('builds an image that exists and inspects to the same id, with its label; a rebuild comes from the cache', async () => {
    const marker = uniqueName('marker');
    const first = await build('one', marker);
    expect(first.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first.fromCache).toBe(false);
    expect(first.steps).toBeGreaterThanOrEqual(3);
    const info = await engine.inspect(local('one'));
    expect(info.id).toBe(first.id);
    expect(info.labels[HASH_LABEL]).toBe(marker);
    expect(info.sizeBytes).toBeGreaterThan(1_000_000); // busybox is in it

    const again = await build('one', marker);
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ fromCache: true, cachedSteps: again.steps });
    // The build's output is in the log, in a group named after the image.
    expect(log.text()).toContain(`build ${local('one')}`);
  });

  it('tells in one call which images it holds, with what inspect reads of them, and none for the missing ones', async () => {
    const built = await build('present', uniqueName('marker'));
    const found = await engine.localImages([local('never-built'), local('present'), remote('never-pushed')]);
    expect([...found.keys()]).toEqual([local('present')]);
    expect(found.get(local('present'))).toMatchObject({ id: built.id, repoTags: expect.arrayContaining([local('present')]) });
    expect((await engine.localImages([local('never-built')])).size).toBe(0);
    expect((await engine.localImages([])).size).toBe(0);
  });

  it('tags, pushes with the digest the registry serves, removes and pulls back', async () => {
    await build('push-source', uniqueName('marker'));
    await engine.tag(local('push-source'), remote('pushed'));
    made.push(remote('pushed'));
    const pushed = await engine.push(remote('pushed'));
    expect(pushed.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await registryDigest(env.registry, repository, 'pushed')).toBe(pushed.digest);

    await engine.remove([remote('pushed')]);
    expect((await engine.localImages([remote('pushed')])).has(remote('pushed'))).toBe(false);
    await engine.pull(remote('pushed'));
    expect((await engine.localImages([remote('pushed')])).has(remote('pushed'))).toBe(true);
    expect((await engine.inspect(remote('pushed'))).repoDigests).toContain(`${env.registry}/${repository}@${pushed.digest}`);
  });

  it('fails a pull of an image the registry lacks as permanent', async () => {
    const error = await engine.pull(remote('not-there')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ transient: false, classification: { class: 'permanent', rule: 'image-not-found' } });
    expect((error as Error).message).toContain(remote('not-there'));
  });

  it('saves several images into one uncompressed docker-archive', async () => {
    await build('save-a', uniqueName('marker'));
    await build('save-b', uniqueName('marker'));
    const archive = path.join(os.tmpdir(), `${uniqueName('images')}.tar`);
    try {
      const { bytes } = await engine.save([local('save-a'), local('save-b')], archive);
      const handle = await open(archive);
      const head = Buffer.alloc(2);
      await handle.read(head, 0, 2, 0);
      await handle.close();
      expect(head.equals(Buffer.from([0x1f, 0x8b]))).toBe(false); // not gzip: podman 4.3 could not load it
      expect(bytes).toBeGreaterThan(2_000_000);
      const { stdout } = await execFileAsync('tar', ['-xOf', archive, 'manifest.json']);
      const tags = (JSON.parse(stdout) as { RepoTags: string[] }[]).flatMap((entry) => entry.RepoTags);
      expect(tags).toEqual(expect.arrayContaining([local('save-a'), local('save-b')]));
    } finally {
      await rm(archive, { force: true });
    }
  });

  it('fails a broken Dockerfile step as permanent, naming the step and showing its output', async () => {
    await busyboxFailure(context);
    const error = await build('broken', uniqueName('marker'), 'Dockerfile.fail').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EngineError);
    const engineError = error as EngineError;
    expect(engineError.classification).toMatchObject({ class: 'permanent', rule: 'step-failed' });
    expect(engineError.location).toContain('RUN echo about to fail && exit 3');
    expect(engineError.message).toContain('failed at: ');
    expect(engineError.message).toContain('about to fail');
    expect(engineError.message).toMatch(/fix the failing step/);
  });

  it("removes the images it is given once they are dangling, and never another run's dangling image", async () => {
    const present = async (id: string) => engine.inspect(id).then(() => true, () => false);
    const foreign = await build('foreign', uniqueName('marker'));
    await build('foreign', uniqueName('marker')); // someone else's image loses its only tag
    const replaced = await build('mine', uniqueName('marker'));
    const current = await build('mine', uniqueName('marker')); // this run's rebuild leaves the earlier one dangling
    try {
      const removed = await engine.removeDangling([replaced.id, current.id]);

      expect(removed.imagesRemoved).toBe(1);
      expect(removed.bytesReclaimed).toBeGreaterThan(0);
      expect(await present(replaced.id)).toBe(false);
      expect(await present(current.id)).toBe(true);
      expect(await present(foreign.id)).toBe(true);
    } finally {
      await engine.remove([foreign.id]).catch(() => undefined);
    }
  });
});

describe('docker engine restart', () => {
  it('is not attempted without a restart command, and says why', async () => {
    const outcome = await testbedEngine('docker', env, capturedLog()).restart();
    expect(outcome).toMatchObject({ restarted: false, detail: expect.stringMatching(/kind nodes/) });
  });

  it('runs the configured command and reports whether it worked', async () => {
    const engine = (restartCommand: string[]) =>
      new DockerEngine({ program: env.docker, builder: 'classic', log: capturedLog(), env: env.processEnv, restartCommand });
    expect(await engine(['true']).restart()).toMatchObject({ restarted: true });
    expect(await engine(['false']).restart()).toMatchObject({ restarted: false, detail: expect.stringMatching(/exit code 1/) });
  });
});

describe('docker engine without its daemon', () => {
  it('is unhealthy, and asking for local images or building fails as transient (engine unreachable)', async () => {
    const log = capturedLog();
    const engine = testbedEngine('docker', env, log, { DOCKER_HOST: 'unix:///tmp/no-docker-here.sock' });
    expect((await engine.health()).ok).toBe(false);
    // Not knowing is not "absent": the run must not go on to build what it may have.
    await expect(engine.localImages(['localhost/no-daemon:1'])).rejects.toMatchObject({ transient: true });
    const context = await busyboxContext();
    try {
      const error = await engine
        .build({ reference: 'localhost/no-daemon:1', dockerfile: path.join(context, 'Dockerfile'), context })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ transient: true, classification: { rule: 'engine-unreachable', recovery: 'engine' } });
    } finally {
      await rm(context, { recursive: true, force: true });
    }
  });
});

/** The context's Dockerfile with a last step that fails. */
async function busyboxFailure(context: string): Promise<void> {
  const base = await readFile(path.join(context, 'Dockerfile'), 'utf8');
  await writeFile(path.join(context, 'Dockerfile.fail'), `${base}\nRUN echo about to fail && exit 3\n`);
}
