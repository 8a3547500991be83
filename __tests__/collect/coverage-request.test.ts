import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { COVERAGE_CONTAINER_PATH, renderKindConfig } from '../../src/cluster/config.js';
import { clearCoverageHostDir, coverageRequestFrom } from '../../src/collect/coverage.js';
import { defaultConfig } from '../../src/config/index.js';
import type { KubeClients } from '../../src/kube/client.js';
import { recordingLog } from './fixtures-collect/recording-log.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coverage-request-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('the configuration decides the Deployments, the folders and the build path', () => {
  const config = defaultConfig();
  const repoRoot = join(dir, 'repo');
  const request = coverageRequestFrom(config, {
    kube: {} as KubeClients, repoRoot, workDir: join(dir, 'work'), nodes: ['aianalysis-e2e-control-plane'], engine: 'podman',
    log: recordingLog().log,
  });
  expect(request).toMatchObject({
    namespace: 'kubernaut-system',
    deployments: ['datastorage', 'aianalysis-controller'],
    podDir: '/coverdata',
    hostDir: join(dir, 'work', 'coverdata'),
    buildPath: '/opt/app-root/src',
    outDir: join(dir, 'work', 'coverage'),
    nodes: ['aianalysis-e2e-control-plane'],
    engine: 'podman',
  });
  // The folder read is the one the kind config mounts, at the path the pods write to.
  const kindConfig = parse(renderKindConfig({ nodeImage: 'kindest/node:v1.34.0', coverageDir: join(dir, 'work', config.cluster.coverageHostDir) }).yaml);
  expect(kindConfig.nodes[0].extraMounts).toEqual([{ hostPath: request.hostDir, containerPath: request.podDir }]);
  expect(COVERAGE_CONTAINER_PATH).toBe(request.podDir);
});

test('clearing the host folder removes earlier coverage files and keeps the folder and anything else', async () => {
  const host = join(dir, 'coverdata');
  await mkdir(host);
  for (const name of ['covmeta.0a1b', 'covcounters.0a1b.42.1700000000', 'README']) await writeFile(join(host, name), 'x');
  await clearCoverageHostDir(host);
  expect(await readdir(host)).toEqual(['README']);
  await expect(clearCoverageHostDir(join(dir, 'not-created-yet'))).resolves.toBeUndefined();
});
