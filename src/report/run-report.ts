// Everything one run found out, as the reports (job summary, outputs, console) need it.
// Phases fill their part; a part is absent when its phase did not run.
import type { Timings } from '../scheduler/timings.js';
import type { Plan } from '../plan/plan.js';
import type { Section } from '../document/document.js';
import type { BaselinePhases } from '../document/timeline.js';

export type RunResult = 'success' | 'failure' | 'cancelled' | 'dry-run';

export interface RunReport {
  result: RunResult;
  /** The headline of a run that is not the E2E itself (the coverage merge), instead of the result's. */
  headline?: string;
  /** Absent when nothing could be planned (an invalid configuration, a refused work folder). */
  plan?: Plan;
  /** The first failure, as the user should read it (already redacted). */
  error?: string;
  timings?: Timings;
  /** The baseline run's phases, drawn beside this run's when one was restored. */
  baseline?: BaselinePhases;
  kubeconfig?: string;
  /** Side work that failed (a push after the suite), reported apart from the result: one line each. */
  sideFailures?: string[];
  /** Sections the phases contribute (images, tests, coverage, diagnoses…), in phase order. */
  sections: Section[];
  /** Extra action outputs the phases contribute (tests-passed, images…). */
  outputs: Record<string, string>;
}
