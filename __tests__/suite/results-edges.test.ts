/**
 * Edges of the verdict: reports that cannot be read at all, a malformed report beside a good one,
 * several files or reasons in one message, suite setup nodes in the skipped count.
 */
import { parseJUnit } from '../../src/suite/junit.js';
import { judgeSuite, readReports } from '../../src/suite/results.js';
import { endedRun, fixture } from './helpers.js';

const NOW = new Date('2026-01-12T12:00:00Z');
const judge = (run: Parameters<typeof judgeSuite>[0], xml: string[]) =>
  judgeSuite(run, { suites: xml.flatMap((text, index) => parseJUnit(text, run.reportFiles[index] ?? 'r.xml')), problems: [] }, { knownFailures: [], now: NOW });
const suite = (body: string, properties = '') => `<testsuite name="AIAnalysis E2E Suite"><properties>${properties}</properties>${body}</testsuite>`;
const reason = (text: string) => `<property name="SpecialSuiteFailureReason" value="${text}"/>`;
const passed = '<testcase name="[It] Health Endpoints E2E should serve /healthz" status="passed" time="1"/>';

describe('readReports edges', () => {
  it('a report file that cannot be read (gone since the run) is an error, not a problem of the report', async () => {
    await expect(readReports(endedRun(1, ['vanished-junit.xml']))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('with one report malformed, the exit status is not checked against the others: the failures may be in that one', async () => {
    const read = await readReports(endedRun(1, ['separate/datastorage_e2e-junit.xml', 'truncated.xml']));
    const results = judgeSuite(endedRun(1, ['separate/datastorage_e2e-junit.xml', 'truncated.xml']), read, { knownFailures: [], now: NOW });
    expect(results.problems).toEqual([expect.stringMatching(/^the JUnit report .*truncated\.xml is not well-formed XML/)]);
  });
});

describe('judgeSuite edges', () => {
  it('reports without specs are named together, separated by commas', () => {
    const run = endedRun(0, ['a-junit.xml', 'b-junit.xml']);
    expect(judge(run, [suite(''), suite('')]).problems).toEqual([
      `the JUnit report ${fixture('a-junit.xml')}, ${fixture('b-junit.xml')} lists no specs; see the suite log`,
    ]);
  });

  it("names each of Ginkgo's different reasons, separated by semicolons", () => {
    const run = endedRun(2, ['a-junit.xml', 'b-junit.xml']);
    expect(judge(run, [suite(passed, reason('Interrupted by Timeout')), suite(passed, reason('Interrupted by User'))]).problems).toEqual([
      'the suite exited with status 2 but its report lists no failed spec (Ginkgo: Interrupted by Timeout; Interrupted by User): ' +
        'something failed outside the specs; see the suite log',
    ]);
  });

  it('counts only the specs, not the suite setup that ran, when every spec was skipped', () => {
    const body =
      '<testcase name="[SynchronizedBeforeSuite]" status="passed" time="40"/>' +
      '<testcase name="[It] Health Endpoints E2E should serve /healthz" status="skipped" time="0"><skipped message="skipped"/></testcase>' +
      '<testcase name="[It] Metrics Endpoint E2E should expose the counter" status="pending" time="0"><skipped message="pending"/></testcase>' +
      '<testcase name="[SynchronizedAfterSuite]" status="passed" time="2"/>';
    expect(judge(endedRun(0, ['a-junit.xml']), [suite(body)]).problems).toEqual([
      'no spec ran: all 2 specs in the report were skipped; check the focus and the label filter (inputs ginkgo-focus and ginkgo-label)',
    ]);
  });

  it('says "the one spec" when the report lists a single spec, skipped', () => {
    const body = '<testcase name="[It] Health Endpoints E2E should serve /healthz" status="skipped" time="0"><skipped message="skipped"/></testcase>';
    expect(judge(endedRun(0, ['a-junit.xml']), [suite(body)]).problems).toEqual([
      'no spec ran: the one spec in the report was skipped; check the focus and the label filter (inputs ginkgo-focus and ginkgo-label)',
    ]);
  });
});
