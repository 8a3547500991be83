// The `paths` lists read from a workflow file, how they are compared with the filter the
// configuration makes (what `paths --check` reports), and the YAML `paths:` key written for them.
import { parse } from 'yaml';
import { pathsDrift, pathsYaml, workflowPathsLists } from '../../src/image-inputs/paths-workflow.js';

describe('workflowPathsLists', () => {
  test('reads every event that has a paths list, in the order of the events', () => {
    const workflow = [
      'on:',
      '  push:',
      '    branches: [main]',
      '    paths: [go.mod, "cmd/**"]',
      '  workflow_dispatch: {}',
      '  pull_request:',
      '    paths:',
      '      - go.sum',
      '      - 42',
      'jobs: {}',
    ].join('\n');
    expect(workflowPathsLists(workflow)).toEqual([
      { event: 'push', paths: ['go.mod', 'cmd/**'] },
      { event: 'pull_request', paths: ['go.sum', '42'] },
    ]);
  });

  test.each([
    ['an empty file', ''],
    ['a document that is a list', '- on\n- push\n'],
    ['a document that is a string', 'just text\n'],
    ['no on key', 'name: ci\njobs: {}\n'],
    ['on as one event name', 'on: push\n'],
    ['on as a list of events', 'on: [push, pull_request]\n'],
    ['on as a list of filters', 'on:\n  - paths: [go.mod]\n'],
    ['on with a null value', 'on:\n'],
    ['events without paths', 'on:\n  push:\n    branches: [main]\n  pull_request:\n'],
    ['paths that is not a list', 'on:\n  push:\n    paths: go.mod\n'],
    ['an event that is a list', 'on:\n  push: [paths]\n'],
  ])('finds no list in %s', (_name, workflow) => {
    expect(workflowPathsLists(workflow)).toEqual([]);
  });
});

describe('pathsDrift', () => {
  const expected = ['go.mod', 'go.sum', 'cmd/**'];

  test('a list equal to the filter, in the same order, is not reported', () => {
    expect(pathsDrift([{ event: 'push', paths: [...expected] }], expected)).toEqual([]);
  });

  test('no lists, no drift', () => {
    expect(pathsDrift([], expected)).toEqual([]);
  });

  test('reports what a list lacks and what it has more, per event', () => {
    const lists = [
      { event: 'push', paths: ['go.mod', 'docs/**', 'cmd/**'] },
      { event: 'pull_request', paths: [...expected] },
      { event: 'merge_group', paths: ['go.mod', 'go.sum'] },
      { event: 'workflow_call', paths: [...expected, 'Makefile'] },
    ];
    expect(pathsDrift(lists, expected)).toEqual([
      { event: 'push', missing: ['go.sum'], extra: ['docs/**'] },
      { event: 'merge_group', missing: ['cmd/**'], extra: [] },
      { event: 'workflow_call', missing: [], extra: ['Makefile'] },
    ]);
  });

  test('a list with the same entries in another order is reported, with nothing missing or extra', () => {
    // Order matters in a paths filter: a later `!pattern` only excludes what earlier ones matched.
    const lists = [{ event: 'push', paths: ['go.sum', 'go.mod', 'cmd/**'] }];
    expect(pathsDrift(lists, expected)).toEqual([{ event: 'push', missing: [], extra: [] }]);
  });

  test('an empty list lacks the whole filter', () => {
    expect(pathsDrift([{ event: 'push', paths: [] }], expected)).toEqual([
      { event: 'push', missing: expected, extra: [] },
    ]);
  });
});

describe('pathsYaml', () => {
  test('writes a paths key that parses back to the same list, long entries on one line', () => {
    const paths = ['go.mod', '!docs/**', `docs/${'a long folder name with spaces/'.repeat(4)}**`, '*.go'];
    const yaml = pathsYaml(paths);
    expect(parse(yaml)).toEqual({ paths });
    expect(yaml.split('\n').filter((line) => line.length > 0)).toHaveLength(paths.length + 1);
    expect(yaml.startsWith('paths:\n')).toBe(true);
  });
});
