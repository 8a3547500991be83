/**
 * Asks a registry whether it holds an image, over the OCI distribution API: a HEAD on the
 * manifest, with the token handshake registries use. Nothing is pulled and no engine is needed.
 *
 * Failures are classified: 5xx, 429, network errors and timeouts are retried with backoff, then
 * reported as RegistryUnavailableError (transient); a refusal with credentials is
 * RegistryAccessDeniedError (permanent). Without credentials a refusal means "absent": Docker Hub
 * and ghcr.io answer 401 instead of 404 for a repository that does not exist, so an anonymous
 * reader cannot tell a private image from one never published.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { parseReference, type Secret } from '../config/index.js';
import type { Log } from '../util/log.js';
import { isLoopbackRegistry } from './references.js';

export interface RegistryCredentials {
  username: string;
  password: Secret;
}

export interface RegistryProbeOptions {
  credentials?: RegistryCredentials;
  /** Each HTTP request, body included. Default 15 s. */
  timeoutMs?: number;
  /** The waits before each retry of a transient failure; their count is the number of retries. */
  retryDelaysMs?: readonly number[];
  /** Receives a debug line per retry. */
  log?: Log;
}

export type ManifestPresence =
  | { present: true; /** `sha256:…` from Docker-Content-Digest, when the registry sends it. */ digest: string | undefined }
  | { present: false; /** Why, when the registry says more than "not found". */ detail?: string };

/** The registry could not be asked (5xx, rate limit, network, timeout) even after retries. */
export class RegistryUnavailableError extends Error {
  readonly transient = true;
  constructor(
    readonly registry: string,
    readonly repository: string,
    readonly failure: string,
    readonly attempts: number,
  ) {
    super(`registry ${registry} did not answer for ${repository} after ${attempts} attempt(s): ${failure}`);
    this.name = 'RegistryUnavailableError';
  }
}

/** The registry refused the given credentials, or refused them the repository. */
export class RegistryAccessDeniedError extends Error {
  readonly transient = false;
  constructor(
    readonly registry: string,
    readonly repository: string,
    status: number,
  ) {
    super(
      `access denied to ${registry} for ${repository} (HTTP ${status}): ` +
        'check registry-username/registry-password and that they may read this repository',
    );
    this.name = 'RegistryAccessDeniedError';
  }
}

/** The registry answered in a way the distribution API does not allow for this request. */
export class RegistryResponseError extends Error {
  readonly transient = false;
  constructor(
    readonly registry: string,
    message: string,
  ) {
    super(`registry ${registry}: ${message}`);
    this.name = 'RegistryResponseError';
  }
}

/** Where the distribution API of a reference lives. */
export interface RegistryEndpoint {
  /** `https://ghcr.io`, `http://127.0.0.1:5000` */
  base: string;
  /** host[:port] as written (Docker Hub: `docker.io`), for messages. */
  registry: string;
  /** Repository name inside the registry (Docker Hub: `library/` before official images). */
  repository: string;
  /** Tag or digest. */
  reference: string;
}

const DOCKER_HUB = { registry: 'docker.io', api: 'registry-1.docker.io' };
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** The multi-architecture indexes first, then single manifests: a HEAD must accept every kind. */
const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RETRY_DELAYS_MS = [1_000, 3_000, 9_000];
/** Tokens whose response gives no lifetime are reused this long (the spec's default is 60 s). */
const DEFAULT_TOKEN_SECONDS = 60;

const ANONYMOUS_REFUSED = 'the registry refuses anonymous reads: private, or never published';

/**
 * Plain HTTP for loopback registries, as docker treats 127.0.0.0/8 (and localhost) as insecure;
 * HTTPS for every other registry.
 */
export function registryEndpoint(text: string): RegistryEndpoint {
  const parsed = parseReference(text);
  const hub = parsed.registry === undefined || DOCKER_HUB_ALIASES.has(parsed.registry);
  const host = hub ? DOCKER_HUB.api : (parsed.registry as string);
  const scheme = isLoopbackRegistry(host) ? 'http' : 'https';
  return {
    base: `${scheme}://${host}`,
    registry: hub ? DOCKER_HUB.registry : host,
    repository: hub && !parsed.path.includes('/') ? `library/${parsed.path}` : parsed.path,
    reference: parsed.digest ?? parsed.tag ?? 'latest',
  };
}

interface Authorization {
  header: string;
  /** Date.now() after which it is asked for again. */
  expiresAt: number;
}

export class RegistryProbe {
  private readonly timeoutMs: number;
  private readonly retryDelaysMs: readonly number[];
  /** Per registry and repository: pull tokens are scoped to one repository. */
  private readonly authorizations = new Map<string, Authorization>();

  constructor(private readonly options: RegistryProbeOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  }

  /** Whether the registry holds `reference` (a tag or a digest), with its digest when it does. */
  async manifest(reference: string): Promise<ManifestPresence> {
    const endpoint = registryEndpoint(reference);
    try {
      return await this.headManifest(endpoint);
    } catch (error) {
      if (error instanceof RegistryAccessDeniedError && this.options.credentials === undefined) {
        return { present: false, detail: ANONYMOUS_REFUSED };
      }
      throw error;
    }
  }

  async has(reference: string): Promise<boolean> {
    return (await this.manifest(reference)).present;
  }

  /** The manifest digest (`sha256:…`) of `reference`, or undefined when the registry lacks it. */
  async digestOf(reference: string): Promise<string | undefined> {
    const presence = await this.manifest(reference);
    if (!presence.present) return undefined;
    if (presence.digest === undefined) {
      throw new RegistryResponseError(registryEndpoint(reference).registry, `no Docker-Content-Digest header for ${reference}`);
    }
    return presence.digest;
  }

  private async headManifest(endpoint: RegistryEndpoint): Promise<ManifestPresence> {
    const url = `${endpoint.base}/v2/${endpoint.repository}/manifests/${endpoint.reference}`;
    const key = `${endpoint.base}/${endpoint.repository}`;
    const head = (authorization: string | undefined) =>
      this.send(endpoint, url, { method: 'HEAD', headers: { Accept: MANIFEST_TYPES, ...authorizationHeader(authorization) } });

    const cached = this.authorizations.get(key);
    let response = await head(cached !== undefined && cached.expiresAt > Date.now() ? cached.header : undefined);
    if (response.status === 401) {
      const authorization = await this.authorize(endpoint, response.headers.get('www-authenticate'));
      this.authorizations.set(key, authorization);
      response = await head(authorization.header);
    }

    if (response.status === 200) return { present: true, digest: response.headers.get('docker-content-digest') ?? undefined };
    if (response.status === 404) return { present: false };
    if (response.status === 401 || response.status === 403) {
      throw new RegistryAccessDeniedError(endpoint.registry, endpoint.repository, response.status);
    }
    throw new RegistryResponseError(endpoint.registry, `HEAD ${url} answered HTTP ${response.status}`);
  }

  /** Answers a 401 challenge: a pull token for Bearer, the credentials themselves for Basic. */
  private async authorize(endpoint: RegistryEndpoint, header: string | null): Promise<Authorization> {
    const challenge = parseChallenge(header ?? '');
    const credentials = this.options.credentials;
    if (challenge?.scheme === 'basic') {
      if (credentials === undefined) throw new RegistryAccessDeniedError(endpoint.registry, endpoint.repository, 401);
      return { header: basicAuthorization(credentials), expiresAt: Number.POSITIVE_INFINITY };
    }
    if (challenge?.scheme !== 'bearer' || challenge.params.realm === undefined) {
      throw new RegistryResponseError(endpoint.registry, `answered 401 without a Bearer or Basic challenge (WWW-Authenticate: ${header ?? 'missing'})`);
    }

    const tokenUrl = new URL(challenge.params.realm);
    if (challenge.params.service !== undefined) tokenUrl.searchParams.set('service', challenge.params.service);
    tokenUrl.searchParams.set('scope', `repository:${endpoint.repository}:pull`);
    const response = await this.send(endpoint, tokenUrl.toString(), {
      method: 'GET',
      headers: credentials === undefined ? {} : { Authorization: basicAuthorization(credentials) },
    });
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw new RegistryAccessDeniedError(endpoint.registry, endpoint.repository, response.status);
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new RegistryResponseError(endpoint.registry, `the token service ${tokenUrl.origin} answered HTTP ${response.status}`);
    }
    const body = (await response.json().catch(() => undefined)) as { token?: unknown; access_token?: unknown; expires_in?: unknown } | undefined;
    const token = body?.token ?? body?.access_token;
    if (typeof token !== 'string' || token === '') {
      throw new RegistryResponseError(endpoint.registry, `the token service ${tokenUrl.origin} sent no token`);
    }
    const seconds = typeof body?.expires_in === 'number' ? body.expires_in : DEFAULT_TOKEN_SECONDS;
    // Renewed a little early so a token never expires between the check and the request.
    return { header: `Bearer ${token}`, expiresAt: Date.now() + Math.max(0, seconds - 10) * 1000 };
  }

  /** One HTTP exchange, retried with backoff while the failure is transient. */
  private async send(endpoint: RegistryEndpoint, url: string, init: { method: string; headers: Record<string, string> }): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      let failure: string;
      try {
        const response = await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
        if (response.status < 500 && response.status !== 429) return response;
        await response.body?.cancel();
        failure = `HTTP ${response.status} from ${new URL(url).origin}`;
      } catch (error) {
        failure = describeFetchFailure(error, this.timeoutMs);
      }
      const wait = this.retryDelaysMs[attempt - 1];
      if (wait === undefined) throw new RegistryUnavailableError(endpoint.registry, endpoint.repository, failure, attempt);
      this.options.log?.debug(`registry ${endpoint.registry}: ${failure}; retrying in ${wait} ms`);
      await delay(wait);
    }
  }
}

function authorizationHeader(value: string | undefined): Record<string, string> {
  return value === undefined ? {} : { Authorization: value };
}

function basicAuthorization({ username, password }: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${username}:${password.reveal()}`).toString('base64')}`;
}

interface Challenge {
  scheme: string;
  params: Record<string, string | undefined>;
}

/** `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:a/b:pull"` (quoted values may hold commas). */
export function parseChallenge(header: string): Challenge | undefined {
  const match = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(header);
  if (match === null) return undefined;
  const params: Record<string, string> = {};
  for (const param of match[2].matchAll(/([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    params[param[1].toLowerCase()] = param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : param[3];
  }
  return { scheme: match[1].toLowerCase(), params };
}

/** fetch's errors come from Node's own realm: read them by shape, not with instanceof. */
function describeFetchFailure(error: unknown, timeoutMs: number): string {
  const { name, message, cause } = (error ?? {}) as { name?: string; message?: string; cause?: { message?: string } };
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  return cause?.message ?? message ?? String(error);
}
