/**
 * The lifecycle of one kind cluster: create it (replacing a stale one, retrying the failures kind
 * and Podman are known to recover from), load image archives, export logs, delete it.
 *
 * Every kind call goes through `Kind.kind`, which sets KIND_EXPERIMENTAL_PROVIDER so kind always
 * uses the engine this run uses, whatever the caller's environment says.
 */
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatDuration } from '../util/duration.js';
import { registerSecret, type Log } from '../util/log.js';
import { run, type RunResult } from '../util/process.js';
import { classifyKindFailure, type Classification } from './failures.js';
import { engineInspectNode, type InspectNode, type KindProvider, type NodeState } from './node-state.js';
import { writeNamedFile } from '../util/file-write.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the second attempt; it doubles for each further one, up to maxDelayMs. */
  initialDelayMs: number;
  maxDelayMs: number;
}

export interface KindTimeouts {
  createMs: number;
  deleteMs: number;
  loadMs: number;
  exportLogsMs: number;
  /** `get clusters`, `get nodes`, `get kubeconfig`, node inspection. */
  queryMs: number;
}

export const DEFAULT_CREATE_RETRY: RetryPolicy = { attempts: 4, initialDelayMs: 5_000, maxDelayMs: 60_000 };
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, initialDelayMs: 2_000, maxDelayMs: 30_000 };
export const DEFAULT_KIND_TIMEOUTS: KindTimeouts = {
  createMs: 10 * 60_000,
  deleteMs: 3 * 60_000,
  loadMs: 15 * 60_000,
  exportLogsMs: 5 * 60_000,
  queryMs: 60_000,
};

export interface KindOptions {
  clusterName: string;
  /** The container engine kind runs the nodes with. */
  provider: KindProvider;
  /** Holds the rendered config and the cluster's own kubeconfig file. */
  workDir: string;
  log: Log;
  /** The kind binary; default `kind` from PATH. */
  kindPath?: string;
  /** Extra environment for every kind call (merged over the process environment). */
  env?: Record<string, string | undefined>;
  /** How a node container's state is found; default: `<provider> inspect`. */
  inspectNode?: InspectNode;
  createRetry?: Partial<RetryPolicy>;
  /** For delete and image loading. */
  retry?: Partial<RetryPolicy>;
  timeouts?: Partial<KindTimeouts>;
  signal?: AbortSignal;
}

export interface ReadyCheck {
  name: string;
  kubeconfigPath: string;
  signal?: AbortSignal;
}

export interface CreateClusterOptions {
  /** The kind Cluster config, as YAML (see renderKindConfig). */
  config: string;
  /** Keep a healthy cluster of the same name instead of recreating it. */
  reuse?: boolean;
  /**
   * Resolves once the cluster can take workloads (nodes Ready, default ServiceAccount present),
   * checked through the Kubernetes API. kind itself is told not to wait.
   */
  waitReady?: (cluster: ReadyCheck) => Promise<void>;
}

export interface CreatedCluster {
  name: string;
  kubeconfigPath: string;
  reused: boolean;
  /** `kind create cluster` calls made; 0 when reused. */
  attempts: number;
}

/** A kind command that failed for good; the message carries the end of kind's output. */
export class KindError extends Error {
  constructor(
    message: string,
    readonly command: string,
    readonly classification: Classification | undefined,
    readonly tail: string[],
  ) {
    super(message);
    this.name = 'KindError';
  }
}

type ExistingCluster = { state: 'absent' } | { state: 'healthy' } | { state: 'stale'; detail: string };

interface AttemptOptions {
  timeoutMs: number;
  policy: RetryPolicy;
  /** Shows each attempt's output in its own log group. */
  group?: boolean;
  /** Retry failures the classification does not know (safe for idempotent commands). */
  retryUnknown?: boolean;
  /** Runs between a failed attempt and the next one. */
  beforeRetry?: () => Promise<void>;
  /** Asked after a failure: when true, the failure did not matter. */
  doneAnyway?: () => Promise<boolean>;
}

const VALID_NAME = /^[a-z0-9][a-z0-9.-]*$/;

export class Kind {
  readonly clusterName: string;
  /** The container engine running the nodes. */
  readonly provider: KindProvider;
  /** The cluster's own kubeconfig file, written by create; point KUBECONFIG at it. */
  readonly kubeconfigPath: string;
  private readonly configPath: string;
  private readonly kindPath: string;
  private readonly inspectNode: InspectNode;
  private readonly createRetry: RetryPolicy;
  private readonly retry: RetryPolicy;
  private readonly timeouts: KindTimeouts;

  constructor(private readonly options: KindOptions) {
    if (!VALID_NAME.test(options.clusterName)) {
      throw new Error(
        `cluster name "${options.clusterName}" is not valid for kind: use lowercase letters, digits, '.' and '-'`,
      );
    }
    this.clusterName = options.clusterName;
    this.provider = options.provider;
    this.kubeconfigPath = path.join(options.workDir, 'kubeconfig');
    this.configPath = path.join(options.workDir, 'kind-config.yaml');
    this.kindPath = options.kindPath ?? 'kind';
    this.timeouts = { ...DEFAULT_KIND_TIMEOUTS, ...options.timeouts };
    this.createRetry = { ...DEFAULT_CREATE_RETRY, ...options.createRetry };
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.inspectNode =
      options.inspectNode ??
      engineInspectNode(options.provider, {
        log: options.log,
        env: options.env,
        timeoutMs: this.timeouts.queryMs,
        signal: options.signal,
      });
  }

  /**
   * Creates the cluster. An existing cluster of the same name is deleted first when one of its
   * node containers is not running (left by a crashed run), and also when it is healthy but
   * `reuse` is off. When creation fails for good, the nodes kind made are kept so their logs can
   * be exported (exportLogs); deleteCluster removes them.
   */
  async createCluster(spec: CreateClusterOptions): Promise<CreatedCluster> {
    const { log } = this.options;
    await mkdir(this.options.workDir, { recursive: true });
    await writeNamedFile(this.configPath, spec.config);

    const existing = await this.existingCluster();
    if (existing.state === 'absent') log.info(`No cluster named ${this.clusterName} exists: creating it`);
    if (existing.state === 'healthy' && spec.reuse) {
      log.info(`Reusing the running cluster ${this.clusterName} (reuse is on; the config is not re-applied)`);
      await this.exportKubeconfig();
      await this.waitReady(spec);
      return { name: this.clusterName, kubeconfigPath: this.kubeconfigPath, reused: true, attempts: 0 };
    }
    if (existing.state === 'healthy') {
      log.info(`A healthy cluster named ${this.clusterName} exists but reuse is off: deleting it to start fresh`);
      await this.deleteNodes();
    } else if (existing.state === 'stale') {
      log.warning(
        `Cluster ${this.clusterName} is stale (${existing.detail}), likely left by a crashed run: deleting it`,
      );
      await this.deleteNodes();
    }

    // kind merges into an existing kubeconfig file; this one must describe this cluster only.
    await rm(this.kubeconfigPath, { force: true });
    const create = ['create', 'cluster', '--name', this.clusterName, '--config', this.configPath];
    // Readiness is checked through the Kubernetes API afterwards (waitReady), not by kind;
    // --retain keeps a failed attempt's nodes as evidence (retries delete them first).
    const flags = ['--kubeconfig', this.kubeconfigPath, '--wait', '0s', '--retain'];
    const { attempts } = await this.attempt([...create, ...flags], {
      timeoutMs: this.timeouts.createMs,
      policy: this.createRetry,
      group: true,
      beforeRetry: () => this.deleteNodes(),
    });
    await this.protectKubeconfig();
    await this.waitReady(spec);
    return { name: this.clusterName, kubeconfigPath: this.kubeconfigPath, reused: false, attempts };
  }

  /**
   * Before a suite that creates or reuses a cluster of this name itself: a stale one (a node
   * container not running, left by a crashed run) would be reused and fail; it is deleted.
   */
  async removeStale(): Promise<'absent' | 'healthy' | 'removed'> {
    const existing = await this.existingCluster();
    if (existing.state !== 'stale') return existing.state;
    this.options.log.warning(`Cluster ${this.clusterName} is stale (${existing.detail}), likely left by a crashed run: deleting it before the suite reuses it`);
    await this.deleteNodes();
    return 'removed';
  }

  /** Deletes the cluster; a cluster that is already gone counts as deleted. */
  async deleteCluster(): Promise<void> {
    if (!(await this.clusterExists())) {
      this.options.log.info(`Cluster ${this.clusterName} is already gone`);
      return;
    }
    await this.deleteNodes();
  }

  async clusterExists(): Promise<boolean> {
    const result = await this.query(['get', 'clusters']);
    return lines(result.stdout).includes(this.clusterName);
  }

  /** Writes kind's diagnostics (node journals, kubelet and containerd logs, versions) under `dir`. */
  async exportLogs(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    await this.attempt(['export', 'logs', dir, '--name', this.clusterName], {
      timeoutMs: this.timeouts.exportLogsMs,
      policy: this.retry,
    });
  }

  /** Loads the images of a `docker save`/`podman save` archive into every node. */
  async loadImageArchive(archive: string): Promise<void> {
    await this.attempt(['load', 'image-archive', archive, '--name', this.clusterName], {
      timeoutMs: this.timeouts.loadMs,
      policy: this.retry,
    });
  }

  private async deleteNodes(): Promise<void> {
    await this.attempt(['delete', 'cluster', '--name', this.clusterName, '--kubeconfig', this.kubeconfigPath], {
      timeoutMs: this.timeouts.deleteMs,
      policy: this.retry,
      retryUnknown: true,
      doneAnyway: async () => !(await this.clusterExists()),
    });
  }

  /** The node containers of the cluster (the control plane's conventional name when kind lists none). */
  async nodeNames(): Promise<string[]> {
    const listed = lines((await this.query(['get', 'nodes', '--name', this.clusterName])).stdout);
    return listed.length > 0 ? listed : [`${this.clusterName}-control-plane`];
  }

  private async existingCluster(): Promise<ExistingCluster> {
    if (!(await this.clusterExists())) return { state: 'absent' };
    const nodes = await this.nodeNames();
    const states = await Promise.all(
      nodes.map(async (node): Promise<[string, NodeState]> => [node, await this.inspectNode(node)]),
    );
    const down = states.filter(([, state]) => state !== 'running');
    if (down.length === 0) return { state: 'healthy' };
    return { state: 'stale', detail: down.map(([node, state]) => `node ${node} is ${state}`).join(', ') };
  }

  /** Writes the kubeconfig of an existing cluster to this cluster's own file. */
  private async exportKubeconfig(): Promise<void> {
    const result = await this.query(['get', 'kubeconfig', '--name', this.clusterName]);
    await writeNamedFile(this.kubeconfigPath, result.stdout, { mode: 0o600 });
    await this.protectKubeconfig();
  }

  /** The kubeconfig holds the cluster's admin credentials: owner-only, and never printed. */
  private async protectKubeconfig(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.kubeconfigPath, 'utf8');
    } catch {
      throw new KindError(
        `kind reported success but wrote no kubeconfig to ${this.kubeconfigPath}`,
        `${this.kindPath} create cluster`,
        undefined,
        [],
      );
    }
    await chmod(this.kubeconfigPath, 0o600);
    for (const match of text.matchAll(/^\s*(?:client-key-data|token|password):\s*(\S+)\s*$/gm)) {
      registerSecret(match[1]);
    }
  }

  private async waitReady(spec: CreateClusterOptions): Promise<void> {
    const { clusterName: name, kubeconfigPath } = this;
    await spec.waitReady?.({ name, kubeconfigPath, signal: this.options.signal });
  }

  /** A read-only kind call that must succeed. */
  private async query(args: string[]): Promise<RunResult> {
    const result = await this.kind(args, { timeoutMs: this.timeouts.queryMs, quiet: true });
    if (!succeeded(result)) throw this.failure(args, result, classifyKindFailure(failureOf(result)));
    return result;
  }

  /** Runs a kind command, retrying the failures that are worth it. */
  private async attempt(args: string[], options: AttemptOptions): Promise<{ attempts: number }> {
    const { log } = this.options;
    const { policy } = options;
    for (let attempt = 1; ; attempt++) {
      const counter = policy.attempts > 1 ? ` (attempt ${attempt}/${policy.attempts})` : '';
      const title = `kind ${args.slice(0, 2).join(' ')}${counter}`;
      const result = await this.kind(args, { timeoutMs: options.timeoutMs, group: options.group ? title : undefined });
      if (succeeded(result)) return { attempts: attempt };
      if (result.cancelled) throw this.failure(args, result, undefined);
      if (options.doneAnyway && (await options.doneAnyway())) return { attempts: attempt };

      const classification = classifyKindFailure(failureOf(result));
      const retryable =
        classification.class === 'transient' || (options.retryUnknown === true && classification.class === 'unknown');
      if (!retryable || attempt >= policy.attempts) throw this.failure(args, result, classification, attempt);

      const wait = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
      log.warning(`${title} failed: ${classification.reason}; retrying in ${formatDuration(wait)}`);
      await options.beforeRetry?.();
      await sleep(wait, undefined, { signal: this.options.signal });
    }
  }

  private kind(args: string[], options: { timeoutMs: number; quiet?: boolean; group?: string }): Promise<RunResult> {
    return run(this.kindPath, args, {
      env: { ...this.options.env, KIND_EXPERIMENTAL_PROVIDER: this.options.provider },
      log: this.options.log,
      quiet: options.quiet,
      group: options.group,
      timeoutMs: options.timeoutMs,
      signal: this.options.signal,
      installHint: 'install kind (the action installs its pinned release) or add its directory to PATH',
    });
  }

  private failure(
    args: string[],
    result: RunResult,
    classification: Classification | undefined,
    attempts = 1,
  ): KindError {
    const command = `kind ${args.slice(0, 2).join(' ')}`;
    let summary = `${command} was cancelled`;
    if (classification !== undefined) {
      const after = attempts > 1 ? ` after ${attempts} attempts` : '';
      const how = result.timedOut ? 'timed out' : `exit code ${result.exitCode}`;
      summary = `${command} failed${after} (${how}, ${classification.class}): ${classification.reason}`;
      if (classification.hint) summary += `; ${classification.hint}`;
    }
    const output = result.tail.length === 0 ? '  (nothing)' : result.tail.map((line) => `  ${line}`).join('\n');
    const message = `${summary}\nkind's output (last lines):\n${output}`;
    return new KindError(message, result.command, classification, result.tail);
  }
}

function succeeded(result: RunResult): boolean {
  return result.exitCode === 0 && !result.timedOut && !result.cancelled;
}

function failureOf(result: RunResult) {
  return { output: `${result.stdout}\n${result.stderr}`, exitCode: result.exitCode, timedOut: result.timedOut };
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
