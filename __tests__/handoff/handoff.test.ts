/**
 * The hand-off with the real engines and registry of the testbed: where kubernaut's suite looks
 * (`podman image exists localhost/<service>:<tag>`, or the registry), what each mode sets, and
 * that the tag follows the images.
 */
import { handOver, planHandoff } from '../../src/handoff/handoff.js';
import type { ContainerEngine } from '../../src/engine/types.js';
import { RegistryProbe } from '../../src/engine/registry.js';
import { testbedEnv, type TestbedEnv } from '../testbed/env.js';
import { capturedLog, testbedEngine, uniqueName } from '../engine/helpers.js';

const images = (prefix: string, references: string[]) =>
  references.map((reference, index) => ({ name: `svc${index}`, repository: `${prefix}-svc${index}`, reference }));

describe('planHandoff', () => {
  const base = images('kn', ['localhost/a:sha256-1', 'localhost/b:sha256-2']);

  it('one tag for every image, the same for the same images in any order, a new one when any image changes', () => {
    const plan = planHandoff('artifact-tag', base, '');
    expect(plan.tag).toMatch(/^e2e-[0-9a-f]{24}$/);
    expect(planHandoff('artifact-tag', [...base].reverse(), '').tag).toBe(plan.tag);
    expect(planHandoff('artifact-tag', [base[0]!, { ...base[1]!, reference: 'localhost/b:sha256-3' }], '').tag).not.toBe(plan.tag);
  });

  it('artifact-tag: localhost/<service>:<tag> and KUBERNAUT_CI_ARTIFACT_TAG; registry: <registry>/<service>:<tag> and IMAGE_REGISTRY + IMAGE_TAG', () => {
    const local = planHandoff('artifact-tag', base, 'ghcr.io/kubernaut');
    expect(local.env).toEqual({ KUBERNAUT_CI_ARTIFACT_TAG: local.tag });
    expect(local.references).toEqual({ svc0: `localhost/kn-svc0:${local.tag}`, svc1: `localhost/kn-svc1:${local.tag}` });
    const remote = planHandoff('registry', base, 'ghcr.io/kubernaut');
    expect(remote.env).toEqual({ IMAGE_REGISTRY: 'ghcr.io/kubernaut', IMAGE_TAG: remote.tag });
    expect(remote.references.svc1).toBe(`ghcr.io/kubernaut/kn-svc1:${remote.tag}`);
    expect(planHandoff('none', base, '')).toEqual({ mode: 'none', tag: '', env: {}, references: {} });
  });
});

describe('handOver with the real engines', () => {
  let testbed: TestbedEnv;
  let docker: ContainerEngine;
  let podman: ContainerEngine;
  beforeAll(async () => {
    testbed = await testbedEnv();
    docker = testbedEngine('docker', testbed, capturedLog());
    podman = testbedEngine('podman', testbed, capturedLog());
  });

  /** Two small images tagged in `engine` by content-hash-like tags. */
  async function resolved(engine: ContainerEngine, prefix: string) {
    const references = [`localhost/${prefix}-a:sha256-1`, `localhost/${prefix}-b:sha256-2`];
    for (const reference of references) await engine.tag(testbed.baseImage, reference);
    return images(prefix, references);
  }

  const handOverTo = (engine: ContainerEngine, handed: ReturnType<typeof images>, extra: Partial<Parameters<typeof handOver>[0]> = {}) =>
    handOver({
      handoff: planHandoff('artifact-tag', handed, ''),
      images: handed,
      engine,
      podman,
      registryHas: async () => false,
      pushAllowed: false,
      log: capturedLog(),
      ...extra,
    });

  it('docker → podman: every image streamed into podman under its hand-off name; only the temporary docker tags are removed', async () => {
    const prefix = uniqueName('handoff');
    const handed = await resolved(docker, prefix);
    const plan = planHandoff('artifact-tag', handed, '');
    const result = await handOverTo(docker, handed);
    expect(result.how).toMatch(/^streamed from docker .* to podman as one archive$/);
    const targets = Object.values(plan.references);
    expect([...(await podman.localImages(targets)).keys()].sort()).toEqual([...targets].sort());
    expect([...(await docker.localImages(targets)).keys()]).toEqual([]);
    expect((await docker.localImages(handed.map((image) => image.reference))).size).toBe(2);
    await podman.remove(targets);
    await docker.remove(handed.map((image) => image.reference));
  });

  it('podman only: tagged in place', async () => {
    const prefix = uniqueName('handoff');
    const handed = await resolved(podman, prefix);
    const targets = Object.values(planHandoff('artifact-tag', handed, '').references);
    expect((await handOverTo(podman, handed)).how).toBe('tagged in podman');
    expect((await podman.localImages(targets)).size).toBe(2);
    await podman.remove([...targets, ...handed.map((image) => image.reference)]);
  });

  it('an image the engine lacks fails the hand-off naming it; nothing half-handed remains in podman', async () => {
    const prefix = uniqueName('handoff');
    const handed = [...(await resolved(docker, prefix)), { name: 'missing', repository: `${prefix}-missing`, reference: `localhost/${prefix}-missing:sha256-0` }];
    await expect(handOverTo(docker, handed)).rejects.toThrow(new RegExp(`${prefix}-missing`));
    const targets = Object.values(planHandoff('artifact-tag', handed, '').references);
    expect([...(await podman.localImages(targets)).keys()]).toEqual([]);
    await docker.remove(handed.slice(0, 2).map((image) => image.reference));
  });

  it('registry: pushes the hand-off tag where allowed, takes one the registry has, refuses the rest naming them', async () => {
    const prefix = `${testbed.registry}/${uniqueName('handoff')}`;
    const references = [`${prefix}/a:sha256-1`, `${prefix}/b:sha256-2`];
    for (const reference of references) await docker.tag(testbed.baseImage, reference);
    const handed = references.map((reference, index) => ({ name: `svc${index}`, repository: `svc${index}`, reference }));
    const plan = planHandoff('registry', handed, prefix);
    const probe = new RegistryProbe();
    const registry = { registryHas: (reference: string) => probe.has(reference) };

    await expect(handOver({ ...registryOptions(plan, handed), ...registry, pushAllowed: false })).rejects.toThrow(
      /the registry lacks .*svc0:e2e-.*svc1:e2e-.* and pushing is not allowed here/,
    );
    expect((await handOver({ ...registryOptions(plan, handed), ...registry, pushAllowed: true })).how).toBe('pushed 2, already in the registry 0');
    expect(await probe.has(plan.references.svc0!)).toBe(true);
    expect((await handOver({ ...registryOptions(plan, handed), ...registry, pushAllowed: false })).how).toBe('pushed 0, already in the registry 2');
    await docker.remove([...references, ...Object.values(plan.references)]);
  });

  function registryOptions(plan: ReturnType<typeof planHandoff>, handed: ReturnType<typeof images>) {
    return { handoff: plan, images: handed, engine: docker, podman, log: capturedLog() };
  }
});
