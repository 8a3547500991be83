/**
 * This run's phase timings against the baseline: the timings of the last successful run on the
 * default branch. The summary gets a table per phase (baseline, now, change); a phase much slower
 * than its baseline raises a warning annotation. A successful run on the default branch becomes
 * the next baseline. Neither a missing baseline nor a failing cache service fails the job.
 */
import { readFile } from 'node:fs/promises';
import {
  type BaselineIdentity,
  type StoredBaseline,
  restoreBaseline,
  saveBaseline,
} from './cache.js';
import type { GitHubServices, WorkflowRun } from '../github/services.js';
import type { PhaseTiming, Timings } from '../scheduler/timings.js';
import { formatDuration } from '../util/duration.js';
import type { Log } from '../util/log.js';
import type { Section } from '../document/document.js';
import type { BaselinePhases } from '../document/timeline.js';

/**
 * A phase is flagged only when it is also this much slower in absolute terms. Phases of the
 * same run on shared runners vary by several seconds to a few tens of seconds (image pulls, node
 * boot, disk), so a 10 s phase taking 20 s is jitter, not a regression; every slowdown worth
 * investigating in a run of many minutes is larger than half a minute.
 */
export const SLOWDOWN_FLOOR_MS = 30_000;

const HEADING = 'Timings against the baseline';
const WARNING_TITLE = 'Slower than the baseline';

export interface PhaseComparison {
  phase: string;
  /** Null when the phase did not run in that run (or did not exist). */
  baselineMs: number | null;
  currentMs: number | null;
  /** current / baseline, when both ran and the baseline took any time. */
  ratio: number | null;
  slower: boolean;
}

type PhaseLike = Pick<PhaseTiming, 'phase' | 'start' | 'durationMs'>;

const ranFor = (phase: PhaseLike | undefined): number | null =>
  phase === undefined || phase.start === null ? null : phase.durationMs;

/** Every phase of this run, in order, then those only the baseline has. */
export function comparePhases(
  baseline: readonly PhaseLike[],
  current: readonly PhaseLike[],
  slowdownRatio: number,
): PhaseComparison[] {
  const names = [...new Set([...current, ...baseline].map((p) => p.phase))];
  return names.map((phase) => {
    const baselineMs = ranFor(baseline.find((p) => p.phase === phase));
    const currentMs = ranFor(current.find((p) => p.phase === phase));
    const ratio = baselineMs === null || currentMs === null || baselineMs === 0 ? null : currentMs / baselineMs;
    const slower =
      ratio !== null &&
      currentMs !== null &&
      baselineMs !== null &&
      ratio > slowdownRatio &&
      currentMs - baselineMs > SLOWDOWN_FLOOR_MS;
    return { phase, baselineMs, currentMs, ratio, slower };
  });
}

function changeCell(comparison: PhaseComparison): string {
  const { baselineMs, currentMs, ratio, slower } = comparison;
  if (baselineMs === null) return currentMs === null ? '—' : 'new';
  if (currentMs === null) return 'not run';
  const delta = currentMs - baselineMs;
  const sign = delta < 0 ? '−' : '+';
  const factor = ratio === null ? '' : ` (×${ratio.toFixed(2)})`;
  return `${sign}${formatDuration(Math.abs(delta))}${factor}${slower ? ' ⚠️ slower' : ''}`;
}

const durationCell = (ms: number | null): string => (ms === null ? 'not run' : formatDuration(ms));

export function comparisonTable(comparisons: readonly PhaseComparison[]): NonNullable<Section['table']> {
  return {
    header: ['phase', 'baseline', 'this run', 'change'],
    rows: comparisons.map((c) => [c.phase, durationCell(c.baselineMs), durationCell(c.currentMs), changeCell(c)]),
    numeric: [1, 2],
  };
}

function describeBaseline(baseline: StoredBaseline, workflow: WorkflowRun): string {
  const run = `${workflow.serverUrl || 'https://github.com'}/${workflow.repository}/actions/runs/${baseline.runId}`;
  const branch = baseline.ref.replace(/^refs\/heads\//, '');
  return `Baseline: [run ${baseline.runId}](${run}) on \`${branch}\`, saved ${baseline.savedAt}.`;
}

/** Whether this run may become the baseline: it succeeded, on the repository's default branch. */
export async function baselineSaveRefusal(result: Timings['result'], run: WorkflowRun): Promise<string | undefined> {
  if (!run.actions) return 'baselines are kept only on GitHub Actions';
  if (result !== 'success') return `the run did not succeed (${result})`;
  let defaultBranch: unknown;
  try {
    const event = JSON.parse(await readFile(run.eventPath ?? '', 'utf8')) as { repository?: { default_branch?: unknown } };
    defaultBranch = event.repository?.default_branch;
  } catch {
    return 'the event payload (GITHUB_EVENT_PATH) does not say which branch is the default';
  }
  if (typeof defaultBranch !== 'string' || defaultBranch === '') {
    return 'the event payload does not name the default branch';
  }
  if (run.ref !== `refs/heads/${defaultBranch}`) {
    return `only runs on the default branch ${defaultBranch} are saved (this is ${run.ref ?? 'no ref'})`;
  }
  return undefined;
}

export interface BaselineOptions {
  identity: BaselineIdentity;
  /** `report.baselineSlowdownRatio`. */
  slowdownRatio: number;
  log: Log;
  github: GitHubServices;
}

export interface BaselineReport {
  section: Section;
  /** Phases flagged as slower (each already raised as a warning). */
  slower: PhaseComparison[];
  /** The restored baseline's phases, for the timeline; absent without a baseline. */
  phases?: BaselinePhases;
}

/** Restores the baseline, compares, warns about slow phases, and saves this run when it qualifies. */
export async function reportAgainstBaseline(current: Timings, options: BaselineOptions): Promise<BaselineReport> {
  const { identity, slowdownRatio, log, github } = options;
  const paragraphs: string[] = [];
  let table: Section['table'];
  let slower: PhaseComparison[] = [];
  let phases: BaselinePhases | undefined;

  const restored = await restoreBaseline(identity, github).catch((error: unknown) => {
    const reason = `the cache service failed: ${messageOf(error)}`;
    log.warning(`The timing baseline could not be restored: ${reason}`, { title: WARNING_TITLE });
    return { status: 'none' as const, reason };
  });
  if (restored.status === 'found') {
    const comparisons = comparePhases(restored.baseline.timings.phases, current.phases, slowdownRatio);
    slower = comparisons.filter((c) => c.slower);
    for (const c of slower) {
      log.warning(
        `Phase ${c.phase} took ${durationCell(c.currentMs)}, ${c.ratio?.toFixed(2)}× its baseline of ` +
          `${durationCell(c.baselineMs)} (flagged above ${slowdownRatio}× and ${formatDuration(SLOWDOWN_FLOOR_MS)} slower).`,
        { title: WARNING_TITLE },
      );
    }
    paragraphs.push(describeBaseline(restored.baseline, github.run));
    table = comparisonTable(comparisons);
    phases = { phases: restored.baseline.timings.phases, slower: slower.map((c) => c.phase) };
  } else if (restored.status === 'unreadable') {
    log.warning(`The timing baseline ${restored.key} is unreadable and was ignored: ${restored.reason}`, { title: WARNING_TITLE });
    paragraphs.push('No comparison: the saved baseline could not be read.');
  } else {
    paragraphs.push(`No timing baseline to compare with: ${restored.reason}.`);
  }

  const refusal = await baselineSaveRefusal(current.result, github.run);
  if (refusal !== undefined) {
    paragraphs.push(`This run is not saved as the baseline: ${refusal}.`);
  } else {
    const saved = await saveBaseline(identity, current, github).catch((error: unknown) => ({ saved: false as const, reason: messageOf(error) }));
    if (saved.saved) {
      paragraphs.push('This run is the new baseline.');
    } else {
      log.warning(`This run could not be saved as the timing baseline: ${saved.reason}`, { title: WARNING_TITLE });
      paragraphs.push(`This run could not be saved as the baseline: ${saved.reason}.`);
    }
  }
  return { section: { heading: HEADING, paragraphs, table }, slower, phases };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
