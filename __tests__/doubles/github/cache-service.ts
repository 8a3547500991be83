/**
 * `github.actions.results.api.v1.CacheService` (cache service v2). An entry is identified by key,
 * version and scope (the git ref that saved it, from the token's `ac` claim); it becomes visible
 * once FinalizeCacheEntryUpload confirms the archive's size. A lookup tries, in each readable
 * scope (the job's own ref first, then e.g. the default branch): the key exactly, then as a
 * prefix, then every restore key the same way; a prefix match takes the newest entry. The
 * version must always match exactly.
 */
import type { BlobStore } from './blob-store.js';
import { type CacheScope, type JobClaims, READ, WRITE } from './token.js';
import { TwirpError, type TwirpMethod, int64Field, stringField } from './twirp.js';

const MAX_KEY_LENGTH = 512;

export interface StoredCacheEntry {
  id: number;
  key: string;
  version: string;
  /** The git ref whose jobs may read it (and the default branch's entries are readable by all). */
  scope: string;
  sizeBytes: number;
  /** The archive (tar, zstd or gzip) as uploaded. */
  archive: Buffer;
  finalized: boolean;
}

interface Entry extends Omit<StoredCacheEntry, 'archive'> {
  blobPath: string;
  /** Finalisation order: larger is newer. */
  sequence: number;
}

export class CacheService {
  private readonly entries: Entry[] = [];
  private nextId = 1;
  private sequence = 0;

  constructor(private readonly blobs: BlobStore) {}

  readonly methods: Record<string, TwirpMethod> = {
    CreateCacheEntry: (request, claims) => this.create(request, claims),
    FinalizeCacheEntryUpload: (request, claims) => this.finalize(request, claims),
    GetCacheEntryDownloadURL: (request, claims) => this.lookup(request, claims),
  };

  caches(): StoredCacheEntry[] {
    return this.entries.map(({ blobPath, sequence: _sequence, ...entry }) => ({
      ...entry,
      archive: this.blobs.content(blobPath) ?? Buffer.alloc(0),
    }));
  }

  private create(request: Record<string, unknown>, claims: JobClaims): Record<string, unknown> {
    const key = checkedKey(stringField(request, 'key'));
    const version = checkedVersion(stringField(request, 'version'));
    const scope = writableScope(claims);
    if (scope === undefined) return { ok: false, message: 'cache write denied: the token grants no writable cache scope' };
    if (this.entries.some((e) => e.key === key && e.version === version && e.scope === scope)) {
      throw new TwirpError('already_exists', 'cache entry with the same key, version, and scope already exists');
    }
    const id = this.nextId++;
    const blobPath = `cache/${id}/archive`;
    this.entries.push({ id, key, version, scope, sizeBytes: 0, finalized: false, blobPath, sequence: 0 });
    return { ok: true, signed_upload_url: this.blobs.signedUrl(blobPath, 'cw') };
  }

  private finalize(request: Record<string, unknown>, claims: JobClaims): Record<string, unknown> {
    const key = checkedKey(stringField(request, 'key'));
    const version = checkedVersion(stringField(request, 'version'));
    const scope = writableScope(claims);
    const entry = this.entries.find((e) => e.key === key && e.version === version && e.scope === scope && !e.finalized);
    if (entry === undefined) throw new TwirpError('not_found', `no cache entry with key '${key}' is being uploaded`);
    const size = int64Field(request, 'size_bytes');
    const uploaded = this.blobs.content(entry.blobPath)?.length;
    if (uploaded === undefined || size !== uploaded) {
      return { ok: false, message: `size_bytes ${request.size_bytes} does not match the ${uploaded ?? 0} bytes uploaded` };
    }
    Object.assign(entry, { sizeBytes: size, finalized: true, sequence: ++this.sequence });
    return { ok: true, entry_id: String(entry.id) };
  }

  private lookup(request: Record<string, unknown>, claims: JobClaims): Record<string, unknown> {
    const keys = [stringField(request, 'key'), ...stringArray(request.restore_keys)].map(checkedKey);
    const version = checkedVersion(stringField(request, 'version'));
    for (const scope of readableScopes(claims)) {
      const visible = this.entries.filter((e) => e.finalized && e.scope === scope && e.version === version);
      for (const key of keys) {
        const match =
          visible.find((e) => e.key === key) ?? newest(visible.filter((e) => e.key.startsWith(key)));
        if (match !== undefined) {
          return { ok: true, signed_download_url: this.blobs.signedUrl(match.blobPath, 'r'), matched_key: match.key };
        }
      }
    }
    return { ok: false, signed_download_url: '', matched_key: '' };
  }
}

function newest(entries: Entry[]): Entry | undefined {
  return entries.reduce<Entry | undefined>((best, e) => (best === undefined || e.sequence > best.sequence ? e : best), undefined);
}

function writableScope(claims: JobClaims): string | undefined {
  return claims.cacheScopes.find((s) => (s.Permission & WRITE) !== 0)?.Scope;
}

/** The job's own (writable) scope first, then the scopes it may only read. */
function readableScopes(claims: JobClaims): string[] {
  const readable = claims.cacheScopes.filter((s) => (s.Permission & READ) !== 0);
  const own = (s: CacheScope) => ((s.Permission & WRITE) !== 0 ? 0 : 1);
  return [...readable].sort((a, b) => own(a) - own(b)).map((s) => s.Scope);
}

function checkedKey(key: string): string {
  if (key === '' || key.length > MAX_KEY_LENGTH || key.includes(',')) {
    throw new TwirpError('invalid_argument', `invalid cache key ${JSON.stringify(key)}: 1 to ${MAX_KEY_LENGTH} characters, no commas`);
  }
  return key;
}

function checkedVersion(version: string): string {
  if (version === '') throw new TwirpError('invalid_argument', 'version is required');
  return version;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
