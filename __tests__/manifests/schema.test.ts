import type { V1Deployment } from '@kubernetes/client-node';
import { defaultConfig } from '../../src/config/index.js';
import { applyCoverage } from '../../src/deploy/coverage.js';
import { loadManifestSet, type KubeObject, type ManifestDocument } from './manifest-set.js';
import { schemaErrors, undeclaredFields } from './validators.js';

const { deployments: COVERAGE_DEPLOYMENTS, podDir } = defaultConfig().coverage;

/** The manifests in the shape a coverage run applies them, through the deploy stage's own wiring. */
function applyCoverageWiring(object: KubeObject): KubeObject {
  if (object.kind !== 'Deployment' || !COVERAGE_DEPLOYMENTS.includes(object.metadata.name)) return object;
  const wired = structuredClone(object);
  applyCoverage(wired, podDir);
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

  it('leaves every instrumented container running as root, whatever the manifests set', () => {
    const notRoot = wiredPods.flatMap(({ name, pod }) =>
      pod.containers.flatMap((container) => {
        const runAsUser = container.securityContext?.runAsUser ?? pod.securityContext?.runAsUser;
        const runAsNonRoot = container.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
        return runAsUser === 0 && runAsNonRoot !== true ? [] : [`${name}/${container.name}: runAsUser ${runAsUser}, runAsNonRoot ${runAsNonRoot}`];
      }),
    );
    expect(notRoot).toEqual([]);
  });
});

function duplicates(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}
