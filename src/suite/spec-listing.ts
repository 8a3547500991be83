/**
 * Lists the specs a run would run: the list command as a Ginkgo dry run, whose JSON report
 * shard.ts reads. This is the one part of sharding that runs a program.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LIST_COMMAND_PLACEHOLDERS } from '../config/schema.js';
import type { Log } from '../util/log.js';
import { displayCommand, ProcessError, run } from '../util/process.js';
import { parseSpecListing, type ListedSpec } from './shard.js';

export const DEFAULT_LIST_TIMEOUT_MS = 15 * 60_000;

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
