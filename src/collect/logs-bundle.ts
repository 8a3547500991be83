/**
 * The logs bundle of a run, in `<workDir>/logs/`: what someone needs to understand a failure
 * without the cluster, which is gone by the time they look.
 *
 *   kind/                     `kind export logs`: node journals, kubelet, containerd, pod logs
 *   pods/<ns>/<pod>/…         current and previous container logs (logs-pods.ts)
 *   objects/<ns>/<Kind>.yaml  the objects with their status (logs-objects.ts)
 *   events.txt                the events, oldest first (logs-events.ts)
 *   run/                      the run's own logs and timings
 *   bundle-errors.txt         each source that could not be collected, and why
 *
 * Every source is best-effort and the whole collection has a deadline: what failed or did not
 * finish is noted in bundle-errors.txt and the rest is kept. No Secret is read, and every text is
 * redacted on its way to disk.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Kind } from '../cluster/kind.js';
import type { KubeClients } from '../kube/client.js';
import type { RunResult } from '../report/run-report.js';
import { formatDuration } from '../util/duration.js';
import type { Log } from '../util/log.js';
import { DeadlineError, withDeadline } from '../util/deadline.js';
import { collectEvents } from './logs-events.js';
import { type KindRef, DEFAULT_CUSTOM_KINDS, collectObjects } from './logs-objects.js';
import { collectPodLogs } from './logs-pods.js';
import { BundleWriter } from './logs-writer.js';

export type { KindRef } from './logs-objects.js';

export const DEFAULT_BUNDLE_TIMEOUT_MS = 10 * 60_000;
export const DEFAULT_POD_LOG_LIMIT_BYTES = 10 * 1024 * 1024;
const POD_LOG_CONCURRENCY = 8;

export interface LogsBundleRequest {
  workDir: string;
  /** Absent when there is no cluster to ask (it was never created). */
  kube?: KubeClients;
  kind?: Pick<Kind, 'exportLogs'>;
  /** The namespaces under test. */
  namespaces: readonly string[];
  /** Custom resources to include when served; default the AIAnalysis resources. */
  customKinds?: readonly KindRef[];
  /** The run's own files: build logs, cluster creation logs, timings.json… */
  runFiles: readonly string[];
  log: Log;
  /** For the whole collection. */
  timeoutMs?: number;
  podLogLimitBytes?: number;
}

export interface LogsBundle {
  dir: string;
  /** Absolute paths of the bundle's files. */
  files: string[];
  /** The sources that could not be collected, as in bundle-errors.txt. */
  errors: string[];
  timedOut: boolean;
}

/** Logs are collected after a failed or cancelled run, and after a successful one when `report.logsOnSuccess` asks for them. */
export function logsBundleWanted(result: RunResult, logsOnSuccess: boolean): boolean {
  return result === 'failure' || result === 'cancelled' || (result === 'success' && logsOnSuccess);
}

export async function collectLogsBundle(request: LogsBundleRequest): Promise<LogsBundle> {
  const { kube, kind, namespaces, log } = request;
  const dir = join(request.workDir, 'logs');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const writer = new BundleWriter(dir);

  const sources: Promise<void>[] = [copyRunFiles(writer, request.runFiles)];
  if (kind) {
    sources.push(writer.source('kind export logs', async () => {
      const kindDir = join(dir, 'kind');
      await kind.exportLogs(kindDir);
      await writer.adopt(kindDir);
    }));
  }
  if (kube) {
    sources.push(
      collectObjects(kube, writer, namespaces, request.customKinds ?? DEFAULT_CUSTOM_KINDS, log),
      collectPodLogs(kube, writer, namespaces,
        { limitBytes: request.podLogLimitBytes ?? DEFAULT_POD_LOG_LIMIT_BYTES, concurrency: POD_LOG_CONCURRENCY }),
      collectEvents(kube, writer, namespaces),
    );
  }

  const timeoutMs = request.timeoutMs ?? DEFAULT_BUNDLE_TIMEOUT_MS;
  let timedOut = false;
  try {
    await withDeadline(Promise.all(sources), timeoutMs, 'the logs bundle');
  } catch (error) {
    if (!(error instanceof DeadlineError)) throw error;
    timedOut = true;
  }
  writer.close(`the collection did not finish within ${formatDuration(timeoutMs)}`);
  await writer.writeErrors();

  const failed = writer.errors.length > 0 ? `; ${writer.errors.length} source(s) could not be collected, see bundle-errors.txt` : '';
  log.info(`Logs bundle: ${writer.files.length} file(s) in ${dir}${failed}`);
  return { dir, files: [...writer.files], errors: [...writer.errors], timedOut };
}

/** Into `run/`, each under its own name (a repeated name gets a number). */
async function copyRunFiles(writer: BundleWriter, files: readonly string[]): Promise<void> {
  const taken = new Set<string>();
  await Promise.all(files.map((file) => {
    const base = basename(file);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${n}-${base}`;
    taken.add(name);
    return writer.source(`run file ${file}`, async () => writer.write(`run/${name}`, await readFile(file, 'utf8')));
  }));
}
