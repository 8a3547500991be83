/**
 * The suite's part of the reports: job summary sections, error annotations for failed specs
 * (the caller emits them with Log.error) and the tests-* outputs.
 */
import path from 'node:path';
import type { Section } from '../document/document.js';
import { formatDuration } from '../util/duration.js';
import { namesSpec, type SpecResult } from './ginkgo.js';
import { excused, type KnownFailureResult } from './known-failures.js';
import type { SuiteResults } from './results.js';

export interface SuiteAnnotation {
  message: string;
  title: string;
  /** Repository-relative; absent when the failure's file is not in the repository. */
  file?: string;
  startLine?: number;
}

export const MAX_ANNOTATIONS = 20;

export function suiteSections(results: SuiteResults): Section[] {
  return [testsSection(results), ...flakySections(results), ...knownFailureSections(results)];
}

/**
 * One annotation per failed spec that fails the job, at the failure's file and line when known,
 * then one per known failure that passes now; beyond `limit`, one annotation counts the rest.
 */
export function suiteAnnotations(results: SuiteResults, repoRoot: string, limit = MAX_ANNOTATIONS): SuiteAnnotation[] {
  const all = [
    ...results.failures.map((spec) => failureAnnotation(spec, results.knownFailures, repoRoot)),
    ...results.knownFailures
      .filter((known) => known.status === 'passing' && known.problem)
      .map((known) => ({ title: `Known failure passes now: ${known.entry.spec}`, message: known.problem as string })),
  ];
  if (all.length <= limit) return all;
  const rest = all.length - limit;
  return [
    ...all.slice(0, limit),
    { title: 'More E2E failures', message: `${rest} more failure${rest === 1 ? ' is' : 's are'} not annotated: see the job summary` },
  ];
}

export function suiteOutputs(results: SuiteResults): Record<'tests-passed' | 'tests-failed' | 'tests-skipped', string> {
  // Without a report the counts are unknown, not zero; a shard without specs ran none.
  const known = results.specs.length > 0 || (results.ok && !results.run.started);
  const show = (count: number) => (known ? String(count) : '');
  return {
    'tests-passed': show(results.counts.passed),
    'tests-failed': show(results.counts.failed),
    'tests-skipped': show(results.counts.skipped),
  };
}

function testsSection(results: SuiteResults): Section {
  const { counts, run } = results;
  const paragraphs: string[] = [];
  if (run.shard !== null) {
    paragraphs.push(`Shard ${run.shard.index}/${run.shard.total}: ${run.shard.specs.length} of the ${run.shard.listed} listed specs.`);
  }
  if (!run.started && !run.cancelled) {
    paragraphs.push('The suite did not run: this shard has no specs.');
    return { heading: 'E2E tests', paragraphs };
  }
  const known = counts.knownFailing > 0 ? ` (${counts.knownFailing} known)` : '';
  const flaky = counts.flaky > 0 ? `, ${counts.flaky} flaky` : '';
  // Without a report nothing is known about the specs: no counts, least of all "0 failed".
  const outcome =
    results.specs.length === 0
      ? '**No test results**'
      : `**${counts.passed} passed, ${counts.failed} failed${known}, ${counts.skipped} skipped${flaky}**`;
  paragraphs.push(`${outcome} in ${formatDuration(run.durationMs)}${results.ok ? '.' : ' — the suite fails the job.'}`);
  paragraphs.push(...results.problems.map((problem) => `⚠️ ${problem}.`));
  if (results.specs.length === 0 && run.tail.length > 0) {
    paragraphs.push('The last lines of its output:');
    return { heading: 'E2E tests', paragraphs, preformatted: run.tail.join('\n') };
  }
  const rows = results.specs
    .filter((spec) => spec.status === 'failed' || (!spec.setupNode && spec.status === 'passed'))
    .map((spec) => ({ spec, rank: rank(spec, results) }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ spec }) => [spec.title, resultOf(spec, results), formatDuration(spec.durationMs), failureCell(spec)]);
  if (counts.skipped > 0) paragraphs.push(`${counts.skipped} skipped spec${counts.skipped === 1 ? ' is' : 's are'} not listed.`);
  return rows.length === 0
    ? { heading: 'E2E tests', paragraphs }
    : { heading: 'E2E tests', paragraphs, table: { header: ['spec', 'result', 'duration', 'failure'], rows, numeric: [2] } };
}

function flakySections(results: SuiteResults): Section[] {
  const flaky = results.specs.filter((spec) => spec.flaky);
  if (flaky.length === 0) return [];
  return [
    {
      heading: 'Flaky specs',
      paragraphs: ['These passed only after failing first; they pass the job, but deserve a fix.'],
      table: {
        header: ['spec', 'attempts', 'duration'],
        rows: flaky.map((spec) => [spec.title, spec.attempts === null ? '—' : String(spec.attempts), formatDuration(spec.durationMs)]),
        numeric: [1, 2],
      },
    },
  ];
}

function knownFailureSections(results: SuiteResults): Section[] {
  if (results.knownFailures.length === 0) return [];
  return [
    {
      heading: 'Known failures',
      paragraphs: ['They run and are reported, but fail the job only once expired or when they pass.'],
      table: {
        header: ['spec', 'owner', 'reason', 'expires', 'status'],
        rows: results.knownFailures.map((known) => [
          known.entry.spec,
          known.entry.owner,
          known.entry.reason,
          known.entry.expires,
          knownStatus(known),
        ]),
      },
    },
  ];
}

function knownStatus(known: KnownFailureResult): string {
  if (known.status === 'passing') return '❌ passes now: remove the entry';
  if (known.status === 'failing') return known.expired ? '❌ fails, and the entry has expired' : '⚠️ fails (allowed)';
  return `${known.status}${known.expired ? ' (expired)' : ''}`;
}

/** Failures that fail the job first, then allowed failures, flaky specs, passed specs. */
function rank(spec: SpecResult, results: SuiteResults): number {
  if (spec.status === 'failed') return excused(spec, results.knownFailures) ? 1 : 0;
  return spec.flaky ? 2 : 3;
}

function resultOf(spec: SpecResult, results: SuiteResults): string {
  if (spec.status === 'passed') return spec.flaky ? '🔁 flaky' : '✅ passed';
  return excused(spec, results.knownFailures) ? `⚠️ ${spec.state} (known)` : `❌ ${spec.state}`;
}

function failureCell(spec: SpecResult): string {
  if (!spec.failure) return '';
  const { summary, location } = spec.failure;
  return [...summary, ...(location ? [`at ${path.basename(location.file)}:${location.line}`] : [])].join('\n');
}

function failureAnnotation(spec: SpecResult, known: readonly KnownFailureResult[], repoRoot: string): SuiteAnnotation {
  const expiry = known.find((result) => result.problem && result.status === 'failing' && namesSpec(spec, result.entry.spec));
  const location = spec.failure?.location;
  const file = location ? repositoryPath(location.file, repoRoot) : undefined;
  const lines = [...(spec.failure?.summary ?? [])];
  if (location && file === undefined) lines.push(`at ${location.file}:${location.line}`);
  if (expiry?.problem) lines.push(expiry.problem);
  return {
    title: `E2E spec ${spec.state}: ${spec.title}`,
    message: lines.join('\n'),
    ...(file !== undefined && location ? { file, startLine: location.line } : {}),
  };
}

/** A path inside the repository, relative and with '/'; undefined for one outside it. */
function repositoryPath(file: string, repoRoot: string): string | undefined {
  const relative = path.isAbsolute(file) ? path.relative(repoRoot, file) : path.normalize(file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}
