/**
 * The runner checked before any long phase: the tools the run will use, at versions that work.
 * Each problem is one line naming the fix (usually the workflow step to add), instead of an
 * obscure failure twenty minutes in:
 * - podman, when it builds, runs the kind nodes or takes the suite's images: `podman info` must
 *   answer, and with crun as its OCI runtime crun must be 1.14.3 or newer (older crun rejects the
 *   container configs podman writes: "crun: unknown version specified"; ubuntu-24.04 ships one);
 * - kind, when the suite sets up its own cluster: the release the action installs (and puts first
 *   on the suite's PATH) must be v0.32.0 or newer, which kubernaut's kind config needs;
 * - go, when the suite is a Go module: the `go` on PATH against go.mod's `go` and `toolchain`
 *   lines. An older go that may switch toolchains (go 1.21+, GOTOOLCHAIN not `local`) downloads
 *   the right one at every run: a warning; one that cannot is a problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import type { Config } from '../config/index.js';
import type { Plan } from '../plan/plan.js';
import type { Section } from '../document/document.js';
import { ProgramNotFoundError, run } from '../util/process.js';

export const MIN_CRUN = '1.14.3';
export const MIN_SUITE_KIND = 'v0.32.0';
/** The first go that fetches the toolchain a go.mod asks for. */
const TOOLCHAIN_SWITCHING_GO = '1.21';
const PROBE_TIMEOUT_MS = 30_000;

export interface RunnerNeeds {
  podman: boolean;
  /** The kind release the suite will run; undefined when the suite makes no cluster. */
  suiteKind?: string;
  /** Repository-relative go.mod of a Go suite. */
  goMod?: string;
}

export interface RunnerCheck {
  tool: string;
  /** What was found: a version, a runtime, or `not found`. */
  found: string;
  /** What stops the run, with the fix. */
  problem?: string;
  /** What works but costs time, with the fix. */
  warning?: string;
}

export class PreflightError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The runner is not ready; nothing was started:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    this.name = 'PreflightError';
  }
}

/** What this run will use, by configuration and engine (`undefined` engine: not known yet, as in a dry run without one). */
export function runnerNeeds(config: Config, plan: Plan, repoRoot: string, engine: 'docker' | 'podman' | undefined): RunnerNeeds {
  const stack = !plan.imagesOnly;
  const provider = config.cluster.provider === 'auto' ? engine : config.cluster.provider;
  const suiteSetup = stack && plan.setup === 'suite';
  const goMod = posix.join(config.suite.workingDirectory, 'go.mod');
  return {
    podman: engine === 'podman' || (stack && (provider === 'podman' || suiteSetup)),
    ...(suiteSetup ? { suiteKind: config.cluster.kindVersion } : {}),
    ...(suiteSetup && existsSync(join(repoRoot, goMod)) ? { goMod } : {}),
  };
}

export async function checkRunner(needs: RunnerNeeds, options: { repoRoot: string; signal?: AbortSignal }): Promise<RunnerCheck[]> {
  const checks: RunnerCheck[] = [];
  if (needs.podman) checks.push(...(await checkPodman(options.signal)));
  if (needs.suiteKind !== undefined) checks.push(checkKind(needs.suiteKind));
  if (needs.goMod !== undefined) checks.push(await checkGo(options.repoRoot, needs.goMod, options.signal));
  return checks;
}

/** Throws PreflightError naming every problem; returns the warnings. */
export function requireReady(checks: readonly RunnerCheck[]): string[] {
  const problems = checks.flatMap((check) => (check.problem ? [check.problem] : []));
  if (problems.length > 0) throw new PreflightError(problems);
  return checks.flatMap((check) => (check.warning ? [check.warning] : []));
}

export function runnerSection(checks: readonly RunnerCheck[]): Section {
  return {
    heading: 'Runner',
    table: {
      header: ['tool', 'found', 'verdict'],
      rows: checks.map((check) => [check.tool, check.found, check.problem ?? (check.warning ? `⚠️ ${check.warning}` : 'ok')]),
    },
  };
}

interface PodmanInfo {
  version?: { Version?: string };
  host?: { ociRuntime?: { name?: string; path?: string; version?: string } };
}

async function checkPodman(signal: AbortSignal | undefined): Promise<RunnerCheck[]> {
  const install = 'add a step before this action: `sudo apt-get update && sudo apt-get install -y podman`';
  let result;
  try {
    result = await run('podman', ['info', '--format', 'json'], { quiet: true, timeoutMs: PROBE_TIMEOUT_MS, signal });
  } catch (error) {
    if (!(error instanceof ProgramNotFoundError)) throw error;
    return [{ tool: 'podman', found: 'not found', problem: `podman is not on PATH and this run uses it: ${install}` }];
  }
  const info = parseJson<PodmanInfo>(result.stdout);
  if (result.exitCode !== 0 || !info) {
    const why = result.tail.at(-1) ?? `exit code ${result.exitCode}`;
    return [{ tool: 'podman', found: 'not working', problem: `\`podman info\` failed (${why}): podman must run for the runner's user before this action starts` }];
  }
  const checks: RunnerCheck[] = [{ tool: 'podman', found: info.version?.Version ?? 'unknown version' }];
  const runtime = info.host?.ociRuntime;
  if (runtime?.name !== 'crun') return [...checks, { tool: 'OCI runtime', found: runtime?.name ?? 'unknown' }];
  const version = /crun version (\d+\.\d+(?:\.\d+)?)/.exec(runtime.version ?? '')?.[1];
  const found = `crun ${version ?? 'of an unknown version'}`;
  if (version !== undefined && compareVersions(version, MIN_CRUN) >= 0) return [...checks, { tool: 'OCI runtime', found }];
  return [
    ...checks,
    {
      tool: 'OCI runtime',
      found,
      problem:
        `podman runs containers with ${found} (${runtime.path ?? 'crun'}); crun older than ${MIN_CRUN} rejects podman's container configs ` +
        `("crun: unknown version specified"): add a step before this action that installs crun ${MIN_CRUN} or newer over ${runtime.path ?? 'that binary'}, ` +
        'such as a release binary from https://github.com/containers/crun/releases',
    },
  ];
}

function checkKind(version: string): RunnerCheck {
  if (compareVersions(version, MIN_SUITE_KIND) >= 0) return { tool: 'kind', found: `${version} (installed by the action)` };
  return {
    tool: 'kind',
    found: version,
    problem: `kind ${version} is older than ${MIN_SUITE_KIND}, which the suite's kind config needs: set the input kind-version (cluster.kindVersion) to ${MIN_SUITE_KIND} or newer; the action installs it`,
  };
}

async function checkGo(repoRoot: string, goMod: string, signal: AbortSignal | undefined): Promise<RunnerCheck> {
  const setupGo = `add \`actions/setup-go\` with \`go-version-file: ${goMod}\` before this action`;
  const wanted = goModVersions(readFileSync(join(repoRoot, goMod), 'utf8'));
  let result;
  try {
    // Outside the module: there, go would switch to (and download) the toolchain go.mod names.
    result = await run('go', ['env', 'GOVERSION', 'GOTOOLCHAIN'], { cwd: tmpdir(), quiet: true, timeoutMs: PROBE_TIMEOUT_MS, signal });
  } catch (error) {
    if (!(error instanceof ProgramNotFoundError)) throw error;
    return { tool: 'go', found: 'not found', problem: `go is not on PATH and the suite builds with it (${goMod}): ${setupGo}` };
  }
  const [goVersion = '', toolchain = ''] = result.stdout.split('\n').map((line) => line.trim());
  const local = /^go(\d+\.\d+(?:\.\d+)?)/.exec(goVersion)?.[1];
  if (result.exitCode !== 0 || local === undefined) {
    return { tool: 'go', found: 'not working', problem: `\`go env GOVERSION\` failed (${result.tail.at(-1) ?? `exit code ${result.exitCode}`}): ${setupGo}` };
  }
  const found = `go ${local} (${goMod}: ${[wanted.go && `go ${wanted.go}`, wanted.toolchain && `toolchain go${wanted.toolchain}`].filter(Boolean).join(', ') || 'no version'})`;
  const required = [wanted.go, wanted.toolchain].filter((version): version is string => version !== undefined).sort(compareVersions).at(-1);
  if (required === undefined || compareVersions(local, required) >= 0) return { tool: 'go', found };
  // GOTOOLCHAIN `local` (some distributions' default), `path` or `<name>+path` never download.
  const switches = compareVersions(local, TOOLCHAIN_SWITCHING_GO) >= 0 && !/^local$|^path$|\+path$/.test(toolchain);
  if (switches) {
    return { tool: 'go', found, warning: `go ${local} is older than go ${required} (${goMod}): go downloads go${required} at every run; ${setupGo}` };
  }
  return {
    tool: 'go',
    found,
    problem: `go ${local} is older than go ${required}, which ${goMod} requires, and cannot fetch it (GOTOOLCHAIN=${toolchain || 'unset'}): ${setupGo}`,
  };
}

/** go.mod's `go` and `toolchain` versions, without the `go` prefix of the latter. */
export function goModVersions(text: string): { go?: string; toolchain?: string } {
  const go = /^go\s+(\d+\.\d+(?:\.\d+)?)\s*$/m.exec(text)?.[1];
  const toolchain = /^toolchain\s+go(\d+\.\d+(?:\.\d+)?)\s*$/m.exec(text)?.[1];
  return { ...(go ? { go } : {}), ...(toolchain ? { toolchain } : {}) };
}

/** Compares dotted versions (`v` prefix allowed; a missing part is 0). */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.replace(/^v/, '').split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function parseJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
