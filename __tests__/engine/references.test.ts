import { digestIn, isLoopbackRegistry, onLoopbackRegistry, qualifiedForPull } from '../../src/engine/references.js';

describe('loopback registries (plain HTTP allowed for podman)', () => {
  it.each(['localhost', 'localhost:5000', '127.0.0.1:5000', '127.1.2.3', '[::1]:5000'])('%s is loopback', (registry) => {
    expect(isLoopbackRegistry(registry)).toBe(true);
  });

  it.each(['ghcr.io', '128.0.0.1:5000', 'localhost.example.com', '10.0.0.1:5000', 'registry:5000'])('%s is not', (registry) => {
    expect(isLoopbackRegistry(registry)).toBe(false);
  });

  it('looks at the registry of a reference, not at its path', () => {
    expect(onLoopbackRegistry('127.0.0.1:5000/team/app:1')).toBe(true);
    expect(onLoopbackRegistry('ghcr.io/localhost/app:1')).toBe(false);
    expect(onLoopbackRegistry('postgres:16-alpine')).toBe(false);
  });
});

describe('names', () => {
  it('qualifies Docker Hub names for pulling', () => {
    expect(qualifiedForPull('postgres:16-alpine')).toBe('docker.io/library/postgres:16-alpine');
    expect(qualifiedForPull('bitnami/redis:7')).toBe('docker.io/bitnami/redis:7');
    expect(qualifiedForPull('ghcr.io/kubernaut/ds:1')).toBe('ghcr.io/kubernaut/ds:1');
  });

  it('finds the registry digest of the reference among the digests an engine lists', () => {
    const digest = `sha256:${'c'.repeat(64)}`;
    const other = `sha256:${'d'.repeat(64)}`;
    expect(digestIn([`localhost/exp@${other}`, `127.0.0.1:5000/exp/p@${digest}`], '127.0.0.1:5000/exp/p:1')).toBe(digest);
    // docker lists Docker Hub images by their short name
    expect(digestIn([`postgres@${digest}`], 'docker.io/library/postgres:16-alpine')).toBe(digest);
    expect(digestIn([`127.0.0.1:5000/exp/q@${digest}`], '127.0.0.1:5000/exp/p:1')).toBeNull();
  });
});
