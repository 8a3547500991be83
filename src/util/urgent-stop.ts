/**
 * A stop the caller has only seconds for. GitHub's runner cancels a step with SIGINT, SIGTERM
 * 7.5 s later and SIGKILL 2.5 s after that: programs stopped then get a short grace between
 * SIGTERM and SIGKILL instead of their usual one, so that the run still has time to write its
 * report and upload its evidence. An abort whose reason is an UrgentStop asks for that.
 */

/** The grace a program gets between SIGTERM and SIGKILL when the stop is urgent. */
export const URGENT_KILL_GRACE_MS = 5_000;

export class UrgentStop extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UrgentStop';
  }
}

/** Whether the signal was aborted by an urgent stop. */
export function stoppedUrgently(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true && signal.reason instanceof UrgentStop;
}

/** The grace a program gets when stopped by `signal`: short when the stop is urgent. */
export function killGraceAfter(signal: AbortSignal | undefined, graceMs: number): number {
  return stoppedUrgently(signal) ? Math.min(graceMs, URGENT_KILL_GRACE_MS) : graceMs;
}
