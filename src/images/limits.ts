/**
 * How much may run at once while images build. Builds are packed by the memory each is expected
 * to take (ImagePlan.memoryMiB) into what the machine can spare; heavy builds never overlap (the
 * scheduler's own rule). A `build-concurrency` number replaces this with a plain limit.
 */
import os from 'node:os';
import type { BuildSettings } from '../config/index.js';

export interface Machine {
  totalMemoryMiB: number;
  cpus: number;
}

export interface ImageLimits {
  /** For the task graph's `concurrency`. */
  concurrency: number;
  /** For the task graph's `memoryBudgetMiB`; undefined: no memory limit (an explicit concurrency). */
  memoryBudgetMiB?: number;
}

/** Kept for the kind node, the OS and the action itself: a quarter of the memory, at least 2 GiB. */
export function memoryReserveMiB(totalMemoryMiB: number): number {
  return Math.max(2048, Math.round(totalMemoryMiB / 4));
}

/** With `auto`, memory does the limiting; this only bounds how many tasks of any kind run together. */
export function autoConcurrency(cpus: number): number {
  return Math.min(16, Math.max(2, 2 * cpus));
}

export function currentMachine(): Machine {
  return { totalMemoryMiB: Math.floor(os.totalmem() / (1024 * 1024)), cpus: os.availableParallelism() };
}

export function imageLimits(
  build: Pick<BuildSettings, 'concurrency' | 'memoryBudgetMiB'>,
  machine: Machine = currentMachine(),
): ImageLimits {
  const concurrency = build.concurrency === 'auto' ? autoConcurrency(machine.cpus) : build.concurrency;
  if (build.memoryBudgetMiB !== 'auto') return { concurrency, memoryBudgetMiB: build.memoryBudgetMiB };
  if (build.concurrency !== 'auto') return { concurrency };
  const spare = machine.totalMemoryMiB - memoryReserveMiB(machine.totalMemoryMiB);
  // A machine too small for any reserve still builds: one image at a time (a task above the budget runs alone).
  return { concurrency, memoryBudgetMiB: Math.max(512, spare) };
}
