/**
 * Azure Blob Storage as @azure/storage-blob's BlockBlobClient and @actions/cache's download use it,
 * path-style (`/<account>/<container>/<blob>`, as the SDK addresses an IP host) with SAS query
 * strings the double signs itself:
 * - Put Block (`PUT ?comp=block&blockid=…`) and Put Block List (`PUT ?comp=blocklist`, XML body),
 *   what `uploadStream` sends (the artifact client);
 * - Put Blob (`PUT`, `x-ms-blob-type: BlockBlob`), what `uploadFile` sends for archives up to
 *   its single-shot size (the cache client);
 * - Get Blob (`GET`), the cache client's download: from a host that is not
 *   `*.blob.core.windows.net` it is one plain GET (no ranges, no HEAD), checked against Content-Length.
 * Errors carry the `x-ms-error-code` header and the XML `<Error>` body the SDK parses.
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const STORAGE_ACCOUNT = 'actionsresults';
const SERVICE_VERSION = '2025-11-05';
/** A block id may be at most 64 bytes before base64 encoding. */
const MAX_BLOCK_ID_BYTES = 64;

export type SasPermission = 'r' | 'cw';

interface Blob {
  content?: Buffer;
  contentType?: string;
  etag?: string;
  lastModified?: Date;
  committedBlocks: Map<string, Buffer>;
  stagedBlocks: Map<string, Buffer>;
}

export class BlobError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const md5 = (data: Buffer | string): string => createHash('md5').update(data).digest('base64');

export class BlobStore {
  private readonly blobs = new Map<string, Blob>();
  private readonly signingKey = randomBytes(32);
  private held: { afterBytes: number; released: Promise<void> } | undefined;

  constructor(private readonly origin: () => string) {}

  /** A SAS URL for `path` (`<container>/<blob>`) valid for six hours. */
  signedUrl(path: string, permission: SasPermission): string {
    const expiry = new Date(Date.now() + 6 * 3600 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const query = new URLSearchParams({ sv: SERVICE_VERSION, sr: 'b', sp: permission, se: expiry });
    query.set('sig', this.signature(path, permission, expiry));
    return `${this.origin()}/${STORAGE_ACCOUNT}/${path}?${query}`;
  }

  /** The committed content of a blob. */
  content(path: string): Buffer | undefined {
    return this.blobs.get(path)?.content;
  }

  /**
   * The next read of a blob sends its first `afterBytes` bytes, then waits for the returned
   * `release` before the rest: a slow network, made deterministic.
   */
  holdNextRead(afterBytes: number): () => void {
    let release = () => undefined as void;
    this.held = { afterBytes, released: new Promise<void>((resolve) => (release = resolve)) };
    return () => release();
  }

  handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): void {
    const headers: Record<string, string> = {
      'x-ms-request-id': randomUUID(),
      'x-ms-version': String(req.headers['x-ms-version'] ?? SERVICE_VERSION),
      date: new Date().toUTCString(),
      server: 'Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0',
    };
    try {
      const path = decodeURIComponent(url.pathname.slice(`/${STORAGE_ACCOUNT}/`.length));
      this.authorize(path, url.searchParams, req.method === 'GET' ? 'r' : 'w');
      const reply = this.dispatch(req, url, path, body);
      res.writeHead(reply.status, { ...headers, ...reply.headers, 'content-length': String(reply.body?.length ?? 0) });
      const held = req.method === 'GET' && reply.body !== undefined ? this.held : undefined;
      if (held === undefined || reply.body === undefined) {
        res.end(reply.body);
        return;
      }
      this.held = undefined;
      const { body: content } = reply;
      res.write(content.subarray(0, held.afterBytes));
      void held.released.then(() => res.end(content.subarray(held.afterBytes)));
    } catch (error) {
      if (!(error instanceof BlobError)) throw error;
      writeBlobError(res, error, headers);
    }
  }

  private dispatch(
    req: IncomingMessage,
    url: URL,
    path: string,
    body: Buffer,
  ): { status: number; headers: Record<string, string>; body?: Buffer } {
    const comp = url.searchParams.get('comp');
    if (req.method === 'PUT' && comp === 'block') return this.putBlock(path, url.searchParams.get('blockid'), body);
    if (req.method === 'PUT' && comp === 'blocklist') return this.putBlockList(req, path, body);
    if (req.method === 'PUT' && comp === null) return this.putBlob(req, path, body);
    if (req.method === 'GET' && comp === null) return this.getBlob(path);
    throw new BlobError(400, 'UnsupportedHttpVerb', `The double does not serve ${req.method} with comp=${comp}.`);
  }

  private putBlock(path: string, blockId: string | null, body: Buffer) {
    const decoded = blockId === null ? undefined : Buffer.from(blockId, 'base64');
    if (blockId === null || decoded === undefined || decoded.length === 0 || decoded.length > MAX_BLOCK_ID_BYTES) {
      throw new BlobError(400, 'InvalidQueryParameterValue', `Value for one of the query parameters specified in the request URI is invalid: blockid=${blockId}`);
    }
    const blob = this.blob(path);
    const lengths = new Set([...blob.stagedBlocks.keys(), ...blob.committedBlocks.keys(), blockId].map((id) => id.length));
    if (lengths.size > 1) {
      throw new BlobError(400, 'InvalidBlobOrBlock', 'The specified blob or block content is invalid: block ids of one blob must have equal lengths.');
    }
    blob.stagedBlocks.set(blockId, body);
    return { status: 201, headers: { 'content-md5': md5(body), 'x-ms-request-server-encrypted': 'true' } };
  }

  private putBlockList(req: IncomingMessage, path: string, body: Buffer) {
    const blob = this.blob(path);
    const xml = body.toString('utf8');
    if (!/<BlockList>[\s\S]*<\/BlockList>/.test(xml)) {
      throw new BlobError(400, 'InvalidXmlDocument', 'XML specified is not syntactically valid.');
    }
    const blocks = new Map<string, Buffer>();
    for (const [, list, id] of xml.matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)) {
      const block =
        list === 'Committed'
          ? blob.committedBlocks.get(id)
          : list === 'Uncommitted'
            ? blob.stagedBlocks.get(id)
            : (blob.stagedBlocks.get(id) ?? blob.committedBlocks.get(id));
      if (block === undefined) throw new BlobError(400, 'InvalidBlockList', `The specified block list is invalid: no block ${id}.`);
      blocks.set(id, block);
    }
    blob.committedBlocks = blocks;
    blob.stagedBlocks = new Map();
    this.commit(blob, Buffer.concat([...blocks.values()]), req.headers['x-ms-blob-content-type']);
    return { status: 201, headers: { ...this.versionHeaders(blob), 'content-md5': md5(body), 'x-ms-request-server-encrypted': 'true' } };
  }

  private putBlob(req: IncomingMessage, path: string, body: Buffer) {
    if (req.headers['x-ms-blob-type'] !== 'BlockBlob') {
      throw new BlobError(400, 'MissingRequiredHeader', 'An HTTP header that is mandatory for this request is not specified: x-ms-blob-type.');
    }
    const blob = this.blob(path);
    blob.committedBlocks = new Map();
    blob.stagedBlocks = new Map();
    this.commit(blob, body, req.headers['x-ms-blob-content-type']);
    return { status: 201, headers: { ...this.versionHeaders(blob), 'content-md5': md5(body), 'x-ms-request-server-encrypted': 'true' } };
  }

  private getBlob(path: string) {
    const blob = this.blobs.get(path);
    if (blob?.content === undefined) throw new BlobError(404, 'BlobNotFound', 'The specified blob does not exist.');
    return {
      status: 200,
      headers: {
        ...this.versionHeaders(blob),
        'content-type': blob.contentType ?? 'application/octet-stream',
        'content-md5': md5(blob.content),
        'x-ms-blob-type': 'BlockBlob',
        'accept-ranges': 'bytes',
      },
      body: blob.content,
    };
  }

  private commit(blob: Blob, content: Buffer, contentType: string | string[] | undefined): void {
    blob.content = content;
    blob.contentType = typeof contentType === 'string' ? contentType : undefined;
    blob.etag = `"0x${randomBytes(8).toString('hex').toUpperCase()}"`;
    blob.lastModified = new Date();
  }

  private versionHeaders(blob: Blob): Record<string, string> {
    return { etag: blob.etag ?? '', 'last-modified': (blob.lastModified ?? new Date()).toUTCString() };
  }

  private blob(path: string): Blob {
    let blob = this.blobs.get(path);
    if (blob === undefined) {
      blob = { committedBlocks: new Map(), stagedBlocks: new Map() };
      this.blobs.set(path, blob);
    }
    return blob;
  }

  private authorize(path: string, query: URLSearchParams, access: 'r' | 'w'): void {
    const permission = query.get('sp') ?? '';
    const expiry = query.get('se') ?? '';
    const valid =
      query.get('sig') === this.signature(path, permission, expiry) &&
      Date.parse(expiry) > Date.now() &&
      permission.includes(access);
    if (!valid) {
      throw new BlobError(403, 'AuthenticationFailed', 'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.');
    }
  }

  private signature(path: string, permission: string, expiry: string): string {
    return createHmac('sha256', this.signingKey).update(`${path}\n${permission}\n${expiry}`).digest('base64');
  }
}

export function writeBlobError(
  res: ServerResponse,
  error: BlobError,
  headers: Record<string, string> = { 'x-ms-request-id': randomUUID(), 'x-ms-version': SERVICE_VERSION },
): void {
  const body = Buffer.from(
    `<?xml version="1.0" encoding="utf-8"?><Error><Code>${error.code}</Code><Message>${error.message}\n` +
      `RequestId:${headers['x-ms-request-id']}\nTime:${new Date().toISOString()}</Message></Error>`,
  );
  res.writeHead(error.status, {
    ...headers,
    'x-ms-error-code': error.code,
    'content-type': 'application/xml',
    'content-length': String(body.length),
  });
  res.end(body);
}
