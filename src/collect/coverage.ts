/**
 * E2E coverage of the Go services (DD-TEST-007): once the suite is over, stop the instrumented
 * Deployments so their binaries write their counters, bring the data out of the cluster, convert
 * it with Go's tools into `coverage.out` whose paths point into the repository, and measure it.
 *
 * Coverage is evidence, never a verdict: whatever goes wrong (no data, no Go, pods that would not
 * stop) becomes a warning that names the likely cause, and the run goes on.
 *
 * The total is computed from coverage.out's statements rather than read from
 * `go tool covdata percent`: that prints one line per package and no total, and averaging
 * package percentages would weigh a 10-statement package like a 1000-statement one.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { COVERAGE_CONTAINER_PATH } from '../cluster/config.js';
import type { Config } from '../config/index.js';
import type { KubeClients } from '../kube/client.js';
import { scaleToZero } from '../kube/scale.js';
import type { Section } from '../document/document.js';
import type { Log } from '../util/log.js';
import { gatherCoverageData } from './coverage-data.js';
import { diagnoseCoverageData } from './coverage-diagnosis.js';
import { convertCoverageData } from './coverage-go.js';
import {
  type CoverageTotals,
  type PackageCoverage,
  formatPercent,
  formatProfile,
  measureCoverage,
  parseProfile,
  rewriteBuildPath,
} from './coverage-profile.js';
import { coverageSection, packageTableText } from './coverage-section.js';
import { writeNamedFile } from '../util/file-write.js';

export { clearCoverageHostDir } from './coverage-data.js';
export type { PackageCoverage } from './coverage-profile.js';

export interface CoverageTimeouts {
  /** Scaling to zero until the pods are gone. */
  scaleMs: number;
  /** Each `<engine> cp` and each `go tool covdata`. */
  toolMs: number;
}

const PROFILE_FILE = 'coverage.out';

export const DEFAULT_COVERAGE_TIMEOUTS: CoverageTimeouts = { scaleMs: 3 * 60_000, toolMs: 5 * 60_000 };

export interface CoverageRequest {
  kube: KubeClients;
  namespace: string;
  /** The instrumented Deployments. */
  deployments: readonly string[];
  /** Where the pods write their coverage, on their node (GOCOVERDIR and the hostPath). */
  podDir: string;
  /** The host folder kind mounts into every node (absolute; the one given to the kind config). */
  hostDir: string;
  /** The kind node containers (`<cluster>-control-plane`, `<cluster>-worker`…), read when the host folder is empty. */
  nodes: readonly string[];
  /** The container engine program running the nodes. */
  engine: string;
  /** The source folder inside the build images, rewritten to the repository in coverage.out. */
  buildPath: string;
  repoRoot: string;
  /** Receives coverage.out and the rest; emptied first. */
  outDir: string;
  log: Log;
  /** The go program; default `go` from PATH. */
  go?: string;
  /** Extra environment for the engine and go. */
  env?: Record<string, string | undefined>;
  timeouts?: Partial<CoverageTimeouts>;
  signal?: AbortSignal;
}

export interface CoverageResult {
  /** Statement coverage in percent; undefined when there was nothing to measure. */
  percent: number | undefined;
  statements: number;
  covered: number;
  packages: PackageCoverage[];
  /** Every file written under outDir (coverage.out, the package table, the raw data). */
  files: string[];
  /** coverage.out, when it was written. */
  profile?: string;
  /** Each also logged as a warning. */
  warnings: string[];
  section: Section;
  /** `coverage-percent`, when there is one. */
  outputs: Record<string, string>;
}

/** The parts of a request the configuration decides. */
export function coverageRequestFrom(
  config: Pick<Config, 'coverage' | 'deploy' | 'cluster'>,
  runtime: Omit<CoverageRequest, 'namespace' | 'deployments' | 'podDir' | 'hostDir' | 'buildPath' | 'outDir'> & { workDir: string },
): CoverageRequest {
  const { workDir, ...rest } = runtime;
  return {
    ...rest,
    namespace: config.deploy.namespace,
    deployments: config.coverage.deployments,
    podDir: config.coverage.podDir,
    hostDir: resolve(workDir, config.cluster.coverageHostDir),
    buildPath: config.coverage.buildPath,
    outDir: join(workDir, 'coverage'),
  };
}

export async function collectCoverage(request: CoverageRequest): Promise<CoverageResult> {
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    request.log.warning(message, { title: 'Coverage' });
  };
  const written: string[] = [];
  let totals: CoverageTotals | undefined;
  try {
    totals = await measure(request, warnings, warn, written);
  } catch (error) {
    warn(`Coverage could not be collected: ${(error as Error).message}`);
  }
  const { statements = 0, covered = 0, percent, packages = [] } = totals ?? {};
  return {
    percent, statements, covered, packages, files: written, warnings,
    profile: written.find((file) => file === join(request.outDir, PROFILE_FILE)),
    section: coverageSection({ totals, deployments: request.deployments, warnings }),
    outputs: percent === undefined ? {} : { 'coverage-percent': formatPercent(percent) },
  };
}

/** Stops the pods, gathers and checks the data; undefined when nothing could be measured. Files written go to `written`. */
async function measure(
  request: CoverageRequest,
  warnings: string[],
  warn: (message: string) => void,
  written: string[],
): Promise<CoverageTotals | undefined> {
  const { log, outDir } = request;
  const timeouts = { ...DEFAULT_COVERAGE_TIMEOUTS, ...request.timeouts };
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  // Go writes the counters when the process exits: the pods must be gone before the data is read.
  const targets = request.deployments.map((name) => ({ namespace: request.namespace, name }));
  const outcomes = await scaleToZero(request.kube, targets, { timeoutMs: timeouts.scaleMs, log });
  const notStopped = outcomes.filter((o) => !o.podsGone).map((o) => o.target.name);
  warnings.push(...outcomes.flatMap((o) => (o.problem ? [o.problem] : []))); // scaleToZero logged them

  const gathered = await gatherCoverageData(
    { hostDir: request.hostDir, podDir: request.podDir, nodes: request.nodes, engine: request.engine, env: request.env,
      log, timeoutMs: timeouts.toolMs, signal: request.signal },
    outDir,
  );
  written.push(...gathered.files, ...gathered.setAside);
  const diagnosis = diagnoseCoverageData({
    gathered, hostDir: request.hostDir, podDir: request.podDir, mountPath: COVERAGE_CONTAINER_PATH,
    engine: request.engine, notStopped,
  });
  for (const note of diagnosis.notes) log.info(note);
  for (const warning of diagnosis.warnings) warn(warning);
  if (!diagnosis.usable) return undefined;

  return convertAndMeasure(request, gathered.dir, timeouts.toolMs, warn, written);
}

/** coverage.out with repository paths, Go's per-package view, the package table; undefined when Go could not convert. */
async function convertAndMeasure(
  request: CoverageRequest,
  dataDir: string,
  toolMs: number,
  warn: (message: string) => void,
  written: string[],
): Promise<CoverageTotals | undefined> {
  const { log, outDir } = request;
  const profilePath = join(outDir, PROFILE_FILE);
  const conversion = await convertCoverageData(dataDir, profilePath, {
    go: request.go, env: request.env, cwd: outDir, log, timeoutMs: toolMs, signal: request.signal,
  });
  if (!conversion.ok) {
    warn(conversion.problem);
    return undefined;
  }
  const percentPath = join(outDir, 'covdata-percent.txt');
  await writeNamedFile(percentPath, conversion.percentOutput);
  written.push(percentPath);

  const target = (await modulePathOf(request.repoRoot)) ?? '.';
  const rewrite = rewriteBuildPath(parseProfile(await readFile(profilePath, 'utf8'), profilePath), request.buildPath, target);
  if (rewrite.foreign.length > 0) {
    warn(`coverage.out names files outside the build path ${request.buildPath} (${rewrite.foreign.slice(0, 3).join(', ')}` +
      `${rewrite.foreign.length > 3 ? ', …' : ''}): they cannot be mapped to the repository; set coverage.buildPath to ` +
      "the images' source folder (their WORKDIR).");
  }
  await writeNamedFile(profilePath, formatProfile(rewrite.profile));
  written.push(profilePath);
  log.info(`coverage.out written; ${rewrite.rewritten} block(s) moved from ${request.buildPath} to ${target}`);

  const totals = measureCoverage(rewrite.profile);
  if (totals.percent === undefined) warn('coverage.out holds no statements: there is no coverage to report.');
  const tablePath = join(outDir, 'coverage-packages.txt');
  await writeNamedFile(tablePath, packageTableText(totals));
  written.push(tablePath);
  return totals;
}

/** The module path of the repository's go.mod, if it has one. */
async function modulePathOf(repoRoot: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(join(repoRoot, 'go.mod'), 'utf8');
  } catch {
    return undefined;
  }
  return /^module\s+"?([^\s"]+)"?\s*$/m.exec(text)?.[1];
}
