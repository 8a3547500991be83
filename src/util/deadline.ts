/**
 * A deadline for a toolkit call (artifact upload, cache save/restore) that offers no way to stop
 * it: the caller moves on with an error, the call is left to finish or fail on its own.
 */
import { formatDuration } from './duration.js';

export class DeadlineError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not finish within ${formatDuration(ms)}`);
    this.name = 'DeadlineError';
  }
}

export async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  // A late rejection of the abandoned call must not become an unhandled rejection.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(what, ms)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
