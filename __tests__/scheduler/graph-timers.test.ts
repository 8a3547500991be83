import { jest } from '@jest/globals';
import type { Task } from '../../src/scheduler/task.js';
import { deferred, settled } from './harness.js';
import { spanOf, start } from './run.js';

// Timers are fake so that a timer left behind shows (a pending timer keeps the process alive);
// the scheduler reacts in promise reactions and the harness waits with setImmediate, both real.
beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'clearImmediate'] });
});
afterEach(() => jest.useRealTimers());

/** A task that fails with its own error as soon as its signal is aborted, as a killed program does. */
function failingOnAbort(extra: Partial<Task> = {}): Task {
  return {
    id: 'pull',
    title: 'Pull',
    phase: 'images',
    run: (ctx) => new Promise((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('pull exited with code 143')))),
    ...extra,
  };
}

describe('runGraph timeouts and timers', () => {
  it('names the timeout in the error, not the error the task fails with once aborted', async () => {
    const run = start([failingOnAbort({ timeoutMs: 1000 })]);
    await settled();
    jest.advanceTimersByTime(1000);
    const result = await run;
    expect(spanOf(result, 'pull')).toMatchObject({ outcome: 'failure', error: 'Pull timed out after 1.0s' });
  });

  it('leaves no timer behind when a timed-out task stops in its grace', async () => {
    const run = start([failingOnAbort({ timeoutMs: 1000 })], { abandonAfterMs: 60_000 });
    await settled();
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(1000);
    await run;
    expect(jest.getTimerCount()).toBe(0);
  });

  it('leaves no timer behind when the finalizers are ended and a running one is abandoned', async () => {
    const endFinalizers = new AbortController();
    const stubborn: Task = { id: 'logs', title: 'Logs', phase: 'evidence', finalizer: true, run: () => new Promise(() => {}) };
    const run = start([stubborn], { endFinalizers: endFinalizers.signal, abandonAfterMs: 60_000 });
    await settled();
    endFinalizers.abort();
    expect(spanOf(await run, 'logs').outcome).toBe('cancelled');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('leaves no timer behind when the run is cancelled while a failed attempt waits for its retry', async () => {
    const cancel = new AbortController();
    const preparing = deferred();
    const signals: AbortSignal[] = [];
    const build: Task = {
      id: 'build',
      title: 'Build',
      phase: 'images',
      retry: { attempts: 2, isRetryable: () => true, beforeRetry: () => preparing.promise },
      run: async (ctx) => {
        signals.push(ctx.signal);
        throw new Error('engine crashed');
      },
    };
    const run = start([build], { signal: cancel.signal, abandonAfterMs: 60_000 });
    await settled();
    cancel.abort();
    expect(signals.map((signal) => signal.aborted)).toEqual([true]);
    preparing.resolve();
    expect(spanOf(await run, 'build')).toMatchObject({ outcome: 'cancelled', attempts: 1 });
    expect(jest.getTimerCount()).toBe(0);
  });
});
