// How schema complaints read in the configuration file's terms.
import { z } from 'zod';
import { problemLocation } from '../../src/config/index.js';
import { IssueReporter, type Origin } from '../../src/config/issues.js';
import { configFileRepo, FILE } from './config-file.js';

const { problems } = configFileRepo();

test.each([
  ['cluster: oops', `${FILE}: cluster (line 1): got 'oops'; expected a mapping`],
  ['cluster: [a]', `${FILE}: cluster (line 1): got ["a"]; expected a mapping`],
  ['cluster: {portMappings: {a: 1}}', `${FILE}: cluster.portMappings (line 1): got {"a":1}; expected a list`],
])('a section of the wrong shape: %s', (yaml, problem) => {
  expect(problems(`${yaml}\n`)).toEqual([problem]);
});

test('a section of the wrong shape stays the problem when an input sets a key inside it', () => {
  expect(problems('cluster: 5\n', { 'cluster-name': 'x' })).toEqual([`${FILE}: cluster (line 1): got 5; expected a mapping`]);
});

test('each bad word of a command list is reported, not the command as a whole', () => {
  expect(problems('suite: {command: [make, 5, ""]}\n')).toEqual([
    expect.stringMatching(new RegExp(`^${FILE.replace(/\./g, '\\.')}: suite\\.command\\[1\\] \\(line 1\\): got 5; expected a command`)),
    `${FILE}: suite.command[2] (line 1): got ''; expected a non-empty word`,
  ]);
});

test('a bad map key is named, without repeating it as the value', () => {
  expect(problems('images: {Api: {dockerfile: D}}\n')).toEqual([
    `${FILE}: images.Api (line 1): invalid name 'Api'; expected an image name: lowercase letters, digits and '-', starting and ending alphanumeric, at most 63 characters`,
  ]);
});

describe('IssueReporter on schemas without messages of their own', () => {
  const inFile: Origin = { source: 'file', file: 'e2e.yaml', line: 4 };

  function report(schema: z.ZodType, data: unknown): string[] {
    const reporter = new IssueReporter();
    const result = schema.safeParse(data, { reportInput: true, error: reporter.errorMap });
    if (result.success) throw new Error('the data was accepted');
    return reporter.problems(result.error.issues, () => inFile).map((p) => `${problemLocation(p)}: ${p.message}`);
  }

  test('a choice lists the allowed values', () => {
    expect(report(z.strictObject({ mode: z.enum(['fast', 'safe']) }), { mode: 'quick' })).toEqual([
      "e2e.yaml: mode (line 4): got 'quick'; expected one of 'fast', 'safe'",
    ]);
  });

  test('a mapping that takes no keys says so', () => {
    expect(report(z.strictObject({ extra: z.strictObject({}) }), { extra: { a: 1 } })).toEqual([
      'e2e.yaml: extra.a (line 4): unknown key; nothing is allowed here',
    ]);
  });
});
