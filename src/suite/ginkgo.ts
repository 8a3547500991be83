/**
 * What a JUnit test case says about a Ginkgo spec. Ginkgo names a case `[<node type>] <full
 * text> [<labels>]`, puts its spec state in `status`, the failure with `In [It] at: file:line`
 * in the `<failure>`/`<error>` text, and the spec's timeline in `<system-err>`: a spec that
 * passed only on a retry (`--flake-attempts`) is reported `passed`, and its timeline holds
 * `Attempt #1 Failed.  Retrying ↺`. Other reporters mark such a case with a `flaky` property.
 */
import type { JUnitCase } from './junit.js';

export type SpecStatus = 'passed' | 'failed' | 'skipped';

export interface FailureLocation {
  file: string;
  line: number;
}

export interface SpecFailure {
  message: string;
  /** The first lines of the message, for tables and annotations. */
  summary: string[];
  location?: FailureLocation;
}

export interface SpecResult {
  /** The case name as reported. */
  name: string;
  /** The name without its node type: what a reader calls the spec. */
  title: string;
  /** Ginkgo's node type (`It`, `BeforeSuite`, `DeferCleanup (Suite)`, …); null for other reporters. */
  node: string | null;
  /** Suite setup and teardown nodes count only when they fail. */
  setupNode: boolean;
  status: SpecStatus;
  /** The state as reported (`timedout`, `interrupted`, `pending`, …). */
  state: string;
  durationMs: number;
  /** Passed, but only after failing first. */
  flaky: boolean;
  /** Attempts it took when retried; null when not known. */
  attempts: number | null;
  failure?: SpecFailure;
  reportFile: string;
}

const SUMMARY_LINES = 3;
const FAILED_STATES = new Set(['failed', 'timedout', 'interrupted', 'panicked', 'aborted']);
const SKIPPED_STATES = new Set(['skipped', 'pending']);
/** The leaf node types Ginkgo reports: specs and its suite-level nodes (types.NodeTypesForSuiteLevelNodes). */
const SUITE_NODES = [
  'BeforeSuite',
  'SynchronizedBeforeSuite',
  'AfterSuite',
  'SynchronizedAfterSuite',
  'ReportBeforeSuite',
  'ReportAfterSuite',
  'DeferCleanup (Suite)',
];
const NODE_PREFIX = new RegExp(`^\\[(It|${SUITE_NODES.map((node) => node.replace(/[()]/g, '\\$&')).join('|')})\\](?: (.*))?$`, 's');
const RETRY_MARK = /Attempt #(\d+) Failed\.\s+Retrying/g;

export function specResult(testcase: JUnitCase, reportFile: string): SpecResult {
  const prefix = NODE_PREFIX.exec(testcase.name);
  const node = prefix?.[1] ?? null;
  const status = statusOf(testcase);
  const retries = [...testcase.systemErr.matchAll(RETRY_MARK)].map((match) => Number(match[1]));
  const flaggedFlaky = (testcase.properties.flaky ?? '').toLowerCase() === 'true';
  const flaky = status === 'passed' && (retries.length > 0 || flaggedFlaky);
  return {
    name: testcase.name,
    title: prefix ? (prefix[2] ?? prefix[1] ?? '') : testcase.name,
    node,
    setupNode: node !== null && node !== 'It',
    status,
    state: testcase.status ?? status,
    durationMs: Math.round(testcase.timeSeconds * 1000),
    flaky,
    attempts: flaky && retries.length > 0 ? Math.max(...retries) + 1 : null,
    ...(status === 'failed' ? { failure: failureOf(testcase) } : {}),
    reportFile,
  };
}

/**
 * Whether `spec` (as written in a configuration: the full text, with or without the node type
 * and the labels Ginkgo appends) names this case.
 */
export function namesSpec(result: SpecResult, spec: string): boolean {
  if (spec === result.name || spec === result.title) return true;
  return result.title.startsWith(`${spec} [`) && result.title.endsWith(']');
}

function statusOf(testcase: JUnitCase): SpecStatus {
  const state = testcase.status;
  if (state !== undefined && FAILED_STATES.has(state)) return 'failed';
  if (state !== undefined && SKIPPED_STATES.has(state)) return 'skipped';
  if (state === 'passed') return 'passed';
  // Other reporters say it with elements only.
  if (testcase.failure) return 'failed';
  if (testcase.skipped !== undefined) return 'skipped';
  return 'passed';
}

function failureOf(testcase: JUnitCase): SpecFailure {
  const text = testcase.failure?.text ?? '';
  const message = testcase.failure?.message.trim() || messageFromText(text).trim() || `the spec ended ${testcase.status ?? 'failed'}`;
  const location = locationIn(text);
  return {
    message,
    summary: message
      .split('\n')
      .map((line) => line.trimEnd())
      .filter((line) => line.trim() !== '')
      .slice(0, SUMMARY_LINES),
    ...(location ? { location } : {}),
  };
}

/** Without a message attribute (OmitFailureMessageAttr), the text before the location is the message. */
function messageFromText(text: string): string {
  const beforeLocation = text.split(/\nIn \[[^\]]+\] at: /)[0] ?? '';
  return beforeLocation.replace(/^\[[A-Z]+\] /, '');
}

/**
 * Ginkgo v2 writes `In [It] at: /path/file_test.go:123 @ 01/02/06 15:04:05.000`; older
 * reporters put `/path/file_test.go:123` on the first line of the text.
 */
function locationIn(text: string): FailureLocation | undefined {
  const match = /In \[[^\]]+\] at: (.+?):(\d+)(?: @ |\s*$)/m.exec(text) ?? /^(\S+\.go):(\d+)\s*$/m.exec(text);
  return match ? { file: match[1] as string, line: Number(match[2]) } : undefined;
}
