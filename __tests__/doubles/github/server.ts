/** The HTTP face of the GitHub services double: twirp routes, blob paths, injected failures, a request log. */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BlobError, type BlobStore, STORAGE_ACCOUNT, writeBlobError } from './blob-store.js';
import type { RestApi } from './rest-api.js';
import type { TokenIssuer } from './token.js';
import { TwirpError, type TwirpMethod, writeTwirp, writeTwirpError } from './twirp.js';

export type GitHubService = 'artifacts' | 'cache' | 'blob' | 'api';

/** An HTTP status to answer with, or `hang`: never answer (until the double closes). */
export type Fault = number | 'hang';

export interface RecordedRequest {
  service: GitHubService | 'unknown';
  method: string;
  /** The path without the query (which holds the SAS signature). */
  path: string;
  /** The storage operation's `comp` parameter (`block`, `blocklist`), if any. */
  comp?: string;
  status: number;
}

const TWIRP_SERVICES: Record<string, Exclude<GitHubService, 'blob' | 'api'>> = {
  'github.actions.results.api.v1.ArtifactService': 'artifacts',
  'github.actions.results.api.v1.CacheService': 'cache',
};

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export class ServicesServer {
  readonly requests: RecordedRequest[] = [];
  private readonly faults = new Map<GitHubService, Fault[]>();
  private readonly server: Server;

  constructor(
    private readonly tokens: TokenIssuer,
    private readonly twirp: Record<Exclude<GitHubService, 'blob' | 'api'>, Record<string, TwirpMethod>>,
    private readonly blobs: BlobStore,
    private readonly api: RestApi,
  ) {
    this.server = createServer((req, res) => {
      this.serve(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`double failure: ${error instanceof Error ? error.stack : String(error)}`);
      });
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next `times` requests to `service` get `fault`: a status in that service's error format, or no answer. */
  failNext(service: GitHubService, fault: Fault, times: number): void {
    const queue = this.faults.get(service) ?? [];
    queue.push(...Array<Fault>(times).fill(fault));
    this.faults.set(service, queue);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://double');
    const body = await readBody(req);
    const twirp = /^\/twirp\/([\w.]+)\/(\w+)$/.exec(url.pathname);
    const service: RecordedRequest['service'] = twirp
      ? (TWIRP_SERVICES[twirp[1]] ?? 'unknown')
      : url.pathname.startsWith(`/${STORAGE_ACCOUNT}/`)
        ? 'blob'
        : this.api.handles(url.pathname)
          ? 'api'
          : 'unknown';
    const comp = url.searchParams.get('comp') ?? undefined;
    res.on('finish', () => this.requests.push({ service, method: req.method ?? '', path: url.pathname, comp, status: res.statusCode }));

    const injected = service === 'unknown' ? undefined : this.faults.get(service)?.shift();
    if (injected === 'hang') return;
    if (service === 'blob') {
      if (injected !== undefined) writeBlobError(res, injectedBlobError(injected));
      else this.blobs.handle(req, res, url, body);
    } else if (service === 'api') {
      if (injected !== undefined) {
        res.writeHead(injected, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `injected failure (HTTP ${injected})` }));
      } else this.api.serve(req.method ?? '', new URL(req.url ?? '/', `http://${req.headers.host}`), req.headers.authorization, res);
    } else if (twirp && service !== 'unknown') {
      if (injected !== undefined) writeTwirpError(res, TwirpError.forStatus(injected));
      else this.serveTwirp(req, res, this.twirp[service][twirp[2]], body);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`the double serves no ${req.method} ${url.pathname}`);
    }
  }

  private serveTwirp(req: IncomingMessage, res: ServerResponse, method: TwirpMethod | undefined, body: Buffer): void {
    try {
      if (req.method !== 'POST' || method === undefined) throw new TwirpError('bad_route', `no handler for ${req.method} ${req.url}`);
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        throw new TwirpError('bad_route', `unexpected Content-Type: ${req.headers['content-type']}`);
      }
      const claims = this.tokens.verify(req.headers.authorization);
      if (claims === undefined) throw new TwirpError('unauthenticated', 'missing or invalid runtime token');
      let request: unknown;
      try {
        request = JSON.parse(body.toString('utf8'));
      } catch {
        throw new TwirpError('malformed', 'the request body is not JSON');
      }
      writeTwirp(res, 200, method(request as Record<string, unknown>, claims));
    } catch (error) {
      if (!(error instanceof TwirpError)) throw error;
      writeTwirpError(res, error);
    }
  }
}

function injectedBlobError(status: number): BlobError {
  const codes: Record<number, string> = { 403: 'AuthenticationFailed', 404: 'BlobNotFound', 500: 'InternalError', 503: 'ServerBusy' };
  return new BlobError(status, codes[status] ?? 'InvalidInput', `injected failure (HTTP ${status})`);
}
