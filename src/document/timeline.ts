/**
 * The run as a picture: what ran beside what, and where the minutes went. A table of durations
 * makes its reader add up numbers to see overlap (images building while the cluster was idle) or
 * a slow phase; bars on one time axis show it at a glance.
 *
 * This module turns the timings (and the baseline's phases, when there is one) into a drawing
 * model: one bar per step that started, grouped by phase, with the baseline's phase beside this
 * run's steps. The renderers (Mermaid for the job summary, SVG for the HTML page) only lay it out.
 */
import type { PhaseTiming, SpanTiming, Timings } from '../scheduler/timings.js';
import type { Outcome } from '../scheduler/task.js';
import { formatDuration } from '../util/duration.js';

export type BarKind = Outcome | 'baseline';

export interface TimelineBar {
  kind: BarKind;
  /** The step's title, or the phase's name for a baseline bar. */
  label: string;
  /** Milliseconds from the start of the run (of the baseline run, for a baseline bar). */
  startMs: number;
  endMs: number;
  duration: string;
  /** Set on a baseline bar whose phase this run took much longer. */
  slower?: boolean;
}

export interface TimelineGroup {
  phase: string;
  bars: TimelineBar[];
}

export interface Timeline {
  /** This run's start, ISO 8601: the zero of the time axis. */
  startedAt: string;
  /** The axis length: the run, or the baseline if it took longer. */
  spanMs: number;
  groups: TimelineGroup[];
}

/** The baseline as the picture needs it: its phases, and which of them this run was slower in. */
export interface BaselinePhases {
  phases: ReadonlyArray<Pick<PhaseTiming, 'phase' | 'start' | 'durationMs'>>;
  slower: readonly string[];
}

const OUTCOME_WORDS: Record<BarKind, string> = {
  success: 'succeeded',
  failure: 'failed',
  cancelled: 'cancelled',
  skipped: 'skipped',
  baseline: 'baseline',
};

/** How a bar's outcome reads in words (legends, labels, accessible titles). */
export const describeKind = (kind: BarKind): string => OUTCOME_WORDS[kind];

/** What a bar is called in a picture: the step, or `baseline <phase>`. */
export const barName = (bar: TimelineBar): string => (bar.kind === 'baseline' ? `baseline ${bar.label}` : bar.label);

/** What is written beside a bar: its duration, how it ended unless it succeeded, a slowdown. */
export function barNotes(bar: TimelineBar): string[] {
  const notes = [bar.duration];
  if (bar.kind !== 'success' && bar.kind !== 'baseline') notes.push(describeKind(bar.kind));
  if (bar.slower) notes.push('⚠ this run is slower');
  return notes;
}

function stepBar(span: SpanTiming & { offsetMs: number }): TimelineBar {
  return {
    kind: span.outcome,
    label: span.title,
    startMs: span.offsetMs,
    endMs: span.offsetMs + span.durationMs,
    duration: formatDuration(span.durationMs),
  };
}

/** Baseline phases placed from the baseline run's first phase start, which is its zero. */
function baselineBars(baseline: BaselinePhases): Map<string, TimelineBar> {
  const ran = baseline.phases.filter((phase) => phase.start !== null);
  const zero = Math.min(...ran.map((phase) => Date.parse(phase.start!)));
  return new Map(
    ran.map((phase) => {
      const startMs = Date.parse(phase.start!) - zero;
      const bar: TimelineBar = {
        kind: 'baseline',
        label: phase.phase,
        startMs,
        endMs: startMs + phase.durationMs,
        duration: formatDuration(phase.durationMs),
        slower: baseline.slower.includes(phase.phase),
      };
      return [phase.phase, bar];
    }),
  );
}

export function buildTimeline(timings: Timings, baseline?: BaselinePhases): Timeline {
  const started = timings.spans.filter((span): span is SpanTiming & { offsetMs: number } => span.offsetMs !== null);
  const before = baseline ? baselineBars(baseline) : new Map<string, TimelineBar>();
  const phases = [...new Set([...timings.phases.map((p) => p.phase), ...before.keys()])];
  const groups = phases
    .map((phase) => ({
      phase,
      bars: [...started.filter((span) => span.phase === phase).map(stepBar), ...(before.has(phase) ? [before.get(phase)!] : [])],
    }))
    .filter((group) => group.bars.length > 0);
  const ends = groups.flatMap((group) => group.bars.map((bar) => bar.endMs));
  return { startedAt: timings.startedAt, spanMs: Math.max(timings.durationMs, ...ends), groups };
}

/** Steps the picture leaves out because they never started, as `title (outcome)`. */
