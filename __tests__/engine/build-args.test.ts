// buildx does not run on these machines (Debian's docker 20.10 has no buildx plugin): its argument
// lists are checked here by construction; classic docker and podman builds also run for real in
// engines.test.ts.
import { buildArgv, buildEnv } from '../../src/engine/build-args.js';
import { cacheFlags } from '../../src/engine/cache.js';
import type { CacheSpec } from '../../src/engine/types.js';
import type { BuildRequest, EngineKind } from '../../src/engine/types.js';

const REQUEST: BuildRequest = {
  reference: 'ghcr.io/kubernaut/kubernaut-datastorage:3f2a',
  dockerfile: 'docker/data-storage.Dockerfile',
  context: '.',
  buildArgs: { GOFLAGS: '-cover' },
  target: 'runtime',
  platform: 'linux/amd64',
  labels: { 'io.github.kubernaut.aianalysis-e2e.content-hash': '3f2a' },
};

const GHA_ENV = {
  ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
  ACTIONS_RESULTS_URL: 'https://results.example/',
  ACTIONS_CACHE_URL: 'https://cache.example/',
  PATH: '/usr/bin',
};

const spec = (overrides: Partial<CacheSpec>): CacheSpec => ({ mode: 'off', scope: 'datastorage', write: true, ...overrides });

function argvFor(kind: EngineKind, cache: CacheSpec, env: NodeJS.ProcessEnv = {}): string[] {
  return buildArgv(kind, REQUEST, cacheFlags(kind, cache, env));
}

/** The value following each occurrence of `flag`. */
function valuesOf(args: string[], flag: string): string[] {
  return args.flatMap((arg, i) => (arg === flag ? [args[i + 1]] : []));
}

describe('buildArgv', () => {
  it('builds with buildx into the local image store, with every part of the request', () => {
    const args = argvFor('docker-buildx', spec({ mode: 'off' }));
    expect(args.slice(0, 3)).toEqual(['buildx', 'build', '--load']);
    expect(valuesOf(args, '-f')).toEqual(['docker/data-storage.Dockerfile']);
    expect(valuesOf(args, '--platform')).toEqual(['linux/amd64']);
    expect(valuesOf(args, '--target')).toEqual(['runtime']);
    expect(valuesOf(args, '--build-arg')).toEqual(['GOFLAGS=-cover']);
    expect(valuesOf(args, '--label')).toEqual(['io.github.kubernaut.aianalysis-e2e.content-hash=3f2a']);
    expect(valuesOf(args, '-t')).toEqual([REQUEST.reference]);
    expect(args).not.toContain('--iidfile');
    expect(args.at(-1)).toBe('.');
    expect(args).not.toContain('--no-cache');
  });

  it('leaves out --target when the last stage is wanted', () => {
    const args = buildArgv('podman', { ...REQUEST, target: '' }, cacheFlags('podman', spec({})));
    expect(args).not.toContain('--target');
    expect(args.slice(0, 2)).toEqual(['build', '--layers']);
  });

  it('switches BuildKit on for classic docker only', () => {
    const none = cacheFlags('docker', spec({}));
    expect(buildEnv('docker', none)).toEqual({ DOCKER_BUILDKIT: '1' });
    expect(buildEnv('docker-buildx', none)).toEqual({});
    expect(buildEnv('podman', none)).toEqual({});
  });
});

describe('cache flags', () => {
  it('gha with buildx: one scope per image, max mode, and the runtime variables passed to buildx', () => {
    const flags = cacheFlags('docker-buildx', spec({ mode: 'gha' }), GHA_ENV);
    expect(valuesOf(flags.args, '--cache-from')).toEqual(['type=gha,scope=datastorage']);
    expect(valuesOf(flags.args, '--cache-to')).toEqual(['type=gha,mode=max,scope=datastorage']);
    expect(flags.env).toEqual({
      ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
      ACTIONS_RESULTS_URL: 'https://results.example/',
      ACTIONS_CACHE_URL: 'https://cache.example/',
    });
    // The token goes through the environment, never the arguments.
    expect(flags.args.join(' ')).not.toContain('runtime-token-value');
    expect(flags.warnings).toEqual([]);
  });

  it('gha outside a GitHub job: no cache flags, and a warning', () => {
    const flags = cacheFlags('docker-buildx', spec({ mode: 'gha' }), { PATH: '/usr/bin' });
    expect(flags.args).toEqual([]);
    expect(flags.warnings.join()).toMatch(/ACTIONS_RUNTIME_TOKEN/);
  });

  it.each(['docker', 'podman'] as const)('gha with %s degrades with a warning', (kind) => {
    const flags = cacheFlags(kind, spec({ mode: 'gha' }), GHA_ENV);
    expect(flags.args).toEqual([]);
    expect(flags.env).toEqual({});
    expect(flags.warnings.join()).toMatch(/needs docker with buildx/);
    expect(flags.buildArgs).toEqual(kind === 'docker' ? { BUILDKIT_INLINE_CACHE: '1' } : {});
  });

  it('registry with buildx: reads the buildcache tag always, writes it only when pushing is allowed', () => {
    const repository = 'ghcr.io/kubernaut/kubernaut-datastorage';
    const writing = cacheFlags('docker-buildx', spec({ mode: 'registry', repository, write: true }));
    expect(valuesOf(writing.args, '--cache-from')).toEqual([`type=registry,ref=${repository}:buildcache`]);
    expect(valuesOf(writing.args, '--cache-to')).toEqual([`type=registry,ref=${repository}:buildcache,mode=max`]);
    const reading = cacheFlags('docker-buildx', spec({ mode: 'registry', repository, write: false }));
    expect(valuesOf(reading.args, '--cache-to')).toEqual([]);
  });

  it('registry with classic docker: inline cache, and the image tagged as the cache when it will be pushed', () => {
    const repository = '127.0.0.1:5000/kubernaut-datastorage';
    const writing = cacheFlags('docker', spec({ mode: 'registry', repository, write: true }));
    expect(writing.args).toEqual(['--cache-from', `${repository}:buildcache`]);
    expect(writing.buildArgs).toEqual({ BUILDKIT_INLINE_CACHE: '1' });
    expect(writing.inlineCacheTag).toBe(`${repository}:buildcache`);
    const argv = buildArgv('docker', REQUEST, writing);
    expect(valuesOf(argv, '-t')).toEqual([REQUEST.reference, `${repository}:buildcache`]);
    expect(valuesOf(argv, '--build-arg')).toEqual(['GOFLAGS=-cover', 'BUILDKIT_INLINE_CACHE=1']);
    expect(cacheFlags('docker', spec({ mode: 'registry', repository, write: false })).inlineCacheTag).toBeUndefined();
  });

  it('registry with podman: a cache repository of its own, and no TLS only for a loopback registry', () => {
    const local = cacheFlags('podman', spec({ mode: 'registry', repository: '127.0.0.1:5000/kubernaut-datastorage', write: true }));
    expect(local.args).toEqual([
      '--cache-from',
      '127.0.0.1:5000/kubernaut-datastorage-buildcache',
      '--cache-to',
      '127.0.0.1:5000/kubernaut-datastorage-buildcache',
      '--tls-verify=false',
    ]);
    const remote = cacheFlags('podman', spec({ mode: 'registry', repository: 'ghcr.io/kubernaut/kubernaut-datastorage', write: false }));
    expect(remote.args).toEqual(['--cache-from', 'ghcr.io/kubernaut/kubernaut-datastorage-buildcache']);
  });

  it('local with buildx: reads the directory, writes a fresh one that replaces it after the build', () => {
    const flags = cacheFlags('docker-buildx', spec({ mode: 'local', localDir: '/cache/datastorage' }));
    expect(flags.args).toEqual([
      '--cache-from',
      'type=local,src=/cache/datastorage',
      '--cache-to',
      'type=local,dest=/cache/datastorage.next,mode=max',
    ]);
    expect(flags.localNext).toBe('/cache/datastorage.next');
  });

  it.each(['docker', 'podman'] as const)('local with %s degrades with a warning', (kind) => {
    const flags = cacheFlags(kind, spec({ mode: 'local', localDir: '/cache/datastorage' }));
    expect(flags.args).toEqual([]);
    expect(flags.warnings.join()).toMatch(/needs docker with buildx/);
  });

  it.each(['docker-buildx', 'docker', 'podman'] as const)('off with %s adds nothing', (kind) => {
    expect(cacheFlags(kind, spec({ mode: 'off' }), GHA_ENV)).toEqual({ args: [], buildArgs: {}, env: {}, warnings: [] });
  });
});
