/**
 * One Go coverage profile from several (the shards of one suite, each run against its own
 * cluster), as Go's own tools merge them: every profile must have the same `mode:`; a block
 * listed more than once (in one profile or across them) becomes one line whose count is, in
 * mode `set`, 1 when any listing ran it, and in modes `count` and `atomic`, the sum of the
 * listings. Blocks keep the order in which they first appear. Pure: no files, no processes.
 */
import type { CoverageProfile, ProfileBlock } from './coverage-profile.js';

export interface NamedProfile {
  /** Names the profile in errors (its file or artifact). */
  source: string;
  profile: CoverageProfile;
}

const MODES = new Set(['set', 'count', 'atomic']);

export function mergeProfiles(profiles: readonly NamedProfile[]): CoverageProfile {
  const [first] = profiles;
  if (first === undefined) throw new Error('no coverage profiles to merge');
  for (const { source, profile } of profiles) {
    if (!MODES.has(profile.mode)) throw new Error(`${source}: unknown coverage mode "${profile.mode}", expected set, count or atomic`);
    if (profile.mode !== first.profile.mode) {
      throw new Error(
        `${source} has mode ${profile.mode} but ${first.source} has mode ${first.profile.mode}: profiles of different modes cannot be merged; ` +
          'build every shard with the same coverage flags',
      );
    }
  }
  const combine = first.profile.mode === 'set' ? (a: number, b: number) => (a > 0 || b > 0 ? 1 : 0) : (a: number, b: number) => a + b;
  const merged = new Map<string, ProfileBlock & { source: string }>();
  for (const { source, profile } of profiles) {
    for (const block of profile.blocks) {
      const key = `${block.file}:${block.position}`;
      const known = merged.get(key);
      if (known === undefined) {
        merged.set(key, { ...block, count: combine(block.count, 0), source });
        continue;
      }
      if (known.statements !== block.statements) {
        throw new Error(
          `${key} has ${block.statements} statements in ${source} but ${known.statements} in ${known.source}: ` +
            'the profiles were made from different sources; merge only shards of the same build',
        );
      }
      known.count = combine(known.count, block.count);
    }
  }
  return { mode: first.profile.mode, blocks: [...merged.values()].map(({ source: _source, ...block }) => block) };
}
