// The action's post step: runs after the job's other steps whatever happened (post-if: always(),
// also after a cancelled main step), removes the run's registry credentials if the main step did
// not, and deletes the cluster the main step created, unless kept.
import * as core from '@actions/core';
import { CLUSTER_STATE_KEY, REGISTRY_AUTH_STATE_KEY } from './pipeline/state-keys.js';
import { actionsLog } from './util/log.js';

export async function runPost(): Promise<void> {
  const log = actionsLog();
  const auth = core.getState(REGISTRY_AUTH_STATE_KEY);
  if (auth) await (await import('./pipeline/cleanup.js')).cleanupRegistryAuth(auth, log);
  const saved = core.getState(CLUSTER_STATE_KEY);
  // The cluster code (and the Kubernetes client with it) loads only when there is a cluster.
  if (!saved) return log.info('aianalysis-e2e: no cluster was created; nothing to clean up.');
  const { cleanupCluster } = await import('./pipeline/cleanup.js');
  await cleanupCluster(saved, log);
}
