/** Edges of reading JUnit XML: blank reports, odd times, unnamed properties, the error's name in logs. */
import { JUnitReportError, parseJUnit } from '../../src/suite/junit.js';

const caseOf = (testcase: string) => parseJUnit(`<testsuite name="S">${testcase}</testsuite>`, 'r.xml')[0]?.cases[0];

describe('parseJUnit edges', () => {
  it('a report of only blank lines is empty, not malformed', () => {
    expect(() => parseJUnit('  \n\t\n', 'blank.xml')).toThrow('the JUnit report blank.xml is empty: the suite may have been killed while writing it');
  });

  it('its error shows as a JUnitReportError in a log', () => {
    let caught: unknown;
    try {
      parseJUnit('', 'empty.xml');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JUnitReportError);
    expect(String(caught)).toBe('JUnitReportError: the JUnit report empty.xml is empty: the suite may have been killed while writing it');
  });

  test.each(['-1.5', 'Infinity', 'NaN'])('a time of %s counts as no time', (time) => {
    expect(caseOf(`<testcase name="x" time="${time}"/>`)?.timeSeconds).toBe(0);
  });

  it('keeps a positive time as written', () => {
    expect(caseOf('<testcase name="x" time="0.125"/>')?.timeSeconds).toBe(0.125);
  });

  it('leaves out a property without a name', () => {
    const testcase = caseOf('<testcase name="x"><properties><property value="orphan"/><property name="flaky" value="true"/></properties></testcase>');
    expect(testcase?.properties).toEqual({ flaky: 'true' });
  });

  it('a suite without test cases has none', () => {
    expect(parseJUnit('<testsuites><testsuite name="S" tests="0"></testsuite></testsuites>', 'r.xml')).toEqual([
      { file: 'r.xml', name: 'S', properties: {}, cases: [] },
    ]);
  });
});
