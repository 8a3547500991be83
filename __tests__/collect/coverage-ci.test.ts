import { ciCoverageNames, shardProfileArtifactName, summaryLine } from '../../src/collect/coverage-ci.js';
import { parseProfile } from '../../src/collect/coverage-profile.js';
import { shardProfileArtifacts } from '../../src/pipeline/coverage-artifacts.js';

describe("the coverage artifacts of kubernaut's CI summary job", () => {
  it('are named per service as its summary job reads them', () => {
    expect(ciCoverageNames('aianalysis')).toEqual({
      summaryArtifact: 'coverage-e2e-aianalysis',
      summaryFile: 'e2e-aianalysis.txt',
      profileArtifact: 'coverage-profile-e2e-aianalysis',
      profileFile: 'coverage_e2e_aianalysis.out',
    });
  });

  it("hold Go's total with one decimal and a percent sign, or N/A without a profile", () => {
    const profile = parseProfile('mode: set\na/b.go:1.1,2.2 2 1\na/b.go:3.1,4.2 1 0\n', 'c.out');
    expect(summaryLine('aianalysis', profile)).toBe('aianalysis,66.7%\n');
    expect(summaryLine('aianalysis', undefined)).toBe('aianalysis,N/A\n');
    expect(summaryLine('aianalysis', parseProfile('mode: set\n', 'empty.out'))).toBe('aianalysis,N/A\n');
  });

  it("name a shard's profile so that the summary's coverage-* pattern never picks it up", () => {
    const name = shardProfileArtifactName('aianalysis-e2e', { index: 2, total: 3 }, '4');
    expect(name).toBe('aianalysis-e2e-coverage-profile-shard-2-of-3-attempt-4');
    expect(name.startsWith('coverage-')).toBe(false);
  });

  it("take each shard's latest attempt and nothing else of the run", () => {
    const artifact = (name: string, id: number) => ({ name, id, size: 1 });
    const found = shardProfileArtifacts(
      [
        artifact('aianalysis-e2e-coverage-profile-shard-1-of-2-attempt-1', 1),
        artifact('aianalysis-e2e-coverage-profile-shard-2-of-2-attempt-2', 2),
        artifact('aianalysis-e2e-coverage-profile-shard-2-of-2-attempt-1', 3),
        artifact('aianalysis-e2e-e2e-shard-1-of-2-attempt-1', 4),
        artifact('other-coverage-profile-shard-1-of-2-attempt-9', 5),
        artifact('aianalysis-e2e-coverage-profile-shard-x-of-2-attempt-1', 6),
      ],
      'aianalysis-e2e',
    );
    expect(found.map((shard) => [shard.index, shard.total, shard.attempt, shard.artifact.id])).toEqual([
      [1, 2, 1, 1],
      [2, 2, 2, 2],
    ]);
  });
});
