/**
 * Collects the evidence for an object that did not become ready: its pods and containers (state, reason,
 * restarts, last termination), the latest events about them, and the log tails of the current and the
 * previous container. Collection never throws (except on cancellation): what cannot be read becomes a note.
 */
import type { CoreV1Event, KubernetesObject, V1ContainerState, V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import type { KubeClients } from './client.js';
import { describeKubeError } from './errors.js';
import { podProblem, podsBehind } from './pods.js';
import type { ObjectRef } from './types.js';

export interface DiagnoseOptions {
  /** How many of the latest events to keep. */
  events: number;
  /** How many of the last log lines to keep, per container and per current/previous. */
  logLines: number;
  /** How many pods to describe (stuck ones first; default 3). */
  maxPods?: number;
}

export type LogExcerpt = { lines: string[] } | { unavailable: string };

export interface ContainerReport {
  name: string;
  image?: string;
  init: boolean;
  ready: boolean;
  /** `running`, `waiting`, `terminated` or `unknown`. */
  state: string;
  reason?: string;
  message?: string;
  exitCode?: number;
  restartCount: number;
  lastTermination?: { reason?: string; exitCode: number; finishedAt?: string };
  logs: LogExcerpt;
  /** Present when the container has restarted: the log of the instance that died. */
  previousLogs?: LogExcerpt;
}

export interface PodReport {
  name: string;
  phase?: string;
  node?: string;
  containers: ContainerReport[];
}

export interface EventLine {
  /** ISO time of the latest occurrence, when known. */
  time?: string;
  type?: string;
  reason?: string;
  /** `Pod/datastorage-7c9d-x2x4z`. */
  object: string;
  message?: string;
  count?: number;
}

export interface Diagnosis {
  ref: ObjectRef;
  problem: string;
  pods: PodReport[];
  events: EventLine[];
  /** Evidence that could not be collected, and why. */
  notes: string[];
}

function stateOf(state: V1ContainerState | undefined) {
  if (state?.waiting) return { state: 'waiting', reason: state.waiting.reason, message: state.waiting.message };
  if (state?.terminated) {
    const t = state.terminated;
    return { state: 'terminated', reason: t.reason, message: t.message, exitCode: t.exitCode };
  }
  if (state?.running) return { state: 'running' };
  return { state: 'unknown' };
}

async function readLogs(kube: KubeClients, pod: V1Pod, container: string, previous: boolean, lines: number): Promise<LogExcerpt> {
  try {
    const text = await kube.core.readNamespacedPodLog({ name: pod.metadata!.name!, namespace: pod.metadata!.namespace!,
      container, previous, tailLines: lines });
    const all = text.split('\n');
    if (all[all.length - 1] === '') all.pop();
    return { lines: all.slice(-lines) };
  } catch (error) {
    kube.signal?.throwIfAborted();
    return { unavailable: describeKubeError(error, kube.callTimeoutMs) };
  }
}

async function reportContainer(kube: KubeClients, pod: V1Pod, status: V1ContainerStatus, init: boolean,
  logLines: number): Promise<ContainerReport> {
  const last = status.lastState?.terminated;
  const restartCount = status.restartCount ?? 0;
  const [logs, previousLogs] = await Promise.all([
    readLogs(kube, pod, status.name, false, logLines),
    restartCount > 0 || last ? readLogs(kube, pod, status.name, true, logLines) : undefined,
  ]);
  return {
    name: status.name, image: status.image, init, ready: status.ready ?? false, restartCount,
    ...stateOf(status.state),
    ...(last ? { lastTermination: { reason: last.reason, exitCode: last.exitCode, finishedAt: last.finishedAt?.toISOString() } } : {}),
    logs,
    ...(previousLogs ? { previousLogs } : {}),
  };
}

async function reportPod(kube: KubeClients, pod: V1Pod, logLines: number): Promise<PodReport> {
  const statuses = [
    ...(pod.status?.initContainerStatuses ?? []).map((s) => [s, true] as const),
    ...(pod.status?.containerStatuses ?? []).map((s) => [s, false] as const),
  ];
  return {
    name: pod.metadata?.name ?? '',
    phase: pod.status?.phase,
    node: pod.spec?.nodeName,
    containers: await Promise.all(statuses.map(([s, init]) => reportContainer(kube, pod, s, init, logLines))),
  };
}

/** Stuck pods first, then pods that are not ready, then the rest. */
function byTrouble(a: V1Pod, b: V1Pod): number {
  const rank = (p: V1Pod) => (podProblem(p) ? 0 : p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 2 : 1);
  return rank(a) - rank(b);
}

/** client-node leaves `eventTime` (a MicroTime) as the raw string despite its Date type. */
function asDate(value: unknown): Date | undefined {
  if (value === null || value === undefined) return undefined;
  const date = typeof (value as Date).getTime === 'function' ? (value as Date) : new Date(String(value));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function eventTime(e: CoreV1Event): Date | undefined {
  return asDate(e.lastTimestamp) ?? asDate(e.eventTime) ?? asDate(e.firstTimestamp) ?? asDate(e.metadata?.creationTimestamp);
}

/**
 * Event times mostly have second precision, and events of one second come from different objects. So events
 * are ordered by second, then by resourceVersion: opaque by contract, but etcd revisions that grow with
 * every write in practice, which orders the events of one second as they were (last) written.
 */
function order(a: { at: number; rv: number; index: number }, b: { at: number; rv: number; index: number }): number {
  return Math.floor(a.at / 1000) - Math.floor(b.at / 1000) || a.rv - b.rv || a.index - b.index;
}

export function latestEvents(events: CoreV1Event[], involved: ReadonlySet<string>, count: number): EventLine[] {
  return events
    .filter((e) => involved.has(e.involvedObject?.name ?? ''))
    .map((e, index) => ({ e, index, at: eventTime(e)?.getTime() ?? 0, rv: Number(e.metadata?.resourceVersion) || 0 }))
    .sort(order)
    .slice(-count)
    .map(({ e }) => ({
      time: eventTime(e)?.toISOString(), type: e.type, reason: e.reason,
      object: `${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`, message: e.message, count: e.count,
    }));
}

export async function diagnose(kube: KubeClients, failure: { ref: ObjectRef; reason: string },
  options: DiagnoseOptions): Promise<Diagnosis> {
  const { ref } = failure;
  const diagnosis: Diagnosis = { ref, problem: failure.reason, pods: [], events: [], notes: [] };
  const note = (what: string, error: unknown) => {
    kube.signal?.throwIfAborted();
    diagnosis.notes.push(`${what}: ${describeKubeError(error, kube.callTimeoutMs)}`);
  };

  let obj: KubernetesObject | undefined;
  try {
    obj = await kube.objects.read({ apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace } });
  } catch (error) {
    note(`cannot read ${ref.kind} ${ref.name}`, error);
  }
  let pods: V1Pod[] = [];
  if (obj) {
    try {
      pods = [...(await podsBehind(kube, obj))].sort(byTrouble);
    } catch (error) {
      note('cannot list its pods', error);
    }
  }
  const described = pods.slice(0, options.maxPods ?? 3);
  if (pods.length > described.length) diagnosis.notes.push(`${pods.length - described.length} more pods not described`);
  diagnosis.pods = await Promise.all(described.map((p) => reportPod(kube, p, options.logLines)));

  // Events about the object, its pods and the ReplicaSets between them.
  const involved = new Set([ref.name, ...pods.map((p) => p.metadata?.name ?? '')]);
  for (const p of pods) for (const o of p.metadata?.ownerReferences ?? []) involved.add(o.name);
  try {
    const events = await kube.core.listNamespacedEvent({ namespace: obj?.metadata?.namespace ?? ref.namespace ?? 'default' });
    diagnosis.events = latestEvents(events.items, involved, options.events);
  } catch (error) {
    note('cannot list events', error);
  }
  return diagnosis;
}
