// The evidence upload handed to the post step. GitHub's runner kills a cancelled main step ten
// seconds after the first signal, often before its upload is done, and then still runs post.
// So main saves what it would upload before it starts uploading and clears that once it has tried;
// post uploads a request still pending. The state is read back from a file of the runner: post
// validates it, takes the files only from the run's own work folder and never follows a path out.
import { isAbsolute, normalize } from 'node:path';
import { uploadEvidence, type EvidenceRequest } from '../collect/artifacts.js';
import type { GitHubServices } from '../github/services.js';
import type { Host } from '../host/host.js';
import type { Log } from '../util/log.js';
import { PENDING_EVIDENCE_STATE_KEY } from './state-keys.js';
import { parseSavedObject } from './saved-state.js';

/** What is saved: the request without its root, which post takes from its own work folder. */
export interface PendingEvidence extends Pick<EvidenceRequest, 'paths' | 'artifactName' | 'retentionDays' | 'shard'> {
  /**
   * Main had begun uploading: a half-made artifact may hold the name, which the artifact service
   * then refuses a second time, so post uploads under the name with POST_NAME_SUFFIX.
   */
  uploadStarted: boolean;
}

export const POST_NAME_SUFFIX = '-post';

export function savePendingEvidence(host: Pick<Host, 'saveState'>, pending: PendingEvidence): void {
  host.saveState(PENDING_EVIDENCE_STATE_KEY, JSON.stringify(pending));
}

/** Main has uploaded the evidence, or tried and reported why not: nothing is left for post. */
export function clearPendingEvidence(host: Pick<Host, 'saveState'>): void {
  host.saveState(PENDING_EVIDENCE_STATE_KEY, '');
}

/** A path inside the work folder: relative, without a `..` step. */
function insideWorkDir(path: unknown): path is string {
  return typeof path === 'string' && path !== '' && !isAbsolute(path) && !normalize(path).split('/').includes('..');
}

/** The request in `saved`, or an Error naming the field that is not valid. */
export function parsePendingEvidence(saved: string): PendingEvidence {
  const value = parseSavedObject<PendingEvidence>(saved);
  const { paths, artifactName, retentionDays, shard, uploadStarted } = value;
  if (!Array.isArray(paths) || !paths.every(insideWorkDir)) throw new Error('paths are not all relative paths inside the work folder');
  if (typeof artifactName !== 'string' || artifactName === '') throw new Error('artifactName is not a name');
  if (typeof retentionDays !== 'number' || !Number.isInteger(retentionDays) || retentionDays < 0) throw new Error('retentionDays is not a whole number');
  if (shard !== null && !validShard(shard)) throw new Error('shard is neither null nor an index and total');
  if (typeof uploadStarted !== 'boolean') throw new Error('uploadStarted is not true or false');
  return { paths, artifactName, retentionDays, shard, uploadStarted };
}

function validShard(shard: unknown): shard is NonNullable<PendingEvidence['shard']> {
  if (typeof shard !== 'object' || shard === null) return false;
  const { index, total } = shard as Record<string, unknown>;
  return Number.isInteger(index) && Number.isInteger(total) && (index as number) >= 1 && (index as number) <= (total as number);
}

/**
 * Post's part: uploads a pending request from the run's work folder; returns the artifact's
 * Markdown line for post's summary, or undefined when nothing was uploaded (each reason logged).
 */
export async function uploadPendingEvidence(saved: string, workDir: string, log: Log, github: GitHubServices): Promise<string | undefined> {
  let pending: PendingEvidence;
  try {
    pending = parsePendingEvidence(saved);
  } catch (error) {
    log.warning(`aianalysis-e2e: the saved evidence state is not valid (${(error as Error).message}); nothing is uploaded`);
    return undefined;
  }
  log.info('aianalysis-e2e: the main step ended before it uploaded its evidence; uploading it now');
  const artifactName = pending.uploadStarted ? `${pending.artifactName}${POST_NAME_SUFFIX}` : pending.artifactName;
  const { artifact } = await uploadEvidence({ rootDir: workDir, ...pending, artifactName }, log, github);
  return artifact && `Evidence of the stopped run, uploaded by the post step: artifact [${artifact.name}](${artifact.url}).`;
}
