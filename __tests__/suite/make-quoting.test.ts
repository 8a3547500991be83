/**
 * The focus rewrite for kubernaut's Makefile: the rewritten expression must mean the same to Go's
 * regexp (checked here with JavaScript's, which reads \x{…} with the u flag and has no \z, so
 * \z is read as $ for the comparison) and contain nothing the recipe's quoting changes.
 */
import { makeSafeFocus, makeUnsafeLabel } from '../../src/suite/make-quoting.js';

/** JavaScript's reading of a Go expression that uses only \x{…} and \z beyond the common syntax. */
const asJs = (goRegex: string) => new RegExp(goRegex.replace(/\\z/g, '$').replace(/\\x\{/g, '\\u{'), 'u');

describe('makeSafeFocus', () => {
  const cases: [string, string, string][] = [
    ['apostrophe', "KA's real dispatch capacity", "Suite KA's real dispatch capacity"],
    ['double quote, escaped dollar and backquote', 'admit "parallel" up to \\$MAX `n`', 'admit "parallel" up to $MAX `n`'],
    ['an anchored alternation', "^(Suite a's b|Suite c)$", "Suite a's b"],
    ['escaped metacharacters', 'cost \\$5\\.00 \\(net\\)', 'cost $5.00 (net)'],
    ['a class with a dollar', 'price[$€]1', 'price$1'],
    ['an escaped backslash', 'C:\\\\path', 'C:\\path'],
  ];

  it.each(cases)('%s: no character the recipe changes, the same matches', (_, focus, text) => {
    const safe = makeSafeFocus(focus);
    expect(safe).not.toMatch(/['"$`#]/);
    expect(safe.replace(/\\(x\{[0-9a-f]+\}|z|.)/g, '')).not.toContain('\\');
    expect(asJs(safe).test(text)).toBe(true);
    for (const candidate of [text, `${text}x`, `x${text}`, 'unrelated']) {
      expect(asJs(safe).test(candidate)).toBe(new RegExp(focus, 'u').test(candidate));
    }
  });

  it('an end anchor stays an end anchor: a longer text no longer matches', () => {
    const safe = makeSafeFocus("^Suite KA's$");
    expect(safe).toBe('^Suite KA\\x{27}s\\z');
    expect(asJs(safe).test("Suite KA's")).toBe(true);
    expect(asJs(safe).test("Suite KA's extra")).toBe(false);
  });

  it('leaves an expression without such characters as it is', () => {
    expect(makeSafeFocus('Health Endpoints|Metrics \\d+')).toBe('Health Endpoints|Metrics \\d+');
  });
});

describe('makeUnsafeLabel', () => {
  it('accepts the label filter syntax and names what would break', () => {
    expect(makeUnsafeLabel('e2e && !flaky || (audit)')).toBeUndefined();
    expect(makeUnsafeLabel("team's")).toContain('"\'"');
    expect(makeUnsafeLabel('a$b')).toContain('"$"');
  });
});
