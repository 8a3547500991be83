/** Starting a run and reading its spans, shared by the scheduler tests written after graph.test.ts. */
import { runGraph, type GraphOptions, type GraphResult } from '../../src/scheduler/graph.js';
import type { Span, Task } from '../../src/scheduler/task.js';
import { silentLog } from './harness.js';

export function start(tasks: Task[], options: Partial<GraphOptions> = {}): Promise<GraphResult> {
  return runGraph(tasks, { concurrency: 4, log: silentLog(), ...options });
}

export function outcomes(result: GraphResult): Record<string, Span['outcome']> {
  return Object.fromEntries(result.spans.map((span) => [span.id, span.outcome]));
}

export function spanOf(result: GraphResult, id: string): Span {
  return result.spans.find((span) => span.id === id) as Span;
}
