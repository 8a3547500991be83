/**
 * Node containers are inspected with the real engines of the testbed (__tests__/testbed/up.sh):
 * ordinary busybox containers stand in for kind nodes, which cannot run here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { engineInspectNode, type KindProvider } from '../../src/cluster/node-state.js';
import { consoleLog } from '../../src/util/log.js';
import { run, runChecked } from '../../src/util/process.js';

function testbedEnv(): Record<string, string> {
  const text = readFileSync(path.join(import.meta.dirname, '..', 'testbed', '.env'), 'utf8');
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1], match[2]]),
  );
}

const env = testbedEnv();
const log = consoleLog({ write: () => true });
const prefix = `kind-node-state-${process.pid}`;

describe.each(['docker', 'podman'] as const)('engineInspectNode with %s', (engine: KindProvider) => {
  const program = engine === 'docker' ? env.DOCKER : env.PODMAN;
  const running = `${prefix}-${engine}-control-plane`;
  const stopped = `${prefix}-${engine}-worker`;

  beforeAll(async () => {
    const image = env.TESTBED_BASE_IMAGE;
    await runChecked(program, ['run', '-d', '--name', running, image, 'sleep', '300'], { env, timeoutMs: 60_000 });
    await runChecked(program, ['create', '--name', stopped, image, 'true'], { env, timeoutMs: 60_000 });
  });

  afterAll(async () => {
    // sleep ignores SIGTERM as PID 1: podman would wait its 10 s stop timeout
    const now = engine === 'podman' ? ['--time', '0'] : [];
    await run(program, ['rm', '-f', ...now, running, stopped], { env, timeoutMs: 60_000 });
  });

  const inspect = () => engineInspectNode(engine, { log, env: { ...env, PATH: `${path.dirname(program)}:${process.env.PATH}` } });

  it('sees a running node container', async () => {
    expect(await inspect()(running)).toBe('running');
  });

  it('sees a container that is not running as stopped', async () => {
    expect(await inspect()(stopped)).toBe('stopped');
  });

  it('sees a container that does not exist as missing', async () => {
    expect(await inspect()(`${prefix}-${engine}-gone`)).toBe('missing');
  });
});

it('reports an engine it cannot ask', async () => {
  const inspect = engineInspectNode('podman', { log, env: { ...env, CONTAINERS_CONF: '/nonexistent/containers.conf' } });
  await expect(inspect('any-node')).rejects.toThrow(/could not inspect the node container any-node with podman/);
});
