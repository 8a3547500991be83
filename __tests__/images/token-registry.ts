/**
 * A registry double for what the local distribution registry cannot show: the Bearer token
 * handshake of ghcr.io and Docker Hub (401 with a challenge, a token service that refuses private
 * repositories to anonymous callers, as ghcr.io does), Basic authentication, 5xx answers and
 * a registry that never answers. Manifest HEADs answer as the distribution API does.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface TokenRegistryOptions {
  auth: 'bearer' | 'basic';
  /** `repository:tag` → digest of the manifests it holds. */
  manifests: Record<string, string>;
  /** Repositories anyone may read (Bearer only; Basic always needs the credentials). */
  publicRepositories?: string[];
  credentials: { username: string; password: string };
  /** Statuses answered to the first manifest requests, one each, before the real answers. */
  failFirst?: number[];
  /** Accepts connections and never answers. */
  hang?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  accept?: string;
}

export interface TokenRegistry {
  /** host:port on 127.0.0.1 */
  address: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

const MANIFEST_PATH = /^\/v2\/(.+)\/manifests\/([^/]+)$/;

export async function startTokenRegistry(options: TokenRegistryOptions): Promise<TokenRegistry> {
  const requests: RecordedRequest[] = [];
  const failures = [...(options.failFirst ?? [])];
  const basic = `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString('base64')}`;
  let address = '';

  const tokenFor = (repository: string, authenticated: boolean) => `token.${authenticated ? 'user' : 'anonymous'}.${repository}`;

  const serveToken = (url: URL, authorization: string | undefined, res: ServerResponse) => {
    const repository = /^repository:(.+):pull$/.exec(url.searchParams.get('scope') ?? '')?.[1];
    const authenticated = authorization === basic;
    if (repository === undefined || url.searchParams.get('service') !== 'token-registry') return answer(res, 400);
    if (authorization !== undefined && !authenticated) return answer(res, 401);
    if (!authenticated && !options.publicRepositories?.includes(repository)) return answer(res, 401);
    answer(res, 200, { 'content-type': 'application/json' }, JSON.stringify({ token: tokenFor(repository, authenticated), expires_in: 300 }));
  };

  const serveManifest = (repository: string, reference: string, req: IncomingMessage, res: ServerResponse) => {
    const failure = failures.shift();
    if (failure !== undefined) return answer(res, failure);
    const authorization = req.headers.authorization;
    const authorized =
      options.auth === 'basic'
        ? authorization === basic
        : authorization === `Bearer ${tokenFor(repository, true)}` || authorization === `Bearer ${tokenFor(repository, false)}`;
    if (!authorized) {
      const challenge =
        options.auth === 'basic'
          ? 'Basic realm="token-registry"'
          : `Bearer realm="http://${address}/token",service="token-registry",scope="repository:${repository}:pull"`;
      return answer(res, 401, { 'www-authenticate': challenge });
    }
    const digest = options.manifests[`${repository}:${reference}`];
    if (digest === undefined) return answer(res, 404);
    answer(res, 200, { 'docker-content-digest': digest, 'content-type': 'application/vnd.oci.image.index.v1+json' });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${address}`);
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      ...(req.headers.authorization === undefined ? {} : { authorization: req.headers.authorization }),
      ...(req.headers.accept === undefined ? {} : { accept: req.headers.accept }),
    });
    if (options.hang) return;
    if (url.pathname === '/token') return serveToken(url, req.headers.authorization, res);
    const manifest = MANIFEST_PATH.exec(url.pathname);
    if (manifest !== null && req.method === 'HEAD') return serveManifest(manifest[1], manifest[2], req, res);
    answer(res, 404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  address = `127.0.0.1:${(server.address() as { port: number }).port}`;

  return {
    address,
    requests,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(res: ServerResponse, status: number, headers: Record<string, string> = {}, body?: string): void {
  res.writeHead(status, headers);
  res.end(body);
}
