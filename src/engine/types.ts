/** The container engine as the rest of the action sees it, whichever program is behind it. */
import type { Writable } from 'node:stream';
import type { CACHE_MODES, Secret } from '../config/index.js';
import type { Log } from '../util/log.js';

/** How a build reuses layers of earlier builds (engine/cache.ts turns it into flags). */
export type CacheMode = (typeof CACHE_MODES)[number];

export interface CacheSpec {
  mode: CacheMode;
  /** The image's name: the gha cache scope. */
  scope: string;
  /** registry: `<registry>/<repository>` of the image, without tag. */
  repository?: string;
  /** local: the cache directory. */
  localDir?: string;
  /** Whether the cache may be written (registry: only when pushing is allowed). */
  write: boolean;
}

/** docker with the buildx plugin, docker's built-in (classic) BuildKit, or podman (buildah). */
export type EngineKind = 'docker-buildx' | 'docker' | 'podman';

/** What every operation accepts; each has a default timeout (see DEFAULT_TIMEOUTS_MS). */
export interface OperationOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Where the command line and its output go; default the engine's own log. */
  log?: Log;
}

export interface BuildRequest {
  /** The tag the image gets, e.g. `ghcr.io/kubernaut/kubernaut-datastorage:<content hash>`. */
  reference: string;
  /** Absolute, or relative to the working directory. */
  dockerfile: string;
  context: string;
  buildArgs?: Record<string, string>;
  /** Empty or absent: the last stage. */
  target?: string;
  platform?: string;
  labels?: Record<string, string>;
  /** Absent: no cache import or export (the engine's local layer cache still applies). */
  cache?: CacheSpec;
}

export interface BuildResult {
  reference: string;
  /** `sha256:…` */
  id: string;
  sizeBytes: number;
  /** Dockerfile instructions the engine ran or took from its cache (FROM not counted). */
  steps: number;
  cachedSteps: number;
  /** Every step came from the cache: nothing was executed. */
  fromCache: boolean;
  /** Cache settings this engine could not honour, as said to the user. */
  warnings: string[];
  /**
   * A second tag of the built image that carries the registry cache (classic docker's inline
   * cache): pushed along with the image when pushing is allowed.
   */
  cacheReference?: string;
}

export interface ImageInfo {
  /** `sha256:…` */
  id: string;
  repoTags: string[];
  /** `repository@sha256:…` entries the engine knows for the image. */
  repoDigests: string[];
  sizeBytes: number;
  labels: Record<string, string>;
}

export interface PushResult {
  /** The manifest digest the registry stored (`sha256:…`), when the engine reports it. */
  digest?: string;
}

export interface PruneResult {
  imagesRemoved: number;
  /** As reported by the engine (Podman: the sum of the removed images' sizes). */
  bytesReclaimed: number;
}

export interface LoginRequest {
  /** host[:port] */
  registry: string;
  username: string;
  password: Secret;
}

export interface EngineHealth {
  ok: boolean;
  /** The engine's version when it answered; what went wrong otherwise. */
  detail: string;
}

export interface RestartOutcome {
  restarted: boolean;
  /** What was done, or why nothing was. */
  detail: string;
}

export interface ContainerEngine {
  readonly kind: EngineKind;
  /** For messages: `docker (buildx)`, `docker (classic BuildKit)`, `podman`. */
  readonly name: string;
  /** The kind provider (KIND_EXPERIMENTAL_PROVIDER) that runs nodes with this engine. */
  readonly provider: 'docker' | 'podman';

  build(request: BuildRequest, options?: OperationOptions): Promise<BuildResult>;
  pull(reference: string, options?: OperationOptions): Promise<void>;
  push(reference: string, options?: OperationOptions): Promise<PushResult>;
  tag(source: string, target: string, options?: OperationOptions): Promise<void>;
  /**
   * The images among `references` that local storage holds, keyed by the reference as given,
   * read with one engine call however many are asked about.
   */
  localImages(references: readonly string[], options?: OperationOptions): Promise<Map<string, ImageInfo>>;
  inspect(reference: string, options?: OperationOptions): Promise<ImageInfo>;
  /** Writes all `references` into ONE uncompressed docker-archive; returns its size. */
  save(references: readonly string[], archive: string, options?: OperationOptions): Promise<{ bytes: number }>;
  /** Writes all `references` as ONE docker-archive into `sink` (the other engine's loadFrom). */
  saveTo(references: readonly string[], sink: Writable, options?: OperationOptions): Promise<void>;
  /** Reads a docker-archive file (of this or the other engine) into local storage; never stopped part-way. */
  load(archive: string, options?: OperationOptions): Promise<void>;
  /**
   * Reads a docker-archive (of this or the other engine) from its stdin into local storage:
   * `onStdin` gets that stdin once the engine runs, writes the archive into it and closes it.
   * Never stopped part-way: it ends when the stream ends.
   */
  loadFrom(onStdin: (stdin: Writable) => void, options?: OperationOptions): Promise<void>;
  remove(references: readonly string[], options?: OperationOptions): Promise<void>;
  /**
   * Removes those of the images `ids` that are dangling now: images the run's references named
   * before it started, untagged since by its builds and pulls. No other image is ever removed:
   * an engine is shared with other runs and with the user.
   */
  removeDangling(ids: readonly string[], options?: OperationOptions): Promise<PruneResult>;
  /** The password goes to the engine on stdin, never in its arguments, and is registered as a secret. */
  login(request: LoginRequest, options?: OperationOptions): Promise<void>;
  health(options?: OperationOptions): Promise<EngineHealth>;
  /** Brings a dead engine back when this engine knows a safe way to (see each engine). */
  restart(options?: OperationOptions): Promise<RestartOutcome>;
}
