/**
 * The images artifact through GitHub's artifact service, with the toolkit's own client: one
 * upload by the images job, one download per job that needs the images. Unlike the evidence, a
 * failed transfer fails the run: the jobs after it cannot do without the images.
 */
import type { FindOptions } from '@actions/artifact';
import type { Secret } from '../config/index.js';
import { withDeadline } from '../util/deadline.js';
import { requireArtifacts, type GitHubServices, type WorkflowRun } from '../github/services.js';

const TRANSFER_DEADLINE_MS = 20 * 60 * 1000;
/**
 * Fast deflate: Go binaries shrink to about 45% at level 1, and on a runner the download goes over
 * the network, where the bytes cost more than the inflate, which runs beside the loads. (Level 0
 * only wins where the transfer is local and the payload does not compress.)
 */
const COMPRESSION_LEVEL = 1;

/** Outside GitHub Actions there is no artifact service: the images come from elsewhere. */
const INSTEAD = 'outside GitHub Actions leave images-artifact empty';

export interface UploadRequest {
  name: string;
  rootDir: string;
  files: string[];
  retentionDays: number;
}

export async function uploadImagesArtifact(request: UploadRequest, github: GitHubServices): Promise<{ id: number; size: number }> {
  const client = requireArtifacts(github, `Writing the images artifact '${request.name}'`, INSTEAD);
  const upload = client.uploadArtifact(request.name, request.files, request.rootDir, {
    retentionDays: request.retentionDays,
    compressionLevel: COMPRESSION_LEVEL,
  });
  const response = await withDeadline(upload, TRANSFER_DEADLINE_MS, `The upload of the images artifact '${request.name}'`);
  if (response.id === undefined) throw new Error(`the artifact service returned no id for the images artifact '${request.name}'`);
  return { id: response.id, size: response.size ?? 0 };
}

export interface DownloadRequest {
  name: string;
  /** The workflow run that wrote it; 0: this run. */
  runId: number;
  /** Needed for another run's artifact (actions: read). */
  token: Secret | null;
  dir: string;
}

/** Downloads and unpacks the artifact into `dir`, checking its digest; returns its size in bytes. */
export async function downloadImagesArtifact(request: DownloadRequest, github: GitHubServices): Promise<{ size: number }> {
  const client = requireArtifacts(github, `Loading the images artifact '${request.name}'`, INSTEAD);
  const findBy = otherRun(request, github.run);
  const where = findBy === undefined ? 'this workflow run' : `workflow run ${request.runId}`;
  const { artifact } = await client.getArtifact(request.name, findBy === undefined ? {} : { findBy }).catch((error: Error & { status?: number }) => {
    if (findBy !== undefined && (error.status === 401 || error.status === 403)) {
      throw new Error(
        `the token in 'github-token' may not read the artifacts of workflow run ${request.runId} (HTTP ${error.status}: ${error.message.split('\n')[0]}): ` +
          'give the workflow `permissions: actions: read` and pass `github-token: ${{ github.token }}`',
      );
    }
    throw new Error(
      `no artifact '${request.name}' in ${where} (${error.message.split('\n')[0]}): the images job must run first ` +
        "(needs: in the workflow) with the same input 'images-artifact', and the artifact must not have expired",
    );
  });
  const download = client.downloadArtifact(artifact.id, { path: request.dir, ...(artifact.digest ? { expectedHash: artifact.digest } : {}), ...(findBy ? { findBy } : {}) });
  const { digestMismatch } = await withDeadline(download, TRANSFER_DEADLINE_MS, `The download of the images artifact '${request.name}'`).catch((error: Error) => {
    if (error.message.includes(`'${request.name}'`)) throw error;
    throw new Error(`the download of the images artifact '${request.name}' of ${where} failed: ${error.message}`);
  });
  if (digestMismatch) throw new Error(`the images artifact '${request.name}' of ${where} does not match its recorded digest ${artifact.digest}: it was damaged on the way; run the job again`);
  return { size: artifact.size };
}

function otherRun(request: DownloadRequest, run: WorkflowRun): FindOptions['findBy'] | undefined {
  if (request.runId === 0) return undefined;
  const [owner, repo] = (run.repository ?? '').split('/');
  if (!request.token) throw new Error(`the images artifact of workflow run ${request.runId} can only be read with a token: set the input 'github-token' (the workflow needs permissions: actions: read)`);
  if (!owner || !repo) throw new Error('the workflow run names no repository (GITHUB_REPOSITORY is not set): the images artifact of another workflow run cannot be found');
  return { token: request.token.reveal(), workflowRunId: request.runId, repositoryOwner: owner, repositoryName: repo };
}
