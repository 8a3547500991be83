/**
 * Converts raw coverage data with Go's own tool: `go tool covdata textfmt` writes the text
 * profile, `go tool covdata percent` Go's per-package view of it. A missing or too old Go becomes
 * a problem that says what to install, not an error: coverage never fails a run.
 */
import { ProgramNotFoundError, run, type RunResult } from '../util/process.js';
import type { Log } from '../util/log.js';

export interface GoToolOptions {
  /** The go program; default `go` from PATH. */
  go?: string;
  env?: Record<string, string | undefined>;
  /** A folder without go.mod: a go.mod's toolchain line would make `go` download another toolchain. */
  cwd: string;
  log: Log;
  timeoutMs: number;
  signal?: AbortSignal;
}

export type Conversion = { ok: true; percentOutput: string } | { ok: false; problem: string };

const INSTALL_GO = 'install Go 1.20 or newer in the job before this step (actions/setup-go)';

export async function convertCoverageData(dataDir: string, profile: string, options: GoToolOptions): Promise<Conversion> {
  const textfmt = await covdata(['textfmt', `-i=${dataDir}`, `-o=${profile}`], dataDir, options);
  if (!textfmt.ok) return textfmt;
  const percent = await covdata(['percent', `-i=${dataDir}`], dataDir, options);
  if (!percent.ok) return percent;
  return { ok: true, percentOutput: percent.result.stdout };
}

type ToolRun = { ok: true; result: RunResult } | { ok: false; problem: string };

async function covdata(args: string[], dataDir: string, options: GoToolOptions): Promise<ToolRun> {
  const go = options.go ?? 'go';
  let result: RunResult;
  try {
    result = await run(go, ['tool', 'covdata', ...args], {
      cwd: options.cwd,
      // Convert with the Go that is installed, never a downloaded one.
      env: { ...options.env, GOTOOLCHAIN: 'local' },
      log: options.log,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof ProgramNotFoundError) {
      return { ok: false, problem: `Go is not installed (${go} was not found), so the coverage data in ${dataDir} was not converted: ${INSTALL_GO}.` };
    }
    throw error;
  }
  if (result.exitCode === 0 && !result.timedOut && !result.cancelled) return { ok: true, result };
  const output = `${result.stdout}\n${result.stderr}`;
  if (/no such tool "covdata"/.test(output)) {
    return { ok: false, problem: `${go} has no "go tool covdata" (Go older than 1.20), so the coverage data in ${dataDir} was not converted: ${INSTALL_GO}.` };
  }
  const how = result.timedOut ? 'timed out' : result.cancelled ? 'was cancelled' : `failed (exit code ${result.exitCode})`;
  const tail = result.tail.length > 0 ? `:\n${result.tail.join('\n')}` : '';
  return { ok: false, problem: `${result.command} ${how}, so the coverage data in ${dataDir} was not converted${tail}` };
}
