import type { Task } from '../../src/scheduler/task.js';
import { validateGraph } from '../../src/scheduler/validate.js';
import { start } from './run.js';

/**
 * `base`, then `depth` layers of two tasks that each need both tasks of the layer below, then
 * `top`: 2^depth paths lead from `top` to `base`. Counts how often any task's needs are read,
 * which is how much of the graph was walked.
 */
function layered(depth: number, topRun: Task['run']): { tasks: Task[]; reads: () => number } {
  let reads = 0;
  const task = (id: string, needs: string[], run: Task['run'] = async () => id): Task => ({
    id,
    title: id,
    phase: 'p',
    get needs() {
      reads += 1;
      return needs;
    },
    run,
  });
  const tasks = [task('base', [])];
  let below = ['base'];
  for (let layer = 1; layer <= depth; layer += 1) {
    const pair = [`layer-${layer}-a`, `layer-${layer}-b`];
    for (const id of pair) tasks.push(task(id, below));
    below = pair;
  }
  tasks.push(task('top', below, topRun));
  return { tasks, reads: () => reads };
}

const DEPTH = 16;

describe('a deep graph of shared needs', () => {
  it('is checked by looking at each task a few times, not once per path through it', () => {
    const graph = layered(DEPTH, async () => 'top');
    validateGraph(graph.tasks, { concurrency: 1 });
    expect(graph.reads()).toBeLessThanOrEqual(3 * graph.tasks.length);
  });

  it('hands a task the results of its needs\' needs by walking each task once, not once per path', async () => {
    let readsDuringLookups = -1;
    const graph = layered(DEPTH, async (ctx) => {
      const before = graph.reads();
      const found = `${ctx.result<string>('base')} under ${ctx.outcome('layer-1-a')} ${ctx.result<string>('layer-1-b')}`;
      readsDuringLookups = graph.reads() - before;
      return found;
    });
    const result = await start(graph.tasks);
    expect(result.results.get('top')).toBe('base under success layer-1-b');
    expect(readsDuringLookups).toBeGreaterThan(0);
    expect(readsDuringLookups).toBeLessThanOrEqual(2 * graph.tasks.length);
  });
});
