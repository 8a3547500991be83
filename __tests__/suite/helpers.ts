/** Shared pieces of the suite tests: fixture paths, parsed fixtures and SuiteRun records. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { specResult, type SpecResult } from '../../src/suite/ginkgo.js';
import { parseJUnit } from '../../src/suite/junit.js';
import type { SuiteRun } from '../../src/suite/invocation.js';

export const fixturesDir = fileURLToPath(new URL('./fixtures', import.meta.url));

export function fixture(name: string): string {
  return `${fixturesDir}/${name}`;
}

/** Where the fixtures' Ginkgo failures point: kubernaut's checkout on a GitHub runner. */
export const RUNNER_CHECKOUT = '/home/runner/work/kubernaut/kubernaut';

export function specsOf(name: string): SpecResult[] {
  const file = fixture(name);
  return parseJUnit(readFileSync(file, 'utf8'), file).flatMap((suite) => suite.cases.map((testcase) => specResult(testcase, file)));
}

/** A suite run that ended by itself with `exitCode`, having written the given reports. */
export function endedRun(exitCode: number | null, reports: string[], fields: Partial<SuiteRun> = {}): SuiteRun {
  return {
    command: 'make test-e2e-aianalysis',
    junitReport: fixture('e2e-junit.xml'),
    reportFiles: reports.map(fixture),
    started: true,
    exitCode,
    signal: exitCode === null ? 'SIGKILL' : null,
    timedOut: false,
    cancelled: false,
    startedAt: Date.parse('2026-01-12T11:00:00Z'),
    durationMs: 754_000,
    timeoutMinutes: 35,
    tail: [],
    shard: null,
    ...fields,
  };
}
