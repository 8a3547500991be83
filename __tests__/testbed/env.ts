/**
 * The real container services the tests use, as `__tests__/testbed/up.sh` left them: it
 * writes `.env` beside this file. testbedEnv() reads it and checks that Docker, the registry
 * and Podman answer, so a test that needs them fails with one clear message when they do not.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export interface TestbedEnv {
  /** Docker client with BuildKit built in (Debian's 20.10; the one on PATH may lack buildx). */
  docker: string;
  /** `unix:///var/run/docker.sock` */
  dockerHost: string;
  podman: string;
  /** Podman's containers.conf (ulimits, cgroupfs) and registries.conf (local registry insecure). */
  containersConf: string;
  registriesConf: string;
  /** host:port of the local distribution registry: plain HTTP, no auth, deletes enabled. */
  registry: string;
  /** A busybox image present in both engines without any pull. */
  baseImage: string;
  /** Go ≥ 1.20 (builds with -cover, has `go tool covdata`). */
  go: string;
  /** Daemon logs, pid files and registry storage. */
  stateDir: string;
  /** Variables a child process needs to reach the same daemons with the same configuration. */
  processEnv: Record<string, string>;
}

export const defaultEnvFile = fileURLToPath(new URL('./.env', import.meta.url));

const notUp = 'the testbed is not up: run bash __tests__/testbed/up.sh';
const probeTimeoutMs = 5000;
const execFileAsync = promisify(execFile);

function parseEnvFile(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) values.set(match[1], match[2]);
  }
  return values;
}

function required(values: Map<string, string>, file: string, key: string): string {
  const value = values.get(key);
  if (!value) throw new Error(`${notUp} (${file} has no ${key})`);
  return value;
}

async function readTestbedFile(file: string): Promise<TestbedEnv> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`${notUp} (cannot read ${file}: ${(error as NodeJS.ErrnoException).code})`);
  }
  const values = parseEnvFile(text);
  const get = (key: string) => required(values, file, key);
  if (get('TESTBED_READY') !== '1') throw new Error(`${notUp} (${file}: TESTBED_READY is not 1)`);
  return {
    docker: get('DOCKER'),
    dockerHost: get('DOCKER_HOST'),
    podman: get('PODMAN'),
    containersConf: get('CONTAINERS_CONF'),
    registriesConf: get('CONTAINERS_REGISTRIES_CONF'),
    registry: get('REGISTRY'),
    baseImage: get('TESTBED_BASE_IMAGE'),
    go: get('GO'),
    stateDir: get('TESTBED_STATE_DIR'),
    processEnv: {
      DOCKER_HOST: get('DOCKER_HOST'),
      CONTAINERS_CONF: get('CONTAINERS_CONF'),
      CONTAINERS_REGISTRIES_CONF: get('CONTAINERS_REGISTRIES_CONF'),
    },
  };
}

/** GET on Docker's API socket: /_ping answers "OK" when the daemon serves requests. */
function pingDocker(dockerHost: string): Promise<void> {
  const socketPath = dockerHost.replace(/^unix:\/\//, '');
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path: '/_ping', timeout: probeTimeoutMs }, (res) => {
      res.resume();
      if (res.statusCode === 200) resolve();
      else reject(new Error(`docker at ${dockerHost} answered /_ping with HTTP ${res.statusCode}`));
    });
    req.on('timeout', () => req.destroy(new Error(`docker at ${dockerHost} did not answer in ${probeTimeoutMs} ms`)));
    req.on('error', (error) => reject(new Error(`docker at ${dockerHost}: ${error.message}`)));
    req.end();
  });
}

async function pingRegistry(registry: string): Promise<void> {
  let status: number;
  try {
    status = (await fetch(`http://${registry}/v2/`, { signal: AbortSignal.timeout(probeTimeoutMs) })).status;
  } catch (error) {
    throw new Error(`registry at ${registry}: ${(error as Error).message}`);
  }
  if (status !== 200) throw new Error(`registry at ${registry} answered GET /v2/ with HTTP ${status}`);
}

async function checkPodman(env: TestbedEnv): Promise<void> {
  try {
    await execFileAsync(env.podman, ['info', '--format', '{{.Store.GraphDriverName}}'], {
      env: { ...process.env, ...env.processEnv },
      timeout: 30_000,
    });
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new Error(`podman info failed: ${detail}`);
  }
}

async function loadTestbed(file: string): Promise<TestbedEnv> {
  const env = await readTestbedFile(file);
  const probes = await Promise.allSettled([
    pingDocker(env.dockerHost),
    pingRegistry(env.registry),
    checkPodman(env),
  ]);
  const failures = probes.flatMap((probe) => (probe.status === 'rejected' ? [(probe.reason as Error).message] : []));
  if (failures.length > 0) throw new Error(`${notUp} (${failures.join('; ')})`);
  return env;
}

const loaded = new Map<string, Promise<TestbedEnv>>();

/**
 * The testbed's values, once its daemons answer. Checked once per file and process: later
 * calls share the first answer. Rejects with "the testbed is not up: run bash
 * __tests__/testbed/up.sh (…why…)" when the file is missing or a service does not answer.
 */
export function testbedEnv(file: string = defaultEnvFile): Promise<TestbedEnv> {
  let env = loaded.get(file);
  if (!env) {
    env = loadTestbed(file);
    loaded.set(file, env);
  }
  return env;
}
