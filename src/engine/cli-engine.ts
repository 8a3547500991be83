/**
 * What docker and podman do alike: the same verbs with the same arguments. The engines differ in
 * a few places only, which they supply: how a build starts, how a registry is reached, how an
 * image's existence, metadata and reclaimed space are read, and how the engine is checked and
 * brought back.
 */
import type { Writable } from 'node:stream';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { registerSecret, type Log } from '../util/log.js';
import { buildArgv, buildEnv } from './build-args.js';
import { BuildOutputReader } from './build-output.js';
import { cacheFlags, noCacheFlags } from './cache.js';
import { rotateLocalCache } from './cache-store.js';
import { EngineCli, type EngineCliOptions } from './cli.js';
import { qualifiedForPull, registryOf } from './references.js';
import type {
  BuildRequest,
  BuildResult,
  ContainerEngine,
  EngineHealth,
  EngineKind,
  ImageInfo,
  LoginRequest,
  OperationOptions,
  PruneResult,
  PushResult,
  RestartOutcome,
} from './types.js';

export interface CliEngineOptions {
  /** The program: a name on PATH or a path. */
  program?: string;
  log: Log;
  /** Environment for every engine command (DOCKER_HOST, CONTAINERS_CONF, DOCKER_CONFIG…). */
  env?: Record<string, string | undefined>;
  /** A pull or push that prints nothing for this long is stopped as stalled (build.stallSeconds); none: no limit. */
  stallMs?: number;
}

export abstract class CliEngine implements ContainerEngine {
  abstract readonly kind: EngineKind;
  abstract readonly name: string;
  abstract readonly provider: 'docker' | 'podman';
  protected readonly cli: EngineCli;

  protected constructor(cli: Omit<EngineCliOptions, 'log' | 'env'>, options: CliEngineOptions) {
    this.cli = new EngineCli({ ...cli, log: options.log, env: options.env, stallMs: options.stallMs });
  }

  /** Flags a command that reaches `registry` (host[:port]; undefined: Docker Hub) needs. */
  protected abstract registryFlags(registry: string | undefined): string[];
  /** A line by which `image inspect` says that one of the images it was asked about is not there. */
  protected abstract readonly missingImage: RegExp;
  /** The labels in one element of `image inspect`'s JSON array (docker nests them under Config). */
  protected abstract labelsIn(raw: Record<string, unknown>): unknown;
  abstract push(reference: string, options?: OperationOptions): Promise<PushResult>;
  abstract health(options?: OperationOptions): Promise<EngineHealth>;
  abstract restart(options?: OperationOptions): Promise<RestartOutcome>;
  /** Flags of `save` beyond `-o <archive>`. */
  protected abstract readonly saveFlags: readonly string[];

  async build(request: BuildRequest, options: OperationOptions = {}): Promise<BuildResult> {
    const cache = request.cache ? cacheFlags(this.kind, request.cache) : noCacheFlags();
    for (const warning of cache.warnings) (options.log ?? this.cli.options.log).warning(warning);
    const output = new BuildOutputReader();
    await this.cli.call(
      {
        operation: 'build',
        subject: request.reference,
        args: buildArgv(this.kind, request, cache),
        env: buildEnv(this.kind, cache),
        timeout: 'build',
        showOutput: true,
        onLine: output.push,
        locate: () => output.failingStep,
      },
      options,
    );
    if (cache.localNext && request.cache?.localDir) await rotateLocalCache(request.cache.localDir, cache.localNext);
    const image = await this.inspect(request.reference, options);
    return {
      reference: request.reference,
      id: image.id,
      sizeBytes: image.sizeBytes,
      steps: output.steps,
      cachedSteps: output.cachedSteps,
      fromCache: output.fromCache,
      warnings: cache.warnings,
      ...(cache.inlineCacheTag ? { cacheReference: cache.inlineCacheTag } : {}),
    };
  }

  async pull(reference: string, options: OperationOptions = {}): Promise<void> {
    const args = ['pull', ...this.registryFlags(registryOf(reference)), reference];
    await this.cli.call({ operation: 'pull', subject: reference, args, timeout: 'pull', showOutput: true, transfer: true }, options);
  }

  async tag(source: string, target: string, options: OperationOptions = {}): Promise<void> {
    const subject = `${source} as ${target}`;
    await this.cli.call({ operation: 'tag', subject, args: ['tag', source, target], timeout: 'query' }, options);
  }

  async inspect(reference: string, options: OperationOptions = {}): Promise<ImageInfo> {
    const result = await this.cli.call(
      { operation: 'image inspect', subject: reference, args: ['image', 'inspect', reference], timeout: 'query' },
      options,
    );
    const [raw] = JSON.parse(result.stdout) as Record<string, unknown>[];
    if (raw === undefined) throw new Error(`${this.name} image inspect ${reference} returned no image`);
    return this.imageInfo(raw);
  }

  /** Maps one element of `image inspect`'s JSON array. */
  private imageInfo(raw: Record<string, unknown>): ImageInfo {
    return {
      id: withAlgorithm(String(raw.Id)),
      repoTags: stringList(raw.RepoTags),
      repoDigests: stringList(raw.RepoDigests),
      sizeBytes: Number(raw.Size ?? 0),
      labels: stringRecord(this.labelsIn(raw)),
    };
  }

  async localImages(references: readonly string[], options: OperationOptions = {}): Promise<Map<string, ImageInfo>> {
    if (references.length === 0) return new Map();
    const result = await this.cli.call(
      {
        operation: 'image inspect',
        subject: references.join(' '),
        args: ['image', 'inspect', ...references],
        timeout: 'query',
        isAnswer: (answer) => onlyMissingImages(answer.stderr, this.missingImage),
      },
      options,
    );
    const found = (JSON.parse(result.stdout || '[]') as Record<string, unknown>[]).map((raw) => this.imageInfo(raw));
    // Engines print familiar names (`postgres:16`) or qualified ones: compare both qualified.
    const local = new Map<string, ImageInfo>();
    for (const reference of references) {
      const info = found.find((candidate) => candidate.repoTags.some((tag) => sameImageName(tag, reference)));
      if (info !== undefined) local.set(reference, info);
    }
    return local;
  }

  async save(references: readonly string[], archive: string, options: OperationOptions = {}): Promise<{ bytes: number }> {
    if (references.length === 0) throw new Error('save needs at least one image');
    await this.cli.call(
      {
        operation: 'save',
        subject: `${references.length} image(s) to ${archive}`,
        args: ['save', ...this.saveFlags, '-o', archive, ...references],
        timeout: 'save',
      },
      options,
    );
    return { bytes: (await stat(archive)).size };
  }

  async saveTo(references: readonly string[], sink: Writable, options: OperationOptions = {}): Promise<void> {
    if (references.length === 0) throw new Error('save needs at least one image');
    const subject = `${references.length} image(s) to a stream`;
    await this.cli.call({ operation: 'save', subject, args: ['save', ...this.saveFlags, ...references], timeout: 'save', stdoutTo: sink }, options);
  }

  // A load is never stopped part-way, not even by a cancel: podman stopped while it commits an
  // image leaves a record without its manifest, which breaks every later podman command on the
  // machine. It ends by itself (a cut stream ends it too) or by its timeout.
  async load(archive: string, options: OperationOptions = {}): Promise<void> {
    await this.cli.call({ operation: 'load', subject: archive, args: ['load', '-i', archive], timeout: 'save' }, { ...options, signal: undefined });
  }

  async loadFrom(onStdin: (stdin: Writable) => void, options: OperationOptions = {}): Promise<void> {
    await this.cli.call({ operation: 'load', subject: '(a stream)', args: ['load'], timeout: 'save', onStdin }, { ...options, signal: undefined });
  }

  async remove(references: readonly string[], options: OperationOptions = {}): Promise<void> {
    if (references.length === 0) return;
    await this.cli.call(
      { operation: 'image rm', subject: references.join(' '), args: ['image', 'rm', ...references], timeout: 'query' },
      options,
    );
  }

  async removeDangling(ids: readonly string[], options: OperationOptions = {}): Promise<PruneResult> {
    const none: PruneResult = { imagesRemoved: 0, bytesReclaimed: 0 };
    if (ids.length === 0) return none;
    const listed = await this.cli.call(
      { operation: 'images', subject: '(dangling)', args: ['images', '--filter', 'dangling=true', '--quiet', '--no-trunc'], timeout: 'query' },
      options,
    );
    const dangling = new Set(listed.stdout.split('\n').map((line) => line.trim()).filter(Boolean).map(withAlgorithm));
    const targets = [...new Set(ids.map(withAlgorithm))].filter((id) => dangling.has(id));
    if (targets.length === 0) return none;
    const inspected = await this.cli.call(
      { operation: 'image inspect', subject: targets.join(' '), args: ['image', 'inspect', ...targets], timeout: 'query' },
      options,
    );
    const sizes = new Map((JSON.parse(inspected.stdout) as Record<string, unknown>[]).map((raw) => [withAlgorithm(String(raw.Id)), Number(raw.Size ?? 0)]));
    await this.remove(targets, options);
    return { imagesRemoved: targets.length, bytesReclaimed: targets.reduce((sum, id) => sum + (sizes.get(id) ?? 0), 0) };
  }

  async login(request: LoginRequest, options: OperationOptions = {}): Promise<void> {
    registerSecret(request.password.reveal());
    await this.cli.call(
      {
        operation: 'login',
        subject: request.registry,
        args: ['login', ...this.registryFlags(request.registry), '--username', request.username, '--password-stdin', request.registry],
        input: request.password.reveal(),
        timeout: 'login',
      },
      options,
    );
  }
}

/** Runs `fn` with a fresh temporary directory, removed afterwards. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'aianalysis-e2e-engine-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Log lines an engine may print beside its answer (podman rootless: `WARN[0000] …`). */
const WARNING_LINE = /^(WARN\[\d+\]|WARNING:|time="[^"]*" level=warning)/;

/**
 * Whether a failed `image inspect` only said that some images are missing: the engine prints the
 * images it has, one error line per missing one, and exits non-zero. Any other line (the daemon
 * unreachable, a broken store) makes it a failure, never "absent".
 */
export function onlyMissingImages(stderr: string, missingImage: RegExp): boolean {
  const lines = stderr.split('\n').filter((line) => line.trim() !== '' && !WARNING_LINE.test(line));
  return lines.length > 0 && lines.every((line) => missingImage.test(line));
}

function sameImageName(a: string, b: string): boolean {
  return qualifiedForPull(a) === qualifiedForPull(b);
}

/** Image ids as `sha256:<hex>`, whichever form the engine printed. */
function withAlgorithm(id: string): string {
  return id.includes(':') ? id : `sha256:${id}`;
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function lastLine(lines: readonly string[]): string | undefined {
  return lines.filter((line) => line.trim() !== '').at(-1);
}
