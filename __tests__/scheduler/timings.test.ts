import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGraph } from '../../src/scheduler/graph.js';
import type { Span } from '../../src/scheduler/task.js';
import { toTimings, writeTimings } from '../../src/scheduler/timings.js';
import { silentLog } from './harness.js';

const T0 = Date.parse('2026-11-22T10:00:00.000Z');

function span(id: string, phase: string, start: number | null, end: number | null, extra: Partial<Span> = {}): Span {
  return {
    id,
    title: `Title ${id}`,
    phase,
    start: start === null ? null : T0 + start,
    end: end === null ? null : T0 + end,
    durationMs: start === null || end === null ? 0 : end - start,
    outcome: start === null ? 'skipped' : 'success',
    attempts: start === null ? 0 : 1,
    notes: [],
    attributes: {},
    ...extra,
  };
}

describe('toTimings', () => {
  it('measures a phase as wall clock from its first start to its last end', () => {
    const timings = toTimings({
      startedAt: T0,
      finishedAt: T0 + 9000,
      cancelled: false,
      spans: [
        span('build-a', 'images', 1000, 5000),
        span('cluster', 'cluster', 0, 8000),
        span('build-b', 'images', 2000, 7000),
        span('never', 'deploy', null, null),
      ],
    });
    expect(timings.phases).toEqual([
      { phase: 'images', start: '2026-11-22T10:00:01.000Z', end: '2026-11-22T10:00:07.000Z', durationMs: 6000 },
      { phase: 'cluster', start: '2026-11-22T10:00:00.000Z', end: '2026-11-22T10:00:08.000Z', durationMs: 8000 },
      { phase: 'deploy', start: null, end: null, durationMs: 0 },
    ]);
    expect(timings).toMatchObject({
      schemaVersion: 1,
      startedAt: '2026-11-22T10:00:00.000Z',
      finishedAt: '2026-11-22T10:00:09.000Z',
      durationMs: 9000,
    });
  });

  it('ends a phase at its last end, whatever order its tasks were given in, and leaves one still running open', () => {
    const timings = toTimings({
      startedAt: T0,
      finishedAt: T0 + 9000,
      cancelled: false,
      spans: [span('build-b', 'images', 2000, 7000), span('build-a', 'images', 1000, 5000), span('logs', 'evidence', 8000, null)],
    });
    expect(timings.phases).toEqual([
      { phase: 'images', start: '2026-11-22T10:00:01.000Z', end: '2026-11-22T10:00:07.000Z', durationMs: 6000 },
      { phase: 'evidence', start: '2026-11-22T10:00:08.000Z', end: null, durationMs: 0 },
    ]);
  });

  it('counts only a failed optional span as success, not a skipped one', () => {
    const run = (extra: Partial<Span>) => toTimings({ startedAt: T0, finishedAt: T0 + 10, cancelled: false, spans: [span('push', 'images', 0, 10, { optional: true, ...extra })] });
    expect(run({ outcome: 'failure' }).result).toBe('success');
    expect(run({ outcome: 'skipped' }).result).toBe('failure');
    expect(run({ outcome: 'cancelled' }).result).toBe('failure');
  });

  it('describes every span with the same fields, in the order the tasks were given', () => {
    const timings = toTimings({
      startedAt: T0,
      finishedAt: T0 + 3000,
      cancelled: false,
      spans: [
        span('late', 'p', 2000, 2500, { outcome: 'failure', error: 'exit 1', attempts: 2, notes: ['retried'] }),
        span('early', 'p', 100, 200, { attributes: { source: 'pull' } }),
        span('skipped', 'p', null, null),
      ],
    });
    expect(timings.spans.map((s) => s.id)).toEqual(['late', 'early', 'skipped']);
    expect(timings.spans[0]).toEqual({
      id: 'late',
      title: 'Title late',
      phase: 'p',
      outcome: 'failure',
      start: '2026-11-22T10:00:02.000Z',
      end: '2026-11-22T10:00:02.500Z',
      offsetMs: 2000,
      durationMs: 500,
      attempts: 2,
      error: 'exit 1',
      notes: ['retried'],
      attributes: {},
    });
    expect(Object.keys(timings.spans[2])).toEqual(Object.keys(timings.spans[0]));
    expect(timings.spans[2]).toMatchObject({ start: null, end: null, offsetMs: null, error: null, outcome: 'skipped' });
    expect(timings.spans[1].attributes).toEqual({ source: 'pull' });
  });

  it.each([
    ['success', false, ['success', 'success']],
    ['failure', false, ['success', 'failure']],
    ['failure', false, ['success', 'skipped']],
    ['cancelled', true, ['cancelled', 'success']],
  ] as const)('reports %s (cancelled: %s, outcomes: %j)', (expected, cancelled, spanOutcomes) => {
    const spans = spanOutcomes.map((outcome, i) => span(`t${i}`, 'p', 0, 1, { outcome }));
    expect(toTimings({ startedAt: T0, finishedAt: T0 + 1, cancelled, spans }).result).toBe(expected);
  });

  it('reports a real run', async () => {
    const result = await runGraph(
      [
        { id: 'a', title: 'A', phase: 'one', run: async () => 1 },
        { id: 'b', title: 'B', phase: 'two', needs: ['a'], run: async () => 2 },
      ],
      { concurrency: 2, log: silentLog() },
    );
    const timings = toTimings(result);
    expect(timings.result).toBe('success');
    expect(timings.phases.map((phase) => phase.phase)).toEqual(['one', 'two']);
    expect(timings.spans.every((s) => s.offsetMs !== null && s.offsetMs >= 0)).toBe(true);
    expect(Date.parse(timings.finishedAt)).toBeGreaterThanOrEqual(Date.parse(timings.spans[1].end as string));
  });
});

describe('writeTimings', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'timings-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes indented JSON that reads back the same, creating the directory', async () => {
    const timings = toTimings({ startedAt: T0, finishedAt: T0 + 10, cancelled: false, spans: [span('a', 'p', 0, 10)] });
    const file = join(dir, 'evidence', 'run', 'timings.json');
    await writeTimings(file, timings);
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toEqual(timings);
    expect(text).toMatch(/^\{\n {2}"schemaVersion": 1,/);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
