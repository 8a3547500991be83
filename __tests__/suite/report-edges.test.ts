/**
 * Edges of the suite's report: what a clean run, a single skipped spec, a flag-only flaky spec or
 * a run without results look like in the summary, and which annotation carries which message.
 */
import type { KnownFailure } from '../../src/config/index.js';
import { parseJUnit } from '../../src/suite/junit.js';
import { suiteAnnotations, suiteOutputs, suiteSections } from '../../src/suite/report.js';
import { collectResults, judgeSuite, type SuiteResults } from '../../src/suite/results.js';
import type { SuiteRun } from '../../src/suite/invocation.js';
import { endedRun, fixture, RUNNER_CHECKOUT } from './helpers.js';

const NOW = new Date('2026-01-12T12:00:00Z');
const DS_HEALTH = 'Health Endpoints E2E Dependency health - BR-AI-025 should report Data Storage healthy';
const LIVENESS = 'Health Endpoints E2E Liveness probe (/healthz) - BR-AI-025 should return 200 OK when controller is alive';
const known = (spec: string, expires: string): KnownFailure => ({ spec, owner: '@kubernaut/ds', reason: 'DS health deferred', expires });
const judge = (run: SuiteRun, knownFailures: KnownFailure[] = []): Promise<SuiteResults> => collectResults(run, { knownFailures, now: NOW });
/** A run that wrote one report with the given test cases. */
const judgeCases = (exitCode: number, testcases: string): SuiteResults => {
  const file = fixture('e2e-junit.xml');
  const suites = parseJUnit(`<testsuite name="AIAnalysis E2E Suite">${testcases}</testsuite>`, file);
  return judgeSuite(endedRun(exitCode, ['e2e-junit.xml']), { suites, problems: [] }, { knownFailures: [], now: NOW });
};

describe('suiteSections edges', () => {
  it('a clean run: plain counts, a full stop, no flaky or known-failure sections, the duration column numeric', async () => {
    expect(suiteSections(await judge(endedRun(0, ['separate/datastorage_e2e-junit.xml'])))).toEqual([
      {
        heading: 'E2E tests',
        paragraphs: ['**1 passed, 0 failed, 0 skipped** in 12m 34s.'],
        table: {
          header: ['spec', 'result', 'duration', 'failure'],
          rows: [['Data Storage E2E Health should serve /health [e2e]', '✅ passed', '1.3s', '']],
          numeric: [2],
        },
      },
    ]);
  });

  it('one skipped spec is phrased in the singular; a spec only flagged flaky has no attempt count', async () => {
    const sections = suiteSections(await judge(endedRun(1, ['other-reporter.xml'])));
    expect(sections[0]?.paragraphs).toContain('1 skipped spec is not listed.');
    expect(sections[1]).toEqual({
      heading: 'Flaky specs',
      paragraphs: ['These passed only after failing first; they pass the job, but deserve a fix.'],
      table: { header: ['spec', 'attempts', 'duration'], rows: [['exposes the reconciliation counter', '—', '2.5s']], numeric: [1, 2] },
    });
  });

  it('the known-failure section says how entries count, and marks an expired entry whose spec did not run', async () => {
    const results = await judge(endedRun(1, ['ginkgo-mixed.xml']), [known('Renamed spec', '2026-01-01')]);
    expect(suiteSections(results).at(-1)).toEqual({
      heading: 'Known failures',
      paragraphs: ['They run and are reported, but fail the job only once expired or when they pass.'],
      table: {
        header: ['spec', 'owner', 'reason', 'expires', 'status'],
        rows: [['Renamed spec', '@kubernaut/ds', 'DS health deferred', '2026-01-01', 'not run (expired)']],
      },
    });
  });

  it('a run where every spec was skipped has its counts and problems but no table', async () => {
    expect(suiteSections(await judge(endedRun(0, ['all-skipped.xml'])))).toEqual([
      {
        heading: 'E2E tests',
        paragraphs: [
          '**0 passed, 0 failed, 2 skipped** in 12m 34s — the suite fails the job.',
          '⚠️ no spec ran: all 2 specs in the report were skipped; check the focus and the label filter (inputs ginkgo-focus and ginkgo-label).',
          '2 skipped specs are not listed.',
        ],
      },
    ]);
  });

  it('a failed spec without a known location has only its message in the failure column', () => {
    const [tests] = suiteSections(judgeCases(1, '<testcase name="[It] Audit Trail E2E records" status="interrupted" time="1"/>'));
    expect(tests?.table?.rows).toEqual([['Audit Trail E2E records', '❌ interrupted', '1.0s', 'the spec ended interrupted']]);
  });

  it('shows the end of the output, line by line, only when there are no results', async () => {
    const withResults = await judge(endedRun(1, ['separate/aianalysis_e2e-junit.xml'], { tail: ['ok  kubernaut/test/e2e'] }));
    const [tests] = suiteSections(withResults);
    expect(tests?.preformatted).toBeUndefined();
    expect(tests?.paragraphs).not.toContain('The last lines of its output:');
    expect(tests?.table?.rows).toHaveLength(2);

    const tail = ['go: downloading github.com/onsi/ginkgo/v2', 'make: *** [test-e2e-aianalysis] Error 1'];
    const [failed] = suiteSections(await judge(endedRun(2, [], { tail })));
    expect(failed).toMatchObject({ heading: 'E2E tests', preformatted: tail.join('\n') });
    expect(failed?.paragraphs?.at(-1)).toBe('The last lines of its output:');
  });

  it('without results and without output there is no output block', async () => {
    const [tests] = suiteSections(await judge(endedRun(2, [], { tail: [] })));
    expect(tests).not.toHaveProperty('preformatted');
    expect(tests?.paragraphs).not.toContain('The last lines of its output:');
  });

  it('a shard without specs still has the E2E tests heading', async () => {
    const run = endedRun(null, [], { started: false, signal: null, shard: { index: 2, total: 2, listed: 1, specs: [] } });
    expect(suiteSections(await judge(run)).map((section) => section.heading)).toEqual(['E2E tests']);
  });
});

describe('suiteAnnotations edges', () => {
  it('one failure beyond the cap is counted in the singular', async () => {
    const annotations = suiteAnnotations(await judge(endedRun(1, ['ginkgo-mixed.xml'])), RUNNER_CHECKOUT, 3);
    expect(annotations.at(-1)).toEqual({ title: 'More E2E failures', message: '1 more failure is not annotated: see the job summary' });
  });

  it('only a known failure that passes now gets an annotation of its own, not an expired one that still fails', async () => {
    const results = await judge(endedRun(1, ['ginkgo-mixed.xml']), [known(DS_HEALTH, '2026-01-01'), known(LIVENESS, '2026-06-30')]);
    const own = suiteAnnotations(results, RUNNER_CHECKOUT).filter((annotation) => annotation.title.startsWith('Known failure'));
    expect(own.map((annotation) => annotation.title)).toEqual([`Known failure passes now: ${LIVENESS}`]);
  });

  it("an expired entry's message goes only on the annotation of its own spec", async () => {
    const results = await judge(endedRun(1, ['ginkgo-mixed.xml']), [known(DS_HEALTH, '2026-01-01'), known(LIVENESS, '2026-06-30')]);
    const messages = suiteAnnotations(results, RUNNER_CHECKOUT)
      .filter((annotation) => annotation.title.startsWith('E2E spec'))
      .map((annotation) => [annotation.title.includes('Data Storage healthy'), annotation.message.includes('expired on 2026-01-01')]);
    expect(messages).toEqual([
      [true, true],
      [false, false],
      [false, false],
      [false, false],
    ]);
  });

  it('a location naming the checkout directory itself is not a file in it', () => {
    const results = judgeCases(
      1,
      `<testcase name="[It] S x" status="failed"><failure message="boom" type="failed">In [It] at: ${RUNNER_CHECKOUT}:7 @ 01/12/26 12:00:00.000</failure></testcase>`,
    );
    expect(suiteAnnotations(results, RUNNER_CHECKOUT)).toEqual([{ title: 'E2E spec failed: S x', message: `boom\nat ${RUNNER_CHECKOUT}:7` }]);
  });
});

describe('suiteOutputs edges', () => {
  it('a run cancelled before the suite started leaves the counts empty: unknown, not zero', async () => {
    const results = await judge(endedRun(null, [], { started: false, cancelled: true, signal: null }));
    expect(suiteOutputs(results)).toEqual({ 'tests-passed': '', 'tests-failed': '', 'tests-skipped': '' });
  });
});
