/**
 * Edges of reading a JUnit case as a spec: states without their elements, flaky flags of other
 * reporters, blank lines in failure messages and the location formats of the failure text. Every
 * case is built inside its test, so a change to specResult is seen by the test that covers it.
 */
import { namesSpec, specResult } from '../../src/suite/ginkgo.js';
import type { JUnitCase, JUnitFailure } from '../../src/suite/junit.js';

const testcase = (fields: Partial<JUnitCase>): JUnitCase => ({
  name: '[It] Suite a spec',
  classname: 'Suite',
  timeSeconds: 1,
  systemErr: '',
  properties: {},
  ...fields,
});
const failure = (fields: Partial<JUnitFailure>): JUnitFailure => ({ element: 'failure', message: '', type: 'failed', text: '', ...fields });
const failedWith = (text: string) => specResult(testcase({ status: 'failed', failure: failure({ text }) }), 'r.xml').failure;

describe("Ginkgo's spec states", () => {
  test.each([
    ['passed', 'passed'],
    ['failed', 'failed'],
    ['timedout', 'failed'],
    ['interrupted', 'failed'],
    ['panicked', 'failed'],
    ['aborted', 'failed'],
    ['skipped', 'skipped'],
    ['pending', 'skipped'],
  ])('the state %s counts as %s even without a <failure> or <skipped> element', (state, status) => {
    expect(specResult(testcase({ status: state }), 'r.xml')).toMatchObject({ state, status });
  });

  it("Ginkgo's passed state decides over a failure element left from an earlier attempt", () => {
    const result = specResult(testcase({ status: 'passed', failure: failure({ message: 'attempt #1' }) }), 'r.xml');
    expect(result.status).toBe('passed');
    expect(result.failure).toBeUndefined();
  });

  it('a state it does not know is judged by the elements, like another reporter', () => {
    expect(specResult(testcase({ status: 'exploded', failure: failure({ message: 'boom' }) }), 'r.xml')).toMatchObject({
      status: 'failed',
      state: 'exploded',
    });
    expect(specResult(testcase({ status: 'postponed', skipped: '' }), 'r.xml').status).toBe('skipped');
  });

  it('a passed spec carries no failure and no attempt count', () => {
    expect(specResult(testcase({ status: 'passed' }), 'r.xml')).toMatchObject({ flaky: false, attempts: null });
    expect(specResult(testcase({ status: 'passed' }), 'r.xml')).not.toHaveProperty('failure');
  });
});

describe("another reporter's flaky property", () => {
  test.each(['true', 'TRUE', 'True'])('flaky=%s marks a passed spec flaky, with its attempts unknown', (value) => {
    expect(specResult(testcase({ properties: { flaky: value } }), 'r.xml')).toMatchObject({ status: 'passed', flaky: true, attempts: null });
  });

  test.each(['false', '1', ''])('flaky=%j does not', (value) => {
    expect(specResult(testcase({ properties: { flaky: value } }), 'r.xml').flaky).toBe(false);
  });
});

describe('failure messages', () => {
  it('leaves blank lines out of the summary and trailing blanks off its lines', () => {
    const result = specResult(testcase({ status: 'failed', failure: failure({ message: 'Expected  \n\n   \n    <int>: 3\nto equal 4' }) }), 'r.xml');
    expect(result.failure?.summary).toEqual(['Expected', '    <int>: 3', 'to equal 4']);
  });

  it("says the spec failed when another reporter's failure element is empty", () => {
    const result = specResult(testcase({ name: 'records the decision', failure: failure({}) }), 'r.xml');
    expect(result.failure).toEqual({ message: 'the spec ended failed', summary: ['the spec ended failed'] });
  });

  it('a blank message attribute does not hide the message in the text, nor leave the failure without words', () => {
    const text = '[FAILED] boom\nIn [It] at: /r/x_test.go:7 @ 01/01/26 00:00:00.000';
    const fromText = specResult(testcase({ status: 'failed', failure: failure({ message: '\n', text }) }), 'r.xml');
    expect(fromText.failure).toMatchObject({ message: 'boom', summary: ['boom'] });
    const bare = specResult(testcase({ status: 'timedout', failure: failure({ message: ' \n' }) }), 'r.xml');
    expect(bare.failure).toEqual({ message: 'the spec ended timedout', summary: ['the spec ended timedout'] });
  });

  it('drops only a leading [FAILED]-style tag from a message read from the text', () => {
    expect(failedWith('phase [PENDING] never became [READY] \nIn [It] at: /r/x_test.go:7 @ 01/01/26 00:00:00.000')?.message).toBe(
      'phase [PENDING] never became [READY]',
    );
  });
});

describe('failure locations', () => {
  it("reads Ginkgo's location without a timestamp, as older v2 releases write it, with or without trailing blanks", () => {
    expect(failedWith('[FAILED] boom\nIn [It] at: /r/x_test.go:42')?.location).toEqual({ file: '/r/x_test.go', line: 42 });
    expect(failedWith('[FAILED] boom\nIn [It] at: /r/x_test.go:42  \nstack')?.location).toEqual({ file: '/r/x_test.go', line: 42 });
  });

  it('takes the last file:line of the location line, even with a colon and digits in a directory name', () => {
    expect(failedWith('[FAILED] boom\nIn [It] at: /work/go:1.22/test/x_test.go:42 @ 01/01/26 00:00:00.000')?.location).toEqual({
      file: '/work/go:1.22/test/x_test.go',
      line: 42,
    });
  });

  it('reads a first line that is only path:line, as other reporters write it, with a multi-digit line and trailing blanks', () => {
    expect(failedWith('e2e/smoke/audit_test.go:141\nexpected 4 audit events, got 3')?.location).toEqual({ file: 'e2e/smoke/audit_test.go', line: 141 });
    expect(failedWith('e2e/smoke/audit_test.go:41 \nexpected 4')?.location).toEqual({ file: 'e2e/smoke/audit_test.go', line: 41 });
  });

  it('a file:line mentioned in the prose of the message is not the location', () => {
    expect(failedWith('the mock was set up at helpers.go:12')).not.toHaveProperty('location');
    expect(failedWith('helpers.go:12 set up the mock')).not.toHaveProperty('location');
  });
});

describe('namesSpec and brackets inside a spec text', () => {
  it('a spec does not name a longer spec whose text goes on after a bracket', () => {
    const result = specResult(testcase({ name: '[It] Metrics [gauge] reports the queue depth', status: 'passed' }), 'r.xml');
    expect(namesSpec(result, 'Metrics')).toBe(false);
    expect(namesSpec(result, 'Metrics [gauge] reports the queue depth')).toBe(true);
  });
});
