/** Watches that only say "something changed": the waiter re-reads the state itself, so a lost watch costs latency, not correctness. */
import { Watch } from '@kubernetes/client-node';
import type { KubeClients } from './client.js';
import { describeKubeError } from './errors.js';
import type { ProgressLog } from './types.js';

/** A `wakeUps` source for `until`: one watch per collection path, re-opened after `retryMs` when it ends. */
export function watchCollections(kube: KubeClients, paths: readonly string[], log: ProgressLog, retryMs: number) {
  return (wake: () => void): (() => void) => {
    const watch = new Watch(kube.kubeConfig);
    const controllers = new Map<string, AbortController>();
    const timers = new Set<NodeJS.Timeout>();
    let stopped = false;

    const open = (path: string): void => {
      const reopen = (error: unknown) => {
        if (stopped) return;
        if (error) log.debug(`watch of ${path} ended (${describeKubeError(error)}); polling until it is re-opened`);
        const timer = setTimeout(() => {
          timers.delete(timer);
          open(path);
        }, retryMs);
        timers.add(timer);
      };
      watch.watch(path, {}, () => wake(), reopen).then((controller) => {
        if (stopped) controller.abort();
        else controllers.set(path, controller);
      }, reopen);
    };

    for (const path of new Set(paths)) open(path);
    return () => {
      stopped = true;
      for (const controller of controllers.values()) controller.abort();
      for (const timer of timers) clearTimeout(timer);
    };
  };
}
