// Pushing the images in a run that tests them is side work: once the suite has ended, the run's
// result is known, and a push still going (a registry refusing pushes is retried for minutes by
// the engine and by the image task) gets a minute more; then it is stopped, and reported apart
// from the suite's result.
import { formatDuration } from '../util/duration.js';

export const PUSH_GRACE_AFTER_SUITE_MS = 60_000;

export class PushDeadline {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly graceMs: number = PUSH_GRACE_AFTER_SUITE_MS) {}

  /** Aborted `graceMs` after the suite ended. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The suite has ended: the pushes' clock starts. */
  suiteEnded(): void {
    if (this.timer !== undefined) return;
    const reason = new Error(`pushing was stopped: not done ${formatDuration(this.graceMs)} after the suite ended (the suite's result stands)`);
    this.timer = setTimeout(() => this.controller.abort(reason), this.graceMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
