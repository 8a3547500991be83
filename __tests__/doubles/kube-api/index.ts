/**
 * An in-process Kubernetes API server for tests: the REST API client-node speaks, a store with
 * resourceVersions and watches, and a small controller that moves objects to Ready (or to a failure on demand).
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { Controller } from './controller.js';
import { EventRecorder } from './events.js';
import type { Behaviour, BehaviourOptions, PodPlan } from './lifecycle.js';
import { Marks } from './marks.js';
import { Registry } from './registry.js';
import { ApiServer, type RecordedRequest } from './server.js';
import { type KObject, Store } from './store.js';

export type { Behaviour, BehaviourOptions } from './lifecycle.js';
export type { RecordedRequest } from './server.js';
export type { KObject } from './store.js';

export interface KubeApiOptions {
  /** Time from a pod being scheduled to its containers reaching their state (default 50 ms). */
  readyDelayMs?: number;
  /** Time a deleted pod or namespace takes to go away (default 50 ms). */
  terminationDelayMs?: number;
  crdEstablishDelayMs?: number;
  /** Time between two restarts of a crash-looping container (default 1 s; the kubelet backs off from 10 s). */
  crashRestartDelayMs?: number;
  /** Added to every server-side apply request, so that overlapping requests are observable. */
  applyLatencyMs?: number;
  /** Answer every watch with 503, as an overloaded or flaky API server might: clients must poll. */
  watchUnavailable?: boolean;
  /** How many changes a watch can resume from before getting 410 Gone. */
  retainedChanges?: number;
}

export interface KubeApi {
  url: string;
  nodeName: string;
  /** The bearer token the server accepts (for kubeconfigs written by others, such as the kind stand-in). */
  readonly token: string;
  /** Writes a kubeconfig for this server into `dir` and returns its path. */
  kubeconfigPath(dir: string, options?: { namespace?: string }): string;
  /** Makes the pods of the workload (or the pod) with this name behave so from their next start. */
  behave(name: string, mode: Behaviour, options?: BehaviourOptions): void;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Server-side apply requests in flight at once, at most. */
  maxConcurrentApplies(): number;
  /** performance.now() of the last successful server-side apply of the object. */
  appliedAt(kind: string, namespace: string | undefined, name: string): number | undefined;
  /** performance.now() when the object last became ready (workloads, Jobs, CRDs) or was created (others). */
  readyAt(kind: string, namespace: string | undefined, name: string): number | undefined;
  /** The stored object, for assertions on what the client sent. */
  object(kind: string, namespace: string | undefined, name: string): KObject | undefined;
  /** The stored objects of a kind. */
  objects(kind: string, namespace?: string): KObject[];
  close(): Promise<void>;
}

export async function startKubeApi(options: KubeApiOptions = {}): Promise<KubeApi> {
  const token = randomBytes(16).toString('hex');
  const nodeName = 'aianalysis-e2e-control-plane';
  const store = new Store(options.retainedChanges ?? 5000);
  const registry = new Registry(store);
  const marks = new Marks();
  const behaviours = new Map<string, PodPlan>();
  const controller = new Controller(registry, new EventRecorder(store, nodeName), {
    readyDelayMs: options.readyDelayMs ?? 50,
    terminationDelayMs: options.terminationDelayMs ?? 50,
    crdEstablishDelayMs: options.crdEstablishDelayMs ?? 20,
    crashRestartDelayMs: options.crashRestartDelayMs ?? 1000,
    nodeName,
  }, behaviours, marks);
  controller.start();
  const server = new ApiServer(registry, controller, marks, {
    token, applyLatencyMs: options.applyLatencyMs ?? 0, watchUnavailable: options.watchUnavailable ?? false,
  });
  const url = await server.listen();

  const resourceOf = (kind: string) => {
    const r = registry.byKind(kind);
    if (!r) throw new Error(`the double serves no kind ${kind}`);
    return r;
  };

  return {
    url,
    nodeName,
    kubeconfigPath(dir, { namespace } = {}) {
      const path = join(dir, 'kubeconfig');
      writeFileSync(path, stringify({
        apiVersion: 'v1', kind: 'Config',
        // client-node refuses plain http unless TLS verification is explicitly off.
        clusters: [{ name: 'kube-api-double', cluster: { server: url, 'insecure-skip-tls-verify': true } }],
        users: [{ name: 'tester', user: { token } }],
        contexts: [{ name: 'kube-api-double', context: { cluster: 'kube-api-double', user: 'tester',
          ...(namespace ? { namespace } : {}) } }],
        'current-context': 'kube-api-double',
      }));
      return path;
    },
    token,
    behave(name, mode, behaviourOptions = {}) {
      behaviours.set(name, { mode, options: behaviourOptions });
    },
    requests: server.requests,
    maxConcurrentApplies: () => server.applies.maxInFlight,
    appliedAt: (kind, namespace, name) => marks.appliedAt(kind, namespace, name),
    readyAt: (kind, namespace, name) => marks.readyAt(kind, namespace, name),
    object: (kind, namespace, name) => store.get(resourceOf(kind), namespace, name),
    objects: (kind, namespace) => store.list(resourceOf(kind), namespace),
    async close() {
      controller.stop();
      await server.close();
    },
  };
}
