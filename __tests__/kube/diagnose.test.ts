import { applyObject } from '../../src/kube/apply.js';
import { type Diagnosis, diagnose, latestEvents } from '../../src/kube/diagnose.js';
import { diagnosisMarkdown, diagnosisText } from '../../src/kube/diagnosis-format.js';
import { refOf } from '../../src/kube/types.js';
import { waitForReady } from '../../src/kube/wait.js';
import { type Harness, deployment, namespace, startHarness } from './harness.js';

let h: Harness;
afterEach(() => h?.close());

async function failingDiagnosis(mode: Parameters<Harness['api']['behave']>[1], options = {}): Promise<Diagnosis> {
  h = await startHarness({ readyDelayMs: 20 });
  h.api.behave('datastorage', mode, options);
  await applyObject(h.kube, namespace());
  const d = deployment('datastorage');
  await applyObject(h.kube, d);
  const result = await waitForReady(h.kube, [refOf(d)], { timeoutMs: 30_000, log: h.log });
  if (result.ok) throw new Error('expected the wait to fail');
  return diagnose(h.kube, result.notReady[0], { events: 20, logLines: 2 });
}

test('a crash-looping Data Storage: pod, container, state, restarts, events, current and previous logs', async () => {
  const d = await failingDiagnosis('crash-loop');
  expect(d.problem).toMatch(/container datastorage: CrashLoopBackOff/);
  expect(d.notes).toEqual([]);
  expect(d.pods).toHaveLength(1);
  const [pod] = d.pods;
  expect(pod.name).toMatch(/^datastorage-[a-z0-9]+-[a-z0-9]{5}$/);
  const [c] = pod.containers;
  expect(c).toMatchObject({ name: 'datastorage', state: 'waiting', reason: 'CrashLoopBackOff', ready: false,
    lastTermination: { reason: 'Error', exitCode: 1 } });
  expect(c.restartCount).toBeGreaterThanOrEqual(1);
  // The last two lines of each: the current instance's log and the one before it.
  const attemptOf = (excerpt: typeof c.logs | undefined) => {
    const lines = excerpt && 'lines' in excerpt ? excerpt.lines : [];
    expect(lines).toEqual(['loading configuration from /etc/datastorage/config.yaml',
      expect.stringMatching(/^FATAL: cannot connect to postgresql:5432: connection refused \(attempt \d+\)$/)]);
    return Number(/attempt (\d+)/.exec(lines[1])![1]);
  };
  const attempt = attemptOf(c.logs);
  expect(attemptOf(c.previousLogs)).toBe(attempt - 1);
  const reasons = d.events.map((e) => e.reason);
  expect(reasons).toEqual(expect.arrayContaining(['ScalingReplicaSet', 'SuccessfulCreate', 'Scheduled', 'Started', 'BackOff']));
  // Sorted by time: the Deployment scaled before the pod was scheduled, which came before the back-off.
  expect(reasons.indexOf('ScalingReplicaSet')).toBeLessThan(reasons.indexOf('Scheduled'));
  expect(reasons.indexOf('Scheduled')).toBeLessThan(reasons.indexOf('BackOff'));
  expect(d.events.find((e) => e.reason === 'BackOff')).toMatchObject({ type: 'Warning', object: `Pod/${pod.name}` });

  const text = diagnosisText(d);
  expect(text).toContain('Deployment kubernaut-system/datastorage: pod datastorage-');
  expect(text).toContain(`container datastorage: waiting CrashLoopBackOff; restarts ${c.restartCount}; last terminated: Error, exit code 1`);
  expect(text).toContain(`logs ${pod.name}/datastorage (previous container):`);
  expect(text).toContain(`| FATAL: cannot connect to postgresql:5432: connection refused (attempt ${attempt - 1})`);
  const md = diagnosisMarkdown(d);
  expect(md).toContain('#### Deployment kubernaut-system/datastorage');
  expect(md).toContain(`| ${pod.name} | datastorage | waiting CrashLoopBackOff | ${c.restartCount} | Error (exit 1) |`);
  expect(md).toContain(`<details><summary>Logs ${pod.name}/datastorage (previous container)</summary>`);
  expect(md).toMatch(/\| Warning \| BackOff \| Pod\/datastorage-/);
});

test('the logs the test asked for are the ones collected', async () => {
  const d = await failingDiagnosis('crash-loop', { logs: ['now: panic'], previousLogs: ['before: panic'] });
  expect(d.pods[0].containers[0].logs).toEqual({ lines: ['now: panic'] });
  expect(d.pods[0].containers[0].previousLogs).toEqual({ lines: ['before: panic'] });
});

test('ImagePullBackOff: no logs (the API says why), pull failure events', async () => {
  const d = await failingDiagnosis('image-pull-backoff');
  const [c] = d.pods[0].containers;
  expect(c).toMatchObject({ state: 'waiting', reason: 'ImagePullBackOff', restartCount: 0 });
  expect(c.logs).toEqual({ unavailable: expect.stringContaining('is waiting to start: trying and failing to pull image (BadRequest 400)') });
  expect(c.previousLogs).toBeUndefined();
  expect(d.events.map((e) => e.message)).toEqual(expect.arrayContaining(['Error: ErrImagePull', 'Error: ImagePullBackOff']));
  expect(diagnosisText(d)).toContain('(unavailable: container "datastorage" in pod');
});

test('OOMKilled: the last termination shows the OOM kill and exit code 137', async () => {
  const d = await failingDiagnosis('oom-killed');
  const [c] = d.pods[0].containers;
  expect(c.lastTermination).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
  expect(c.previousLogs).toEqual({ lines: ['warming cache', 'allocating 2048 MiB for the cache'] });
  expect(d.events.some((e) => e.reason === 'OOMKilling')).toBe(true);
});

test('an object that cannot be read becomes a note, not an exception', async () => {
  h = await startHarness();
  const d = await diagnose(h.kube, { ref: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'nowhere', name: 'x' }, reason: 'timeout' },
    { events: 5, logLines: 5 });
  expect(d.pods).toEqual([]);
  expect(d.notes).toEqual(['cannot read Deployment x: deployments.apps "x" not found (NotFound 404)']);
  expect(diagnosisText(d)).toContain('note: cannot read Deployment x');
});

describe('formatting', () => {
  const base: Diagnosis = {
    ref: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'ns', name: 'x' }, problem: 'a | b', events: [], notes: [],
    pods: [{ name: 'x-1', phase: 'Running', containers: [{ name: 'c', init: false, ready: false, state: 'running', restartCount: 0,
      logs: { lines: ['plain', 'has ``` fence', 'has ```` longer'] } }] }],
  };

  test('log fences are longer than any backtick run in the log', () => {
    const md = diagnosisMarkdown(base);
    expect(md).toContain('`````text\nplain\nhas ``` fence\nhas ```` longer\n`````');
  });

  test('table cells escape pipes', () => {
    expect(diagnosisMarkdown(base)).toContain('**Problem:** a \\| b');
  });
});

test('latestEvents keeps the last N events about the involved objects, in time then write order', () => {
  const at = (s: number, ms = 0) => new Date(Date.UTC(2025, 0, 1, 0, 0, s, ms));
  const ev = (name: string, reason: string, time: Date, rv: number) =>
    ({ metadata: { resourceVersion: String(rv) }, involvedObject: { kind: 'Pod', name }, reason, lastTimestamp: time });
  const lines = latestEvents([
    ev('p', 'D', at(5), 90), ev('other', 'X', at(4), 80), ev('p', 'C', at(3), 70),
    // Same second: the precise time of one must not put it before an event written earlier.
    ev('p', 'B', at(1, 900), 60), ev('p', 'A', at(1), 50), ev('p', 'Z', at(0), 40),
  ], new Set(['p']), 4);
  expect(lines.map((l) => l.reason)).toEqual(['A', 'B', 'C', 'D']);
  expect(lines[3]).toEqual({ time: '2025-01-01T00:00:05.000Z', type: undefined, reason: 'D', object: 'Pod/p', message: undefined, count: undefined });
});
