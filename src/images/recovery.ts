/**
 * Retries of image tasks after transient engine failures, and the record of every engine crash.
 *
 * Parallel builds have crashed Podman (`server probably quit: unexpected EOF`, exit 125) while
 * the same builds one at a time were stable. So a crash does not fail the run: the engine is
 * checked (and restarted where the engine knows a safe way), the run's concurrency is lowered
 * until builds run one at a time, and the failed builds are tried again. Builds that fail from
 * the same crash share one recovery and one event. A build step killed for memory lowers the
 * concurrency below the number of builds that were running; a network error only waits.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { EngineError, isTransientEngineError } from '../engine/errors.js';
import { waitHealthy } from '../engine/health.js';
import type { ContainerEngine, RestartOutcome } from '../engine/types.js';
import type { RetryControls, RetryPolicy, SpanRecorder } from '../scheduler/task.js';
import { formatDuration } from '../util/duration.js';

export interface CrashEvent {
  /** The engine's name (`podman`, `docker (buildx)`…). */
  engine: string;
  /** What the classification said. */
  reason: string;
  /** Epoch milliseconds of the first failure. */
  at: number;
  /** The images whose builds were running when it happened. */
  builds: string[];
  /** The tasks that failed from it. */
  failed: string[];
  /** Present when the engine did not answer after the crash. */
  restart?: RestartOutcome;
  /** The run's concurrency after lowering it. */
  concurrency: number;
}

export interface RecoveryOptions {
  /** Attempts per task, the first included. */
  attempts?: number;
  /** How long a crashed engine may take to answer again, and how often it is asked. */
  healthTimeoutMs?: number;
  healthIntervalMs?: number;
  /** Wait before retrying after a network error; `attempt` is the one that failed. */
  backoffMs?: (attempt: number) => number;
  /** The run's signal: a cancelled run stops waiting. */
  signal?: AbortSignal;
}

export const DEFAULT_ATTEMPTS = 4;
const DEFAULT_HEALTH_TIMEOUT_MS = 2 * 60_000;
const defaultBackoffMs = (attempt: number) => Math.min(30_000, 2_000 * 2 ** (attempt - 1));

interface Failure {
  /** Epoch milliseconds the failed attempt started and ended. */
  startedAt: number;
  at: number;
  /** Images whose builds were running when it failed. */
  builds: string[];
}

interface OpenEvent {
  event: CrashEvent;
  recovery: 'engine' | 'memory';
  recovered: Promise<void>;
}

export class EngineRecovery {
  /** Every crash of this run, in order: for the summary. */
  readonly events: CrashEvent[] = [];
  private readonly open: OpenEvent[] = [];
  /** Task id → image name of the builds running now. */
  private readonly builds = new Map<string, string>();
  private readonly failures = new Map<string, Failure>();
  private readonly attempts: number;
  private readonly healthTimeoutMs: number;
  private readonly backoffMs: (attempt: number) => number;

  constructor(
    private readonly engine: ContainerEngine,
    private readonly options: RecoveryOptions = {},
  ) {
    this.attempts = options.attempts ?? DEFAULT_ATTEMPTS;
    this.healthTimeoutMs = options.healthTimeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS;
    this.backoffMs = options.backoffMs ?? defaultBackoffMs;
  }

  /**
   * Runs one attempt of a task. With `buildOf` (the image it builds) the task counts as a build
   * running beside the others while it runs.
   */
  async track<T>(task: string, buildOf: string | undefined, attempt: () => Promise<T>): Promise<T> {
    const startedAt = Date.now();
    if (buildOf !== undefined) this.builds.set(task, buildOf);
    try {
      return await attempt();
    } catch (error) {
      this.failures.set(task, { startedAt, at: Date.now(), builds: [...this.builds.values()] });
      throw error;
    } finally {
      this.builds.delete(task);
    }
  }

  /** The retry policy of one task; `span` gives the span of its latest attempt, for notes. */
  policy(task: string, span: () => SpanRecorder | undefined): RetryPolicy {
    return {
      attempts: this.attempts,
      isRetryable: isTransientEngineError,
      beforeRetry: (error, attempt, controls) => this.prepareRetry(task, error as EngineError, attempt, controls, span()),
    };
  }

  private async prepareRetry(
    task: string,
    error: EngineError,
    attempt: number,
    controls: RetryControls,
    span: SpanRecorder | undefined,
  ): Promise<void> {
    const { classification } = error;
    if (classification.recovery === 'backoff' || classification.recovery === undefined) {
      const wait = this.backoffMs(attempt);
      span?.note(`${classification.reason}; retrying in ${formatDuration(wait)}`);
      await sleep(wait, undefined, { signal: this.options.signal });
      return;
    }
    const failure = this.failures.get(task) ?? { startedAt: Date.now(), at: Date.now(), builds: [] };
    // The same failure, if it happened while this attempt ran.
    const joined = this.open.find(({ event, recovery }) => recovery === classification.recovery && failure.startedAt <= event.at);
    if (joined) {
      joined.event.failed.push(task);
      await joined.recovered;
      span?.note(describeCrash(joined.event));
      return;
    }
    const event: CrashEvent = {
      engine: this.engine.name,
      reason: classification.reason,
      at: failure.at,
      builds: failure.builds,
      failed: [task],
      concurrency: 0,
    };
    const recovered = this.recover(event, classification.recovery, controls);
    this.open.push({ event, recovery: classification.recovery, recovered });
    this.events.push(event);
    await recovered;
    span?.note(describeCrash(event));
  }

  private async recover(event: CrashEvent, recovery: 'engine' | 'memory', controls: RetryControls): Promise<void> {
    if (recovery === 'engine') {
      const health = await this.engine.health({ signal: this.options.signal });
      if (!health.ok) {
        event.restart = await this.engine.restart({ signal: this.options.signal });
        const after = await waitHealthy(this.engine, {
          timeoutMs: this.healthTimeoutMs,
          intervalMs: this.options.healthIntervalMs,
          signal: this.options.signal,
        });
        if (!after.ok) {
          throw new Error(`${this.engine.name} did not answer within ${formatDuration(this.healthTimeoutMs)} of crashing: ${after.detail}`);
        }
      }
    }
    // An engine crash: one build at a time. Memory: fewer builds than were running.
    const target = recovery === 'engine' ? 1 : Math.max(1, event.builds.length - 1);
    event.concurrency = lowerTo(controls, target);
  }
}

function lowerTo(controls: RetryControls, target: number): number {
  let limit = controls.lowerConcurrency();
  while (limit > target) limit = controls.lowerConcurrency();
  return limit;
}

/** One line for notes and the summary: `podman crashed with 3 builds running (…); retried one at a time`. */
export function describeCrash(event: CrashEvent): string {
  const count = event.builds.length === 1 ? '1 build' : `${event.builds.length} builds`;
  const builds = event.builds.length === 0 ? '' : ` with ${count} running (${event.builds.join(', ')})`;
  const restart = event.restart ? `; ${event.restart.detail}` : '';
  const retried = event.concurrency === 1 ? 'retried one at a time' : `retried with at most ${event.concurrency} tasks at once`;
  return `${event.engine} failed (${event.reason})${builds}${restart}; ${retried}`;
}
