import { applyCoverage } from '../../src/deploy/coverage.js';
import { deployment } from './fixtures.js';

type Spec = { containers: Record<string, unknown>[]; volumes?: unknown[]; securityContext?: Record<string, unknown> };
const specOf = (d: ReturnType<typeof deployment>) => (d.spec as { template: { spec: Spec } }).template.spec;

test('adds GOCOVERDIR, the mount, the hostPath volume and root to every container', () => {
  const d = deployment('datastorage', 'x:1', { env: [{ name: 'CONFIG_PATH', value: '/etc/ds/config.yaml' }],
    volumeMounts: [{ name: 'config', mountPath: '/etc/ds' }] });
  specOf(d).volumes = [{ name: 'config', configMap: { name: 'datastorage-config' } }];
  applyCoverage(d, '/coverdata');
  expect(specOf(d)).toEqual({
    containers: [{
      name: 'datastorage', image: 'x:1',
      env: [{ name: 'CONFIG_PATH', value: '/etc/ds/config.yaml' }, { name: 'GOCOVERDIR', value: '/coverdata' }],
      volumeMounts: [{ name: 'config', mountPath: '/etc/ds' }, { name: 'coverdata', mountPath: '/coverdata' }],
      securityContext: { runAsUser: 0 },
    }],
    volumes: [{ name: 'config', configMap: { name: 'datastorage-config' } },
      { name: 'coverdata', hostPath: { path: '/coverdata', type: 'DirectoryOrCreate' } }],
  });
});

test('applying twice changes nothing more', () => {
  const once = deployment('ds', 'x:1');
  applyCoverage(once, '/coverdata');
  const twice = structuredClone(once);
  applyCoverage(twice, '/coverdata');
  expect(twice).toEqual(once);
});

test('a runAsNonRoot requirement is lifted for the instrumented container only', () => {
  const d = deployment('ds', 'x:1', { securityContext: { allowPrivilegeEscalation: false } });
  specOf(d).securityContext = { runAsNonRoot: true };
  applyCoverage(d, '/coverdata');
  expect(specOf(d).containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false, runAsUser: 0, runAsNonRoot: false });
  expect(specOf(d).securityContext).toEqual({ runAsNonRoot: true });
});

test('only Deployments are instrumented', () => {
  const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' },
    spec: { template: { spec: { containers: [{ name: 'j', image: 'x:1' }] } } } };
  const before = structuredClone(job);
  applyCoverage(job, '/coverdata');
  expect(job).toEqual(before);
});
