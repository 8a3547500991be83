// The run's registry credentials live in its own folder, never in the user's docker or podman
// files, and the post step removes that folder. Real engines, a real password-protected registry.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Secret } from '../../src/config/index.js';
import { createRegistryAuth } from '../../src/engine/registry-auth.js';
import { REGISTRY_AUTH_STATE_KEY } from '../../src/pipeline/state-keys.js';
import { runPost } from '../../src/post.js';
import { testbedEnv, type TestbedEnv } from '../testbed/env.js';
import { startAuthRegistry, type AuthRegistry } from './auth-registry.js';
import { capturedLog, testbedEngine, type EngineName } from './helpers.js';

let env: TestbedEnv;
let registry: AuthRegistry;
let scratch: string;

beforeAll(async () => {
  env = await testbedEnv();
  registry = await startAuthRegistry();
  scratch = await mkdtemp(path.join(os.tmpdir(), 'registry-auth-'));
});

afterAll(async () => {
  await registry?.stop();
  await rm(scratch, { recursive: true, force: true });
});

/** What the post step finds in the state the main step saved. */
async function postWithState(dir: string): Promise<void> {
  process.env[`STATE_${REGISTRY_AUTH_STATE_KEY}`] = dir;
  try {
    await runPost();
  } finally {
    delete process.env[`STATE_${REGISTRY_AUTH_STATE_KEY}`];
  }
}

/** Files the engines would write a login to when not told otherwise. */
function userAuthFiles(home: string): string[] {
  return [path.join(home, '.docker', 'config.json'), '/run/containers/0/auth.json', path.join(home, '.config', 'containers', 'auth.json')];
}

describe.each<EngineName>(['docker', 'podman'])('%s login for a run', (name) => {
  it("stores the credentials only in the run's folder, which the post step removes", async () => {
    const home = path.join(scratch, `home-${name}`);
    mkdirSync(home, { recursive: true });
    const workDir = path.join(scratch, `work-${name}`);
    const auth = await createRegistryAuth(workDir, { HOME: home });
    const engine = testbedEngine(name, env, capturedLog(), { HOME: home, ...auth.env });

    await engine.login({ registry: registry.address, username: registry.username, password: new Secret(registry.password) });

    const stored = readFileSync(name === 'docker' ? path.join(auth.dir, 'config.json') : auth.env.REGISTRY_AUTH_FILE, 'utf8');
    expect(stored).toContain(registry.address);
    for (const file of userAuthFiles(home)) {
      if (existsSync(file)) expect({ file, content: readFileSync(file, 'utf8') }).not.toEqual({ file, content: expect.stringContaining(registry.address) });
    }
    await postWithState(auth.dir);
    expect(existsSync(auth.dir)).toBe(false);
    expect(existsSync(workDir)).toBe(true);
  });
});

it("keeps the user's docker context and plugin folder in the run's config", async () => {
  const userConfig = path.join(scratch, 'user-docker');
  mkdirSync(path.join(userConfig, 'contexts', 'meta'), { recursive: true });
  writeFileSync(path.join(userConfig, 'config.json'), JSON.stringify({ currentContext: 'desktop-linux', auths: { 'ghcr.io': { auth: 'dXNlcjpwYXNz' } } }));

  const auth = await createRegistryAuth(path.join(scratch, 'work-context'), { DOCKER_CONFIG: userConfig });

  const config = JSON.parse(readFileSync(path.join(auth.dir, 'config.json'), 'utf8')) as Record<string, unknown>;
  expect(config).toEqual({ auths: {}, currentContext: 'desktop-linux', cliPluginsExtraDirs: [path.join(userConfig, 'cli-plugins')] });
  expect(existsSync(path.join(auth.dir, 'contexts', 'meta'))).toBe(true);
  await postWithState(auth.dir);
  expect(existsSync(path.join(userConfig, 'contexts', 'meta'))).toBe(true);
});

it('leaves alone a folder the state names that is not a run auth folder', async () => {
  const foreign = path.join(scratch, 'foreign');
  mkdirSync(foreign);
  writeFileSync(path.join(foreign, 'keep.txt'), 'mine');
  await postWithState(foreign);
  expect(readFileSync(path.join(foreign, 'keep.txt'), 'utf8')).toBe('mine');
});
