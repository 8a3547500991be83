/**
 * Uploads the run's evidence (JUnit reports, coverage, the logs bundle, timings.json) as one
 * workflow artifact with @actions/artifact. Evidence never turns a job red: every problem
 * (no runtime token, the service down or refusing, a file that cannot go) is logged as a warning
 * and returned. Outside GitHub Actions nothing is uploaded and the files stay where they are.
 */
import { resolve } from 'node:path';
import type { Shard } from '../config/index.js';
import type { GitHubServices, WorkflowRun } from '../github/services.js';
import type { Log } from '../util/log.js';
import { withDeadline } from '../util/deadline.js';
import { type ArtifactFiles, prepareArtifactFiles } from './artifact-files.js';

/** Characters the artifact service refuses in artifact names. */
const FORBIDDEN_NAME_CHARACTERS = /[":<>|*?\r\n\\/]/g;
const DEFAULT_UPLOAD_DEADLINE_MS = 15 * 60 * 1000;
const WARNING_TITLE = 'Evidence artifact';

export interface EvidenceRequest {
  /** The common root of the files; their paths inside the artifact are relative to it. */
  rootDir: string;
  /** Files and directories (uploaded with everything under them), absolute or relative to rootDir. */
  paths: string[];
  /** `report.artifactName` of the configuration. */
  artifactName: string;
  retentionDays: number;
  shard: Shard | null;
  /** How long the upload may take before the run moves on without it. */
  deadlineMs?: number;
}

export interface UploadedArtifact {
  id: number;
  name: string;
  /** The artifact's page on GitHub. */
  url: string;
  /** Bytes uploaded (the zip). */
  size: number;
}

export interface EvidenceOutcome {
  /** Present when the upload succeeded. */
  artifact?: UploadedArtifact;
  /** Where the evidence files are; they stay there whether or not they were uploaded. */
  dir: string;
  files: ArtifactFiles;
  /** Every problem, each already logged as a warning. */
  warnings: string[];
}

/**
 * The artifact's name, unique across the jobs, shards and attempts of one workflow run (the
 * service refuses a second artifact with the same name in a run, reruns included):
 * `<artifactName>-<job>[-shard-<i>-of-<n>]-attempt-<run attempt>`.
 */
export function evidenceArtifactName(artifactName: string, shard: Shard | null, run: Pick<WorkflowRun, 'job' | 'runAttempt'>): string {
  const shardPart = shard === null ? '' : `-shard-${shard.index}-of-${shard.total}`;
  const name = `${artifactName}-${run.job || 'job'}${shardPart}-attempt-${run.runAttempt || '1'}`;
  return name.replace(FORBIDDEN_NAME_CHARACTERS, '-');
}

export function artifactUrl(id: number, run: WorkflowRun): string {
  const server = run.serverUrl || 'https://github.com';
  return `${server}/${run.repository}/actions/runs/${run.runId}/artifacts/${id}`;
}

export async function uploadEvidence(request: EvidenceRequest, log: Log, github: GitHubServices): Promise<EvidenceOutcome> {
  const dir = resolve(request.rootDir);
  const outcome: EvidenceOutcome = { dir, files: { files: [], redacted: [], withheld: [], missing: [] }, warnings: [] };
  const warn = (message: string) => {
    outcome.warnings.push(message);
    log.warning(message, { title: WARNING_TITLE });
  };

  try {
    outcome.files = await prepareArtifactFiles(dir, request.paths);
  } catch (error) {
    warn(`The evidence files in ${dir} could not be prepared for upload: ${messageOf(error)}`);
    return outcome;
  }
  const { files, redacted, withheld, missing } = outcome.files;
  if (redacted.length > 0) log.info(`Registered secrets were replaced by *** in: ${redacted.join(', ')}`);
  for (const { file, reason } of withheld) warn(`${file} is left out of the evidence artifact: ${reason}.`);
  if (missing.length > 0) log.info(`Not found, so not part of the evidence: ${missing.join(', ')}`);

  if (!github.run.actions) {
    log.info(`Evidence kept in ${dir} (artifacts are uploaded only on GitHub Actions).`);
    return outcome;
  }
  const client = github.artifacts();
  if (client === undefined) {
    warn(
      `Evidence not uploaded (kept in ${dir}): the runner gave this step no ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL, ` +
        'which it provides to JavaScript actions (`uses:`), not to `run:` steps.',
    );
    return outcome;
  }
  if (files.length === 0) {
    warn(`Evidence not uploaded: none of the evidence files exist (looked for ${request.paths.join(', ')} in ${dir}).`);
    return outcome;
  }

  const name = evidenceArtifactName(request.artifactName, request.shard, github.run);
  const deadlineMs = request.deadlineMs ?? DEFAULT_UPLOAD_DEADLINE_MS;
  try {
    const upload = client.uploadArtifact(name, files, dir, { retentionDays: request.retentionDays });
    const response = await withDeadline(upload, deadlineMs, `The upload of artifact ${name}`);
    if (response.id === undefined) throw new Error('the artifact service returned no artifact id');
    outcome.artifact = { id: response.id, name, url: artifactUrl(response.id, github.run), size: response.size ?? 0 };
    log.info(`Evidence uploaded as artifact ${name} (${files.length} files, ${outcome.artifact.size} bytes): ${outcome.artifact.url}`);
  } catch (error) {
    warn(`Evidence not uploaded (kept in ${dir}): ${describeFailure(name, error)}`);
  }
  return outcome;
}

function describeFailure(name: string, error: unknown): string {
  const message = messageOf(error);
  if (message.includes('(409)')) {
    return (
      `an artifact named ${name} already exists in this workflow run. Jobs of one run that are not shards of each ` +
      'other (such as matrix legs) need different report.artifactName values.'
    );
  }
  return message;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
