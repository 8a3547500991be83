import type { KnownFailure } from '../../src/config/index.js';
import { parseJUnit } from '../../src/suite/junit.js';
import { collectResults, describeVerdict, judgeSuite } from '../../src/suite/results.js';
import { endedRun, fixture } from './helpers.js';

const NOW = new Date('2026-01-12T12:00:00Z');
const DS_HEALTH = 'Health Endpoints E2E Dependency health - BR-AI-025 should report Data Storage healthy';
const HAPI_HEALTH = 'Health Endpoints E2E Dependency health - BR-AI-025 should report HolmesGPT-API healthy';
const known = (spec: string, expires = '2026-03-31'): KnownFailure => ({ spec, owner: '@kubernaut/ds', reason: 'deferred to the DS team', expires });
const judge = (run: Parameters<typeof collectResults>[0], knownFailures: KnownFailure[] = []) => collectResults(run, { knownFailures, now: NOW });

describe('collectResults', () => {
  it('counts passed, failed, skipped and flaky specs; suite nodes count only when they fail', async () => {
    const results = await judge(endedRun(1, ['ginkgo-mixed.xml']));
    expect(results.counts).toEqual({ passed: 2, failed: 4, skipped: 2, flaky: 1, knownFailing: 0 });
    expect(results.failures.map((spec) => spec.state)).toEqual(['failed', 'timedout', 'failed', 'panicked']);
    expect(results.problems).toEqual([]);
    expect(results.ok).toBe(false);
  });

  it('known failures run and are reported, but do not fail the job (the 22/25 case, made explicit)', async () => {
    const results = await judge(endedRun(1, ['ginkgo-known.xml']), [known(DS_HEALTH), known(HAPI_HEALTH)]);
    expect(results).toMatchObject({ ok: true, failures: [], problems: [] });
    expect(results.counts).toMatchObject({ passed: 4, failed: 2, knownFailing: 2 });
    expect(results.knownFailures.map((result) => result.status)).toEqual(['failing', 'failing']);
    expect(describeVerdict(results)).toBeUndefined();
  });

  it('one unknown failure among known ones fails the job and names only that spec', async () => {
    const results = await judge(endedRun(1, ['ginkgo-known.xml']), [known(DS_HEALTH)]);
    expect(results.ok).toBe(false);
    expect(results.failures.map((spec) => spec.title)).toEqual([`${HAPI_HEALTH} [e2e, health]`]);
    expect(describeVerdict(results)).toBe(`1 spec failed: '${HAPI_HEALTH} [e2e, health]'.`);
  });

  it('an expired known failure fails the job again, and so does one that passes now', async () => {
    const liveness = 'Health Endpoints E2E Liveness probe (/healthz) - BR-AI-025 should return 200 OK when controller is alive';
    const results = await judge(endedRun(1, ['ginkgo-known.xml']), [known(DS_HEALTH, '2026-01-11'), known(HAPI_HEALTH), known(liveness)]);
    expect(results.ok).toBe(false);
    expect(results.failures.map((spec) => spec.title)).toEqual([`${DS_HEALTH} [e2e, health]`]);
    expect(results.problems).toEqual([
      expect.stringMatching(/^known failure '.*Data Storage healthy' \(owner @kubernaut\/ds\) expired on 2026-01-11 and still fails/),
      expect.stringMatching(/^known failure '.*controller is alive' \(owner @kubernaut\/ds\) passes now: remove suite\.knownFailures\[2\]/),
    ]);
    expect(describeVerdict(results)?.split('\n')).toEqual([
      `1 spec failed: '${DS_HEALTH} [e2e, health]'.`,
      expect.stringMatching(/^Known failure .* expired on 2026-01-11 .*\.$/),
      expect.stringMatching(/^Known failure .* passes now: .*\.$/),
    ]);
  });

  it('names the first three failed specs and counts the rest', async () => {
    const results = await judge(endedRun(1, ['ginkgo-mixed.xml']));
    const [first, second, third] = results.failures.map((spec) => `'${spec.title}'`);
    expect(describeVerdict(results)).toBe(`4 specs failed: ${first}, ${second}, ${third} and 1 more.`);
  });

  it('counts only the known failures that failed in this run', async () => {
    const results = await judge(endedRun(1, ['ginkgo-known.xml']), [known(DS_HEALTH), known(HAPI_HEALTH), known('Metrics Endpoint E2E never ran')]);
    expect(results.knownFailures.map((result) => result.status)).toEqual(['failing', 'failing', 'not run']);
    expect(results.counts.knownFailing).toBe(2);
  });

  it('a verdict with problems only lists no failed specs', async () => {
    const results = await judge(endedRun(0, ['all-skipped.xml']));
    expect(describeVerdict(results)).toBe(
      'No spec ran: all 2 specs in the report were skipped; check the focus and the label filter (inputs ginkgo-focus and ginkgo-label).',
    );
  });

  it('reads several report files together', async () => {
    const results = await judge(endedRun(1, ['separate/aianalysis_e2e-junit.xml', 'separate/datastorage_e2e-junit.xml']));
    expect(results.specs.map((spec) => [spec.status, spec.reportFile.split('/').pop()])).toEqual([
      ['passed', 'aianalysis_e2e-junit.xml'],
      ['failed', 'aianalysis_e2e-junit.xml'],
      ['passed', 'datastorage_e2e-junit.xml'],
    ]);
    expect(results.counts).toMatchObject({ passed: 2, failed: 1 });
  });

  it('a failed suite setup node is a failure, not "0 failed"', async () => {
    const results = await judge(endedRun(1, ['setup-failure.xml']));
    expect(results.counts).toMatchObject({ passed: 0, failed: 1, skipped: 2 });
    expect(results.failures.map((spec) => spec.title)).toEqual(['SynchronizedBeforeSuite']);
    expect(results.problems).toEqual([]);
  });
});

describe('a run without a usable report fails, saying why', () => {
  it('no report at all', async () => {
    const results = await judge(endedRun(0, []));
    expect(results.ok).toBe(false);
    expect(results.counts.failed).toBe(0);
    expect(results.problems).toEqual([
      `the suite wrote no JUnit report at ${fixture('e2e-junit.xml')}: did it start? The command must pass GINKGO_JUNIT_REPORT ` +
        'on to ginkgo --junit-report (make test-e2e-aianalysis); see the suite log',
    ]);
  });

  test.each([
    ['empty.xml', 'is empty'],
    ['truncated.xml', 'is not well-formed XML'],
    ['not-junit.xml', 'is not JUnit XML'],
  ])('%s', async (name, reason) => {
    const results = await judge(endedRun(0, [name]));
    expect(results.ok).toBe(false);
    expect(results.problems).toEqual([expect.stringMatching(new RegExp(`^the JUnit report ${fixture(name)} ${reason}.*; see the suite log$`))]);
  });

  it('one malformed report among good ones still fails the run', async () => {
    const results = await judge(endedRun(0, ['separate/datastorage_e2e-junit.xml', 'truncated.xml']));
    expect(results.counts.passed).toBe(1);
    expect(results.ok).toBe(false);
    expect(results.problems).toHaveLength(1);
  });

  it('a report without specs', async () => {
    const results = await judge(endedRun(0, ['no-specs.xml']));
    expect(results.problems).toEqual([`the JUnit report ${fixture('no-specs.xml')} lists no specs; see the suite log`]);
  });
});

describe('the exit status must agree with the report', () => {
  it('exit status 0 with failed specs in the report', async () => {
    const results = await judge(endedRun(0, ['ginkgo-known.xml']), [known(DS_HEALTH), known(HAPI_HEALTH)]);
    expect(results.ok).toBe(false);
    expect(results.problems).toEqual(['the suite exited with status 0 although its report lists 2 failed specs: its exit status cannot be trusted']);
  });

  it('exit status 0 with a single failed spec in the report', async () => {
    const results = await judge(endedRun(0, ['separate/aianalysis_e2e-junit.xml']));
    expect(results.ok).toBe(false);
    expect(results.failures.map((spec) => spec.status)).toEqual(['failed']);
    expect(results.problems).toEqual(['the suite exited with status 0 although its report lists 1 failed spec: its exit status cannot be trusted']);
    expect(describeVerdict(results)?.split('\n')).toEqual([
      "1 spec failed: 'Audit Trail E2E Reconciliation audit events - BR-AI-090 should record every phase transition in Data Storage [e2e, audit]'.",
      'The suite exited with status 0 although its report lists 1 failed spec: its exit status cannot be trusted.',
    ]);
  });

  it('a failing exit status without a failed spec, with Ginkgo\'s reason when it gave one', async () => {
    const passing = await judge(endedRun(2, ['separate/datastorage_e2e-junit.xml']));
    expect(passing.ok).toBe(false);
    expect(passing.problems).toEqual([
      'the suite exited with status 2 but its report lists no failed spec: something failed outside the specs; see the suite log',
    ]);
    const killed = await judge(endedRun(null, ['separate/datastorage_e2e-junit.xml']));
    expect(killed.problems[0]).toMatch(/^the suite was killed by SIGKILL but its report lists no failed spec/);
  });

  it('names Ginkgo\'s reasons once each, and a signal it does not know', () => {
    const suite = (reason: string) =>
      `<testsuite name="AIAnalysis E2E Suite" tests="1" failures="0"><properties><property name="SpecialSuiteFailureReason" value="${reason}"/></properties>` +
      '<testcase name="[It] Health Endpoints E2E Liveness probe should return 200" classname="AIAnalysis E2E Suite" status="passed"/></testsuite>';
    const file = fixture('e2e-junit.xml');
    const suites = parseJUnit(`<testsuites>${suite('Interrupted by Timeout')}${suite('')}${suite('Interrupted by Timeout')}</testsuites>`, file);
    const results = judgeSuite(endedRun(2, []), { suites, problems: [] }, { knownFailures: [], now: NOW });
    expect(results.problems).toEqual([
      'the suite exited with status 2 but its report lists no failed spec (Ginkgo: Interrupted by Timeout): something failed outside the specs; see the suite log',
    ]);
    const unknownSignal = judgeSuite(endedRun(null, [], { signal: null }), { suites: parseJUnit(suite(''), file), problems: [] }, { knownFailures: [], now: NOW });
    expect(unknownSignal.problems).toEqual([
      'the suite was killed by a signal but its report lists no failed spec: something failed outside the specs; see the suite log',
    ]);
  });

  it('exit status 0 and a clean report pass', async () => {
    const results = await judge(endedRun(0, ['separate/datastorage_e2e-junit.xml']));
    expect(results).toMatchObject({ ok: true, problems: [], failures: [] });
  });
});

describe('stopped runs', () => {
  it('a timed-out run fails even when its partial report shows no failure', async () => {
    const results = await judge(endedRun(null, ['separate/datastorage_e2e-junit.xml'], { timedOut: true, signal: 'SIGTERM' }));
    expect(results.ok).toBe(false);
    expect(results.problems).toEqual([
      'the suite did not finish within suite.timeoutMinutes (35 min) and was stopped; the results are from the report it wrote when stopped',
    ]);
    expect(results.counts.passed).toBe(1);
  });

  it('a timed-out run without a report says it was stopped before writing one', async () => {
    const results = await judge(endedRun(null, [], { timedOut: true }));
    expect(results.problems).toEqual([
      'the suite did not finish within suite.timeoutMinutes (35 min) and was stopped',
      `the suite wrote no JUnit report at ${fixture('e2e-junit.xml')}: it was stopped before it wrote one; see the suite log`,
    ]);
  });

  it('a run cancelled during the suite says after how long', async () => {
    const results = await judge(endedRun(null, ['separate/datastorage_e2e-junit.xml'], { cancelled: true, signal: 'SIGTERM' }));
    expect(results.problems).toEqual(['the run was cancelled after 12m 34s of the suite; the results are from the report it wrote when stopped']);
  });

  it('a run cancelled before the suite started expects no report', async () => {
    const results = await judge(endedRun(null, [], { started: false, cancelled: true, signal: null }));
    expect(results.problems).toEqual(['the run was cancelled before the suite started']);
  });
});

describe('shards', () => {
  const listed = (text: string) => ({ suite: 'AIAnalysis E2E Suite', text, labels: [] });
  const shard = { index: 2, total: 3, listed: 5 };

  it('a shard without specs did not run and passes', async () => {
    const results = await judge(endedRun(null, [], { started: false, signal: null, shard: { ...shard, specs: [] } }));
    expect(results).toMatchObject({ ok: true, problems: [], specs: [] });
  });

  it('specs of other shards in the report mean the focus did not reach Ginkgo', async () => {
    const liveness = 'Health Endpoints E2E Liveness probe (/healthz) - BR-AI-025 should return 200 OK when controller is alive';
    const mine = await judge(endedRun(0, ['ginkgo-known.xml'], { shard: { ...shard, specs: [listed(liveness)] } }));
    expect(mine.problems).toContainEqual(
      `shard 2/3 ran 5 specs of other shards (such as '${DS_HEALTH} [e2e, health]'): the command must pass GINKGO_FOCUS on to ` +
        'ginkgo --focus, or the shards overlap',
    );
  });

  it('names a single spec of another shard in the singular', async () => {
    const liveness = 'Health Endpoints E2E Liveness probe (/healthz) - BR-AI-025 should return 200 OK when controller is alive';
    const results = await judge(endedRun(1, ['separate/aianalysis_e2e-junit.xml'], { shard: { ...shard, specs: [listed(liveness)] } }));
    expect(results.ok).toBe(false);
    expect(results.problems).toEqual([
      "shard 2/3 ran 1 spec of other shards (such as 'Audit Trail E2E Reconciliation audit events - BR-AI-090 should record every " +
        "phase transition in Data Storage [e2e, audit]'): the command must pass GINKGO_FOCUS on to ginkgo --focus, or the shards overlap",
    ]);
  });

  it('no problem when the shard ran exactly its specs', async () => {
    const texts = ['Health Endpoints E2E Liveness probe (/healthz) - BR-AI-025 should return 200 OK when controller is alive', 'Audit Trail E2E Reconciliation audit events - BR-AI-090 should record every phase transition in Data Storage'];
    const results = await judge(endedRun(1, ['separate/aianalysis_e2e-junit.xml'], { shard: { ...shard, specs: texts.map(listed) } }));
    expect(results.problems).toEqual([]);
  });

  it('a run where every spec was skipped ran nothing: that is not a pass', async () => {
    const results = await judge(endedRun(0, ['all-skipped.xml']));
    expect(results.ok).toBe(false);
    expect(results.problems).toEqual([
      'no spec ran: all 2 specs in the report were skipped; check the focus and the label filter (inputs ginkgo-focus and ginkgo-label)',
    ]);
  });
});
