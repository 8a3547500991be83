// GitHub's services as the engine uses them, behind the Host: the workflow run a step belongs
// to, the artifact service, the cache service and the tool cache. The action's host gives the
// toolkit's clients, the local command's host what it has instead, and a test its own. Only
// their shapes live here, below every folder that uses them; host/ fills them in.
import type { ArtifactClient } from '@actions/artifact';

/** The workflow run this step belongs to (GitHub's `GITHUB_*` variables, read by the entry). */
export interface WorkflowRun {
  /** Running as a step of a GitHub Actions job (GITHUB_ACTIONS). */
  actions: boolean;
  job?: string;
  runId?: string;
  runAttempt?: string;
  /** `owner/name`. */
  repository?: string;
  serverUrl?: string;
  ref?: string;
  eventName?: string;
  /** The event payload's file. */
  eventPath?: string;
}

/** The toolkit's artifact client: upload, find (in this or another run), list this run's, and download. */
export type ArtifactService = Pick<ArtifactClient, 'uploadArtifact' | 'getArtifact' | 'listArtifacts' | 'downloadArtifact'>;

/** Thrown by CacheService.save when an entry with the key exists already (or another job is saving it). */
export class CacheEntryExistsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CacheEntryExistsError';
  }
}

export interface CacheService {
  /** Restores the newest entry of `key` (else of the first matching restore-key prefix) into `paths`; its key, or undefined when there is none. */
  restore(paths: string[], key: string, restoreKeys?: string[]): Promise<string | undefined>;
  /** Saves `paths` under `key`; the entry's id, -1 when the service did not store it. */
  save(paths: string[], key: string): Promise<number>;
}

/** Installed tools by name, version and architecture (the runner's tool cache). */
export interface ToolCache {
  /** The tool's directory, or '' when this version is not cached. */
  find(tool: string, version: string, arch: string): string;
  /** Copies `sourceFile` in as `targetFile` of this version; the version's directory. */
  cacheFile(sourceFile: string, targetFile: string, tool: string, version: string, arch: string): Promise<string>;
  /** Downloads `url` to a file named `name` in the tool cache's scratch folder; the file's path (the caller removes it). */
  download(url: string, name: string): Promise<string>;
}

export interface GitHubServices {
  run: WorkflowRun;
  /** The artifact service; undefined when this step has none (the runner gives it to JavaScript actions only). */
  artifacts(): ArtifactService | undefined;
  /** The cache service; undefined when this step has none. */
  cache(): Promise<CacheService | undefined>;
  toolCache: ToolCache;
}

/**
 * The artifact service, or an error saying that `what` needs it and when a runner offers it;
 * `instead`: what to do outside GitHub Actions.
 */
export function requireArtifacts(github: GitHubServices, what: string, instead?: string): ArtifactService {
  const client = github.artifacts();
  if (client !== undefined) return client;
  throw new Error(
    `${what} needs GitHub's artifact service, which the runner offers to JavaScript actions on GitHub Actions only ` +
      `(ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set)${instead ? `; ${instead}` : ''}`,
  );
}
