// The exact reasons given for refused image references, repository paths and prefixes.
import {
  InvalidReferenceError,
  parseReference,
  referenceProblem,
  referenceUnder,
  repositoryPathProblem,
  repositoryPrefixProblem,
  standaloneRepositoryProblem,
} from '../../src/config/reference.js';

test.each([
  [referenceProblem, '', 'the reference is empty'],
  [referenceProblem, 'a'.repeat(256), 'the name is longer than 255 characters'],
  [referenceProblem, `r.io/${'a'.repeat(251)}`, 'the name is longer than 255 characters'],
  [referenceProblem, 'localhost:/app', "'localhost:' is not a valid registry host[:port]"],
  [repositoryPathProblem, '', 'the repository path is empty'],
  [repositoryPathProblem, 'a'.repeat(256), 'the repository path is longer than 255 characters'],
  [repositoryPrefixProblem, '', 'the registry is empty'],
  [standaloneRepositoryProblem, 'ghcr.io/team/app', "'ghcr.io' would be read as a registry host; the registry is set apart from the repository"],
])('%p(%s) says %s', (check, text, reason) => {
  expect(check(text)).toBe(reason);
});

test.each([
  [referenceProblem, 'a'.repeat(255)],
  [repositoryPathProblem, 'a'.repeat(255)],
  [standaloneRepositoryProblem, 'tools.v2'],
  [standaloneRepositoryProblem, 'team/app.v2'],
  [standaloneRepositoryProblem, 'kubernaut-aianalysis'],
])('%p accepts %s', (check, text) => {
  expect(check(text)).toBeUndefined();
});

test('only the first component can name a registry', () => {
  expect(parseReference('a/b.c')).toEqual({ path: 'a/b.c' });
  expect(parseReference('a/b.c:1')).toEqual({ path: 'a/b.c', tag: '1' });
});

test('a refused reference throws an error named InvalidReferenceError', () => {
  expect(() => parseReference('')).toThrow(expect.objectContaining({ name: 'InvalidReferenceError', message: "invalid image reference '': the reference is empty" }));
  expect(() => parseReference('')).toThrow(InvalidReferenceError);
});

describe('a reference holds only the parts it has', () => {
  const SHA = `sha256:${'0123456789abcdef'.repeat(4)}`;

  test.each([
    ['postgres', { path: 'postgres' }],
    ['postgres:16', { path: 'postgres', tag: '16' }],
    [`postgres@${SHA}`, { path: 'postgres', digest: SHA }],
    ['ghcr.io/team/app', { registry: 'ghcr.io', path: 'team/app' }],
  ])('%s', (text, parts) => {
    expect(parseReference(text)).toStrictEqual(parts);
  });

  test.each([
    ['', 'app', undefined, { path: 'app' }],
    ['kubernaut', 'app', undefined, { path: 'kubernaut/app' }],
    ['localhost:5000', 'app', 'e2e', { registry: 'localhost:5000', path: 'app', tag: 'e2e' }],
  ])('%s + %s + %s', (prefix, repository, tag, parts) => {
    expect(referenceUnder(prefix, repository, tag)).toStrictEqual(parts);
  });
});
