// The runner preflight: the real podman of this machine, and for the versions it does not have
// (crun, older or newer go) a stand-in that answers the same probes (doubles/tools/versioned-tool).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_IN_MANIFESTS, loadConfig } from '../../src/config/index.js';
import { makePlan } from '../../src/plan/plan.js';
import { checkRunner, PreflightError, requireReady, runnerNeeds, type RunnerCheck } from '../../src/pipeline/preflight.js';

const STAND_IN = join(import.meta.dirname, '../doubles/tools/versioned-tool');
const savedEnv = { ...process.env };
let dirs: string[] = [];
afterEach(() => {
  process.env = { ...savedEnv };
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'preflight-'));
  dirs.push(dir);
  return dir;
}

/** Puts stand-ins for `tools` first on PATH, with the FAKE_* values given. */
function standIns(tools: string[], values: Record<string, string>): void {
  const bin = tempDir();
  for (const tool of tools) symlinkSync(STAND_IN, join(bin, tool));
  Object.assign(process.env, values, { PATH: `${bin}:${savedEnv.PATH}` });
}

/** A repository holding only a go.mod. */
function goModule(goMod: string): string {
  const repo = tempDir();
  writeFileSync(join(repo, 'go.mod'), goMod);
  return repo;
}

const only = (checks: RunnerCheck[], tool: string) => checks.filter((check) => check.tool === tool);

describe('podman', () => {
  it('reports the real podman\'s version and OCI runtime', async () => {
    const version = execFileSync('podman', ['version', '--format', '{{.Client.Version}}'], { encoding: 'utf8' }).trim();
    const runtime = execFileSync('podman', ['info', '--format', '{{.Host.OCIRuntime.Name}}'], { encoding: 'utf8' }).trim();
    const checks = await checkRunner({ podman: true }, { repoRoot: tempDir() });
    expect(checks.map(({ tool, found }) => ({ tool, found }))).toEqual([
      { tool: 'podman', found: version },
      { tool: 'OCI runtime', found: runtime === 'crun' ? expect.stringMatching(/^crun \d/) : runtime },
    ]);
  });

  it.each([
    ['1.14.1', false],
    ['1.8.7', false],
    ['1.14.3', true],
    ['1.28', true],
  ])('crun %s: new enough %s', async (crun, enough) => {
    standIns(['podman'], { FAKE_OCI_RUNTIME_VERSION: crun });
    const [podman, runtime] = await checkRunner({ podman: true }, { repoRoot: tempDir() });
    expect(podman).toEqual({ tool: 'podman', found: '4.9.3' });
    expect(runtime.found).toBe(`crun ${crun}`);
    if (enough) expect(runtime.problem).toBeUndefined();
    else expect(runtime.problem).toMatch(new RegExp(`^podman runs containers with crun ${crun.replace(/\./g, '\\.')} \\(/usr/bin/crun\\); crun older than 1\\.14\\.3 .*add a step before this action that installs crun 1\\.14\\.3 or newer over /usr/bin/crun`));
  });

  it('names the install step when podman is missing', async () => {
    process.env.PATH = tempDir();
    const checks = await checkRunner({ podman: true }, { repoRoot: tempDir() });
    expect(checks).toEqual([{ tool: 'podman', found: 'not found', problem: expect.stringContaining('sudo apt-get install -y podman') }]);
  });
});

describe('kind', () => {
  it.each([
    ['v0.31.0', true],
    ['v0.32.0', false],
    ['v0.33.0', false],
  ])('%s for a suite that makes its cluster: a problem %s', async (version, problem) => {
    const [check] = await checkRunner({ podman: false, suiteKind: version }, { repoRoot: tempDir() });
    expect(check.problem !== undefined).toBe(problem);
    if (problem) expect(check.problem).toContain('set the input kind-version (cluster.kindVersion) to v0.32.0 or newer');
  });
});

describe('go against go.mod', () => {
  it.each([
    ['go 1.26.6\n', '1.26.6', 'auto', undefined],
    ['go 1.26.6\n', '1.27.0', 'local', undefined],
    ['go 1.23\n', '1.23.5', 'local', undefined],
    ['go 1.26.6\n', '1.23.5', 'auto', 'warning'],
    ['go 1.25.0\n\ntoolchain go1.26.6\n', '1.25.3', 'auto', 'warning'],
    ['go 1.26.6\n', '1.23.5', 'local', 'problem'],
    ['go 1.26.6\n', '1.24.0', 'go1.24.0+path', 'problem'],
    ['go 1.22\n', '1.20.14', 'auto', 'problem'],
  ])('%j with go %s (GOTOOLCHAIN=%s): %s', async (goMod, local, toolchain, verdict) => {
    standIns(['go'], { FAKE_GO_VERSION: local, FAKE_GOTOOLCHAIN: toolchain });
    const checks = await checkRunner({ podman: false, goMod: 'go.mod' }, { repoRoot: goModule(goMod) });
    const [check] = only(checks, 'go');
    expect(check.found).toMatch(new RegExp(`^go ${local.replace(/\./g, '\\.')} \\(go\\.mod: go \\d`));
    const fix = 'add `actions/setup-go` with `go-version-file: go.mod` before this action';
    expect({ problem: check.problem, warning: check.warning }).toEqual({
      problem: verdict === 'problem' ? expect.stringContaining(fix) : undefined,
      warning: verdict === 'warning' ? expect.stringContaining(fix) : undefined,
    });
  });

  it('reads the real go of this machine', async () => {
    const version = execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8', cwd: tmpdir() }).trim().replace(/^go/, '');
    const [check] = await checkRunner({ podman: false, goMod: 'go.mod' }, { repoRoot: goModule(`go ${version}\n`) });
    expect(check).toEqual({ tool: 'go', found: `go ${version} (go.mod: go ${version})` });
  });

  it('names the toolchain line when it asks for more than the go line', async () => {
    standIns(['go'], { FAKE_GO_VERSION: '1.25.3', FAKE_GOTOOLCHAIN: 'auto' });
    const [check] = await checkRunner({ podman: false, goMod: 'go.mod' }, { repoRoot: goModule('go 1.25.0\ntoolchain go1.26.6\n') });
    expect(check.warning).toMatch(/^go 1\.25\.3 is older than go 1\.26\.6 \(go\.mod\): go downloads go1\.26\.6 at every run; /);
  });

  it('names setup-go when go is missing', async () => {
    process.env.PATH = tempDir();
    const [check] = await checkRunner({ podman: false, goMod: 'go.mod' }, { repoRoot: goModule('go 1.26.6\n') });
    expect(check).toEqual({ tool: 'go', found: 'not found', problem: expect.stringMatching(/^go is not on PATH and the suite builds with it \(go\.mod\): add `actions\/setup-go`/) });
  });
});

it('stops with one line per problem, and lets warnings through', () => {
  const checks: RunnerCheck[] = [
    { tool: 'podman', found: '4.9.3' },
    { tool: 'OCI runtime', found: 'crun 1.14.1', problem: 'crun is old: install a newer one' },
    { tool: 'kind', found: 'v0.31.0', problem: 'kind is old: set kind-version' },
    { tool: 'go', found: 'go 1.23.5', warning: 'go downloads go1.26.6 at every run' },
  ];
  expect(() => requireReady(checks)).toThrow(PreflightError);
  expect(() => requireReady(checks)).toThrow('The runner is not ready; nothing was started:\n- crun is old: install a newer one\n- kind is old: set kind-version');
  expect(requireReady(checks.filter((check) => !check.problem))).toEqual(['go downloads go1.26.6 at every run']);
});

describe('what a run needs', () => {
  const needs = (inputs: Record<string, string>, repoRoot: string, engine: 'docker' | 'podman' | undefined) => {
    const config = loadConfig({ inputs, repoRoot, builtInManifests: BUILT_IN_MANIFESTS });
    return runnerNeeds(config, makePlan(config), repoRoot, engine);
  };

  it('kubernaut\'s suite: podman, the kind it installs, go when the suite is a Go module', () => {
    expect(needs({}, goModule('go 1.26.6\n'), 'docker')).toEqual({ podman: true, suiteKind: 'v0.33.0', goMod: 'go.mod' });
    expect(needs({}, tempDir(), 'docker')).toEqual({ podman: true, suiteKind: 'v0.33.0' });
  });

  it('an images-only run: podman only when it builds with podman', () => {
    expect(needs({ 'images-only': 'true' }, goModule('go 1.26.6\n'), 'docker')).toEqual({ podman: false });
    expect(needs({ 'images-only': 'true' }, goModule('go 1.26.6\n'), 'podman')).toEqual({ podman: true });
  });
});
