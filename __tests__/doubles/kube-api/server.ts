/** The HTTP face of the double: the REST paths, verbs, query parameters and media types client-node uses. */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { Controller } from './controller.js';
import { containerLogs } from './lifecycle.js';
import type { Marks } from './marks.js';
import { PATCH_TYPES, type Registry, parseBody } from './registry.js';
import { type ResourceType, apiGroupList, apiResourceList, apiVersionOf, storageKey } from './resources.js';
import { fieldSelector, labelSelector } from './selectors.js';
import { ApiError, badRequest, expired, methodNotAllowed, pathNotFound, unauthorized } from './status.js';
import type { Change, KObject } from './store.js';

export interface RecordedRequest {
  seq: number;
  /** performance.now() when the request arrived. */
  time: number;
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string;
  /** The HTTP status, once the response is sent (watches: when the stream starts). */
  status?: number;
}

export interface ServerOptions {
  token: string;
  applyLatencyMs: number;
  watchUnavailable: boolean;
}

interface Target {
  r: ResourceType;
  namespace?: string;
  name?: string;
  sub?: string;
}

interface Reply {
  code?: number;
  body: unknown;
  text?: boolean;
}

const STREAMING = Symbol('streaming');

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export class ApiServer {
  readonly requests: RecordedRequest[] = [];
  readonly applies = { inFlight: 0, maxInFlight: 0 };
  private readonly server: Server;
  private readonly streams = new Set<ServerResponse>();
  private readonly closing = new AbortController();
  private seq = 0;

  constructor(
    private readonly registry: Registry,
    private readonly controller: Controller,
    private readonly marks: Marks,
    private readonly options: ServerOptions,
  ) {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 1000;
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.closing.abort(new Error('the double is closing'));
    for (const stream of this.streams) stream.end();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://double');
    const record: RecordedRequest = { seq: ++this.seq, time: performance.now(), method: req.method ?? 'GET',
      path: url.pathname, query: url.searchParams, contentType: mediaType(req.headers['content-type']) };
    this.requests.push(record);
    res.on('finish', () => (record.status ??= res.statusCode));
    try {
      if (req.headers.authorization !== `Bearer ${this.options.token}`) throw unauthorized();
      const body = await readBody(req);
      const reply = await this.route(record, url, body, req, res);
      if (reply === STREAMING) {
        record.status = 200;
        return;
      }
      this.send(res, reply.code ?? 200, reply.body, reply.text);
    } catch (error) {
      const apiError = error instanceof ApiError ? error
        : new ApiError(500, 'InternalError', `Internal error occurred: ${(error as Error).message}`);
      this.send(res, apiError.code, apiError.toStatus());
    }
  }

  private send(res: ServerResponse, code: number, body: unknown, text = false): void {
    if (res.headersSent) return;
    res.writeHead(code, { 'Content-Type': text ? 'text/plain' : 'application/json' });
    res.end(text ? String(body) : JSON.stringify(body));
  }

  private async route(record: RecordedRequest, url: URL, body: string, req: IncomingMessage,
    res: ServerResponse): Promise<Reply | typeof STREAMING> {
    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const discovery = this.discovery(segments);
    if (discovery) {
      if (record.method !== 'GET') throw methodNotAllowed(record.method);
      return { body: discovery };
    }
    const target = this.target(segments);
    const q = url.searchParams;
    const { r, namespace, name, sub } = target;
    if (name === undefined) {
      if (record.method === 'GET') {
        return q.get('watch') === 'true' || q.get('watch') === '1' ? this.watch(target, q, req, res) : { body: this.list(target, q) };
      }
      if (record.method === 'POST') {
        return { code: 201, body: this.registry.present(r, this.registry.create(r, namespace, parseBody(body), q.get('fieldManager') ?? 'unknown')) };
      }
      throw methodNotAllowed(record.method);
    }
    if (sub === 'log') return { body: this.logs(namespace!, name, q), text: true };
    if (sub === 'scale') return { body: this.scale(record.method, r, namespace, name, record.contentType, body, q) };
    if (sub === 'status' && record.method !== 'GET') throw methodNotAllowed(record.method);
    switch (record.method) {
      case 'GET':
        return { body: this.registry.present(r, this.registry.get(r, namespace, name)) };
      case 'PUT':
        return { body: this.registry.present(r, this.registry.replace(r, namespace, name, parseBody(body), q.get('fieldManager') ?? 'unknown')) };
      case 'PATCH':
        return { body: this.registry.present(r, await this.patch(record, r, namespace, name, body, q)) };
      case 'DELETE': {
        const options = body ? (parseBody(body) as { gracePeriodSeconds?: number }) : {};
        const grace = q.get('gracePeriodSeconds') ?? options.gracePeriodSeconds;
        const deleted = this.registry.delete(r, namespace, name,
          { gracePeriodSeconds: grace === undefined || grace === null ? undefined : Number(grace) });
        return { body: this.registry.present(r, deleted) };
      }
      default:
        throw methodNotAllowed(record.method);
    }
  }

  private discovery(segments: string[]): object | undefined {
    const served = this.registry.served();
    const path = segments.join('/');
    if (path === 'version') {
      return { major: '1', minor: '34', gitVersion: 'v1.34.0', platform: 'linux/amd64', goVersion: 'go1.24.6' };
    }
    if (path === 'api') {
      return { kind: 'APIVersions', versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '172.18.0.2:6443' }] };
    }
    if (path === 'api/v1') return apiResourceList('', 'v1', served.filter((r) => r.group === ''));
    if (path === 'apis') return apiGroupList(served);
    if (segments[0] === 'apis' && (segments.length === 2 || segments.length === 3)) {
      const [, group, version] = segments;
      const matching = served.filter((r) => r.group === group && (version === undefined || r.version === version));
      if (matching.length === 0) throw pathNotFound();
      if (version !== undefined) return apiResourceList(group, version, matching);
      const list = apiGroupList(matching) as { groups: object[] };
      return { kind: 'APIGroup', apiVersion: 'v1', ...list.groups[0] };
    }
    return undefined;
  }

  private target(segments: string[]): Target {
    let group: string;
    let version: string;
    let rest: string[];
    if (segments[0] === 'api' && segments[1] === 'v1') [group, version, rest] = ['', 'v1', segments.slice(2)];
    else if (segments[0] === 'apis' && segments.length > 3) [group, version, rest] = [segments[1], segments[2], segments.slice(3)];
    else throw pathNotFound();
    const namespaceSub = rest.length === 3 && (rest[2] === 'status' || rest[2] === 'finalize');
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3 && !namespaceSub) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
    const [plural, name, sub, ...extra] = rest;
    const r = this.registry.find(group, version, plural);
    if (!r || extra.length || (r.namespaced === false && namespace !== undefined)) throw pathNotFound();
    if (r.namespaced && namespace === undefined && name !== undefined) throw pathNotFound();
    if (sub !== undefined && !(r.subresources ?? []).includes(sub as 'status')) throw pathNotFound();
    return { r, namespace, name, sub };
  }

  private matcher(target: Target, q: URLSearchParams): (o: KObject) => boolean {
    const labels = labelSelector(q.get('labelSelector'));
    const fields = fieldSelector(q.get('fieldSelector'));
    return (o) => (target.namespace === undefined || o.metadata.namespace === target.namespace)
      && labels(o.metadata.labels) && fields(o);
  }

  private list(target: Target, q: URLSearchParams): object {
    const { r } = target;
    const match = this.matcher(target, q);
    const items = this.registry.store.list(r, target.namespace).filter(match).map((o) => {
      const shown = this.registry.present(r, o);
      // Built-in lists carry no per-item kind/apiVersion; custom resource lists (unstructured) do.
      if (this.registry.isCustom(r)) return shown;
      const { apiVersion: _a, kind: _k, ...rest } = shown;
      return rest;
    });
    return { apiVersion: apiVersionOf(r), kind: `${r.kind}List`,
      metadata: { resourceVersion: this.registry.store.resourceVersion }, items };
  }

  private watch(target: Target, q: URLSearchParams, req: IncomingMessage, res: ServerResponse): typeof STREAMING {
    if (this.options.watchUnavailable) {
      throw new ApiError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
    }
    const { r } = target;
    const store = this.registry.store;
    const match = this.matcher(target, q);
    const write = (type: string, object: object) => res.write(`${JSON.stringify({ type, object })}\n`);
    const relevant = (c: Change) => storageKey(c.resource) === storageKey(r) && match(c.object);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
    res.flushHeaders();
    const from = q.get('resourceVersion');
    if (from && from !== '0') {
      const rv = Number(from);
      if (!Number.isFinite(rv) || rv < store.oldestResumable) {
        write('ERROR', expired(from, store.oldestResumable).toStatus());
        res.end();
        return STREAMING;
      }
      for (const change of store.since(rv).filter(relevant)) write(change.type, this.registry.present(r, change.object));
    } else {
      for (const o of store.list(r, target.namespace).filter(match)) write('ADDED', this.registry.present(r, o));
    }
    const unsubscribe = store.subscribe((change) => {
      if (relevant(change)) write(change.type, this.registry.present(r, change.object));
    });
    this.streams.add(res);
    const timeoutSeconds = Number(q.get('timeoutSeconds') ?? 0);
    const timer = timeoutSeconds > 0 ? setTimeout(() => res.end(), timeoutSeconds * 1000) : undefined;
    const finish = () => {
      unsubscribe();
      clearTimeout(timer);
      this.streams.delete(res);
    };
    req.on('close', finish);
    res.on('close', finish);
    return STREAMING;
  }

  private async patch(record: RecordedRequest, r: ResourceType, namespace: string | undefined, name: string,
    body: string, q: URLSearchParams): Promise<KObject> {
    if (record.contentType !== PATCH_TYPES.apply) {
      return this.registry.patch(r, namespace, name, record.contentType, body, q.get('fieldManager') ?? 'unknown');
    }
    this.applies.inFlight++;
    this.applies.maxInFlight = Math.max(this.applies.maxInFlight, this.applies.inFlight);
    try {
      if (this.options.applyLatencyMs > 0) await delay(this.options.applyLatencyMs, undefined, { signal: this.closing.signal });
      const applied = this.registry.apply(r, namespace, name, body, q.get('fieldManager'), q.get('force') === 'true');
      this.marks.markApplied(r.kind, namespace, name);
      return applied;
    } finally {
      this.applies.inFlight--;
    }
  }

  private scale(method: string, r: ResourceType, namespace: string | undefined, name: string, contentType: string,
    body: string, q: URLSearchParams): object {
    const existing = this.registry.get(r, namespace, name);
    const current = scaleOf(existing);
    if (method === 'GET') return current;
    let replicas: unknown;
    if (method === 'PATCH') {
      replicas = (this.registry.patchDocument(r, current, contentType, body) as { spec?: { replicas?: unknown } }).spec?.replicas;
    } else if (method === 'PUT') {
      const scale = parseBody(body) as { spec?: { replicas?: unknown }; metadata?: { resourceVersion?: string } };
      replicas = scale.spec?.replicas;
    } else {
      throw methodNotAllowed(method);
    }
    if (!Number.isInteger(replicas) || (replicas as number) < 0) {
      throw new ApiError(422, 'Invalid', `Scale.autoscaling "${name}" is invalid: spec.replicas: Invalid value: `
        + `${JSON.stringify(replicas)}: must be greater than or equal to 0`,
      { name, group: 'autoscaling', kind: 'Scale', causes: [{ reason: 'FieldValueInvalid',
        message: 'must be greater than or equal to 0', field: 'spec.replicas' }] });
    }
    const next = { ...existing, spec: { ...existing.spec, replicas } };
    return scaleOf(this.registry.replace(r, namespace, name, next, q.get('fieldManager') ?? 'unknown'));
  }

  private logs(namespace: string, name: string, q: URLSearchParams): string {
    const pods = this.registry.find('', 'v1', 'pods')!;
    const pod = this.registry.get(pods, namespace, name);
    const tail = q.get('tailLines');
    if (tail !== null && !/^\d+$/.test(tail)) throw badRequest(`tailLines: Invalid value: "${tail}"`);
    const lines = containerLogs(pod, q.get('container'), q.get('previous') === 'true', this.controller.planFor(pod));
    const shown = tail === null ? lines : lines.slice(Math.max(lines.length - Number(tail), 0));
    return shown.map((l) => `${l}\n`).join('');
  }
}

function scaleOf(obj: KObject): object {
  const labels: Record<string, string> = obj.spec?.selector?.matchLabels ?? {};
  return {
    kind: 'Scale', apiVersion: 'autoscaling/v1',
    metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion, creationTimestamp: obj.metadata.creationTimestamp },
    spec: { replicas: obj.spec?.replicas ?? 0 },
    status: { replicas: obj.status?.replicas ?? 0,
      selector: Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',') },
  };
}
