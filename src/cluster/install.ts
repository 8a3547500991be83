/**
 * Making the pinned kind release available: the `kind` on PATH when it is that release, else the
 * runner's tool cache, else a download whose SHA-256 must match before anything is installed.
 */
import { createHash, randomUUID } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { access, chmod, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ToolCache } from '../github/services.js';
import type { Log } from '../util/log.js';
import { run } from '../util/process.js';
import { KIND_LINUX_SHA256, knownKindVersions, type KindArch } from './releases.js';

export const KIND_DOWNLOAD_BASE_URL = 'https://kind.sigs.k8s.io/dl';
const TOOL_NAME = 'kind';
const VERSION_PROBE_TIMEOUT_MS = 30_000;

export interface InstallKindOptions {
  /** The release to use, such as `v0.30.0` (the leading `v` may be left out). */
  version: string;
  /** SHA-256 of the binary. Required for a release missing from KIND_LINUX_SHA256; wins over the table. */
  sha256?: string;
  log: Log;
  /** Releases are fetched from `<downloadBaseUrl>/<version>/kind-<os>-<arch>`. */
  downloadBaseUrl?: string;
  /** Environment of the `kind version` probe; its PATH decides which `kind` is found. */
  env?: Record<string, string | undefined>;
  /** A Node.js architecture name; default `process.arch`. */
  arch?: string;
  /** Puts the binary's directory on PATH for the job's later steps (Host.addPath). */
  addPath: (directory: string) => void;
  /** Where installed releases are kept (Host.github.toolCache). */
  toolCache: ToolCache;
  signal?: AbortSignal;
}

export interface InstalledKind {
  /** Absolute path of the kind binary. */
  path: string;
  version: string;
  source: 'path' | 'tool-cache' | 'download';
}

/** `kind v0.30.0 go1.24.6 linux/amd64` → `v0.30.0`; undefined when the text is not kind's. */
export function parseKindVersion(output: string): string | undefined {
  return /^kind (v\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?)\s/m.exec(output)?.[1];
}

/** SHA-256 of a file, as lowercase hex. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

export async function installKind(options: InstallKindOptions): Promise<InstalledKind> {
  const { log } = options;
  const version = normalizeVersion(options.version);
  const arch = kindArch(options.arch ?? process.arch);
  const platform = kindPlatform(process.platform);
  const { addPath, toolCache } = options;
  const givenSha256 = options.sha256 === undefined ? undefined : validSha256(options.sha256);

  const onPath = await findOnPath(TOOL_NAME, options.env?.PATH ?? process.env.PATH ?? '');
  if (onPath !== undefined) {
    const found = await probeVersion(onPath, options);
    if (found === version) {
      log.info(`Using kind ${version} already on PATH (${onPath})`);
      return { path: onPath, version, source: 'path' };
    }
    log.info(`kind on PATH (${onPath}) is ${found ?? 'of an unknown version'}; ${version} is wanted`);
  }

  const cached = toolCache.find(TOOL_NAME, version, arch);
  if (cached) {
    const binary = path.join(cached, TOOL_NAME);
    log.info(`Using kind ${version} from the tool cache (${binary})`);
    addPath(cached);
    return { path: binary, version, source: 'tool-cache' };
  }

  const expected = givenSha256 ?? publishedSha256(version, platform, arch);
  const baseUrl = (options.downloadBaseUrl ?? KIND_DOWNLOAD_BASE_URL).replace(/\/+$/, '');
  const url = `${baseUrl}/${version}/kind-${platform}-${arch}`;
  const binary = await downloadVerified(toolCache, url, expected, log);
  let directory: string;
  try {
    // checked before caching: a wrong binary in the tool cache would be picked up by later runs
    const reported = await probeVersion(binary, options);
    if (reported !== version) {
      const what = reported ?? 'no recognisable version';
      throw new Error(`the kind binary downloaded from ${url} reports ${what}, not ${version}`);
    }
    directory = await toolCache.cacheFile(binary, TOOL_NAME, TOOL_NAME, version, arch);
  } finally {
    await rm(binary, { force: true });
  }
  const installed = path.join(directory, TOOL_NAME);
  await chmod(installed, 0o755);
  log.info(`Installed kind ${version} (${installed}, sha256 ${expected})`);
  addPath(directory);
  return { path: installed, version, source: 'download' };
}

function normalizeVersion(raw: string): string {
  const trimmed = raw.trim();
  if (!/^v?\d+\.\d+\.\d+$/.test(trimmed)) {
    throw new Error(
      `kind version "${raw}" is not a release version: use one like v0.30.0 (known: ${knownKindVersions().join(', ')})`,
    );
  }
  return trimmed.startsWith('v') ? trimmed : `v${trimmed}`;
}

function kindArch(nodeArch: string): KindArch {
  if (nodeArch === 'x64') return 'amd64';
  if (nodeArch === 'arm64') return 'arm64';
  throw new Error(`kind is published for x64 (amd64) and arm64 machines, not for "${nodeArch}"`);
}

function kindPlatform(platform: NodeJS.Platform): 'linux' | 'darwin' {
  if (platform === 'linux' || platform === 'darwin') return platform;
  throw new Error(`installing kind is supported on Linux and macOS, not on "${platform}"`);
}

function validSha256(given: string): string {
  const digest = given.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(digest)) {
    throw new Error(`kind-sha256 "${given}" is not a SHA-256 digest (64 hexadecimal characters)`);
  }
  return digest;
}

function publishedSha256(version: string, platform: string, arch: KindArch): string {
  const known = platform === 'linux' ? KIND_LINUX_SHA256[version]?.[arch] : undefined;
  if (known === undefined) {
    throw new Error(
      `no checksum is known for kind ${version} on ${platform}/${arch}: pass kind-sha256 (the digest in ` +
        `kind-${platform}-${arch}.sha256sum on the release page) or choose one of ${knownKindVersions().join(', ')}`,
    );
  }
  return known;
}

async function downloadVerified(toolCache: ToolCache, url: string, expected: string, log: Log): Promise<string> {
  log.info(`Downloading ${url}`);
  let destination: string;
  try {
    destination = await toolCache.download(url, `kind-${randomUUID()}`);
  } catch (error) {
    throw new Error(`could not download kind from ${url}: ${(error as Error).message}`);
  }
  const actual = await sha256File(destination);
  if (actual !== expected) {
    await rm(destination, { force: true });
    throw new Error(
      `checksum mismatch for ${url}: expected sha256 ${expected}, got ${actual}; the download is corrupt or not ` +
        'the published release, nothing was installed',
    );
  }
  await chmod(destination, 0o755);
  return destination;
}

/** The version the binary reports, or undefined when it cannot say. */
async function probeVersion(binary: string, options: InstallKindOptions): Promise<string | undefined> {
  const result = await run(binary, ['version'], {
    env: options.env,
    log: options.log,
    quiet: true,
    timeoutMs: VERSION_PROBE_TIMEOUT_MS,
    signal: options.signal,
  });
  return result.exitCode === 0 ? parseKindVersion(result.stdout) : undefined;
}

/**
 * Whether `kindPath` is a kind binary the action runs: the `kind` first on PATH, or one it
 * installed in the tool cache. The post step runs no other program a saved state may name.
 */
export async function isTrustedKind(kindPath: string): Promise<boolean> {
  const resolved = path.resolve(kindPath);
  if (resolved === (await findOnPath(TOOL_NAME, process.env.PATH ?? ''))) return true;
  const toolCache = process.env.RUNNER_TOOL_CACHE;
  if (!toolCache) return false;
  const inside = path.relative(path.join(path.resolve(toolCache), TOOL_NAME), resolved).split(path.sep);
  // <tool cache>/kind/<version>/<arch>/kind
  return inside.length === 3 && inside[0] !== '..' && inside[2] === TOOL_NAME;
}

async function findOnPath(program: string, searchPath: string): Promise<string | undefined> {
  for (const directory of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.resolve(directory, program);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}
