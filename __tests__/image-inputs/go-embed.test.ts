// Which files a `//go:embed` pattern embeds, with Go's rules, and the patterns it refuses.
import { EmbedPatternError, embeddedFiles } from '../../src/image-inputs/go-embed.js';
import { memoryContext } from './memory-context.js';

const { index } = memoryContext({
  'pkg/a/a.go': '',
  'pkg/a/static/x.txt': '',
  'pkg/a/static/.hidden': '',
  'pkg/a/static/_draft/y.txt': '',
  'pkg/a/templates/t.html': '',
  'pkg/a/templates/t.txt': '',
  'top.txt': '',
});
const embedded = (dir: string, pattern: string) => embeddedFiles(index, dir, pattern).map((entry) => entry.path);

describe('embeddedFiles', () => {
  test.each([
    ['static', ['pkg/a/static/x.txt']],
    ['all:static', ['pkg/a/static/.hidden', 'pkg/a/static/_draft/y.txt', 'pkg/a/static/x.txt']],
    ['static/.hidden', ['pkg/a/static/.hidden']],
    ['templates/*.html', ['pkg/a/templates/t.html']],
    ['all:templates/*.html', ['pkg/a/templates/t.html']],
    ['*', ['pkg/a/a.go', 'pkg/a/static/x.txt', 'pkg/a/templates/t.html', 'pkg/a/templates/t.txt']],
    ['missing', []],
  ])('in pkg/a, %s embeds %j', (pattern, paths) => {
    expect(embedded('pkg/a', pattern)).toEqual(paths);
  });

  test('a package at the context root matches paths from the root', () => {
    expect(embedded('', 'top.txt')).toEqual(['top.txt']);
  });

  test.each([
    ['', 'not a valid embed pattern (no leading /, no empty, . or .. elements)'],
    ['all:', 'not a valid embed pattern (no leading /, no empty, . or .. elements)'],
    ['/etc/passwd', 'not a valid embed pattern (no leading /, no empty, . or .. elements)'],
    ['../secret', 'not a valid embed pattern (no leading /, no empty, . or .. elements)'],
    ['static/./x.txt', 'not a valid embed pattern (no leading /, no empty, . or .. elements)'],
    ['static//x.txt', 'not a valid embed pattern (no leading /, no empty, . or .. elements)'],
    ['all:static/[x', 'unterminated [ class'],
    ['static\\', 'ends with a backslash'],
  ])('refuses %j: %s', (pattern, reason) => {
    let error: unknown;
    try {
      embeddedFiles(index, 'pkg/a', pattern);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EmbedPatternError);
    expect(error).toMatchObject({ name: 'EmbedPatternError', pattern, reason, message: `//go:embed ${pattern}: ${reason}` });
  });
});
