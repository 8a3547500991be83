import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyRepo, fixtureRepo, node24, root } from '../action/entries.js';

const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(node24, [join(root, 'dist/cli.js'), ...args], { encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH, ...env } });

describe('the local command', () => {
  it('lists every action input as a flag in its help', () => {
    const run = cli(['--help']);
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 0, stdout: expect.anything() });
    for (const flag of ['--dry-run', '--image-source VALUE', '--shard VALUE', '--keep-cluster', '--repo DIR']) expect(run.stdout).toContain(flag);
  });

  it('prints the package version', () => {
    const run = cli(['--version']);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  it.each([
    [['run', '--colour'], /Unknown option '--colour'/],
    [['deploy'], /expected the command 'run', got 'deploy'/],
    [['run', '--registry-password', 'x'], /Unknown option '--registry-password'/],
  ])('rejects %j with usage and exit code 2', (args, message) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage: aianalysis-e2e run');
  });

  it('prints the same plan as the action on a dry run and writes the outputs to the work directory', () => {
    const workDir = mkdtempSync(join(tmpdir(), 'cli-work-'));
    const run = cli(['run', '--repo', fixtureRepo, '--work-dir', workDir, '--dry-run', '--cluster-name', 'local-e2e']);
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 0, stdout: expect.anything() });
    expect(run.stdout).toContain('AIAnalysis E2E dry run');
    expect(run.stdout).toContain('cluster local-e2e');
    expect(run.stdout.match(/^Images$/gm)).toHaveLength(1);
    const outputs = JSON.parse(readFileSync(join(workDir, 'outputs.json'), 'utf8'));
    expect(outputs.result).toBe('dry-run');
  });

  it('--explain IMAGE lists the files that make its tag, each with why, and builds nothing', () => {
    const run = cli(['run', '--repo', fixtureRepo, '--work-dir', mkdtempSync(join(tmpdir(), 'cli-work-')), '--explain', 'aianalysis']);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const [tagLine, modeLine, dockerfileLine, ...files] = run.stdout.trim().split('\n');
    expect(tagLine).toMatch(/^tag sha256-[0-9a-f]{32}; paths relative to the context /);
    // The built-in images hash their Go closure; the fixture's Dockerfiles build no Go package, so
    // the files the Dockerfile copies are the inputs, and the line says why.
    const count = Number(/^image aianalysis: inputs dockerfile, (\d+) files \(go not used: the Dockerfile has no `go build`/.exec(modeLine)?.[1]);
    expect(files).toHaveLength(count);
    expect(dockerfileLine).toMatch(/\tthe Dockerfile$/);
    for (const line of files) expect(line).toMatch(/^[^\t]+\tcopied by the Dockerfile \(line \d+\)$/);
  });

  it('--explain with an unknown image names the images there are', () => {
    const run = cli(['run', '--repo', fixtureRepo, '--work-dir', mkdtempSync(join(tmpdir(), 'cli-work-')), '--explain', 'nope']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--explain: no image 'nope'; the images are .*aianalysis/);
  });

  it('reads the registry password from the environment and never prints it', () => {
    const password = 'cli-pw-1a2b3c4d';
    const workDir = mkdtempSync(join(tmpdir(), 'cli-work-'));
    const run = cli(['run', '--repo', emptyRepo(), '--work-dir', workDir, '--dry-run', '--registry', 'bad registry!'], { AIANALYSIS_E2E_REGISTRY_PASSWORD: password });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("input 'registry'");
    expect(run.stdout + run.stderr).not.toContain(password);
  });
});
