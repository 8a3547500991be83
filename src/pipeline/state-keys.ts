/** The saved state the cluster task leaves for the post step (kept apart so the post step loads little). */
export const CLUSTER_STATE_KEY = 'cluster';
