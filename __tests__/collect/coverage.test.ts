/**
 * Coverage collection with a real Go toolchain (the testbed's Go 1.23): the data comes from
 * `-cover` binaries that really ran, the node fallback reads real Docker containers. The
 * Kubernetes API is the double; the instrumented Deployments are left out here (see
 * coverage-scale.test.ts for the stop-before-read order).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type CoverageRequest, collectCoverage } from '../../src/collect/coverage.js';
import { formatPercent } from '../../src/collect/coverage-profile.js';
import { type Harness, startHarness } from '../kube/harness.js';
import { type TestbedEnv, testbedEnv } from '../testbed/env.js';
import { type CoverageFixture, MODULE_PATH, buildCoverageFixture, removeFixture, runInstrumented } from './fixtures-collect/go-build.js';
import { type RecordingLog, recordingLog } from './fixtures-collect/recording-log.js';

const execFileAsync = promisify(execFile);

let env: TestbedEnv;
let fixture: CoverageFixture;
let h: Harness;
let dir: string;
let recorded: RecordingLog;
const containers: string[] = [];

beforeAll(async () => {
  env = await testbedEnv();
  fixture = await buildCoverageFixture(env.go);
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
  await removeFixture(fixture);
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coverage-'));
  recorded = recordingLog();
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  for (const name of containers.splice(0)) await docker(['rm', '-f', name]);
});

function request(overrides: Partial<CoverageRequest> = {}): CoverageRequest {
  return {
    kube: h.kube,
    namespace: 'kubernaut-system',
    deployments: [],
    podDir: '/coverdata',
    hostDir: join(dir, 'host'),
    nodes: [],
    engine: env.docker,
    buildPath: fixture.buildPath,
    repoRoot: fixture.repoRoot,
    outDir: join(dir, 'out'),
    log: recorded.log,
    go: env.go,
    env: { ...env.processEnv, GOFLAGS: '' },
    ...overrides,
  };
}

async function docker(args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(env.docker, args, { env: { ...process.env, ...env.processEnv } });
  return stdout;
}

/** A stand-in for a kind node: a running container whose `folder` holds `from`'s files (or nothing). */
async function nodeContainer(folder: string, from?: string): Promise<string> {
  const name = `coverage-node-${process.pid}-${containers.length}`;
  containers.push(name);
  await docker(['run', '-d', '--name', name, env.baseImage, 'sleep', '600']);
  await docker(['exec', name, 'mkdir', '-p', folder]);
  if (from !== undefined) await docker(['cp', `${from}/.`, `${name}:${folder}/`]);
  return name;
}

async function go(args: string[], cwd: string): Promise<string> {
  return (await execFileAsync(env.go, args, { cwd, env: fixture.goEnv })).stdout;
}

/** `go tool covdata percent`'s lines, package → percentage text. */
function goPercents(output: string): Map<string, string> {
  return new Map([...output.matchAll(/^\s*(\S+)\s+coverage: ([\d.]+)% of statements$/gm)].map((m) => [m[1], m[2]]));
}

test('converts the data the binaries wrote into a profile with repository paths, a package table and the total', async () => {
  const host = join(dir, 'host');
  await runInstrumented(fixture, 'greeter', host);
  await runInstrumented(fixture, 'farewell', host);

  const result = await collectCoverage(request());

  expect(result.warnings).toEqual([]);
  const profilePath = join(dir, 'out', 'coverage.out');
  const profile = await readFile(profilePath, 'utf8');
  // Go itself names the file-built binary's source by its path in the build folder…
  await go(['tool', 'covdata', 'textfmt', `-i=${host}`, `-o=${join(dir, 'raw.out')}`], dir);
  expect(await readFile(join(dir, 'raw.out'), 'utf8')).toContain(`${fixture.buildPath}/cmd/farewell/main.go:`);
  // …which coverage.out names by the repository's module path, as it does the import paths.
  expect(profile.split('\n')[0]).toBe('mode: set');
  expect(profile).not.toContain(fixture.buildPath);
  expect(profile).toMatch(new RegExp(`^${MODULE_PATH}/cmd/farewell/main.go:\\d+\\.\\d+,\\d+\\.\\d+ \\d+ 1$`, 'm'));
  expect(profile).toMatch(new RegExp(`^${MODULE_PATH}/cmd/greeter/main.go:`, 'm'));

  // Go's own reading of coverage.out, from the checkout: every path resolves, and the totals agree.
  const func = await go(['tool', 'cover', `-func=${profilePath}`], fixture.repoRoot);
  const goTotal = /^total:\s+\(statements\)\s+([\d.]+)%$/m.exec(func)?.[1];
  expect(goTotal).toBeDefined();
  expect(formatPercent(result.percent!)).toBe(goTotal);
  expect(result.outputs).toEqual({ 'coverage-percent': goTotal });
  // Each binary ran one branch of the shared Hello: together they cover it.
  expect(func).toMatch(/greet\.go:\d+:\s+Hello\s+100\.0%/);
  expect(func).toMatch(/greet\.go:\d+:\s+Unused\s+0\.0%/);

  // Per package as `go tool covdata percent` sees it (it calls the file-built main package command-line-arguments).
  const percents = goPercents(await go(['tool', 'covdata', 'percent', `-i=${host}`], dir));
  const ours = new Map(result.packages.map((p) => [p.package, formatPercent(p.percent)]));
  expect(ours).toEqual(new Map([
    [`${MODULE_PATH}/cmd/farewell`, percents.get('command-line-arguments')],
    [`${MODULE_PATH}/cmd/greeter`, percents.get(`${MODULE_PATH}/cmd/greeter`)],
    [`${MODULE_PATH}/pkg/greet`, percents.get(`${MODULE_PATH}/pkg/greet`)],
  ]));
  expect(result.statements).toBe(result.packages.reduce((sum, p) => sum + p.statements, 0));

  const table = await readFile(join(dir, 'out', 'coverage-packages.txt'), 'utf8');
  for (const p of result.packages) expect(table).toMatch(new RegExp(`^${p.package}\\s+${p.statements}\\s+${p.covered}\\s+${formatPercent(p.percent)}%$`, 'm'));
  expect(table).toMatch(new RegExp(`^total\\s+${result.statements}\\s+${result.covered}\\s+${goTotal}%$`, 'm'));
  expect(result.section.paragraphs?.[0]).toBe(
    `**${goTotal}%** of statements covered (${result.covered} of ${result.statements}) in 3 packages.`);
  expect(result.section.table?.rows).toHaveLength(3);
  expect(result.files).toEqual(expect.arrayContaining([profilePath, join(dir, 'out', 'coverage-packages.txt'),
    join(dir, 'out', 'covdata-percent.txt')]));
  expect(result.files.filter((f) => /\/covdata\/cov(meta|counters)\./.test(f))).toHaveLength(4);
});

test('without a go.mod in the checkout, build paths become paths relative to the repository root', async () => {
  const host = join(dir, 'host');
  await runInstrumented(fixture, 'farewell', host);
  const checkout = join(dir, 'checkout');
  await execFileAsync('cp', ['-r', fixture.repoRoot, checkout]);
  await rm(join(checkout, 'go.mod'));

  const result = await collectCoverage(request({ repoRoot: checkout }));

  expect(result.warnings).toEqual([]);
  const profile = await readFile(join(dir, 'out', 'coverage.out'), 'utf8');
  expect(profile).toMatch(/^\.\/cmd\/farewell\/main\.go:/m);
  expect(existsSync(join(checkout, 'cmd/farewell/main.go'))).toBe(true);
  expect(result.packages.map((p) => p.package)).toEqual(['./cmd/farewell', `${MODULE_PATH}/pkg/greet`]);
});

test('binaries that never exited: meta files without counters are a warning, not a 0% coverage', async () => {
  await runInstrumented(fixture, 'greeter', join(dir, 'host'), 'killed');

  const result = await collectCoverage(request());

  expect(result.percent).toBeUndefined();
  expect(result.outputs).toEqual({});
  expect(result.warnings).toEqual([expect.stringMatching(
    /^No instrumented binary wrote coverage counters \(a covmeta file without covcounters\): the binaries did not exit normally\..*SIGKILL/)]);
  expect(recorded.warnings()).toEqual([`warning: Coverage: ${result.warnings[0]}`]);
  expect(existsSync(join(dir, 'out', 'coverage.out'))).toBe(false);
  expect(result.files).toEqual([expect.stringMatching(/\/covdata-without-counters\/covmeta\.[0-9a-f]+$/)]);
  expect(result.section.paragraphs).toEqual(['No coverage was measured.', `**Warning:** ${result.warnings[0]}`]);
});

test('one binary killed, one exited: the killed one is left out and named in a warning', async () => {
  const host = join(dir, 'host');
  await runInstrumented(fixture, 'greeter', host, 'killed');
  await runInstrumented(fixture, 'farewell', host);

  const result = await collectCoverage(request());

  expect(result.warnings).toEqual([expect.stringMatching(/^1 of 2 instrumented binaries wrote coverage counters.*Their packages are left out of the profile\.$/)]);
  expect(result.percent).toBeDefined();
  expect(result.packages.map((p) => p.package)).toEqual([`${MODULE_PATH}/cmd/farewell`, `${MODULE_PATH}/pkg/greet`]);
});

test('no host folder, or an empty one with unreadable nodes: the warning points at the mount', async () => {
  const missing = await collectCoverage(request({ nodes: ['no-such-node-container'] }));
  expect(missing.percent).toBeUndefined();
  expect(missing.warnings).toEqual([
    `No coverage data was found although coverage is on: the host folder ${join(dir, 'host')} does not exist: ` +
      'the kind cluster was created without mounting it at /coverdata (extraMounts); coverage must be on when the cluster is created.',
  ]);

  await mkdir(join(dir, 'host'));
  const empty = await collectCoverage(request({ nodes: ['no-such-node-container'] }));
  expect(empty.warnings).toEqual([expect.stringMatching(new RegExp(
    `^No coverage data was found although coverage is on: the host folder ${join(dir, 'host')} holds no coverage files and the ` +
    'node containers could not be read \\(no-such-node-container: .*No such container.*\\): is the host folder mounted at /coverdata'))]);
});

test('the host folder is empty but a node holds the data: it is copied out of the node with the engine', async () => {
  const data = join(dir, 'data');
  await runInstrumented(fixture, 'farewell', data);
  await mkdir(join(dir, 'host'));
  const node = await nodeContainer('/coverdata', data);

  const result = await collectCoverage(request({ nodes: [node] }));

  expect(result.warnings).toEqual([]);
  expect(result.percent).toBeGreaterThan(0);
  expect(recorded.lines).toContain(`${join(dir, 'host')} holds no coverage files, but the nodes' /coverdata held coverage data ` +
    `(copied out with ${env.docker} cp). The nodes' mount of the host folder does not show their files on the host (as with rootless Podman).`);
  expect((await readdir(join(dir, 'out', 'covdata'))).sort()).toEqual((await readdir(data)).sort());
});

test('pods writing to another folder than the mounted one: the data is found in the node and the mismatch named', async () => {
  const data = join(dir, 'data');
  await runInstrumented(fixture, 'farewell', data);
  const node = await nodeContainer('/var/cover', data);

  const result = await collectCoverage(request({ podDir: '/var/cover', nodes: [node] }));

  expect(result.percent).toBeGreaterThan(0);
  expect(result.warnings).toEqual([expect.stringContaining(
    'GOCOVERDIR/path mismatch: the pods write to /var/cover on their node, but the node mounts the host folder at /coverdata; ' +
    'set coverage.podDir to /coverdata.')]);
});

test('nothing in the host folder nor in the nodes: the images were not built with -cover or GOCOVERDIR is unset', async () => {
  await mkdir(join(dir, 'host'));
  const node = await nodeContainer('/coverdata');
  const result = await collectCoverage(request({ nodes: [node] }));
  expect(result.warnings).toEqual([expect.stringMatching(
    /^No coverage data was found although coverage is on: neither .* nor the nodes' \/coverdata hold a covmeta file.*not built with -cover.*GOCOVERDIR=\/coverdata/)]);
});

test('without Go the data is kept and the warning says to install Go', async () => {
  await runInstrumented(fixture, 'farewell', join(dir, 'host'));
  const result = await collectCoverage(request({ go: join(dir, 'no-go', 'go') }));
  expect(result.percent).toBeUndefined();
  expect(result.warnings).toEqual([
    `Go is not installed (${join(dir, 'no-go', 'go')} was not found), so the coverage data in ${join(dir, 'out', 'covdata')} ` +
      'was not converted: install Go 1.20 or newer in the job before this step (actions/setup-go).',
  ]);
  expect(result.files.filter((f) => f.includes('/covdata/'))).toHaveLength(2);
});
