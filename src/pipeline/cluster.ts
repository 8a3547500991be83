// The Kind cluster: install the pinned kind, render its config, create it (stale clusters
// recreated, transient failures retried) and wait until it can take workloads.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/index.js';
import { renderKindConfig } from '../cluster/config.js';
import { clearCoverageHostDir } from '../collect/coverage.js';
import { installKind } from '../cluster/install.js';
import { Kind } from '../cluster/kind.js';
import { claimCluster, RUN_ID } from '../cluster/ownership.js';
import type { Host } from '../host/host.js';
import { connectKube } from '../kube/client.js';
import { waitClusterReady } from '../kube/cluster-ready.js';
import type { Task } from '../run/task.js';
import type { ClusterRecord } from './cluster-record.js';
import { CLUSTER_STATE_KEY } from './state-keys.js';
import type { PipelineState } from './state.js';

export const CLUSTER_TASK_ID = 'cluster';

const API_CALL_TIMEOUT_MS = 30_000;
const CLUSTER_READY_TIMEOUT_MS = 5 * 60_000;

export interface ClusterTaskOptions {
  config: Config;
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
      const installed = await installKind({ version: cluster.kindVersion, log: ctx.log, signal: ctx.signal, addPath: host.addPath });
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
      await claimCluster(options.provider, cluster.name, await kind.clusterExists());
      // Recorded before creating, so that the post step also removes a half-made cluster.
      const record: ClusterRecord = { name: cluster.name, provider: options.provider, kindPath: installed.path, workDir, keep: cluster.keep, runId: RUN_ID };
      host.saveState(CLUSTER_STATE_KEY, JSON.stringify(record));

      if (options.coverageDir) {
        // Counters of an earlier run in a reused folder would be counted as this run's.
        await clearCoverageHostDir(options.coverageDir);
        await mkdir(options.coverageDir, { recursive: true });
      }
      const userConfig = cluster.kindConfig
        ? { text: await readFile(join(host.repoRoot, cluster.kindConfig), 'utf8'), source: cluster.kindConfig }
        : undefined;
      const rendered = renderKindConfig({
        nodeImage: cluster.nodeImage,
        portMappings: cluster.portMappings.map((mapping) => ({ ...mapping })),
        coverageDir: options.coverageDir,
        userConfig,
      });
      for (const warning of rendered.warnings) ctx.log.warning(warning, { title: 'Kind config' });

      const created = await kind.createCluster({
        config: rendered.yaml,
        reuse: cluster.reuse,
        waitReady: ({ kubeconfigPath, signal }) =>
          waitClusterReady(connectKube(kubeconfigPath, { callTimeoutMs: API_CALL_TIMEOUT_MS, signal }), {
            timeoutMs: CLUSTER_READY_TIMEOUT_MS,
          }),
      });
      state.kubeconfig = created.kubeconfigPath;
      ctx.span.set('reused', created.reused);
      ctx.span.set('attempts', created.attempts);
      return created;
    },
  };
}
