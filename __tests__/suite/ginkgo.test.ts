import { namesSpec, specResult } from '../../src/suite/ginkgo.js';
import type { JUnitCase } from '../../src/suite/junit.js';
import { RUNNER_CHECKOUT, specsOf } from './helpers.js';

const at = (file: string) => `${RUNNER_CHECKOUT}/test/e2e/aianalysis/${file}`;

describe('specResult on a Ginkgo report', () => {
  const specs = specsOf('ginkgo-mixed.xml');
  const byTitle = (start: string) => {
    const found = specs.find((spec) => spec.title.includes(start));
    if (found === undefined) throw new Error(`no spec like ${start}`);
    return found;
  };

  it('maps every Ginkgo state to passed, failed or skipped, keeping the state', () => {
    expect(specs.map((spec) => [spec.state, spec.status])).toEqual([
      ['passed', 'passed'],
      ['passed', 'passed'],
      ['failed', 'failed'],
      ['passed', 'passed'],
      ['timedout', 'failed'],
      ['failed', 'failed'],
      ['skipped', 'skipped'],
      ['pending', 'skipped'],
      ['panicked', 'failed'],
      ['passed', 'passed'],
    ]);
  });

  it('splits the node type off the name and marks suite nodes as setup', () => {
    expect(specs[0]).toMatchObject({ node: 'SynchronizedBeforeSuite', title: 'SynchronizedBeforeSuite', setupNode: true });
    expect(specs[1]).toMatchObject({
      node: 'It',
      setupNode: false,
      title: 'Health Endpoints E2E Liveness probe (/healthz) - BR-AI-025 should return 200 OK when controller is alive [e2e, health]',
    });
  });

  it('gives the failure message, its first three lines and the file and line Ginkgo names', () => {
    expect(byTitle('Data Storage healthy').failure).toEqual({
      message: 'Timed out after 10.001s.\nExpected\n    <int>: 503\nto equal\n    <int>: 200',
      summary: ['Timed out after 10.001s.', 'Expected', '    <int>: 503'],
      location: { file: at('01_health_endpoints_test.go'), line: 104 },
    });
    expect(byTitle('4-phase').failure?.location).toEqual({ file: at('03_full_flow_test.go'), line: 88 });
    expect(byTitle('investigation request').failure).toMatchObject({
      message: 'runtime error: invalid memory address or nil pointer dereference',
      location: { file: '/usr/local/go/src/runtime/panic.go', line: 262 },
    });
    expect(byTitle('Liveness').failure).toBeUndefined();
  });

  it('recognises a spec that passed on its third attempt as flaky', () => {
    expect(byTitle('reconciliations_total')).toMatchObject({ status: 'passed', flaky: true, attempts: 3, durationMs: 7500 });
    expect(specs.filter((spec) => spec.flaky)).toHaveLength(1);
  });
});

describe('specResult on other reporters', () => {
  const specs = specsOf('other-reporter.xml');

  it('reads the status from the elements, and the flaky property', () => {
    expect(specs.map((spec) => [spec.title, spec.status, spec.flaky, spec.node])).toEqual([
      ['reports ready', 'passed', false, null],
      ['exposes the reconciliation counter', 'passed', true, null],
      ['records the decision', 'failed', false, null],
      ['auto-approves staging', 'skipped', false, null],
    ]);
    expect(specs[1]?.attempts).toBeNull();
  });

  it('finds a location on the first line of the failure text', () => {
    expect(specs[2]?.failure).toEqual({
      message: 'expected 4 audit events, got 3',
      summary: ['expected 4 audit events, got 3'],
      location: { file: 'e2e/smoke/audit_test.go', line: 41 },
    });
  });
});

describe('specResult edge cases', () => {
  const testcase = (fields: Partial<JUnitCase>): JUnitCase => ({
    name: '[It] a spec',
    classname: 'S',
    timeSeconds: 1,
    systemErr: '',
    properties: {},
    ...fields,
  });

  it('takes the message from the text when the message attribute is left out', () => {
    const failure = { element: 'failure' as const, message: '', type: 'failed', text: '[FAILED] boom\nsecond\nIn [It] at: /r/x_test.go:7 @ 01/01/26 00:00:00.000\n' };
    expect(specResult(testcase({ status: 'failed', failure }), 'r.xml').failure).toEqual({
      message: 'boom\nsecond',
      summary: ['boom', 'second'],
      location: { file: '/r/x_test.go', line: 7 },
    });
  });

  it('says how the spec ended when there is no failure text at all', () => {
    expect(specResult(testcase({ status: 'interrupted' }), 'r.xml').failure).toEqual({
      message: 'the spec ended interrupted',
      summary: ['the spec ended interrupted'],
    });
  });

  it('a retry mark on a failed spec does not make it flaky', () => {
    const failure = { element: 'failure' as const, message: 'no', type: 'failed', text: '' };
    const result = specResult(testcase({ status: 'failed', failure, systemErr: 'Attempt #1 Failed.  Retrying ↺' }), 'r.xml');
    expect(result).toMatchObject({ status: 'failed', flaky: false, attempts: null });
  });
});

describe('node types', () => {
  const named = (name: string) =>
    specResult({ name, classname: 'S', status: 'passed', timeSeconds: 0, systemErr: '', properties: {} }, 'r.xml');

  test.each([
    ['[DeferCleanup (Suite)]', 'DeferCleanup (Suite)', true],
    ['[ReportAfterSuite] Autogenerated ReportAfterSuite for --junit-report', 'ReportAfterSuite', true],
    ['[It] Suite does it', 'It', false],
    ['[smoke] another reporter\'s case', null, false],
    ['[BeforeEach] not a leaf node', null, false],
  ])('%s', (name, node, setupNode) => {
    expect(named(name)).toMatchObject({ node, setupNode });
  });
});

describe('namesSpec', () => {
  const [, liveness] = specsOf('ginkgo-mixed.xml');
  const text = 'Health Endpoints E2E Liveness probe (/healthz) - BR-AI-025 should return 200 OK when controller is alive';

  test.each([
    [text, true],
    [`${text} [e2e, health]`, true],
    [`[It] ${text} [e2e, health]`, true],
    ['Health Endpoints E2E Liveness probe (/healthz) - BR-AI-025', false],
    [`${text} extra`, false],
    [text.toLowerCase(), false],
  ])('%s → %s', (spec, expected) => {
    expect(liveness && namesSpec(liveness, spec)).toBe(expected);
  });
});
