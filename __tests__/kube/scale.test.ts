import { applyObject } from '../../src/kube/apply.js';
import { scaleToZero } from '../../src/kube/scale.js';
import { refOf } from '../../src/kube/types.js';
import { waitForReady } from '../../src/kube/wait.js';
import { type Harness, NAMESPACE, deployment, namespace, startHarness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ readyDelayMs: 20, terminationDelayMs: 300 });
  await applyObject(h.kube, namespace());
});
afterEach(() => h.close());

const podsOf = (app: string) => h.api.objects('Pod', NAMESPACE).filter((p) => p.metadata.labels?.app === app);

test('scales Deployments to 0 and returns only when their pods are gone', async () => {
  const objects = [deployment('datastorage', { replicas: 2 }), deployment('aianalysis'), deployment('redis')];
  for (const o of objects) await applyObject(h.kube, o);
  expect(await waitForReady(h.kube, objects.map(refOf), { timeoutMs: 30_000, log: h.log })).toEqual({ ok: true });
  expect(podsOf('datastorage')).toHaveLength(2);

  const outcomes = await scaleToZero(h.kube, [{ namespace: NAMESPACE, name: 'datastorage' }, { namespace: NAMESPACE, name: 'aianalysis' }],
    { timeoutMs: 30_000, log: h.log });

  expect(outcomes.map((o) => o.podsGone)).toEqual([true, true]);
  // Terminating pods take 300 ms to go: returning earlier would leave them here.
  expect(podsOf('datastorage')).toEqual([]);
  expect(podsOf('aianalysis')).toEqual([]);
  expect(podsOf('redis')).toHaveLength(1);
  expect(h.api.object('Deployment', NAMESPACE, 'datastorage')?.spec.replicas).toBe(0);
  const scaleRequest = h.api.requests.find((r) => r.method === 'PATCH' && r.path.endsWith('/deployments/datastorage/scale'));
  expect(scaleRequest?.contentType).toBe('application/json-patch+json');
});

test('reports a Deployment that does not exist, and still scales the others', async () => {
  await applyObject(h.kube, deployment('aianalysis'));
  const outcomes = await scaleToZero(h.kube, [{ namespace: NAMESPACE, name: 'missing' }, { namespace: NAMESPACE, name: 'aianalysis' }],
    { timeoutMs: 30_000, log: h.log });
  expect(outcomes).toEqual([
    { target: { namespace: NAMESPACE, name: 'missing' }, podsGone: false,
      problem: `cannot scale Deployment ${NAMESPACE}/missing to 0: deployments.apps "missing" not found (NotFound 404)` },
    { target: { namespace: NAMESPACE, name: 'aianalysis' }, podsGone: true },
  ]);
  expect(h.log.lines).toContain(`warning: ${outcomes[0].problem}`);
});

test('reports pods still present at the timeout', async () => {
  const slow = await startHarness({ readyDelayMs: 20, terminationDelayMs: 60_000 });
  try {
    await applyObject(slow.kube, namespace());
    const d = deployment('datastorage');
    await applyObject(slow.kube, d);
    await waitForReady(slow.kube, [refOf(d)], { timeoutMs: 30_000, log: slow.log });
    const [outcome] = await scaleToZero(slow.kube, [{ namespace: NAMESPACE, name: 'datastorage' }],
      { timeoutMs: 300, pollIntervalMs: 50, log: slow.log });
    expect(outcome.podsGone).toBe(false);
    expect(outcome.problem).toMatch(/^pods of Deployment kubernaut-system\/datastorage still present after 0.3 s: datastorage-/);
  } finally {
    await slow.close();
  }
});
