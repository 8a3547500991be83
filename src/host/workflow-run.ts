// The workflow run a step belongs to, read from GitHub's variables by the entries only: below
// them, the run is a value passed down (github/services.ts), never read from the environment.
import type { WorkflowRun } from '../github/services.js';

/** The workflow run described by GitHub's variables (the entries pass `process.env`). */
export function workflowRun(env: NodeJS.ProcessEnv): WorkflowRun {
  return {
    actions: env.GITHUB_ACTIONS === 'true',
    job: env.GITHUB_JOB,
    runId: env.GITHUB_RUN_ID,
    runAttempt: env.GITHUB_RUN_ATTEMPT,
    repository: env.GITHUB_REPOSITORY,
    serverUrl: env.GITHUB_SERVER_URL,
    ref: env.GITHUB_REF,
    eventName: env.GITHUB_EVENT_NAME,
    eventPath: env.GITHUB_EVENT_PATH,
  };
}
