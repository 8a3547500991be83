// What a user reads when a command line is refused: the reason and the 1-based character.
import { CommandLineError, splitCommandLine } from '../../src/config/argv.js';

function refusal(line: string): CommandLineError {
  try {
    splitCommandLine(line);
  } catch (error) {
    if (error instanceof CommandLineError) return error;
    throw error;
  }
  throw new Error(`splitCommandLine accepted ${line}`);
}

test.each([
  ['make a && make b', "'&' is shell syntax, and the command runs without a shell; quote it to pass it literally (at character 8)"],
  ['| tee', "'|' is shell syntax, and the command runs without a shell; quote it to pass it literally (at character 1)"],
  [`echo "open`, 'unterminated double quote (at character 6)'],
])('%s is refused, counting characters from 1', (line, message) => {
  const error = refusal(line);
  expect(error.message).toBe(message);
  expect(error.name).toBe('CommandLineError');
});
