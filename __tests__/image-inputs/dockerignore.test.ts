import { ignoreFileCandidates, ignoreRules, parseIgnoreFile } from '../../src/image-inputs/dockerignore.js';

describe('parseIgnoreFile', () => {
  it('drops a byte-order mark, comments and blank lines, and trims patterns', () => {
    expect(parseIgnoreFile('\uFEFFvendor/\n# a comment\n\n  *.log  \r\n!keep.log\n')).toEqual(['vendor/', '*.log', '!keep.log']);
  });

  it('treats # as a comment only at the start of the line, as moby does', () => {
    expect(parseIgnoreFile(' #not-a-comment\n#comment')).toEqual(['#not-a-comment']);
  });
});

describe('ignoreFileCandidates', () => {
  it('looks beside the Dockerfile first, then in the context', () => {
    expect(ignoreFileCandidates('.', 'docker/app.Dockerfile')).toEqual(['docker/app.Dockerfile.dockerignore', '.dockerignore']);
    expect(ignoreFileCandidates('services/api', 'services/api/Dockerfile')).toEqual([
      'services/api/Dockerfile.dockerignore',
      'services/api/.dockerignore',
    ]);
  });
});

describe('ignoreRules.excludes', () => {
  const rules = ignoreRules(['/build', '**/*.tmp', 'vendor/', '!vendor/keep/**', '*.LOG'], '.dockerignore');

  it.each([
    ['build/out.bin', true],
    ['src/build/out.bin', false],
    ['a.tmp', true],
    ['src/deep/b.tmp', true],
    ['vendor/other.go', true],
    ['vendor/keep/k.go', false],
    ['x.LOG', true],
    ['x.log', false],
    ['src/main.go', false],
  ])('%s excluded: %s', (path, excluded) => {
    expect(rules.excludes(path)).toBe(excluded);
  });
});

describe('ignoreRules.mayReincludeBelow', () => {
  it.each([
    [['vendor/'], 'vendor', false],
    [['vendor/', '!docs/keep.md'], 'vendor', false],
    [['vendor/', '!vendor/keep/x.go'], 'vendor', true],
    [['vendor/', '!vendor/keep/x.go'], 'vendor/keep', true],
    [['vendor/', '!vendor/keep/x.go'], 'vendor/other', false],
    [['vendor/', '!vendor/*/x.go'], 'vendor/a', true],
    [['vendor/', '!vendor/*/x.go'], 'vendor/a/b', false],
    [['vendor/', '!vendor/[a-c]*'], 'vendor/beta', true],
    [['vendor/', '!vendor/[a-c]*'], 'vendor/delta', false],
    [['vendor/', '!**/keep.md'], 'vendor/deep', true],
    [['vendor/', '!/vendor'], 'vendor/deep', true],
    [['vendor/', '! vendor/keep/ '], 'vendor/keep', true],
  ])('%j: below %s: %s', (patterns, dir, expected) => {
    expect(ignoreRules(patterns, '.dockerignore').mayReincludeBelow(dir)).toBe(expected);
  });
});
