// How the text of a RUN step splits into simple commands and words: the words decide which
// programs a step runs (`go build ./cmd/app`) and so which files an image's tag is computed from.
import { shellCommands } from '../../src/image-inputs/shell-words.js';

describe('shellCommands', () => {
  test.each([
    ['go build ./cmd/app', [['go', 'build', './cmd/app']]],
    ['  go   build\t./x  ', [['go', 'build', './x']]],
    ['', []],
    ['   ', []],
    ['a; b && c || d | e & f', [['a'], ['b'], ['c'], ['d'], ['e'], ['f']]],
    ['(cd app) \n make', [['cd', 'app'], ['make']]],
    [';;', []],
  ])('splits %j', (text, commands) => {
    expect(shellCommands(text)).toEqual(commands);
  });

  test.each([
    ["echo 'a b; c'", ['echo', 'a b; c']],
    ["echo 'it''s'", ['echo', 'its']],
    ["pre'fix' x", ['prefix', 'x']],
    ["cmd '' x", ['cmd', '', 'x']],
    ["echo 'open", ['echo', 'open']],
    ["echo 'a\\b'", ['echo', 'a\\b']],
    ['echo "a \\"b\\" c"', ['echo', 'a "b" c']],
    ['echo "x"y"z"', ['echo', 'xyz']],
    ['cmd "" x', ['cmd', '', 'x']],
    ['echo "open', ['echo', 'open']],
    ['echo "end\\', ['echo', 'end\\']],
    ['echo a\\ b', ['echo', 'a b']],
    ['echo \\;', ['echo', ';']],
    ['echo \\$HOME', ['echo', '$HOME']],
    ['echo a\\', ['echo', 'a\\']],
  ])('keeps quoted and escaped text in one word: %j', (text, words) => {
    expect(shellCommands(text)).toEqual([words]);
  });
});
