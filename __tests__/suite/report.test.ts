import type { KnownFailure } from '../../src/config/index.js';
import { renderMarkdown } from '../../src/document/document.js';
import { suiteAnnotations, suiteOutputs, suiteSections } from '../../src/suite/report.js';
import { collectResults, type SuiteResults } from '../../src/suite/results.js';
import { endedRun, RUNNER_CHECKOUT } from './helpers.js';

const NOW = new Date('2026-01-12T12:00:00Z');
const DS_HEALTH = 'Health Endpoints E2E Dependency health - BR-AI-025 should report Data Storage healthy';
const LIVENESS = 'Health Endpoints E2E Liveness probe (/healthz) - BR-AI-025 should return 200 OK when controller is alive';
const known = (spec: string, expires: string): KnownFailure => ({ spec, owner: '@kubernaut/ds', reason: 'DS health deferred', expires });

async function mixed(knownFailures: KnownFailure[] = []): Promise<SuiteResults> {
  return collectResults(endedRun(1, ['ginkgo-mixed.xml']), { knownFailures, now: NOW });
}

describe('suiteSections', () => {
  it('lists failures first, then allowed failures, flaky and passed specs; skipped specs only as a count', async () => {
    const [tests] = suiteSections(await mixed([known(DS_HEALTH, '2026-06-30')]));
    expect(tests?.heading).toBe('E2E tests');
    expect(tests?.paragraphs?.[0]).toBe('**2 passed, 4 failed (1 known), 2 skipped, 1 flaky** in 12m 34s — the suite fails the job.');
    expect(tests?.paragraphs).toContain('2 skipped specs are not listed.');
    expect(tests?.table?.header).toEqual(['spec', 'result', 'duration', 'failure']);
    expect(tests?.table?.rows.map((row) => row[1])).toEqual(['❌ timedout', '❌ failed', '❌ panicked', '⚠️ failed (known)', '🔁 flaky', '✅ passed']);
    expect(tests?.table?.rows[1]).toEqual([
      'Full User Journey E2E Production incident analysis - BR-AI-001 should require approval for production environment - BR-AI-013 [e2e, full-flow]',
      '❌ failed',
      '5.2s',
      'approval decision\nExpected\n    <bool>: false\nat 03_full_flow_test.go:150',
    ]);
  });

  it('has a flaky table and a known-failure table with each entry\'s status', async () => {
    const sections = suiteSections(await mixed([known(DS_HEALTH, '2026-06-30'), known(LIVENESS, '2026-06-30'), known(DS_HEALTH, '2026-01-01'), known('Renamed spec', '2026-06-30')]));
    expect(sections.map((section) => section.heading)).toEqual(['E2E tests', 'Flaky specs', 'Known failures']);
    expect(sections[1]?.table?.rows).toEqual([
      ['Metrics Endpoint E2E Reconciliation metrics - BR-AI-022 should expose aianalysis_reconciler_reconciliations_total [e2e, metrics]', '3', '7.5s'],
    ]);
    expect(sections[2]?.table?.header).toEqual(['spec', 'owner', 'reason', 'expires', 'status']);
    expect(sections[2]?.table?.rows.map((row) => row[4])).toEqual([
      '⚠️ fails (allowed)',
      '❌ passes now: remove the entry',
      '❌ fails, and the entry has expired',
      'not run',
    ]);
    expect(sections[2]?.table?.rows[0]?.slice(0, 4)).toEqual([DS_HEALTH, '@kubernaut/ds', 'DS health deferred', '2026-06-30']);
  });

  it('states the problems of the run where the tests are reported, with the end of the output when there are no results', async () => {
    const tail = ["make: *** No rule to make target 'test-e2e-aianalysis'.  Stop."];
    const results = await collectResults(endedRun(2, [], { tail }), { knownFailures: [], now: NOW });
    const [tests] = suiteSections(results);
    expect(tests?.paragraphs?.some((p) => p.startsWith('⚠️ the suite wrote no JUnit report at '))).toBe(true);
    expect(tests?.table).toBeUndefined();
    expect(tests?.preformatted).toBe(tail[0]);
    const markdown = renderMarkdown(suiteSections(results));
    expect(markdown).toContain('**No test results** in 12m 34s — the suite fails the job.');
    expect(markdown).not.toMatch(/0 failed/);
  });

  it('says when a shard had nothing to run', async () => {
    const run = endedRun(null, [], { started: false, signal: null, shard: { index: 3, total: 4, listed: 2, specs: [] } });
    const [tests] = suiteSections(await collectResults(run, { knownFailures: [], now: NOW }));
    expect(tests?.paragraphs).toEqual(['Shard 3/4: 0 of the 2 listed specs.', 'The suite did not run: this shard has no specs.']);
  });
});

describe('suiteAnnotations', () => {
  it('one error per failed spec, at its file and line in the repository', async () => {
    const annotations = suiteAnnotations(await mixed([known(DS_HEALTH, '2026-06-30')]), RUNNER_CHECKOUT);
    expect(annotations).toEqual([
      {
        title: 'E2E spec timedout: Full User Journey E2E Production incident analysis - BR-AI-001 should complete full 4-phase reconciliation cycle [e2e, full-flow]',
        message: 'A spec timeout occurred',
        file: 'test/e2e/aianalysis/03_full_flow_test.go',
        startLine: 88,
      },
      expect.objectContaining({ file: 'test/e2e/aianalysis/03_full_flow_test.go', startLine: 150, message: 'approval decision\nExpected\n    <bool>: false' }),
      {
        // The Go runtime is not in the repository: the location goes into the message.
        title: 'E2E spec panicked: Audit Trail E2E HolmesGPT-API audit - BR-AI-092 should record the investigation request [e2e, audit]',
        message: 'runtime error: invalid memory address or nil pointer dereference\nat /usr/local/go/src/runtime/panic.go:262',
      },
    ]);
  });

  it('an expired known failure says so in its annotation; a passing one gets its own', async () => {
    const annotations = suiteAnnotations(await mixed([known(DS_HEALTH, '2026-01-01'), known(LIVENESS, '2026-06-30')]), RUNNER_CHECKOUT);
    const expired = annotations.find((annotation) => annotation.title.includes('Data Storage healthy'));
    expect(expired).toMatchObject({ file: 'test/e2e/aianalysis/01_health_endpoints_test.go', startLine: 104 });
    expect(expired?.message).toMatch(/\nknown failure '.*' \(owner @kubernaut\/ds\) expired on 2026-01-01 and still fails: /);
    expect(annotations.at(-1)).toEqual({
      title: `Known failure passes now: ${LIVENESS}`,
      message: expect.stringContaining('passes now: remove suite.knownFailures[1]'),
    });
  });

  it('caps the annotations and counts the rest', async () => {
    const results = await mixed();
    const annotations = suiteAnnotations(results, RUNNER_CHECKOUT, 2);
    expect(annotations).toHaveLength(3);
    expect(annotations[2]).toEqual({ title: 'More E2E failures', message: '2 more failures are not annotated: see the job summary' });
    expect(suiteAnnotations(results, RUNNER_CHECKOUT, 4)).toHaveLength(4);
  });
});

describe('suiteOutputs', () => {
  it('gives the counts as text', async () => {
    expect(suiteOutputs(await mixed())).toEqual({ 'tests-passed': '2', 'tests-failed': '4', 'tests-skipped': '2' });
  });

  it('leaves them empty when there was no report: unknown is not zero', async () => {
    const results = await collectResults(endedRun(0, []), { knownFailures: [], now: NOW });
    expect(suiteOutputs(results)).toEqual({ 'tests-passed': '', 'tests-failed': '', 'tests-skipped': '' });
  });

  it('reports zeros for a shard without specs', async () => {
    const run = endedRun(null, [], { started: false, signal: null, shard: { index: 1, total: 2, listed: 1, specs: [] } });
    expect(suiteOutputs(await collectResults(run, { knownFailures: [], now: NOW }))).toEqual({
      'tests-passed': '0',
      'tests-failed': '0',
      'tests-skipped': '0',
    });
  });
});
