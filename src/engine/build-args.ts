/** The argument list of one build, per engine. Pure: tested by construction where an engine cannot run. */
import type { CacheFlags } from './cache.js';
import type { BuildRequest, EngineKind } from './types.js';

/** Where each engine's build command starts, and what it always adds. */
const BUILD_COMMAND: Readonly<Record<EngineKind, readonly string[]>> = {
  // --load: the image must land in the daemon's image store, where save and push find it.
  'docker-buildx': ['buildx', 'build', '--load', '--progress', 'plain'],
  // BuildKit through DOCKER_BUILDKIT=1 (see buildEnv).
  docker: ['build', '--progress', 'plain'],
  // --layers: keep every step's layer, buildah's local cache.
  podman: ['build', '--layers'],
};

/**
 * No --iidfile: parallel builds can leave it unwritten (docker 20.10: "server did not provide an
 * image ID", podman: a bare `sha256:`); the image id is read back from the tag instead.
 */
export function buildArgv(kind: EngineKind, request: BuildRequest, cache: CacheFlags): string[] {
  const args = [...BUILD_COMMAND[kind], '-f', request.dockerfile];
  if (request.platform) args.push('--platform', request.platform);
  if (request.target) args.push('--target', request.target);
  const buildArgs = { ...request.buildArgs, ...cache.buildArgs };
  for (const [name, value] of Object.entries(buildArgs)) args.push('--build-arg', `${name}=${value}`);
  for (const [name, value] of Object.entries(request.labels ?? {})) args.push('--label', `${name}=${value}`);
  args.push('-t', request.reference);
  if (cache.inlineCacheTag) args.push('-t', cache.inlineCacheTag);
  args.push(...cache.args, request.context);
  return args;
}

/** Environment of the build process: the cache's variables, and BuildKit switched on for classic docker. */
export function buildEnv(kind: EngineKind, cache: CacheFlags): Record<string, string> {
  return kind === 'docker' ? { ...cache.env, DOCKER_BUILDKIT: '1' } : { ...cache.env };
}
