import { ApplyError, FIELD_MANAGER, applyObject } from '../../src/kube/apply.js';
import { connectKube } from '../../src/kube/client.js';
import { type Harness, NAMESPACE, crd, deployment, job, namespace, startHarness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

test('applies with server-side apply under one field manager, forcing ownership', async () => {
  await applyObject(h.kube, namespace());
  await applyObject(h.kube, deployment('datastorage'));
  const patches = h.api.requests.filter((r) => r.method === 'PATCH');
  expect(patches.map((r) => r.path)).toEqual([
    `/api/v1/namespaces/${NAMESPACE}`,
    `/apis/apps/v1/namespaces/${NAMESPACE}/deployments/datastorage`,
  ]);
  for (const r of patches) {
    expect(r.contentType).toBe('application/apply-patch+yaml');
    expect(r.query.get('fieldManager')).toBe(FIELD_MANAGER);
    expect(r.query.get('force')).toBe('true');
  }
  expect(h.api.object('Deployment', NAMESPACE, 'datastorage')?.metadata.managedFields)
    .toEqual([expect.objectContaining({ manager: FIELD_MANAGER, operation: 'Apply' })]);
});

test('re-applying updates the object; generation moves only when the spec changes', async () => {
  await applyObject(h.kube, namespace());
  const first = await applyObject(h.kube, deployment('datastorage'));
  const same = await applyObject(h.kube, deployment('datastorage'));
  expect(same.metadata?.generation).toBe(first.metadata?.generation);
  const labelled = deployment('datastorage');
  labelled.metadata.labels = { ...labelled.metadata.labels, team: 'e2e' };
  expect((await applyObject(h.kube, labelled)).metadata?.generation).toBe(first.metadata?.generation);
  const changed = await applyObject(h.kube, deployment('datastorage', { replicas: 2 }));
  expect(changed.metadata?.generation).toBe((first.metadata?.generation ?? 0) + 1);
});

test('a Job whose pod template changed is deleted and created again, and the log says why; an unchanged one is left alone', async () => {
  await applyObject(h.kube, namespace());
  const first = await applyObject(h.kube, job('datastorage-migrations'), h.log);
  expect((await applyObject(h.kube, job('datastorage-migrations'), h.log)).metadata?.uid).toBe(first.metadata?.uid);
  expect(h.api.requests.filter((r) => r.method === 'DELETE')).toEqual([]);

  const newImage = job('datastorage-migrations');
  newImage.spec.template.spec.containers[0].image = 'localhost/datastorage-migrations:next';
  const second = await applyObject(h.kube, newImage, h.log);
  expect(second.metadata?.uid).not.toBe(first.metadata?.uid);
  const stored = h.api.object('Job', NAMESPACE, 'datastorage-migrations');
  expect(stored?.spec.template.spec.containers[0].image).toBe('localhost/datastorage-migrations:next');
  const deletions = h.api.requests.filter((r) => r.method === 'DELETE');
  expect(deletions.map((r) => r.path)).toEqual([`/apis/batch/v1/namespaces/${NAMESPACE}/jobs/datastorage-migrations`]);
  expect(h.log.lines).toEqual([expect.stringMatching(/^info: Job kubernaut-system\/datastorage-migrations: its pod template changed, which a Job's cannot/)]);
});

test('another immutable field is not worked around: the apply fails with the API message', async () => {
  await applyObject(h.kube, namespace());
  await applyObject(h.kube, deployment('datastorage'));
  const reselected = deployment('datastorage');
  reselected.spec.selector = { matchLabels: { app: 'datastorage', track: 'new' } };
  reselected.spec.template.metadata.labels = { app: 'datastorage', track: 'new' };
  const error = await applyObject(h.kube, reselected, h.log).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApplyError);
  expect(h.api.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
});

test('the manifest reaches the server verbatim, including CRD schema keys the generated models do not carry', async () => {
  await applyObject(h.kube, crd());
  const stored = h.api.object('CustomResourceDefinition', undefined, 'aianalyses.kubernaut.ai');
  const schema = stored?.spec.versions[0].schema.openAPIV3Schema;
  expect(schema['x-kubernetes-preserve-unknown-fields']).toBe(true);
  expect(schema.properties.spec.properties.phase).toEqual({ type: 'string', enum: ['Pending', 'Completed'], default: 'Pending' });
});

test('an object without a namespace goes to the kubeconfig namespace', async () => {
  const dir = h.kubeconfig.replace(/\/kubeconfig$/, '');
  const kube = connectKube(h.api.kubeconfigPath(dir, { namespace: NAMESPACE }), { callTimeoutMs: 5000 });
  await applyObject(kube, namespace());
  await applyObject(kube, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: 'b' } });
  expect(h.api.object('ConfigMap', NAMESPACE, 'cfg')?.data).toEqual({ a: 'b' });
});

describe('errors name the object and carry the API status message', () => {
  test('missing namespace (404)', async () => {
    const error = await applyObject(h.kube, deployment('datastorage')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplyError);
    expect((error as Error).message).toBe(
      `cannot apply Deployment ${NAMESPACE}/datastorage: namespaces "${NAMESPACE}" not found (NotFound 404)`);
  });

  test('invalid object (422)', async () => {
    await applyObject(h.kube, namespace());
    const bad = deployment('datastorage');
    bad.spec.template.metadata.labels = { app: 'other' };
    await expect(applyObject(h.kube, bad)).rejects.toThrow(
      /^cannot apply Deployment kubernaut-system\/datastorage: Deployment\.apps "datastorage" is invalid: spec\.template\.metadata\.labels: .*selector.* does not match template .*labels.* \(Invalid 422\)$/);
  });

  test('a custom resource whose CRD is missing', async () => {
    await applyObject(h.kube, namespace());
    const cr = { apiVersion: 'kubernaut.ai/v1alpha1', kind: 'AIAnalysis', metadata: { name: 'a1', namespace: NAMESPACE } };
    await expect(applyObject(h.kube, cr)).rejects.toThrow(
      'cannot apply AIAnalysis kubernaut-system/a1: the API server does not serve kind AIAnalysis in kubernaut.ai/v1alpha1 '
      + '(for a custom resource: is its CustomResourceDefinition applied and Established?)');
  });

  test('an unknown core kind', async () => {
    await expect(applyObject(h.kube, { apiVersion: 'v1', kind: 'Widget', metadata: { name: 'w' } }))
      .rejects.toThrow('cannot apply Widget w: the API server does not serve kind Widget in v1');
  });

  test('an API that does not answer in time', async () => {
    const slow = await startHarness({ applyLatencyMs: 500 });
    try {
      const kube = connectKube(slow.kubeconfig, { callTimeoutMs: 100 });
      await expect(applyObject(kube, namespace())).rejects.toThrow(
        'cannot apply Namespace kubernaut-system: the Kubernetes API did not answer within 0.1 s');
    } finally {
      await slow.close();
    }
  });

  test('an unreachable API', async () => {
    const gone = await startHarness();
    const kube = connectKube(gone.kubeconfig, { callTimeoutMs: 1000 });
    await gone.close();
    await expect(applyObject(kube, namespace()))
      .rejects.toThrow(/^cannot apply Namespace kubernaut-system: cannot reach the Kubernetes API: .*ECONNREFUSED/);
  });
});

test('cancellation aborts the request in flight and rejects with the reason', async () => {
  const slow = await startHarness({ applyLatencyMs: 10_000 });
  try {
    const controller = new AbortController();
    const kube = connectKube(slow.kubeconfig, { callTimeoutMs: 60_000, signal: controller.signal });
    await kube.objects.isNamespaced('v1', 'Namespace');
    const pending = applyObject(kube, namespace());
    setTimeout(() => controller.abort(new Error('run cancelled')), 20);
    await expect(pending).rejects.toThrow('run cancelled');
  } finally {
    await slow.close();
  }
});

test('a kubeconfig that does not exist or names no cluster is refused clearly', () => {
  expect(() => connectKube('/nonexistent/kubeconfig', { callTimeoutMs: 1000 })).toThrow('kubeconfig /nonexistent/kubeconfig does not exist');
  expect(() => connectKube(h.kubeconfig, { callTimeoutMs: 0 })).toThrow('callTimeoutMs must be a positive number, got 0');
});
