import {
  formatProfile,
  measureCoverage,
  parseProfile,
  rewriteBuildPath,
} from '../../src/collect/coverage-profile.js';

const profile = [
  'mode: set',
  '/opt/app-root/src/cmd/aianalysis/main.go:10.13,12.2 2 1',
  'github.com/jordigilh/kubernaut/pkg/shared/health/health.go:5.30,7.2 3 0',
  'github.com/jordigilh/kubernaut/pkg/shared/health/health.go:9.30,11.2 1 1',
  '',
].join('\n');

test('parses a profile and writes it back unchanged', () => {
  const parsed = parseProfile(profile, 'coverage.out');
  expect(parsed.mode).toBe('set');
  expect(parsed.blocks[0]).toEqual({ file: '/opt/app-root/src/cmd/aianalysis/main.go', position: '10.13,12.2', statements: 2, count: 1 });
  expect(formatProfile(parsed)).toBe(profile);
});

test('a file that is not a profile is named with the offending line', () => {
  expect(() => parseProfile('<html>', 'out/coverage.out')).toThrow(
    'out/coverage.out: not a Go coverage profile: the first line is "<html>", expected "mode: set|count|atomic"');
  expect(() => parseProfile('mode: set\na.go:1.1,2.2 1 1\ngarbage', 'c.out')).toThrow('c.out:3: "garbage" is not a profile line');
});

test('moves filesystem paths under the build path to the target and leaves import paths alone', () => {
  const parsed = parseProfile(profile, 'coverage.out');
  for (const buildPath of ['/opt/app-root/src', '/opt/app-root/src/']) {
    const { profile: moved, rewritten, foreign } = rewriteBuildPath(parsed, buildPath, 'github.com/jordigilh/kubernaut');
    expect(rewritten).toBe(1);
    expect(foreign).toEqual([]);
    expect(moved.blocks.map((b) => b.file)).toEqual([
      'github.com/jordigilh/kubernaut/cmd/aianalysis/main.go',
      'github.com/jordigilh/kubernaut/pkg/shared/health/health.go',
      'github.com/jordigilh/kubernaut/pkg/shared/health/health.go',
    ]);
  }
  const relative = rewriteBuildPath(parsed, '/opt/app-root/src', '.');
  expect(relative.profile.blocks[0].file).toBe('./cmd/aianalysis/main.go');
});

test('reports absolute paths outside the build path instead of guessing', () => {
  const parsed = parseProfile('mode: set\n/go/src/app/main.go:1.1,2.2 1 1\n/opt/app-root/srcx/a.go:1.1,2.2 1 1\n', 'c.out');
  const { rewritten, foreign, profile: kept } = rewriteBuildPath(parsed, '/opt/app-root/src', 'example.com/m');
  expect(rewritten).toBe(0);
  expect(foreign).toEqual(['/go/src/app/main.go', '/opt/app-root/srcx/a.go']);
  expect(kept.blocks.map((b) => b.file)).toEqual(['/go/src/app/main.go', '/opt/app-root/srcx/a.go']);
});

test('counts each block once, covered when any listing ran it, weighted by statements', () => {
  const parsed = parseProfile([
    'mode: set',
    // The same block from two binaries: one ran it.
    'example.com/m/pkg/a/a.go:1.1,2.2 4 0',
    'example.com/m/pkg/a/a.go:1.1,2.2 4 1',
    'example.com/m/pkg/a/a.go:3.1,4.2 1 0',
    'example.com/m/pkg/b/b.go:1.1,9.2 45 0',
    'example.com/m/pkg/b/b.go:10.1,11.2 5 1',
    'example.com/m/pkg/c/c.go:1.1,1.2 0 0',
  ].join('\n'), 'c.out');
  const totals = measureCoverage(parsed);
  expect(totals.packages).toEqual([
    { package: 'example.com/m/pkg/a', statements: 5, covered: 4, percent: 80 },
    { package: 'example.com/m/pkg/b', statements: 50, covered: 5, percent: 10 },
  ]);
  // 9 of 55 statements, not the mean of 80% and 10%.
  expect(totals.statements).toBe(55);
  expect(totals.covered).toBe(9);
  expect(totals.percent).toBeCloseTo((9 / 55) * 100, 10);
});

test('a profile without statements has no percentage', () => {
  expect(measureCoverage(parseProfile('mode: set\n', 'c.out'))).toEqual({ statements: 0, covered: 0, percent: undefined, packages: [] });
});
