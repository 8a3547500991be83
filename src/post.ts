// The action's post step: runs after the job's other steps whatever happened (post-if: always(),
// also after a cancelled main step), uploads the evidence a stopped main step could not, removes
// the run's registry credentials if the main step did not, and deletes the cluster the main step
// created, unless kept.
import * as core from '@actions/core';
import { actionsWorkDir, registerSecretInputs } from './host/actions.js';
import { workflowRun } from './host/workflow-run.js';
import { CLUSTER_STATE_KEY, PENDING_EVIDENCE_STATE_KEY, REGISTRY_AUTH_STATE_KEY } from './pipeline/state-keys.js';
import { actionsLog, redact } from './util/log.js';

export async function runPost(): Promise<void> {
  const log = actionsLog();
  const pending = core.getState(PENDING_EVIDENCE_STATE_KEY);
  if (pending) {
    // The evidence files are redacted on the way out: the secrets must be known first.
    registerSecretInputs();
    const { toolkitServices } = await import('./host/toolkit.js');
    const github = toolkitServices(workflowRun(process.env), log);
    const line = await (await import('./pipeline/pending-evidence.js')).uploadPendingEvidence(pending, actionsWorkDir(), log, github);
    if (line && process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(redact(line)).write();
  }
  const auth = core.getState(REGISTRY_AUTH_STATE_KEY);
  if (auth) await (await import('./pipeline/cleanup.js')).cleanupRegistryAuth(auth, log);
  const saved = core.getState(CLUSTER_STATE_KEY);
  // The cluster code (and the Kubernetes client with it) loads only when there is a cluster.
  if (!saved) return log.info('aianalysis-e2e: no cluster was created; nothing to clean up.');
  const { cleanupCluster } = await import('./pipeline/cleanup.js');
  await cleanupCluster(saved, log);
}
