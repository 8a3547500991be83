import type { V1Deployment } from '@kubernetes/client-node';
import { loadManifestSet, type KubeObject, type ManifestDocument } from './manifest-set.js';
import { schemaErrors, undeclaredFields } from './validators.js';

const COVERAGE_DEPLOYMENTS = ['datastorage', 'aianalysis-controller'];

/**
 * The wiring the deploy stage adds to the Go services when coverage is on (DD-TEST-007):
 * GOCOVERDIR, a /coverdata mount backed by the node's /coverdata, and root so that the
 * process may write there. Kept identical to the deploy stage's so that the manifests are
 * validated in the shape a coverage run applies.
 */
function applyCoverageWiring(object: KubeObject): KubeObject {
  if (object.kind !== 'Deployment' || !COVERAGE_DEPLOYMENTS.includes(object.metadata.name)) return object;
  const wired = structuredClone(object);
  const pod = (wired as unknown as V1Deployment).spec!.template.spec!;
  pod.securityContext = { ...pod.securityContext, runAsUser: 0 };
  pod.volumes = [
    ...(pod.volumes ?? []),
    { name: 'coverdata', hostPath: { path: '/coverdata', type: 'DirectoryOrCreate' } },
  ];
  for (const container of pod.containers) {
    container.env = [...(container.env ?? []), { name: 'GOCOVERDIR', value: '/coverdata' }];
    container.volumeMounts = [...(container.volumeMounts ?? []), { name: 'coverdata', mountPath: '/coverdata' }];
  }
  return wired;
}

function violations(documents: ManifestDocument[], check: (object: KubeObject) => string[]): string[] {
  return documents.flatMap(({ source, object }) =>
    check(object).map((problem) => `${source} ${object.kind}/${object.metadata.name}: ${problem}`),
  );
}

const documents = loadManifestSet();
const wiredDocuments = documents.map(({ source, object }) => ({ source, object: applyCoverageWiring(object) }));

describe('default stack manifests against the Kubernetes API schemas', () => {
  it('validate every document', () => {
    expect(violations(documents, schemaErrors)).toEqual([]);
  });

  it('declare no field that the API types lack', () => {
    expect(violations(documents, undeclaredFields)).toEqual([]);
  });

  it('still validate with the coverage wiring applied', () => {
    expect(violations(wiredDocuments, schemaErrors)).toEqual([]);
    expect(violations(wiredDocuments, undeclaredFields)).toEqual([]);
  });
});

describe('the schema checks', () => {
  const deployment = documents.find(({ object }) => object.kind === 'Deployment')!.object;

  it('reject a value of the wrong type', () => {
    const broken = structuredClone(deployment) as unknown as V1Deployment;
    (broken.spec!.template.spec!.containers[0]!.ports![0] as { containerPort: unknown }).containerPort = '8080';
    expect(schemaErrors(broken as unknown as KubeObject)).toEqual([
      '/spec/template/spec/containers/0/ports/0/containerPort: must be integer',
    ]);
  });

  it('report a misspelt field with its path', () => {
    const broken = structuredClone(deployment) as unknown as V1Deployment;
    Object.assign(broken.spec!.template.spec!.containers[0]!, { readinesProbe: {} });
    expect(undeclaredFields(broken as unknown as KubeObject)).toEqual([
      '.spec.template.spec.containers[0].readinesProbe',
    ]);
  });

  it('refuse a kind they have no schema for', () => {
    const unknownKind = { ...deployment, apiVersion: 'kubernaut.ai/v1alpha1', kind: 'AIAnalysis' };
    expect(schemaErrors(unknownKind)).toEqual([
      expect.stringContaining('no schema for kubernaut.ai/v1alpha1/AIAnalysis'),
    ]);
    expect(undeclaredFields(unknownKind)).toEqual([expect.stringContaining('no generated type')]);
  });
});

describe('coverage wiring on the manifests', () => {
  const wiredPods = wiredDocuments
    .filter(({ object }) => object.kind === 'Deployment' && COVERAGE_DEPLOYMENTS.includes(object.metadata.name))
    .map(({ object }) => ({
      name: object.metadata.name,
      pod: (object as unknown as V1Deployment).spec!.template.spec!,
    }));

  it('reaches both Go services', () => {
    expect(wiredPods.map(({ name }) => name).sort()).toEqual([...COVERAGE_DEPLOYMENTS].sort());
  });

  it('collides with no volume, mount or variable the manifests already declare', () => {
    const collisions = wiredPods.flatMap(({ name, pod }) => [
      ...duplicates((pod.volumes ?? []).map((volume) => volume.name)).map((volume) => `${name}: volume ${volume}`),
      ...pod.containers.flatMap((container) => [
        ...duplicates((container.env ?? []).map((variable) => variable.name)).map(
          (variable) => `${name}/${container.name}: env ${variable}`,
        ),
        ...duplicates((container.volumeMounts ?? []).map((mount) => mount.mountPath)).map(
          (path) => `${name}/${container.name}: mount ${path}`,
        ),
      ]),
    ]);
    expect(collisions).toEqual([]);
  });

  it('is not overridden by a setting that keeps the process from running as root', () => {
    const overrides = wiredPods.flatMap(({ name, pod }) => [
      ...(pod.securityContext?.runAsNonRoot === true ? [`${name}: pod runAsNonRoot`] : []),
      ...pod.containers.flatMap((container) => {
        const { runAsUser, runAsNonRoot } = container.securityContext ?? {};
        return [
          ...(runAsUser !== undefined ? [`${name}/${container.name}: container runAsUser ${runAsUser}`] : []),
          ...(runAsNonRoot === true ? [`${name}/${container.name}: container runAsNonRoot`] : []),
        ];
      }),
    ]);
    expect(overrides).toEqual([]);
  });
});

function duplicates(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}
