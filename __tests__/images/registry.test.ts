import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Secret } from '../../src/config/index.js';
import {
  parseChallenge,
  RegistryAccessDeniedError,
  RegistryProbe,
  registryEndpoint,
  RegistryUnavailableError,
} from '../../src/engine/registry.js';
import { testbedEnv, type TestbedEnv } from '../testbed/env.js';
import { startTokenRegistry, type TokenRegistry, type TokenRegistryOptions } from './token-registry.js';

const execFileAsync = promisify(execFile);

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const USER = { username: 'robot', password: 'hunter2-very-secret' };
const credentials = { username: USER.username, password: new Secret(USER.password) };
const fast = { timeoutMs: 2_000, retryDelaysMs: [1, 1] };

describe('registryEndpoint', () => {
  it.each([
    ['ghcr.io/kubernaut/kubernaut-datastorage:sha256-abc', 'https://ghcr.io', 'ghcr.io', 'kubernaut/kubernaut-datastorage', 'sha256-abc'],
    ['127.0.0.1:5000/team/app:1', 'http://127.0.0.1:5000', '127.0.0.1:5000', 'team/app', '1'],
    ['127.3.2.1/app', 'http://127.3.2.1', '127.3.2.1', 'app', 'latest'],
    ['localhost:5000/app:2', 'http://localhost:5000', 'localhost:5000', 'app', '2'],
    ['[::1]:5000/app:2', 'http://[::1]:5000', '[::1]:5000', 'app', '2'],
    ['128.0.0.1:5000/app:2', 'https://128.0.0.1:5000', '128.0.0.1:5000', 'app', '2'],
    ['postgres:16-alpine', 'https://registry-1.docker.io', 'docker.io', 'library/postgres', '16-alpine'],
    ['docker.io/bitnami/redis:7', 'https://registry-1.docker.io', 'docker.io', 'bitnami/redis', '7'],
    [`ghcr.io/a/b:1@${DIGEST}`, 'https://ghcr.io', 'ghcr.io', 'a/b', DIGEST],
  ])('%s', (reference, base, registry, repository, ref) => {
    expect(registryEndpoint(reference)).toEqual({ base, registry, repository, reference: ref });
  });
});

describe('parseChallenge', () => {
  it('reads quoted parameters, commas inside quotes included', () => {
    expect(parseChallenge('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:a/b:pull,push"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:a/b:pull,push' },
    });
    expect(parseChallenge('Basic realm=registry')).toEqual({ scheme: 'basic', params: { realm: 'registry' } });
    expect(parseChallenge('')).toBeUndefined();
  });
});

describe('RegistryProbe against a token-authenticating registry', () => {
  let registry: TokenRegistry | undefined;
  afterEach(async () => {
    await registry?.stop();
    registry = undefined;
  });
  const start = async (options: Partial<TokenRegistryOptions>) => {
    registry = await startTokenRegistry({
      auth: 'bearer',
      manifests: { 'team/public:1': DIGEST, 'team/private:1': DIGEST },
      publicRepositories: ['team/public'],
      credentials: USER,
      ...options,
    });
    return registry;
  };
  const at = (reg: TokenRegistry, path: string) => `${reg.address}/${path}`;

  it('gets an anonymous token for a public repository and reuses it', async () => {
    const reg = await start({});
    const probe = new RegistryProbe(fast);
    expect(await probe.manifest(at(reg, 'team/public:1'))).toEqual({ present: true, digest: DIGEST });
    expect(await probe.manifest(at(reg, 'team/public:2'))).toEqual({ present: false });
    expect(reg.requests.map((r) => `${r.method} ${r.path} ${r.authorization ?? '-'}`)).toEqual([
      'HEAD /v2/team/public/manifests/1 -',
      'GET /token -',
      'HEAD /v2/team/public/manifests/1 Bearer token.anonymous.team/public',
      'HEAD /v2/team/public/manifests/2 Bearer token.anonymous.team/public',
    ]);
  });

  it('accepts image indexes and single manifests of both formats', async () => {
    const reg = await start({});
    await new RegistryProbe(fast).has(at(reg, 'team/public:1'));
    const accept = reg.requests[0].accept?.split(/,\s*/);
    expect(accept).toEqual([
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.docker.distribution.manifest.list.v2+json',
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.docker.distribution.manifest.v2+json',
    ]);
  });

  it('reads a private repository with credentials sent to the token service', async () => {
    const reg = await start({});
    const probe = new RegistryProbe({ ...fast, credentials });
    expect(await probe.digestOf(at(reg, 'team/private:1'))).toBe(DIGEST);
    const tokenRequest = reg.requests.find((r) => r.path === '/token');
    expect(tokenRequest?.authorization).toBe(`Basic ${Buffer.from(`${USER.username}:${USER.password}`).toString('base64')}`);
  });

  it('reports a private repository as absent to an anonymous reader, saying why', async () => {
    const reg = await start({});
    expect(await new RegistryProbe(fast).manifest(at(reg, 'team/private:1'))).toEqual({
      present: false,
      detail: 'the registry refuses anonymous reads: private, or never published',
    });
    expect(await new RegistryProbe(fast).digestOf(at(reg, 'team/private:1'))).toBeUndefined();
  });

  it('fails for good on refused credentials, without showing the password', async () => {
    const reg = await start({});
    const wrong = { username: USER.username, password: new Secret('not-the-password') };
    const attempt = new RegistryProbe({ ...fast, credentials: wrong }).has(at(reg, 'team/private:1'));
    await expect(attempt).rejects.toThrow(RegistryAccessDeniedError);
    await expect(attempt).rejects.toThrow(
      `access denied to ${reg.address} for team/private (HTTP 401): check registry-username/registry-password and that they may read this repository`,
    );
    await attempt.catch((error: Error) => {
      expect(error.message).not.toContain('not-the-password');
      expect((error as RegistryAccessDeniedError).transient).toBe(false);
    });
  });

  it('answers a Basic challenge with the credentials', async () => {
    const reg = await start({ auth: 'basic' });
    expect(await new RegistryProbe({ ...fast, credentials }).has(at(reg, 'team/private:1'))).toBe(true);
    expect(await new RegistryProbe(fast).manifest(at(reg, 'team/private:1'))).toMatchObject({ present: false });
    const wrong = { username: USER.username, password: new Secret('nope-nope') };
    await expect(new RegistryProbe({ ...fast, credentials: wrong }).has(at(reg, 'team/private:1'))).rejects.toThrow(
      RegistryAccessDeniedError,
    );
  });

  it('retries 5xx and 429 answers, then gives the answer', async () => {
    const reg = await start({ failFirst: [503, 429] });
    expect(await new RegistryProbe(fast).has(at(reg, 'team/public:1'))).toBe(true);
    // 503, 429, then the token challenge and the answer.
    expect(reg.requests.filter((r) => r.method === 'HEAD')).toHaveLength(4);
  });

  it('reports a registry that keeps failing as transient, after every retry', async () => {
    const reg = await start({ failFirst: [502, 503, 500, 500] });
    const attempt = new RegistryProbe(fast).has(at(reg, 'team/public:1'));
    await expect(attempt).rejects.toThrow(RegistryUnavailableError);
    await expect(attempt).rejects.toThrow(`registry ${reg.address} did not answer for team/public after 3 attempt(s): HTTP 500 from http://${reg.address}`);
    await attempt.catch((error: RegistryUnavailableError) => expect(error.transient).toBe(true));
    expect(reg.requests).toHaveLength(3);
  });

  it('gives up on a registry that does not answer within the timeout', async () => {
    const reg = await start({ hang: true });
    const attempt = new RegistryProbe({ timeoutMs: 150, retryDelaysMs: [1] }).has(at(reg, 'team/public:1'));
    await expect(attempt).rejects.toThrow(`after 2 attempt(s): no answer within 150 ms`);
  });

  it('reports a registry nobody listens on as unavailable', async () => {
    const reg = await start({});
    const address = reg.address;
    await reg.stop();
    registry = undefined;
    await expect(new RegistryProbe(fast).has(`${address}/team/public:1`)).rejects.toThrow(
      new RegExp(`registry ${address} did not answer for team/public after 3 attempt\\(s\\): .*ECONNREFUSED`),
    );
  });
});

describe('RegistryProbe against the testbed distribution registry', () => {
  let env: TestbedEnv;
  let work: string;
  let repository: string;
  let pushed: { reference: string; digest: string };

  const docker = async (args: string[], cwd?: string) =>
    (await execFileAsync(env.docker, args, { cwd, env: { ...process.env, ...env.processEnv }, timeout: 120_000 })).stdout;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'plan-registry-'));
    env = await testbedEnv();
    repository = `plan-tests/probe-${process.pid}-${Date.now()}`;
    const reference = `${env.registry}/${repository}:present`;
    await writeFile(join(work, 'Dockerfile'), 'FROM scratch\nCOPY payload /payload\n');
    await writeFile(join(work, 'payload'), `${reference}\n`);
    await docker(['build', '-q', '-t', reference, '.'], work);
    const output = await docker(['push', reference]);
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(output)?.[1];
    if (digest === undefined) throw new Error(`docker push printed no digest:\n${output}`);
    pushed = { reference, digest };
  });

  afterAll(async () => {
    if (pushed !== undefined) {
      await fetch(`http://${env.registry}/v2/${repository}/manifests/${pushed.digest}`, { method: 'DELETE' });
      await docker(['rmi', pushed.reference]).catch(() => undefined);
    }
    await rm(work, { recursive: true, force: true });
  });

  it('finds a pushed tag and its digest', async () => {
    const probe = new RegistryProbe();
    expect(await probe.has(pushed.reference)).toBe(true);
    expect(await probe.digestOf(pushed.reference)).toBe(pushed.digest);
  });

  it('finds a pushed image by digest', async () => {
    expect(await new RegistryProbe().manifest(`${env.registry}/${repository}@${pushed.digest}`)).toEqual({
      present: true,
      digest: pushed.digest,
    });
  });

  it('reports an unknown tag and an unknown repository as absent', async () => {
    const probe = new RegistryProbe();
    expect(await probe.manifest(`${env.registry}/${repository}:absent`)).toEqual({ present: false });
    expect(await probe.has(`${env.registry}/plan-tests/never-pushed-${process.pid}:1`)).toBe(false);
    expect(await probe.digestOf(`${env.registry}/${repository}:absent`)).toBeUndefined();
  });
});
