/**
 * Runs a task graph with a resource-aware scheduler. A task starts as soon as its needs have
 * succeeded and the limits allow: fewer running tasks than `concurrency`, running memory within
 * `memoryBudgetMiB` (a task larger than the whole budget runs alone), never two heavy tasks.
 *
 * A failure stops new work (running tasks finish; tasks never started are skipped), except the
 * failure of an optional task, which is only recorded. Cancellation
 * aborts running tasks too (an urgent cancel passes its reason on, so their programs get a short
 * grace: see urgent-stop), and hands `onCancel` the spans as they stand, so the report can be
 * written before anything else. Finalizers run in every case once their needs have ended; running
 * finalizers are not aborted by cancellation (their own timeout bounds them), only by
 * `endFinalizers`, which also skips those not started and abandons the running ones at once.
 */
import { formatDuration } from '../util/duration.js';
import type { Log } from '../util/log.js';
import { redact } from '../util/secrets.js';
import { stoppedUrgently } from '../util/urgent-stop.js';
import { countsAsSuccess, TaskTimeoutError, type Outcome, type RetryControls, type Span, type Task, type TaskContext } from './task.js';
import { validateGraph } from './validate.js';

/** How long an aborted task may take to stop before the run stops waiting for it. */
export const DEFAULT_ABANDON_AFTER_MS = 15_000;

export interface GraphOptions {
  concurrency: number;
  memoryBudgetMiB?: number;
  log: Log;
  /** Cancels the run (see cancellationOnSignals). */
  signal?: AbortSignal;
  /** After a task's signal is aborted, how long to wait for it to settle before abandoning it. */
  abandonAfterMs?: number;
  /** Called once when the run is cancelled, with the spans as they stand (running tasks shown cancelled). */
  onCancel?: (snapshot: GraphResult) => void;
  /** Ends the finalizers: running ones are aborted and abandoned, the others skipped. */
  endFinalizers?: AbortSignal;
}

export interface GraphResult {
  /** Every task succeeded. */
  ok: boolean;
  cancelled: boolean;
  /** Epoch milliseconds. */
  startedAt: number;
  finishedAt: number;
  /** One per task, in the order the tasks were given. */
  spans: Span[];
  /** Return values of the tasks that succeeded. */
  results: Map<string, unknown>;
  /** The failure that stopped the run; a finalizer's failure never replaces another task's. */
  firstError?: { id: string; message: string; error: unknown };
}

type Status = 'pending' | 'running' | 'done';

interface TaskState {
  task: Task;
  status: Status;
  span: Span;
  /** The error of the last failed attempt, while a retry waits to be admitted. */
  lastError?: unknown;
  controller?: AbortController;
  /** Aborted because the run was cancelled, not because the task failed. */
  cancelledByRun?: boolean;
  /** Settles the running attempt as abandoned without waiting for it. */
  abandon?: () => void;
}

type Settlement = { kind: 'value'; value: unknown } | { kind: 'error'; error: unknown } | { kind: 'abandoned' };

export async function runGraph(tasks: readonly Task[], options: GraphOptions): Promise<GraphResult> {
  validateGraph(tasks, options);
  return new Scheduler(tasks, options).run();
}

class Scheduler {
  private readonly states = new Map<string, TaskState>();
  private readonly results = new Map<string, unknown>();
  private readonly upstream = new Map<string, Set<string>>();
  private concurrency: number;
  private failed = false;
  private cancelled = false;
  private finalizersEnded = false;
  private firstError?: GraphResult['firstError'];
  private readonly startedAt = Date.now();
  private finish: (result: GraphResult) => void = () => {};

  private readonly controls: RetryControls = {
    lowerConcurrency: () => {
      const lowered = Math.max(1, Math.floor(this.concurrency / 2));
      if (lowered < this.concurrency) this.options.log.info(`concurrency lowered from ${this.concurrency} to ${lowered}`);
      this.concurrency = lowered;
      return lowered;
    },
  };

  constructor(
    tasks: readonly Task[],
    private readonly options: GraphOptions,
  ) {
    this.concurrency = options.concurrency;
    for (const task of tasks) {
      this.states.set(task.id, {
        task,
        status: 'pending',
        span: {
          id: task.id,
          title: task.title,
          phase: task.phase,
          start: null,
          end: null,
          durationMs: 0,
          outcome: 'skipped',
          attempts: 0,
          notes: [],
          attributes: {},
          ...(task.optional ? { optional: true } : {}),
        },
      });
    }
  }

  run(): Promise<GraphResult> {
    const done = new Promise<GraphResult>((resolve) => {
      this.finish = resolve;
    });
    const { signal, endFinalizers } = this.options;
    const onCancel = () => this.cancel();
    const onEndFinalizers = () => this.endFinalizers();
    // A comment before an `else` belongs to its `if`: the listeners sit in blocks so that each
    // Stryker directive reaches its line.
    if (signal?.aborted) this.cancel();
    else {
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: an AbortSignal dispatches 'abort' only once
      signal?.addEventListener('abort', onCancel, { once: true });
    }
    if (endFinalizers?.aborted) this.endFinalizers();
    else {
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: an AbortSignal dispatches 'abort' only once
      endFinalizers?.addEventListener('abort', onEndFinalizers, { once: true });
    }
    this.pump();
    return done.finally(() => {
      signal?.removeEventListener('abort', onCancel);
      endFinalizers?.removeEventListener('abort', onEndFinalizers);
    });
  }

  /** Whether a failed attempt may be followed by another: finalizers run on after a failure or cancellation. */
  private retriesAllowed(task: Task): boolean {
    return task.finalizer === true || !(this.failed || this.cancelled);
  }

  private cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.options.log.info('run cancelled: stopping running tasks, then running finalizers');
    const { signal } = this.options;
    const reason = stoppedUrgently(signal) ? (signal?.reason as Error) : new Error('the run was cancelled');
    const running = [...this.states.values()].filter((state) => state.status === 'running' && !state.task.finalizer);
    for (const state of running) {
      state.cancelledByRun = true;
      // Stryker disable next-line OptionalChaining: a running task always has its controller
      state.controller?.abort(reason);
    }
    this.options.onCancel?.(this.snapshot(running));
    // Stryker disable next-line CallExpression: only speeds up the skips; the next task to settle pumps with the same result
    this.pump();
  }

  private endFinalizers(): void {
    if (this.finalizersEnded) return;
    this.finalizersEnded = true;
    this.options.log.info('finalizers ended: stopping the running ones, skipping the rest');
    for (const state of this.states.values()) {
      if (!state.task.finalizer || state.status !== 'running') continue;
      state.cancelledByRun = true;
      // Stryker disable next-line OptionalChaining: a running task has its controller, and only endFinalizers calls this
      state.controller?.abort(this.options.endFinalizers?.reason ?? new Error('the finalizers were ended'));
      state.abandon?.();
    }
    // Stryker disable next-line CallExpression: the abandoned finalizers settle and pump with the same result
    this.pump();
  }

  /** The result as it stands, with the given running tasks shown cancelled now. */
  private snapshot(running: readonly TaskState[]): GraphResult {
    const now = Date.now();
    const result = this.result();
    const cancelledNow = new Set(running.map((state) => state.task.id));
    const spans = result.spans.map((span) =>
      cancelledNow.has(span.id) && span.start !== null
        ? { ...span, notes: [...span.notes], attributes: { ...span.attributes }, outcome: 'cancelled' as const, end: now, durationMs: now - span.start }
        : { ...span, notes: [...span.notes], attributes: { ...span.attributes } },
    );
    return { ...result, spans, results: new Map(result.results), finishedAt: now };
  }

  /** Settles what can no longer run, starts what may, and finishes when everything has ended. */
  private pump(): void {
    this.settleUnrunnable();
    for (const state of this.states.values()) {
      if (state.status === 'pending' && this.needsEnded(state) && this.limitsAllow(state.task)) {
        void this.attempt(state);
      }
    }
    if ([...this.states.values()].every((state) => state.status === 'done')) {
      this.finish(this.result());
    }
  }

  /** Tasks that will never start are settled, repeatedly, since each can strand its dependents. */
  private settleUnrunnable(): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (const state of this.states.values()) {
        if (state.status !== 'pending') continue;
        const reason = this.reasonNotToRun(state);
        if (reason === undefined) continue;
        if (state.lastError !== undefined) {
          // It failed before and was waiting for a retry that will not come.
          this.settle(state, this.cancelled ? 'cancelled' : 'failure', state.lastError);
        } else {
          state.span.notes.push(`not run: ${reason}`);
          this.settle(state, 'skipped');
        }
        changed = true;
      }
    }
  }

  private reasonNotToRun(state: TaskState): string | undefined {
    if (state.task.finalizer) return this.finalizersEnded ? 'the finalizers were ended' : undefined;
    if (this.cancelled) return 'the run was cancelled';
    if (this.failed) return 'an earlier task failed';
    for (const need of state.task.needs ?? []) {
      const { status, span } = this.states.get(need) as TaskState;
      if (status === 'done' && span.outcome !== 'success') return `"${need}" ended with ${span.outcome}`;
    }
    return undefined;
  }

  /** Enough for any task still pending: those with a need that did not succeed were skipped already. */
  private needsEnded({ task }: TaskState): boolean {
    // Stryker disable next-line OptionalChaining: validateGraph made sure every need is a task
    return (task.needs ?? []).every((need) => this.states.get(need)?.status === 'done');
  }

  private limitsAllow(task: Task): boolean {
    const running = [...this.states.values()].filter((state) => state.status === 'running').map((state) => state.task);
    if (running.length >= this.concurrency) return false;
    if (task.weight?.heavy && running.some((other) => other.weight?.heavy)) return false;
    const budget = this.options.memoryBudgetMiB;
    if (budget === undefined || running.length === 0) return true;
    const used = running.reduce((sum, other) => sum + (other.weight?.memoryMiB ?? 0), 0);
    return used + (task.weight?.memoryMiB ?? 0) <= budget;
  }

  /** One attempt of a task; on a retryable failure the task goes back to pending. */
  private async attempt(state: TaskState): Promise<void> {
    const { task, span } = state;
    const log = this.options.log.task(task.id);
    state.status = 'running';
    span.start ??= Date.now();
    span.attempts += 1;
    const controller = new AbortController();
    state.controller = controller;
    let timedOut = false;
    const timer =
      task.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            controller.abort(new TaskTimeoutError(task.id, `${task.title} timed out after ${formatDuration(task.timeoutMs ?? 0)}`));
          }, task.timeoutMs);

    const settlement = await this.settleOrAbandon(state, this.context(state, log, controller.signal), controller.signal);
    clearTimeout(timer);
    state.abandon = undefined;

    if (settlement.kind === 'abandoned') {
      span.notes.push(
        task.finalizer && this.finalizersEnded
          ? 'abandoned: the finalizers were ended'
          : `did not stop within ${formatDuration(this.abandonAfterMs)} of being aborted; abandoned`,
      );
    }
    if (state.cancelledByRun) {
      log.info(`■ ${task.title} cancelled`);
      this.settle(state, 'cancelled');
    } else if (settlement.kind === 'value' && !timedOut) {
      this.results.set(task.id, settlement.value);
      log.info(`✔ ${task.title} (${formatDuration(Date.now() - (span.start ?? Date.now()))})`);
      this.settle(state, 'success');
    } else {
      // After a timeout (or when abandoned) the abort reason says what happened, not the task's reaction to it.
      const error = settlement.kind === 'error' && !timedOut ? settlement.error : controller.signal.reason;
      const retry = await this.retrying(state, error, log);
      if (state.cancelledByRun) {
        // Cancelled while preparing the retry.
        this.settle(state, 'cancelled');
      } else if (retry) {
        state.status = 'pending';
        state.lastError = error;
      } else {
        log.info(`✖ ${task.title} failed after ${formatDuration(Date.now() - (span.start ?? Date.now()))}: ${firstLine(error)}`);
        this.fail(state, error);
      }
    }
    this.pump();
  }

  private get abandonAfterMs(): number {
    return this.options.abandonAfterMs ?? DEFAULT_ABANDON_AFTER_MS;
  }

  /** The task's outcome, or `abandoned` when it ignores its aborted signal for too long. */
  private settleOrAbandon(state: TaskState, ctx: TaskContext, signal: AbortSignal): Promise<Settlement> {
    const { task } = state;
    return new Promise((resolve) => {
      let abandonTimer: NodeJS.Timeout | undefined;
      state.abandon = () => {
        clearTimeout(abandonTimer);
        resolve({ kind: 'abandoned' });
      };
      const onAbort = () => {
        abandonTimer = setTimeout(() => resolve({ kind: 'abandoned' }), this.abandonAfterMs);
      };
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: an AbortSignal dispatches 'abort' only once
      signal.addEventListener('abort', onAbort, { once: true });
      Promise.resolve()
        .then(() => task.run(ctx))
        .then(
          (value) => resolve({ kind: 'value', value }),
          (error: unknown) => resolve({ kind: 'error', error }),
        )
        .finally(() => {
          clearTimeout(abandonTimer);
          signal.removeEventListener('abort', onAbort);
        });
    });
  }

  /** Whether the failed attempt gets another one; runs the policy's beforeRetry if so. */
  private async retrying(state: TaskState, error: unknown, log: Log): Promise<boolean> {
    const { retry, title } = state.task;
    const attempt = state.span.attempts;
    if (!retry || attempt >= retry.attempts || !this.retriesAllowed(state.task) || !retry.isRetryable(error)) return false;
    log.info(`↻ ${title}: attempt ${attempt} of ${retry.attempts} failed (${firstLine(error)}); retrying`);
    state.span.notes.push(`attempt ${attempt} failed: ${redact(firstLine(error))}`);
    try {
      await retry.beforeRetry?.(error, attempt, this.controls);
    } catch (prepareError) {
      state.span.notes.push(`preparing the retry failed: ${redact(firstLine(prepareError))}`);
      return false;
    }
    return this.retriesAllowed(state.task);
  }

  private fail(state: TaskState, error: unknown): void {
    if (state.task.optional) return this.settle(state, 'failure', error);
    this.failed = true;
    const replacesFinalizerError = this.firstError && this.states.get(this.firstError.id)?.task.finalizer;
    if (!this.firstError || (replacesFinalizerError && !state.task.finalizer)) {
      this.firstError = { id: state.task.id, message: redact(messageOf(error)), error };
    }
    this.settle(state, 'failure', error);
  }

  private settle(state: TaskState, outcome: Outcome, error?: unknown): void {
    state.status = 'done';
    const { span } = state;
    span.outcome = outcome;
    if (outcome === 'failure') span.error = redact(messageOf(error));
    if (span.start !== null) {
      span.end = Date.now();
      span.durationMs = span.end - span.start;
    }
  }

  private context(state: TaskState, log: Log, signal: AbortSignal): TaskContext {
    const { task, span } = state;
    const upstreamState = (id: string): TaskState => {
      if (!this.upstreamOf(task).has(id)) {
        throw new Error(`task "${task.id}" asked about "${id}", which is not among its needs`);
      }
      return this.states.get(id) as TaskState;
    };
    return {
      signal,
      log,
      attempt: span.attempts,
      span: {
        note: (text) => span.notes.push(redact(text)),
        set: (key, value) => {
          span.attributes[key] = typeof value === 'string' ? redact(value) : value;
        },
      },
      result: <T>(id: string): T => {
        const { span: other } = upstreamState(id);
        if (other.outcome !== 'success') {
          throw new Error(`task "${task.id}" needs the result of "${id}", which ended with ${other.outcome}`);
        }
        return this.results.get(id) as T;
      },
      outcome: (id) => upstreamState(id).span.outcome,
    };
  }

  /** Every task this task needs, directly or through others. */
  private upstreamOf(task: Task): Set<string> {
    let found = this.upstream.get(task.id);
    if (!found) {
      found = new Set<string>();
      for (const need of task.needs ?? []) {
        found.add(need);
        for (const further of this.upstreamOf((this.states.get(need) as TaskState).task)) found.add(further);
      }
      this.upstream.set(task.id, found);
    }
    return found;
  }

  private result(): GraphResult {
    const spans = [...this.states.values()].map((state) => state.span);
    return {
      ok: spans.every(countsAsSuccess),
      cancelled: this.cancelled,
      startedAt: this.startedAt,
      finishedAt: Date.now(),
      spans,
      results: this.results,
      firstError: this.firstError,
    };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(error: unknown): string {
  return messageOf(error).split('\n')[0];
}
