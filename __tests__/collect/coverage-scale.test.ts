/**
 * Go writes coverage counters only when the process exits, so the instrumented Deployments must be
 * scaled to zero and their pods gone before the coverage folder is read. The order is checked on
 * the Kubernetes API double's state at the moment the host folder is read (a spy on readdir), not
 * by timing.
 */
import { jest } from '@jest/globals';
import * as fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Harness } from '../kube/harness.js';

interface ReadMoment {
  /** Pods of the instrumented Deployments present in the double. */
  pods: string[];
  /** How many requests the double had received. */
  requests: number;
}

let watched: { hostDir: string; h: Harness; apps: string[] } | undefined;
const reads: ReadMoment[] = [];

const realPromises = fs.promises;
jest.unstable_mockModule('node:fs/promises', () => ({
  ...realPromises,
  default: realPromises,
  readdir: (...args: Parameters<typeof realPromises.readdir>) => {
    if (watched !== undefined && args[0] === watched.hostDir) {
      const { h, apps } = watched;
      const pods = h.api.objects('Pod', 'kubernaut-system').filter((p) => apps.includes(p.metadata.labels?.app ?? ''));
      reads.push({ pods: pods.map((p) => p.metadata.name), requests: h.api.requests.length });
    }
    return realPromises.readdir(...args);
  },
}));

const { collectCoverage } = await import('../../src/collect/coverage.js');
const { applyObject } = await import('../../src/kube/apply.js');
const { refOf } = await import('../../src/kube/types.js');
const { waitForReady } = await import('../../src/kube/wait.js');
const { NAMESPACE, deployment, namespace, startHarness } = await import('../kube/harness.js');
const { testbedEnv } = await import('../testbed/env.js');
const { buildCoverageFixture, removeFixture, runInstrumented } = await import('./fixtures-collect/go-build.js');
const { recordingLog } = await import('./fixtures-collect/recording-log.js');

test('the instrumented Deployments are scaled to zero and their pods gone before the data is read', async () => {
  const env = await testbedEnv();
  const fixture = await buildCoverageFixture(env.go);
  // Terminating pods linger for a while, as real ones do until their process has exited.
  const h = await startHarness({ readyDelayMs: 20, terminationDelayMs: 300 });
  const dir = await mkdtemp(join(tmpdir(), 'coverage-scale-'));
  try {
    const apps = ['greeter', 'farewell'];
    const objects = [...apps.map((name) => deployment(name, { replicas: 2 })), deployment('redis')];
    await applyObject(h.kube, namespace());
    for (const o of objects) await applyObject(h.kube, o);
    expect(await waitForReady(h.kube, objects.map(refOf), { timeoutMs: 30_000, log: h.log })).toEqual({ ok: true });
    const hostDir = join(dir, 'host');
    for (const app of ['greeter', 'farewell'] as const) await runInstrumented(fixture, app, hostDir);
    watched = { hostDir, h, apps };
    const before = h.api.requests.length;

    const result = await collectCoverage({
      kube: h.kube, namespace: NAMESPACE, deployments: apps, podDir: '/coverdata', hostDir, nodes: [], engine: env.docker,
      buildPath: fixture.buildPath, repoRoot: fixture.repoRoot, outDir: join(dir, 'out'), log: recordingLog().log, go: env.go,
      env: { GOFLAGS: '' },
    });

    expect(result.warnings).toEqual([]);
    expect(result.percent).toBeGreaterThan(0);
    expect(reads).toHaveLength(1);
    const [read] = reads;
    expect(read.pods).toEqual([]);
    // Both scale requests were made before the read, and only the instrumented Deployments were scaled.
    const scaled = h.api.requests.slice(before, read.requests)
      .filter((r) => r.method === 'PATCH' && r.path.endsWith('/scale'))
      .map((r) => r.path.split('/').at(-2));
    expect(scaled.sort()).toEqual([...apps].sort());
    expect(apps.map((name) => h.api.object('Deployment', NAMESPACE, name)?.spec.replicas)).toEqual([0, 0]);
    expect(h.api.objects('Pod', NAMESPACE).map((p) => p.metadata.labels?.app)).toEqual(['redis']);
  } finally {
    watched = undefined;
    await h.close();
    await rm(dir, { recursive: true, force: true });
    await removeFixture(fixture);
  }
});
