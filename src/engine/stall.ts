/**
 * A transfer (pull, push) that makes no progress is ended instead of waiting for the run's
 * timeout: a registry that accepts the connection and never answers holds `docker pull` for as
 * long as the job may run. Progress is output: the engines print a line for every layer that
 * starts, finishes or is verified, so a transfer silent for longer than `build.stallSeconds` is
 * stalled. The stop is classified transient, so the image task retries it.
 */
import { formatDuration } from '../util/duration.js';
import type { Classification } from './failures.js';

export class StallWatch {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private stalledFlag = false;

  constructor(private readonly ms: number) {
    this.arm();
  }

  /** Aborted when no progress came for `ms`. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get stalled(): boolean {
    return this.stalledFlag;
  }

  /** A sign of life: the clock starts again. */
  progress(): void {
    if (this.stalledFlag) return;
    clearTimeout(this.timer);
    this.arm();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private arm(): void {
    this.timer = setTimeout(() => {
      this.stalledFlag = true;
      this.controller.abort(new Error(`no progress for ${formatDuration(this.ms)}`));
    }, this.ms);
  }
}

export function stalledClassification(ms: number): Classification {
  return {
    class: 'transient',
    rule: 'stalled',
    reason: `it made no progress (printed nothing) for ${formatDuration(ms)}: the registry or the network stalled (build.stallSeconds)`,
    recovery: 'backoff',
  };
}
