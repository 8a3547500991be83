/**
 * Coverage handed to a CI summary job (coverage.ciArtifacts). An E2E job without shards uploads
 * the summary's two artifacts itself; a shard uploads its profile under its own name; the merging
 * job (run.mergeCoverage) finds those of its workflow run, merges them into one profile and
 * uploads the two artifacts once, since a name can exist only once in a workflow run.
 */
import type { Artifact } from '@actions/artifact';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/index.js';
import { withDeadline } from '../util/deadline.js';
import {
  ciCoverageNames,
  shardProfileArtifactName,
  shardProfilePrefix,
  summaryLine,
  uploadCiCoverage,
  uploadOneFile,
} from '../collect/coverage-ci.js';
import { mergeProfiles, type NamedProfile } from '../collect/coverage-merge.js';
import { formatPercent, formatProfile, measureCoverage, parseProfile, type CoverageProfile } from '../collect/coverage-profile.js';
import { requireArtifacts } from '../github/services.js';
import type { Host } from '../host/host.js';
import type { RunReport } from '../report/run-report.js';
import type { PipelineState } from './state.js';

const DOWNLOAD_DEADLINE_MS = 5 * 60 * 1000;
const WARNING_TITLE = 'Coverage artifacts';

/** The E2E job's part, after its evidence: a failure is a warning, as for all evidence. */
export async function publishCiCoverage(config: Config, host: Host, state: PipelineState): Promise<void> {
  const service = config.coverage.ciArtifacts;
  if (service === '' || !config.coverage.enabled) return;
  const say = (paragraph: string) => state.addSections('coverage', { heading: 'Coverage artifacts', paragraphs: [paragraph] });
  if (!host.github.run.actions) return say('Not uploaded: artifacts are uploaded only on GitHub Actions.');
  try {
    const client = requireArtifacts(host.github, 'Uploading the coverage artifacts');
    const profile = state.coverageProfile ? parseProfile(await readFile(state.coverageProfile, 'utf8'), state.coverageProfile) : undefined;
    const dir = join(host.workDir, 'coverage-artifacts');
    const shard = config.suite.shard;
    if (shard === null) {
      const uploaded = await uploadCiCoverage(client, service, profile, dir, config.report.retentionDays);
      return say(`Uploaded for the CI summary: ${uploaded.map((name) => `\`${name}\``).join(', ')}${profile ? '' : ' (no profile: N/A)'}.`);
    }
    if (profile === undefined) {
      host.log.warning(`No coverage profile to hand to the merging job: shard ${shard.index}/${shard.total} is missing from the merged coverage.`, { title: WARNING_TITLE });
      return say(`⚠️ No profile: shard ${shard.index}/${shard.total} is missing from the merged coverage.`);
    }
    const name = shardProfileArtifactName(config.report.artifactName, shard, host.github.run.runAttempt);
    await uploadOneFile(client, name, dir, ciCoverageNames(service).profileFile, formatProfile(profile), config.report.retentionDays);
    say(`Profile of shard ${shard.index}/${shard.total} uploaded as \`${name}\` for the job that merges the shards (merge-coverage).`);
  } catch (error) {
    const message = `The coverage artifacts were not uploaded: ${(error as Error).message}`;
    host.log.warning(message, { title: WARNING_TITLE });
    say(`⚠️ ${message}`);
  }
}

interface ShardProfileArtifact {
  artifact: Artifact;
  index: number;
  total: number;
  attempt: number;
}

/** Per shard, the profile artifact of its latest attempt, by shard index. */
export function shardProfileArtifacts(artifacts: readonly Artifact[], artifactName: string): ShardProfileArtifact[] {
  const prefix = shardProfilePrefix(artifactName);
  const latest = new Map<number, ShardProfileArtifact>();
  for (const artifact of artifacts) {
    if (!artifact.name.startsWith(prefix)) continue;
    const match = /^(\d+)-of-(\d+)-attempt-(\d+)$/.exec(artifact.name.slice(prefix.length));
    if (match === null) continue;
    const [index, total, attempt] = match.slice(1).map(Number) as [number, number, number];
    const known = latest.get(index);
    if (known === undefined || known.attempt < attempt) latest.set(index, { artifact, index, total, attempt });
  }
  return [...latest.values()].sort((a, b) => a.index - b.index);
}

/** The merging job: the report of a run that only merged (and uploaded) coverage. */
export async function mergeCoverageJob(config: Config, host: Host): Promise<RunReport> {
  const service = config.coverage.ciArtifacts;
  const names = ciCoverageNames(service);
  const client = requireArtifacts(host.github, 'Merging the coverage of the shards');
  const { artifacts } = await client.listArtifacts();
  const shards = shardProfileArtifacts(artifacts, config.report.artifactName);
  const dir = join(host.workDir, 'coverage-merge');
  const profiles: NamedProfile[] = [];
  try {
    for (const shard of shards) {
      const into = join(dir, shard.artifact.name);
      await withDeadline(client.downloadArtifact(shard.artifact.id, { path: into }), DOWNLOAD_DEADLINE_MS, `The download of artifact ${shard.artifact.name}`);
      const file = join(into, names.profileFile);
      const text = await readFile(file, 'utf8').catch(async () => {
        throw new Error(`artifact ${shard.artifact.name} holds ${(await readdir(into)).join(', ') || 'nothing'}, not ${names.profileFile}: it was not uploaded by this action's shard job`);
      });
      profiles.push({ source: `${shard.artifact.name}/${names.profileFile}`, profile: parseProfile(text, `${shard.artifact.name}/${names.profileFile}`) });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const merged: CoverageProfile | undefined = profiles.length === 0 ? undefined : mergeProfiles(profiles);
  const expected = Math.max(0, ...shards.map((shard) => shard.total));
  const missing = Array.from({ length: expected }, (_, i) => i + 1).filter((index) => !shards.some((shard) => shard.index === index));
  const gaps =
    shards.length === 0
      ? [`no shard of this workflow run uploaded a coverage profile (artifacts ${shardProfilePrefix(config.report.artifactName)}*): the summary says N/A`]
      : missing.map((index) => `shard ${index}/${expected} uploaded no coverage profile (its suite did not get to write one): the merged coverage lacks it`);
  for (const gap of gaps) host.log.warning(gap, { title: WARNING_TITLE });
  const uploaded = await uploadCiCoverage(client, service, merged, join(host.workDir, 'coverage-artifacts'), config.report.retentionDays);
  const line = summaryLine(service, merged).trim();
  const percent = merged && measureCoverage(merged).percent;
  host.log.info(`Merged ${profiles.length} shard profile(s) into ${names.profileFile}: ${line}; uploaded ${uploaded.join(', ')}`);
  return {
    result: 'success',
    headline: '✅ AIAnalysis E2E coverage of the shards merged',
    sections: [
      {
        heading: 'Coverage of the shards',
        table: {
          header: ['shard', 'artifact', 'mode', 'blocks'],
          rows: shards.map((shard, i) => [`${shard.index}/${shard.total}`, shard.artifact.name, profiles[i]!.profile.mode, String(profiles[i]!.profile.blocks.length)]),
        },
        paragraphs: [
          `Merged into \`${names.profileFile}\` (${merged ? `${merged.blocks.length} blocks, ` : ''}\`${line}\`), uploaded as ${uploaded.map((name) => `\`${name}\``).join(' and ')}.`,
          ...gaps.map((gap) => `⚠️ ${gap}`),
        ],
      },
    ],
    outputs: percent === undefined ? {} : { 'coverage-percent': formatPercent(percent) },
  };
}
