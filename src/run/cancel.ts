/**
 * Turns SIGINT/SIGTERM into cancellation of the run, so running work is stopped and the
 * finalizers (diagnostics, artifacts, cleanup) still get their turn. A second SIGINT means the
 * user does not want to wait for that: the process exits at once.
 */
import type { Log } from '../util/log.js';

/** The exit code of a process ended by SIGINT (128 + 2). */
const SIGINT_EXIT_CODE = 130;

export interface Cancellation {
  /** Aborted on the first SIGINT or SIGTERM. */
  signal: AbortSignal;
  /** Removes the handlers (the default signal behaviour returns). */
  dispose(): void;
}

export interface CancellationOptions {
  log?: Log;
  /** How to exit on a second SIGINT; process.exit by default. */
  exit?: (code: number) => void;
}

export function cancellationOnSignals(options: CancellationOptions = {}): Cancellation {
  const { log, exit = (code: number) => process.exit(code) } = options;
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) {
      log?.info(`received ${signal}: cancelling the run; finalizers still run (press Ctrl-C again to exit at once)`);
      controller.abort(new Error(`the run was cancelled by ${signal}`));
    } else if (signal === 'SIGINT') {
      log?.info('received SIGINT again: exiting without waiting for finalizers');
      exit(SIGINT_EXIT_CODE);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
