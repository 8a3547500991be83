/**
 * Sharding the suite across the jobs of a matrix. Ginkgo shards only across the processes of
 * one run, so:
 *  1. the specs are listed by a dry run (`--dry-run --json-report`) that honours the focus, the
 *     label filter and the skip of the run: Ginkgo reports the specs it would run as `passed`;
 *  2. each spec belongs to shard `1 + hash(full text) mod n`: the same on every machine,
 *     whatever the order of the listing, and adding a spec moves no other;
 *  3. a shard runs its specs through a focus matching exactly their texts.
 *
 * Ginkgo matches a focus against the suite description, a space and the spec's text, and joins
 * several focuses with "or". A regular expression cannot say "and" in Go's syntax, so the shard's
 * focus replaces the user's: the listing already applied the user's focus.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Shard } from '../config/index.js';
import type { LIST_COMMAND_PLACEHOLDERS } from '../config/schema.js';
import type { Log } from '../util/log.js';
import { displayCommand, ProcessError, run } from '../util/process.js';

/** A spec the dry run would run. */
export interface ListedSpec {
  /** The suite description (`RunSpecs(t, "…")`), which Ginkgo's focus sees before the text. */
  suite: string;
  /** Container texts and the leaf text, joined by spaces. */
  text: string;
  labels: string[];
}

/** The specs of one shard, out of all the listed ones. */
export interface ShardSelection extends Shard {
  /** How many specs the listing found for all shards together. */
  listed: number;
  specs: ListedSpec[];
}

export const DEFAULT_LIST_TIMEOUT_MS = 15 * 60_000;

/** The 1-based shard a spec belongs to. */
export function shardOf(text: string, total: number): number {
  const digest = createHash('sha256').update(text, 'utf8').digest();
  return 1 + (digest.readUInt32BE(0) % total);
}

export function selectShard(specs: readonly ListedSpec[], shard: Shard): ShardSelection {
  return { ...shard, listed: specs.length, specs: specs.filter((spec) => shardOf(spec.text, shard.total) === shard.index) };
}

/**
 * Go's regexp.QuoteMeta. The escaped characters are special in POSIX extended expressions too,
 * and a backslash before them is literal there, so the focus means the same to both.
 */
export function quoteMeta(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** A focus that matches the given specs and nothing else; empty specs are not a focus. */
export function shardFocus(specs: readonly ListedSpec[]): string {
  if (specs.length === 0) throw new Error('a shard without specs has no focus: do not run it');
  const texts = [...new Set(specs.map((spec) => quoteMeta(`${spec.suite} ${spec.text}`)))].sort();
  return `^(${texts.join('|')})$`;
}

/** The specs in Ginkgo's JSON report of a dry run (an array of suite reports). */
export function parseSpecListing(json: string, file: string): ListedSpec[] {
  let reports: unknown;
  try {
    reports = JSON.parse(json);
  } catch (error) {
    throw new Error(`the spec listing ${file} is not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(reports)) {
    throw new Error(`the spec listing ${file} is not a Ginkgo JSON report: expected an array of suite reports`);
  }
  return reports.flatMap((report: unknown, index) => specsOfSuite(report, `${file}: suite report [${index}]`));
}

interface SuiteReportJson {
  SuiteDescription?: unknown;
  SuiteConfig?: { DryRun?: unknown };
  SpecReports?: unknown;
}

interface SpecReportJson {
  LeafNodeType?: unknown;
  State?: unknown;
  ContainerHierarchyTexts?: unknown;
  LeafNodeText?: unknown;
  LeafNodeLabels?: unknown;
}

function specsOfSuite(value: unknown, where: string): ListedSpec[] {
  const report = (value ?? {}) as SuiteReportJson;
  if (typeof report.SuiteDescription !== 'string' || !(report.SpecReports === null || Array.isArray(report.SpecReports))) {
    throw new Error(`${where} is not a Ginkgo suite report: expected SuiteDescription and SpecReports`);
  }
  if (report.SuiteConfig?.DryRun === false) {
    throw new Error(
      `${where} comes from a real run, not a dry run: the list command must run ginkgo with --dry-run ` +
        '(the make target must pass GINKGO_DRY_RUN=true on as --dry-run)',
    );
  }
  const suite = report.SuiteDescription;
  return ((report.SpecReports ?? []) as SpecReportJson[])
    .filter((spec) => spec.LeafNodeType === 'It' && spec.State === 'passed')
    .map((spec) => ({
      suite,
      text: [...strings(spec.ContainerHierarchyTexts), ...strings([spec.LeafNodeText])].filter((t) => t !== '').join(' '),
      labels: strings(spec.LeafNodeLabels),
    }));
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export interface ListSpecsOptions {
  command: readonly string[];
  cwd: string;
  /** The suite's environment; the dry-run variables are added to it. */
  env: Record<string, string | undefined>;
  /** The run's focus and label filter, for the `{focus}` and `{label}` words. */
  focus: string;
  label: string;
  log: Log;
  signal?: AbortSignal;
  timeoutMs?: number;
  killGraceMs?: number;
}

export interface SpecListing {
  /** Undefined when the listing was cancelled. */
  specs?: ListedSpec[];
}

/**
 * Runs the list command as a Ginkgo dry run and returns the specs it would run. Words of the
 * command may hold `{jsonReport}`, `{focus}` and `{label}` (see LIST_COMMAND_PLACEHOLDERS); the
 * environment carries GINKGO_DRY_RUN=true and GINKGO_JSON_REPORT for a make target.
 */
export async function listSpecs(options: ListSpecsOptions): Promise<SpecListing> {
  const dir = await mkdtemp(path.join(tmpdir(), 'aianalysis-e2e-specs-'));
  const jsonReport = path.join(dir, 'specs.json');
  const values: Record<(typeof LIST_COMMAND_PLACEHOLDERS)[number], string> = {
    jsonReport,
    focus: options.focus,
    label: options.label,
  };
  const [program, ...args] = options.command.map((word) =>
    word.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name as keyof typeof values] : whole)),
  );
  try {
    const result = await run(program as string, args, {
      cwd: options.cwd,
      // No JUnit report: the dry run must not leave one where the real run's report is expected.
      env: { ...options.env, GINKGO_DRY_RUN: 'true', GINKGO_JSON_REPORT: jsonReport, GINKGO_JUNIT_REPORT: undefined },
      log: options.log,
      group: 'Listing the specs (Ginkgo dry run)',
      timeoutMs: options.timeoutMs ?? DEFAULT_LIST_TIMEOUT_MS,
      killGraceMs: options.killGraceMs,
      signal: options.signal,
    });
    if (result.cancelled) return {};
    if (result.timedOut || result.exitCode !== 0) throw new ProcessError(result);
    const json = await readFile(jsonReport, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      throw new Error(
        `the spec listing wrote no JSON report: ${displayCommand(program as string, args)} must run ginkgo with ` +
          '--dry-run --json-report (a make target: pass GINKGO_DRY_RUN and GINKGO_JSON_REPORT on; ' +
          'or set suite.listCommand, where {jsonReport} stands for the report path)',
      );
    });
    return { specs: parseSpecListing(json, jsonReport) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
