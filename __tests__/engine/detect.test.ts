// Engine selection against the real programs of the testbed. Debian's docker 20.10 has no buildx
// plugin, so `auto` and `docker` find classic BuildKit here; a buildx machine is not available.
import { selectEngine } from '../../src/engine/detect.js';
import { testbedEnv, type TestbedEnv } from '../testbed/env.js';
import { capturedLog } from './helpers.js';

let env: TestbedEnv;
beforeAll(async () => {
  env = await testbedEnv();
});

const DEAD_DOCKER = { DOCKER_HOST: 'unix:///tmp/no-docker-here.sock' };

function setup(overrides: { env?: Record<string, string>; dockerProgram?: string } = {}) {
  return {
    log: capturedLog(),
    env: { ...env.processEnv, ...overrides.env },
    dockerProgram: overrides.dockerProgram ?? env.docker,
    podmanProgram: env.podman,
  };
}

describe('selectEngine', () => {
  it('auto: docker with classic BuildKit when the daemon answers and buildx is missing', async () => {
    const { engine, reason } = await selectEngine('auto', setup());
    expect(engine.kind).toBe('docker');
    expect(engine.provider).toBe('docker');
    expect(reason).toMatch(/classic BuildKit/);
  });

  it('auto: podman when the docker daemon does not answer, saying why', async () => {
    const { engine, reason } = await selectEngine('auto', setup({ env: DEAD_DOCKER }));
    expect(engine.kind).toBe('podman');
    expect(reason).toMatch(/Cannot connect to the Docker daemon/);
  });

  it('auto: podman when docker is not installed', async () => {
    const { engine, reason } = await selectEngine('auto', setup({ dockerProgram: '/nonexistent/docker' }));
    expect(engine.kind).toBe('podman');
    expect(reason).toMatch(/not installed/);
  });

  it('podman when asked, even with a working docker', async () => {
    expect((await selectEngine('podman', setup())).engine.kind).toBe('podman');
  });

  it('docker when asked but its daemon is down: an error that says what to do', async () => {
    await expect(selectEngine('docker', setup({ env: DEAD_DOCKER }))).rejects.toThrow(
      /container-engine 'docker' does not work: .*Cannot connect.*Start the Docker daemon/s,
    );
  });
});
