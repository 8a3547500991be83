/** Waiting for an engine to answer again, after a crash or a restart. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ContainerEngine, EngineHealth } from './types.js';

export interface WaitHealthyOptions {
  /** How long to keep asking. */
  timeoutMs: number;
  /** Pause between two questions. */
  intervalMs?: number;
  signal?: AbortSignal;
}

/** Asks until the engine answers or the time is up; returns the last answer. */
export async function waitHealthy(engine: ContainerEngine, options: WaitHealthyOptions): Promise<EngineHealth> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const remaining = deadline - Date.now();
    const health = await engine.health({ signal: options.signal, timeoutMs: Math.max(1_000, remaining) });
    if (health.ok || Date.now() >= deadline) return health;
    await sleep(Math.min(options.intervalMs ?? 2_000, Math.max(0, deadline - Date.now())), undefined, { signal: options.signal });
  }
}
