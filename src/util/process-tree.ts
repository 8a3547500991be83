/**
 * Stopping a whole process tree. Programs are started in their own process group, so signalling
 * the group reaches grandchildren too (a build tool's workers, a shell's background jobs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { formatDuration } from './duration.js';
import type { Log } from './log.js';
import { killGraceAfter } from './urgent-stop.js';

const POLL_MS = 50;
/** SIGKILL cannot be refused, but delivery and teardown take a moment: bounded, never a hang. */
const KILL_SETTLE_MS = 5_000;

/**
 * SIGTERM to the group, then SIGKILL to whatever is left of it after `graceMs`. Resolves once no
 * member is left, so that the caller reads reports, retries or reuses ports with the tree gone.
 */
export async function stopProcessGroup(pgid: number, graceMs: number): Promise<void> {
  signalGroup(pgid, 'SIGTERM');
  if (await goneWithin(pgid, graceMs)) return;
  signalGroup(pgid, 'SIGKILL');
  await goneWithin(pgid, KILL_SETTLE_MS);
}

async function goneWithin(pgid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (groupAlive(pgid)) {
    if (Date.now() >= deadline) return false;
    await delay(POLL_MS);
  }
  return true;
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

export interface TreeStopperOptions {
  /** The program's process group (its pid: it was started detached). */
  pid: number;
  /** Its name, for the log line. */
  program: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Between SIGTERM and SIGKILL; shortened after an urgent stop (see urgent-stop). */
  killGraceMs: number;
  /** Gets the line saying why the tree is stopped. */
  printer?: Log;
}

/** Stops the program's process tree when it times out or the run is cancelled, whichever comes first. */
export class TreeStopper {
  timedOut = false;
  cancelled = false;
  private stopping: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly onAbort: () => void;

  constructor(private readonly options: TreeStopperOptions) {
    const { timeoutMs, signal, killGraceMs } = options;
    this.timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            if (this.stopping) return;
            this.timedOut = true;
            this.stop(`timed out after ${formatDuration(timeoutMs)}`, killGraceMs);
          }, timeoutMs);
    this.onAbort = () => {
      if (this.stopping) return;
      this.cancelled = true;
      this.stop('was cancelled', killGraceAfter(signal, killGraceMs));
    };
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  private stop(reason: string, graceMs: number): void {
    this.options.printer?.info(`${this.options.program} ${reason}: stopping it and its child processes`);
    this.stopping ??= stopProcessGroup(this.options.pid, graceMs);
  }

  /** No more stopping: the program has ended. */
  dispose(): void {
    clearTimeout(this.timer);
    this.options.signal?.removeEventListener('abort', this.onAbort);
  }

  /** Resolves once a stop that was started has finished with the tree. */
  async stopped(): Promise<void> {
    await this.stopping;
  }
}
