// The cluster record the cluster task saves for the post step (and the local command's cleanup),
// and its validation: the state is read back from a file of the runner, so every field is
// checked before anything acts on it, and a bad record is reported, never a stack trace.
import { isAbsolute } from 'node:path';
import { parseSavedObject } from './saved-state.js';

export interface ClusterRecord {
  name: string;
  provider: 'docker' | 'podman';
  kindPath: string;
  workDir: string;
  keep: boolean;
  /** The run that created the cluster (see cluster/ownership). */
  runId: string;
}

const CLUSTER_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** The record in `saved`, or an Error naming the field that is not valid. */
export function parseClusterRecord(saved: string): ClusterRecord {
  const value = parseSavedObject<ClusterRecord>(saved);
  const { name, provider, kindPath, workDir, keep, runId } = value;
  if (typeof name !== 'string' || !CLUSTER_NAME.test(name)) throw new Error('name is not a kind cluster name');
  if (provider !== 'docker' && provider !== 'podman') throw new Error("provider is neither 'docker' nor 'podman'");
  if (typeof kindPath !== 'string' || !isAbsolute(kindPath)) throw new Error('kindPath is not an absolute path');
  if (typeof workDir !== 'string' || !isAbsolute(workDir)) throw new Error('workDir is not an absolute path');
  if (typeof keep !== 'boolean') throw new Error('keep is not true or false');
  if (typeof runId !== 'string' || runId === '') throw new Error('runId is missing');
  return { name, provider, kindPath, workDir, keep, runId };
}
