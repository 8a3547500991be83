/**
 * Docker, building either with the buildx plugin (`docker buildx build --load`) or with the
 * BuildKit built into the client (`DOCKER_BUILDKIT=1 docker build`, e.g. Debian's docker 20.10).
 */
import { run } from '../util/process.js';
import { CliEngine, lastLine, type CliEngineOptions } from './cli-engine.js';
import type { EngineHealth, EngineKind, OperationOptions, PushResult, RestartOutcome } from './types.js';

export type DockerBuilder = 'buildx' | 'classic';

export interface DockerEngineOptions extends CliEngineOptions {
  builder: DockerBuilder;
  /**
   * A command that restarts the daemon (build.engineRestartCommand, e.g. `sudo systemctl restart
   * docker` on a machine the user owns). Without it the daemon is never restarted: see restart().
   */
  restartCommand?: readonly string[];
}

/** How `docker image inspect` says an image is not there (20.10: `Error: No such image: x`). */
export const DOCKER_MISSING_IMAGE = /no such image/i;
const PUSHED_DIGEST = /digest: (sha256:[0-9a-f]{64})/;

export class DockerEngine extends CliEngine {
  readonly kind: EngineKind;
  readonly name: string;
  readonly provider = 'docker' as const;
  protected readonly saveFlags: readonly string[] = [];
  protected readonly missingImage = DOCKER_MISSING_IMAGE;

  constructor(private readonly dockerOptions: DockerEngineOptions) {
    super(
      {
        name: 'docker',
        program: dockerOptions.program ?? 'docker',
        installHint: 'install Docker (with the buildx plugin), or choose podman with container-engine',
      },
      dockerOptions,
    );
    this.kind = dockerOptions.builder === 'buildx' ? 'docker-buildx' : 'docker';
    this.name = dockerOptions.builder === 'buildx' ? 'docker (buildx)' : 'docker (classic BuildKit)';
  }

  /** The daemon decides (it allows plain HTTP to 127.0.0.0/8 by default); the client has no flag. */
  protected registryFlags(): string[] {
    return [];
  }

  protected labelsIn(raw: Record<string, unknown>): unknown {
    return (raw.Config as Record<string, unknown> | undefined)?.Labels;
  }

  async push(reference: string, options: OperationOptions = {}): Promise<PushResult> {
    const result = await this.cli.call(
      { operation: 'push', subject: reference, args: ['push', reference], timeout: 'push', showOutput: true, transfer: true },
      options,
    );
    const digest = PUSHED_DIGEST.exec(result.stdout)?.[1];
    return digest === undefined ? {} : { digest };
  }

  async health(options: OperationOptions = {}): Promise<EngineHealth> {
    const result = await this.cli.probe(['version', '--format', '{{.Server.Version}}'], options);
    const version = result.stdout.trim();
    if (result.exitCode === 0 && version !== '') return { ok: true, detail: `docker daemon ${version}` };
    return { ok: false, detail: lastLine(result.tail) ?? `docker version failed (exit code ${result.exitCode})` };
  }

  /**
   * Restarting dockerd stops every container, the kind nodes among them, and on GitHub-hosted
   * runners it is a system service the action does not own: it is only done with an explicit
   * `restartCommand`. Otherwise the caller waits for the daemon (systemd restarts a crashed one).
   */
  async restart(options: OperationOptions = {}): Promise<RestartOutcome> {
    const command = this.dockerOptions.restartCommand;
    if (command === undefined || command.length === 0) {
      return {
        restarted: false,
        detail:
          'dockerd is not restarted by the action (that would stop every container, the kind nodes too); waiting for it to answer. ' +
          'Set build.engineRestartCommand (with build.order: build-first) to have it restarted',
      };
    }
    const [program, ...args] = command;
    const result = await run(program, args, {
      log: options.log ?? this.dockerOptions.log,
      timeoutMs: options.timeoutMs ?? 120_000,
      signal: options.signal,
      env: this.dockerOptions.env,
    });
    if (result.exitCode === 0) return { restarted: true, detail: `restarted the docker daemon with ${result.command}` };
    return { restarted: false, detail: `${result.command} failed (exit code ${result.exitCode}): ${lastLine(result.tail) ?? ''}` };
  }
}
