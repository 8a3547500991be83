/**
 * Test-side handle on the `kind` stand-in (the executable `kind` next to this file): its
 * environment, its scripted failures, its call log and its state.
 *
 * The one seam production code has for it: node containers do not exist here, so the state of a
 * node is read from the stand-in's state directory by `inspectNode`, in place of
 * `<engine> inspect` (src/cluster/node-state.ts). Nothing else in production knows the double.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { InspectNode, NodeState } from '../../../src/cluster/node-state.js';

/** The directory holding the `kind` executable: put it first on PATH. */
export const KIND_DOUBLE_BIN_DIR = path.dirname(fileURLToPath(import.meta.url));
export const KIND_DOUBLE_PATH = path.join(KIND_DOUBLE_BIN_DIR, 'kind');

/** Failures the stand-in reproduces with kind's and the engine's real output. */
export type FailurePreset =
  | 'podman-lost-container'
  | 'container-state-improper'
  | 'node-boot-timeout'
  | 'control-plane-timeout'
  | 'engine-crash'
  | 'port-in-use'
  | 'node-image-missing'
  /** Never answers, until the caller's timeout stops it. */
  | 'hang';

export interface ScriptRule {
  command: 'create cluster' | 'delete cluster' | 'load image-archive';
  failure: FailurePreset;
  /** How many calls fail; without it every call fails. */
  times?: number;
}

export interface KindCall {
  argv: string[];
  env: { KIND_EXPERIMENTAL_PROVIDER: string | null; KUBECONFIG: string | null };
  cwd: string;
  at: string;
}

export interface DoubleNode {
  name: string;
  role: 'control-plane' | 'worker';
  state: NodeState;
}

export interface DoubleCluster {
  name: string;
  provider: 'docker' | 'podman';
  nodes: DoubleNode[];
  image: string;
  config: unknown;
  images: { archive: string; repoTags: string[] }[];
}

export interface KindDoubleOptions {
  /** Written into kubeconfigs as the API server (e.g. the Kubernetes API double's URL). */
  apiServer?: string;
  apiToken?: string;
  version?: string;
}

export class KindDouble {
  private constructor(
    readonly stateDir: string,
    private readonly options: KindDoubleOptions,
  ) {}

  static async create(options: KindDoubleOptions = {}): Promise<KindDouble> {
    const double = new KindDouble(await mkdtemp(path.join(os.tmpdir(), 'kind-double-')), options);
    await double.script([]);
    return double;
  }

  get scriptFile(): string {
    return path.join(this.stateDir, 'script.json');
  }

  /** Environment for the code under test: the stand-in first on PATH, and its settings. */
  env(): Record<string, string> {
    const env: Record<string, string> = {
      PATH: `${KIND_DOUBLE_BIN_DIR}${path.delimiter}${process.env.PATH ?? ''}`,
      KIND_DOUBLE_STATE: this.stateDir,
      KIND_DOUBLE_SCRIPT: this.scriptFile,
    };
    if (this.options.apiServer) env.KIND_DOUBLE_API_SERVER = this.options.apiServer;
    if (this.options.apiToken) env.KIND_DOUBLE_API_TOKEN = this.options.apiToken;
    if (this.options.version) env.KIND_DOUBLE_VERSION = this.options.version;
    return env;
  }

  /** Replaces the scripted failures (and forgets how often the old ones fired). */
  async script(rules: ScriptRule[]): Promise<void> {
    await writeFile(this.scriptFile, JSON.stringify({ rules }));
    await rm(path.join(this.stateDir, 'script-counters.json'), { force: true });
  }

  async calls(): Promise<KindCall[]> {
    try {
      const text = await readFile(path.join(this.stateDir, 'calls.jsonl'), 'utf8');
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as KindCall);
    } catch {
      return [];
    }
  }

  /** The calls as `create cluster`, `get clusters`, … in order. */
  async commands(): Promise<string[]> {
    return (await this.calls()).map(({ argv }) => (argv[0] === 'version' ? 'version' : argv.slice(0, 2).join(' ')));
  }

  async cluster(name: string): Promise<DoubleCluster | undefined> {
    try {
      return JSON.parse(await readFile(this.clusterFile(name), 'utf8')) as DoubleCluster;
    } catch {
      return undefined;
    }
  }

  /** Creates a cluster by running the stand-in itself, as an earlier run would have. */
  async seedCluster(name: string, provider: 'docker' | 'podman', config?: string): Promise<void> {
    const args = ['create', 'cluster', '--name', name, '--kubeconfig', path.join(this.stateDir, `seed-${name}.kubeconfig`)];
    if (config !== undefined) {
      const file = path.join(this.stateDir, `seed-${name}.yaml`);
      await writeFile(file, config);
      args.push('--config', file);
    }
    await promisify(execFile)(KIND_DOUBLE_PATH, args, {
      env: { ...process.env, ...this.env(), KIND_DOUBLE_SCRIPT: '', KIND_EXPERIMENTAL_PROVIDER: provider },
    });
    await rm(path.join(this.stateDir, 'calls.jsonl'), { force: true });
  }

  async setNodeState(clusterName: string, nodeName: string, state: NodeState): Promise<void> {
    const cluster = await this.cluster(clusterName);
    const node = cluster?.nodes.find((candidate) => candidate.name === nodeName);
    if (!cluster || !node) throw new Error(`kind double: no node ${nodeName} in cluster ${clusterName}`);
    node.state = state;
    await writeFile(this.clusterFile(clusterName), JSON.stringify(cluster, null, 2));
  }

  /** The stand-in's answer to `<engine> inspect <node>`: see the module comment. */
  readonly inspectNode: InspectNode = async (containerName) => {
    const clusterName = containerName.replace(/-(control-plane|worker)\d*$/, '');
    const node = (await this.cluster(clusterName))?.nodes.find((candidate) => candidate.name === containerName);
    return node?.state ?? 'missing';
  };

  async cleanup(): Promise<void> {
    await rm(this.stateDir, { recursive: true, force: true });
  }

  private clusterFile(name: string): string {
    return path.join(this.stateDir, 'clusters', `${name}.json`);
  }
}
