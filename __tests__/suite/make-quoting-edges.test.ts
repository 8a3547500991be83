/** Edges of the focus rewrite: character classes, a trailing backslash; the label refusal's wording. */
import { makeSafeFocus, makeUnsafeLabel } from '../../src/suite/make-quoting.js';

describe('makeSafeFocus inside and after character classes', () => {
  test.each([
    // Go reads `\z` in a class as an error: a `$` there is a literal, written as its code.
    ['a dollar in a class stays a literal', 'price[$€]1', 'price[\\x{24}€]1'],
    ['a dollar after a class is the end anchor again', 'v[0-9]$', 'v[0-9]\\z'],
    ['the class lasts until its closing bracket', '[a-z$]x$', '[a-z\\x{24}]x\\z'],
    ['a bracket inside a class does not open another', '[[$]$', '[[\\x{24}]\\z'],
  ])('%s: %s', (_, focus, safe) => {
    expect(makeSafeFocus(focus)).toBe(safe);
  });

  it('a trailing lone backslash becomes a literal backslash, never one that would escape the closing quote', () => {
    expect(makeSafeFocus('C:\\')).toBe('C:\\x{5c}');
  });
});

describe('makeUnsafeLabel wording', () => {
  it('lists every offending character once, separated by commas', () => {
    expect(makeUnsafeLabel("team's $env && team's")).toBe(
      'it contains "\'", "$", which the Makefile\'s quoting (--label-filter=\'…\' under eval) would change',
    );
  });
});
