import { readFileSync } from 'node:fs';
import { JUnitReportError, parseJUnit, readJUnit } from '../../src/suite/junit.js';
import { fixture } from './helpers.js';

const parse = (name: string) => parseJUnit(readFileSync(fixture(name), 'utf8'), name);

describe('parseJUnit', () => {
  it('reads a Ginkgo report: suite properties, every case in order, decoded text', () => {
    const [suite, ...others] = parse('ginkgo-mixed.xml');
    expect(others).toEqual([]);
    expect(suite?.name).toBe('AIAnalysis E2E Suite');
    expect(suite?.properties).toMatchObject({ SuiteSucceeded: 'false', FlakeAttempts: '3' });
    expect(suite?.cases.map((testcase) => testcase.status)).toEqual([
      'passed', 'passed', 'failed', 'passed', 'timedout', 'failed', 'skipped', 'pending', 'panicked', 'passed',
    ]);
    const failed = suite?.cases[2];
    expect(failed?.timeSeconds).toBe(10.004);
    expect(failed?.failure).toMatchObject({ element: 'failure', type: 'failed' });
    expect(failed?.failure?.message).toBe('Timed out after 10.001s.\nExpected\n    <int>: 503\nto equal\n    <int>: 200');
    expect(failed?.failure?.text).toContain('In [It] at: /home/runner/work/kubernaut/kubernaut/test/e2e/aianalysis/01_health_endpoints_test.go:104 @');
    expect(suite?.cases[3]?.systemErr).toContain('Attempt #2 Failed.  Retrying ↺');
    expect(suite?.cases[6]?.skipped).toBe('skipped - staging is not deployed on kind');
    expect(suite?.cases[8]?.failure).toMatchObject({ element: 'error', type: 'panicked' });
  });

  it('reads a single <testsuite> root with self-closing elements and case properties', () => {
    const [suite] = parse('other-reporter.xml');
    expect(suite?.cases.map((testcase) => testcase.name)).toEqual([
      'reports ready', 'exposes the reconciliation counter', 'records the decision', 'auto-approves staging',
    ]);
    expect(suite?.cases[0]).toEqual({ name: 'reports ready', classname: 'e2e.smoke.Health', timeSeconds: 0.25, systemErr: '', properties: {} });
    expect(suite?.cases[1]?.properties).toEqual({ flaky: 'true' });
    expect(suite?.cases[2]?.failure?.text).toBe('e2e/smoke/audit_test.go:41\nexpected 4 audit events, got 3');
    expect(suite?.cases[3]?.skipped).toBe('');
  });

  it('keeps names and values as text', () => {
    const [suite] = parseJUnit('<testsuite name="1e3"><testcase name="007" time="abc"/></testsuite>', 'x.xml');
    expect(suite?.name).toBe('1e3');
    expect(suite?.cases[0]).toMatchObject({ name: '007', timeSeconds: 0 });
  });

  test.each([
    ['empty.xml', 'the JUnit report empty.xml is empty: the suite may have been killed while writing it'],
    ['truncated.xml', /^the JUnit report truncated\.xml is not well-formed XML \(line \d+: .+\): the suite may have been killed while writing it$/],
    ['not-junit.xml', 'the JUnit report not-junit.xml is not JUnit XML: its root element is <coverage>, expected <testsuites> or <testsuite>'],
  ])('%s is refused with a message naming the file', (name, message) => {
    expect(() => parse(name)).toThrow(JUnitReportError);
    expect(() => parse(name)).toThrow(message);
  });

  it('readJUnit names the file it read in its errors', async () => {
    await expect(readJUnit(fixture('empty.xml'))).rejects.toMatchObject({ file: fixture('empty.xml') });
  });
});
