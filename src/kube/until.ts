/** Re-checks a condition on every wake-up and at least every poll interval, until it holds or time runs out. */

export interface UntilOptions {
  timeoutMs: number;
  /** The fallback: how long to wait for a wake-up before checking anyway. */
  pollIntervalMs: number;
  signal?: AbortSignal;
  /** Starts sources of wake-ups (watches); returns the function that stops them. */
  wakeUps?: (wake: () => void) => () => void;
}

/**
 * Runs `check` until it returns a value and returns that value, or `undefined` once `timeoutMs` has passed
 * (after one last check). Wake-ups during a check lead to one more check right after it. Throws the
 * signal's reason when cancelled.
 */
export async function until<T>(check: () => Promise<T | undefined>, options: UntilOptions): Promise<T | undefined> {
  const { signal } = options;
  const deadline = performance.now() + options.timeoutMs;
  let woken = false;
  let interrupt: (() => void) | undefined;
  const stopWakeUps = options.wakeUps?.(() => {
    woken = true;
    interrupt?.();
  });
  try {
    for (;;) {
      signal?.throwIfAborted();
      woken = false;
      const result = await check();
      if (result !== undefined) return result;
      const left = deadline - performance.now();
      if (left <= 0) return undefined;
      if (!woken) await pause(Math.min(left, options.pollIntervalMs), signal, (fn) => (interrupt = fn));
    }
  } finally {
    stopWakeUps?.();
  }
}

/** Sleeps for `ms`, or until interrupted, or rejects when the signal aborts. */
function pause(ms: number, signal: AbortSignal | undefined, setInterrupt: (fn: (() => void) | undefined) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: unknown) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      setInterrupt(undefined);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onAbort = () => finish(signal?.reason);
    const timer = setTimeout(() => finish(), ms);
    setInterrupt(() => finish());
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}
