/**
 * Stopping a whole process tree. Programs are started in their own process group, so signalling
 * the group reaches grandchildren too (a build tool's workers, a shell's background jobs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

const POLL_MS = 50;

/** SIGTERM to the group, then SIGKILL to whatever is left of it after `graceMs`. */
export async function stopProcessGroup(pgid: number, graceMs: number): Promise<void> {
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid)) {
    if (Date.now() >= deadline) {
      signalGroup(pgid, 'SIGKILL');
      return;
    }
    await delay(POLL_MS);
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // Unreaped zombies still count as group members for kill(2). Where nothing reaps orphans
  // (containers whose PID 1 is not an init), that would hold every stop for the full grace.
  return process.platform !== 'linux' || hasLiveMemberOnLinux(pgid);
}

function hasLiveMemberOnLinux(pgid: number): boolean {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    if (stat !== undefined && stat.pgrp === pgid && stat.state !== 'Z') return true;
  }
  return false;
}

/** State and process group from /proc/<pid>/stat (fields after the parenthesised command name). */
function readStat(pid: number | string): { state: string; pgrp: number } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // the process ended while we looked
  }
  const [state, , pgrp] = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state, pgrp: Number(pgrp) };
}
