// The local command as users get it: `npm pack` of the package, installed from the tarball into
// an empty folder without the network, then run with npx. The package is staged from a fresh
// build of src/ (scripts/build.mjs) and the folders package.json `files` names, so the test
// never depends on whether the committed dist/ is up to date.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fixtureRepo, node24, root } from '../action/entries.js';

const PACKAGE = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; files: string[] };

let scratch: string;
let app: string;
/** The environment of every npm and CLI call: node24 first on PATH, npm's cache in the scratch folder. */
let env: Record<string, string>;

function ok(result: SpawnSyncReturns<string>, what: string): SpawnSyncReturns<string> {
  if (result.status !== 0) throw new Error(`${what} exited with ${result.status ?? result.signal}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

function npm(args: string[], cwd: string, extraEnv: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 180_000, env: { ...env, ...extraEnv } });
}

/**
 * `npx aianalysis-e2e ARGS` in the folder the package was installed in. npm itself keeps Node's
 * compile cache in the temp folder; that cache is off here, so what is left there is the command's.
 */
function npx(args: string[], extraEnv: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync('npx', ['--offline', 'aianalysis-e2e', ...args], {
    cwd: app,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...env, NODE_DISABLE_COMPILE_CACHE: '1', ...extraEnv },
  });
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'cli-package-'));
  env = {
    PATH: [dirname(node24), process.env.PATH ?? ''].join(':'),
    HOME: join(scratch, 'home'),
    npm_config_cache: join(scratch, 'npm-cache'),
    npm_config_update_notifier: 'false',
  };
  const stage = join(scratch, 'stage');
  mkdirSync(stage);
  for (const file of ['package.json', 'README.md', 'LICENSE']) cpSync(join(root, file), join(stage, file));
  for (const entry of PACKAGE.files.filter((file) => file.replace(/\/$/, '') !== 'dist')) cpSync(join(root, entry), join(stage, entry), { recursive: true });
  ok(spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), join(stage, 'dist')], { encoding: 'utf8', timeout: 300_000 }), 'the build');

  const packed = ok(npm(['pack', '--json', '--pack-destination', scratch], stage), 'npm pack');
  const [{ filename }] = JSON.parse(packed.stdout) as { filename: string }[];
  app = join(scratch, 'app');
  mkdirSync(app);
  ok(npm(['install', '--offline', '--no-audit', '--no-fund', join(scratch, filename)], app), 'npm install of the tarball');
}, 600_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the packed local command', () => {
  it('installs from the tarball alone: no dependency comes with it', () => {
    expect(readdirSync(join(app, 'node_modules')).filter((name) => name !== '.package-lock.json' && name !== '.bin')).toEqual([PACKAGE.name]);
  });

  it('runs with npx and prints its help', () => {
    const run = npx(['--help']);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Usage: aianalysis-e2e run \[flags\]/);
    expect(run.stdout).toContain('--verbose');
    expect(run.stdout).toContain('--dry-run');
  });

  it('prints the version of the package', () => {
    const run = npx(['--version']);
    expect(run.stdout.trim()).toBe(PACKAGE.version);
  });

  it('does a dry run that writes only in its work folder, and nothing under the temp folder', () => {
    const temp = join(scratch, 'temp');
    mkdirSync(temp);
    const workDir = join(scratch, 'work');
    const run = npx(['run', '--repo', fixtureRepo, '--work-dir', workDir, '--dry-run', '--cluster-name', 'packed-e2e'], { TMPDIR: temp });

    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toContain('AIAnalysis E2E dry run');
    expect(run.stdout).toContain('cluster packed-e2e');
    expect(run.stdout).not.toContain('::debug::');
    expect(JSON.parse(readFileSync(join(workDir, 'outputs.json'), 'utf8')).result).toBe('dry-run');
    expect(readdirSync(temp)).toEqual([]);
  });

  it('keeps its default work folder in the home folder of the user, not in the temp folder all users share', () => {
    const temp = join(scratch, 'temp-default');
    mkdirSync(temp);
    const run = npx(['run', '--repo', fixtureRepo, '--dry-run'], { TMPDIR: temp });

    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const outputs = join(env.HOME, '.cache', 'aianalysis-e2e', 'work', 'outputs.json');
    expect(run.stdout).toContain(`Outputs written to ${outputs}`);
    expect(existsSync(outputs)).toBe(true);
    expect(readdirSync(temp)).toEqual([]);
  });
});
