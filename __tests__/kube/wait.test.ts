import { applyObject } from '../../src/kube/apply.js';
import { connectKube } from '../../src/kube/client.js';
import { type ObjectRef, refOf } from '../../src/kube/types.js';
import { waitForReady } from '../../src/kube/wait.js';
import type { KubeApiOptions } from '../doubles/kube-api/index.js';
import { type Harness, NAMESPACE, crd, deployment, job, namespace, startHarness } from './harness.js';

let h: Harness;
async function start(options: KubeApiOptions = {}): Promise<Harness> {
  h = await startHarness(options);
  await applyObject(h.kube, namespace());
  return h;
}
afterEach(() => h.close());

// Long enough that a wait ending at its timeout is unmistakable in the result, never hit by a passing test.
const GENEROUS_MS = 30_000;

async function applyAll(...objects: Parameters<typeof applyObject>[1][]): Promise<ObjectRef[]> {
  for (const o of objects) await applyObject(h.kube, o);
  return objects.map(refOf);
}

test('waits for Deployments, Jobs and CRDs to be ready, logging each', async () => {
  await start({ readyDelayMs: 100 });
  const refs = await applyAll(deployment('datastorage'), deployment('redis', { replicas: 2 }), job('migrate'), crd());
  const result = await waitForReady(h.kube, refs, { timeoutMs: GENEROUS_MS, log: h.log });
  expect(result).toEqual({ ok: true });
  for (const name of ['Deployment kubernaut-system/datastorage', 'Deployment kubernaut-system/redis', 'Job kubernaut-system/migrate',
    'CustomResourceDefinition aianalyses.kubernaut.ai']) {
    expect(h.log.lines).toContain(`info: ${name} is ready`);
  }
  expect(h.api.readyAt('Deployment', NAMESPACE, 'redis')).toBeDefined();
});

test('watches wake the wait up: no polling is needed when events arrive', async () => {
  await start({ readyDelayMs: 50 });
  const refs = await applyAll(deployment('datastorage'));
  // With a one-minute poll, only watch events can finish this before the generous timeout.
  const result = await waitForReady(h.kube, refs, { timeoutMs: GENEROUS_MS, pollIntervalMs: 60_000, log: h.log });
  expect(result).toEqual({ ok: true });
  expect(h.api.requests.some((r) => r.query.get('watch') === 'true' && r.path.endsWith('/deployments'))).toBe(true);
});

test('falls back to polling when watches are refused', async () => {
  await start({ readyDelayMs: 50, watchUnavailable: true });
  const refs = await applyAll(deployment('datastorage'));
  const result = await waitForReady(h.kube, refs, { timeoutMs: GENEROUS_MS, pollIntervalMs: 50, log: h.log });
  expect(result).toEqual({ ok: true });
  expect(h.log.lines.some((l) => l.startsWith('debug: watch of /apis/apps/v1/namespaces/kubernaut-system/deployments ended'))).toBe(true);
});

test.each([
  ['crash-loop', 'CrashLoopBackOff'],
  ['image-pull-backoff', 'ImagePullBackOff'],
  ['image-never-pull', 'ErrImageNeverPull'],
  ['oom-killed', 'OOMKilled'],
] as const)('a pod in %s fails the wait at once, naming pod, container and reason', async (mode, reason) => {
  await start({ readyDelayMs: 20 });
  h.api.behave('datastorage', mode);
  const refs = await applyAll(deployment('redis'), deployment('datastorage'));
  const result = await waitForReady(h.kube, refs, { timeoutMs: GENEROUS_MS, log: h.log });
  expect(result).toMatchObject({ ok: false, cause: 'failed',
    notReady: [{ ref: { kind: 'Deployment', name: 'datastorage' }, pod: { container: 'datastorage', reason } }] });
  if (!result.ok) expect(result.notReady[0].reason).toMatch(new RegExp(`^pod datastorage-[a-z0-9]+-[a-z0-9]{5} container datastorage: ${reason}`));
});

test('a failed Job fails the wait', async () => {
  await start({ readyDelayMs: 20 });
  h.api.behave('migrate', 'job-failure');
  const result = await waitForReady(h.kube, await applyAll(job('migrate')), { timeoutMs: GENEROUS_MS, log: h.log });
  expect(result).toMatchObject({ ok: false, cause: 'failed', notReady: [{ reason: expect.stringContaining('BackoffLimitExceeded') }] });
});

test('a Deployment past its progress deadline fails the wait', async () => {
  await start({ readyDelayMs: 20 });
  h.api.behave('datastorage', 'never-ready');
  const d = deployment('datastorage');
  Object.assign(d.spec, { progressDeadlineSeconds: 1 });
  const result = await waitForReady(h.kube, await applyAll(d), { timeoutMs: GENEROUS_MS, log: h.log });
  expect(result).toMatchObject({ ok: false, cause: 'failed', notReady: [{ reason: expect.stringContaining('exceeded its progress deadline') }] });
});

test('a never-ready Deployment times out with what it was waiting for', async () => {
  await start({ readyDelayMs: 20 });
  h.api.behave('datastorage', 'never-ready');
  const refs = await applyAll(deployment('redis'), deployment('datastorage'));
  const result = await waitForReady(h.kube, refs, { timeoutMs: 500, pollIntervalMs: 100, log: h.log });
  expect(result).toEqual({ ok: false, cause: 'timeout', notReady: [{
    ref: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: NAMESPACE, name: 'datastorage' },
    reason: '0 of 1 updated replicas are available' }] });
});

test('an object that never appears is reported as missing at the timeout', async () => {
  await start();
  const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace: NAMESPACE, name: 'absent' };
  const result = await waitForReady(h.kube, [ref], { timeoutMs: 200, pollIntervalMs: 50, log: h.log });
  expect(result).toEqual({ ok: false, cause: 'timeout', notReady: [{ ref, reason: 'does not exist yet' }] });
});

test('cancellation (the clients\' signal) stops the wait with the reason', async () => {
  await start({ readyDelayMs: 20 });
  h.api.behave('datastorage', 'never-ready');
  const refs = await applyAll(deployment('datastorage'));
  const controller = new AbortController();
  const kube = connectKube(h.kubeconfig, { callTimeoutMs: 5000, signal: controller.signal });
  const pending = waitForReady(kube, refs, { timeoutMs: GENEROUS_MS, log: h.log });
  setTimeout(() => controller.abort(new Error('run cancelled')), 100);
  await expect(pending).rejects.toThrow('run cancelled');
});
