// The action's post step: runs after the job's other steps whatever happened (post-if: always()),
// and reports what the main step left behind.
import * as core from '@actions/core';
import { actionsLog } from './util/log.js';

export const STATE_RESULT = 'result';

export async function runPost(): Promise<void> {
  const log = actionsLog();
  const result = core.getState(STATE_RESULT);
  log.info(result ? `aianalysis-e2e main step ended: ${result}` : 'aianalysis-e2e main step left no state: it stopped before it started any work.');
}
