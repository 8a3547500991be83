/**
 * A new cluster is usable once every node is Ready and the `default` ServiceAccount exists (the
 * service-account controller creates it shortly after the API server starts; pods of a namespace
 * are refused until then). kind's own `--wait` checks the first only, so the action checks both.
 */
import { ApiException, type V1Node } from '@kubernetes/client-node';
import type { KubeClients } from './client.js';
import { until } from './until.js';

const nodeReady = (node: V1Node): boolean =>
  node.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ?? false;

/** What is still missing, or undefined when the cluster is usable. */
async function missing(kube: KubeClients): Promise<string | undefined> {
  const nodes = (await kube.core.listNode()).items;
  const notReady = nodes.filter((node) => !nodeReady(node)).map((node) => node.metadata?.name ?? '?');
  if (nodes.length === 0) return 'no node has registered';
  if (notReady.length > 0) return `node(s) not Ready: ${notReady.join(', ')}`;
  try {
    await kube.core.readNamespacedServiceAccount({ name: 'default', namespace: 'default' });
    return undefined;
  } catch (error) {
    if (error instanceof ApiException && error.code === 404) return 'the default ServiceAccount does not exist yet';
    throw error;
  }
}

export async function waitClusterReady(kube: KubeClients, options: { timeoutMs: number; pollIntervalMs?: number }): Promise<void> {
  let last = 'the API server did not answer';
  const ready = await until(
    async () => {
      try {
        const gap = await missing(kube);
        if (gap === undefined) return true;
        last = gap;
      } catch (error) {
        kube.signal?.throwIfAborted();
        last = `the API server did not answer: ${(error as Error).message}`;
      }
      return undefined;
    },
    { timeoutMs: options.timeoutMs, pollIntervalMs: options.pollIntervalMs ?? 1000, signal: kube.signal },
  );
  if (!ready) throw new Error(`the cluster was not ready within ${Math.round(options.timeoutMs / 1000)} s: ${last}`);
}
