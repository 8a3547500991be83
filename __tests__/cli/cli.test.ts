import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
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
    [['deploy'], /expected the command 'run' or 'paths', got 'deploy'/],
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
    // The runner's tools, as a real run checks them first: this machine's podman and go.
    const podman = spawnSync('podman', ['version', '--format', '{{.Client.Version}}'], { encoding: 'utf8' }).stdout.trim();
    const runner = run.stdout.slice(run.stdout.indexOf('\nRunner\n'));
    expect(runner.split('\n').slice(6, 10).map((line) => line.split(/ {2,}/))).toEqual([
      ['podman', podman, 'ok'],
      ['OCI runtime', expect.any(String), 'ok'],
      ['kind', 'v0.33.0 (installed by the action)', 'ok'],
      ['go', expect.stringMatching(/^go \S+ \(go\.mod: go 1\.23\)$/), 'ok'],
    ]);
  });

  it('stops a run whose runner is not ready before anything starts, naming the fix', () => {
    const workDir = mkdtempSync(join(tmpdir(), 'cli-work-'));
    const run = cli(['run', '--repo', fixtureRepo, '--work-dir', workDir, '--kind-version', 'v0.31.0']);
    expect(run.status).toBe(1);
    expect(run.stderr + run.stdout).toContain(
      'The runner is not ready; nothing was started:\n- kind v0.31.0 is older than v0.32.0, which the suite\'s kind config needs: set the input kind-version (cluster.kindVersion) to v0.32.0 or newer',
    );
    expect(run.stdout).not.toMatch(/^image \S+: (build|pull|reuse)/m);
    expect(JSON.parse(readFileSync(join(workDir, 'outputs.json'), 'utf8')).result).toBe('failure');
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

  it('paths prints the workflows\' paths filter as YAML, with what widened it on stderr', () => {
    const run = cli(['paths', '--repo', fixtureRepo]);
    expect(run.status).toBe(0);
    const { paths } = parse(run.stdout) as { paths: string[] };
    expect(paths).toEqual([...paths].sort());
    expect(paths).toEqual(expect.arrayContaining(['.github/aianalysis-e2e.yaml', '.github/workflows/aianalysis-e2e-*.yml', 'docker/aianalysis.Dockerfile', 'test/e2e/aianalysis/**']));
    // The fixture's Dockerfiles build no Go package: each image falls back to what it copies.
    expect(run.stderr).toMatch(/^note: image 'aianalysis': inputs 'go' fell back to 'dockerfile': /m);
  });

  it('paths --check passes for workflows that list the filter and names each difference otherwise', () => {
    const { stdout } = cli(['paths', '--repo', fixtureRepo]);
    const { paths } = parse(stdout) as { paths: string[] };
    const dir = mkdtempSync(join(tmpdir(), 'cli-paths-'));
    const workflow = (name: string, list: string[]) => {
      writeFileSync(join(dir, name), stringify({ on: { pull_request: { paths: list }, push: { branches: ['main'], paths: list } }, jobs: {} }));
      return join(dir, name);
    };
    const good = cli(['paths', '--repo', fixtureRepo, '--check', workflow('good.yml', paths)]);
    expect({ status: good.status, stdout: good.stdout, errors: good.stderr.split('\n').filter((line) => line.startsWith('error')) }).toEqual({ status: 0, stdout: '', errors: [] });

    const stale = workflow('stale.yml', [...paths.filter((path) => path !== 'docker/aianalysis.Dockerfile'), 'holmesgpt-api/**']);
    const bad = cli(['paths', '--repo', fixtureRepo, '--check', workflow('good.yml', paths), '--check', stale]);
    expect(bad.status).toBe(1);
    const errors = bad.stderr.split('\nerror: ').filter((block) => block.includes('differs'));
    expect(errors).toEqual([
      expect.stringContaining(`${stale}: on.pull_request.paths differs`),
      expect.stringContaining(`${stale}: on.push.paths differs`),
    ]);
    for (const error of errors) expect(error).toMatch(/\n {2}missing: docker\/aianalysis\.Dockerfile\n {2}not an input: holmesgpt-api\/\*\*\n?$/);
  });

  it('paths --check fails for a workflow without a paths list', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cli-paths-')), 'none.yml');
    writeFileSync(file, 'on: [pull_request]\njobs: {}\n');
    const run = cli(['paths', '--repo', fixtureRepo, '--check', file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`error: ${file}: no on.<event>.paths list to check`);
  });

  it('reads the registry password from the environment and never prints it', () => {
    const password = 'cli-pw-1a2b3c4d';
    const workDir = mkdtempSync(join(tmpdir(), 'cli-work-'));
    const run = cli(['run', '--repo', emptyRepo(), '--work-dir', workDir, '--dry-run', '--registry', 'bad registry!'], { AIANALYSIS_E2E_REGISTRY_PASSWORD: password });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("input 'registry'");
    expect(run.stdout + run.stderr).not.toContain(password);
  });

  it('shows the configuration in effect with --verbose only, its secrets masked', () => {
    const password = 'cli-pw-9z8y7x6w';
    const env = { AIANALYSIS_E2E_REGISTRY_PASSWORD: password };
    const args = (workDir: string) => ['run', '--repo', fixtureRepo, '--work-dir', workDir, '--dry-run', '--registry', '127.0.0.1:5000/team', '--registry-username', 'bot'];
    const quiet = cli(args(mkdtempSync(join(tmpdir(), 'cli-work-'))), env);
    const verbose = cli([...args(mkdtempSync(join(tmpdir(), 'cli-work-'))), '--verbose'], env);
    expect(quiet.stdout).not.toContain('configuration in effect');
    const shown = verbose.stdout.slice(verbose.stdout.indexOf('configuration in effect'));
    expect(shown).toContain('prefix: 127.0.0.1:5000/team');
    expect(shown).toContain('password: "***"');
    expect(verbose.stdout + verbose.stderr).not.toContain(password);
  });
});
