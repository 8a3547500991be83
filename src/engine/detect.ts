/**
 * Picks the container engine: the one the `container-engine` input names, or with `auto` the
 * first that works of docker with buildx, docker with its built-in (classic) BuildKit, podman.
 * A docker client can lack both builders (a new client without the buildx plugin refuses
 * `DOCKER_BUILDKIT=1`), so each is probed rather than assumed.
 */
import { CONTAINER_ENGINES } from '../config/index.js';
import type { Log } from '../util/log.js';
import { ProgramNotFoundError, run } from '../util/process.js';
import { DockerEngine, type DockerBuilder } from './docker.js';
import { PodmanEngine } from './podman.js';
import type { ContainerEngine } from './types.js';

export type EngineChoice = (typeof CONTAINER_ENGINES)[number];

export interface EngineSetup {
  log: Log;
  /** Environment for every engine command. */
  env?: Record<string, string | undefined>;
  dockerProgram?: string;
  podmanProgram?: string;
  /** See DockerEngineOptions.restartCommand. */
  dockerRestartCommand?: readonly string[];
  /** See CliEngineOptions.stallMs. */
  stallMs?: number;
  signal?: AbortSignal;
}

export interface SelectedEngine {
  engine: ContainerEngine;
  /** Why this engine, for the log. */
  reason: string;
}

const PROBE_TIMEOUT_MS = 30_000;

interface Probe {
  ok: boolean;
  /** The output's last line (the version, or what went wrong). */
  said: string;
}

export async function selectEngine(choice: EngineChoice, setup: EngineSetup): Promise<SelectedEngine> {
  const docker = setup.dockerProgram ?? 'docker';
  const podman = setup.podmanProgram ?? 'podman';
  const probe = (program: string, args: string[], env: Record<string, string> = {}) => probeProgram(program, args, env, setup);
  const dockerEngine = (builder: DockerBuilder) =>
    new DockerEngine({ program: docker, builder, log: setup.log, env: setup.env, restartCommand: setup.dockerRestartCommand, stallMs: setup.stallMs });
  const podmanEngine = () => new PodmanEngine({ program: podman, log: setup.log, env: setup.env, stallMs: setup.stallMs });

  const tried: string[] = [];
  if (choice !== 'podman') {
    const daemon = await probe(docker, ['version', '--format', '{{.Server.Version}}']);
    if (daemon.ok) {
      const buildx = await probe(docker, ['buildx', 'version']);
      if (buildx.ok) return { engine: dockerEngine('buildx'), reason: `docker ${daemon.said} with buildx (${buildx.said})` };
      const classic = await probe(docker, ['build', '--help'], { DOCKER_BUILDKIT: '1' });
      if (classic.ok) {
        return { engine: dockerEngine('classic'), reason: `docker ${daemon.said} without buildx: classic BuildKit (DOCKER_BUILDKIT=1)` };
      }
      tried.push(`${docker} has neither the buildx plugin nor a built-in BuildKit (${classic.said})`);
    } else {
      tried.push(`${docker}: ${daemon.said}`);
    }
  }
  if (choice !== 'docker') {
    const info = await probe(podman, ['info', '--format', '{{.Version.Version}}']);
    if (info.ok) return { engine: podmanEngine(), reason: choice === 'podman' ? `podman ${info.said}` : `podman ${info.said} (${tried.join('; ')})` };
    tried.push(`${podman} info: ${info.said}`);
  }
  const wanted = choice === 'auto' ? 'no container engine works' : `container-engine '${choice}' does not work`;
  throw new Error(
    `${wanted}: ${tried.join('; ')}. Start the Docker daemon (and install the buildx plugin), or install Podman; ` +
      `container-engine may be ${CONTAINER_ENGINES.map((name) => `'${name}'`).join(', ')}`,
  );
}

async function probeProgram(program: string, args: string[], env: Record<string, string>, setup: EngineSetup): Promise<Probe> {
  try {
    const result = await run(program, args, {
      env: { ...setup.env, ...env },
      log: setup.log,
      quiet: true,
      timeoutMs: PROBE_TIMEOUT_MS,
      signal: setup.signal,
    });
    const lines = `${result.stdout}\n${result.stderr}`.split('\n').map((line) => line.trim()).filter(Boolean);
    const ok = result.exitCode === 0 && !result.timedOut && lines.length > 0;
    const said = ok ? (lines[0] ?? '') : (lines.find((line) => /error/i.test(line)) ?? lines.at(-1) ?? `exit code ${result.exitCode}`);
    return { ok, said: result.timedOut ? `no answer within ${PROBE_TIMEOUT_MS / 1000}s` : said };
  } catch (error) {
    if (error instanceof ProgramNotFoundError) return { ok: false, said: 'not installed' };
    throw error;
  }
}
