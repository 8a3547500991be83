// A newline ends a command as `;` does: the lines of a heredoc RUN step are separate commands,
// while a newline inside quotes stays in its word.
import { shellCommands } from '../../src/image-inputs/shell-words.js';

describe('shellCommands and newlines', () => {
  test('each line of a multi-line step is its own command', () => {
    expect(shellCommands('go mod download\ngo build -o /app ./cmd/app\n')).toEqual([
      ['go', 'mod', 'download'],
      ['go', 'build', '-o', '/app', './cmd/app'],
    ]);
  });

  test('a newline inside quotes is part of the word', () => {
    expect(shellCommands('printf "a\nb" \'c\nd\'\nls')).toEqual([['printf', 'a\nb', 'c\nd'], ['ls']]);
  });
});
