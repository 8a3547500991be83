/**
 * Known failures: specs that are allowed to fail for a while, each with an owner, a reason and an
 * expiry date. They still run and are reported in their own table. One fails the job again once
 * it has expired, and when its spec passes: then the entry must go, or a new failure of that
 * spec would pass unnoticed.
 */
import type { KnownFailure } from '../config/index.js';
import { namesSpec, type SpecResult } from './ginkgo.js';

/** What the spec did in this run. */
export type KnownFailureStatus = 'failing' | 'flaky' | 'passing' | 'not run';

export interface KnownFailureResult {
  entry: KnownFailure;
  /** Its index in suite.knownFailures, for messages. */
  index: number;
  status: KnownFailureStatus;
  /** The expiry date is before today. */
  expired: boolean;
  /** The failure still counts against the job. */
  failsJob: boolean;
  /** Why it fails the job, naming the spec, the owner and what to do. */
  problem?: string;
}

/** The day (YYYY-MM-DD, UTC) that expiry dates are compared with. */
export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function judgeKnownFailures(
  entries: readonly KnownFailure[],
  specs: readonly SpecResult[],
  now: Date,
): KnownFailureResult[] {
  const day = today(now);
  return entries.map((entry, index) => {
    const status = statusOf(specs.filter((spec) => namesSpec(spec, entry.spec)));
    const expired = entry.expires < day;
    const problem = problemOf(entry, index, status, expired);
    return { entry, index, status, expired, failsJob: problem !== undefined, ...(problem ? { problem } : {}) };
  });
}

/** Whether a failed spec is excused by an entry that is still valid. */
export function excused(spec: SpecResult, known: readonly KnownFailureResult[]): boolean {
  return known.some((result) => !result.expired && namesSpec(spec, result.entry.spec));
}

function statusOf(matching: readonly SpecResult[]): KnownFailureStatus {
  if (matching.some((spec) => spec.status === 'failed')) return 'failing';
  if (matching.some((spec) => spec.flaky)) return 'flaky';
  if (matching.some((spec) => spec.status === 'passed')) return 'passing';
  return 'not run';
}

function problemOf(entry: KnownFailure, index: number, status: KnownFailureStatus, expired: boolean): string | undefined {
  const who = `known failure '${entry.spec}' (owner ${entry.owner})`;
  const where = `suite.knownFailures[${index}]`;
  if (status === 'passing') {
    return `${who} passes now: remove ${where}, so that a new failure of this spec fails the job`;
  }
  if (status === 'failing' && expired) {
    return (
      `${who} expired on ${entry.expires} and still fails: ${entry.owner} must fix the spec, ` +
      `or agree to a later date in ${where}.expires`
    );
  }
  return undefined;
}
