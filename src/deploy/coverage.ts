/**
 * The coverage switch, applied in code so the manifests stay free of it. A Go binary built with `-cover`
 * writes its counters to $GOCOVERDIR when it exits; that folder is a hostPath on the kind node, whose
 * own mount brings the files out to the runner. The same path is used inside the pod and on the node.
 */
import { isAbsolute } from 'node:path';
import type { KubeObject } from '../kube/types.js';
import { type Container, type PodSpec, podSpecOf } from './pod-spec.js';

export interface CoverageOptions {
  /** Names of the Deployments whose binaries are built for coverage. */
  deployments: readonly string[];
  /** The folder, in the pod and on the node (e.g. `/coverdata`). */
  podDir: string;
}

const COVERAGE_VOLUME = 'coverdata';

export function coverageOptionsProblem(options: CoverageOptions): string | undefined {
  return isAbsolute(options.podDir) ? undefined : `coverage podDir "${options.podDir}" must be an absolute path`;
}

function upsert<T extends { name: string }>(list: T[] | undefined, item: T): T[] {
  return [...(list ?? []).filter((x) => x.name !== item.name), item];
}

function instrument(container: Container, podSpec: PodSpec, podDir: string): void {
  container.env = upsert(container.env, { name: 'GOCOVERDIR', value: podDir });
  container.volumeMounts = upsert(container.volumeMounts, { name: COVERAGE_VOLUME, mountPath: podDir });
  // The hostPath folder is created by (and belongs to) root on the node: the binary must run as root to write there.
  const nonRootRequired = container.securityContext?.runAsNonRoot ?? podSpec.securityContext?.runAsNonRoot;
  container.securityContext = { ...container.securityContext, runAsUser: 0, ...(nonRootRequired ? { runAsNonRoot: false } : {}) };
}

/** Adds the coverage env, mount, hostPath volume and root user to a Deployment's containers, in place. */
export function applyCoverage(obj: KubeObject, podDir: string): void {
  const spec = podSpecOf(obj);
  if (obj.kind !== 'Deployment' || !spec) return;
  for (const container of spec.containers ?? []) instrument(container, spec, podDir);
  spec.volumes = upsert(spec.volumes, { name: COVERAGE_VOLUME, hostPath: { path: podDir, type: 'DirectoryOrCreate' } });
}
