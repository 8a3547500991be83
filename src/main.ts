// The action's main step.
import { runWithHost } from './app.js';
import { actionsHost } from './host/actions.js';
import { cancellationOnSignals } from './scheduler/cancel.js';
import { actionsLog } from './util/log.js';
import { VERSION } from './version.js';

export async function runMain(): Promise<void> {
  const log = actionsLog();
  log.info(`aianalysis-e2e ${VERSION}`);
  // GitHub's runner kills a cancelled step ten seconds after its first signal.
  const cancellation = cancellationOnSignals({ log, urgent: true });
  try {
    await runWithHost(actionsHost(log), cancellation);
  } catch (error) {
    process.exitCode = 1;
    log.error(`aianalysis-e2e stopped on an unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  } finally {
    cancellation.dispose();
  }
}
