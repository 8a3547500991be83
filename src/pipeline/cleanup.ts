// The end of a run: removing its private registry credentials and deleting its cluster. The
// action's post step (which also runs after a cancelled or crashed main step) and the local
// command's last act share this.
import { Kind } from '../cluster/kind.js';
import { removeRegistryAuth } from '../engine/registry-auth.js';
import type { Log } from '../util/log.js';
import type { ClusterRecord } from './cluster.js';

/** `saved` is the auth folder the run saved; the folder is removed only if it is one. */
export async function cleanupRegistryAuth(saved: string, log: Log): Promise<void> {
  try {
    if (await removeRegistryAuth(saved)) log.info(`aianalysis-e2e: removed the run's registry credentials (${saved})`);
  } catch (error) {
    log.warning(`aianalysis-e2e: the run's registry credentials in ${saved} could not be removed: ${(error as Error).message}; delete that folder`);
  }
}

/** `saved` is the cluster record the cluster task saved. */
export async function cleanupCluster(saved: string, log: Log): Promise<void> {
  const cluster = JSON.parse(saved) as ClusterRecord;
  if (cluster.keep) {
    log.info(`aianalysis-e2e: keeping cluster ${cluster.name} (keep-cluster is on); delete it with: kind delete cluster --name ${cluster.name}`);
    return;
  }
  try {
    await new Kind({ clusterName: cluster.name, provider: cluster.provider, workDir: cluster.workDir, kindPath: cluster.kindPath, log }).deleteCluster();
    log.info(`aianalysis-e2e: deleted cluster ${cluster.name}`);
  } catch (error) {
    // A cluster left behind is found stale and replaced by the next run: no reason to fail the job.
    log.warning(`aianalysis-e2e: cluster ${cluster.name} could not be deleted: ${(error as Error).message}`);
  }
}
