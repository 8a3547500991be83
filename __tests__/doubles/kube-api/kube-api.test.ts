/** The double itself: the API shapes and semantics that the production code and client-node rely on. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, KubeConfig, type V1Pod, makeInformer } from '@kubernetes/client-node';
import { type KubeApi, startKubeApi } from './index.js';

let api: KubeApi;
let dir: string;
let kc: KubeConfig;
const NS = 'e2e';

beforeEach(async () => {
  // CRDs are Established a second after they are applied: long enough that a loaded machine still
  // serves the request made right after the apply before it, which the discovery test relies on.
  api = await startKubeApi({ readyDelayMs: 20, terminationDelayMs: 20, crdEstablishDelayMs: 1000 });
  dir = mkdtempSync(join(tmpdir(), 'kube-api-double-'));
  kc = new KubeConfig();
  kc.loadFromFile(api.kubeconfigPath(dir));
  await call('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
});
afterEach(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: unknown, contentType = 'application/json') {
  const response = await fetch(`${api.url}${path}`, {
    method, headers: { authorization: `Bearer ${kc.getCurrentUser()!.token}`, 'content-type': contentType },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), text,
    json: (() => { try { return JSON.parse(text); } catch { return undefined; } })() };
}

const apply = (path: string, body: unknown, manager = 'tester', force = true) =>
  call('PATCH', `${path}?fieldManager=${manager}${force ? '&force=true' : ''}`, body, 'application/apply-patch+yaml');

const deployment = (name: string, replicas = 1, image = 'app:1') => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: NS },
  spec: { replicas, selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name, tier: 'web' } }, spec: { containers: [{ name: 'app', image }] } } },
});

const until = async <T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> => {
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
};

test('requires the bearer token of its kubeconfig', async () => {
  const response = await fetch(`${api.url}/api/v1/namespaces`);
  expect(response.status).toBe(401);
  expect(await response.json()).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Unauthorized', code: 401 });
});

test('discovery lists the built-in groups, and a CRD group only once Established', async () => {
  const groups = (await call('GET', '/apis')).json.groups.map((g: { name: string }) => g.name);
  expect(groups).toEqual(expect.arrayContaining(['apps', 'batch', 'rbac.authorization.k8s.io', 'apiextensions.k8s.io', 'events.k8s.io']));
  const core = (await call('GET', '/api/v1')).json;
  expect(core).toMatchObject({ kind: 'APIResourceList', groupVersion: 'v1' });
  expect(core.resources.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(
    ['namespaces', 'pods', 'pods/log', 'services', 'configmaps', 'secrets', 'serviceaccounts', 'events', 'nodes']));
  const apps = (await call('GET', '/apis/apps/v1')).json.resources;
  expect(apps.find((r: { name: string }) => r.name === 'deployments/scale')).toMatchObject({ kind: 'Scale', group: 'autoscaling' });

  expect((await call('GET', '/apis/kubernaut.ai/v1alpha1')).status).toBe(404);
  await apply('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/aianalyses.kubernaut.ai', {
    apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'aianalyses.kubernaut.ai' },
    spec: { group: 'kubernaut.ai', scope: 'Namespaced', names: { plural: 'aianalyses', kind: 'AIAnalysis' },
      versions: [{ name: 'v1alpha1', served: true, storage: true }] } });
  const cr = { apiVersion: 'kubernaut.ai/v1alpha1', kind: 'AIAnalysis', metadata: { name: 'a' }, spec: {} };
  // Until Established, the custom resource is not served.
  expect((await apply(`/apis/kubernaut.ai/v1alpha1/namespaces/${NS}/aianalyses/a`, cr)).status).toBe(404);
  const crd = await until(() => call('GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/aianalyses.kubernaut.ai'),
    (r) => r.json.status?.conditions?.length === 2);
  expect(crd.json.status.conditions.map((c: { type: string; status: string }) => `${c.type}=${c.status}`)).toEqual(['NamesAccepted=True', 'Established=True']);
  expect((await call('GET', '/apis/kubernaut.ai/v1alpha1')).json.resources[0]).toMatchObject({ name: 'aianalyses', kind: 'AIAnalysis', namespaced: true });
  expect((await apply(`/apis/kubernaut.ai/v1alpha1/namespaces/${NS}/aianalyses/a`, cr)).status).toBe(200);
  // Custom resource list items keep apiVersion and kind (unstructured), built-in list items do not.
  expect((await call('GET', `/apis/kubernaut.ai/v1alpha1/namespaces/${NS}/aianalyses`)).json.items[0]).toMatchObject({ kind: 'AIAnalysis' });
  expect((await call('GET', '/api/v1/namespaces')).json.items[0].kind).toBeUndefined();
});

test('Status errors: 404 NotFound, 409 AlreadyExists and apply conflicts, 422 Invalid, 415 wrong patch type', async () => {
  expect((await call('GET', `/apis/apps/v1/namespaces/${NS}/deployments/nope`)).json).toEqual({
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'deployments.apps "nope" not found', reason: 'NotFound',
    details: { name: 'nope', group: 'apps', kind: 'deployments' }, code: 404 });
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } };
  expect((await call('POST', `/api/v1/namespaces/${NS}/configmaps`, cm)).status).toBe(201);
  expect((await call('POST', `/api/v1/namespaces/${NS}/configmaps`, cm)).json).toMatchObject({ reason: 'AlreadyExists', code: 409 });
  expect((await apply(`/api/v1/namespaces/${NS}/configmaps/d`, { ...cm, metadata: { name: 'd' } }, 'first')).status).toBe(200);
  expect((await apply(`/api/v1/namespaces/${NS}/configmaps/d`, { ...cm, metadata: { name: 'd' }, data: { a: '2' } }, 'second', false)).json)
    .toMatchObject({ reason: 'Conflict', code: 409, message: 'Apply failed with 1 conflict: conflict with "first": .spec' });
  expect((await apply(`/api/v1/namespaces/${NS}/configmaps/d`, { ...cm, metadata: { name: 'd' }, data: { a: '2' } }, 'second')).status).toBe(200);
  const invalid = await apply(`/apis/apps/v1/namespaces/${NS}/deployments/x`, { ...deployment('x'), spec: { template: deployment('x').spec.template } });
  expect(invalid.json).toMatchObject({ reason: 'Invalid', code: 422, details: { kind: 'Deployment', causes: [{ field: 'spec.selector' }] } });
  const wrongType = await call('PATCH', `/api/v1/namespaces/${NS}/configmaps/c`, { data: { a: '3' } }, 'application/json');
  expect(wrongType.json).toMatchObject({ reason: 'UnsupportedMediaType', code: 415 });
  expect((await call('PATCH', `/api/v1/namespaces/${NS}/configmaps/c`, { data: { a: '3' } }, 'application/merge-patch+json')).json.data).toEqual({ a: '3' });
  expect((await call('PUT', `/api/v1/namespaces/${NS}/configmaps/c`, { ...cm, metadata: { name: 'c', resourceVersion: '1' } })).json)
    .toMatchObject({ reason: 'Conflict', code: 409 });
});

test('server-side apply bumps generation on spec changes only; objects carry uid, resourceVersion, creationTimestamp', async () => {
  const path = `/apis/apps/v1/namespaces/${NS}/deployments/web`;
  const first = (await apply(path, deployment('web'))).json;
  expect(first.metadata).toMatchObject({ generation: 1, uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
    resourceVersion: expect.stringMatching(/^\d+$/), creationTimestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
  expect((await apply(path, deployment('web'))).json.metadata.generation).toBe(1);
  expect((await apply(path, deployment('web', 1, 'app:2'))).json.metadata.generation).toBe(2);
});

test("a Job's pod template is immutable: the same manifest applies again, a new image is refused as the real API does", async () => {
  const job = (image: string) => ({
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', namespace: NS },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image }] } } },
  });
  const path = `/apis/batch/v1/namespaces/${NS}/jobs/migrate`;
  expect((await apply(path, job('db:1'))).status).toBe(200);
  expect((await apply(path, job('db:1'))).status).toBe(200);
  const changed = await apply(path, job('db:2'));
  expect(changed.json).toMatchObject({ reason: 'Invalid', code: 422, details: { kind: 'Job', causes: [{ field: 'spec.template' }] } });
  expect(changed.json.message).toMatch(/^Job\.batch "migrate" is invalid: spec\.template: Invalid value: .*: field is immutable$/);
  expect((await call('DELETE', path)).status).toBe(200);
  expect((await apply(path, job('db:2'))).status).toBe(200);
});

test('the controller rolls a Deployment out: ReplicaSet, named and labelled pods, status, conditions, events', async () => {
  await apply(`/apis/apps/v1/namespaces/${NS}/deployments/web`, deployment('web', 2));
  const ready = await until(() => call('GET', `/apis/apps/v1/namespaces/${NS}/deployments/web`), (r) => r.json.status?.availableReplicas === 2);
  expect(ready.json.status).toMatchObject({ observedGeneration: 1, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 });
  expect(ready.json.status.conditions.map((c: { type: string; reason: string }) => `${c.type}/${c.reason}`))
    .toEqual(['Available/MinimumReplicasAvailable', 'Progressing/NewReplicaSetAvailable']);
  const pods = (await call('GET', `/api/v1/namespaces/${NS}/pods?labelSelector=app%3Dweb,tier%3Dweb`)).json.items;
  expect(pods).toHaveLength(2);
  expect(pods[0].metadata.name).toMatch(/^web-[a-z0-9]{10}-[a-z0-9]{5}$/);
  expect(pods[0].metadata.ownerReferences[0]).toMatchObject({ kind: 'ReplicaSet', controller: true });
  expect(pods[0].status.containerStatuses[0]).toMatchObject({ name: 'app', ready: true, state: { running: {} } });
  expect((await call('GET', `/api/v1/namespaces/${NS}/pods?labelSelector=app%3Dother`)).json.items).toEqual([]);
  const events = (await call('GET', `/api/v1/namespaces/${NS}/events`)).json.items.map((e: { reason: string }) => e.reason);
  expect(events).toEqual(expect.arrayContaining(['ScalingReplicaSet', 'SuccessfulCreate', 'Scheduled', 'Pulled', 'Created', 'Started']));
  const v1 = (await call('GET', `/apis/events.k8s.io/v1/namespaces/${NS}/events`)).json;
  expect(v1.items[0]).toMatchObject({ regarding: expect.any(Object), note: expect.any(String) });
  expect(api.objects('ServiceAccount', NS).map((s) => s.metadata.name)).toEqual(['default']);
  expect((await call('GET', '/api/v1/nodes')).json.items[0].status.conditions.find((c: { type: string }) => c.type === 'Ready').status).toBe('True');
});

test('scale subresource: GET, PATCH and PUT; scaling to 0 removes the pods after their termination delay', async () => {
  await apply(`/apis/apps/v1/namespaces/${NS}/deployments/web`, deployment('web'));
  const scalePath = `/apis/apps/v1/namespaces/${NS}/deployments/web/scale`;
  expect((await call('GET', scalePath)).json).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 1 },
    status: { selector: 'app=web' } });
  expect((await call('PUT', scalePath, { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web' }, spec: { replicas: 2 } })).json.spec.replicas).toBe(2);
  expect((await call('PATCH', scalePath, [{ op: 'replace', path: '/spec/replicas', value: -1 }], 'application/json-patch+json')).json)
    .toMatchObject({ code: 422, reason: 'Invalid' });
  await call('PATCH', scalePath, [{ op: 'replace', path: '/spec/replicas', value: 0 }], 'application/json-patch+json');
  const podsGone = await until(() => call('GET', `/api/v1/namespaces/${NS}/pods?labelSelector=app%3Dweb`), (r) => r.json.items.length === 0);
  expect(podsGone.json.items).toEqual([]);
});

test('pod logs: container, tailLines, previous; and the errors of the real API', async () => {
  api.behave('web', 'crash-loop');
  await apply(`/apis/apps/v1/namespaces/${NS}/deployments/web`, deployment('web'));
  const pod: V1Pod = await until(async () => (await call('GET', `/api/v1/namespaces/${NS}/pods`)).json.items[0],
    (p) => p?.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff');
  const logPath = `/api/v1/namespaces/${NS}/pods/${pod.metadata!.name}/log`;
  const current = await call('GET', `${logPath}?container=app&tailLines=1`);
  expect(current.type).toBe('text/plain');
  expect(current.text).toBe('FATAL: cannot connect to postgresql:5432: connection refused (attempt 2)\n');
  expect((await call('GET', `${logPath}?previous=true&tailLines=1`)).text).toBe('FATAL: cannot connect to postgresql:5432: connection refused (attempt 1)\n');
  expect((await call('GET', `${logPath}?container=nope`)).json).toMatchObject({ code: 400, message: `container nope is not valid for pod ${pod.metadata!.name}` });
  expect(pod.status!.containerStatuses![0].lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
});

test('watch: events as JSON lines, resumable from a resourceVersion, 410 Expired when too old', async () => {
  const list = (await call('GET', `/api/v1/namespaces/${NS}/configmaps`)).json;
  const controller = new AbortController();
  const response = await fetch(`${api.url}/api/v1/namespaces/${NS}/configmaps?watch=true&resourceVersion=${list.metadata.resourceVersion}`,
    { headers: { authorization: `Bearer ${kc.getCurrentUser()!.token}` }, signal: controller.signal });
  await apply(`/api/v1/namespaces/${NS}/configmaps/w`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w' } });
  await apply(`/api/v1/namespaces/${NS}/configmaps/w`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w' }, data: { a: 'b' } });
  await call('DELETE', `/api/v1/namespaces/${NS}/configmaps/w`);
  const reader = response.body!.getReader();
  let text = '';
  while (text.split('\n').length < 4) text += new TextDecoder().decode((await reader.read()).value);
  controller.abort();
  const events = text.trim().split('\n').map((l) => JSON.parse(l));
  expect(events.map((e) => `${e.type} ${e.object.kind}/${e.object.metadata.name}`)).toEqual(
    ['ADDED ConfigMap/w', 'MODIFIED ConfigMap/w', 'DELETED ConfigMap/w']);

  const small = await startKubeApi({ retainedChanges: 2 });
  try {
    const smallKc = new KubeConfig();
    smallKc.loadFromFile(small.kubeconfigPath(dir));
    const gone = await fetch(`${small.url}/api/v1/namespaces?watch=true&resourceVersion=1`,
      { headers: { authorization: `Bearer ${smallKc.getCurrentUser()!.token}` } });
    expect(JSON.parse((await gone.text()).trim())).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
  } finally {
    await small.close();
  }
});

test("client-node's informer lists and follows pods", async () => {
  const core = kc.makeApiClient(CoreV1Api);
  const informer = makeInformer(kc, `/api/v1/namespaces/${NS}/pods`, () => core.listNamespacedPod({ namespace: NS }));
  const seen = new Set<string>();
  informer.on('add', (p) => seen.add(p.metadata!.name!));
  await informer.start();
  try {
    await apply(`/apis/apps/v1/namespaces/${NS}/deployments/web`, deployment('web', 2));
    await until(async () => informer.list(NS).filter((p) => p.status?.phase === 'Running').length, (n) => n === 2);
    expect(seen.size).toBe(2);
  } finally {
    await informer.stop();
  }
});
