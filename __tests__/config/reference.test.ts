import {
  formatReference,
  InvalidReferenceError,
  isValidTag,
  parseReference,
  parseRepositoryPrefix,
  referenceProblem,
  referenceUnder,
  repositoryPathProblem,
  repositoryPrefixProblem,
} from '../../src/config/reference.js';

const SHA = 'sha256:44e222ee2132dab25ff87301682f89eb82c7880ea3a1bf543bfe9708fd08d67d';

describe('parseReference', () => {
  test.each([
    ['postgres', { path: 'postgres' }],
    ['postgres:16-alpine', { path: 'postgres', tag: '16-alpine' }],
    ['library/redis:7-alpine', { path: 'library/redis', tag: '7-alpine' }],
    ['ghcr.io/kubernaut/kubernaut-datastorage:e2e', { registry: 'ghcr.io', path: 'kubernaut/kubernaut-datastorage', tag: 'e2e' }],
    ['localhost:5000/team/app', { registry: 'localhost:5000', path: 'team/app' }],
    ['localhost/app:1', { registry: 'localhost', path: 'app', tag: '1' }],
    ['127.0.0.1:5000/app@' + SHA, { registry: '127.0.0.1:5000', path: 'app', digest: SHA }],
    [`kindest/node:v1.34.11@${SHA}`, { path: 'kindest/node', tag: 'v1.34.11', digest: SHA }],
    ['[::1]:5000/app:latest', { registry: '[::1]:5000', path: 'app', tag: 'latest' }],
    ['a_b__c---d/e.f:T_1.x-y', { path: 'a_b__c---d/e.f', tag: 'T_1.x-y' }],
    ['my-registry.example:443/a/b/c', { registry: 'my-registry.example:443', path: 'a/b/c' }],
    ['Registry.Example/app', { registry: 'Registry.Example', path: 'app' }],
    ['localhost:5000', { path: 'localhost', tag: '5000' }],
  ])('%s', (text, expected) => {
    expect(parseReference(text)).toEqual(expected);
    expect(formatReference(parseReference(text))).toBe(text);
    expect(referenceProblem(text)).toBeUndefined();
  });

  test.each([
    ['', /empty/],
    ['Postgres:16', /path component 'Postgres'/],
    ['postgres:', /tag ''/],
    ['postgres:-bad', /tag '-bad'/],
    [`postgres:${'x'.repeat(129)}`, /tag/],
    ['ghcr.io/', /empty/],
    ['team//app', /empty component/],
    ['team/app/', /empty component/],
    ['_app', /path component '_app'/],
    ['app_', /path component 'app_'/],
    ['a___b', /path component 'a___b'/],
    ['a..b', /path component 'a..b'/],
    ['a-.b', /path component 'a-.b'/],
    ['app@sha256:abc', /digest 'sha256:abc'/],
    ['app@sha256:' + 'a'.repeat(63), /64 lowercase hex digits/],
    ['app@sha256:' + SHA.slice(7).toUpperCase(), /64 lowercase hex digits/],
    ['a.b_c/app', /'a.b_c' is not a valid registry/],
    ['app@sha512:' + 'a'.repeat(64), /128 lowercase hex digits/],
    ['ghcr.io:port/app', /registry host\[:port\]/],
    ['-bad.io/app', /registry host\[:port\]/],
    ['app name', /path component 'app name'/],
    [`${'a'.repeat(256)}:1`, /longer than 255/],
  ])('rejects %s', (text, reason) => {
    expect(referenceProblem(text)).toMatch(reason);
    expect(() => parseReference(text)).toThrow(InvalidReferenceError);
  });

  test('the error keeps the text and the reason', () => {
    const error = (() => {
      try {
        parseReference('Bad:1');
      } catch (caught) {
        return caught as InvalidReferenceError;
      }
      throw new Error('parseReference accepted Bad:1');
    })();
    expect(error.text).toBe('Bad:1');
    expect(error.message).toContain("'Bad:1'");
    expect(error.reason).toMatch(/Bad/);
  });
});

describe('tags', () => {
  test.each([
    ['latest', true],
    ['v1.34.11', true],
    ['_x', true],
    ['9', true],
    ['x'.repeat(128), true],
    ['x'.repeat(129), false],
    ['.x', false],
    ['-x', false],
    ['a/b', false],
    ['', false],
  ])('%s → %s', (tag, valid) => {
    expect(isValidTag(tag)).toBe(valid);
  });
});

describe('repository paths and prefixes', () => {
  test.each(['kubernaut-datastorage', 'team/app', 'a.b/c_d/e__f'])('path %s is valid', (text) => {
    expect(repositoryPathProblem(text)).toBeUndefined();
  });

  test.each(['ghcr.io:1/app', 'app:1', 'App', '', 'a//b'])('path %s is invalid', (text) => {
    expect(repositoryPathProblem(text)).toBeDefined();
  });

  test.each([
    ['ghcr.io/kubernaut', { registry: 'ghcr.io', path: 'kubernaut' }],
    ['localhost:5000', { registry: 'localhost:5000' }],
    ['kubernaut', { path: 'kubernaut' }],
    ['quay.io/org/team', { registry: 'quay.io', path: 'org/team' }],
  ])('prefix %s', (text, expected) => {
    expect(parseRepositoryPrefix(text)).toEqual(expected);
  });

  test.each([
    ['ghcr.io/kubernaut:v1', /no tag or digest/],
    ['ghcr.io/kubernaut@' + SHA, /no tag or digest/],
    ['ghcr.io/', /empty/],
    ['ghcr.io:x', /registry host\[:port\]/],
    ['Kubernaut/x/Y', /path component 'Y'/],
  ])('prefix %s is invalid', (text, reason) => {
    expect(repositoryPrefixProblem(text)).toMatch(reason);
    expect(() => parseRepositoryPrefix(text)).toThrow(InvalidReferenceError);
  });

  test('referenceUnder places a repository under a prefix', () => {
    expect(formatReference(referenceUnder('ghcr.io/kubernaut', 'kubernaut-aianalysis', 'abc'))).toBe(
      'ghcr.io/kubernaut/kubernaut-aianalysis:abc',
    );
    expect(formatReference(referenceUnder('localhost:5000', 'app'))).toBe('localhost:5000/app');
    expect(formatReference(referenceUnder('', 'app', 't'))).toBe('app:t');
  });
});
