// The exact reasons given for refused image references, repository paths and prefixes.
import {
  InvalidReferenceError,
  parseReference,
  referenceProblem,
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
