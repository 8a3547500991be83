/**
 * What an image reference means to each engine.
 *
 * Registries on this machine's loopback (a `registry:2` on localhost:5000, say) usually speak
 * plain HTTP. Docker already allows that for 127.0.0.0/8; Podman must be told, per command,
 * with `--tls-verify=false`. Nothing else is ever contacted without TLS verification.
 *
 * Names without a registry: Docker and containerd (the kind nodes) read `postgres:16-alpine` as
 * `docker.io/library/postgres:16-alpine`, while Podman may refuse to guess a registry for a short
 * name it has to pull.
 */
import { isIPv4 } from 'node:net';
import { formatReference, parseReference } from '../config/index.js';

/** Whether `registry` (host[:port]) is localhost or a loopback address. */
export function isLoopbackRegistry(registry: string): boolean {
  const host = registry.startsWith('[') ? registry.slice(1, registry.indexOf(']')) : registry.replace(/:\d+$/, '');
  if (host === 'localhost' || host === '::1') return true;
  return isIPv4(host) && host.split('.')[0] === '127';
}

/** The registry of an image reference, or undefined for Docker Hub and local names. */
export function registryOf(reference: string): string | undefined {
  return parseReference(reference).registry;
}

/** Whether commands about `reference` must skip TLS verification (see the module comment). */
export function onLoopbackRegistry(reference: string): boolean {
  const registry = registryOf(reference);
  return registry !== undefined && isLoopbackRegistry(registry);
}

/** `postgres:16-alpine` → `docker.io/library/postgres:16-alpine`: the same image for every engine and for containerd. */
export function qualifiedForPull(reference: string): string {
  const parsed = parseReference(reference);
  if (parsed.registry !== undefined) return reference;
  const path = parsed.path.includes('/') ? parsed.path : `library/${parsed.path}`;
  return formatReference({ ...parsed, registry: 'docker.io', path });
}


/** The repository of a reference with the registry spelled out: `postgres@sha256:…` → `docker.io/library/postgres`. */
export function qualifiedRepository(reference: string): string {
  const { registry, path } = parseReference(qualifiedForPull(reference));
  return `${registry}/${path}`;
}

/** The registry digest an engine recorded for `reference`'s repository, if any. */
export function digestIn(repoDigests: readonly string[], reference: string): string | null {
  const repository = qualifiedRepository(reference);
  const match = repoDigests.find((entry) => qualifiedRepository(entry) === repository);
  return match === undefined ? null : (parseReference(match).digest ?? null);
}
