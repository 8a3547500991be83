/**
 * `github.actions.results.api.v1.ArtifactService`: CreateArtifact hands out a signed blob URL,
 * FinalizeArtifact checks what arrived there and gives the artifact its id; ListArtifacts and
 * GetSignedArtifactURL let any job of the same run find and read finalised artifacts. Names follow the
 * service's rules: no `" : < > | * ? \r \n \ /`, unique within the workflow run (also across
 * run attempts, which share the run).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { BlobStore } from './blob-store.js';
import type { JobClaims } from './token.js';
import { TwirpError, type TwirpMethod, int64Field, stringField } from './twirp.js';

const FORBIDDEN_NAME_CHARACTERS = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n', '\\', '/'];
const MAX_RETENTION_DAYS = 90;
const DAY_MS = 24 * 3600 * 1000;

export interface StoredArtifact {
  id: number;
  name: string;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  createdAt: Date;
  /** Absent when the client asked for the repository's default retention. */
  expiresAt?: Date;
  /** Whole days from creation to expiry. */
  retentionDays?: number;
  mimeType?: string;
  size: number;
  /** `sha256:<hex>` as the client reported it at finalisation. */
  digest?: string;
  /** The uploaded zip; empty until finalised. */
  zipBytes: Buffer;
  finalized: boolean;
}

interface Pending {
  artifact: StoredArtifact;
  blobPath: string;
}

export class ArtifactService {
  private readonly records: Pending[] = [];
  private nextId = 4242;

  constructor(private readonly blobs: BlobStore) {}

  readonly methods: Record<string, TwirpMethod> = {
    CreateArtifact: (request, claims) => this.create(request, claims),
    FinalizeArtifact: (request, claims) => this.finalize(request, claims),
    ListArtifacts: (request, claims) => this.list(request, claims),
    GetSignedArtifactURL: (request, claims) => this.signedDownload(request, claims),
  };

  artifacts(): StoredArtifact[] {
    return this.records.map((record) => record.artifact);
  }

  /** A signed URL that reads a finalised artifact's zip (the REST API's download redirect). */
  downloadUrl(id: number): string | undefined {
    const record = this.records.find((r) => r.artifact.finalized && r.artifact.id === id);
    return record && this.blobs.signedUrl(record.blobPath, 'r');
  }

  private create(request: Record<string, unknown>, claims: JobClaims): Record<string, unknown> {
    checkJob(request, claims);
    const name = stringField(request, 'name');
    checkName(name);
    if (this.records.some((r) => r.artifact.workflowRunBackendId === claims.runBackendId && r.artifact.name === name)) {
      throw new TwirpError('already_exists', 'an artifact with this name already exists on the workflow run');
    }
    const createdAt = new Date();
    const expiresAt = expiry(request.expires_at, createdAt);
    const blobPath = `artifacts/${claims.runBackendId}/${randomUUID()}.zip`;
    this.records.push({
      blobPath,
      artifact: {
        id: this.nextId++,
        name,
        workflowRunBackendId: claims.runBackendId,
        workflowJobRunBackendId: claims.jobBackendId,
        createdAt,
        expiresAt,
        retentionDays: expiresAt && Math.round((expiresAt.getTime() - createdAt.getTime()) / DAY_MS),
        mimeType: typeof request.mime_type === 'string' ? request.mime_type : undefined,
        size: 0,
        zipBytes: Buffer.alloc(0),
        finalized: false,
      },
    });
    return { ok: true, signed_upload_url: this.blobs.signedUrl(blobPath, 'cw') };
  }

  private list(request: Record<string, unknown>, claims: JobClaims): Record<string, unknown> {
    checkRun(request, claims);
    // Wrapper types (StringValue, Int64Value) are plain values in protobuf's JSON.
    const name = typeof request.name_filter === 'string' ? request.name_filter : undefined;
    const id = request.id_filter === undefined ? undefined : Number(request.id_filter);
    const found = this.artifacts().filter(
      (a) => a.finalized && a.workflowRunBackendId === claims.runBackendId && (name === undefined || a.name === name) && (id === undefined || a.id === id),
    );
    return {
      artifacts: found.map((a) => ({
        workflow_run_backend_id: a.workflowRunBackendId,
        workflow_job_run_backend_id: a.workflowJobRunBackendId,
        database_id: String(a.id),
        name: a.name,
        size: String(a.size),
        created_at: a.createdAt.toISOString(),
        ...(a.digest === undefined ? {} : { digest: a.digest }),
      })),
    };
  }

  private signedDownload(request: Record<string, unknown>, claims: JobClaims): Record<string, unknown> {
    checkRun(request, claims);
    const name = stringField(request, 'name');
    const jobId = stringField(request, 'workflow_job_run_backend_id');
    const record = this.records.find(
      (r) => r.artifact.finalized && r.artifact.workflowRunBackendId === claims.runBackendId && r.artifact.workflowJobRunBackendId === jobId && r.artifact.name === name,
    );
    if (record === undefined) throw new TwirpError('not_found', `no finalised artifact named '${name}' in this workflow run`);
    return { signed_url: this.blobs.signedUrl(record.blobPath, 'r') };
  }

  private finalize(request: Record<string, unknown>, claims: JobClaims): Record<string, unknown> {
    checkJob(request, claims);
    const name = stringField(request, 'name');
    const record = this.records.find(
      (r) => r.artifact.workflowRunBackendId === claims.runBackendId && r.artifact.name === name && !r.artifact.finalized,
    );
    if (record === undefined) throw new TwirpError('not_found', `no artifact named '${name}' is being uploaded`);
    const content = this.blobs.content(record.blobPath);
    if (content === undefined) throw new TwirpError('failed_precondition', `nothing was uploaded for artifact '${name}'`);
    const size = int64Field(request, 'size');
    if (size !== content.length) {
      throw new TwirpError('invalid_argument', `size ${request.size} does not match the ${content.length} bytes uploaded`);
    }
    const digest = typeof request.hash === 'string' ? request.hash : undefined;
    if (digest !== undefined && digest !== `sha256:${createHash('sha256').update(content).digest('hex')}`) {
      throw new TwirpError('invalid_argument', `hash ${digest} does not match the uploaded content`);
    }
    Object.assign(record.artifact, { size, digest, zipBytes: content, finalized: true });
    return { ok: true, artifact_id: String(record.artifact.id) };
  }
}

/** A job may read the artifacts of its own workflow run (every job and attempt of it). */
function checkRun(request: Record<string, unknown>, claims: JobClaims): void {
  if (stringField(request, 'workflow_run_backend_id') !== claims.runBackendId) {
    throw new TwirpError('permission_denied', 'the token does not grant access to this workflow run');
  }
}

function checkJob(request: Record<string, unknown>, claims: JobClaims): void {
  if (
    stringField(request, 'workflow_run_backend_id') !== claims.runBackendId ||
    stringField(request, 'workflow_job_run_backend_id') !== claims.jobBackendId
  ) {
    throw new TwirpError('permission_denied', 'the token does not grant access to this workflow job run');
  }
}

function checkName(name: string): void {
  if (name === '') throw new TwirpError('invalid_argument', 'artifact name is required');
  const bad = FORBIDDEN_NAME_CHARACTERS.find((c) => name.includes(c));
  if (bad !== undefined) throw new TwirpError('invalid_argument', `artifact name ${JSON.stringify(name)} contains the invalid character ${JSON.stringify(bad)}`);
}

/** `expires_at` is a google.protobuf.Timestamp, an RFC 3339 string in JSON. */
function expiry(value: unknown, createdAt: Date): Date | undefined {
  if (value === undefined) return undefined;
  const expiresAt = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  const latest = createdAt.getTime() + (MAX_RETENTION_DAYS + 1) * DAY_MS;
  if (Number.isNaN(expiresAt.getTime()) || expiresAt <= createdAt || expiresAt.getTime() > latest) {
    throw new TwirpError('invalid_argument', `expires_at ${JSON.stringify(value)} must be a time within ${MAX_RETENTION_DAYS} days`);
  }
  return expiresAt;
}
