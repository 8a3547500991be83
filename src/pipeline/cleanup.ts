// The end of a run: removing its private registry credentials and deleting its cluster. The
// action's post step (which also runs after a cancelled or crashed main step) and the local
// command's last act share this.
import { isTrustedKind } from '../cluster/install.js';
import { Kind } from '../cluster/kind.js';
import { ownedBy, releaseCluster } from '../cluster/ownership.js';
import { removeRegistryAuth } from '../engine/registry-auth.js';
import type { Log } from '../util/log.js';
import { parseClusterRecord, type ClusterRecord } from './cluster-record.js';

/** `saved` is the auth folder the run saved; the folder is removed only if it is one. */
export async function cleanupRegistryAuth(saved: string, log: Log): Promise<void> {
  try {
    if (await removeRegistryAuth(saved)) log.info(`aianalysis-e2e: removed the run's registry credentials (${saved})`);
  } catch (error) {
    log.warning(`aianalysis-e2e: the run's registry credentials in ${saved} could not be removed: ${(error as Error).message}; delete that folder`);
  }
}

/**
 * `saved` is the cluster record the cluster task saved. The cluster is deleted only when the
 * record is valid, names a kind binary the action runs, and the cluster is still this run's.
 */
export async function cleanupCluster(saved: string, log: Log): Promise<void> {
  let cluster: ClusterRecord;
  try {
    cluster = parseClusterRecord(saved);
  } catch (error) {
    log.warning(`aianalysis-e2e: the saved cluster state is not valid (${(error as Error).message}); no cluster is deleted`);
    return;
  }
  if (cluster.keep) {
    log.info(`aianalysis-e2e: keeping cluster ${cluster.name} (keep-cluster is on); delete it with: kind delete cluster --name ${cluster.name}`);
    return;
  }
  if (!(await ownedBy(cluster.provider, cluster.name, cluster.runId))) {
    log.warning(`aianalysis-e2e: cluster ${cluster.name} is not this run's (another run owns it now): left alone`);
    return;
  }
  if (!(await isTrustedKind(cluster.kindPath))) {
    log.warning(
      `aianalysis-e2e: the saved kind path ${cluster.kindPath} is neither the kind on PATH nor one the action installed: ` +
        `not run, cluster ${cluster.name} is left; delete it with: kind delete cluster --name ${cluster.name}`,
    );
    return;
  }
  try {
    await new Kind({ clusterName: cluster.name, provider: cluster.provider, workDir: cluster.workDir, kindPath: cluster.kindPath, log }).deleteCluster();
    await releaseCluster(cluster.provider, cluster.name);
    log.info(`aianalysis-e2e: deleted cluster ${cluster.name}`);
  } catch (error) {
    // A cluster left behind is found stale and replaced by the next run: no reason to fail the job.
    log.warning(`aianalysis-e2e: cluster ${cluster.name} could not be deleted: ${(error as Error).message}`);
  }
}
