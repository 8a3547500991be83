/**
 * Reading JUnit XML reports into plain records, as written: Ginkgo's reporter and the common
 * JUnit dialects (a `<testsuites>` root or a single `<testsuite>`). What the records mean for
 * the run (Ginkgo's spec states, flakes, failure locations) is decided in ginkgo.ts.
 */
import { readFile } from 'node:fs/promises';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface JUnitFailure {
  /** `<failure>` (an assertion failed) or `<error>` (panicked, interrupted). */
  element: 'failure' | 'error';
  message: string;
  type: string;
  /** The element's text: Ginkgo writes the failure, its location and the stack trace there. */
  text: string;
}

export interface JUnitCase {
  name: string;
  classname: string;
  /** Ginkgo's spec state (`passed`, `failed`, `timedout`, …); absent in other dialects. */
  status?: string;
  timeSeconds: number;
  failure?: JUnitFailure;
  /** The `<skipped>` message; present only for skipped or pending cases. */
  skipped?: string;
  /** Ginkgo writes the spec's timeline here, retries included. */
  systemErr: string;
  /** The case's own `<properties>`. */
  properties: Record<string, string>;
}

export interface JUnitSuite {
  /** The report file the suite came from. */
  file: string;
  name: string;
  properties: Record<string, string>;
  cases: JUnitCase[];
}

/** A report that exists but cannot be read as JUnit. */
export class JUnitReportError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`the JUnit report ${file} ${reason}`);
    this.name = 'JUnitReportError';
  }
}

type XmlNode = Record<string, unknown>;

const REPEATED = new Set(['testsuite', 'testcase', 'property']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // Values stay text: a spec named "1e3" must not become a number.
  parseTagValue: false,
  parseAttributeValue: false,
  // Go's encoding/xml writes line breaks in attributes and text as &#xA;.
  htmlEntities: true,
  isArray: (name) => REPEATED.has(name),
});

/** Parses one report; throws JUnitReportError when it is empty, not XML or not JUnit. */
export function parseJUnit(xml: string, file: string): JUnitSuite[] {
  if (xml.trim() === '') throw new JUnitReportError(file, 'is empty: the suite may have been killed while writing it');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line } = valid.err;
    throw new JUnitReportError(file, `is not well-formed XML (line ${line}: ${msg}): the suite may have been killed while writing it`);
  }
  const document = parser.parse(xml) as XmlNode;
  const root = Object.keys(document).find((key) => !key.startsWith('?'));
  if (root === 'testsuites') return asArray(asNode(document.testsuites).testsuite).map((suite) => readSuite(suite, file));
  if (root === 'testsuite') return asArray(document.testsuite).map((suite) => readSuite(suite, file));
  throw new JUnitReportError(file, `is not JUnit XML: its root element is <${root ?? 'none'}>, expected <testsuites> or <testsuite>`);
}

/** Reads and parses one report file; a missing file is an error of its own (ENOENT). */
export async function readJUnit(file: string): Promise<JUnitSuite[]> {
  return parseJUnit(await readFile(file, 'utf8'), file);
}

function readSuite(value: unknown, file: string): JUnitSuite {
  const suite = asNode(value);
  return {
    file,
    name: attribute(suite, 'name'),
    properties: readProperties(suite.properties),
    cases: asArray(suite.testcase).map(readCase),
  };
}

function readCase(value: unknown): JUnitCase {
  const node = asNode(value);
  const time = Number.parseFloat(attribute(node, 'time'));
  const status = attribute(node, 'status');
  const skipped = node.skipped;
  return {
    name: attribute(node, 'name'),
    classname: attribute(node, 'classname'),
    ...(status === '' ? {} : { status }),
    timeSeconds: Number.isFinite(time) && time > 0 ? time : 0,
    ...failureOf(node),
    ...(skipped === undefined ? {} : { skipped: attribute(asNode(skipped), 'message') }),
    systemErr: textOf(node['system-err']),
    properties: readProperties(node.properties),
  };
}

function failureOf(node: XmlNode): { failure?: JUnitFailure } {
  for (const element of ['failure', 'error'] as const) {
    if (node[element] === undefined) continue;
    const value = node[element];
    const attributes = asNode(value);
    return {
      failure: { element, message: attribute(attributes, 'message'), type: attribute(attributes, 'type'), text: textOf(value) },
    };
  }
  return {};
}

function readProperties(value: unknown): Record<string, string> {
  const entries = asArray(asNode(value).property).map((property) => {
    const node = asNode(property);
    return [attribute(node, 'name'), attribute(node, 'value')] as const;
  });
  return Object.fromEntries(entries.filter(([name]) => name !== ''));
}

/** An element without attributes or children parses as a string (its text) or ''. */
function asNode(value: unknown): XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlNode) : {};
}

/** The parser gives every repeated element as a list (isArray above); an absent one is undefined. */
function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function attribute(node: XmlNode, name: string): string {
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : '';
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  const text = asNode(value)['#text'];
  return typeof text === 'string' ? text : '';
}
