/** What a unit of work in a run looks like, and the span it leaves behind. */
import type { Log } from '../util/log.js';

export type Outcome = 'success' | 'failure' | 'skipped' | 'cancelled';

export type AttributeValue = string | number | boolean;

/** The record of one task: the timing report is made of these. Text in it is redacted. */
export interface Span {
  id: string;
  title: string;
  phase: string;
  /** Epoch milliseconds of the first attempt's start; null when the task never started. */
  start: number | null;
  /** Epoch milliseconds when the task settled; null when it never started. */
  end: number | null;
  durationMs: number;
  outcome: Outcome;
  /** The (last) error of a failed task. */
  error?: string;
  attempts: number;
  notes: string[];
  attributes: Record<string, AttributeValue>;
  /** Side work (see Task.optional): its failure does not count against the run's result. */
  optional?: boolean;
}

/** Whether the span leaves the run green: it succeeded, or it is side work that failed (reported apart). */
export function countsAsSuccess(span: Span): boolean {
  return span.outcome === 'success' || (span.optional === true && span.outcome === 'failure');
}

/** What a running task may add to its span. */
export interface SpanRecorder {
  note(text: string): void;
  set(key: string, value: AttributeValue): void;
}

export interface RetryControls {
  /** Halves the run's concurrency (never below 1) and returns the new limit. */
  lowerConcurrency(): number;
}

export interface RetryPolicy {
  /** Total attempts, the first included (1 = no retry). */
  attempts: number;
  isRetryable(error: unknown): boolean;
  /** Runs before the next attempt (backoff, cleanup, lowering concurrency); `attempt` is the one that failed. */
  beforeRetry?(error: unknown, attempt: number, controls: RetryControls): Promise<void> | void;
}

export interface TaskWeight {
  /** Memory the task needs while it runs; counted against `memoryBudgetMiB`. */
  memoryMiB?: number;
  /** Heavy tasks (image builds, cluster creation) never run two at a time. */
  heavy?: boolean;
}

export interface TaskContext {
  /** Aborted when the run is cancelled or the task times out. */
  signal: AbortSignal;
  /** A task log: lines are attributed to this task. */
  log: Log;
  span: SpanRecorder;
  /** 1 for the first attempt. */
  attempt: number;
  /** The return value of a succeeded task among this task's (transitive) needs. */
  result<T>(id: string): T;
  /** How a task among this task's (transitive) needs ended; for finalizers, which run either way. */
  outcome(id: string): Outcome;
}

export interface Task {
  id: string;
  title: string;
  /** Groups spans in the timing report (images, cluster, deploy, suite, collect…). */
  phase: string;
  /** Tasks that must succeed first (for a finalizer: that must have ended, however). */
  needs?: string[];
  weight?: TaskWeight;
  /** Runs once its needs have ended, whatever their outcome, even after a failure or cancellation. */
  finalizer?: boolean;
  /** Per attempt; on expiry the task's signal is aborted and the attempt fails with TaskTimeoutError. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  /**
   * Side work (pushing images in a run that tests them): its failure is recorded in its span but
   * neither stops the run nor counts against its result; the report tells it apart.
   */
  optional?: boolean;
  run(ctx: TaskContext): Promise<unknown>;
}

export class TaskTimeoutError extends Error {
  constructor(
    readonly taskId: string,
    message: string,
  ) {
    super(message);
    this.name = 'TaskTimeoutError';
  }
}
