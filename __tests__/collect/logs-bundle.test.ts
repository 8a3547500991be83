/**
 * The logs bundle against the Kubernetes API double and the kind stand-in: a stack with a
 * crash-looping service, a service stuck pulling its image, a completed Job, a custom resource,
 * and a password in a Secret, a ConfigMap, a pod's env, a pod's log and a run log.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseAllDocuments } from 'yaml';
import { Kind } from '../../src/cluster/kind.js';
import { collectLogsBundle, logsBundleWanted, type LogsBundleRequest } from '../../src/collect/logs-bundle.js';
import { applyObject } from '../../src/kube/apply.js';
import { refOf } from '../../src/kube/types.js';
import { waitForReady } from '../../src/kube/wait.js';
import { registerSecret } from '../../src/util/secrets.js';
import { KIND_DOUBLE_PATH, KindDouble } from '../doubles/kind/index.js';
import { type Harness, NAMESPACE, crd, deployment, job, namespace, startHarness } from '../kube/harness.js';
import { type RecordingLog, recordingLog } from './fixtures-collect/recording-log.js';

const SECRET = 'pg-password-3c9e71d2b8';
const CLUSTER = 'aianalysis-e2e';
/** A second namespace under test, deployed after the first. */
const SUITE_NAMESPACE = 'kubernaut-e2e';

let h: Harness;
let kindDouble: KindDouble;
let dir: string;
let recorded: RecordingLog;

beforeAll(async () => {
  registerSecret(SECRET);
  h = await startHarness({ readyDelayMs: 20, crashRestartDelayMs: 50 });
  await deployStack(h);
  kindDouble = await KindDouble.create({ apiServer: h.api.url });
  await kindDouble.seedCluster(CLUSTER, 'docker');
});

afterAll(async () => {
  await h?.close();
  await kindDouble?.cleanup();
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logs-bundle-'));
  recorded = recordingLog();
});

afterEach(() => rm(dir, { recursive: true, force: true }));

async function deployStack({ kube, api }: Harness): Promise<void> {
  api.behave('datastorage', 'crash-loop');
  api.behave('holmesgpt-api', 'image-pull-backoff');
  api.behave('aianalysis-controller', 'ready', { logs: ['starting', `connecting to postgresql with password ${SECRET}`] });
  await applyObject(kube, namespace());
  await applyObject(kube, crd());
  expect(await waitForReady(kube, [refOf(crd())], { timeoutMs: 30_000, log: h.log })).toEqual({ ok: true });
  await applyObject(kube, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'postgresql-secret', namespace: NAMESPACE },
    stringData: { password: SECRET } });
  await applyObject(kube, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'datastorage-config', namespace: NAMESPACE },
    data: { 'config.yaml': `database:\n  host: postgresql\n  password: "${SECRET}"\n`, 'log-level': 'debug' },
    binaryData: { 'ca.der': Buffer.from(`certificate ${SECRET}`).toString('base64') } });
  await applyObject(kube, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'datastorage', namespace: NAMESPACE },
    spec: { selector: { app: 'datastorage' }, ports: [{ port: 8080 }] } });
  const controller = deployment('aianalysis-controller');
  controller.spec.template.spec.containers[0] = { ...controller.spec.template.spec.containers[0],
    env: [{ name: 'DB_PASSWORD', value: SECRET }] } as typeof controller.spec.template.spec.containers[0];
  const ready = [controller, job('datastorage-migrations')];
  for (const o of [...ready, deployment('datastorage'), deployment('holmesgpt-api')]) await applyObject(kube, o);
  await applyObject(kube, { apiVersion: 'kubernaut.ai/v1alpha1', kind: 'AIAnalysis',
    metadata: { name: 'analysis-1', namespace: NAMESPACE }, spec: { phase: 'Pending' } });
  expect(await waitForReady(kube, ready.map(refOf), { timeoutMs: 30_000, log: h.log })).toEqual({ ok: true });
  // The crash-looping container has restarted at least once: it has a previous log.
  while (restartsOf('datastorage') < 1) await sleep(20);
  const mock = deployment('mock-llm', { namespace: SUITE_NAMESPACE });
  await applyObject(kube, namespace(SUITE_NAMESPACE));
  await applyObject(kube, mock);
  expect(await waitForReady(kube, [refOf(mock)], { timeoutMs: 30_000, log: h.log })).toEqual({ ok: true });
}

function podsOf(app: string) {
  return h.api.objects('Pod', NAMESPACE).filter((p) => p.metadata.labels?.app === app);
}

function restartsOf(app: string): number {
  return podsOf(app)[0]?.status?.containerStatuses?.[0]?.restartCount ?? 0;
}

function kindFor(clusterName: string): Kind {
  return new Kind({ clusterName, provider: 'docker', workDir: join(dir, 'kind-work'), log: recorded.log, kindPath: KIND_DOUBLE_PATH,
    env: kindDouble.env(), inspectNode: kindDouble.inspectNode, retry: { attempts: 1 } });
}

async function runFiles(): Promise<string[]> {
  const runDir = join(dir, 'run-output');
  await mkdir(join(runDir, 'datastorage'), { recursive: true });
  await writeFile(join(runDir, 'build.log'), `#5 RUN go build\nlogin with ${SECRET}\n`);
  await writeFile(join(runDir, 'datastorage', 'build.log'), 'datastorage built\n');
  await writeFile(join(runDir, 'timings.json'), '{"phases":[]}\n');
  return [join(runDir, 'build.log'), join(runDir, 'datastorage', 'build.log'), join(runDir, 'timings.json')];
}

function request(overrides: Partial<LogsBundleRequest> = {}): LogsBundleRequest {
  return { workDir: dir, kube: h.kube, kind: kindFor(CLUSTER), namespaces: [NAMESPACE, SUITE_NAMESPACE], runFiles: [],
    log: recorded.log, ...overrides };
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true });
  const files: string[] = [];
  for (const entry of entries) if ((await stat(join(root, entry))).isFile()) files.push(join(root, entry));
  return files.sort();
}

const text = (path: string) => readFile(join(dir, 'logs', path), 'utf8');

test('collects kind logs, container logs, objects with status, a timeline of events and the run files', async () => {
  const bundle = await collectLogsBundle(request({ runFiles: await runFiles() }));

  expect(bundle.dir).toBe(join(dir, 'logs'));
  expect(bundle.timedOut).toBe(false);
  expect([...bundle.files].sort()).toEqual(await filesUnder(bundle.dir));
  const listed = bundle.files.map((f) => relative(bundle.dir, f));

  // kind's own export, for the node journals and runtime logs.
  expect(listed).toEqual(expect.arrayContaining(['kind/kind-version.txt', `kind/${CLUSTER}-control-plane/kubelet.log`]));

  // The crash-looping container: the current instance and the one that died before it.
  const [ds] = podsOf('datastorage');
  const current = await text(`pods/${NAMESPACE}/${ds.metadata.name}/datastorage.log`);
  const previous = await text(`pods/${NAMESPACE}/${ds.metadata.name}/datastorage.previous.log`);
  expect(previous).toMatch(/FATAL: cannot connect to postgresql:5432: connection refused \(attempt \d+\)/);
  const attempt = (log: string) => Number(/attempt (\d+)\)$/m.exec(log)![1]);
  expect(attempt(previous)).toBe(attempt(current) - 1);
  // A container that never restarted has no previous log.
  const [ai] = podsOf('aianalysis-controller');
  expect(await text(`pods/${NAMESPACE}/${ai.metadata.name}/aianalysis-controller.log`))
    .toBe('starting\nconnecting to postgresql with password ***\n');
  expect(listed).not.toContain(`pods/${NAMESPACE}/${ai.metadata.name}/aianalysis-controller.previous.log`);
  expect(listed).toEqual(expect.arrayContaining([
    expect.stringMatching(new RegExp(`^pods/${NAMESPACE}/datastorage-migrations-\\w+/datastorage-migrations\\.log$`))]));

  // Objects with their status.
  const docs = async (kind: string) => parseAllDocuments(await text(`objects/${NAMESPACE}/${kind}.yaml`)).map((d) => d.toJS());
  const deployments = await docs('Deployment');
  expect(deployments.map((d) => d.metadata.name).sort()).toEqual(['aianalysis-controller', 'datastorage', 'holmesgpt-api']);
  expect(deployments.find((d) => d.metadata.name === 'aianalysis-controller')).toMatchObject({
    apiVersion: 'apps/v1', kind: 'Deployment', status: { readyReplicas: 1 } });
  expect(deployments.every((d) => d.metadata.managedFields === undefined)).toBe(true);
  const pods = await docs('Pod');
  expect(pods.find((p) => p.metadata.name === ds.metadata.name).status.containerStatuses[0])
    .toMatchObject({ state: { waiting: { reason: 'CrashLoopBackOff' } } });
  expect((await docs('Job'))[0]).toMatchObject({ metadata: { name: 'datastorage-migrations' }, status: { succeeded: 1 } });
  expect((await docs('AIAnalysis'))[0]).toMatchObject({ kind: 'AIAnalysis', metadata: { name: 'analysis-1' }, spec: { phase: 'Pending' } });
  expect((await docs('Service'))[0].metadata.name).toBe('datastorage');
  const [config] = await docs('ConfigMap');
  expect(config.data).toEqual({ 'config.yaml': 'database:\n  host: postgresql\n  password: "***"\n', 'log-level': 'debug' });
  expect(config.binaryData['ca.der']).toMatch(/^\(\d+ bytes of binary data, not collected\)$/);
  expect(pods.find((p) => p.metadata.name === ai.metadata.name).spec.containers[0].env).toEqual([{ name: 'DB_PASSWORD', value: '***' }]);
  expect(listed.some((f) => f.includes('Secret'))).toBe(false);
  const [mock] = h.api.objects('Pod', SUITE_NAMESPACE);
  expect(listed).toEqual(expect.arrayContaining([`objects/${SUITE_NAMESPACE}/Deployment.yaml`,
    `pods/${SUITE_NAMESPACE}/${mock.metadata.name}/mock-llm.log`]));

  // Events: one timeline of both namespaces, oldest first.
  const lines = (await text('events.txt')).trimEnd().split('\n').slice(1);
  const times = lines.map((line) => line.split('  ')[0].slice(0, 19));
  expect(times).toEqual([...times].sort());
  const namespaceOf = lines.map((line) => line.split('  ')[3]);
  expect(new Set(namespaceOf)).toEqual(new Set([NAMESPACE, SUITE_NAMESPACE]));
  // The second namespace was deployed last: its first event comes after the first namespace's first.
  expect(namespaceOf.indexOf(SUITE_NAMESPACE)).toBeGreaterThan(namespaceOf.indexOf(NAMESPACE));
  const reasons = lines.map((line) => line.split('  ')[2]);
  expect(reasons).toEqual(expect.arrayContaining(['ScalingReplicaSet', 'Scheduled', 'BackOff', 'Failed']));
  const dsLine = (reason: string) => lines.findIndex((l) => l.includes(`  ${reason}  `) && l.includes(ds.metadata.name));
  expect(dsLine('Scheduled')).toBeLessThan(dsLine('BackOff'));
  expect(lines).toEqual(expect.arrayContaining([
    expect.stringMatching(new RegExp(`  Warning  BackOff  ${NAMESPACE}  Pod/${ds.metadata.name}: Back-off restarting`))]));

  // The run's own files, each under its own name.
  expect(await text('run/build.log')).toBe('#5 RUN go build\nlogin with ***\n');
  expect(await text('run/2-build.log')).toBe('datastorage built\n');
  expect(listed).toContain('run/timings.json');

  // The one source that cannot be read: the container stuck pulling its image has no log yet.
  const [hapi] = podsOf('holmesgpt-api');
  expect(bundle.errors).toEqual([expect.stringMatching(new RegExp(
    `^log of ${NAMESPACE}/${hapi.metadata.name}/holmesgpt-api: container "holmesgpt-api" in pod "${hapi.metadata.name}" is waiting to start`))]);
  expect(await text('bundle-errors.txt')).toBe(`${bundle.errors.join('\n')}\n`);
});

test('no Secret is read and no secret value reaches any file of the bundle', async () => {
  const before = h.api.requests.length;
  const bundle = await collectLogsBundle(request({ runFiles: await runFiles() }));

  expect(h.api.requests.slice(before).filter((r) => r.path.includes('/secrets'))).toEqual([]);
  const encoded = Buffer.from(SECRET).toString('base64');
  const files = await filesUnder(bundle.dir);
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) {
    const content = await readFile(file, 'utf8');
    expect({ file, leaks: content.includes(SECRET) || content.includes(encoded) }).toEqual({ file, leaks: false });
  }
});

test('a failing source is noted and the rest is still collected', async () => {
  const bundle = await collectLogsBundle(request({ kind: kindFor('no-such-cluster'), runFiles: [join(dir, 'missing.log')] }));

  expect(bundle.errors).toEqual(expect.arrayContaining([
    expect.stringMatching(/^kind export logs: kind export logs failed .*unknown cluster "no-such-cluster"/s),
    expect.stringMatching(new RegExp(`^run file ${dir}/missing.log: ENOENT`)),
  ]));
  const errors = await text('bundle-errors.txt');
  for (const error of bundle.errors) expect(errors).toContain(error);
  const listed = bundle.files.map((f) => relative(bundle.dir, f));
  expect(listed.some((f) => f.startsWith('kind/'))).toBe(false);
  expect(listed).toEqual(expect.arrayContaining(['events.txt', `objects/${NAMESPACE}/Deployment.yaml`]));
  expect(listed.filter((f) => f.startsWith('pods/')).length).toBeGreaterThanOrEqual(4);
  expect(recorded.lines).toContain(`Logs bundle: ${bundle.files.length} file(s) in ${bundle.dir}; ` +
    `${bundle.errors.length} source(s) could not be collected, see bundle-errors.txt`);
});

test('a source that does not finish in time is noted and the bundle is kept', async () => {
  const hanging = { exportLogs: () => new Promise<void>(() => {}) };
  const bundle = await collectLogsBundle(request({ kind: hanging, timeoutMs: 3_000 }));

  expect(bundle.timedOut).toBe(true);
  expect(bundle.errors).toContain('the collection did not finish within 3.0s; not finished: kind export logs');
  expect(bundle.files.map((f) => relative(bundle.dir, f))).toEqual(expect.arrayContaining(['events.txt', 'bundle-errors.txt']));
});

test('without a cluster only the run files are bundled', async () => {
  const bundle = await collectLogsBundle(request({ kube: undefined, kind: undefined, runFiles: await runFiles() }));
  expect(bundle.files.map((f) => relative(bundle.dir, f)).sort()).toEqual(['run/2-build.log', 'run/build.log', 'run/timings.json']);
  expect(bundle.errors).toEqual([]);
});

test('logs are bundled after a failure or a cancellation, and after a success only when asked', () => {
  expect(logsBundleWanted('failure', false)).toBe(true);
  expect(logsBundleWanted('cancelled', false)).toBe(true);
  expect(logsBundleWanted('success', false)).toBe(false);
  expect(logsBundleWanted('success', true)).toBe(true);
  expect(logsBundleWanted('dry-run', true)).toBe(false);
});
