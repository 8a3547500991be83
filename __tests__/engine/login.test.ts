// Login against a real registry that requires a password (see auth-registry.ts).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Secret } from '../../src/config/index.js';
import { EngineError } from '../../src/engine/errors.js';
import { testbedEnv, type TestbedEnv } from '../testbed/env.js';
import { startAuthRegistry, type AuthRegistry } from './auth-registry.js';
import { capturedLog, testbedEngine, type EngineName } from './helpers.js';

let env: TestbedEnv;
let registry: AuthRegistry;
let credentials: string;

beforeAll(async () => {
  env = await testbedEnv();
  registry = await startAuthRegistry();
  credentials = await mkdtemp(path.join(os.tmpdir(), 'engine-credentials-'));
});

afterAll(async () => {
  await registry?.stop();
  await rm(credentials, { recursive: true, force: true });
});

describe.each<EngineName>(['docker', 'podman'])('%s login', (name) => {
  // Credentials go to a directory of this test, not to the machine's docker/podman configuration.
  const isolated = () => ({
    DOCKER_CONFIG: path.join(credentials, name),
    REGISTRY_AUTH_FILE: path.join(credentials, name, 'auth.json'),
  });

  it('fails with a wrong password as permanent, without showing the password', async () => {
    const log = capturedLog();
    const engine = testbedEngine(name, env, log, isolated());
    const wrong = `wrong-${registry.password}`;
    const error = await engine
      .login({ registry: registry.address, username: registry.username, password: new Secret(wrong) })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ classification: { class: 'permanent', rule: 'access-denied' } });
    expect((error as Error).message).toMatch(/registry-password/);
    expect((error as Error).message).not.toContain(wrong);
    expect(log.text()).not.toContain(wrong);
    expect(log.text()).toContain('--password-stdin');
  });

  it('logs in with the right password, passed on stdin only', async () => {
    const log = capturedLog();
    const engine = testbedEngine(name, env, log, isolated());
    await engine.login({ registry: registry.address, username: registry.username, password: new Secret(registry.password) });
    expect(log.text()).not.toContain(registry.password);
    const stored = await readFile(name === 'docker' ? path.join(credentials, name, 'config.json') : isolated().REGISTRY_AUTH_FILE, 'utf8');
    expect(stored).toContain(registry.address);
  });
});
