/** Tasks whose progress a test controls step by step, and what they observed while running. */
import { consoleLog, type Log } from '../../src/util/log.js';
import type { Task, TaskContext } from '../../src/scheduler/task.js';

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise reaction run (the scheduler reacts in microtasks, never on timers). */
export function settled(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function silentLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(consoleLog({ write: (text: string) => lines.push(...text.trimEnd().split('\n')) }), { lines });
}

/** Each task waits for the test to `finish` or `fail` it; the harness records what ran when. */
export class Harness {
  readonly running = new Set<string>();
  readonly started: string[] = [];
  readonly contexts = new Map<string, TaskContext>();
  maxRunning = 0;
  private readonly gates = new Map<string, Deferred<unknown>>();

  task(id: string, extra: Partial<Task> = {}): Task {
    return {
      id,
      title: `Task ${id}`,
      phase: 'test',
      run: async (ctx) => {
        this.running.add(id);
        this.started.push(id);
        this.contexts.set(id, ctx);
        this.maxRunning = Math.max(this.maxRunning, this.running.size);
        const gate = deferred<unknown>();
        this.gates.set(id, gate);
        ctx.signal.addEventListener('abort', () => gate.reject(ctx.signal.reason));
        try {
          return await gate.promise;
        } finally {
          this.running.delete(id);
        }
      },
      ...extra,
    };
  }

  async finish(id: string, value?: unknown): Promise<void> {
    this.gate(id).resolve(value);
    await settled();
  }

  async fail(id: string, error: unknown): Promise<void> {
    this.gate(id).reject(error);
    await settled();
  }

  private gate(id: string): Deferred<unknown> {
    const gate = this.gates.get(id);
    if (!gate || !this.running.has(id)) throw new Error(`task ${id} is not running`);
    return gate;
  }
}
