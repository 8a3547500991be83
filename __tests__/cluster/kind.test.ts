import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { Kind, KindError, type KindOptions } from '../../src/cluster/kind.js';
import { consoleLog } from '../../src/util/log.js';
import { KindDouble, type ScriptRule } from '../doubles/kind/index.js';

const CLUSTER = 'aianalysis-e2e';
const API_SERVER = 'https://127.0.0.1:46443';
const CONFIG = `kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
  - role: control-plane
    extraPortMappings:
      - containerPort: 30084
        hostPort: 8084
        listenAddress: 127.0.0.1
`;

let double: KindDouble;
let workDir: string;
let logText: string;

beforeEach(async () => {
  double = await KindDouble.create({ apiServer: API_SERVER });
  workDir = await mkdtemp(path.join(os.tmpdir(), 'kind-work-'));
  logText = '';
});

afterEach(async () => {
  await double.cleanup();
  await rm(workDir, { recursive: true, force: true });
});

function kind(overrides: Partial<KindOptions> = {}): Kind {
  return new Kind({
    clusterName: CLUSTER,
    provider: 'podman',
    workDir,
    log: consoleLog({ write: (text: string) => (logText += text) }),
    env: double.env(),
    inspectNode: double.inspectNode,
    createRetry: { attempts: 3, initialDelayMs: 0 },
    retry: { attempts: 3, initialDelayMs: 0 },
    ...overrides,
  });
}

async function script(...rules: ScriptRule[]): Promise<void> {
  await double.script(rules);
}

describe('createCluster', () => {
  it('creates the cluster on a clean machine with its own kubeconfig and waits through the hook', async () => {
    const ready: string[] = [];
    const created = await kind().createCluster({
      config: CONFIG,
      waitReady: async ({ kubeconfigPath }) => {
        ready.push(kubeconfigPath);
      },
    });

    expect(created).toEqual({
      name: CLUSTER,
      kubeconfigPath: path.join(workDir, 'kubeconfig'),
      reused: false,
      attempts: 1,
    });
    expect(await double.commands()).toEqual(['get clusters', 'create cluster']);
    const create = (await double.calls())[1].argv;
    expect(create).toEqual([
      'create', 'cluster', '--name', CLUSTER,
      '--config', path.join(workDir, 'kind-config.yaml'),
      '--kubeconfig', created.kubeconfigPath,
      '--wait', '0s',
      '--retain',
    ]);
    expect(await readFile(path.join(workDir, 'kind-config.yaml'), 'utf8')).toBe(CONFIG);
    // the stand-in read the config: its port mapping is on the node it made
    expect((await double.cluster(CLUSTER))?.nodes.map((node) => node.name)).toEqual([`${CLUSTER}-control-plane`]);

    const kubeconfig = parse(await readFile(created.kubeconfigPath, 'utf8'));
    expect(kubeconfig.clusters[0].cluster.server).toBe(API_SERVER);
    expect(kubeconfig['current-context']).toBe(`kind-${CLUSTER}`);
    expect((await stat(created.kubeconfigPath)).mode & 0o777).toBe(0o600);
    expect(ready).toEqual([created.kubeconfigPath]);
  });

  it('replaces a leftover kubeconfig instead of merging into it', async () => {
    await writeFile(path.join(workDir, 'kubeconfig'), 'apiVersion: v1\nkind: Config\nclusters:\n- name: old\n  cluster: {server: https://old}\n');
    const { kubeconfigPath } = await kind().createCluster({ config: CONFIG });
    const kubeconfig = parse(await readFile(kubeconfigPath, 'utf8'));
    expect(kubeconfig.clusters.map((entry: { name: string }) => entry.name)).toEqual([`kind-${CLUSTER}`]);
  });

  it.each(['stopped', 'missing'] as const)('deletes a stale cluster whose node is %s, then creates it', async (state) => {
    await double.seedCluster(CLUSTER, 'podman');
    await double.setNodeState(CLUSTER, `${CLUSTER}-control-plane`, state);

    const created = await kind().createCluster({ config: CONFIG });

    expect(created.reused).toBe(false);
    expect(await double.commands()).toEqual(['get clusters', 'get nodes', 'delete cluster', 'create cluster']);
    expect((await double.cluster(CLUSTER))?.nodes[0].state).toBe('running');
    expect(logText).toContain(`node ${CLUSTER}-control-plane is ${state}`);
  });

  it('finds a stale worker even when the control plane runs', async () => {
    await double.seedCluster(CLUSTER, 'podman', `${CONFIG}  - role: worker\n`);
    await double.setNodeState(CLUSTER, `${CLUSTER}-worker`, 'stopped');

    await kind().createCluster({ config: CONFIG, reuse: true });

    expect(await double.commands()).toEqual(['get clusters', 'get nodes', 'delete cluster', 'create cluster']);
  });

  it('reuses a healthy cluster when asked, writing its kubeconfig', async () => {
    await double.seedCluster(CLUSTER, 'podman');
    const ready: string[] = [];

    const created = await kind().createCluster({
      config: CONFIG,
      reuse: true,
      waitReady: async ({ kubeconfigPath }) => {
        ready.push(kubeconfigPath);
      },
    });

    expect(created).toMatchObject({ reused: true, attempts: 0 });
    expect(await double.commands()).toEqual(['get clusters', 'get nodes', 'get kubeconfig']);
    const kubeconfig = parse(await readFile(created.kubeconfigPath, 'utf8'));
    expect(kubeconfig.clusters[0].cluster.server).toBe(API_SERVER);
    expect((await stat(created.kubeconfigPath)).mode & 0o777).toBe(0o600);
    expect(ready).toEqual([created.kubeconfigPath]);
  });

  it('recreates a healthy cluster when reuse is off, and says so', async () => {
    await double.seedCluster(CLUSTER, 'podman');

    const created = await kind().createCluster({ config: CONFIG });

    expect(created.reused).toBe(false);
    expect(await double.commands()).toEqual(['get clusters', 'get nodes', 'delete cluster', 'create cluster']);
    expect(logText).toMatch(/healthy cluster .* reuse is off/);
  });

  it('retries a transient failure, deleting the half-made cluster between attempts', async () => {
    await script({ command: 'create cluster', failure: 'podman-lost-container', times: 2 });

    const created = await kind().createCluster({ config: CONFIG });

    expect(created.attempts).toBe(3);
    expect(await double.commands()).toEqual([
      'get clusters',
      'create cluster',
      'delete cluster',
      'create cluster',
      'delete cluster',
      'create cluster',
    ]);
    expect((await double.cluster(CLUSTER))?.nodes[0].state).toBe('running');
    expect(logText).toContain('Podman lost track of a node container');
  });

  it.each(['node-boot-timeout', 'container-state-improper', 'control-plane-timeout', 'engine-crash'] as const)(
    'retries %s',
    async (failure) => {
      await script({ command: 'create cluster', failure, times: 1 });
      expect((await kind().createCluster({ config: CONFIG })).attempts).toBe(2);
    },
  );

  it('gives up after the last attempt of a failure that keeps coming back', async () => {
    await script({ command: 'create cluster', failure: 'node-boot-timeout' });

    const error = await kind().createCluster({ config: CONFIG }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(KindError);
    expect((error as KindError).message).toContain('after 3 attempts');
    expect((error as KindError).message).toContain('could not find a log line that matches');
    expect((await double.commands()).filter((command) => command === 'create cluster')).toHaveLength(3);
  });

  it.each([
    ['port-in-use', 'port is already allocated'],
    ['node-image-missing', 'failed to pull image'],
  ] as const)('fails at once on %s, with kind\'s output in the error', async (failure, output) => {
    await script({ command: 'create cluster', failure });

    const error = await kind({ provider: 'docker' })
      .createCluster({ config: CONFIG })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(KindError);
    expect((error as KindError).classification?.class).toBe('permanent');
    expect((error as KindError).message).toContain(output);
    expect(await double.commands()).toEqual(['get clusters', 'create cluster']);
  });

  it('keeps the nodes of a cluster that failed for good, for log export, until it is deleted', async () => {
    await script({ command: 'create cluster', failure: 'port-in-use' });
    const cluster = kind();

    await expect(cluster.createCluster({ config: CONFIG })).rejects.toThrow(KindError);
    expect((await double.cluster(CLUSTER))?.nodes.map((node) => node.state)).toEqual(['stopped']);

    const logs = path.join(workDir, 'failed-logs');
    await cluster.exportLogs(logs);
    expect((await stat(path.join(logs, `${CLUSTER}-control-plane`, 'journal.log'))).isFile()).toBe(true);
    await cluster.deleteCluster();
    expect(await double.cluster(CLUSTER)).toBeUndefined();
  });

  it('fails at once on a config kind rejects', async () => {
    const error = await kind()
      .createCluster({ config: `${CONFIG}colour: blue\n` })
      .catch((caught: unknown) => caught);

    expect((error as KindError).message).toContain('field colour not found in type v1alpha4.Cluster');
    expect((error as KindError).message).toContain('kind rejected the cluster config');
    expect(await double.commands()).toEqual(['get clusters', 'create cluster']);
  });

  it('stops a hung create at its timeout and tries again', async () => {
    await script({ command: 'create cluster', failure: 'hang', times: 1 });

    const created = await kind({ timeouts: { createMs: 1_500 } }).createCluster({ config: CONFIG });

    expect(created.attempts).toBe(2);
    expect(logText).toContain('did not finish in time');
  });
});

describe('deleteCluster', () => {
  it('counts a cluster that is already gone as deleted', async () => {
    await kind().deleteCluster();

    expect(await double.commands()).toEqual(['get clusters']);
    expect(logText).toContain('already gone');
  });

  it('deletes an existing cluster and its kubeconfig entry', async () => {
    const cluster = kind();
    const { kubeconfigPath } = await cluster.createCluster({ config: CONFIG });

    await cluster.deleteCluster();

    expect(await double.cluster(CLUSTER)).toBeUndefined();
    expect(parse(await readFile(kubeconfigPath, 'utf8')).clusters).toEqual([]);
  });

  it('retries a transient delete failure until the cluster is gone', async () => {
    await double.seedCluster(CLUSTER, 'podman');
    await script({ command: 'delete cluster', failure: 'container-state-improper', times: 2 });

    await kind().deleteCluster();

    expect(await double.commands()).toEqual([
      'get clusters',
      'delete cluster',
      'get clusters',
      'delete cluster',
      'get clusters',
      'delete cluster',
    ]);
    expect(await double.cluster(CLUSTER)).toBeUndefined();
  });
});

describe('the provider', () => {
  it('sets KIND_EXPERIMENTAL_PROVIDER on every kind call, whatever the caller environment says', async () => {
    await script({ command: 'create cluster', failure: 'engine-crash', times: 1 });
    const cluster = kind({ env: { ...double.env(), KIND_EXPERIMENTAL_PROVIDER: 'docker' } });

    await cluster.createCluster({ config: CONFIG });
    await cluster.deleteCluster();

    const calls = await double.calls();
    expect(calls.length).toBeGreaterThan(4);
    expect(new Set(calls.map((call) => call.env.KIND_EXPERIMENTAL_PROVIDER))).toEqual(new Set(['podman']));
  });

  it('tells kind to use docker when docker is the engine', async () => {
    await kind({ provider: 'docker', env: { ...double.env(), KIND_EXPERIMENTAL_PROVIDER: 'podman' } }).createCluster({
      config: CONFIG,
    });

    const calls = await double.calls();
    expect(new Set(calls.map((call) => call.env.KIND_EXPERIMENTAL_PROVIDER))).toEqual(new Set(['docker']));
    expect((await double.cluster(CLUSTER))?.provider).toBe('docker');
  });
});

describe('images and logs', () => {
  async function imageArchive(tag: string): Promise<string> {
    const dir = await mkdtemp(path.join(workDir, 'archive-'));
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify([{ Config: 'config.json', RepoTags: [tag], Layers: [] }]));
    await writeFile(path.join(dir, 'config.json'), '{}');
    const archive = path.join(workDir, `${tag.replace(/\W/g, '_')}.tar`);
    await promisify(execFile)('tar', ['-cf', archive, '-C', dir, 'manifest.json', 'config.json']);
    return archive;
  }

  it('loads an image archive into the cluster', async () => {
    const cluster = kind();
    await cluster.createCluster({ config: CONFIG });
    const archive = await imageArchive('localhost/aianalysis:e2e');

    await cluster.loadImageArchive(archive);

    expect((await double.calls()).at(-1)?.argv).toEqual(['load', 'image-archive', archive, '--name', CLUSTER]);
    expect((await double.cluster(CLUSTER))?.images).toEqual([{ archive, repoTags: ['localhost/aianalysis:e2e'] }]);
  });

  it('retries a transient load failure', async () => {
    const cluster = kind();
    await cluster.createCluster({ config: CONFIG });
    await script({ command: 'load image-archive', failure: 'container-state-improper', times: 1 });

    await cluster.loadImageArchive(await imageArchive('localhost/hapi:e2e'));

    expect((await double.commands()).filter((command) => command === 'load image-archive')).toHaveLength(2);
    expect((await double.cluster(CLUSTER))?.images).toHaveLength(1);
  });

  it('fails at once to load into a cluster that does not exist', async () => {
    const error = await kind()
      .loadImageArchive(await imageArchive('localhost/ds:e2e'))
      .catch((caught: unknown) => caught);

    expect((error as KindError).message).toContain(`no nodes found for cluster "${CLUSTER}"`);
    expect(await double.commands()).toEqual(['load image-archive']);
  });

  it('exports the node logs into a folder', async () => {
    const cluster = kind();
    await cluster.createCluster({ config: CONFIG });
    const dir = path.join(workDir, 'logs');

    await cluster.exportLogs(dir);

    expect((await stat(path.join(dir, `${CLUSTER}-control-plane`, 'kubelet.log'))).isFile()).toBe(true);
  });
});

describe('configuration errors', () => {
  it('rejects a cluster name kind would refuse', () => {
    expect(() => kind({ clusterName: 'AI_Analysis' })).toThrow(/cluster name "AI_Analysis" is not valid/);
  });
});
