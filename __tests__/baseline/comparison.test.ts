import { jest } from '@jest/globals';
import { baselineKeyPrefix, type BaselineIdentity } from '../../src/baseline/cache.js';
import { toolkitServices } from '../../src/host/toolkit.js';
import { workflowRun } from '../../src/host/workflow-run.js';
import { SLOWDOWN_FLOOR_MS, comparePhases, reportAgainstBaseline } from '../../src/baseline/comparison.js';
import { renderMarkdown } from '../../src/document/document.js';
import type { RunOutcome, Timings } from '../../src/scheduler/timings.js';
import { consoleLog } from '../../src/util/log.js';
import { applyEnv, startGitHubServices, type GitHubServices, type JobEnv } from '../doubles/github/index.js';

const identity: BaselineIdentity = { stack: 'aianalysis-e2e', shard: null };
const SECOND = 1000;

/** GitHub's services as the action has them, for the job whose variables the test has set. */
const onRunner = () => toolkitServices(workflowRun(process.env), consoleLog({ write: () => true }));

let github: GitHubServices;
let restoreEnv: (() => void) | undefined;

beforeEach(async () => {
  // The cache client prints its progress (and its own warnings) on stdout.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  github = await startGitHubServices({ defaultBranch: 'main' });
});

afterEach(async () => {
  restoreEnv?.();
  restoreEnv = undefined;
  jest.restoreAllMocks();
  await github.close();
});

function inJob(env: JobEnv | Record<string, string | undefined>): void {
  restoreEnv?.();
  restoreEnv = applyEnv(env);
}

/** Timings whose phases took these durations, one after the other; `null` means the phase never ran. */
function timingsOf(result: RunOutcome, phases: Record<string, number | null>): Timings {
  let clock = Date.parse('2026-11-22T10:00:00.000Z');
  const iso = (ms: number) => new Date(ms).toISOString();
  const startedAt = clock;
  const phaseTimings = Object.entries(phases).map(([phase, durationMs]) => {
    if (durationMs === null) return { phase, start: null, end: null, durationMs: 0 };
    const start = clock;
    clock += durationMs;
    return { phase, start: iso(start), end: iso(clock), durationMs };
  });
  return {
    schemaVersion: 1,
    startedAt: iso(startedAt),
    finishedAt: iso(clock),
    durationMs: clock - startedAt,
    result,
    phases: phaseTimings,
    spans: [],
  };
}

function recordingLog() {
  const lines: string[] = [];
  const log = consoleLog({ write: (text: string) => lines.push(...text.trimEnd().split('\n')) });
  return { log, warnings: () => lines.filter((line) => line.startsWith('warning: ')) };
}

async function runJob(env: JobEnv, timings: Timings, slowdownRatio = 1.5) {
  inJob(env);
  const { log, warnings } = recordingLog();
  const report = await reportAgainstBaseline(timings, { identity, slowdownRatio, log, github: onRunner() });
  return { ...report, warnings: warnings(), text: (report.section.paragraphs ?? []).join('\n') };
}

describe('saving the baseline', () => {
  test('a successful run on the default branch is saved, under a key naming its run and attempt', async () => {
    const job = await runJob(github.startJob({ runId: 3001, runAttempt: 2 }), timingsOf('success', { images: 90 * SECOND }));

    expect(github.caches()).toHaveLength(1);
    const [entry] = github.caches();
    expect(entry).toMatchObject({ finalized: true, scope: 'refs/heads/main' });
    expect(entry.key).toBe(`${baselineKeyPrefix(identity, { job: 'e2e' })}3001-2`);
    expect(entry.key).toMatch(/^aianalysis-e2e-timings-[0-9a-f]{12}-3001-2$/);
    expect(job.text).toContain('This run is the new baseline.');
    expect(job.warnings).toEqual([]);
  });

  test('a failed run is not saved', async () => {
    const job = await runJob(github.startJob(), timingsOf('failure', { images: 90 * SECOND }));

    expect(github.caches()).toEqual([]);
    expect(job.text).toContain('not saved as the baseline: the run did not succeed (failure)');
  });

  test('a run on another branch is not saved', async () => {
    const job = await runJob(github.startJob({ ref: 'refs/heads/feature' }), timingsOf('success', { images: 90 * SECOND }));

    expect(github.caches()).toEqual([]);
    expect(job.text).toContain('only runs on the default branch main are saved');
  });

  test('a cache service failure while saving is a warning', async () => {
    github.failNext('blob', 403);

    const job = await runJob(github.startJob(), timingsOf('success', { images: 90 * SECOND }));

    expect(github.caches().filter((e) => e.finalized)).toEqual([]);
    expect(job.warnings).toHaveLength(1);
    expect(job.warnings[0]).toContain('could not be saved as the timing baseline');
  });
});

describe('restoring the baseline', () => {
  test('the newest baseline of the stack is compared, also from another branch', async () => {
    await runJob(github.startJob({ runId: 4001 }), timingsOf('success', { images: 100 * SECOND }));
    await runJob(github.startJob({ runId: 4002 }), timingsOf('success', { images: 120 * SECOND }));

    const job = await runJob(github.startJob({ runId: 4003, ref: 'refs/pull/7/merge' }), timingsOf('success', { images: 126 * SECOND }));

    expect(job.text).toContain('[run 4002](https://github.com/kubernaut/kubernaut/actions/runs/4002) on `main`');
    expect(job.section.table?.rows).toEqual([['images', '2m 00s', '2m 06s', '+6.0s (×1.05)']]);
  });

  test("another stack's or shard's baseline is never used", async () => {
    await runJob(github.startJob({ runId: 5001 }), timingsOf('success', { images: 100 * SECOND }));
    inJob(github.startJob({ runId: 5002 }));

    const otherShard = await reportAgainstBaseline(timingsOf('failure', { images: 100 * SECOND }), {
      identity: { ...identity, shard: { index: 1, total: 2 } },
      slowdownRatio: 1.5,
      log: recordingLog().log,
      github: onRunner(),
    });

    expect(otherShard.section.table).toBeUndefined();
    expect(otherShard.section.paragraphs?.[0]).toContain('No timing baseline to compare with');
  });

  test('no baseline yet: a neutral note, no warning', async () => {
    const job = await runJob(github.startJob({ ref: 'refs/heads/feature' }), timingsOf('success', { images: 90 * SECOND }));

    expect(job.section.table).toBeUndefined();
    expect(job.text).toContain('No timing baseline to compare with');
    expect(job.warnings).toEqual([]);
  });

  test('a cache service failure while restoring: a note, and the run goes on', async () => {
    await runJob(github.startJob({ runId: 6001 }), timingsOf('success', { images: 90 * SECOND }));
    github.failNext('cache', 403);

    const job = await runJob(github.startJob({ runId: 6002, ref: 'refs/heads/feature' }), timingsOf('success', { images: 90 * SECOND }));

    expect(job.section.table).toBeUndefined();
    expect(job.text).toContain('No timing baseline to compare with');
  });

  test('outside GitHub Actions: notes only', async () => {
    inJob({ GITHUB_ACTIONS: undefined, ACTIONS_RESULTS_URL: undefined, ACTIONS_RUNTIME_TOKEN: undefined });
    const { log, warnings } = recordingLog();

    const report = await reportAgainstBaseline(timingsOf('success', { images: 90 * SECOND }), { identity, slowdownRatio: 1.5, log, github: onRunner() });

    expect(report.section.paragraphs).toEqual([
      'No timing baseline to compare with: no cache service (not on GitHub Actions).',
      'This run is not saved as the baseline: baselines are kept only on GitHub Actions.',
    ]);
    expect(report.phases).toBeUndefined();
    expect(warnings()).toEqual([]);
    expect(github.requests).toEqual([]);
  });
});

describe('slow phases', () => {
  test('a phase over the ratio raises a warning naming it, both durations and the ratio', async () => {
    await runJob(github.startJob({ runId: 7001 }), timingsOf('success', { images: 100 * SECOND, suite: 300 * SECOND }));

    const job = await runJob(
      github.startJob({ runId: 7002 }),
      timingsOf('success', { images: 210 * SECOND, suite: 310 * SECOND }),
    );

    expect(job.warnings).toEqual([
      'warning: Slower than the baseline: Phase images took 3m 30s, 2.10× its baseline of 1m 40s (flagged above 1.5× and 30.0s slower).',
    ]);
    expect(job.slower.map((c) => c.phase)).toEqual(['images']);
    // The restored phases go to the timeline, with the slower one named.
    expect(job.phases?.phases.map((p) => [p.phase, p.durationMs])).toEqual([
      ['images', 100 * SECOND],
      ['suite', 300 * SECOND],
    ]);
    expect(job.phases?.slower).toEqual(['images']);
    expect(job.section.table?.rows).toEqual([
      ['images', '1m 40s', '3m 30s', '+1m 50s (×2.10) ⚠️ slower'],
      ['suite', '5m 00s', '5m 10s', '+10.0s (×1.03)'],
    ]);
  });

  test('the configured ratio decides', async () => {
    await runJob(github.startJob({ runId: 8001 }), timingsOf('success', { images: 100 * SECOND }));

    const job = await runJob(github.startJob({ runId: 8002 }), timingsOf('success', { images: 210 * SECOND }), 2.5);

    expect(job.warnings).toEqual([]);
    expect(job.slower).toEqual([]);
  });
});

describe('comparePhases', () => {
  const phase = (name: string, durationMs: number | null) => ({
    phase: name,
    start: durationMs === null ? null : '2026-11-22T10:00:00.000Z',
    durationMs: durationMs ?? 0,
  });

  test('flags a phase only when it is over the ratio and over the absolute floor', () => {
    const baseline = [phase('short', 10 * SECOND), phase('under-ratio', 100 * SECOND), phase('over', 100 * SECOND)];
    const current = [phase('short', 40 * SECOND), phase('under-ratio', 149 * SECOND), phase('over', 151 * SECOND)];

    const slower = comparePhases(baseline, current, 1.5).filter((c) => c.slower).map((c) => c.phase);

    expect(slower).toEqual(['over']);
  });

  test('the floor: just above it is flagged, at it is not', () => {
    const base = 10 * SECOND;
    const atFloor = comparePhases([phase('p', base)], [phase('p', base + SLOWDOWN_FLOOR_MS)], 1.5)[0];
    const aboveFloor = comparePhases([phase('p', base)], [phase('p', base + SLOWDOWN_FLOOR_MS + 1)], 1.5)[0];

    expect(atFloor.slower).toBe(false);
    expect(aboveFloor.slower).toBe(true);
  });

  test('new phases, phases that did not run, and phases only the baseline has are shown but never flagged', () => {
    const comparisons = comparePhases(
      [phase('images', 100 * SECOND), phase('deploy', null), phase('gone', 50 * SECOND)],
      [phase('images', 90 * SECOND), phase('deploy', 400 * SECOND), phase('suite', null), phase('coverage', 5 * SECOND)],
      1.5,
    );

    expect(comparisons.map((c) => [c.phase, c.baselineMs, c.currentMs, c.slower])).toEqual([
      ['images', 100 * SECOND, 90 * SECOND, false],
      ['deploy', null, 400 * SECOND, false],
      ['suite', null, null, false],
      ['coverage', null, 5 * SECOND, false],
      ['gone', 50 * SECOND, null, false],
    ]);
  });

  test('the summary table renders as Markdown with the durations right-aligned', async () => {
    await runJob(github.startJob({ runId: 9001 }), timingsOf('success', { images: 100 * SECOND, gone: 20 * SECOND }));

    const job = await runJob(github.startJob({ runId: 9002 }), timingsOf('success', { images: 80 * SECOND, suite: 60 * SECOND }));

    const markdown = renderMarkdown([job.section]);
    expect(markdown).toContain('### Timings against the baseline');
    expect(markdown).toContain('| phase | baseline | this run | change |\n| --- | ---: | ---: | --- |');
    expect(markdown).toContain('| images | 1m 40s | 1m 20s | −20.0s (×0.80) |');
    expect(markdown).toContain('| suite | not run | 1m 00s | new |');
    expect(markdown).toContain('| gone | 20.0s | not run | not run |');
  });
});
