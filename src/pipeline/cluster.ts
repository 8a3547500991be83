// The Kind cluster: install the pinned kind, render its config, create it (stale clusters
// recreated, transient failures retried) and wait until it can take workloads. For a suite that
// creates or reuses its cluster itself, the cluster is made ahead from the suite's own kind
// config (the suite then reuses it), or only a stale one is cleared out of its way.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Config } from '../config/index.js';
import { renderKindConfig, repositoryKindConfig, type RenderedKindConfig } from '../cluster/config.js';
import { clearCoverageHostDir } from '../collect/coverage.js';
import { installKind } from '../cluster/install.js';
import { Kind } from '../cluster/kind.js';
import { claimCluster, RUN_ID } from '../cluster/ownership.js';
import type { Host } from '../host/host.js';
import { connectKube } from '../kube/client.js';
import type { Plan } from '../plan/plan.js';
import { formatDuration } from '../util/duration.js';
import { waitClusterReady } from '../kube/cluster-ready.js';
import type { Task } from '../scheduler/task.js';
import type { ClusterRecord } from './cluster-record.js';
import { CLUSTER_STATE_KEY } from './state-keys.js';
import type { PipelineState } from './state.js';

export const CLUSTER_TASK_ID = 'cluster';

const API_CALL_TIMEOUT_MS = 30_000;
const CLUSTER_READY_TIMEOUT_MS = 5 * 60_000;

export interface ClusterTaskOptions {
  config: Config;
  plan: Plan;
  host: Host;
  state: PipelineState;
  provider: 'docker' | 'podman';
  /** Host folder mounted at /coverdata on the nodes; absent when coverage is off. */
  coverageDir?: string;
  /** Tasks to finish first (the images, for the build-first order). */
  needs: string[];
}

export function clusterTask(options: ClusterTaskOptions): Task {
  const { config, host, state } = options;
  const { cluster } = config;
  return {
    id: CLUSTER_TASK_ID,
    title: `Create Kind cluster ${cluster.name}`,
    phase: 'cluster',
    needs: options.needs,
    run: async (ctx) => {
      const installed = await installKind({ version: cluster.kindVersion, log: ctx.log, signal: ctx.signal, addPath: host.addPath, toolCache: host.github.toolCache });
      const workDir = join(host.workDir, 'kind');
      const kind = new Kind({
        clusterName: cluster.name,
        provider: options.provider,
        workDir,
        log: ctx.log,
        kindPath: installed.path,
        signal: ctx.signal,
      });
      state.kind = kind;
      // The suite calls `kind` itself: the one installed here comes first on its PATH.
      state.toolDirs.push(dirname(installed.path));
      await claimCluster(options.provider, cluster.name, await kind.clusterExists());
      // Recorded before creating, so that the post step also removes a half-made cluster (or the
      // one the suite made under this name).
      const record: ClusterRecord = { name: cluster.name, provider: options.provider, kindPath: installed.path, workDir, keep: cluster.keep, runId: RUN_ID };
      host.saveState(CLUSTER_STATE_KEY, JSON.stringify(record));

      const { createAhead } = options.plan.cluster;
      if (!createAhead.create) {
        const found = await kind.removeStale();
        ctx.span.note(`not created ahead: ${createAhead.reason}`);
        if (found === 'healthy') ctx.log.warning(`A running cluster named ${cluster.name} exists: the suite will reuse it as it is`, { title: 'Kind cluster' });
        return { name: cluster.name, createdAhead: false };
      }
      if (options.coverageDir) {
        // Counters of an earlier run in a reused folder would be counted as this run's.
        await clearCoverageHostDir(options.coverageDir);
        await mkdir(options.coverageDir, { recursive: true });
      }
      const startedAt = Date.now();
      const rendered = await kindConfigOf(config, options.plan, host.repoRoot, options.coverageDir);
      for (const warning of rendered.warnings) ctx.log.warning(warning, { title: 'Kind config' });

      const created = await kind.createCluster({
        config: rendered.yaml,
        reuse: cluster.reuse,
        waitReady: ({ kubeconfigPath, signal }) =>
          waitClusterReady(connectKube(kubeconfigPath, { callTimeoutMs: API_CALL_TIMEOUT_MS, signal }), {
            timeoutMs: CLUSTER_READY_TIMEOUT_MS,
          }),
      });
      // A suite that sets up its stack writes its own kubeconfig when it reuses the cluster.
      if (options.plan.setup === 'action') state.kubeconfig = created.kubeconfigPath;
      else ctx.span.note(`made ahead, beside the images: the suite reuses it, and its setup no longer waits for ${formatDuration(Date.now() - startedAt)} of cluster creation`);
      ctx.span.set('reused', created.reused);
      ctx.span.set('attempts', created.attempts);
      return created;
    },
  };
}

/**
 * The cluster's kind config: for a deployed stack, ours with the repository's merged in; for a
 * suite that sets up its own, the suite's config as it is. The dry run renders it too, so a
 * conflict (a node image pinned twice, a host port mapped twice) fails before any work.
 */
export async function kindConfigOf(config: Config, plan: Plan, repoRoot: string, coverageDir?: string): Promise<RenderedKindConfig> {
  const { cluster } = config;
  const userConfig = cluster.kindConfig
    ? {
        text: await readFile(join(repoRoot, cluster.kindConfig), 'utf8').catch((error: NodeJS.ErrnoException) => {
          throw new Error(`cluster.kindConfig ${cluster.kindConfig} cannot be read (${error.code ?? error.message}): fix the path, or leave it empty`);
        }),
        source: cluster.kindConfig,
      }
    : undefined;
  if (plan.setup === 'suite' && userConfig) return repositoryKindConfig({ userConfig, repoRoot });
  return renderKindConfig({
    nodeImage: cluster.nodeImage,
    portMappings: cluster.portMappings.map((mapping) => ({ ...mapping })),
    coverageDir,
    userConfig,
  });
}
