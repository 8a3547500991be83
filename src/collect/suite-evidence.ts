/**
 * What a suite that sets up its own stack leaves behind (kubernaut's must-gather, its kind log
 * export, the coverage it collects itself) copied into the run's evidence. Only what this run's
 * suite wrote is kept: a path last written before the suite started is a leftover of an earlier
 * run and is named, not kept. Nothing at the source is removed or changed.
 */
import { cp, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { coverageSection } from './coverage-section.js';
import { formatPercent, measureCoverage, parseProfile } from './coverage-profile.js';
import type { Section } from '../document/document.js';
import { writingTo } from '../util/file-write.js';

export interface SuiteEvidenceRequest {
  /** Absolute, or relative to the repository; `*` within the last name. */
  paths: readonly string[];
  repoRoot: string;
  /** Copies go under `<workDir>/suite/`. */
  workDir: string;
  /** When the suite started (epoch ms). */
  since: number;
}

export interface SuiteEvidence {
  /** Absolute paths of the copies. */
  files: string[];
  notes: string[];
}

/** Clock steps between the file system and this process. */
const CLOCK_SLACK_MS = 2_000;
/** Entries looked at to find the newest write below a folder. */
const WALK_LIMIT = 20_000;

export async function keepSuiteEvidence(request: SuiteEvidenceRequest): Promise<SuiteEvidence> {
  const files: string[] = [];
  const notes: string[] = [];
  for (const configured of request.paths) {
    for (const source of await expand(path.resolve(request.repoRoot, configured))) {
      if ((await newestWrite(source)) < request.since - CLOCK_SLACK_MS) {
        notes.push(`${source} is older than this run's suite: a leftover, not kept`);
        continue;
      }
      const inside = path.relative(request.repoRoot, source);
      const name = inside.startsWith('..') || path.isAbsolute(inside) ? path.join('tmp', path.basename(source)) : inside;
      const target = path.join(request.workDir, 'suite', name);
      await writingTo(target, () => cp(source, target, { recursive: true, dereference: false }));
      files.push(target);
    }
  }
  return { files, notes };
}

/** The path itself, or the entries of its folder matching a `*` pattern in its last name. */
async function expand(absolute: string): Promise<string[]> {
  const name = path.basename(absolute);
  if (!name.includes('*')) return (await exists(absolute)) ? [absolute] : [];
  const pattern = new RegExp(`^${name.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  const dir = path.dirname(absolute);
  const entries = await readdir(dir).catch(() => [] as string[]);
  return entries.filter((entry) => pattern.test(entry)).sort().map((entry) => path.join(dir, entry));
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** The latest modification time of the path or anything below it (bounded walk). */
async function newestWrite(source: string): Promise<number> {
  let newest = 0;
  let seen = 0;
  const pending = [source];
  while (pending.length > 0 && seen < WALK_LIMIT) {
    const current = pending.pop()!;
    const info = await stat(current).catch(() => undefined);
    seen += 1;
    if (info === undefined) continue;
    newest = Math.max(newest, info.mtimeMs);
    if (info.isDirectory()) pending.push(...(await readdir(current)).map((entry) => path.join(current, entry)));
  }
  return newest;
}

export interface SuiteCoverage {
  section: Section;
  outputs: Record<string, string>;
}

/** The total of the coverage profile the suite wrote, when it wrote one in this run. */
export async function suiteCoverage(profile: string, since: number): Promise<SuiteCoverage | undefined> {
  const info = await stat(profile).catch(() => undefined);
  if (info === undefined || info.mtimeMs < since - CLOCK_SLACK_MS) return undefined;
  const totals = measureCoverage(parseProfile(await readFile(profile, 'utf8'), profile));
  return {
    section: coverageSection({ totals, deployments: [], warnings: [] }),
    outputs: totals.percent === undefined ? {} : { 'coverage-percent': formatPercent(totals.percent) },
  };
}
