// The action's post step: runs after the job's other steps whatever happened (post-if: always(),
// also after a cancelled main step) and deletes the cluster the main step created, unless kept.
import * as core from '@actions/core';
import { CLUSTER_STATE_KEY } from './pipeline/state-keys.js';
import { actionsLog } from './util/log.js';

export async function runPost(): Promise<void> {
  const log = actionsLog();
  const saved = core.getState(CLUSTER_STATE_KEY);
  // The cluster code (and the Kubernetes client with it) loads only when there is a cluster.
  if (!saved) return log.info('aianalysis-e2e: no cluster was created; nothing to clean up.');
  const { cleanupCluster } = await import('./pipeline/cleanup.js');
  await cleanupCluster(saved, log);
}
