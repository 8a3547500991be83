// Runs shaped like real ones (images built and pulled beside the cluster, hand-off, suite,
// evidence), made through toTimings as the pipeline makes them, for the report tests.
import { defaultConfig } from '../../src/config/index.js';
import { makePlan } from '../../src/plan/plan.js';
import type { RunReport } from '../../src/report/run-report.js';
import type { BaselinePhases } from '../../src/document/timeline.js';
import type { Outcome, Span } from '../../src/scheduler/task.js';
import { toTimings, type Timings } from '../../src/scheduler/timings.js';

const T0 = Date.parse('2026-11-22T10:00:00.000Z');
const SECOND = 1000;

export interface Step {
  title: string;
  phase: string;
  outcome: Outcome;
  /** Seconds from the run's start; null when it never started. */
  at: number | null;
  took: number;
}

const step = (title: string, phase: string, at: number | null, took: number, outcome: Outcome = 'success'): Step => ({
  title,
  phase,
  outcome,
  at,
  took,
});

function toSpan(s: Step, index: number): Span {
  const start = s.at === null ? null : T0 + s.at * SECOND;
  return {
    id: `step-${index}`,
    title: s.title,
    phase: s.phase,
    start,
    end: start === null ? null : start + s.took * SECOND,
    durationMs: start === null ? 0 : s.took * SECOND,
    outcome: s.outcome,
    attempts: start === null ? 0 : 1,
    notes: [],
    attributes: {},
  };
}

export function timingsOf(steps: readonly Step[], cancelled = false): Timings {
  const spans = steps.map(toSpan);
  const finishedAt = Math.max(T0, ...spans.map((span) => span.end ?? T0));
  return toTimings({ spans, cancelled, startedAt: T0, finishedAt });
}

const GREEN_STEPS: Step[] = [
  step('Build aianalysis', 'images', 0, 190),
  step('Build holmesgpt-api', 'images', 0, 240),
  step('Pull postgres', 'images', 2, 35),
  step('Create the kind cluster', 'cluster', 0, 95),
  step('Load the images into the cluster', 'images', 241, 40),
  step('Deploy the services', 'deploy', 282, 1),
  step('Run the AIAnalysis suite', 'suite', 284, 420),
  step('Collect the logs bundle', 'evidence', 705, 12),
  step('Collect coverage', 'evidence', 718, 30),
];

/** The suite fails; the evidence is still collected. */
const RED_STEPS: Step[] = GREEN_STEPS.map((s) => (s.phase === 'suite' ? { ...s, outcome: 'failure' } : s));

/** Cancelled in the middle of the suite: the suite is cut short, coverage never starts. */
const CANCELLED_STEPS: Step[] = GREEN_STEPS.map((s) => {
  if (s.phase === 'suite') return { ...s, took: 150, outcome: 'cancelled' };
  if (s.title === 'Collect the logs bundle') return { ...s, at: 435 };
  if (s.title === 'Collect coverage') return { ...s, at: null, outcome: 'cancelled' };
  return s;
});

export type Scenario = 'green' | 'red' | 'cancelled' | 'baseline-slower';

export interface ScenarioRun {
  timings: Timings;
  baseline?: BaselinePhases;
}

/** The last green run, with a suite five minutes faster than this one's. */
function fasterBaseline(): BaselinePhases {
  const faster = GREEN_STEPS.map((s) => {
    if (s.phase === 'suite') return { ...s, took: 120 };
    if (s.phase === 'evidence') return { ...s, at: s.at! - 300 };
    return s;
  });
  return { phases: timingsOf(faster).phases, slower: ['suite'] };
}

export function scenario(name: Scenario): ScenarioRun {
  switch (name) {
    case 'green':
      return { timings: timingsOf(GREEN_STEPS) };
    case 'red':
      return { timings: timingsOf(RED_STEPS) };
    case 'cancelled':
      return { timings: timingsOf(CANCELLED_STEPS, true) };
    case 'baseline-slower':
      return { timings: timingsOf(GREEN_STEPS), baseline: fasterBaseline() };
  }
}

export function reportOf(run: ScenarioRun, sections: RunReport['sections'] = []): RunReport {
  return {
    result: run.timings.result,
    plan: makePlan(defaultConfig()),
    timings: run.timings,
    baseline: run.baseline,
    sections,
    outputs: {},
  };
}
