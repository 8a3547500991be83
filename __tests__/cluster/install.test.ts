import { createHash } from 'node:crypto';
import { access, chmod, constants, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { toolkitToolCache } from '../../src/host/toolkit.js';
import { installKind, parseKindVersion, sha256File, type InstallKindOptions } from '../../src/cluster/install.js';
import { KIND_LINUX_SHA256 } from '../../src/cluster/releases.js';
import { consoleLog } from '../../src/util/log.js';

/** A stand-in kind binary: prints what `kind version` prints. */
function fakeKind(version: string): string {
  return `#!/bin/sh\necho "kind ${version} go1.24.6 linux/amd64"\n`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

let scratch: string;
let emptyPath: string;
let server: http.Server;
let baseUrl: string;
let requests: string[];
/** What the local release server answers, by request path. */
let served: Record<string, string>;
let logText: string;
let addedToPath: string[];
const savedEnv = { RUNNER_TOOL_CACHE: process.env.RUNNER_TOOL_CACHE, RUNNER_TEMP: process.env.RUNNER_TEMP };

beforeAll(async () => {
  server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    const body = served[request.url ?? ''];
    response.writeHead(body === undefined ? 404 : 200).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dl`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'kind-install-'));
  emptyPath = path.join(scratch, 'empty-bin');
  await mkdir(emptyPath);
  process.env.RUNNER_TOOL_CACHE = path.join(scratch, 'tool-cache');
  process.env.RUNNER_TEMP = path.join(scratch, 'temp');
  requests = [];
  served = {};
  logText = '';
  addedToPath = [];
});

afterEach(async () => {
  process.env.RUNNER_TOOL_CACHE = savedEnv.RUNNER_TOOL_CACHE;
  process.env.RUNNER_TEMP = savedEnv.RUNNER_TEMP;
  await rm(scratch, { recursive: true, force: true });
});

function install(options: Partial<InstallKindOptions>) {
  const log = consoleLog({ write: (text: string) => (logText += text) });
  return installKind({
    version: 'v0.31.0',
    log,
    toolCache: toolkitToolCache(log),
    downloadBaseUrl: baseUrl,
    env: { PATH: emptyPath },
    arch: 'x64',
    addPath: (directory) => addedToPath.push(directory),
    ...options,
  });
}

async function kindOnPath(version: string): Promise<string> {
  const dir = path.join(scratch, `path-${version}`);
  await mkdir(dir);
  await writeFile(path.join(dir, 'kind'), fakeKind(version));
  await chmod(path.join(dir, 'kind'), 0o755);
  return dir;
}

describe('parseKindVersion', () => {
  it.each([
    ['kind v0.30.0 go1.24.6 linux/amd64\n', 'v0.30.0'],
    ['kind v0.8.1 go1.14.2 darwin/amd64', 'v0.8.1'],
    ['kind v0.31.0-alpha.12+0a1b2c3d go1.25.1 linux/arm64', 'v0.31.0-alpha.12+0a1b2c3d'],
    ['Client Version: v1.34.0', undefined],
  ])('%j → %s', (output, version) => {
    expect(parseKindVersion(output)).toBe(version);
  });
});

describe('installKind', () => {
  it('uses the kind on PATH when it is the wanted release', async () => {
    const dir = await kindOnPath('v0.31.0');

    const installed = await install({ version: '0.31.0', env: { PATH: dir } });

    expect(installed).toEqual({ path: path.join(dir, 'kind'), version: 'v0.31.0', source: 'path' });
    expect(requests).toEqual([]);
    expect(addedToPath).toEqual([]);
  });

  it('downloads, verifies and caches the release when PATH has another one', async () => {
    const binary = fakeKind('v0.31.0');
    served['/dl/v0.31.0/kind-linux-amd64'] = binary;

    const installed = await install({ sha256: sha256(binary), env: { PATH: await kindOnPath('v0.29.0') } });

    expect(installed.source).toBe('download');
    expect(installed.path).toBe(path.join(process.env.RUNNER_TOOL_CACHE!, 'kind', '0.31.0', 'amd64', 'kind'));
    await access(installed.path, constants.X_OK);
    expect(await sha256File(installed.path)).toBe(sha256(binary));
    expect(requests).toEqual(['/dl/v0.31.0/kind-linux-amd64']);
    expect(addedToPath).toEqual([path.dirname(installed.path)]);
    expect(logText).toContain('is v0.29.0; v0.31.0 is wanted');

    const again = await install({ sha256: sha256(binary) });
    expect(again).toEqual({ ...installed, source: 'tool-cache' });
    expect(requests).toHaveLength(1);
  });

  it('fetches the arm64 binary on an arm64 machine', async () => {
    const binary = fakeKind('v0.31.0');
    served['/dl/v0.31.0/kind-linux-arm64'] = binary;

    const installed = await install({ arch: 'arm64', sha256: sha256(binary) });

    expect(installed.path).toContain(path.join('0.31.0', 'arm64'));
    expect(requests).toEqual(['/dl/v0.31.0/kind-linux-arm64']);
  });

  it('refuses a download that does not match the published checksum and installs nothing', async () => {
    served['/dl/v0.30.0/kind-linux-amd64'] = fakeKind('v0.30.0');

    await expect(install({ version: 'v0.30.0' })).rejects.toThrow(
      `checksum mismatch for ${baseUrl}/v0.30.0/kind-linux-amd64: expected sha256 ${KIND_LINUX_SHA256['v0.30.0'].amd64}, got ${sha256(fakeKind('v0.30.0'))}`,
    );
    await expect(readdir(process.env.RUNNER_TOOL_CACHE!)).rejects.toThrow(/ENOENT/);
    expect(await readdir(process.env.RUNNER_TEMP!)).toEqual([]);
  });

  it('refuses a download that does not match the given checksum', async () => {
    served['/dl/v0.31.0/kind-linux-amd64'] = fakeKind('v0.31.0');
    await expect(install({ sha256: sha256('something else') })).rejects.toThrow(/checksum mismatch/);
  });

  it('needs a checksum for a release it does not know, before downloading anything', async () => {
    const failure = install({ version: 'v0.27.0' });
    await expect(failure).rejects.toThrow(/no checksum is known for kind v0\.27\.0 on linux\/amd64: pass kind-sha256/);
    await expect(failure).rejects.toThrow(/v0\.29\.0, v0\.30\.0, v0\.31\.0, v0\.32\.0/);
    expect(requests).toEqual([]);
  });

  it('installs a release it does not know when given its checksum', async () => {
    const binary = fakeKind('v0.27.0');
    served['/dl/v0.27.0/kind-linux-amd64'] = binary;
    expect((await install({ version: 'v0.27.0', sha256: sha256(binary).toUpperCase() })).source).toBe('download');
  });

  it('rejects a downloaded binary that reports another version', async () => {
    const binary = fakeKind('v0.29.0');
    served['/dl/v0.31.0/kind-linux-amd64'] = binary;
    await expect(install({ sha256: sha256(binary) })).rejects.toThrow(/reports v0\.29\.0, not v0\.31\.0/);
    await expect(readdir(path.join(process.env.RUNNER_TOOL_CACHE!, 'kind'))).rejects.toThrow(/ENOENT/);
  });

  it('says where a download failed', async () => {
    await expect(install({ sha256: sha256('x') })).rejects.toThrow(
      `could not download kind from ${baseUrl}/v0.31.0/kind-linux-amd64: Unexpected HTTP response: 404`,
    );
  });

  it.each([
    [{ version: 'latest' }, 'kind version "latest" is not a release version'],
    [{ sha256: 'abc' }, 'kind-sha256 "abc" is not a SHA-256 digest'],
    [{ arch: 'ia32' }, 'not for "ia32"'],
  ])('rejects %j', async (options, message) => {
    await expect(install(options)).rejects.toThrow(message);
  });
});
