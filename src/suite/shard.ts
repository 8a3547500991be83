/**
 * Sharding the suite across the jobs of a matrix. Ginkgo shards only across the processes of
 * one run, so:
 *  1. the specs are listed by a dry run (`--dry-run --json-report`, spec-listing.ts) that
 *     honours the focus, the label filter and the skip of the run: Ginkgo reports the specs it
 *     would run as `passed`;
 *  2. each spec belongs to shard `1 + hash(full text) mod n`: the same on every machine,
 *     whatever the order of the listing, and adding a spec moves no other;
 *  3. a shard runs its specs through a focus matching exactly their texts.
 *
 * Ginkgo matches a focus against the suite description, a space and the spec's text, and joins
 * several focuses with "or". A regular expression cannot say "and" in Go's syntax, so the shard's
 * focus replaces the user's: the listing already applied the user's focus.
 */
import { createHash } from 'node:crypto';
import type { Shard } from '../config/index.js';

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

