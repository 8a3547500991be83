import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyRepo, fixtureRepo, runEntry } from './entries.js';

describe('the bundled main step', () => {
  it('prints the plan of the default kubernaut stack on a dry run and writes outputs and a summary', async () => {
    const run = await runEntry('index.js', { workspace: fixtureRepo, inputs: { 'dry-run': 'true' } });
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 0, stdout: expect.anything() });
    expect(run.stdout).toMatch(/^aianalysis-e2e \d+\.\d+\.\d+\n/);
    for (const text of ['docker/data-storage.Dockerfile', 'holmesgpt-api/Dockerfile', 'docker/aianalysis.Dockerfile', 'postgres:16-alpine', 'redis:7-alpine', 'kubernaut-system', 'make test-e2e-aianalysis']) {
      expect(run.stdout).toContain(text);
      expect(run.summary).toContain(text);
    }
    expect(run.summary).toMatch(/^### AIAnalysis E2E\n\n\*\*📝 AIAnalysis E2E dry run/);
    expect(run.summary).toContain('| databases | postgresql.yaml, redis.yaml | 300 |');
    expect(run.outputs.result).toBe('dry-run');
    expect(run.summary).toMatch(/\| datastorage \| build \| `localhost\/kubernaut-datastorage:sha256-[0-9a-f]{32}` \| no registry configured \|/);
    expect(run.summary).toContain('The manifests are valid');
    expect(Object.keys(run.outputs)).toEqual(expect.arrayContaining(['tests-passed', 'images', 'timings', 'artifact-id']));
  });

  it('plans only the images with images-only: no dependencies, cluster, manifests or suite', async () => {
    const run = await runEntry('index.js', { workspace: fixtureRepo, inputs: { 'dry-run': 'true', 'images-only': 'true' } });
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 0, stdout: expect.anything() });
    expect(run.summary).toContain('Images only: no cluster, deploy or suite.');
    expect(run.summary).toContain('docker/data-storage.Dockerfile');
    for (const text of ['postgres:16-alpine', 'kubernaut-system', 'make test-e2e-aianalysis', 'The manifests are valid']) {
      expect(run.summary).not.toContain(text);
    }
  });

  it('takes the suite filters and shard from inputs into the plan', async () => {
    const run = await runEntry('index.js', {
      workspace: fixtureRepo,
      inputs: { 'dry-run': 'true', 'ginkgo-focus': 'health endpoints', shard: '2/3', coverage: 'true' },
    });
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 0, stdout: expect.anything() });
    expect(run.summary).toContain('shard 2/3');
    expect(run.summary).toContain('GINKGO_FOCUS=health endpoints');
    expect(run.summary).toContain('E2E_COVERAGE=true');
    expect(run.summary).toMatch(/\| datastorage \|[^\n]*GOFLAGS=-cover/);
    expect(run.summary).not.toMatch(/\| holmesgpt-api \|[^\n]*GOFLAGS=-cover/);
  });

  it.each([
    [{ 'build-concurrency': 'lots' }, /::error title=Invalid configuration::input 'build-concurrency': got 'lots'/],
    [{ shard: '3/2' }, /::error title=Invalid configuration::input 'shard': got '3\/2'/],
    [{ 'image-source': 'always' }, /input 'image-source': .*'always'.*auto.*build.*pull/],
  ])('stops with an error naming the input for %j, and does nothing else', async (inputs, message) => {
    const run = await runEntry('index.js', { workspace: emptyRepo(), inputs: { ...inputs, 'dry-run': 'true' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(message);
    expect(run.stdout).toContain('Nothing was started');
    expect(run.stdout).not.toContain('Images');
    expect(run.outputs).toEqual({});
    expect(run.summary).toBe('');
  });

  it('points at the line of a typo in the config file, with a suggestion', async () => {
    const repo = emptyRepo();
    mkdirSync(join(repo, '.github'));
    writeFileSync(join(repo, '.github/aianalysis-e2e.yaml'), 'cluster:\n  name: e2e\nimagse:\n  x: {}\n');
    const run = await runEntry('index.js', { workspace: repo, inputs: { 'dry-run': 'true' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/::error title=Invalid configuration,file=\.github\/aianalysis-e2e\.yaml,line=3::.*imagse.*did you mean .*images/);
  });

  it('refuses a build context that leaves the repository', async () => {
    const repo = emptyRepo();
    writeFileSync(join(repo, 'e2e.yaml'), 'images:\n  datastorage:\n    dockerfile: docker/ds.Dockerfile\n    context: ../../etc\n');
    const run = await runEntry('index.js', { workspace: repo, inputs: { config: 'e2e.yaml', 'dry-run': 'true' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/e2e\.yaml: images\.datastorage\.context \(line 4\).*\.\.\/\.\.\/etc/);
  });

  it('never prints the registry password, even when the run fails on it', async () => {
    const password = 'pw-9f8e7d6c5b4a';
    const run = await runEntry('index.js', {
      workspace: emptyRepo(),
      inputs: { 'registry-password': password, 'registry-username': '', registry: 'NOT A REGISTRY', 'dry-run': 'true' },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::add-mask::');
    expect(run.stdout.replace(`::add-mask::${password}`, '')).not.toContain(password);
  });
});

it('stops a dry run that names a Dockerfile the repository lacks, saying which', async () => {
  const run = await runEntry('index.js', { workspace: emptyRepo(), inputs: { 'dry-run': 'true' } });
  expect(run.status).toBe(1);
  expect(run.stdout).toMatch(/::error::.*datastorage.*docker\/data-storage\.Dockerfile/);
  expect(run.outputs.result).toBe('failure');
});

describe('the bundled post step', () => {
  it('says so when the main step left no state', async () => {
    const run = await runEntry('post.js', { workspace: emptyRepo() });
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 0, stdout: expect.anything() });
    expect(run.stdout).toContain('no cluster was created; nothing to clean up');
  });
});
