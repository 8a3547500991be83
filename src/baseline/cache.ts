/**
 * The timing baseline in the GitHub Actions cache: the timings of the last successful run on the
 * default branch, saved under `aianalysis-e2e-timings-<stack>-<run id>-<attempt>` and restored by
 * the prefix `aianalysis-e2e-timings-<stack>-`, for which the cache service returns the newest.
 *
 * `<stack>` is a fixed-length hash of what makes two runs' timings comparable (the caller's stack
 * name, the job and the shard), so one stack's prefix can never match another's keys.
 *
 * The cache client swallows service failures: it prints its own warning and answers "no entry"
 * (restore) or -1 (save); this module reports those answers as such.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { Shard } from '../config/index.js';
import type { GitHubServices, WorkflowRun } from '../github/services.js';
import type { Timings } from '../scheduler/timings.js';
import { withDeadline } from '../util/deadline.js';
import { writeNamedFile } from '../util/file-write.js';

const KEY_PREFIX = 'aianalysis-e2e-timings-';
const FILE_NAME = 'baseline.json';
const DEFAULT_DEADLINE_MS = 2 * 60 * 1000;

export interface BaselineIdentity {
  /** What the timings were measured on: the cluster name or a hash of the configuration. */
  stack: string;
  shard: Shard | null;
}

const storedBaselineSchema = z.object({
  schemaVersion: z.literal(1),
  runId: z.string(),
  runAttempt: z.string(),
  ref: z.string(),
  savedAt: z.string(),
  // Only what the comparison reads is checked (and kept); the file holds the whole timings.json.
  timings: z.object({
    phases: z.array(z.object({ phase: z.string(), start: z.string().nullable(), durationMs: z.number().nonnegative() })),
  }),
});

/** The saved baseline: a run's timings and which run they come from. */
export type StoredBaseline = z.infer<typeof storedBaselineSchema>;

export type RestoredBaseline =
  | { status: 'found'; key: string; baseline: StoredBaseline }
  | { status: 'none'; reason: string }
  | { status: 'unreadable'; key: string; reason: string };

export type SavedBaseline = { saved: true; key: string } | { saved: false; reason: string };

export function baselineKeyPrefix(identity: BaselineIdentity, run: Pick<WorkflowRun, 'job'>): string {
  const shard = identity.shard === null ? '' : `${identity.shard.index}/${identity.shard.total}`;
  const stack = createHash('sha256').update(`${identity.stack}\n${run.job ?? ''}\n${shard}`).digest('hex');
  return `${KEY_PREFIX}${stack.slice(0, 12)}-`;
}

export function baselineKey(identity: BaselineIdentity, run: WorkflowRun): string {
  return `${baselineKeyPrefix(identity, run)}${run.runId ?? '0'}-${run.runAttempt ?? '1'}`;
}

/**
 * The cache entry's directory. The cache version hashes this path, so it must be the same in
 * every run: RUNNER_TEMP is (`/home/runner/work/_temp` on hosted runners), and the runner
 * empties it for each job, so nothing stale is ever mistaken for a restored baseline.
 */
function baselineDir(): string {
  return join(process.env.RUNNER_TEMP || tmpdir(), 'aianalysis-e2e-timings-baseline');
}

export async function restoreBaseline(
  identity: BaselineIdentity,
  github: GitHubServices,
  deadlineMs = DEFAULT_DEADLINE_MS,
): Promise<RestoredBaseline> {
  const cache = await github.cache();
  if (cache === undefined) return { status: 'none', reason: 'no cache service (not on GitHub Actions)' };
  const dir = baselineDir();
  await rm(dir, { recursive: true, force: true });
  const prefix = baselineKeyPrefix(identity, github.run);
  // The prefix is also given as a restore key: restore keys are prefix-matched by definition.
  const key = await withDeadline(cache.restore([dir], prefix, [prefix]), deadlineMs, 'Restoring the timing baseline');
  if (key === undefined) return { status: 'none', reason: 'no baseline in the cache (or the cache service failed: see its warning)' };
  try {
    const baseline = storedBaselineSchema.parse(JSON.parse(await readFile(join(dir, FILE_NAME), 'utf8')));
    return { status: 'found', key, baseline };
  } catch (error) {
    return { status: 'unreadable', key, reason: error instanceof Error ? error.message : String(error) };
  }
}

export async function saveBaseline(
  identity: BaselineIdentity,
  timings: Timings,
  github: GitHubServices,
  deadlineMs = DEFAULT_DEADLINE_MS,
): Promise<SavedBaseline> {
  const cache = await github.cache();
  if (cache === undefined) return { saved: false, reason: 'no cache service (not on GitHub Actions)' };
  const dir = baselineDir();
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const stored: StoredBaseline = {
    schemaVersion: 1,
    runId: github.run.runId ?? '',
    runAttempt: github.run.runAttempt ?? '',
    ref: github.run.ref ?? '',
    savedAt: new Date().toISOString(),
    timings,
  };
  await writeNamedFile(join(dir, FILE_NAME), `${JSON.stringify(stored, null, 2)}\n`);
  const key = baselineKey(identity, github.run);
  const id = await withDeadline(cache.save([dir], key), deadlineMs, 'Saving the timing baseline');
  return id === -1
    ? { saved: false, reason: 'the cache service did not store it (see the cache client’s message above)' }
    : { saved: true, key };
}
