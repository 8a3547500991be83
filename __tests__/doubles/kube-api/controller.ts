/**
 * A small stand-in for the controller manager, scheduler and kubelet: namespaces get their default
 * ServiceAccount, workloads get pods, pods start (or fail) after a delay, Jobs complete, CRDs get Established.
 */
import type { EventRecorder, EventSpec } from './events.js';
import { type PodPlan, startedPod } from './lifecycle.js';
import type { Marks } from './marks.js';
import { randomSuffix, templateHash, timestamp } from './names.js';
import { type Registry, builtin, canonical, isEstablished } from './registry.js';
import { ApiError } from './status.js';
import type { Change, KObject, OwnerReference, Store } from './store.js';
import type { ResourceType } from './resources.js';

export interface ControllerOptions {
  readyDelayMs: number;
  terminationDelayMs: number;
  crdEstablishDelayMs: number;
  crashRestartDelayMs: number;
  nodeName: string;
}

const PODS = builtin('Pod');
const NAMESPACES = builtin('Namespace');
const NODES = builtin('Node');
const SERVICE_ACCOUNTS = builtin('ServiceAccount');
const DEPLOYMENTS = builtin('Deployment', 'apps');
const REPLICA_SETS = builtin('ReplicaSet', 'apps');
const STATEFUL_SETS = builtin('StatefulSet', 'apps');
const DAEMON_SETS = builtin('DaemonSet', 'apps');
const JOBS = builtin('Job', 'batch');
const CRDS = builtin('CustomResourceDefinition', 'apiextensions.k8s.io');

/** How many times a crash-looping container is restarted before the simulation leaves it be. */
const CRASH_RESTART_LIMIT = 4;
const MANAGER = 'kube-controller-manager';

type Condition = { type: string; status: string; reason?: string; message?: string;
  lastTransitionTime?: string; lastUpdateTime?: string; lastProbeTime?: string | null };

function controllerRef(owner: KObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid!,
    controller: true, blockOwnerDeletion: true };
}

function ownerOf(obj: KObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((o) => o.controller);
}

function isOwnedBy(obj: KObject, owner: KObject): boolean {
  return obj.metadata.ownerReferences?.some((o) => o.uid === owner.metadata.uid) ?? false;
}

function isActive(pod: KObject): boolean {
  return !pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

function isPodReady(pod: KObject): boolean {
  return isActive(pod) && (pod.status?.conditions ?? []).some((c: Condition) => c.type === 'Ready' && c.status === 'True');
}

/** The API omits zero counters (`omitempty`); so does the double, so clients must cope. */
function withoutZeros(status: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(status).filter(([, v]) => v !== 0 && v !== undefined));
}

function condition(type: string, ok: boolean, reason: string, message: string, withUpdateTime = true): Condition {
  const now = timestamp();
  return { type, status: ok ? 'True' : 'False', ...(withUpdateTime ? { lastUpdateTime: now } : {}),
    lastTransitionTime: now, reason, message };
}

/** Keeps the previous timestamps of conditions that did not change, as the controllers do. */
function carryTimes(previous: Condition[] | undefined, next: Condition[]): Condition[] {
  return next.map((c) => {
    const before = previous?.find((p) => p.type === c.type);
    if (!before || before.status !== c.status) return c;
    const same = before.reason === c.reason && before.message === c.message;
    return { ...c, lastTransitionTime: before.lastTransitionTime,
      ...(c.lastUpdateTime && same ? { lastUpdateTime: before.lastUpdateTime } : {}) };
  });
}

export class Controller {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly queued = new Set<string>();
  private readonly plans = new Map<string, PodPlan>();
  private readonly removing = new Set<string>();
  private readonly progressingSince = new Map<string, number>();
  private unsubscribe?: () => void;
  private stopped = false;

  constructor(
    private readonly registry: Registry,
    private readonly events: EventRecorder,
    private readonly options: ControllerOptions,
    private readonly behaviours: Map<string, PodPlan>,
    private readonly marks: Marks,
  ) {}

  private get store(): Store {
    return this.registry.store;
  }

  start(): void {
    this.unsubscribe = this.store.subscribe((change) => this.onChange(change));
    this.store.create(NODES, this.node());
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      this.registry.create(NAMESPACES, undefined, { metadata: { name: ns } }, MANAGER);
    }
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** The plan of the pod's workload (or of the pod itself), read when the pod is created. */
  planFor(pod: KObject): PodPlan {
    return this.plans.get(pod.metadata.uid!) ?? { mode: 'ready', options: {} };
  }

  private later(ms: number, work: () => void): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) this.guard(work);
    }, ms);
    this.timers.add(timer);
  }

  /** Coalesces reconciles of one object into one run on the next turn. */
  private enqueue(key: string, work: () => void): void {
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.later(0, () => {
      this.queued.delete(key);
      work();
    });
  }

  private guard(work: () => void): void {
    try {
      work();
    } catch (error) {
      // Races with deletions and re-creations are normal for a controller: it just reconciles again later.
      if (error instanceof ApiError && (error.code === 404 || error.code === 409)) return;
      console.error('kube-api double: controller error', error);
    }
  }

  private onChange({ type, object: o }: Change): void {
    const { namespace: ns, name } = o.metadata;
    const deleting = Boolean(o.metadata.deletionTimestamp);
    switch (o.kind) {
      case 'Namespace':
        if (type === 'ADDED') this.enqueue(`sa/${name}`, () => this.ensureServiceAccount(name));
        if (type === 'MODIFIED' && deleting) this.enqueue(`ns/${name}`, () => this.finalizeNamespace(name));
        break;
      case 'Pod':
        if (type === 'MODIFIED' && deleting && !this.removing.has(o.metadata.uid!)) this.removeGracefully(o);
        break;
      case 'CustomResourceDefinition':
        if (type !== 'DELETED' && !isEstablished(o)) this.later(this.options.crdEstablishDelayMs, () => this.establish(name));
        break;
      case 'Event':
        return;
      default:
        if (type === 'ADDED' && !this.reconcilerFor(o.kind)) this.marks.markReady(o.kind, ns, name);
    }
    if (type !== 'DELETED') this.reconcile(o.kind, ns, name);
    const owner = ownerOf(o);
    if (owner) this.reconcile(owner.kind, ns, owner.name);
  }

  private reconcilerFor(kind: string): ((ns: string, name: string) => void) | undefined {
    const reconcilers: Record<string, (ns: string, name: string) => void> = {
      Deployment: (ns, name) => this.reconcileDeployment(ns, name),
      ReplicaSet: (ns, name) => this.reconcileReplicaSet(ns, name),
      StatefulSet: (ns, name) => this.reconcileStatefulSet(ns, name),
      DaemonSet: (ns, name) => this.reconcileDaemonSet(ns, name),
      Job: (ns, name) => this.reconcileJob(ns, name),
    };
    return reconcilers[kind];
  }

  private reconcile(kind: string, ns: string | undefined, name: string): void {
    const reconciler = this.reconcilerFor(kind);
    if (reconciler && ns) this.enqueue(`${kind}/${ns}/${name}`, () => reconciler(ns, name));
  }

  private record(obj: KObject, event: EventSpec): void {
    this.events.record(obj, event);
  }

  private setStatus(r: ResourceType, obj: KObject, status: Record<string, unknown>): void {
    const next = { ...status } as Record<string, unknown> & { conditions?: Condition[] };
    if (next.conditions) next.conditions = carryTimes(obj.status?.conditions, next.conditions);
    if (canonical(next) === canonical(obj.status ?? {})) return;
    this.registry.writeStatus(r, { ...obj, status: next });
  }

  private setReplicas(r: ResourceType, obj: KObject, replicas: number): void {
    obj.spec.replicas = replicas;
    obj.metadata.generation = (obj.metadata.generation ?? 1) + 1;
    this.store.update(r, obj);
  }

  private podsOf(owner: KObject): KObject[] {
    return this.store.list(PODS, owner.metadata.namespace).filter((p) => isOwnedBy(p, owner));
  }

  // --- namespaces and nodes ---

  private node(): KObject {
    const now = timestamp();
    const ready = (type: string, ok: boolean, reason: string, message: string) =>
      ({ type, status: ok ? 'True' : 'False', lastHeartbeatTime: now, lastTransitionTime: now, reason, message });
    return {
      apiVersion: 'v1', kind: 'Node',
      metadata: { name: this.options.nodeName, labels: { 'kubernetes.io/hostname': this.options.nodeName,
        'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/control-plane': '' } },
      spec: { podCIDR: '10.244.0.0/24' },
      status: {
        conditions: [
          ready('MemoryPressure', false, 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
          ready('DiskPressure', false, 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
          ready('PIDPressure', false, 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
          ready('Ready', true, 'KubeletReady', 'kubelet is posting ready status'),
        ],
        addresses: [{ type: 'InternalIP', address: '172.18.0.2' }, { type: 'Hostname', address: this.options.nodeName }],
        capacity: { cpu: '2', memory: '24Gi', pods: '110' },
        allocatable: { cpu: '2', memory: '24Gi', pods: '110' },
        nodeInfo: { kubeletVersion: 'v1.34.0', containerRuntimeVersion: 'containerd://2.1.3', operatingSystem: 'linux',
          architecture: 'amd64', osImage: 'Debian GNU/Linux 12 (bookworm)' },
      },
    };
  }

  private ensureServiceAccount(namespace: string): void {
    if (this.store.get(SERVICE_ACCOUNTS, namespace, 'default')) return;
    this.registry.create(SERVICE_ACCOUNTS, namespace, { metadata: { name: 'default' } }, MANAGER);
  }

  private finalizeNamespace(namespace: string): void {
    const namespaced = this.registry.served().filter((r) => r.namespaced && !r.storedAs);
    for (const r of namespaced) {
      for (const o of this.store.list(r, namespace)) this.registry.removeNow(r, namespace, o.metadata.name);
    }
    this.later(this.options.terminationDelayMs, () => this.registry.removeNow(NAMESPACES, undefined, namespace));
  }

  private establish(name: string): void {
    const crd = this.store.get(CRDS, undefined, name);
    if (!crd || isEstablished(crd)) return;
    const storage = (crd.spec.versions as { name: string; storage?: boolean }[]).find((v) => v.storage)?.name;
    this.registry.writeStatus(CRDS, { ...crd, status: {
      conditions: [
        condition('NamesAccepted', true, 'NoConflicts', 'no conflicts found', false),
        condition('Established', true, 'InitialNamesAccepted', 'the initial names have been accepted', false),
      ],
      acceptedNames: crd.spec.names,
      storedVersions: storage ? [storage] : [],
    } });
    this.marks.markReady('CustomResourceDefinition', undefined, name);
  }

  // --- pods ---

  private createPod(owner: KObject, name: string, template: KObject, labels: Record<string, string>, workload: string): void {
    const pod = this.registry.create(PODS, owner.metadata.namespace, {
      metadata: { name, labels, annotations: template.metadata?.annotations, ownerReferences: [controllerRef(owner)] },
      spec: structuredClone(template.spec),
    }, MANAGER);
    const plan = this.behaviours.get(workload) ?? this.behaviours.get(name) ?? { mode: 'ready', options: {} };
    this.plans.set(pod.metadata.uid!, plan);
    this.bind(pod, plan);
  }

  /** The scheduler's part: bind to the node; then the kubelet starts the containers after the delay. */
  private bind(pod: KObject, plan: PodPlan): void {
    const now = timestamp();
    pod.spec.nodeName = this.options.nodeName;
    pod.status = {
      phase: 'Pending', qosClass: 'BestEffort', hostIP: '172.18.0.2', hostIPs: [{ ip: '172.18.0.2' }],
      podIP: `10.244.0.${2 + Math.floor(Math.random() * 250)}`, startTime: now,
      conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now }],
      containerStatuses: (pod.spec.containers ?? []).map((c: { name: string; image: string }) => ({
        name: c.name, image: c.image, imageID: '', ready: false, started: false, restartCount: 0, lastState: {},
        state: { waiting: { reason: 'ContainerCreating' } },
      })),
    };
    const bound = this.store.update(PODS, pod);
    this.record(bound, { type: 'Normal', reason: 'Scheduled', component: 'default-scheduler', precise: true,
      message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${this.options.nodeName}` });
    const firstRestarts = plan.mode === 'crash-loop' || plan.mode === 'oom-killed' ? 1 : 0;
    this.later(plan.options.readyDelayMs ?? this.options.readyDelayMs, () => this.startContainers(bound, firstRestarts));
  }

  private startContainers(scheduled: KObject, restarts: number): void {
    const pod = this.store.get(PODS, scheduled.metadata.namespace, scheduled.metadata.name);
    if (!pod || pod.metadata.uid !== scheduled.metadata.uid || pod.metadata.deletionTimestamp) return;
    const plan = this.planFor(pod);
    const { status, events } = startedPod(pod, plan, restarts, pod.spec.restartPolicy !== 'Always');
    const updated = this.store.update(PODS, { ...pod, status });
    for (const event of events) this.record(updated, event);
    if (plan.mode === 'crash-loop' && restarts < CRASH_RESTART_LIMIT) {
      this.later(this.options.crashRestartDelayMs, () => this.startContainers(updated, restarts + 1));
    }
  }

  private removeGracefully(pod: KObject): void {
    this.removing.add(pod.metadata.uid!);
    for (const c of pod.spec?.containers ?? []) {
      this.record(pod, { type: 'Normal', reason: 'Killing', component: 'kubelet',
        fieldPath: `spec.containers{${c.name}}`, message: `Stopping container ${c.name}` });
    }
    this.later(this.options.terminationDelayMs, () => {
      const current = this.store.get(PODS, pod.metadata.namespace, pod.metadata.name);
      if (current?.metadata.uid === pod.metadata.uid) this.registry.removeNow(PODS, pod.metadata.namespace, pod.metadata.name);
      this.removing.delete(pod.metadata.uid!);
      this.plans.delete(pod.metadata.uid!);
    });
  }

  // --- Deployments and ReplicaSets ---

  private reconcileDeployment(ns: string, name: string): void {
    const dep = this.store.get(DEPLOYMENTS, ns, name);
    if (!dep || dep.metadata.deletionTimestamp) return;
    const desired: number = dep.spec.replicas ?? 1;
    const hash = templateHash(dep.spec.template);
    const owned = this.store.list(REPLICA_SETS, ns).filter((rs) => isOwnedBy(rs, dep));
    let current = owned.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
    if (!current) {
      current = this.createReplicaSet(dep, hash, desired, owned.length + 1);
      this.record(dep, { type: 'Normal', reason: 'ScalingReplicaSet', component: 'deployment-controller',
        message: `Scaled up replica set ${current.metadata.name} from 0 to ${desired}` });
    } else if (current.spec.replicas !== desired) {
      const verb = desired > current.spec.replicas ? 'up' : 'down';
      this.record(dep, { type: 'Normal', reason: 'ScalingReplicaSet', component: 'deployment-controller',
        message: `Scaled ${verb} replica set ${current.metadata.name} from ${current.spec.replicas} to ${desired}` });
      this.setReplicas(REPLICA_SETS, current, desired);
    }
    for (const old of owned.filter((rs) => rs.metadata.uid !== current.metadata.uid && rs.spec.replicas > 0)) {
      this.record(dep, { type: 'Normal', reason: 'ScalingReplicaSet', component: 'deployment-controller',
        message: `Scaled down replica set ${old.metadata.name} from ${old.spec.replicas} to 0` });
      this.setReplicas(REPLICA_SETS, old, 0);
    }
    this.updateDeploymentStatus(dep, [...owned.filter((rs) => rs.metadata.uid !== current.metadata.uid), current], current);
  }

  private createReplicaSet(dep: KObject, hash: string, replicas: number, revision: number): KObject {
    const template = structuredClone(dep.spec.template);
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, 'pod-template-hash': hash } };
    return this.registry.create(REPLICA_SETS, dep.metadata.namespace, {
      metadata: {
        name: `${dep.metadata.name}-${hash}`, labels: template.metadata.labels, ownerReferences: [controllerRef(dep)],
        annotations: { 'deployment.kubernetes.io/revision': String(revision),
          'deployment.kubernetes.io/desired-replicas': String(replicas) },
      },
      spec: { replicas, selector: { matchLabels: { ...dep.spec.selector.matchLabels, 'pod-template-hash': hash } }, template },
    }, MANAGER);
  }

  private updateDeploymentStatus(dep: KObject, sets: KObject[], current: KObject): void {
    const desired: number = dep.spec.replicas ?? 1;
    const pods = sets.flatMap((rs) => this.podsOf(rs)).filter(isActive);
    const updated = pods.filter((p) => isOwnedBy(p, current));
    const ready = pods.filter(isPodReady).length;
    const complete = updated.length === desired && pods.length === desired && ready === desired;
    const rsName = current.metadata.name;
    const progressing = complete
      ? condition('Progressing', true, 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`)
      : this.progressCondition(dep, rsName);
    this.setStatus(DEPLOYMENTS, dep, withoutZeros({
      observedGeneration: dep.metadata.generation,
      replicas: pods.length, updatedReplicas: updated.length, readyReplicas: ready, availableReplicas: ready,
      unavailableReplicas: Math.max(desired - ready, 0),
      conditions: [
        ready >= desired
          ? condition('Available', true, 'MinimumReplicasAvailable', 'Deployment has minimum availability.')
          : condition('Available', false, 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'),
        progressing,
      ],
    }));
    if (complete) this.marks.markReady('Deployment', dep.metadata.namespace, dep.metadata.name, dep.metadata.generation);
  }

  /** Progressing until `progressDeadlineSeconds` pass without completing the rollout. */
  private progressCondition(dep: KObject, rsName: string): Condition {
    const key = `${dep.metadata.uid}/${dep.metadata.generation}`;
    const since = this.progressingSince.get(key) ?? performance.now();
    this.progressingSince.set(key, since);
    const deadlineMs = (dep.spec.progressDeadlineSeconds ?? 600) * 1000;
    const left = since + deadlineMs - performance.now();
    if (left <= 0) {
      return condition('Progressing', false, 'ProgressDeadlineExceeded', `ReplicaSet "${rsName}" has timed out progressing.`);
    }
    this.later(left + 1, () => this.reconcile('Deployment', dep.metadata.namespace, dep.metadata.name));
    return condition('Progressing', true, 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`);
  }

  private reconcileReplicaSet(ns: string, name: string): void {
    const rs = this.store.get(REPLICA_SETS, ns, name);
    if (!rs || rs.metadata.deletionTimestamp) return;
    const desired: number = rs.spec.replicas ?? 1;
    const active = this.podsOf(rs).filter(isActive);
    const workload = ownerOf(rs)?.name ?? name;
    for (let i = active.length; i < desired; i++) {
      const podName = `${name}-${randomSuffix()}`;
      this.createPod(rs, podName, rs.spec.template, rs.spec.template.metadata?.labels ?? {}, workload);
      this.record(rs, { type: 'Normal', reason: 'SuccessfulCreate', component: 'replicaset-controller',
        message: `Created pod: ${podName}` });
    }
    for (const extra of active.slice(desired)) {
      this.registry.delete(PODS, ns, extra.metadata.name);
      this.record(rs, { type: 'Normal', reason: 'SuccessfulDelete', component: 'replicaset-controller',
        message: `Deleted pod: ${extra.metadata.name}` });
    }
    const pods = this.podsOf(rs).filter(isActive);
    const ready = pods.filter(isPodReady).length;
    this.setStatus(REPLICA_SETS, rs, withoutZeros({
      replicas: pods.length, fullyLabeledReplicas: pods.length, readyReplicas: ready, availableReplicas: ready,
      observedGeneration: rs.metadata.generation,
    }));
  }

  // --- StatefulSets and DaemonSets ---

  private reconcileStatefulSet(ns: string, name: string): void {
    const sts = this.store.get(STATEFUL_SETS, ns, name);
    if (!sts || sts.metadata.deletionTimestamp) return;
    const desired: number = sts.spec.replicas ?? 1;
    const revision = `${name}-${templateHash(sts.spec.template)}`;
    const pods = this.podsOf(sts);
    for (let i = 0; i < desired; i++) {
      const podName = `${name}-${i}`;
      const existing = pods.find((p) => p.metadata.name === podName);
      if (!existing) {
        this.createPod(sts, podName, sts.spec.template, { ...sts.spec.template.metadata?.labels,
          'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': podName,
          'apps.kubernetes.io/pod-index': String(i) }, name);
      } else if (isActive(existing) && existing.metadata.labels?.['controller-revision-hash'] !== revision) {
        this.registry.delete(PODS, ns, podName);
      }
    }
    for (const extra of pods.filter((p) => isActive(p) && Number(p.metadata.name.slice(name.length + 1)) >= desired)) {
      this.registry.delete(PODS, ns, extra.metadata.name);
    }
    const active = this.podsOf(sts).filter(isActive);
    const updated = active.filter((p) => p.metadata.labels?.['controller-revision-hash'] === revision);
    const ready = active.filter(isPodReady).length;
    const rolledOut = updated.length === desired && active.length === desired;
    this.setStatus(STATEFUL_SETS, sts, withoutZeros({
      observedGeneration: sts.metadata.generation,
      replicas: active.length, readyReplicas: ready, availableReplicas: ready,
      currentReplicas: rolledOut ? updated.length : active.length - updated.length, updatedReplicas: updated.length,
      currentRevision: rolledOut ? revision : sts.status?.currentRevision ?? revision,
      updateRevision: revision, collisionCount: 0,
    }));
    if (rolledOut && ready === desired) this.marks.markReady('StatefulSet', ns, name, sts.metadata.generation);
  }

  private reconcileDaemonSet(ns: string, name: string): void {
    const ds = this.store.get(DAEMON_SETS, ns, name);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const hash = templateHash(ds.spec.template);
    const active = this.podsOf(ds).filter(isActive);
    for (const outdated of active.filter((p) => p.metadata.labels?.['controller-revision-hash'] !== hash)) {
      this.registry.delete(PODS, ns, outdated.metadata.name);
    }
    if (!active.some((p) => p.metadata.labels?.['controller-revision-hash'] === hash)) {
      this.createPod(ds, `${name}-${randomSuffix()}`, ds.spec.template,
        { ...ds.spec.template.metadata?.labels, 'controller-revision-hash': hash }, name);
    }
    const pods = this.podsOf(ds).filter(isActive);
    const ready = pods.filter(isPodReady).length;
    const updated = pods.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash).length;
    this.setStatus(DAEMON_SETS, ds, withoutZeros({
      observedGeneration: ds.metadata.generation, desiredNumberScheduled: 1, currentNumberScheduled: pods.length,
      numberMisscheduled: 0, numberReady: ready, numberAvailable: ready, updatedNumberScheduled: updated,
      numberUnavailable: 1 - ready,
    }));
    if (ready === 1 && updated === 1) this.marks.markReady('DaemonSet', ns, name, ds.metadata.generation);
  }

  // --- Jobs ---

  /** One pod per Job; its outcome is the Job's outcome (the simulation does not retry). */
  private reconcileJob(ns: string, name: string): void {
    const job = this.store.get(JOBS, ns, name);
    if (!job || job.metadata.deletionTimestamp) return;
    const finished = (job.status?.conditions ?? []).some((c: Condition) =>
      (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
    if (finished) return;
    const pods = this.podsOf(job);
    const startTime = job.status?.startTime ?? timestamp();
    if (pods.length === 0) {
      const podName = `${name}-${randomSuffix()}`;
      this.createPod(job, podName, job.spec.template, job.spec.template.metadata?.labels ?? {}, name);
      this.record(job, { type: 'Normal', reason: 'SuccessfulCreate', component: 'job-controller', message: `Created pod: ${podName}` });
      this.setStatus(JOBS, job, { startTime, active: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
      return;
    }
    const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded').length;
    const failed = pods.filter((p) => p.status?.phase === 'Failed').length;
    const active = pods.filter(isActive).length;
    if (succeeded >= (job.spec.completions ?? 1)) {
      const reached = 'Reached expected number of succeeded pods';
      this.setStatus(JOBS, job, { startTime, completionTime: timestamp(), succeeded, ready: 0, terminating: 0,
        uncountedTerminatedPods: {}, conditions: [
          { ...condition('SuccessCriteriaMet', true, 'CompletionsReached', reached, false), lastProbeTime: timestamp() },
          { ...condition('Complete', true, 'CompletionsReached', reached, false), lastProbeTime: timestamp() },
        ] });
      this.record(job, { type: 'Normal', reason: 'Completed', component: 'job-controller', message: 'Job completed' });
      this.marks.markReady('Job', ns, name);
    } else if (failed > 0) {
      const limit = 'Job has reached the specified backoff limit';
      this.setStatus(JOBS, job, { startTime, failed, ready: 0, terminating: 0, uncountedTerminatedPods: {},
        conditions: [
          { ...condition('FailureTarget', true, 'BackoffLimitExceeded', limit, false), lastProbeTime: timestamp() },
          { ...condition('Failed', true, 'BackoffLimitExceeded', limit, false), lastProbeTime: timestamp() },
        ] });
      this.record(job, { type: 'Warning', reason: 'BackoffLimitExceeded', component: 'job-controller', message: limit });
    } else {
      const ready = pods.filter(isPodReady).length;
      this.setStatus(JOBS, job, { startTime, active, ready, terminating: 0, uncountedTerminatedPods: {} });
    }
  }
}
