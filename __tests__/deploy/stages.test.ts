import { type DeployPlan, type StageSpec, planDeploy } from '../../src/deploy/plan.js';
import { DeployError, type DeployOptions, deploy } from '../../src/deploy/stages.js';
import { connectKube } from '../../src/kube/client.js';
import type { KubeObject } from '../../src/kube/types.js';
import type { KubeApiOptions } from '../doubles/kube-api/index.js';
import { type Harness, startHarness } from '../kube/harness.js';
import { IMAGES, NS, aiAnalysis, configMap, crd, deployment, job, manifestSet, namespace } from './fixtures.js';

let h: Harness;
afterEach(() => h?.close());

async function start(options: KubeApiOptions = {}): Promise<Harness> {
  h = await startHarness({ readyDelayMs: 30, ...options });
  return h;
}

function plan(files: Record<string, KubeObject[]>, stages: StageSpec[], crds: KubeObject[] = [], coverage?: { deployments: string[] }): DeployPlan {
  return planDeploy({ manifests: manifestSet(files, crds), stages, images: IMAGES,
    ...(coverage ? { coverage: { ...coverage, podDir: '/coverdata' } } : {}) });
}

function options(extra: Partial<DeployOptions> = {}): DeployOptions {
  return { crdTimeoutSeconds: 30, log: h.log, pollIntervalMs: 200, diagnosis: { events: 20, logLines: 5 }, ...extra };
}

const stage = (name: string, files: string[], timeoutSeconds = 30): StageSpec => ({ name, files, timeoutSeconds });

async function failure(promise: Promise<unknown>): Promise<DeployError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DeployError);
  return error as DeployError;
}

test('stage N+1 is applied only once stage N is ready; timings per stage in order', async () => {
  await start({ readyDelayMs: 150 });
  const report = await deploy(h.kube, plan({
    'ns.yaml': [namespace()], 'db.yaml': [deployment('postgresql'), deployment('redis')], 'svc.yaml': [deployment('datastorage')],
  }, [stage('namespace', ['ns.yaml']), stage('databases', ['db.yaml']), stage('services', ['svc.yaml'])]), options());

  expect(report.stages.map((s) => [s.name, s.objects])).toEqual([['namespace', 1], ['databases', 2], ['services', 1]]);
  for (const s of report.stages) expect(s.totalMs).toBe(s.applyMs + s.readyMs);
  const dbReady = Math.max(h.api.readyAt('Deployment', NS, 'postgresql')!, h.api.readyAt('Deployment', NS, 'redis')!);
  expect(h.api.appliedAt('Deployment', NS, 'datastorage')).toBeGreaterThan(dbReady);
  // In the request log too: every database apply precedes every service apply.
  const applies = h.api.requests.filter((r) => r.method === 'PATCH').map((r) => r.path.split('/').pop());
  expect(applies).toEqual([NS, expect.any(String), expect.any(String), 'datastorage']);
  expect(applies.slice(1, 3).sort()).toEqual(['postgresql', 'redis']);
});

test('objects of a stage are applied in parallel, Namespaces first', async () => {
  await start({ applyLatencyMs: 100 });
  await deploy(h.kube, plan({ 'all.yaml': [deployment('datastorage'), deployment('aianalysis'), deployment('redis'), namespace()] },
    [stage('all', ['all.yaml'])]), options());
  expect(h.api.maxConcurrentApplies()).toBe(3);
  const applies = h.api.requests.filter((r) => r.method === 'PATCH');
  expect(applies[0].path).toBe(`/api/v1/namespaces/${NS}`);
});

test('images are substituted and coverage switched on in what reaches the cluster', async () => {
  await start();
  await deploy(h.kube, plan({ 'all.yaml': [namespace(), deployment('datastorage'), deployment('redis')] }, [stage('all', ['all.yaml'])],
    [], { deployments: ['datastorage'] }), options());
  const container = (name: string) => h.api.object('Deployment', NS, name)!.spec.template.spec.containers[0];
  expect(container('datastorage')).toMatchObject({ image: 'localhost/kubernaut/datastorage:abc123', imagePullPolicy: 'Never',
    env: [{ name: 'GOCOVERDIR', value: '/coverdata' }], securityContext: { runAsUser: 0 } });
  expect(h.api.object('Deployment', NS, 'datastorage')!.spec.template.spec.volumes)
    .toEqual([{ name: 'coverdata', hostPath: { path: '/coverdata', type: 'DirectoryOrCreate' } }]);
  expect(container('redis')).toEqual(expect.objectContaining({ image: 'redis:7-alpine', imagePullPolicy: 'IfNotPresent' }));
  expect(container('redis').env).toBeUndefined();
  // The pods run the substituted image.
  const pod = h.api.objects('Pod', NS).find((p) => p.metadata.labels?.app === 'datastorage')!;
  expect(pod.spec.containers[0].image).toBe('localhost/kubernaut/datastorage:abc123');
});

test('CRDs are Established before any stage; the custom resource is applied after', async () => {
  await start({ crdEstablishDelayMs: 150 });
  const report = await deploy(h.kube, plan({ 'ns.yaml': [namespace()], 'cr.yaml': [aiAnalysis('smoke')] },
    [stage('namespace', ['ns.yaml']), stage('resources', ['cr.yaml'])], [crd()]), options());
  expect(report.stages.map((s) => s.name)).toEqual(['crds', 'namespace', 'resources']);
  const established = h.api.readyAt('CustomResourceDefinition', undefined, 'aianalyses.kubernaut.ai')!;
  expect(h.api.appliedAt('Namespace', undefined, NS)).toBeGreaterThan(established);
  expect(h.api.object('AIAnalysis', NS, 'smoke')?.spec).toEqual({ signal: 'test' });
});

test('a Job must complete before the next stage starts', async () => {
  await start({ readyDelayMs: 150 });
  await deploy(h.kube, plan({ 'ns.yaml': [namespace()], 'migrate.yaml': [job('migrate')], 'svc.yaml': [deployment('datastorage')] },
    [stage('namespace', ['ns.yaml']), stage('migrations', ['migrate.yaml']), stage('services', ['svc.yaml'])]), options());
  expect(h.api.object('Job', NS, 'migrate')!.status.conditions.map((c: { type: string }) => c.type)).toContain('Complete');
  expect(h.api.appliedAt('Deployment', NS, 'datastorage')).toBeGreaterThan(h.api.readyAt('Job', NS, 'migrate')!);
});

test('a failed Job stops the deploy with its diagnosis', async () => {
  await start();
  h.api.behave('migrate', 'job-failure');
  const error = await failure(deploy(h.kube, plan({ 'ns.yaml': [namespace()], 'migrate.yaml': [job('migrate')], 'svc.yaml': [deployment('datastorage')] },
    [stage('namespace', ['ns.yaml']), stage('migrations', ['migrate.yaml']), stage('services', ['svc.yaml'])]), options()));
  expect(error.stage).toBe('migrations');
  expect(error.message).toBe('stage "migrations" failed: Job kubernaut-system/migrate: failed: BackoffLimitExceeded (Job has reached the specified backoff limit)');
  expect(error.timings.map((t) => t.name)).toEqual(['namespace']);
  const [d] = error.diagnoses;
  expect(d.pods[0].containers[0]).toMatchObject({ state: 'terminated', reason: 'Error', exitCode: 1,
    logs: { lines: ['migrate starting', 'ERROR: migration 0003_audit.sql failed: relation "audit_events" already exists'] } });
  expect(h.api.appliedAt('Deployment', NS, 'datastorage')).toBeUndefined();
});

test('a crash-looping Data Storage stops the deploy with events and both logs in the diagnosis', async () => {
  await start();
  h.api.behave('datastorage', 'crash-loop', { logs: ['connecting to postgresql', 'FATAL: password authentication failed'],
    previousLogs: ['connecting to postgresql', 'FATAL: database "action_history" does not exist'] });
  const error = await failure(deploy(h.kube, plan({ 'ns.yaml': [namespace(), configMap('datastorage-config')],
    'svc.yaml': [deployment('datastorage'), deployment('redis')], 'ai.yaml': [deployment('aianalysis')] },
  [stage('namespace', ['ns.yaml']), stage('services', ['svc.yaml'], 600), stage('controller', ['ai.yaml'])]), options()));

  expect(error.stage).toBe('services');
  expect(error.message).toMatch(/^stage "services" failed: Deployment kubernaut-system\/datastorage: pod datastorage-\S+ container datastorage: CrashLoopBackOff \(restarts 1, exit code 1\)/);
  expect(error.diagnoses).toHaveLength(1);
  const [d] = error.diagnoses;
  expect(d.ref).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: NS, name: 'datastorage' });
  expect(d.pods[0].containers[0]).toMatchObject({
    name: 'datastorage', state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 1, lastTermination: { reason: 'Error', exitCode: 1 },
    logs: { lines: ['connecting to postgresql', 'FATAL: password authentication failed'] },
    previousLogs: { lines: ['connecting to postgresql', 'FATAL: database "action_history" does not exist'] },
  });
  expect(d.events.find((e) => e.reason === 'BackOff')?.message).toMatch(/^Back-off restarting failed container datastorage in pod datastorage-/);
  expect(h.api.appliedAt('Deployment', NS, 'aianalysis')).toBeUndefined();
});

test.each([
  ['image-pull-backoff', 'ImagePullBackOff', 'Error: ImagePullBackOff'],
  ['image-never-pull', 'ErrImageNeverPull', 'Error: ErrImageNeverPull'],
  ['oom-killed', 'OOMKilled', undefined],
] as const)('%s stops the deploy, diagnosed', async (mode, reason, eventMessage) => {
  await start();
  h.api.behave('datastorage', mode);
  const error = await failure(deploy(h.kube, plan({ 'all.yaml': [namespace(), deployment('datastorage')] }, [stage('all', ['all.yaml'], 600)]),
    options()));
  expect(error.message).toContain(`container datastorage: ${reason}`);
  const [c] = error.diagnoses[0].pods[0].containers;
  if (reason === 'OOMKilled') expect(c.lastTermination).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
  else expect(c).toMatchObject({ state: 'waiting', reason });
  if (eventMessage) expect(error.diagnoses[0].events.map((e) => e.message)).toContain(eventMessage);
});

test('a never-ready service fails its stage at the stage timeout, diagnosed', async () => {
  await start();
  h.api.behave('holmesgpt-api', 'never-ready');
  const error = await failure(deploy(h.kube, plan({ 'ns.yaml': [namespace()], 'svc.yaml': [deployment('holmesgpt-api'), deployment('redis')] },
    [stage('namespace', ['ns.yaml']), stage('services', ['svc.yaml'], 1)]), options()));
  expect(error.message).toBe('stage "services" did not become ready within 1 s: '
    + 'Deployment kubernaut-system/holmesgpt-api: 0 of 1 updated replicas are available');
  expect(error.timings.map((t) => t.name)).toEqual(['namespace']);
  const [c] = error.diagnoses[0].pods[0].containers;
  expect(c).toMatchObject({ state: 'running', ready: false });
  expect(error.diagnoses[0].events.map((e) => e.reason)).toContain('Unhealthy');
});

test('objects the API refuses stop the deploy, each named with the API message, and later stages are not applied', async () => {
  await start();
  const bad = deployment('datastorage');
  (bad.spec as { selector: unknown }).selector = undefined;
  const error = await failure(deploy(h.kube, plan({ 'ns.yaml': [namespace()],
    'svc.yaml': [bad, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name', namespace: NS } }, deployment('redis')],
    'ai.yaml': [deployment('aianalysis')] },
  [stage('namespace', ['ns.yaml']), stage('services', ['svc.yaml']), stage('controller', ['ai.yaml'])]), options()));
  expect(error.stage).toBe('services');
  expect(error.diagnoses).toEqual([]);
  expect(error.message.split('\n')).toEqual([
    'stage "services": 2 object(s) could not be applied:',
    '  - cannot apply Deployment kubernaut-system/datastorage: Deployment.apps "datastorage" is invalid: spec.selector: Required value (Invalid 422)',
    // client-node lowercases the request path; the API server then refuses the mismatch.
    '  - cannot apply ConfigMap kubernaut-system/Bad_Name: the name of the object (Bad_Name) does not match the name on the URL (bad_name) (BadRequest 400)',
  ]);
  expect(h.api.appliedAt('Deployment', NS, 'aianalysis')).toBeUndefined();
});

test('cancellation stops the deploy with the reason', async () => {
  await start();
  h.api.behave('datastorage', 'never-ready');
  const controller = new AbortController();
  const kube = connectKube(h.kubeconfig, { callTimeoutMs: 5000, signal: controller.signal });
  const pending = deploy(kube, plan({ 'all.yaml': [namespace(), deployment('datastorage')] }, [stage('all', ['all.yaml'], 600)]),
    options());
  setTimeout(() => controller.abort(new Error('run cancelled')), 200);
  await expect(pending).rejects.toThrow('run cancelled');
});
