import { CommandLineError, splitCommandLine } from '../../src/config/argv.js';

describe('splitCommandLine', () => {
  test.each([
    ['make test-e2e-aianalysis', ['make', 'test-e2e-aianalysis']],
    ['  ginkgo   -v\t--procs=4\n ./test/e2e/aianalysis/... ', ['ginkgo', '-v', '--procs=4', './test/e2e/aianalysis/...']],
    [`ginkgo '--focus=Full flow' x`, ['ginkgo', '--focus=Full flow', 'x']],
    [`ginkgo --focus="a b"`, ['ginkgo', '--focus=a b']],
    [`echo "say \\"hi\\" \\\\ \\n"`, ['echo', 'say "hi" \\ \\n']],
    [`echo '$HOME | x' "a;b"`, ['echo', '$HOME | x', 'a;b']],
    [`echo '' ""`, ['echo', '', '']],
    [`a'b'"c"d`, ['abcd']],
    [`echo 'it"s'`, ['echo', 'it"s']],
  ])('%s', (line, argv) => {
    expect(splitCommandLine(line)).toEqual(argv);
  });

  test.each([
    ['make a && make b', /'&' is shell syntax/, 7],
    ['make | tee', /'\|' is shell syntax/, 5],
    ['echo $HOME', /'\$' is shell syntax/, 5],
    ['echo `id`', /'`' is shell syntax/, 5],
    ['make > out', /'>' is shell syntax/, 5],
    ['echo a\\ b', /backslash outside quotes/, 6],
    [`echo 'open`, /unterminated single quote/, 5],
    [`echo "open \\"`, /unterminated double quote/, 5],
    ['   ', /empty/, 0],
  ])('rejects %s', (line, reason, position) => {
    let error: unknown;
    try {
      splitCommandLine(line);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CommandLineError);
    expect((error as CommandLineError).message).toMatch(reason);
    expect((error as CommandLineError).position).toBe(position);
  });
});
