/**
 * The verdict on a suite run, from its JUnit reports, its exit status and the known failures.
 * The report and the exit status must agree, and a run without a readable report is a failure
 * of its own, never "0 failed".
 */
import type { KnownFailure } from '../config/index.js';
import { formatDuration } from '../util/duration.js';
import { namesSpec, specResult, type SpecResult } from './ginkgo.js';
import { JUnitReportError, readJUnit, type JUnitSuite } from './junit.js';
import { excused, judgeKnownFailures, type KnownFailureResult } from './known-failures.js';
import type { SuiteRun } from './invocation.js';

export interface SuiteCounts {
  /** Specs that passed, flaky ones included. */
  passed: number;
  /** Failed specs, known failures and failed suite setup nodes included. */
  failed: number;
  /** Skipped and pending specs. */
  skipped: number;
  flaky: number;
  /** Known failures that failed in this run. */
  knownFailing: number;
}

export interface SuiteResults {
  /** The suite passes the job. */
  ok: boolean;
  run: SuiteRun;
  /** Every test case of the reports, in report order. */
  specs: SpecResult[];
  /** Failed specs (and setup nodes) that fail the job: all failures but the excused known ones. */
  failures: SpecResult[];
  knownFailures: KnownFailureResult[];
  /** Everything else that fails the job, each saying what to do. */
  problems: string[];
  counts: SuiteCounts;
}

export interface JudgeOptions {
  knownFailures: readonly KnownFailure[];
  /** Known failures expire relative to this day. */
  now: Date;
}

/** What the report files gave. */
export interface ReportsRead {
  suites: JUnitSuite[];
  /** A missing, empty or malformed report, each as a sentence. */
  problems: string[];
}

/** Reads the run's reports and judges the run. */
export async function collectResults(run: SuiteRun, options: JudgeOptions): Promise<SuiteResults> {
  return judgeSuite(run, await readReports(run), options);
}

export async function readReports(run: SuiteRun): Promise<ReportsRead> {
  if (!run.started) return { suites: [], problems: [] };
  if (run.reportFiles.length === 0) return { suites: [], problems: [noReport(run)] };
  const read: ReportsRead = { suites: [], problems: [] };
  for (const file of run.reportFiles) {
    try {
      read.suites.push(...(await readJUnit(file)));
    } catch (error) {
      if (!(error instanceof JUnitReportError)) throw error;
      read.problems.push(`${error.message}; see the suite log`);
    }
  }
  return read;
}

export function judgeSuite(run: SuiteRun, read: ReportsRead, options: JudgeOptions): SuiteResults {
  const specs = read.suites.flatMap((suite) => suite.cases.map((testcase) => specResult(testcase, suite.file)));
  const knownFailures = judgeKnownFailures(options.knownFailures, specs, options.now);
  const failed = specs.filter((spec) => spec.status === 'failed');
  const failures = failed.filter((spec) => !excused(spec, knownFailures));
  const problems = [
    ...runProblems(run, read.suites.length > 0),
    ...read.problems,
    ...reportProblems(run, read, specs),
    ...knownFailures.flatMap((known) => (known.problem ? [known.problem] : [])),
  ];
  const countOf = (status: SpecResult['status']) => specs.filter((spec) => !spec.setupNode && spec.status === status).length;
  return {
    ok: failures.length === 0 && problems.length === 0,
    run,
    specs,
    failures,
    knownFailures,
    problems,
    counts: {
      passed: countOf('passed'),
      failed: failed.length,
      skipped: countOf('skipped'),
      flaky: specs.filter((spec) => spec.flaky).length,
      knownFailing: knownFailures.filter((known) => known.status === 'failing').length,
    },
  };
}

/** One paragraph saying why the suite fails the job; undefined when it passes. */
export function describeVerdict(results: SuiteResults): string | undefined {
  if (results.ok) return undefined;
  const lines: string[] = [];
  const { failures } = results;
  if (failures.length > 0) {
    const shown = failures.slice(0, 3).map((spec) => `'${spec.title}'`);
    const more = failures.length > shown.length ? ` and ${failures.length - shown.length} more` : '';
    lines.push(`${failures.length} spec${failures.length === 1 ? '' : 's'} failed: ${shown.join(', ')}${more}.`);
  }
  lines.push(...results.problems.map((problem) => `${capitalize(problem)}.`));
  return lines.join('\n');
}

function runProblems(run: SuiteRun, hasReport: boolean): string[] {
  const partial = hasReport ? '; the results are from the report it wrote when stopped' : '';
  if (run.timedOut) {
    return [`the suite did not finish within suite.timeoutMinutes (${run.timeoutMinutes} min) and was stopped${partial}`];
  }
  if (run.cancelled) {
    return [run.started ? `the run was cancelled after ${formatDuration(run.durationMs)} of the suite${partial}` : 'the run was cancelled before the suite started'];
  }
  return [];
}

function noReport(run: SuiteRun): string {
  const why = run.timedOut || run.cancelled
    ? 'it was stopped before it wrote one'
    : `did it start? The command must pass GINKGO_JUNIT_REPORT on to ginkgo --junit-report (${run.command})`;
  return `the suite wrote no JUnit report at ${run.junitReport}: ${why}; see the suite log`;
}

/** The report against the exit status and the shard: problems only when the run ended by itself. */
function reportProblems(run: SuiteRun, read: ReportsRead, specs: readonly SpecResult[]): string[] {
  if (read.suites.length === 0 || read.problems.length > 0) return [];
  const files = run.reportFiles.join(', ');
  if (specs.length === 0) return [`the JUnit report ${files} lists no specs; see the suite log`];
  if (run.timedOut || run.cancelled) return [];

  const problems: string[] = [];
  const failed = specs.filter((spec) => spec.status === 'failed').length;
  const ran = specs.filter((spec) => !spec.setupNode && spec.status !== 'skipped');
  if (run.exitCode === 0 && failed > 0) {
    problems.push(`the suite exited with status 0 although its report lists ${failed} failed spec${failed === 1 ? '' : 's'}: its exit status cannot be trusted`);
  }
  if (run.exitCode !== 0 && failed === 0) {
    const ended = run.exitCode === null ? `was killed by ${run.signal ?? 'a signal'}` : `exited with status ${run.exitCode}`;
    const reasons = [...new Set(read.suites.map((suite) => suite.properties.SpecialSuiteFailureReason ?? '').filter((r) => r !== ''))];
    const ginkgo = reasons.length > 0 ? ` (Ginkgo: ${reasons.join('; ')})` : '';
    problems.push(`the suite ${ended} but its report lists no failed spec${ginkgo}: something failed outside the specs; see the suite log`);
  }
  if (ran.length === 0 && failed === 0) {
    const listed = specs.filter((spec) => !spec.setupNode).length;
    problems.push(
      `no spec ran: ${listed === 1 ? 'the one spec in the report was' : `all ${listed} specs in the report were`} skipped; ` +
        'check the focus and the label filter (inputs ginkgo-focus and ginkgo-label)',
    );
  }
  if (run.shard !== null) {
    const assigned = run.shard.specs;
    const strays = ran.filter((spec) => !assigned.some((listed) => namesSpec(spec, listed.text)));
    if (strays.length > 0) {
      problems.push(
        `shard ${run.shard.index}/${run.shard.total} ran ${strays.length} spec${strays.length === 1 ? '' : 's'} of other shards ` +
          // Stryker disable next-line OptionalChaining: only reached when there is a stray
          `(such as '${strays[0]?.title}'): the command must pass GINKGO_FOCUS on to ginkgo --focus, or the shards overlap`,
      );
    }
  }
  return problems;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
