/** Podman: builds with buildah (`podman build`), no daemon for a local rootful or rootless CLI. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CliEngine, lastLine, withTempDir, type CliEngineOptions } from './cli-engine.js';
import { isLoopbackRegistry, registryOf } from './references.js';
import type { EngineHealth, OperationOptions, PushResult, RestartOutcome } from './types.js';

/** How `podman image inspect` says an image is not there (`…: image not known`). */
export const PODMAN_MISSING_IMAGE = /image not known/i;

export class PodmanEngine extends CliEngine {
  readonly kind = 'podman' as const;
  readonly name = 'podman';
  readonly provider = 'podman' as const;
  // -m: several images in one docker-archive (kind loads that format; never gzip, podman 4.3 cannot load it).
  protected readonly saveFlags: readonly string[] = ['--format', 'docker-archive', '--multi-image-archive'];
  protected readonly missingImage = PODMAN_MISSING_IMAGE;

  constructor(options: CliEngineOptions) {
    super({ name: 'podman', program: options.program ?? 'podman', installHint: 'install Podman, or choose docker with container-engine' }, options);
  }

  protected registryFlags(registry: string | undefined): string[] {
    return registry !== undefined && isLoopbackRegistry(registry) ? ['--tls-verify=false'] : [];
  }

  protected labelsIn(raw: Record<string, unknown>): unknown {
    return raw.Labels;
  }

  /** The registry's digest comes from --digestfile: podman's own RepoDigests describe its local copy. */
  async push(reference: string, options: OperationOptions = {}): Promise<PushResult> {
    return withTempDir(async (dir) => {
      const digestFile = path.join(dir, 'digest');
      await this.cli.call(
        {
          operation: 'push',
          subject: reference,
          args: ['push', ...this.registryFlags(registryOf(reference)), '--digestfile', digestFile, reference],
          timeout: 'push',
          showOutput: true,
          transfer: true,
        },
        options,
      );
      const digest = (await readFile(digestFile, 'utf8')).trim();
      return digest === '' ? {} : { digest };
    });
  }

  async health(options: OperationOptions = {}): Promise<EngineHealth> {
    const result = await this.cli.probe(['info', '--format', '{{.Version.Version}}'], options);
    const version = result.stdout.trim();
    if (result.exitCode === 0 && version !== '') return { ok: true, detail: `podman ${version}` };
    return { ok: false, detail: lastLine(result.tail) ?? `podman info failed (exit code ${result.exitCode})` };
  }

  /**
   * A local podman CLI has no daemon: each command is its own process and a crash ends only that
   * command. A remote service (podman machine on macOS and Windows) is not restarted either:
   * `podman machine stop/start` would stop the kind nodes with it.
   */
  async restart(options: OperationOptions = {}): Promise<RestartOutcome> {
    const remote = await this.cli.probe(['info', '--format', '{{.Host.ServiceIsRemote}}'], options);
    if (remote.stdout.trim() === 'true') {
      return {
        restarted: false,
        detail: 'podman uses a remote service (podman machine); not restarted by the action (`podman machine stop` would stop the kind nodes too)',
      };
    }
    return { restarted: false, detail: 'podman runs without a daemon here (each command is its own process): nothing to restart' };
  }
}
