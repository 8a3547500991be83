/**
 * Whether a kind node container is up, asked of the container engine that runs it. This is how a
 * cluster left by a crashed run is told apart from a healthy one: kind still lists a cluster whose
 * node containers are stopped or no longer inspectable.
 */
import type { Log } from '../util/log.js';
import { run } from '../util/process.js';

export type NodeState = 'running' | 'stopped' | 'missing';

/** Tells the state of one node container, by its name (`<cluster>-control-plane`, …). */
export type InspectNode = (containerName: string) => Promise<NodeState>;

export type KindProvider = 'docker' | 'podman';

export interface EngineInspectOptions {
  log: Log;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

const NOT_FOUND = /no such (object|container)|no container with|not found/i;

export function engineInspectNode(engine: KindProvider, options: EngineInspectOptions): InspectNode {
  return async (containerName) => {
    const args = ['inspect', '--type', 'container', '--format', '{{.State.Status}}', containerName];
    const result = await run(engine, args, {
      log: options.log,
      quiet: true,
      env: options.env,
      timeoutMs: options.timeoutMs ?? 60_000,
      signal: options.signal,
    });
    if (result.exitCode === 0) return result.stdout.trim() === 'running' ? 'running' : 'stopped';
    if (NOT_FOUND.test(result.stdout + result.stderr)) return 'missing';
    const output = result.tail.map((line) => `  ${line}`).join('\n');
    throw new Error(`could not inspect the node container ${containerName} with ${engine}:\n${output}`);
  };
}
