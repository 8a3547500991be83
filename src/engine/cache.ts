/**
 * The `cache` input turned into build flags for each engine. Only buildx can export a cache on its
 * own; the other engines fall back to what they can do and say so.
 *
 * | cache    | docker (buildx)                                    | docker (classic BuildKit)                         | podman (buildah)                                  |
 * |----------|----------------------------------------------------|---------------------------------------------------|---------------------------------------------------|
 * | gha      | --cache-from/--cache-to type=gha,scope=<image>     | warning; inline cache metadata                    | warning; local layers only                        |
 * |          | (mode=max); ACTIONS_* variables passed through     | (BUILDKIT_INLINE_CACHE=1), local layers           |                                                   |
 * | registry | --cache-from type=registry,ref=<repo>:buildcache;  | --cache-from <repo>:buildcache +                  | --cache-from <repo>-buildcache; --cache-to the    |
 * |          | --cache-to …,mode=max when pushing is allowed      | BUILDKIT_INLINE_CACHE=1; the image is pushed as   | same when pushing is allowed (buildah pushes one  |
 * |          |                                                    | <repo>:buildcache when pushing is allowed         | tag per cached step, hence a repository of its own)|
 * | local    | --cache-from type=local,src=<dir>; --cache-to      | warning; the daemon's own layer cache             | warning; local layers only                        |
 * |          | type=local,dest=<dir>.next,mode=max, then rotated  |                                                   |                                                   |
 * |          | into <dir> (so the directory holds one build)      |                                                   |                                                   |
 * | off      | nothing                                            | nothing                                           | nothing                                           |
 *
 * `off` means no cache import or export: local layers are still reused (never `--no-cache`,
 * which once cost a run 15 minutes of rebuilding).
 */
import { registerSecret } from '../util/log.js';
import { onLoopbackRegistry } from './references.js';
import type { CacheSpec, EngineKind } from './types.js';

export interface CacheFlags {
  args: string[];
  buildArgs: Record<string, string>;
  env: Record<string, string>;
  /** What could not be honoured. */
  warnings: string[];
  /** classic docker: the tag under which the built image carries the registry cache, pushed with the image. */
  inlineCacheTag?: string;
  /** buildx local: the directory the new cache is written to, to rotate into `localDir` after the build. */
  localNext?: string;
}

/** Variables the gha cache backend of buildx reads; the runner gives them to the action's process only. */
export const GHA_CACHE_VARIABLES = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_URL', 'ACTIONS_CACHE_SERVICE_V2'] as const;

const INLINE_CACHE = { BUILDKIT_INLINE_CACHE: '1' };

export function registryCacheReference(kind: EngineKind, repository: string): string {
  return kind === 'podman' ? `${repository}-buildcache` : `${repository}:buildcache`;
}

/** What a build without cache import or export adds: nothing. */
export function noCacheFlags(): CacheFlags {
  return { args: [], buildArgs: {}, env: {}, warnings: [] };
}

export function cacheFlags(kind: EngineKind, spec: CacheSpec, env: NodeJS.ProcessEnv = process.env): CacheFlags {
  switch (spec.mode) {
    case 'off':
      return noCacheFlags();
    case 'gha':
      return ghaFlags(kind, spec, env);
    case 'registry':
      return registryFlags(kind, spec);
    case 'local':
      return localFlags(kind, spec);
  }
}

function ghaFlags(kind: EngineKind, spec: CacheSpec, env: NodeJS.ProcessEnv): CacheFlags {
  if (kind !== 'docker-buildx') {
    const fallback = kind === 'docker' ? "docker's local layer cache (with inline cache metadata)" : "podman's local layers";
    return {
      args: [],
      buildArgs: kind === 'docker' ? INLINE_CACHE : {},
      env: {},
      warnings: [`cache 'gha' needs docker with buildx; ${spec.scope} is built with ${fallback} only`],
    };
  }
  const passed = Object.fromEntries(
    GHA_CACHE_VARIABLES.flatMap((name) => (env[name] ? [[name, env[name] as string]] : [])),
  );
  if (!passed.ACTIONS_RUNTIME_TOKEN || !(passed.ACTIONS_RESULTS_URL || passed.ACTIONS_CACHE_URL)) {
    return {
      args: [],
      buildArgs: {},
      env: {},
      warnings: [
        `cache 'gha' needs ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL, which only a GitHub Actions job gives the action; ${spec.scope} is built without it`,
      ],
    };
  }
  registerSecret(passed.ACTIONS_RUNTIME_TOKEN);
  const scope = `scope=${spec.scope}`;
  const args = ['--cache-from', `type=gha,${scope}`];
  if (spec.write) args.push('--cache-to', `type=gha,mode=max,${scope}`);
  return { args, buildArgs: {}, env: passed, warnings: [] };
}

function registryFlags(kind: EngineKind, spec: CacheSpec): CacheFlags {
  if (spec.repository === undefined) {
    throw new Error(`cache 'registry' for ${spec.scope} needs the image's repository in a registry`);
  }
  const ref = registryCacheReference(kind, spec.repository);
  switch (kind) {
    case 'docker-buildx': {
      const args = ['--cache-from', `type=registry,ref=${ref}`];
      if (spec.write) args.push('--cache-to', `type=registry,ref=${ref},mode=max`);
      return { args, buildArgs: {}, env: {}, warnings: [] };
    }
    case 'docker':
      return {
        args: ['--cache-from', ref],
        buildArgs: INLINE_CACHE,
        env: {},
        warnings: [],
        ...(spec.write ? { inlineCacheTag: ref } : {}),
      };
    case 'podman': {
      const args = ['--cache-from', ref];
      if (spec.write) args.push('--cache-to', ref);
      if (onLoopbackRegistry(ref)) args.push('--tls-verify=false');
      return { args, buildArgs: {}, env: {}, warnings: [] };
    }
  }
}

function localFlags(kind: EngineKind, spec: CacheSpec): CacheFlags {
  if (spec.localDir === undefined) throw new Error(`cache 'local' for ${spec.scope} needs a cache directory`);
  if (kind !== 'docker-buildx') {
    const fallback = kind === 'docker' ? "the daemon's own layer cache" : "podman's local layers";
    return { args: [], buildArgs: {}, env: {}, warnings: [`cache 'local' needs docker with buildx; ${spec.scope} uses ${fallback} only`] };
  }
  const args = ['--cache-from', `type=local,src=${spec.localDir}`];
  if (!spec.write) return { args, buildArgs: {}, env: {}, warnings: [] };
  const localNext = `${spec.localDir}.next`;
  args.push('--cache-to', `type=local,dest=${localNext},mode=max`);
  return { args, buildArgs: {}, env: {}, warnings: [], localNext };
}
