/**
 * Which run a kind cluster belongs to. Runs on one machine share the container engine, so a
 * second run with the same cluster name must not delete the first one's cluster mid-suite, and
 * the first run's post step must not delete the second's. kind clusters carry no owner, so each
 * one the action creates gets an owner file on the machine (`<tmpdir>/aianalysis-e2e-clusters/
 * <provider>-<name>.json`: the run's id, its process and host).
 *
 * A run may take over a cluster whose owner file names a run that has ended (its process is
 * gone: a crashed or kept run); it refuses a cluster whose owner is still running, and one with
 * no owner file at all (created by hand or by something else), naming the cluster and what to do.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeNamedFile } from '../util/file-write.js';

/** This process's run. The post step is another process: it compares the id its state saved. */
export const RUN_ID = randomUUID();

/** A run that claims a cluster: this process's run unless told otherwise. */
export interface Claimant {
  runId: string;
  pid: number;
}

const THIS_RUN: Claimant = { runId: RUN_ID, pid: process.pid };

interface ClusterOwner extends Claimant {
  host: string;
  since: string;
}

export class ClusterOwnershipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClusterOwnershipError';
  }
}

function ownersDir(): string {
  return join(tmpdir(), 'aianalysis-e2e-clusters');
}

function ownerFile(provider: string, name: string): string {
  return join(ownersDir(), `${provider}-${name}.json`);
}

async function readOwner(provider: string, name: string): Promise<ClusterOwner | undefined> {
  let text: string;
  try {
    text = await readFile(ownerFile(provider, name), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<ClusterOwner>;
    if (typeof parsed.runId === 'string' && typeof parsed.pid === 'number' && typeof parsed.host === 'string') return parsed as ClusterOwner;
  } catch {
    // An unreadable owner file names no live run.
  }
  return { runId: '', pid: 0, host: '', since: '' };
}

function stillRunning(owner: ClusterOwner): boolean {
  if (owner.host !== hostname()) return owner.host !== '';
  if (owner.pid <= 0) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Makes this run the owner of cluster `name` before it creates, replaces or reuses it. `exists`:
 * whether kind lists a cluster of that name. Throws a ClusterOwnershipError when it is not this
 * run's to touch.
 */
export async function claimCluster(provider: string, name: string, exists: boolean, claimant: Claimant = THIS_RUN): Promise<void> {
  const owner = await readOwner(provider, name);
  const nameIt = `a kind cluster named ${name} (${provider})`;
  if (owner === undefined && exists) {
    throw new ClusterOwnershipError(
      `${nameIt} exists that aianalysis-e2e did not create (no ${ownerFile(provider, name)}): it is left alone. ` +
        `Choose another cluster-name, or delete it yourself with: kind delete cluster --name ${name}`,
    );
  }
  if (owner !== undefined && owner.runId !== claimant.runId && stillRunning(owner)) {
    throw new ClusterOwnershipError(
      `${nameIt} belongs to another run that is still going (process ${owner.pid} on ${owner.host}, since ${owner.since}): ` +
        'it is left alone. Give this run another cluster-name (each concurrent run needs its own)',
    );
  }
  await mkdir(ownersDir(), { recursive: true });
  const record: ClusterOwner = { ...claimant, host: hostname(), since: new Date().toISOString() };
  await writeNamedFile(ownerFile(provider, name), `${JSON.stringify(record)}\n`);
}

/** Whether the owner file of cluster `name` names the run `runId`. */
export async function ownedBy(provider: string, name: string, runId: string): Promise<boolean> {
  return (await readOwner(provider, name))?.runId === runId;
}

/** Forgets the owner of a deleted cluster. */
export async function releaseCluster(provider: string, name: string): Promise<void> {
  await rm(ownerFile(provider, name), { force: true });
}
