import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { prepareFixtureRepo, writeFixtureConfig } from '../fixtures/prepare.js';
import { readZip, startGitHubServices } from '../doubles/github/index.js';
import { emptyRepo, fixtureRepo, root, runEntry } from './entries.js';

describe('the bundled main step', () => {
  it("prints the plan of the default stack, kubernaut's main: the hand-off, the cluster made ahead, the exact suite command and environment", async () => {
    const run = await runEntry('index.js', { workspace: fixtureRepo, inputs: { 'dry-run': 'true' } });
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 0, stdout: expect.anything() });
    expect(run.stdout).toMatch(/^aianalysis-e2e \d+\.\d+\.\d+\n/);
    for (const text of [
      'docker/data-storage.Dockerfile',
      'docker/kubernautagent.Dockerfile',
      'docker/aianalysis.Dockerfile',
      'test/services/mock-llm/go.Dockerfile',
      'test/infrastructure/kind-aianalysis-config.yaml',
      'KUBERNAUT_CI_ARTIFACT_TAG',
      'KIND_EXPERIMENTAL_PROVIDER',
      'make -o ',
    ]) {
      expect(run.stdout).toContain(text);
      expect(run.summary).toContain(text);
    }
    expect(run.summary).toMatch(/^### AIAnalysis E2E\n\n\*\*📝 AIAnalysis E2E dry run/);
    expect(run.summary).toMatch(/Setup `suite`: the suite creates or reuses its cluster and deploys its stack; the action resolves the images once/);
    expect(run.summary).toMatch(/\| datastorage \| build \| `localhost\/datastorage:sha256-[0-9a-f]{32}` \| no registry configured \|/);
    expect(run.summary).toMatch(/Images handed over as: `localhost\/datastorage:e2e-[0-9a-f]{24}`, `localhost\/kubernautagent:e2e-/);
    expect(run.summary).toMatch(/Command: `make -o \S+\/suite-bin\/ginkgo test-e2e-aianalysis GINKGO=\S+\/suite-bin\/ginkgo`/);
    expect(run.summary).toContain('it passes on focus and label');
    expect(run.summary).toContain('created ahead');
    // The action deploys nothing: no stages, no manifests checked.
    expect(run.summary).not.toContain('postgresql.yaml');
    expect(run.summary).not.toMatch(/\| (KEEP_CLUSTER|E2E_COVERAGE|IMAGE_TAG) \|/);
    expect(run.outputs.result).toBe('dry-run');
    expect(Object.keys(run.outputs)).toEqual(expect.arrayContaining(['tests-passed', 'images', 'timings', 'artifact-id']));
  });

  it('prints the plan of a stack the action deploys (setup action), its manifests checked', async () => {
    const repo = await prepareFixtureRepo('action');
    try {
      const run = await runEntry('index.js', { workspace: repo, inputs: { 'dry-run': 'true' } });
      expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 0, stdout: expect.anything() });
      for (const text of ['holmesgpt-api/Dockerfile', 'postgres:16-alpine', 'kubernaut-system', 'make test-e2e-attached', 'The manifests are valid']) expect(run.summary).toContain(text);
      expect(run.summary).toContain('| databases | postgresql.yaml, redis.yaml | 300 |');
      expect(run.summary).toContain('Setup `action`');
      expect(run.summary).toMatch(/\| datastorage \| build \| `localhost\/kubernaut-datastorage:sha256-[0-9a-f]{32}` \| no registry configured \|/);
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });

  it('a kind config conflict stops the dry run, as it would stop a real run', async () => {
    const repo = await prepareFixtureRepo('action');
    try {
      writeFileSync(join(repo, 'kind.yaml'), 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n  image: kindest/node:v1.30.0\n');
      await writeFixtureConfig(repo, 'action', { cluster: { kindConfig: 'kind.yaml' } });
      const run = await runEntry('index.js', { workspace: repo, inputs: { 'dry-run': 'true' } });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/kind\.yaml nodes\[0\]\.image is "kindest\/node:v1\.30\.0" but the node image is "kindest\/node:v1\.34/);
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });

  it("the January 2026 example on a tree whose Makefile passes no filter: the dry run passes, a shard is refused with the reason", async () => {
    const repo = await prepareFixtureRepo('suite');
    try {
      // The January Makefile's E2E target: `$(GINKGO) -v --timeout --procs ./test/e2e/$*/...`, no filter.
      const makefile = readFileSync(join(repo, 'Makefile'), 'utf8');
      const januaryRecipe = 'test-e2e-%: ginkgo\n\t@$(GINKGO) -v --timeout=$(TEST_TIMEOUT_E2E) --procs=$(TEST_PROCS) ./test/e2e/$*/...\n';
      writeFileSync(join(repo, 'Makefile'), makefile.replace(/^test-e2e-%:[\s\S]*?(?=\n# A suite of one's own)/m, januaryRecipe));
      mkdirSync(join(repo, '.github'), { recursive: true });
      copyFileSync(join(root, 'docs/examples/kubernaut-2026-01.yaml'), join(repo, '.github/aianalysis-e2e.yaml'));
      const dry = await runEntry('index.js', { workspace: repo, inputs: { 'dry-run': 'true' } });
      expect({ status: dry.status, stdout: dry.stdout }).toEqual({ status: 0, stdout: expect.anything() });
      expect(dry.summary).toContain('the suite builds its own images (it has no way to be handed them)');
      expect(dry.summary).toContain('it passes on no spec filter (no focus, no label, no shards)');
      const sharded = await runEntry('index.js', { workspace: repo, inputs: { 'dry-run': 'true', shard: '1/2' } });
      expect(sharded.status).toBe(1);
      expect(sharded.stdout).toContain('shard 1/2 needs a focus, but make test-e2e-aianalysis passes no GINKGO_FOCUS to ginkgo');
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });

  it('plans only the images with images-only: no dependencies, cluster, manifests or suite', async () => {
    const run = await runEntry('index.js', { workspace: fixtureRepo, inputs: { 'dry-run': 'true', 'images-only': 'true' } });
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 0, stdout: expect.anything() });
    expect(run.summary).toContain('Images only: no cluster, deploy or suite.');
    expect(run.summary).toContain('docker/data-storage.Dockerfile');
    for (const text of ['kind-aianalysis-config.yaml', 'make test-e2e-aianalysis', 'Suite invocation']) {
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
    expect(run.summary).toContain('| E2E_COVERAGE | `true` |');
    expect(run.summary).toMatch(/\| datastorage \|[^\n]*GOFLAGS=-cover/);
    expect(run.summary).not.toMatch(/\| kubernautagent \|[^\n]*GOFLAGS=-cover/);
    // With coverage on, the make target recreates coverdata/: no cluster is made ahead.
    expect(run.summary).toContain('left to the suite, coverage is on');
  });

  it.each([
    [{ 'build-concurrency': 'lots' }, /::error title=Invalid configuration::input 'build-concurrency': got 'lots'/],
    [{ shard: '3/2' }, /::error title=Invalid configuration::input 'shard': got '3\/2'/],
    [{ 'image-source': 'always' }, /input 'image-source': .*'always'.*auto.*build.*pull/],
  ])('stops with an error naming the input for %j, does nothing else, and says so in the result and the summary', async (inputs, message) => {
    const run = await runEntry('index.js', { workspace: emptyRepo(), inputs: { ...inputs, 'dry-run': 'true' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(message);
    expect(run.stdout).toContain('Nothing was started');
    expect(run.stdout).not.toContain('Images');
    expect(run.outputs).toMatchObject({ result: 'failure', timings: '', images: '' });
    expect(run.summary).toMatch(/❌ AIAnalysis E2E failed.*\n\nNothing was started: the configuration is invalid\./);
    const [input] = Object.keys(inputs);
    expect(run.summary).toMatch(new RegExp(`### Invalid configuration\\n\\n\\| where \\| problem \\|\\n.*\\n\\| input '${input}' \\|`));
  });

  it('points at the line of a typo in the config file, with a suggestion', async () => {
    const repo = emptyRepo();
    mkdirSync(join(repo, '.github'));
    writeFileSync(join(repo, '.github/aianalysis-e2e.yaml'), 'cluster:\n  name: e2e\nimagse:\n  x: {}\n');
    const run = await runEntry('index.js', { workspace: repo, inputs: { 'dry-run': 'true' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/::error title=Invalid configuration,file=\.github\/aianalysis-e2e\.yaml,line=3::.*imagse.*did you mean .*images/);
    expect(run.outputs.result).toBe('failure');
    expect(run.summary).toContain("| .github/aianalysis-e2e.yaml: imagse (line 3) | unknown key; did you mean 'images'? |");
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

describe('a report file that cannot be written (/dev/full answers every write with ENOSPC)', () => {
  it('names the summary file, still writes the outputs and prints the summary, and fails the step', async () => {
    const run = await runEntry('index.js', { workspace: fixtureRepo, inputs: { 'dry-run': 'true' }, env: { GITHUB_STEP_SUMMARY: '/dev/full' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error title=Report not written::The report could not be written: cannot write /dev/full: the disk is full');
    expect(run.outputs.result).toBe('dry-run');
    expect(run.stdout).toContain('AIAnalysis E2E dry run');
  });

  it('names the outputs file and still writes the summary', async () => {
    const run = await runEntry('index.js', { workspace: fixtureRepo, inputs: { 'dry-run': 'true' }, env: { GITHUB_OUTPUT: '/dev/full' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error title=Report not written::The report could not be written: cannot write /dev/full: the disk is full');
    expect(run.summary).toMatch(/AIAnalysis E2E dry run/);
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

  it('uploads the evidence a stopped main step left pending, redacted, under its own name once main had begun', async () => {
    const github = await startGitHubServices();
    try {
      const password = 'pw-post-5e4d3c2b1a';
      const workDir = join(github.env.RUNNER_TEMP!, 'aianalysis-e2e');
      mkdirSync(join(workDir, 'junit'), { recursive: true });
      writeFileSync(join(workDir, 'timings.json'), '{}\n');
      writeFileSync(join(workDir, 'junit/e2e-junit.xml'), `<testsuites><!-- ${password} --></testsuites>\n`);
      const pending = { paths: ['timings.json', 'junit/e2e-junit.xml'], artifactName: 'e2e', retentionDays: 7, shard: null, uploadStarted: true };
      const run = await runEntry('post.js', {
        workspace: emptyRepo(),
        env: { ...github.env, 'INPUT_REGISTRY-PASSWORD': password },
        state: { 'pending-evidence': JSON.stringify(pending) },
      });
      expect(run.status).toBe(0);
      const [artifact] = github.artifacts();
      expect(artifact).toMatchObject({ name: expect.stringMatching(/^e2e-post-/), finalized: true });
      const files = readZip(artifact!.zipBytes);
      expect([...files.keys()].sort()).toEqual(['junit/e2e-junit.xml', 'timings.json']);
      expect(files.get('junit/e2e-junit.xml')!.toString()).not.toContain(password);
      expect(run.summary).toContain(`uploaded by the post step: artifact [${artifact!.name}]`);
    } finally {
      await github.close();
    }
  });

  it('uploads nothing from a pending state that points out of the work folder', async () => {
    const github = await startGitHubServices();
    try {
      const pending = { paths: ['../../etc/passwd'], artifactName: 'e2e', retentionDays: 7, shard: null, uploadStarted: false };
      const run = await runEntry('post.js', { workspace: emptyRepo(), env: github.env, state: { 'pending-evidence': JSON.stringify(pending) } });
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/::warning::aianalysis-e2e: the saved evidence state is not valid \(paths are not all relative paths inside the work folder\)/);
      expect(github.artifacts()).toEqual([]);
    } finally {
      await github.close();
    }
  });
});
