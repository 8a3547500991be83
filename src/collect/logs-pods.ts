/**
 * The logs of every container of every pod in the namespaces under test
 * (`pods/<namespace>/<pod>/<container>.log`), and the log of the previous instance of each container
 * that has restarted (`<container>.previous.log`): a crash-looping container's current log often
 * says nothing, the one that died says why.
 */
import type { V1Pod } from '@kubernetes/client-node';
import type { KubeClients } from '../kube/client.js';
import type { BundleWriter } from './logs-writer.js';

export interface PodLogOptions {
  /** Bytes kept of each log (the API server sends the first ones). */
  limitBytes: number;
  /** Log requests in flight at once. */
  concurrency: number;
}

interface LogRequest {
  namespace: string;
  pod: string;
  container: string;
  previous: boolean;
}

export async function collectPodLogs(
  kube: KubeClients,
  writer: BundleWriter,
  namespaces: readonly string[],
  options: PodLogOptions,
): Promise<void> {
  const requests = (await Promise.all(namespaces.map(async (namespace) => {
    let pods: V1Pod[] = [];
    await writer.source(`pods in ${namespace}`, async () => {
      pods = (await kube.core.listNamespacedPod({ namespace })).items;
    });
    return pods.flatMap((pod) => logRequests(namespace, pod));
  }))).flat();
  await inParallel(requests, options.concurrency, (r) => {
    const which = r.previous ? 'previous log' : 'log';
    return writer.source(`${which} of ${r.namespace}/${r.pod}/${r.container}`, async () => {
      const text = await kube.core.readNamespacedPodLog({ name: r.pod, namespace: r.namespace, container: r.container,
        previous: r.previous, limitBytes: options.limitBytes });
      await writer.write(`pods/${r.namespace}/${r.pod}/${r.container}${r.previous ? '.previous' : ''}.log`, text);
    });
  });
}

function logRequests(namespace: string, pod: V1Pod): LogRequest[] {
  const name = pod.metadata?.name ?? '';
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  return containers.flatMap((c) => {
    const restarts = statuses.find((s) => s.name === c.name)?.restartCount ?? 0;
    const current = { namespace, pod: name, container: c.name, previous: false };
    return restarts > 0 ? [current, { ...current, previous: true }] : [current];
  });
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
