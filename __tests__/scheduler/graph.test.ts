import { runGraph, type GraphOptions, type GraphResult } from '../../src/scheduler/graph.js';
import { TaskTimeoutError, type Span, type Task } from '../../src/scheduler/task.js';
import { toTimings } from '../../src/scheduler/timings.js';
import { GraphError } from '../../src/scheduler/validate.js';
import { registerSecret } from '../../src/util/log.js';
import { stoppedUrgently, UrgentStop } from '../../src/util/urgent-stop.js';
import { Harness, settled, silentLog } from './harness.js';

function start(tasks: Task[], options: Partial<GraphOptions> = {}): Promise<GraphResult> {
  return runGraph(tasks, { concurrency: 4, log: silentLog(), ...options });
}

function outcomes(result: GraphResult): Record<string, Span['outcome']> {
  return Object.fromEntries(result.spans.map((span) => [span.id, span.outcome]));
}

function spanOf(result: GraphResult, id: string): Span {
  return result.spans.find((span) => span.id === id) as Span;
}

describe('runGraph ordering and results', () => {
  it('starts a task once its needs succeeded and hands their results forward', async () => {
    const h = new Harness();
    const reader: Task = {
      id: 'deploy',
      title: 'Deploy',
      phase: 'deploy',
      needs: ['images', 'cluster'],
      run: async (ctx) => `${ctx.result<string>('images')} on ${ctx.result<string>('cluster')}`,
    };
    const run = start([reader, h.task('images'), h.task('cluster', { needs: ['images'] })]);
    await settled();
    expect(h.started).toEqual(['images']);
    await h.finish('images', 'image:abc');
    expect(h.started).toEqual(['images', 'cluster']);
    await h.finish('cluster', 'kind-e2e');
    const result = await run;
    expect(result.ok).toBe(true);
    expect(result.results.get('deploy')).toBe('image:abc on kind-e2e');
    expect(outcomes(result)).toEqual({ deploy: 'success', images: 'success', cluster: 'success' });
    expect(spanOf(result, 'deploy').start).toBeGreaterThanOrEqual(spanOf(result, 'cluster').end as number);
  });

  it('refuses to hand over results of tasks that are not needed', async () => {
    const h = new Harness();
    const reader: Task = { id: 'reader', title: 'Reader', phase: 'p', run: async (ctx) => ctx.result('other') };
    const run = start([h.task('other'), reader]);
    await settled();
    await h.finish('other', 1);
    const result = await run;
    expect(spanOf(result, 'reader').error).toBe('task "reader" asked about "other", which is not among its needs');
  });
});

describe('runGraph limits', () => {
  it('never runs more tasks than the concurrency', async () => {
    const h = new Harness();
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const run = start(ids.map((id) => h.task(id)), { concurrency: 2 });
    await settled();
    expect([...h.running]).toEqual(['a', 'b']);
    await h.finish('b');
    expect([...h.running]).toEqual(['a', 'c']);
    for (const id of ['a', 'c', 'd', 'e']) await h.finish(id);
    expect((await run).ok).toBe(true);
    expect(h.maxRunning).toBe(2);
  });

  it('keeps the memory of running tasks within the budget', async () => {
    const h = new Harness();
    const run = start(
      [
        h.task('a', { weight: { memoryMiB: 600 } }),
        h.task('b', { weight: { memoryMiB: 600 } }),
        h.task('c', { weight: { memoryMiB: 300 } }),
      ],
      { memoryBudgetMiB: 1000 },
    );
    await settled();
    expect([...h.running]).toEqual(['a', 'c']);
    await h.finish('a');
    expect([...h.running]).toEqual(['c', 'b']);
    await h.finish('b');
    await h.finish('c');
    expect((await run).ok).toBe(true);
  });

  it('runs a task that exactly fills the rest of the budget beside the others', async () => {
    const h = new Harness();
    const run = start([h.task('a', { weight: { memoryMiB: 600 } }), h.task('b', { weight: { memoryMiB: 400 } })], { memoryBudgetMiB: 1000 });
    await settled();
    expect([...h.running]).toEqual(['a', 'b']);
    await h.finish('a');
    await h.finish('b');
    expect((await run).ok).toBe(true);
  });

  it('counts a task without a weight as light and small', async () => {
    const h = new Harness();
    const run = start([h.task('pull'), h.task('build', { weight: { heavy: true, memoryMiB: 1000 } })], { memoryBudgetMiB: 1000 });
    await settled();
    expect([...h.running]).toEqual(['pull', 'build']);
    await h.finish('pull');
    await h.finish('build');
    expect((await run).ok).toBe(true);
  });

  it('runs a task larger than the whole budget, alone', async () => {
    const h = new Harness();
    const run = start(
      [h.task('huge', { weight: { memoryMiB: 4000 } }), h.task('small', { weight: { memoryMiB: 10 } }), h.task('free')],
      { memoryBudgetMiB: 1000 },
    );
    await settled();
    expect([...h.running]).toEqual(['huge']);
    await h.finish('huge');
    expect([...h.running]).toEqual(['small', 'free']);
    await h.finish('small');
    await h.finish('free');
    expect((await run).ok).toBe(true);
  });

  it('never runs two heavy tasks at once', async () => {
    const h = new Harness();
    const run = start([h.task('build-1', { weight: { heavy: true } }), h.task('build-2', { weight: { heavy: true } }), h.task('pull')]);
    await settled();
    expect([...h.running]).toEqual(['build-1', 'pull']);
    await h.finish('pull');
    expect([...h.running]).toEqual(['build-1']);
    await h.finish('build-1');
    expect([...h.running]).toEqual(['build-2']);
    await h.finish('build-2');
    expect((await run).ok).toBe(true);
  });
});

describe('runGraph failure', () => {
  it('stops new work, lets running tasks finish and skips what never started', async () => {
    const h = new Harness();
    const run = start(
      [h.task('a'), h.task('b'), h.task('c'), h.task('after-a', { needs: ['a'] }), h.task('after-b', { needs: ['b'] })],
      { concurrency: 2 },
    );
    await settled();
    await h.fail('a', new Error('build failed\nwith details'));
    expect([...h.running]).toEqual(['b']);
    await h.finish('b', 'b-result');
    const result = await run;
    expect(outcomes(result)).toEqual({ a: 'failure', b: 'success', c: 'skipped', 'after-a': 'skipped', 'after-b': 'skipped' });
    expect(h.started).toEqual(['a', 'b']);
    expect(result.ok).toBe(false);
    expect(result.cancelled).toBe(false);
    expect(result.results.get('b')).toBe('b-result');
    expect(result.firstError?.id).toBe('a');
    expect(result.firstError?.message).toBe('build failed\nwith details');
    expect(spanOf(result, 'a').error).toBe('build failed\nwith details');
    expect(spanOf(result, 'c')).toMatchObject({ start: null, end: null, attempts: 0, notes: ['not run: an earlier task failed'] });
  });

  it('runs finalizers after a failure and keeps the original error first', async () => {
    const h = new Harness();
    const seen: string[] = [];
    const collect = h.task('collect', { finalizer: true, needs: ['suite'] });
    const cleanup: Task = {
      id: 'cleanup',
      title: 'Cleanup',
      phase: 'cleanup',
      finalizer: true,
      needs: ['collect', 'deploy'],
      run: async (ctx) => {
        seen.push(`suite ${ctx.outcome('suite')}`, `deploy ${ctx.outcome('deploy')}`);
        throw new Error('cluster delete failed');
      },
    };
    const run = start([h.task('deploy'), h.task('suite', { needs: ['deploy'] }), collect, cleanup]);
    await settled();
    await h.finish('deploy');
    await h.fail('suite', new Error('3 specs failed'));
    expect([...h.running]).toEqual(['collect']);
    await h.finish('collect');
    const result = await run;
    expect(seen).toEqual(['suite failure', 'deploy success']);
    expect(outcomes(result)).toEqual({ deploy: 'success', suite: 'failure', collect: 'success', cleanup: 'failure' });
    expect(result.firstError?.message).toBe('3 specs failed');
  });

  it('lets a task\'s failure replace a finalizer\'s that came first, but not another finalizer\'s', async () => {
    const h = new Harness();
    const run = start([h.task('suite'), h.task('early-logs', { finalizer: true }), h.task('late-logs', { finalizer: true })]);
    await settled();
    await h.fail('early-logs', new Error('log stream broke'));
    await h.fail('late-logs', new Error('log stream broke again'));
    await h.fail('suite', new Error('3 specs failed'));
    const result = await run;
    expect(outcomes(result)).toEqual({ suite: 'failure', 'early-logs': 'failure', 'late-logs': 'failure' });
    expect(result.firstError).toMatchObject({ id: 'suite', message: '3 specs failed' });

    const finalizersOnly = new Harness();
    const second = start([finalizersOnly.task('logs', { finalizer: true }), finalizersOnly.task('coverage', { finalizer: true })]);
    await settled();
    await finalizersOnly.fail('logs', new Error('log stream broke'));
    await finalizersOnly.fail('coverage', new Error('no coverage data'));
    expect((await second).firstError).toMatchObject({ id: 'logs', message: 'log stream broke' });
  });

  it('runs finalizers after success, once their needs have ended', async () => {
    const h = new Harness();
    const run = start([h.task('suite'), h.task('report', { finalizer: true, needs: ['suite'] })]);
    await settled();
    expect(h.started).toEqual(['suite']);
    await h.finish('suite', 'green');
    expect(h.contexts.get('report')?.result('suite')).toBe('green');
    await h.finish('report');
    expect((await run).ok).toBe(true);
  });

  it('fails a task that outlives its timeout', async () => {
    const h = new Harness();
    const retryable: unknown[] = [];
    const run = start([
      h.task('slow', { timeoutMs: 20, retry: { attempts: 2, isRetryable: (error) => (retryable.push(error), false) } }),
    ]);
    const result = await run;
    expect(outcomes(result)).toEqual({ slow: 'failure' });
    expect(spanOf(result, 'slow').error).toBe('Task slow timed out after 0.0s');
    expect(retryable[0]).toBeInstanceOf(TaskTimeoutError);
    expect((retryable[0] as Error).name).toBe('TaskTimeoutError');
    expect(h.contexts.get('slow')?.signal.aborted).toBe(true);
  });

  it('abandons an aborted task that does not stop', async () => {
    const stubborn: Task = { id: 'stubborn', title: 'Stubborn', phase: 'p', timeoutMs: 10, run: () => new Promise(() => {}) };
    const result = await start([stubborn], { abandonAfterMs: 10 });
    expect(spanOf(result, 'stubborn')).toMatchObject({ outcome: 'failure', error: 'Stubborn timed out after 0.0s' });
    expect(spanOf(result, 'stubborn').notes).toEqual(['did not stop within 0.0s of being aborted; abandoned']);
  });
});

describe('runGraph retries', () => {
  it('retries failed builds with lowered concurrency until they run one at a time', async () => {
    let running = 0;
    const runningAtRetryStart: number[] = [];
    const concurrencyOfSuccess: number[] = [];
    const build = (id: string): Task => ({
      id,
      title: `Build ${id}`,
      phase: 'images',
      retry: {
        attempts: 4,
        isRetryable: (error) => error instanceof Error && error.message === 'engine crashed',
        beforeRetry: (_error, _attempt, controls) => {
          controls.lowerConcurrency();
        },
      },
      run: async (ctx) => {
        running += 1;
        if (ctx.attempt > 1) runningAtRetryStart.push(running);
        try {
          await settled(); // let the other builds start before looking
          if (running > 1) throw new Error('engine crashed');
          concurrencyOfSuccess.push(running);
        } finally {
          running -= 1;
        }
      },
    });
    const log = silentLog();
    const result = await runGraph(['a', 'b', 'c', 'd'].map(build), { concurrency: 4, log });
    expect(result.ok).toBe(true);
    expect(concurrencyOfSuccess).toEqual([1, 1, 1, 1]);
    expect(runningAtRetryStart.length).toBeGreaterThanOrEqual(3);
    expect(runningAtRetryStart.every((count) => count === 1)).toBe(true);
    expect(log.lines).toEqual(expect.arrayContaining(['concurrency lowered from 4 to 2', 'concurrency lowered from 2 to 1']));
    expect(spanOf(result, 'a').notes[0]).toBe('attempt 1 failed: engine crashed');
  });

  it('fails a task once its attempts are used up, with the last attempt\'s error', async () => {
    const h = new Harness();
    const run = start([h.task('build', { retry: { attempts: 2, isRetryable: () => true } })]);
    await settled();
    await h.fail('build', new Error('engine crashed once'));
    expect([...h.running]).toEqual(['build']);
    await h.fail('build', new Error('engine crashed twice'));
    const result = await run;
    expect(h.started).toEqual(['build', 'build']);
    expect(spanOf(result, 'build')).toMatchObject({ outcome: 'failure', attempts: 2, error: 'engine crashed twice' });
    expect(spanOf(result, 'build').notes).toEqual(['attempt 1 failed: engine crashed once']);
    expect(result.firstError?.message).toBe('engine crashed twice');
  });

  it('gives up when preparing the retry fails, noting why', async () => {
    const h = new Harness();
    const retry = {
      attempts: 3,
      isRetryable: () => true,
      beforeRetry: () => {
        throw new Error('cannot restart the engine');
      },
    };
    const run = start([h.task('build', { retry })]);
    await settled();
    await h.fail('build', new Error('engine crashed'));
    const result = await run;
    expect(spanOf(result, 'build')).toMatchObject({ outcome: 'failure', attempts: 1, error: 'engine crashed' });
    expect(spanOf(result, 'build').notes).toEqual(['attempt 1 failed: engine crashed', 'preparing the retry failed: cannot restart the engine']);
  });

  it('does not retry an error the policy calls permanent', async () => {
    const h = new Harness();
    const run = start([h.task('build', { retry: { attempts: 3, isRetryable: () => false } })]);
    await settled();
    await h.fail('build', new Error('Dockerfile syntax error'));
    const result = await run;
    expect(spanOf(result, 'build')).toMatchObject({ outcome: 'failure', attempts: 1 });
  });
});

describe('runGraph cancellation', () => {
  it('aborts running tasks, starts nothing new and still runs finalizers', async () => {
    const h = new Harness();
    const controller = new AbortController();
    const run = start(
      [
        h.task('suite'),
        h.task('waiting', { needs: ['suite'] }),
        h.task('logs', { finalizer: true, needs: ['suite', 'waiting'] }),
      ],
      { signal: controller.signal },
    );
    await settled();
    controller.abort();
    await settled();
    expect(h.contexts.get('suite')?.signal.aborted).toBe(true);
    expect(h.started).toEqual(['suite', 'logs']);
    expect(h.contexts.get('logs')?.signal.aborted).toBe(false);
    expect(h.contexts.get('logs')?.outcome('suite')).toBe('cancelled');
    await h.finish('logs');
    const result = await run;
    expect(result.cancelled).toBe(true);
    expect(result.ok).toBe(false);
    expect(outcomes(result)).toEqual({ suite: 'cancelled', waiting: 'skipped', logs: 'success' });
    expect(result.firstError).toBeUndefined();
  });

  it('runs only finalizers when cancelled before it starts', async () => {
    const h = new Harness();
    const controller = new AbortController();
    controller.abort();
    const run = start([h.task('work'), h.task('cleanup', { finalizer: true })], { signal: controller.signal });
    await settled();
    expect(h.started).toEqual(['cleanup']);
    await h.finish('cleanup');
    expect(outcomes(await run)).toEqual({ work: 'skipped', cleanup: 'success' });
  });
});

describe('runGraph optional tasks', () => {
  it('records the failure of side work without stopping the run or counting it against the result', async () => {
    const h = new Harness();
    const run = start([h.task('build'), h.task('push', { needs: ['build'], optional: true }), h.task('suite', { needs: ['build'] })]);
    await settled();
    await h.finish('build');
    await h.fail('push', new Error('the registry answered 500'));
    expect(h.started).toEqual(['build', 'push', 'suite']);
    await h.finish('suite');
    const result = await run;
    expect(outcomes(result)).toEqual({ build: 'success', push: 'failure', suite: 'success' });
    expect(spanOf(result, 'push')).toMatchObject({ optional: true, error: 'the registry answered 500' });
    expect(result.ok).toBe(true);
    expect(result.firstError).toBeUndefined();
    expect(toTimings(result).result).toBe('success');
  });
});

describe('runGraph cancel plan', () => {
  it('hands onCancel the spans as they stand, the running ones cancelled, before any finalizer ends', async () => {
    const h = new Harness();
    const controller = new AbortController();
    const snapshots: GraphResult[] = [];
    const run = start([h.task('images'), h.task('suite', { needs: ['images'] }), h.task('logs', { finalizer: true, needs: ['suite'] })], {
      signal: controller.signal,
      onCancel: (snapshot) => snapshots.push(snapshot),
    });
    await settled();
    await h.finish('images');
    controller.abort();
    expect(snapshots).toHaveLength(1);
    expect(outcomes(snapshots[0]!)).toEqual({ images: 'success', suite: 'cancelled', logs: 'skipped' });
    expect(snapshots[0]!.cancelled).toBe(true);
    expect(spanOf(snapshots[0]!, 'suite').end).not.toBeNull();
    await settled();
    await h.finish('logs');
    expect(outcomes(await run)).toEqual({ images: 'success', suite: 'cancelled', logs: 'success' });
    expect(snapshots).toHaveLength(1);
  });

  it('hands onCancel copies that keep the notes and attributes so far and later changes leave alone', async () => {
    const h = new Harness();
    const controller = new AbortController();
    const snapshots: GraphResult[] = [];
    const run = start([h.task('images'), h.task('suite'), h.task('logs', { finalizer: true, needs: ['suite'] })], {
      signal: controller.signal,
      onCancel: (snapshot) => snapshots.push(snapshot),
    });
    await settled();
    h.contexts.get('images')?.span.note('pulled 3 of 4');
    h.contexts.get('images')?.span.set('source', 'pull');
    h.contexts.get('suite')?.span.note('12 specs ran');
    h.contexts.get('suite')?.span.set('focus', 'Health');
    await h.finish('images');
    controller.abort();
    const [snapshot] = snapshots;
    const suite = spanOf(snapshot!, 'suite');
    expect(spanOf(snapshot!, 'images')).toMatchObject({ outcome: 'success', notes: ['pulled 3 of 4'], attributes: { source: 'pull' } });
    expect(suite).toMatchObject({ outcome: 'cancelled', notes: ['12 specs ran'], attributes: { focus: 'Health' } });
    expect(suite.durationMs).toBe((suite.end as number) - (suite.start as number));
    await settled();
    h.contexts.get('logs')?.span.note('collected');
    h.contexts.get('logs')?.span.set('pods', 4);
    await h.finish('logs');
    await run;
    expect(spanOf(snapshot!, 'logs')).toMatchObject({ outcome: 'skipped', notes: [], attributes: {} });
  });

  it('passes an urgent stop on to the running tasks, so their programs get the short grace', async () => {
    const h = new Harness();
    const controller = new AbortController();
    const run = start([h.task('suite')], { signal: controller.signal });
    await settled();
    controller.abort(new UrgentStop('the run was cancelled by SIGINT'));
    await settled();
    expect(stoppedUrgently(h.contexts.get('suite')?.signal)).toBe(true);
    await run;
  });

  it('ending the finalizers leaves other tasks running and hands the finalizers its reason', async () => {
    const h = new Harness();
    const endFinalizers = new AbortController();
    const log = silentLog();
    const run = start([h.task('suite'), h.task('logs', { finalizer: true })], { endFinalizers: endFinalizers.signal, log });
    await settled();
    endFinalizers.abort(new Error('the job is out of time'));
    await settled();
    expect((h.contexts.get('logs')?.signal.reason as Error).message).toBe('the job is out of time');
    expect(h.contexts.get('suite')?.signal.aborted).toBe(false);
    expect(log.lines).toContain('finalizers ended: stopping the running ones, skipping the rest');
    await h.finish('suite', 'green');
    const result = await run;
    expect(outcomes(result)).toEqual({ suite: 'success', logs: 'cancelled' });
    expect(result.results.get('suite')).toBe('green');
  });

  it('ending the finalizers abandons the running one at once and skips those not started', async () => {
    const h = new Harness();
    const cancel = new AbortController();
    const endFinalizers = new AbortController();
    const stubborn: Task = { id: 'logs', title: 'Logs', phase: 'evidence', finalizer: true, needs: ['suite'], run: () => new Promise(() => {}) };
    const run = start([h.task('suite'), stubborn, h.task('coverage', { finalizer: true, needs: ['logs'] })], {
      signal: cancel.signal,
      endFinalizers: endFinalizers.signal,
      abandonAfterMs: 60_000,
    });
    await settled();
    cancel.abort();
    await settled();
    endFinalizers.abort();
    const result = await run;
    expect(outcomes(result)).toEqual({ suite: 'cancelled', logs: 'cancelled', coverage: 'skipped' });
    expect(spanOf(result, 'logs').notes).toEqual(['abandoned: the finalizers were ended']);
    expect(spanOf(result, 'coverage').notes).toEqual(['not run: the finalizers were ended']);
  });
});

describe('runGraph spans', () => {
  it('records notes and attributes, redacted', async () => {
    registerSecret('graph-secret-token');
    const task: Task = {
      id: 'login',
      title: 'Login',
      phase: 'images',
      run: async (ctx) => {
        ctx.span.note('logged in with graph-secret-token');
        ctx.span.set('registry', 'ghcr.io');
        ctx.span.set('images', 3);
      },
    };
    const span = spanOf(await start([task]), 'login');
    expect(span.notes).toEqual(['logged in with ***']);
    expect(span.attributes).toEqual({ registry: 'ghcr.io', images: 3 });
    expect(span).toMatchObject({ phase: 'images', title: 'Login', attempts: 1, outcome: 'success' });
    expect(span.durationMs).toBe((span.end as number) - (span.start as number));
  });
});

describe('runGraph log and notes', () => {
  it('logs each task ending: done, failed with the first line of its error, cancelled', async () => {
    const h = new Harness();
    const log = silentLog();
    const controller = new AbortController();
    const run = start([h.task('images'), h.task('cluster'), h.task('suite', { needs: ['images'] }), h.task('logs', { finalizer: true, needs: ['suite'] })], {
      log,
      signal: controller.signal,
      concurrency: 2,
    });
    await settled();
    await h.finish('images');
    controller.abort();
    await settled();
    await h.fail('logs', new Error('kubectl logs failed\nwith its output'));
    const result = await run;
    expect(outcomes(result)).toEqual({ images: 'success', cluster: 'cancelled', suite: 'cancelled', logs: 'failure' });
    expect(log.lines).toEqual([
      expect.stringMatching(/^\[images\] ✔ Task images \(\d+\.\ds\)$/),
      'run cancelled: stopping running tasks, then running finalizers',
      '[cluster] ■ Task cluster cancelled',
      '[suite] ■ Task suite cancelled',
      expect.stringMatching(/^\[logs\] ✖ Task logs failed after \d+\.\ds: kubectl logs failed$/),
    ]);
    expect(spanOf(result, 'suite').notes).toEqual([]);
  });

  it('notes why a task did not run: the run was cancelled, or a need did not succeed', async () => {
    const h = new Harness();
    const controller = new AbortController();
    const run = start([h.task('build'), h.task('push', { needs: ['build'], optional: true }), h.task('announce', { needs: ['push'] }), h.task('later', { needs: ['build'] })], {
      signal: controller.signal,
      concurrency: 1,
    });
    await settled();
    await h.finish('build');
    await h.fail('push', new Error('the registry answered 500'));
    expect([...h.running]).toEqual(['later']);
    controller.abort();
    const result = await run;
    expect(outcomes(result)).toEqual({ build: 'success', push: 'failure', announce: 'skipped', later: 'cancelled' });
    expect(spanOf(result, 'announce').notes).toEqual(['not run: "push" ended with failure']);

    const cancelled = new AbortController();
    cancelled.abort();
    const before = await start([h.task('never')], { signal: cancelled.signal });
    expect(spanOf(before, 'never').notes).toEqual(['not run: the run was cancelled']);
  });

  it('skips a whole chain behind side work that failed, whatever the order the tasks were given in', async () => {
    const h = new Harness();
    const run = start([h.task('verify', { needs: ['announce'] }), h.task('announce', { needs: ['push'] }), h.task('push', { optional: true })]);
    await settled();
    await h.fail('push', new Error('the registry answered 500'));
    const result = await run;
    expect(outcomes(result)).toEqual({ verify: 'skipped', announce: 'skipped', push: 'failure' });
    expect(spanOf(result, 'verify').notes).toEqual(['not run: "announce" ended with skipped']);
  });

  it('notes a finalizer that ignored its timeout as abandoned, not as ended', async () => {
    const stubborn: Task = { id: 'logs', title: 'Logs', phase: 'evidence', finalizer: true, timeoutMs: 10, run: () => new Promise(() => {}) };
    const result = await start([stubborn], { abandonAfterMs: 10 });
    expect(spanOf(result, 'logs').notes).toEqual(['did not stop within 0.0s of being aborted; abandoned']);
    expect(spanOf(result, 'logs').error).toBe('Logs timed out after 0.0s');
  });

  it('names the timeout in the error, whatever the task answers to its abort', async () => {
    const obliging: Task = {
      id: 'pull',
      title: 'Pull',
      phase: 'images',
      timeoutMs: 150,
      run: (ctx) => new Promise((resolve) => ctx.signal.addEventListener('abort', () => resolve('half an image'))),
    };
    const result = await start([obliging]);
    expect(spanOf(result, 'pull')).toMatchObject({ outcome: 'failure', error: 'Pull timed out after 0.1s' });
    expect(result.results.has('pull')).toBe(false);
  });

  it('logs how long a task took from its start', async () => {
    const log = silentLog();
    const pause = () => new Promise((resolve) => setTimeout(resolve, 120));
    const tasks: Task[] = [
      { id: 'wait', title: 'Wait', phase: 'p', run: pause },
      { id: 'fail', title: 'Fail', phase: 'p', run: () => pause().then(() => Promise.reject(new Error('gave up'))) },
    ];
    await start(tasks, { log });
    // At least the pause, and far from the epoch: measured from the task's own start.
    const took = /\((0\.[1-9]|[1-9]\d?\.\d)s\)$|after (0\.[1-9]|[1-9]\d?\.\d)s:/;
    expect(log.lines.filter((line) => took.test(line))).toEqual([expect.stringContaining('✔ Wait'), expect.stringContaining('✖ Fail failed after')]);
  });

  it('leaves the signal of a task that finished in time alone', async () => {
    const h = new Harness();
    const run = start([h.task('quick', { timeoutMs: 30 })]);
    await settled();
    await h.finish('quick', 'done');
    expect((await run).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(h.contexts.get('quick')?.signal.aborted).toBe(false);
  });

  it('does not lower the logged concurrency below 1', async () => {
    const log = silentLog();
    let calls = 0;
    const flaky: Task = {
      id: 'build',
      title: 'Build',
      phase: 'images',
      retry: { attempts: 3, isRetryable: () => true, beforeRetry: (_e, _a, controls) => void controls.lowerConcurrency() },
      run: async () => {
        calls += 1;
        if (calls < 3) throw new Error('engine crashed');
      },
    };
    const result = await start([flaky], { concurrency: 2, log });
    expect(result.ok).toBe(true);
    expect(log.lines.filter((line) => line.includes('concurrency lowered'))).toEqual(['concurrency lowered from 2 to 1']);
    expect(log.lines.filter((line) => line.includes('↻'))).toEqual([
      '[build] ↻ Build: attempt 1 of 3 failed (engine crashed); retrying',
      '[build] ↻ Build: attempt 2 of 3 failed (engine crashed); retrying',
    ]);
  });
});

describe('runGraph retries while the run stops', () => {
  const retryable = (beforeRetry?: () => void) => ({ attempts: 3, isRetryable: () => true, ...(beforeRetry ? { beforeRetry } : {}) });

  it('does not retry once another task has failed', async () => {
    const h = new Harness();
    const run = start([h.task('build', { retry: retryable() }), h.task('pull')]);
    await settled();
    await h.fail('pull', new Error('manifest unknown'));
    await h.fail('build', new Error('engine crashed'));
    const result = await run;
    expect(spanOf(result, 'build')).toMatchObject({ outcome: 'failure', attempts: 1, error: 'engine crashed' });
    expect(result.firstError?.id).toBe('pull');
  });

  it('a retry waiting for room fails with its last error when another task fails', async () => {
    const h = new Harness();
    const lowerToOne = { attempts: 3, isRetryable: () => true, beforeRetry: (_e: unknown, _a: number, controls: { lowerConcurrency(): number }) => void controls.lowerConcurrency() };
    const run = start([h.task('build', { retry: lowerToOne }), h.task('pull')], { concurrency: 2 });
    await settled();
    await h.fail('build', new Error('engine crashed'));
    expect([...h.running]).toEqual(['pull']);
    await h.fail('pull', new Error('manifest unknown'));
    const result = await run;
    expect(outcomes(result)).toEqual({ build: 'failure', pull: 'failure' });
    expect(spanOf(result, 'build')).toMatchObject({ attempts: 1, error: 'engine crashed', notes: ['attempt 1 failed: engine crashed'] });
  });

  it('a retry waiting for room is cancelled with the run', async () => {
    const h = new Harness();
    const controller = new AbortController();
    const lowerToOne = { attempts: 3, isRetryable: () => true, beforeRetry: (_e: unknown, _a: number, controls: { lowerConcurrency(): number }) => void controls.lowerConcurrency() };
    const run = start([h.task('build', { retry: lowerToOne }), h.task('pull')], { concurrency: 2, signal: controller.signal });
    await settled();
    await h.fail('build', new Error('engine crashed'));
    controller.abort();
    const result = await run;
    expect(outcomes(result)).toEqual({ build: 'cancelled', pull: 'cancelled' });
    expect(result.firstError).toBeUndefined();
  });

  it('a cancel while the retry is being prepared cancels the task', async () => {
    const h = new Harness();
    const controller = new AbortController();
    const run = start([h.task('build', { retry: retryable(() => controller.abort()) })], { signal: controller.signal });
    await settled();
    await h.fail('build', new Error('engine crashed'));
    const result = await run;
    expect(spanOf(result, 'build')).toMatchObject({ outcome: 'cancelled', attempts: 1 });
    expect(h.started).toEqual(['build']);
  });

  it('a task that answers the cancel with a value is still cancelled', async () => {
    const controller = new AbortController();
    const obliging: Task = { id: 'suite', title: 'Suite', phase: 'test', run: (ctx) => new Promise((resolve) => ctx.signal.addEventListener('abort', () => resolve('partial'))) };
    const run = start([obliging], { signal: controller.signal });
    await settled();
    controller.abort();
    const result = await run;
    expect(spanOf(result, 'suite').outcome).toBe('cancelled');
    expect(result.results.has('suite')).toBe(false);
  });
});

describe('runGraph after it ended', () => {
  it('ignores its signals once finished', async () => {
    const cancel = new AbortController();
    const endFinalizers = new AbortController();
    const log = silentLog();
    const snapshots: GraphResult[] = [];
    const task: Task = { id: 'a', title: 'A', phase: 'p', run: async () => 'ok' };
    const result = await start([task], { log, signal: cancel.signal, endFinalizers: endFinalizers.signal, onCancel: (s) => snapshots.push(s) });
    cancel.abort();
    endFinalizers.abort();
    expect(snapshots).toEqual([]);
    expect(log.lines).toEqual([expect.stringMatching(/^\[a\] ✔ A/)]);
    expect(result.cancelled).toBe(false);
  });

  it('skips every finalizer when the finalizers were ended before it started', async () => {
    const h = new Harness();
    const ended = new AbortController();
    ended.abort();
    const run = start([h.task('work'), h.task('cleanup', { finalizer: true })], { endFinalizers: ended.signal });
    await settled();
    expect(h.started).toEqual(['work']);
    await h.finish('work');
    const result = await run;
    expect(outcomes(result)).toEqual({ work: 'success', cleanup: 'skipped' });
    expect(spanOf(result, 'cleanup').notes).toEqual(['not run: the finalizers were ended']);
  });
});

describe('runGraph validation', () => {
  const never = (id: string, needs?: string[]): Task => ({
    id,
    title: id,
    phase: 'p',
    needs,
    run: () => {
      throw new Error('must not run');
    },
  });

  it.each([
    ['a cycle', [never('a', ['c']), never('b', ['a']), never('c', ['b'])], 'tasks depend on each other in a cycle: a → c → b → a'],
    ['a task needing itself', [never('a', ['a'])], 'a cycle: a → a'],
    ['an unknown need', [never('a'), never('b', ['nope'])], 'task "b" needs "nope", which is not a task; known tasks: a, b'],
    ['a duplicate id', [never('a'), never('a')], 'task id "a" is used by more than one task'],
  ])('rejects %s before running anything', async (_name, tasks, message) => {
    await expect(start(tasks)).rejects.toThrow(GraphError);
    await expect(start(tasks)).rejects.toThrow(message);
  });

  it('names only the tasks on the cycle, wherever it is among the tasks', async () => {
    const error = await start([never('free'), never('deploy', ['a']), never('a', ['b']), never('b', ['a'])]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).name).toBe('GraphError');
    expect((error as GraphError).message).toBe('tasks depend on each other in a cycle: a → b → a');
  });

  it('rejects a task whose id is not text', async () => {
    const nameless = { ...never('a'), id: undefined as unknown as string, title: 'Nameless' };
    await expect(start([nameless])).rejects.toThrow(new GraphError('a task has an empty id (title: "Nameless"); every task needs a unique id'));
  });

  it('accepts a diamond, where two tasks share a need, as no cycle', async () => {
    const done: string[] = [];
    const task = (id: string, needs?: string[]): Task => ({ id, title: id, phase: 'p', needs, run: async () => void done.push(id) });
    const result = await start([task('deploy', ['api', 'controller']), task('api', ['images']), task('controller', ['images']), task('images')]);
    expect(result.ok).toBe(true);
    expect(done).toEqual(['images', 'api', 'controller', 'deploy']);
  });

  it.each([
    ['an empty id', [{ ...never('a'), id: ' ', title: 'Nameless' }], 'a task has an empty id (title: "Nameless"); every task needs a unique id'],
    ['a negative memory weight', [{ ...never('a'), weight: { memoryMiB: -1 } }], 'task "a": weight.memoryMiB must be a number of MiB >= 0, got -1'],
    ['an endless memory weight', [{ ...never('a'), weight: { memoryMiB: Infinity } }], 'task "a": weight.memoryMiB must be a number of MiB >= 0, got Infinity'],
    ['a zero timeout', [{ ...never('a'), timeoutMs: 0 }], 'task "a": timeoutMs must be a positive number, got 0'],
    ['an endless timeout', [{ ...never('a'), timeoutMs: Infinity }], 'task "a": timeoutMs must be a positive number, got Infinity'],
    ['a fractional attempt count', [{ ...never('a'), retry: { attempts: 1.5, isRetryable: () => true } }], 'task "a": retry.attempts must be a whole number of at least 1, got 1.5'],
  ])('rejects %s, naming the task', async (_name, tasks, message) => {
    await expect(start(tasks)).rejects.toThrow(new GraphError(message));
  });

  it('accepts the smallest valid weights, timeouts and attempts', async () => {
    const task: Task = { id: 'a', title: 'a', phase: 'p', weight: { memoryMiB: 0 }, timeoutMs: 60_000, retry: { attempts: 1, isRetryable: () => true }, run: async () => 'ran' };
    const result = await start([task], { concurrency: 1, memoryBudgetMiB: 0.5 });
    expect(result.results.get('a')).toBe('ran');
  });

  it('rejects impossible limits', async () => {
    await expect(start([never('a')], { concurrency: 1.5 })).rejects.toThrow('concurrency must be a whole number of at least 1, got 1.5');
    await expect(start([never('a')], { memoryBudgetMiB: 0 })).rejects.toThrow('memoryBudgetMiB must be a positive number of MiB, got 0');
    await expect(start([never('a')], { memoryBudgetMiB: Infinity })).rejects.toThrow('memoryBudgetMiB must be a positive number of MiB, got Infinity');
    await expect(start([never('a')], { concurrency: 0 })).rejects.toThrow('concurrency must be a whole number of at least 1, got 0');
    await expect(start([never('a')], { memoryBudgetMiB: -1 })).rejects.toThrow('memoryBudgetMiB must be a positive number');
    await expect(start([{ ...never('a'), retry: { attempts: 0, isRetryable: () => true } }])).rejects.toThrow(
      'task "a": retry.attempts must be a whole number of at least 1, got 0',
    );
  });
});
