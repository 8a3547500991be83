/**
 * Turns SIGINT/SIGTERM into cancellation of the run in two stages, fitting GitHub's cancel
 * (SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that):
 *  1. the first signal of either kind stops the run: running work is stopped (with a short grace
 *     when `urgent`, see urgent-stop), the report is written at once, the evidence is collected;
 *  2. a second signal of either kind ends the collection: what was collected is uploaded.
 * A third SIGINT means the user does not want to wait for even that: the process exits at once.
 */
import type { Log } from '../util/log.js';
import { UrgentStop } from '../util/urgent-stop.js';

/** The exit code of a process ended by SIGINT (128 + 2). */
const SIGINT_EXIT_CODE = 130;

export interface Cancellation {
  /** Aborted on the first SIGINT or SIGTERM. */
  signal: AbortSignal;
  /** Aborted on the second SIGINT or SIGTERM: evidence collection ends, the upload starts. */
  collection: AbortSignal;
  /** Removes the handlers (the default signal behaviour returns). */
  dispose(): void;
}

export interface CancellationOptions {
  log?: Log;
  /** The process will be killed seconds after the first signal (GitHub's runner): stop running programs quickly. */
  urgent?: boolean;
  /** How to exit on a third SIGINT; process.exit by default. */
  exit?: (code: number) => void;
}

export function cancellationOnSignals(options: CancellationOptions = {}): Cancellation {
  const { log, urgent = false, exit = (code: number) => process.exit(code) } = options;
  const run = new AbortController();
  const collection = new AbortController();
  const reason = (message: string) => (urgent ? new UrgentStop(message) : new Error(message));
  const onSignal = (signal: NodeJS.Signals) => {
    if (!run.signal.aborted) {
      log?.info(`received ${signal}: cancelling the run; the report is written now, then the evidence is collected (a second signal ends the collection)`);
      run.abort(reason(`the run was cancelled by ${signal}`));
    } else if (!collection.signal.aborted) {
      log?.info(`received ${signal} again: ending the evidence collection; uploading what was collected`);
      collection.abort(reason(`the evidence collection was ended by ${signal}`));
    } else if (signal === 'SIGINT') {
      log?.info('received SIGINT a third time: exiting without uploading');
      exit(SIGINT_EXIT_CODE);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: run.signal,
    collection: collection.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
