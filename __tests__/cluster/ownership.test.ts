// Two runs on one machine with one cluster name, and the post step's care with its saved state.
// kind is the stand-in (no Kubernetes here); the ownership files and processes are real.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimCluster, ClusterOwnershipError, ownedBy, releaseCluster, RUN_ID } from '../../src/cluster/ownership.js';
import { cleanupCluster } from '../../src/pipeline/cleanup.js';
import type { ClusterRecord } from '../../src/pipeline/cluster-record.js';
import { consoleLog } from '../../src/util/log.js';
import { KIND_DOUBLE_PATH, KindDouble } from '../doubles/kind/index.js';

let double: KindDouble;
const workDir = mkdtempSync(join(tmpdir(), 'ownership-'));
let cluster: string;
let seq = 0;

function recordingLog() {
  let text = '';
  return { log: consoleLog({ write: (chunk: string) => (text += chunk) }), text: () => text };
}

/** The pid of a process that has ended (a crashed run). */
function endedPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

const record = (runId: string, overrides: Partial<ClusterRecord> = {}): string =>
  JSON.stringify({ name: cluster, provider: 'docker', kindPath: KIND_DOUBLE_PATH, workDir, keep: false, runId, ...overrides });

beforeAll(async () => {
  double = await KindDouble.create();
  Object.assign(process.env, double.env());
});

beforeEach(() => {
  seq += 1;
  cluster = `own-${process.pid}-${seq}`;
});

afterEach(() => releaseCluster('docker', cluster));
afterAll(() => double.cleanup());

describe('a cluster name two runs share', () => {
  it("is refused to the second run while the first is running, and the first run's cluster stays", async () => {
    await claimCluster('docker', cluster, false, { runId: 'first-run', pid: process.pid });
    await double.seedCluster(cluster, 'docker');

    const refused = await claimCluster('docker', cluster, true).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(ClusterOwnershipError);
    expect((refused as Error).message).toContain(`a kind cluster named ${cluster} (docker) belongs to another run that is still going`);
    expect(await ownedBy('docker', cluster, 'first-run')).toBe(true);
    expect(await double.cluster(cluster)).toBeDefined();
  });

  it('is taken over from a run that has ended', async () => {
    await claimCluster('docker', cluster, false, { runId: 'crashed-run', pid: endedPid() });
    await claimCluster('docker', cluster, true);
    expect(await ownedBy('docker', cluster, RUN_ID)).toBe(true);
  });

  it('is refused when a cluster of that name exists that no run created', async () => {
    await double.seedCluster(cluster, 'docker');
    await expect(claimCluster('docker', cluster, true)).rejects.toThrow(`kind delete cluster --name ${cluster}`);
  });
});

describe('the post step', () => {
  it('deletes the cluster its run owns, and forgets the owner', async () => {
    await claimCluster('docker', cluster, false);
    await double.seedCluster(cluster, 'docker');
    await cleanupCluster(record(RUN_ID), recordingLog().log);
    expect(await double.cluster(cluster)).toBeUndefined();
    expect(await ownedBy('docker', cluster, RUN_ID)).toBe(false);
  });

  it('leaves alone a cluster another run took over since', async () => {
    await claimCluster('docker', cluster, false, { runId: 'second-run', pid: process.pid });
    await double.seedCluster(cluster, 'docker');
    const { log, text } = recordingLog();
    await cleanupCluster(record('first-run'), log);
    expect(await double.cluster(cluster)).toBeDefined();
    expect(text()).toContain(`cluster ${cluster} is not this run's`);
  });

  it('runs no kind binary the state names that the action did not install or find on PATH', async () => {
    await claimCluster('docker', cluster, false);
    await double.seedCluster(cluster, 'docker');
    const planted = join(workDir, 'kind');
    const witness = join(workDir, 'planted-ran');
    writeFileSync(planted, `#!/bin/sh\ntouch ${witness}\n`, { mode: 0o755 });
    const { log, text } = recordingLog();
    await cleanupCluster(record(RUN_ID, { kindPath: planted }), log);
    expect(existsSync(witness)).toBe(false);
    expect(await double.cluster(cluster)).toBeDefined();
    expect(text()).toContain(`the saved kind path ${planted} is neither the kind on PATH nor one the action installed`);
  });

  it.each([
    ['not JSON', '{"name":', 'it is not JSON'],
    ['a bad name', JSON.stringify({ name: 'x; rm -rf /', provider: 'docker' }), 'name is not a kind cluster name'],
    ['a bad provider', JSON.stringify({ name: 'e2e', provider: 'lxc' }), "provider is neither 'docker' nor 'podman'"],
    ['no run id', JSON.stringify({ name: 'e2e', provider: 'docker', kindPath: KIND_DOUBLE_PATH, workDir, keep: false }), 'runId is missing'],
  ])('reports a saved state with %s and deletes nothing', async (_what, saved, reason) => {
    const { log, text } = recordingLog();
    await expect(cleanupCluster(saved, log)).resolves.toBeUndefined();
    expect(text()).toContain(`the saved cluster state is not valid (${reason}); no cluster is deleted`);
    expect(await double.commands()).not.toContain('delete cluster');
  });
});
