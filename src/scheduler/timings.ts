/**
 * The timing report of a run: the `timings` output and `timings.json`, later compared against a
 * baseline. Its shape is a contract (schemaVersion 1); change it only by adding fields.
 *
 * ```jsonc
 * {
 *   "schemaVersion": 1,
 *   "startedAt": "2026-11-22T10:00:00.000Z",   // ISO 8601, UTC
 *   "finishedAt": "2026-11-22T10:14:31.250Z",
 *   "durationMs": 871250,                       // whole milliseconds
 *   "result": "success",                        // success | failure | cancelled
 *   "phases": [                                 // in the order their first task was declared
 *     // wall clock from the phase's first task start to its last task end; null/0 if none ran
 *     { "phase": "images", "start": "…", "end": "…", "durationMs": 301200 }
 *   ],
 *   "spans": [                                  // one per task, in declaration order
 *     {
 *       "id": "build-aianalysis", "title": "Build aianalysis", "phase": "images",
 *       "outcome": "success",                   // success | failure | skipped | cancelled
 *       "start": "…", "end": "…",               // null when the task never started
 *       "offsetMs": 1200,                       // start relative to startedAt; null if never started
 *       "durationMs": 180000,
 *       "attempts": 1,
 *       "error": null,                          // the failure message, redacted
 *       "notes": [],
 *       "attributes": { "source": "build" }
 *     }
 *   ]
 * }
 * ```
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { redact } from '../util/secrets.js';
import type { GraphResult } from './graph.js';
import { countsAsSuccess, type AttributeValue, type Outcome, type Span } from './task.js';
import { writeNamedFile } from '../util/file-write.js';

export type RunOutcome = 'success' | 'failure' | 'cancelled';

export interface PhaseTiming {
  phase: string;
  start: string | null;
  end: string | null;
  durationMs: number;
}

export interface SpanTiming {
  id: string;
  title: string;
  phase: string;
  outcome: Outcome;
  start: string | null;
  end: string | null;
  offsetMs: number | null;
  durationMs: number;
  attempts: number;
  error: string | null;
  notes: string[];
  attributes: Record<string, AttributeValue>;
}

export interface Timings {
  schemaVersion: 1;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  result: RunOutcome;
  phases: PhaseTiming[];
  spans: SpanTiming[];
}

export function toTimings(run: Pick<GraphResult, 'spans' | 'cancelled' | 'startedAt' | 'finishedAt'>): Timings {
  const { spans, startedAt, finishedAt } = run;
  return {
    schemaVersion: 1,
    startedAt: iso(startedAt),
    finishedAt: iso(finishedAt),
    durationMs: Math.round(finishedAt - startedAt),
    result: run.cancelled ? 'cancelled' : spans.every(countsAsSuccess) ? 'success' : 'failure',
    phases: phasesOf(spans),
    spans: spans.map((span) => ({
      id: span.id,
      title: redact(span.title),
      phase: span.phase,
      outcome: span.outcome,
      start: span.start === null ? null : iso(span.start),
      end: span.end === null ? null : iso(span.end),
      offsetMs: span.start === null ? null : Math.round(span.start - startedAt),
      durationMs: Math.round(span.durationMs),
      attempts: span.attempts,
      error: span.error ?? null,
      notes: [...span.notes],
      attributes: { ...span.attributes },
    })),
  };
}

function phasesOf(spans: readonly Span[]): PhaseTiming[] {
  const phases = new Map<string, { start: number | null; end: number | null }>();
  for (const span of spans) {
    const phase = phases.get(span.phase) ?? { start: null, end: null };
    if (span.start !== null) phase.start = Math.min(phase.start ?? span.start, span.start);
    if (span.end !== null) phase.end = Math.max(phase.end ?? span.end, span.end);
    phases.set(span.phase, phase);
  }
  return [...phases].map(([phase, { start, end }]) => ({
    phase,
    start: start === null ? null : iso(start),
    end: end === null ? null : iso(end),
    durationMs: start === null || end === null ? 0 : Math.round(end - start),
  }));
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** Writes the report as indented JSON, creating the directory if needed. */
export async function writeTimings(file: string, timings: Timings): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeNamedFile(file, `${JSON.stringify(timings, null, 2)}\n`);
}
