// Transfers against a registry that accepts the connection and never answers: the real engines
// of the testbed, stopped by build.stallSeconds instead of waiting for the run's timeout.
import { DockerEngine } from '../../src/engine/docker.js';
import { EngineError, isTransientEngineError } from '../../src/engine/errors.js';
import { PodmanEngine } from '../../src/engine/podman.js';
import type { ContainerEngine } from '../../src/engine/types.js';
import { testbedEnv, type TestbedEnv } from '../testbed/env.js';
import { capturedLog, uniqueName, type EngineName } from './helpers.js';
import { startFaultyRegistry, type FaultyRegistry } from './faulty-registry.js';

const STALL_MS = 2_000;

let env: TestbedEnv;
let registry: FaultyRegistry;
beforeAll(async () => {
  env = await testbedEnv();
  registry = await startFaultyRegistry({ kind: 'silent' });
});
afterAll(async () => registry?.close());

function stallingEngine(name: EngineName): ContainerEngine {
  const options = { log: capturedLog(), env: env.processEnv, stallMs: STALL_MS };
  return name === 'docker'
    ? new DockerEngine({ ...options, program: env.docker, builder: 'classic' })
    : new PodmanEngine({ ...options, program: env.podman });
}

describe.each<EngineName>(['docker', 'podman'])('%s', (name) => {
  it('stops a pull that makes no progress, says what stalled, and counts it worth another attempt', async () => {
    const reference = `${registry.address}/${uniqueName('stall')}:1`;
    const error = await stallingEngine(name).pull(reference).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as Error).message).toContain(`${name} pull ${reference} failed (stalled, transient): it made no progress (printed nothing) for 2.0s`);
    expect(isTransientEngineError(error)).toBe(true);
    expect(registry.connections()).toBeGreaterThan(0);
  }, 60_000);
});

describe('docker', () => {
  it('stops a push that makes no progress the same way', async () => {
    const engine = stallingEngine('docker');
    const reference = `${registry.address}/${uniqueName('stall-push')}:1`;
    await engine.tag(env.baseImage, reference);
    try {
      const error = await engine.push(reference).catch((caught: unknown) => caught);
      expect((error as Error).message).toContain(`docker push ${reference} failed (stalled, transient)`);
      expect(isTransientEngineError(error)).toBe(true);
    } finally {
      await engine.remove([reference]);
    }
  }, 60_000);
});
