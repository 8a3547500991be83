import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectKube } from '../../src/kube/client.js';
import { waitClusterReady } from '../../src/kube/cluster-ready.js';
import { startKubeApi } from '../doubles/kube-api/index.js';

describe('waiting for a new cluster', () => {
  it('returns once the node is Ready and the default ServiceAccount exists', async () => {
    const api = await startKubeApi();
    try {
      const kube = connectKube(api.kubeconfigPath(mkdtempSync(join(tmpdir(), 'ready-'))), { callTimeoutMs: 5000 });
      await expect(waitClusterReady(kube, { timeoutMs: 10_000, pollIntervalMs: 20 })).resolves.toBeUndefined();
      expect(api.requests.some((request) => request.path.endsWith('/namespaces/default/serviceaccounts/default'))).toBe(true);
    } finally {
      await api.close();
    }
  });

  it('says what was missing when the API server never answers', async () => {
    const api = await startKubeApi();
    const kubeconfig = api.kubeconfigPath(mkdtempSync(join(tmpdir(), 'ready-')));
    await api.close();
    const kube = connectKube(kubeconfig, { callTimeoutMs: 500 });
    await expect(waitClusterReady(kube, { timeoutMs: 300, pollIntervalMs: 50 })).rejects.toThrow(
      /not ready within 0 s: the API server did not answer/,
    );
  });
});
