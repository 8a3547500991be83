// The action's main step.
import { execute } from './app.js';
import { actionsHost } from './host/actions.js';
import { cancellationOnSignals } from './run/cancel.js';
import { actionsLog } from './util/log.js';
import { VERSION } from './version.js';

export async function runMain(): Promise<void> {
  const log = actionsLog();
  log.info(`aianalysis-e2e ${VERSION}`);
  const cancellation = cancellationOnSignals({ log });
  try {
    await execute(actionsHost(log), cancellation.signal);
  } catch (error) {
    process.exitCode = 1;
    log.error(`aianalysis-e2e stopped on an unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  } finally {
    cancellation.dispose();
  }
}
