// Go's path.Match syntax, used by `//go:embed` patterns and Dockerfile COPY sources: which paths a
// pattern matches, and the patterns refused with the reason a user sees.
import { GlobError, globRegExp, matchingPrefixLengths } from '../../src/image-inputs/path-glob.js';

describe('globRegExp', () => {
  test.each([
    ['*.go', 'main.go', true],
    ['*.go', 'cmd/main.go', false],
    ['cmd/*', 'cmd/app', true],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['a?c', 'a/c', false],
    ['x[ab]y', 'xay', true],
    ['x[ab]y', 'xby', true],
    ['x[ab]y', 'xxy', false],
    ['x[ab]y', 'xy', false],
    ['[a-c].txt', 'b.txt', true],
    ['[a-c].txt', 'd.txt', false],
    ['[a-c].txt', '-.txt', false],
    ['[a^]', 'a', true],
    ['[a^]', '^', true],
    ['[a^]', 'b', false],
    ['x[^a]y', 'xby', true],
    ['x[^a]y', 'x^y', true],
    ['x[^a]y', 'xay', false],
    ['x[^a]y', 'x/y', false],
    ['[]]', ']', true],
    ['[]]', 'x', false],
    ['[]a]', 'a', true],
    ['[/]', '/', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['\\[x]', '[x]', true],
    ['a.b', 'a.b', true],
    ['a.b', 'axb', false],
    ['(x)+', '(x)+', true],
    ['(x)+', 'xx', false],
    ['a-b', 'a-b', true],
    ['Dockerfile', 'docker/Dockerfile', false],
  ])('%s against %s: %s', (glob, path, matches) => {
    expect(globRegExp(glob).test(path)).toBe(matches);
  });

  test.each([
    ['abc\\', 'ends with a backslash'],
    ['a[bc', 'unterminated [ class'],
    ['a[]', 'unterminated [ class'],
  ])('refuses %s: %s', (glob, reason) => {
    let error: unknown;
    try {
      globRegExp(glob);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GlobError);
    expect(error).toMatchObject({ name: 'GlobError', pattern: glob, reason, message: `${glob}: ${reason}` });
  });
});

describe('matchingPrefixLengths', () => {
  test.each([
    ['pkg', ['pkg', 'a', 'a.go'], [1]],
    ['pkg/*', ['pkg', 'a', 'a.go'], [2]],
    ['*', ['pkg', 'a'], [1]],
    ['pkg/a/a.go', ['pkg', 'a', 'a.go'], [3]],
    ['other', ['pkg', 'a'], []],
    ['*', [], []],
  ])('%s matches the leading parts of %j of lengths %j', (glob, parts, lengths) => {
    expect(matchingPrefixLengths(globRegExp(glob), parts)).toEqual(lengths);
  });

  test('lists every matching prefix, shortest first', () => {
    expect(matchingPrefixLengths(/^(a|a\/b\/c)$/u, ['a', 'b', 'c'])).toEqual([1, 3]);
  });
});
