/**
 * The coverage artifacts a CI summary job reads, as kubernaut's names them per service:
 * `coverage-e2e-<name>` holding `e2e-<name>.txt` (one line, `<name>,<percent>%` or `<name>,N/A`)
 * and `coverage-profile-e2e-<name>` holding the Go profile `coverage_e2e_<name>.out`. An E2E run
 * that is one shard of several uploads only its profile, under a name of its own that the summary's
 * `coverage-*` pattern does not match; the merging job (merge-coverage) turns the shards' profiles
 * into the two artifacts above. Like all evidence, a failed upload from an E2E job is a warning.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Shard } from '../config/index.js';
import type { ArtifactService } from '../github/services.js';
import { writeNamedFile } from '../util/file-write.js';
import { withDeadline } from '../util/deadline.js';
import { formatPercent, formatProfile, measureCoverage, type CoverageProfile } from './coverage-profile.js';

const UPLOAD_DEADLINE_MS = 5 * 60 * 1000;

/** The names kubernaut's summary job looks for, for one service. */
export function ciCoverageNames(service: string) {
  return {
    summaryArtifact: `coverage-e2e-${service}`,
    summaryFile: `e2e-${service}.txt`,
    profileArtifact: `coverage-profile-e2e-${service}`,
    profileFile: `coverage_e2e_${service}.out`,
  };
}

/** `<artifactName>-coverage-profile-shard-<i>-of-<n>-attempt-<k>`: unique per shard and attempt, never `coverage-…`. */
export function shardProfileArtifactName(artifactName: string, shard: Shard, runAttempt: string | undefined): string {
  return `${shardProfilePrefix(artifactName)}${shard.index}-of-${shard.total}-attempt-${runAttempt || '1'}`;
}

export const shardProfilePrefix = (artifactName: string): string => `${artifactName}-coverage-profile-shard-`;

/** The summary file's one line: Go's total with one decimal, as `go tool cover -func` prints it. */
export function summaryLine(service: string, profile: CoverageProfile | undefined): string {
  const percent = profile === undefined ? undefined : measureCoverage(profile).percent;
  return `${service},${percent === undefined ? 'N/A' : `${formatPercent(percent)}%`}\n`;
}

/** Uploads one file, alone at the root of the artifact, as the summary job expects it. */
export async function uploadOneFile(client: ArtifactService, name: string, dir: string, file: string, content: string, retentionDays: number): Promise<number> {
  await mkdir(dir, { recursive: true });
  try {
    const path = join(dir, file);
    await writeNamedFile(path, content);
    const upload = client.uploadArtifact(name, [path], dir, { retentionDays });
    const response = await withDeadline(upload, UPLOAD_DEADLINE_MS, `The upload of artifact ${name}`);
    if (response.id === undefined) throw new Error(`the artifact service returned no id for artifact ${name}`);
    return response.id;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The two artifacts of the summary job; without a profile, only the summary file, saying N/A. */
export async function uploadCiCoverage(client: ArtifactService, service: string, profile: CoverageProfile | undefined, workDir: string, retentionDays: number): Promise<string[]> {
  const names = ciCoverageNames(service);
  await uploadOneFile(client, names.summaryArtifact, join(workDir, names.summaryArtifact), names.summaryFile, summaryLine(service, profile), retentionDays);
  if (profile === undefined) return [names.summaryArtifact];
  await uploadOneFile(client, names.profileArtifact, join(workDir, names.profileArtifact), names.profileFile, formatProfile(profile), retentionDays);
  return [names.summaryArtifact, names.profileArtifact];
}
