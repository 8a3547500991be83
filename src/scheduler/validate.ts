/** Checks a task graph and its limits before anything runs, naming the task at fault. */
import type { Task } from './task.js';

export class GraphError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphError';
  }
}

export interface GraphLimits {
  concurrency: number;
  memoryBudgetMiB?: number;
}

export function validateGraph(tasks: readonly Task[], limits: GraphLimits): void {
  checkLimits(limits);
  const byId = new Map<string, Task>();
  for (const task of tasks) {
    if (typeof task.id !== 'string' || task.id.trim() === '') {
      throw new GraphError(`a task has an empty id (title: ${JSON.stringify(task.title)}); every task needs a unique id`);
    }
    if (byId.has(task.id)) throw new GraphError(`task id "${task.id}" is used by more than one task; ids must be unique`);
    byId.set(task.id, task);
    checkTask(task);
  }
  for (const task of tasks) {
    for (const need of task.needs ?? []) {
      if (!byId.has(need)) {
        throw new GraphError(`task "${task.id}" needs "${need}", which is not a task; known tasks: ${[...byId.keys()].join(', ')}`);
      }
    }
  }
  const cycle = findCycle(tasks, byId);
  if (cycle) throw new GraphError(`tasks depend on each other in a cycle: ${cycle.join(' → ')}`);
}

function checkLimits({ concurrency, memoryBudgetMiB }: GraphLimits): void {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new GraphError(`concurrency must be a whole number of at least 1, got ${concurrency}`);
  }
  if (memoryBudgetMiB !== undefined && !(Number.isFinite(memoryBudgetMiB) && memoryBudgetMiB > 0)) {
    throw new GraphError(`memoryBudgetMiB must be a positive number of MiB, got ${memoryBudgetMiB}`);
  }
}

function checkTask(task: Task): void {
  const memory = task.weight?.memoryMiB;
  if (memory !== undefined && !(Number.isFinite(memory) && memory >= 0)) {
    throw new GraphError(`task "${task.id}": weight.memoryMiB must be a number of MiB >= 0, got ${memory}`);
  }
  if (task.timeoutMs !== undefined && !(Number.isFinite(task.timeoutMs) && task.timeoutMs > 0)) {
    throw new GraphError(`task "${task.id}": timeoutMs must be a positive number, got ${task.timeoutMs}`);
  }
  const attempts = task.retry?.attempts;
  if (attempts !== undefined && !(Number.isInteger(attempts) && attempts >= 1)) {
    throw new GraphError(`task "${task.id}": retry.attempts must be a whole number of at least 1, got ${attempts}`);
  }
}

/** The first cycle found, as the ids along it with the first repeated at the end. */
function findCycle(tasks: readonly Task[], byId: ReadonlyMap<string, Task>): string[] | undefined {
  const finished = new Set<string>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    const onPath = path.indexOf(id);
    if (onPath >= 0) return [...path.slice(onPath), id];
    if (finished.has(id)) return undefined;
    path.push(id);
    for (const need of byId.get(id)?.needs ?? []) {
      const cycle = visit(need);
      if (cycle) return cycle;
    }
    path.pop();
    finished.add(id);
    return undefined;
  };
  for (const task of tasks) {
    const cycle = visit(task.id);
    if (cycle) return cycle;
  }
  return undefined;
}
