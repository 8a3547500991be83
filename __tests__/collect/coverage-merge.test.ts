import { mergeProfiles } from '../../src/collect/coverage-merge.js';
import { formatProfile, measureCoverage, parseProfile } from '../../src/collect/coverage-profile.js';

const profileOf = (mode: string, ...blocks: string[]) => [`mode: ${mode}`, ...blocks, ''].join('\n');
const named = (source: string, text: string) => ({ source, profile: parseProfile(text, source) });

const A = 'example.com/m/pkg/a/a.go';
const B = 'example.com/m/pkg/b/b.go';

describe('merging the coverage profiles of shards', () => {
  it('mode set: a block is covered when any shard ran it; each block once, in first-seen order', () => {
    const shard1 = profileOf('set', `${A}:1.1,3.2 2 1`, `${A}:5.1,7.2 3 0`, `${B}:1.1,2.2 4 0`);
    const shard2 = profileOf('set', `${A}:5.1,7.2 3 1`, `${A}:1.1,3.2 2 1`, `${B}:1.1,2.2 4 0`, `${B}:9.1,9.9 1 1`);
    const merged = mergeProfiles([named('shard-1.out', shard1), named('shard-2.out', shard2)]);
    expect(formatProfile(merged)).toBe(profileOf('set', `${A}:1.1,3.2 2 1`, `${A}:5.1,7.2 3 1`, `${B}:1.1,2.2 4 0`, `${B}:9.1,9.9 1 1`));
    // 6 of 10 statements: more than either shard alone (2 of 9, 6 of 10 counted once).
    expect(measureCoverage(merged)).toMatchObject({ statements: 10, covered: 6 });
  });

  it.each(['count', 'atomic'])('mode %s: the counts of a block are summed', (mode) => {
    const shard1 = profileOf(mode, `${A}:1.1,3.2 2 7`, `${A}:5.1,7.2 3 0`);
    const shard2 = profileOf(mode, `${A}:1.1,3.2 2 5`, `${A}:5.1,7.2 3 0`);
    const shard3 = profileOf(mode, `${A}:5.1,7.2 3 2`);
    const merged = mergeProfiles([named('1', shard1), named('2', shard2), named('3', shard3)]);
    expect(formatProfile(merged)).toBe(profileOf(mode, `${A}:1.1,3.2 2 12`, `${A}:5.1,7.2 3 2`));
  });

  it('a block listed twice in one profile (two binaries sharing a package) is merged like one from two shards', () => {
    expect(formatProfile(mergeProfiles([named('one', profileOf('count', `${A}:1.1,3.2 2 1`, `${A}:1.1,3.2 2 4`))]))).toBe(profileOf('count', `${A}:1.1,3.2 2 5`));
    expect(formatProfile(mergeProfiles([named('one', profileOf('set', `${A}:1.1,3.2 2 0`, `${A}:1.1,3.2 2 1`))]))).toBe(profileOf('set', `${A}:1.1,3.2 2 1`));
  });

  it('one profile comes out as it went in', () => {
    const text = profileOf('atomic', `${A}:1.1,3.2 2 3`, `${B}:1.1,2.2 4 0`);
    expect(formatProfile(mergeProfiles([named('only', text)]))).toBe(text);
  });

  it('refuses profiles of different modes, naming both', () => {
    expect(() => mergeProfiles([named('shard-1.out', profileOf('set', `${A}:1.1,3.2 2 1`)), named('shard-2.out', profileOf('atomic', `${A}:1.1,3.2 2 1`))])).toThrow(
      'shard-2.out has mode atomic but shard-1.out has mode set: profiles of different modes cannot be merged',
    );
  });

  it('refuses a block whose statement count differs between profiles (different sources)', () => {
    expect(() => mergeProfiles([named('shard-1.out', profileOf('set', `${A}:1.1,3.2 2 1`)), named('shard-2.out', profileOf('set', `${A}:1.1,3.2 3 1`))])).toThrow(
      `${A}:1.1,3.2 has 3 statements in shard-2.out but 2 in shard-1.out`,
    );
  });

  it('refuses an unknown mode and an empty list', () => {
    expect(() => mergeProfiles([named('x.out', profileOf('sometimes', `${A}:1.1,3.2 2 1`))])).toThrow('x.out: unknown coverage mode "sometimes"');
    expect(() => mergeProfiles([])).toThrow('no coverage profiles to merge');
  });
});
