/** What a pod's containers look like once the kubelet has tried to start them, per simulated behaviour. */
import type { EventSpec } from './events.js';
import { containerId, timestamp } from './names.js';
import { badRequest } from './status.js';
import type { KObject } from './store.js';

export type Behaviour =
  | 'ready' | 'crash-loop' | 'image-pull-backoff' | 'image-never-pull' | 'oom-killed' | 'never-ready' | 'job-failure';

export interface BehaviourOptions {
  /** Delay between the pod being scheduled and its containers reaching their state. */
  readyDelayMs?: number;
  /** Only this container misbehaves; the others start normally. */
  container?: string;
  logs?: string[];
  previousLogs?: string[];
}

export interface PodPlan { mode: Behaviour; options: BehaviourOptions }

interface Container { name: string; image: string }

interface ContainerState {
  waiting?: { reason: string; message?: string };
  running?: { startedAt: string };
  terminated?: { exitCode: number; reason: string; startedAt: string; finishedAt: string; containerID: string };
}

interface ContainerStatus {
  name: string; image: string; imageID: string; containerID?: string;
  ready: boolean; started: boolean; restartCount: number; state: ContainerState; lastState: ContainerState;
}

const PULL_FAILURES = new Set(['ImagePullBackOff', 'ErrImagePull', 'ErrImageNeverPull']);

function containersOf(pod: KObject): Container[] {
  return pod.spec?.containers ?? [];
}

function modeFor(plan: PodPlan, container: string): Behaviour {
  return !plan.options.container || plan.options.container === container ? plan.mode : 'ready';
}

function terminated(exitCode: number, reason: string): ContainerState {
  const now = timestamp();
  return { terminated: { exitCode, reason, startedAt: now, finishedAt: now, containerID: containerId() } };
}

function containerStatus(c: Container, mode: Behaviour, restarts: number, runsToCompletion: boolean): ContainerStatus {
  const base = { name: c.name, image: c.image, imageID: `${c.image}@sha256:${'0'.repeat(64)}`, restartCount: 0, lastState: {} };
  const running = { running: { startedAt: timestamp() } };
  switch (mode) {
    case 'ready':
      return runsToCompletion
        ? { ...base, ready: false, started: false, state: terminated(0, 'Completed'), containerID: containerId() }
        : { ...base, ready: true, started: true, state: running, containerID: containerId() };
    case 'job-failure':
      return { ...base, ready: false, started: false, state: terminated(1, 'Error'), containerID: containerId() };
    case 'never-ready':
      return { ...base, ready: false, started: true, state: running, containerID: containerId() };
    case 'crash-loop':
      return {
        ...base, ready: false, started: false, restartCount: restarts, containerID: containerId(),
        state: { waiting: { reason: 'CrashLoopBackOff',
          message: `back-off ${10 * 2 ** Math.min(restarts - 1, 5)}s restarting failed container=${c.name}` } },
        lastState: terminated(1, 'Error'),
      };
    case 'oom-killed':
      return { ...base, ready: false, started: true, restartCount: restarts, state: running, containerID: containerId(),
        lastState: terminated(137, 'OOMKilled') };
    case 'image-pull-backoff':
      return { ...base, ready: false, started: false,
        state: { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"` } } };
    case 'image-never-pull':
      return { ...base, ready: false, started: false,
        state: { waiting: { reason: 'ErrImageNeverPull',
          message: `Container image "${c.image}" is not present with pull policy of Never` } } };
  }
}

function containerEvents(pod: KObject, c: Container, mode: Behaviour): EventSpec[] {
  const at = { component: 'kubelet', fieldPath: `spec.containers{${c.name}}` };
  const started: EventSpec[] = [
    { ...at, type: 'Normal', reason: 'Pulled', message: `Container image "${c.image}" already present on machine` },
    { ...at, type: 'Normal', reason: 'Created', message: `Created container: ${c.name}` },
    { ...at, type: 'Normal', reason: 'Started', message: `Started container ${c.name}` },
  ];
  const { name, namespace, uid } = pod.metadata;
  switch (mode) {
    case 'ready':
    case 'job-failure':
      return started;
    case 'never-ready':
      return [...started, { ...at, type: 'Warning', reason: 'Unhealthy',
        message: 'Readiness probe failed: HTTP probe failed with statuscode: 503' }];
    case 'crash-loop':
      return [...started, { ...at, type: 'Warning', reason: 'BackOff',
        message: `Back-off restarting failed container ${c.name} in pod ${name}_${namespace}(${uid})` }];
    case 'oom-killed':
      return [...started, { ...at, type: 'Warning', reason: 'OOMKilling',
        message: `Memory cgroup out of memory: Killed process 4242 (${c.name}) total-vm:2104432kB, anon-rss:524288kB` }];
    case 'image-pull-backoff':
      return [
        { ...at, type: 'Normal', reason: 'Pulling', message: `Pulling image "${c.image}"` },
        { ...at, type: 'Warning', reason: 'Failed', message: `Failed to pull image "${c.image}": rpc error: code = NotFound `
          + `desc = failed to pull and unpack image "${c.image}": failed to resolve reference "${c.image}": not found` },
        { ...at, type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull' },
        { ...at, type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${c.image}"` },
        { ...at, type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff' },
      ];
    case 'image-never-pull':
      return [
        { ...at, type: 'Warning', reason: 'ErrImageNeverPull',
          message: `Container image "${c.image}" is not present with pull policy of Never` },
        { ...at, type: 'Warning', reason: 'Failed', message: 'Error: ErrImageNeverPull' },
      ];
  }
}

function condition(type: string, ok: boolean, reason?: string) {
  return { type, status: ok ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: timestamp(),
    ...(ok || !reason ? {} : { reason }) };
}

/** The pod status and the events of one start attempt; `restarts` counts previous failed attempts. */
export function startedPod(pod: KObject, plan: PodPlan, restarts: number, runsToCompletion: boolean) {
  const statuses = containersOf(pod).map((c) => containerStatus(c, modeFor(plan, c.name), restarts, runsToCompletion));
  const events = containersOf(pod).flatMap((c) => containerEvents(pod, c, modeFor(plan, c.name)));
  const ready = statuses.every((s) => s.ready);
  const waitingForImage = statuses.some((s) => PULL_FAILURES.has(s.state.waiting?.reason ?? ''));
  const exits = statuses.map((s) => s.state.terminated?.exitCode);
  const finished = exits.every((e) => e !== undefined);
  const phase = finished ? (exits.every((e) => e === 0) ? 'Succeeded' : 'Failed')
    : waitingForImage ? 'Pending' : 'Running';
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  const status = {
    ...pod.status,
    phase,
    conditions: [
      condition('PodReadyToStartContainers', true), condition('Initialized', true),
      condition('Ready', ready, finished ? 'PodCompleted' : 'ContainersNotReady'),
      condition('ContainersReady', ready, finished ? 'PodCompleted' : 'ContainersNotReady'),
      condition('PodScheduled', true),
    ],
    ...(unready.length && !finished ? { message: `containers with unready status: [${unready.join(' ')}]` } : {}),
    containerStatuses: statuses,
  };
  return { status, events };
}

function defaultLogs(mode: Behaviour, container: string, attempt: number): string[] {
  switch (mode) {
    case 'crash-loop':
      return [`${container} starting (attempt ${attempt})`, `loading configuration from /etc/${container}/config.yaml`,
        `FATAL: cannot connect to postgresql:5432: connection refused (attempt ${attempt})`];
    case 'oom-killed':
      return attempt > 1 ? [`${container} starting (attempt ${attempt})`, 'warming cache']
        : [`${container} starting (attempt ${attempt})`, 'warming cache', 'allocating 2048 MiB for the cache'];
    case 'job-failure':
      return [`${container} starting`, 'ERROR: migration 0003_audit.sql failed: relation "audit_events" already exists'];
    case 'never-ready':
      return [`${container} starting`, 'listening on :8080', 'readiness: dependency not reachable yet'];
    default:
      return [`${container} starting`, 'listening on :8080'];
  }
}

/** The log of a container, or the 400 the API server gives when there is none. */
export function containerLogs(pod: KObject, requested: string | null, previous: boolean, plan: PodPlan): string[] {
  const podName = pod.metadata.name;
  const names = containersOf(pod).map((c) => c.name);
  if (!requested && names.length > 1) {
    throw badRequest(`a container name must be specified for pod ${podName}, choose one of: [${names.join(' ')}]`);
  }
  const container = requested ?? names[0];
  if (!names.includes(container)) throw badRequest(`container ${container} is not valid for pod ${podName}`);
  const status = (pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === container);
  const restarts: number = status?.restartCount ?? 0;
  const mode = modeFor(plan, container);
  if (previous) {
    if (restarts === 0) throw badRequest(`previous terminated container "${container}" in pod "${podName}" not found`);
    return plan.options.previousLogs ?? defaultLogs(mode, container, restarts);
  }
  const waiting: string | undefined = status?.state?.waiting?.reason;
  if (!status || (waiting && restarts === 0)) {
    const why = waiting && PULL_FAILURES.has(waiting) ? 'trying and failing to pull image' : waiting ?? 'ContainerCreating';
    throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${why}`);
  }
  return plan.options.logs ?? defaultLogs(mode, container, restarts + 1);
}
