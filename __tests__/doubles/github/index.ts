/**
 * GitHub's artifact and cache services, in process, for the real @actions/artifact and
 * @actions/cache clients: the results service's twirp API (ArtifactService, CacheService v2),
 * the Azure blob storage behind its signed URLs, the runtime token that ties a job to them, and
 * the REST API's artifact routes through which a job reads another run's artifacts.
 *
 * `env` holds what the runner sets for a node action (ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN,
 * ACTIONS_CACHE_SERVICE_V2 and the GITHUB_* / RUNNER_* variables of the job).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArtifactService, type StoredArtifact } from './artifact-service.js';
import { BlobStore } from './blob-store.js';
import { CacheService, type StoredCacheEntry } from './cache-service.js';
import { type ApiTokenGrant, RestApi } from './rest-api.js';
import { type Fault, type GitHubService, type RecordedRequest, ServicesServer } from './server.js';
import { type CacheScope, READ, TokenIssuer, WRITE } from './token.js';

export type { StoredArtifact } from './artifact-service.js';
export type { StoredCacheEntry } from './cache-service.js';
export type { Fault, GitHubService, RecordedRequest } from './server.js';
export { readZip } from './zip.js';

export interface ServicesOptions {
  repository?: string;
  defaultBranch?: string;
}

/** One job of a workflow run; every job gets its own runtime token. */
export interface JobOptions {
  runId?: number;
  /** Reruns keep the run (and its artifacts) and count up the attempt. */
  runAttempt?: number;
  /** The job's id in the workflow (matrix legs share it). */
  job?: string;
  /** Default: the default branch. */
  ref?: string;
  eventName?: string;
}

export type JobEnv = Record<string, string>;

export interface GitHubServices {
  /** The first job: run 1001, attempt 1, job `e2e`, on the default branch. */
  env: JobEnv;
  /** Starts another job. Like the runner, it empties RUNNER_TEMP (the path stays the same). */
  startJob(options?: JobOptions): JobEnv;
  artifacts(): StoredArtifact[];
  caches(): StoredCacheEntry[];
  /** A GITHUB_TOKEN for the REST API (`${{ github.token }}`) with these permissions. */
  apiToken(grant: ApiTokenGrant): string;
  /** The next `times` requests to `service` fail: an HTTP status (twirp or storage error format) or `hang`. */
  failNext(service: GitHubService, fault: Fault, times?: number): void;
  /** The next blob read (an artifact's zip) sends `afterBytes` bytes, the rest once the returned function is called. */
  holdNextDownload(afterBytes: number): () => void;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startGitHubServices(options: ServicesOptions = {}): Promise<GitHubServices> {
  const repository = options.repository ?? 'kubernaut/kubernaut';
  const defaultBranch = options.defaultBranch ?? 'main';
  let origin = '';
  const blobs = new BlobStore(() => origin);
  const artifactService = new ArtifactService(blobs);
  const cacheService = new CacheService(blobs);
  const tokens = new TokenIssuer();
  const runBackendIds = new Map<number, string>();
  const api = new RestApi(repository, artifactService, (runId) => runBackendIds.get(runId));
  const server = new ServicesServer(tokens, { artifacts: artifactService.methods, cache: cacheService.methods }, blobs, api);
  origin = await server.listen();

  // The runner's layout: the workspace is <work>/<repo>/<repo>, RUNNER_TEMP is <work>/_temp.
  const root = mkdtempSync(join(tmpdir(), 'github-services-'));
  const repoName = repository.split('/')[1];
  const workspace = join(root, 'work', repoName, repoName);
  const runnerTemp = join(root, 'work', '_temp');
  mkdirSync(workspace, { recursive: true });

  const startJob = (job: JobOptions = {}): JobEnv => {
    const runId = job.runId ?? 1001;
    const ref = job.ref ?? `refs/heads/${defaultBranch}`;
    const defaultRef = `refs/heads/${defaultBranch}`;
    const cacheScopes: CacheScope[] = [{ Scope: ref, Permission: READ | WRITE }];
    if (ref !== defaultRef) cacheScopes.push({ Scope: defaultRef, Permission: READ });
    if (!runBackendIds.has(runId)) runBackendIds.set(runId, randomUUID());
    const token = tokens.issue({ runBackendId: runBackendIds.get(runId) ?? '', jobBackendId: randomUUID(), cacheScopes });

    rmSync(runnerTemp, { recursive: true, force: true });
    mkdirSync(runnerTemp, { recursive: true });
    const eventPath = join(root, `event-${randomUUID()}.json`);
    writeFileSync(eventPath, JSON.stringify({ ref, repository: { full_name: repository, default_branch: defaultBranch } }));
    return {
      ACTIONS_RESULTS_URL: `${origin}/`,
      GITHUB_API_URL: origin,
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_CACHE_SERVICE_V2: 'True',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: repository,
      GITHUB_RUN_ID: String(runId),
      GITHUB_RUN_ATTEMPT: String(job.runAttempt ?? 1),
      GITHUB_JOB: job.job ?? 'e2e',
      GITHUB_REF: ref,
      GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ''),
      GITHUB_SHA: createHash('sha1').update(`${runId}`).digest('hex'),
      GITHUB_EVENT_NAME: job.eventName ?? 'push',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_WORKSPACE: workspace,
      GITHUB_RETENTION_DAYS: '90',
      RUNNER_TEMP: runnerTemp,
    };
  };

  return {
    env: startJob(),
    startJob,
    artifacts: () => artifactService.artifacts(),
    caches: () => cacheService.caches(),
    apiToken: (grant) => api.issue(grant),
    failNext: (service, fault, times = 1) => server.failNext(service, fault, times),
    holdNextDownload: (afterBytes) => blobs.holdNextRead(afterBytes),
    requests: server.requests,
    async close() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Sets these variables in process.env (the toolkit clients read them there) and returns a
 * function that puts back what was there before.
 */
export function applyEnv(env: Record<string, string | undefined>): () => void {
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  set(env);
  return () => set(previous);
}
