// The //go:embed cases beyond the common ones, as `go list` (go1.23) reports them: a directory
// named explicitly though it starts with `_`, and every malformed pattern Go refuses.
import { EmbedPatternError, embeddedFiles } from '../../src/image-inputs/go-embed.js';
import { memoryContext } from './memory-context.js';

const { index } = memoryContext({
  'p/p.go': '',
  'p/_internal/x.txt': '',
  'p/_internal/_y.txt': '',
  'p/_internal/.hid/h.txt': '',
  'p/_internal/sub/z.txt': '',
  'p/a/b/f': '',
});

describe('embeddedFiles beyond the common cases', () => {
  test('a directory named explicitly is embedded though its name starts with `_`; hidden names below it are not', () => {
    expect(embeddedFiles(index, 'p', '_internal').map((entry) => entry.path)).toEqual(['p/_internal/sub/z.txt', 'p/_internal/x.txt']);
  });

  test.each(['a//b', './a', 'a/.', '/abs', 'a/', '.', 'all:', 'all:/abs'])('refuses %j as Go does', (pattern) => {
    expect(() => embeddedFiles(index, 'p', pattern)).toThrow(
      new EmbedPatternError(pattern, 'not a valid embed pattern (no leading /, no empty, . or .. elements)'),
    );
  });
});
