import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Task } from '../../src/scheduler/task.js';
import { toTimings, writeTimings } from '../../src/scheduler/timings.js';
import { registerSecret } from '../../src/util/log.js';
import { stoppedUrgently } from '../../src/util/urgent-stop.js';
import { deferred, Harness, settled, silentLog } from './harness.js';
import { outcomes, spanOf, start } from './run.js';

describe('runGraph span attributes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'graph-edges-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('masks a secret in a text attribute, plain or encoded, before it reaches the timings file', async () => {
    const secret = 'attr-secret-5f0c9b'; // 18 bytes: its base64 has no padding
    const encoded = Buffer.from(secret).toString('base64');
    registerSecret(secret);
    const push: Task = {
      id: 'push',
      title: 'Push',
      phase: 'images',
      run: async (ctx) => {
        ctx.span.set('reference', `ghcr.io/org/app:${secret}`);
        ctx.span.set('auth', encoded);
        ctx.span.set('layers', 7);
        ctx.span.set('cached', true);
      },
    };
    const result = await start([push]);
    expect(spanOf(result, 'push').attributes).toEqual({ reference: 'ghcr.io/org/app:***', auth: '***', layers: 7, cached: true });
    const file = join(dir, 'timings.json');
    await writeTimings(file, toTimings(result));
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(secret);
    expect(text).not.toContain(encoded);
    expect(JSON.parse(text).spans[0].attributes).toEqual({ reference: 'ghcr.io/org/app:***', auth: '***', layers: 7, cached: true });
  });
});

describe('runGraph errors', () => {
  it('gives only a failed span an error', async () => {
    const h = new Harness();
    const run = start([h.task('pull'), h.task('build'), h.task('push', { needs: ['build'] })]);
    await settled();
    await h.finish('pull');
    await h.fail('build', new Error('exit 1'));
    const result = await run;
    expect(outcomes(result)).toEqual({ pull: 'success', build: 'failure', push: 'skipped' });
    expect(toTimings(result).spans.map((span) => [span.id, span.error])).toEqual([
      ['pull', null],
      ['build', 'exit 1'],
      ['push', null],
    ]);
  });

  it('refuses a finalizer the result of a need that did not succeed, naming the need and how it ended', async () => {
    const h = new Harness();
    const report: Task = { id: 'report', title: 'Report', phase: 'report', finalizer: true, needs: ['suite'], run: async (ctx) => ctx.result('suite') };
    const run = start([h.task('suite'), report]);
    await settled();
    await h.fail('suite', new Error('3 specs failed'));
    const result = await run;
    expect(spanOf(result, 'report')).toMatchObject({ outcome: 'failure', error: 'task "report" needs the result of "suite", which ended with failure' });
    expect(result.results.has('report')).toBe(false);
    expect(result.firstError?.id).toBe('suite');
  });
});

describe('runGraph stopping', () => {
  it('tells the running tasks the run was cancelled', async () => {
    const h = new Harness();
    const controller = new AbortController();
    const run = start([h.task('suite')], { signal: controller.signal });
    await settled();
    controller.abort();
    const reason = h.contexts.get('suite')?.signal.reason;
    expect(reason).toBeInstanceOf(Error);
    expect((reason as Error).message).toBe('the run was cancelled');
    expect(stoppedUrgently(h.contexts.get('suite')?.signal)).toBe(false);
    await run;
  });

  it('does not prepare a retry, nor note or log one, once another task has failed', async () => {
    const h = new Harness();
    const log = silentLog();
    const prepared: number[] = [];
    const retry = { attempts: 3, isRetryable: () => true, beforeRetry: (_error: unknown, attempt: number) => void prepared.push(attempt) };
    const run = start([h.task('build', { retry }), h.task('pull')], { log });
    await settled();
    await h.fail('pull', new Error('manifest unknown'));
    await h.fail('build', new Error('engine crashed'));
    const result = await run;
    expect(prepared).toEqual([]);
    expect(spanOf(result, 'build')).toMatchObject({ outcome: 'failure', attempts: 1, notes: [] });
    expect(log.lines.filter((line) => line.includes('retrying'))).toEqual([]);
  });

  it.each([
    ['failed', (h: Harness) => h.fail('suite', new Error('3 specs failed')), 'failure'],
    ['was cancelled', async (_h: Harness, controller: AbortController) => {
      controller.abort();
      await settled();
    }, 'cancelled'],
  ] as const)('retries a finalizer in a run that %s: finalizers run on when the rest has stopped', async (_how, stop, suiteOutcome) => {
    const h = new Harness();
    const controller = new AbortController();
    const retry = { attempts: 2, isRetryable: () => true };
    const run = start([h.task('suite'), h.task('logs', { finalizer: true, needs: ['suite'], retry })], { signal: controller.signal });
    await settled();
    await stop(h, controller);
    await h.fail('logs', new Error('log stream broke'));
    await h.finish('logs', 'kept');
    const result = await run;
    expect(outcomes(result)).toEqual({ suite: suiteOutcome, logs: 'success' });
    expect(spanOf(result, 'logs')).toMatchObject({ attempts: 2, notes: ['attempt 1 failed: log stream broke'] });
    expect(result.results.get('logs')).toBe('kept');
  });

  it('ending the finalizers stops every running one, one preparing its retry too, and leaves a finished one alone', async () => {
    const h = new Harness();
    const endFinalizers = new AbortController();
    const preparing = deferred();
    const retry = { attempts: 2, isRetryable: () => true, beforeRetry: () => preparing.promise };
    const run = start([h.task('report', { finalizer: true }), h.task('logs', { finalizer: true, retry }), h.task('coverage', { finalizer: true })], {
      endFinalizers: endFinalizers.signal,
    });
    await settled();
    await h.finish('report', 'written');
    await h.fail('logs', new Error('log stream broke'));
    endFinalizers.abort(new Error('the job is out of time'));
    expect(h.contexts.get('coverage')?.signal.aborted).toBe(true);
    expect(h.contexts.get('report')?.signal.aborted).toBe(false);
    preparing.resolve();
    const result = await run;
    expect(outcomes(result)).toEqual({ report: 'success', logs: 'cancelled', coverage: 'cancelled' });
    expect(result.results.get('report')).toBe('written');
    expect(h.started).toEqual(['report', 'logs', 'coverage']);
  });
});
