/** The saved state the run leaves for the post step (kept apart so the post step loads little). */
/** The cluster record the cluster task saves. */
export const CLUSTER_STATE_KEY = 'cluster';
/** The run's private registry auth folder (see engine/registry-auth). */
export const REGISTRY_AUTH_STATE_KEY = 'registry-auth';
/** The evidence upload the main step has not done yet (see pending-evidence); empty once it has tried. */
export const PENDING_EVIDENCE_STATE_KEY = 'pending-evidence';
