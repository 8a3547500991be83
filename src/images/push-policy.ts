/**
 * Whether built images may be pushed. Never from a pull request whose head lives in a fork: its
 * code must not write to the registry (and its token cannot). That is a notice, not an error:
 * the run goes on without pushing.
 */
import { readFile } from 'node:fs/promises';
import type { WorkflowRun } from '../github/services.js';

export interface PushDecision {
  allowed: boolean;
  /** Why pushing is off although it was asked for. */
  notice?: string;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

interface PullRequestEvent {
  pull_request?: {
    head?: { repo?: { full_name?: string } | null };
    base?: { repo?: { full_name?: string } };
  };
}

export async function pushDecision(
  push: boolean,
  run: Pick<WorkflowRun, 'eventName' | 'eventPath'>,
  read: (file: string) => Promise<string> = (file) => readFile(file, 'utf8'),
): Promise<PushDecision> {
  if (!push) return { allowed: false };
  const event = run.eventName;
  if (event === undefined || !PULL_REQUEST_EVENTS.has(event)) return { allowed: true };

  const refuse = (why: string): PushDecision => ({ allowed: false, notice: `push is on, but images are not pushed: ${why}` });
  let payload: PullRequestEvent;
  try {
    payload = JSON.parse(await read(run.eventPath ?? '')) as PullRequestEvent;
  } catch (error) {
    return refuse(`the ${event} event payload (GITHUB_EVENT_PATH) cannot be read to rule out a fork (${(error as Error).message})`);
  }
  const head = payload.pull_request?.head?.repo?.full_name;
  const base = payload.pull_request?.base?.repo?.full_name;
  if (head === undefined || base === undefined) return refuse(`the ${event} event does not name the head and base repositories`);
  if (head !== base) return refuse(`this pull request comes from the fork ${head}, and a fork's code must not write to ${base}'s registry`);
  return { allowed: true };
}
