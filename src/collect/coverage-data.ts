/**
 * Gets the raw coverage data of the instrumented services out of the cluster: the files a binary
 * built with `-cover` writes to $GOCOVERDIR, `covmeta.<hash>` when it starts and
 * `covcounters.<hash>.<pid>.<time>` when it exits.
 *
 * The pods write to a hostPath on their node, and kind mounts a host folder at that path on every
 * node (extraMounts), so the files normally are on the runner already: they are read from the
 * host folder, which needs no engine call. Only when the host folder holds no data are they copied
 * out of each node container with `<engine> cp`: rootless Podman may keep the node's writes out of
 * the host folder, and a pod folder other than the mounted one leaves the files inside the node.
 *
 * Everything lands flat in one folder (counter file names carry the process id and a timestamp,
 * so files of several nodes do not collide; a meta file is the same wherever its binary ran).
 * Meta files without any counter file are set aside: `go tool covdata` would report their
 * binaries' statements as never run, which they were not measured to be.
 */
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Log } from '../util/log.js';
import { run, type RunResult } from '../util/process.js';

export type HostFolderState = 'data' | 'empty' | 'missing' | 'unreadable';

export interface CoverageSources {
  /** The host folder kind mounts into every node. */
  hostDir: string;
  /** Where the pods write, on their node (the hostPath). */
  podDir: string;
  /** The kind node containers, for the fallback. */
  nodes: readonly string[];
  /** The container engine program running the nodes (`docker`, `podman` or a path). */
  engine: string;
  env?: Record<string, string | undefined>;
  log: Log;
  /** For each `<engine> cp`. */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface GatheredCoverage {
  /** The folder holding the data to convert (counters and the meta files they belong to). */
  dir: string;
  /** Files in `dir`. */
  files: string[];
  /** Meta files of binaries that wrote no counters, moved out of `dir`. */
  setAside: string[];
  host: { state: HostFolderState; detail?: string };
  from: 'host' | 'nodes' | 'none';
  /** Node containers whose folder could be copied. */
  nodesRead: string[];
  /** Node containers whose folder could not be copied, each with the reason. */
  nodeProblems: string[];
  /** Distinct binaries (meta files) found. */
  binaries: number;
  /** Of those, how many wrote no counters. */
  withoutCounters: number;
}

const META_FILE = /^covmeta\.([0-9a-f]+)$/;
const COUNTER_FILE = /^covcounters\.([0-9a-f]+)\.\d+\.\d+$/;

function isCoverageFile(name: string): boolean {
  return META_FILE.test(name) || COUNTER_FILE.test(name);
}

/** Collects the data into `<outDir>/covdata`; meta files without counters go to `<outDir>/covdata-without-counters`. */
export async function gatherCoverageData(sources: CoverageSources, outDir: string): Promise<GatheredCoverage> {
  const dir = join(outDir, 'covdata');
  await mkdir(dir, { recursive: true });
  const host = await copyFromHost(sources.hostDir, dir);
  let from: GatheredCoverage['from'] = host.state === 'data' ? 'host' : 'none';
  const nodesRead: string[] = [];
  const nodeProblems: string[] = [];
  if (from === 'none') {
    const staging = join(outDir, 'node-copies');
    for (const node of sources.nodes) {
      const problem = await copyFromNode(sources, node, join(staging, node), dir);
      if (problem === undefined) nodesRead.push(node);
      else nodeProblems.push(`${node}: ${problem}`);
    }
    await rm(staging, { recursive: true, force: true });
    if ((await coverageFiles(dir)).some((name) => META_FILE.test(name))) from = 'nodes';
  }
  const { binaries, setAside } = await setAsideMetaWithoutCounters(dir, join(outDir, 'covdata-without-counters'));
  const files = (await coverageFiles(dir)).map((name) => join(dir, name));
  return { dir, files, setAside, host, from, nodesRead, nodeProblems, binaries, withoutCounters: setAside.length };
}

/**
 * Removes earlier runs' coverage files from the host folder, so that a reused folder (a local
 * checkout, a reused cluster) does not add old counters to this run's. Only the folder's content
 * goes: the nodes mount the folder itself. A folder that does not exist yet is fine.
 */
export async function clearCoverageHostDir(hostDir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(hostDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await Promise.all(names.filter(isCoverageFile).map((name) => rm(join(hostDir, name), { force: true })));
}

async function coverageFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter(isCoverageFile).sort();
}

async function copyFromHost(hostDir: string, dest: string): Promise<GatheredCoverage['host']> {
  let names: string[];
  try {
    names = (await readdir(hostDir)).filter(isCoverageFile);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: 'missing' };
    return { state: 'unreadable', detail: (error as Error).message };
  }
  // Counters are useless without the meta file of their binary.
  if (!names.some((name) => META_FILE.test(name))) return { state: 'empty' };
  const unreadable: string[] = [];
  for (const name of names) {
    try {
      await copyFile(join(hostDir, name), join(dest, name));
    } catch (error) {
      unreadable.push(`${name} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  if (unreadable.length === names.length) return { state: 'unreadable', detail: `cannot read ${unreadable.join(', ')}` };
  return { state: 'data', ...(unreadable.length > 0 ? { detail: `cannot read ${unreadable.join(', ')}` } : {}) };
}

/** Copies the node's pod folder into `staging`, then its coverage files into `dest`. Returns the problem, if any. */
async function copyFromNode(sources: CoverageSources, node: string, staging: string, dest: string): Promise<string | undefined> {
  await mkdir(staging, { recursive: true });
  // `<dir>/.` copies the folder's content rather than the folder itself (docker and podman alike).
  let result: RunResult;
  try {
    result = await run(sources.engine, ['cp', `${node}:${sources.podDir}/.`, staging], {
      log: sources.log,
      quiet: true,
      env: sources.env,
      timeoutMs: sources.timeoutMs,
      signal: sources.signal,
    });
  } catch (error) {
    return (error as Error).message;
  }
  if (result.exitCode !== 0 || result.timedOut || result.cancelled) {
    const output = result.tail.join(' ').trim();
    return result.timedOut ? `${result.command} timed out` : `${result.command} failed${output ? `: ${output}` : ''}`;
  }
  for (const name of await coverageFiles(staging)) await rename(join(staging, name), join(dest, name));
  return undefined;
}

async function setAsideMetaWithoutCounters(dir: string, asideDir: string): Promise<{ binaries: number; setAside: string[] }> {
  const names = await coverageFiles(dir);
  const counted = new Set(names.map((name) => COUNTER_FILE.exec(name)?.[1]).filter((hash) => hash !== undefined));
  const metas = names.filter((name) => META_FILE.test(name));
  const setAside: string[] = [];
  for (const name of metas) {
    if (counted.has(META_FILE.exec(name)![1])) continue;
    await mkdir(asideDir, { recursive: true });
    await rename(join(dir, name), join(asideDir, name));
    setAside.push(join(asideDir, name));
  }
  return { binaries: metas.length, setAside };
}
