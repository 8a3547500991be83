/** Real engines of the testbed, small build contexts, and what the registry holds. */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DockerEngine } from '../../src/engine/docker.js';
import { PodmanEngine } from '../../src/engine/podman.js';
import type { ContainerEngine } from '../../src/engine/types.js';
import { consoleLog, type Log } from '../../src/util/log.js';
import type { TestbedEnv } from '../testbed/env.js';

export interface CapturedLog extends Log {
  text(): string;
}

export function capturedLog(): CapturedLog {
  let text = '';
  return Object.assign(consoleLog({ write: (chunk: string) => (text += chunk) }, { debug: true }), { text: () => text });
}

export type EngineName = 'docker' | 'podman';

/** Docker with its classic BuildKit (no buildx here) or rootful Podman, as the testbed runs them. */
export function testbedEngine(
  name: EngineName,
  env: TestbedEnv,
  log: Log,
  extraEnv: Record<string, string> = {},
): ContainerEngine {
  const processEnv = { ...env.processEnv, ...extraEnv };
  return name === 'docker'
    ? new DockerEngine({ program: env.docker, builder: 'classic', log, env: processEnv })
    : new PodmanEngine({ program: env.podman, log, env: processEnv });
}

/** A name no other test (or earlier run) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/**
 * A build context of static busybox and a Dockerfile whose last RUN writes `marker`: a new
 * marker makes that step run, the same marker lets every step come from the cache.
 */
export async function busyboxContext(dockerfileBody = ''): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'engine-context-'));
  await mkdir(path.join(dir, 'bin'));
  await copyFile('/bin/busybox', path.join(dir, 'bin', 'busybox'));
  await writeFile(
    path.join(dir, 'Dockerfile'),
    [
      'FROM scratch',
      'COPY bin/busybox /bin/busybox',
      'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
      'ARG MARKER=none',
      'RUN echo "$MARKER" > /marker',
      dockerfileBody,
    ].join('\n'),
  );
  return dir;
}

const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
].join(', ');

/** The digest the registry serves for `repository:tag`, or undefined when it has no such manifest. */
export async function registryDigest(registry: string, repository: string, tag: string): Promise<string | undefined> {
  const response = await fetch(`http://${registry}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { Accept: MANIFEST_TYPES },
  });
  return response.ok ? (response.headers.get('docker-content-digest') ?? undefined) : undefined;
}

/** Removes a manifest the test pushed (the testbed registry allows deletes). */
export async function deleteFromRegistry(registry: string, repository: string, tag: string): Promise<void> {
  const digest = await registryDigest(registry, repository, tag);
  if (digest) await fetch(`http://${registry}/v2/${repository}/manifests/${digest}`, { method: 'DELETE' });
}
