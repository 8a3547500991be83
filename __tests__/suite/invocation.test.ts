/**
 * The runner against the kubernaut-mini stand-in suite, run for real by make: green and red
 * runs, the timeout and cancellation paths, the environment the suite sees, and shards.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KnownFailure } from '../../src/config/index.js';
import { consoleLog, type Log } from '../../src/util/log.js';
import { ProcessError } from '../../src/util/process.js';
import { suiteAnnotations } from '../../src/suite/report.js';
import { collectResults } from '../../src/suite/results.js';
import { runSuite, suiteEnvironment, type SuiteRunContext, type SuiteRunSettings } from '../../src/suite/invocation.js';
import { shardOf } from '../../src/suite/shard.js';
import { listSpecs } from '../../src/suite/spec-listing.js';
import { fixtureRepoDir } from '../fixtures/prepare.js';
import { fixturesDir } from './helpers.js';

const SPECS = 9;
const REPORT = 'reports/e2e-junit.xml';

let repo: string;
beforeEach(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'suite-run-'));
  await cp(fixtureRepoDir, repo, { recursive: true });
});
afterEach(() => rm(repo, { recursive: true, force: true }));

function capturedLog(onLine?: (line: string) => void): { log: Log; lines: string[] } {
  const lines: string[] = [];
  const log = consoleLog({
    write: (text: string) => {
      for (const line of text.split('\n').slice(0, -1)) {
        lines.push(line);
        onLine?.(line);
      }
    },
  });
  return { log, lines };
}

function settings(fields: Partial<SuiteRunSettings> = {}): SuiteRunSettings {
  return {
    command: ['make', 'test-e2e-attached'],
    workingDirectory: '.',
    env: {},
    focus: '',
    label: '',
    junitReport: REPORT,
    timeoutMinutes: 5,
    stopGraceSeconds: 10,
    shard: null,
    contract: { kind: 'environment', listCommand: null },
    ...fields,
  };
}

function context(log: Log, fields: Partial<SuiteRunContext> = {}): SuiteRunContext {
  return {
    repoRoot: repo,
    kubeconfig: '/tmp/kind-aianalysis-e2e.kubeconfig',
    log,
    ...fields,
  };
}

const judge = (run: Awaited<ReturnType<typeof runSuite>>, knownFailures: KnownFailure[] = []) =>
  collectResults(run, { knownFailures, now: new Date('2026-01-12T00:00:00Z') });

const ranTitles = (results: Awaited<ReturnType<typeof judge>>) =>
  results.specs.filter((spec) => !spec.setupNode && spec.status !== 'skipped').map((spec) => spec.title);

describe('runSuite', () => {
  it('a green run: every spec passes, the report is where the suite was told to write it', async () => {
    const { log, lines } = capturedLog();
    const run = await runSuite(settings(), context(log));
    expect(run).toMatchObject({ started: true, exitCode: 0, timedOut: false, cancelled: false, reportFiles: [path.join(repo, REPORT)] });
    const results = await judge(run);
    expect(results).toMatchObject({ ok: true, problems: [], failures: [] });
    expect(results.counts).toMatchObject({ passed: SPECS, failed: 0, skipped: 0 });
    // The output streamed into the log, in a group, with what reached the suite.
    expect(lines).toContain('▶ E2E suite: make test-e2e-attached');
    // An attached suite gets no hand-off and no kubernaut variables unless configured.
    expect(lines).toContain('  IMAGE_REGISTRY= IMAGE_TAG= E2E_COVERAGE=false KEEP_CLUSTER=false');
  });

  it('a red run: the failures carry their repository file and line', async () => {
    const { log } = capturedLog();
    const run = await runSuite(settings({ env: { FIXTURE_SUITE_OUTCOME: 'fail' } }), context(log));
    expect(run.exitCode).toBe(2);
    const results = await judge(run);
    expect(results.ok).toBe(false);
    expect(results.problems).toEqual([]);
    expect(suiteAnnotations(results, repo).map((a) => [a.file, a.startLine])).toEqual([
      ['test/e2e/aianalysis/03_full_flow_test.go', 150],
      ['test/e2e/aianalysis/05_audit_trail_test.go', 101],
    ]);
  });

  it('known failures: the red run passes the job when both failures are known and valid', async () => {
    const { log } = capturedLog();
    const run = await runSuite(settings({ env: { FIXTURE_SUITE_OUTCOME: 'fail' } }), context(log));
    const entry = (spec: string): KnownFailure => ({ spec, owner: '@kubernaut/ai', reason: 'environmental', expires: '2026-02-01' });
    const results = await judge(run, [
      entry('Full User Journey E2E Production incident analysis - BR-AI-001 should require approval for production environment - BR-AI-013'),
      entry('Audit Trail E2E Reconciliation audit events - BR-AI-090 should record every phase transition in Data Storage'),
    ]);
    expect(results).toMatchObject({ ok: true, failures: [], problems: [] });
    expect(results.counts).toMatchObject({ failed: 2, knownFailing: 2 });
  });

  it('a spec that passes on its second attempt is reported flaky and passes the job', async () => {
    const { log } = capturedLog();
    const env = { FIXTURE_SUITE_OUTCOME: 'flaky', GINKGO_FLAKE_ATTEMPTS: '2', FIXTURE_FLAKY_STATE: path.join(repo, 'flaky-runs') };
    const results = await judge(await runSuite(settings({ env }), context(log)));
    expect(results.ok).toBe(true);
    expect(results.specs.filter((spec) => spec.flaky).map((spec) => [spec.title, spec.attempts])).toEqual([
      [expect.stringContaining('should expose aianalysis_reconciler_reconciliations_total'), 2],
    ]);
  });

  it('the timeout stops a hanging suite with SIGTERM, and the partial report is still read', async () => {
    const { log, lines } = capturedLog();
    const run = await runSuite(settings({ env: { FIXTURE_SUITE_OUTCOME: 'hang' }, timeoutMinutes: 0.03 }), context(log));
    expect(run).toMatchObject({ timedOut: true, cancelled: false, exitCode: null });
    expect(lines).toContain('make timed out after 1.8s: stopping it and its child processes');
    const results = await judge(run);
    expect(results.ok).toBe(false);
    expect(results.problems).toEqual([
      'the suite did not finish within suite.timeoutMinutes (0.03 min) and was stopped; the results are from the report it wrote when stopped',
    ]);
    expect(results.counts).toMatchObject({ passed: 3, failed: 1, skipped: SPECS - 4 });
    expect(results.failures.map((spec) => [spec.state, spec.failure?.location?.line])).toEqual([['interrupted', 88]]);
  });

  it('a suite that ignores SIGTERM is killed after the grace period; no report is a failure of its own', async () => {
    const { log } = capturedLog();
    const env = { FIXTURE_SUITE_OUTCOME: 'hang', FIXTURE_IGNORE_SIGTERM: 'true' };
    const run = await runSuite(settings({ env, timeoutMinutes: 0.02, stopGraceSeconds: 1 }), context(log));
    expect(run).toMatchObject({ timedOut: true, exitCode: null, reportFiles: [] });
    const results = await judge(run);
    expect(results.problems).toEqual([
      'the suite did not finish within suite.timeoutMinutes (0.02 min) and was stopped',
      `the suite wrote no JUnit report at ${path.join(repo, REPORT)}: it was stopped before it wrote one; see the suite log`,
    ]);
  });

  it('cancellation stops the suite cleanly; what ran is reported', async () => {
    const controller = new AbortController();
    // The spec after the metrics spec hangs.
    const { log } = capturedLog((line) => {
      if (line.includes('Reconciliation metrics - BR-AI-022 [It]')) controller.abort();
    });
    const run = await runSuite(settings({ env: { FIXTURE_SUITE_OUTCOME: 'hang' } }), context(log, { signal: controller.signal }));
    expect(run).toMatchObject({ cancelled: true, timedOut: false, started: true });
    const results = await judge(run);
    expect(results.problems[0]).toMatch(/^the run was cancelled after .* of the suite; the results are from the report it wrote when stopped$/);
    expect(results.counts.passed).toBeGreaterThanOrEqual(2);
  });

  it('a run cancelled before it starts runs nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const { log } = capturedLog();
    const run = await runSuite(settings(), context(log, { signal: controller.signal }));
    expect(run).toMatchObject({ started: false, cancelled: true });
  });

  it('the focus and label filter reach the suite', async () => {
    const { log } = capturedLog();
    const env = { FIXTURE_SUITE_OUTCOME: 'fail' };
    const filters = { focus: 'Full User Journey', label: '!audit' };
    const results = await judge(await runSuite(settings({ env, ...filters }), context(log)));
    expect(results.counts).toMatchObject({ passed: 2, failed: 1, skipped: SPECS - 3 });
  });

  it('reads the per-suite reports Ginkgo keeps separate beside the configured path', async () => {
    const { log } = capturedLog();
    const separate = path.join(fixturesDir, 'separate');
    const run = await runSuite(settings({ command: ['cp', '-r', `${separate}/.`, 'reports/'] }), context(log));
    expect(run.reportFiles).toEqual(['aianalysis_e2e-junit.xml', 'datastorage_e2e-junit.xml'].map((name) => path.join(repo, 'reports', name)));
    const results = await judge(run);
    expect(results.counts).toMatchObject({ passed: 2, failed: 1 });
    // cp exits 0 although the copied report lists a failure.
    expect(results.problems).toEqual([expect.stringContaining('exited with status 0 although its report lists 1 failed spec')]);
  });

  it('a command that writes no report fails, even with exit status 0; a stale report is not read', async () => {
    await mkdir(path.join(repo, 'reports'));
    await writeFile(path.join(repo, REPORT), '<testsuites><testsuite name="old"><testcase name="stale"/></testsuite></testsuites>');
    const { log } = capturedLog();
    const run = await runSuite(settings({ command: ['true'] }), context(log));
    expect(run).toMatchObject({ exitCode: 0, reportFiles: [] });
    const results = await judge(run);
    expect(results.ok).toBe(false);
    expect(results.problems).toEqual([expect.stringMatching(/^the suite wrote no JUnit report at .*: did it start\? /)]);
  });
});

describe('the suite environment', () => {
  it('the run, the plan and the JUnit path reach the process; inherited filters do not', async () => {
    const { log, lines } = capturedLog();
    const previous = process.env.GINKGO_FOCUS;
    process.env.GINKGO_FOCUS = 'inherited';
    try {
      await runSuite(settings({ command: ['env'], env: { PROCS: '4', E2E_COVERAGE: 'true' }, label: 'health' }), context(log));
    } finally {
      if (previous === undefined) delete process.env.GINKGO_FOCUS;
      else process.env.GINKGO_FOCUS = previous;
    }
    expect(lines).toEqual(
      expect.arrayContaining([
        'KUBECONFIG=/tmp/kind-aianalysis-e2e.kubeconfig',
        'E2E_COVERAGE=true',
        'PROCS=4',
        'GINKGO_LABEL=health',
        `GINKGO_JUNIT_REPORT=${path.join(repo, REPORT)}`,
      ]),
    );
    expect(lines.filter((line) => /^(GINKGO_FOCUS|IMAGE_REGISTRY|IMAGE_TAG|GINKGO_DRY_RUN)=/.test(line))).toEqual([]);
  });

  it('the values of the run win over the plan', () => {
    const env = suiteEnvironment(
      { env: { IMAGE_REGISTRY: 'ghcr.io/old', KUBECONFIG: '/wrong' }, focus: '', label: '', contract: { kind: 'environment', listCommand: null } },
      { kubeconfig: '/k', handoffEnv: { IMAGE_REGISTRY: 'ghcr.io/kubernaut', IMAGE_TAG: 'e2e-1' }, provider: 'podman' },
      '/r/junit.xml',
    );
    expect(env).toMatchObject({ IMAGE_REGISTRY: 'ghcr.io/kubernaut', KUBECONFIG: '/k', IMAGE_TAG: 'e2e-1', KIND_EXPERIMENTAL_PROVIDER: 'podman', GINKGO_JUNIT_REPORT: '/r/junit.xml' });
  });

  it('a suite that sets up its stack: only the hand-off and the wrapper variables, no filters in its environment', () => {
    const contract = { kind: 'makefile', wrapper: '/w/ginkgo', ginkgo: '/repo/bin/ginkgo', packages: ['./test/e2e/aianalysis/...'], filters: { ginkgoVariable: true, focus: true, label: true } } as const;
    const env = suiteEnvironment({ env: {}, focus: 'Health', label: 'e2e', contract }, { handoffEnv: { KUBERNAUT_CI_ARTIFACT_TAG: 'e2e-1' } }, '/r/junit.xml');
    const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
    expect(set).toEqual({ KUBERNAUT_CI_ARTIFACT_TAG: 'e2e-1', AIANALYSIS_E2E_GINKGO: '/repo/bin/ginkgo', AIANALYSIS_E2E_JUNIT_REPORT: '/r/junit.xml' });
    // Inherited values of what kubernaut reads never reach it: KEEP_CLUSTER=false would keep the cluster.
    expect(Object.keys(env)).toEqual(expect.arrayContaining(['KEEP_CLUSTER', 'SKIP_CLEANUP', 'IMAGE_TAG', 'E2E_COVERAGE', 'GINKGO_FOCUS']));
  });
});

describe('shards against the real suite', () => {
  async function runShards(total: number, filters: { focus?: string; label?: string } = {}) {
    const ran: string[][] = [];
    for (let index = 1; index <= total; index += 1) {
      const { log } = capturedLog();
      const run = await runSuite(settings({ shard: { index, total }, ...filters }), context(log));
      const results = await judge(run);
      expect(results.problems).toEqual([]);
      ran.push(ranTitles(results));
    }
    return ran;
  }

  it('n shards together run every spec exactly once', async () => {
    const { log } = capturedLog();
    const all = await judge(await runSuite(settings(), context(log)));
    const everySpec = ranTitles(all);
    expect(everySpec).toHaveLength(SPECS);
    const ran = await runShards(3);
    expect(ran.flat().sort()).toEqual([...everySpec].sort());
    expect(ran.filter((titles) => titles.length > 0).length).toBeGreaterThan(1);
  });

  it('with a focus and a label filter, the shards split exactly the filtered specs', async () => {
    const filters = { focus: 'Full User Journey|Audit', label: '!audit || e2e && audit' };
    const { log } = capturedLog();
    const filtered = ranTitles(await judge(await runSuite(settings(filters), context(log))));
    expect(filtered).toHaveLength(5);
    expect((await runShards(2, filters)).flat().sort()).toEqual([...filtered].sort());
  });

  it('a shard without specs does not run the suite', async () => {
    const { log } = capturedLog();
    const listing = await listSpecs({ command: ['make', 'test-e2e-attached'], cwd: repo, env: {}, focus: '', label: '', log });
    const used = new Set((listing.specs ?? []).map((spec) => shardOf(spec.text, 64)));
    const empty = Array.from({ length: 64 }, (_, i) => i + 1).find((index) => !used.has(index)) as number;
    const run = await runSuite(settings({ shard: { index: empty, total: 64 } }), context(capturedLog().log));
    expect(run).toMatchObject({ started: false, cancelled: false, shard: { index: empty, listed: SPECS, specs: [] } });
    expect((await judge(run)).ok).toBe(true);
  });

  it('a list command of its own gets the report path, focus and label through placeholders', async () => {
    const listCommand = ['env', 'GINKGO_JSON_REPORT={jsonReport}', 'GINKGO_FOCUS={focus}', 'GINKGO_LABEL={label}', './test/e2e/aianalysis/run-suite.sh'];
    const { log } = capturedLog();
    const run = await runSuite(settings({ contract: { kind: 'environment', listCommand }, shard: { index: 1, total: 1 }, label: 'health' }), context(log));
    expect(run.shard).toMatchObject({ listed: 2 });
    expect(ranTitles(await judge(run))).toHaveLength(2);
  });

  it('a listing that fails, writes no report or really ran the suite stops the run with a clear error', async () => {
    const sharded = (listCommand: string[]) => runSuite(settings({ contract: { kind: 'environment', listCommand }, shard: { index: 1, total: 2 } }), context(capturedLog().log));
    await expect(sharded(['false'])).rejects.toThrow(ProcessError);
    await expect(sharded(['true'])).rejects.toThrow(/^the spec listing wrote no JSON report: true must run ginkgo with --dry-run --json-report/);
    await expect(sharded(['env', 'GINKGO_DRY_RUN=false', './test/e2e/aianalysis/run-suite.sh'])).rejects.toThrow(
      /comes from a real run, not a dry run: the list command must run ginkgo with --dry-run/,
    );
  });
});
