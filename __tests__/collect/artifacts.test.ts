import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evidenceArtifactName, uploadEvidence, type EvidenceRequest } from '../../src/collect/artifacts.js';
import { toolkitServices } from '../../src/host/toolkit.js';
import { workflowRun } from '../../src/host/workflow-run.js';
import { consoleLog, registerSecret } from '../../src/util/log.js';
import { applyEnv, readZip, startGitHubServices, type GitHubServices, type JobEnv } from '../doubles/github/index.js';

const SECRET = 'registry-password-7f3a9c';

/** GitHub's services as the action has them, for the job whose variables the test has set. */
const onRunner = () => toolkitServices(workflowRun(process.env), consoleLog({ write: () => true }));

let github: GitHubServices;
let root: string;
let restoreEnv: (() => void) | undefined;

beforeEach(async () => {
  // The toolkit clients print their progress on stdout; the assertions use the engine's log.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  github = await startGitHubServices();
  root = mkdtempSync(join(tmpdir(), 'evidence-'));
});

afterEach(async () => {
  restoreEnv?.();
  restoreEnv = undefined;
  jest.restoreAllMocks();
  await github.close();
  rmSync(root, { recursive: true, force: true });
});

function inJob(env: JobEnv | Record<string, string | undefined>): void {
  restoreEnv?.();
  restoreEnv = applyEnv(env);
}

function recordingLog() {
  const lines: string[] = [];
  const log = consoleLog({ write: (text: string) => lines.push(...text.trimEnd().split('\n')) });
  return { log, lines, warnings: () => lines.filter((line) => line.startsWith('warning: ')) };
}

/** The evidence of a run: a JUnit report, binary coverage files, a logs bundle and timings. */
function writeEvidence(): Record<string, Buffer> {
  const files: Record<string, Buffer> = {
    'e2e-junit.xml': Buffer.from('<testsuites tests="3" failures="0"></testsuites>\n'),
    'coverage/covmeta.0a1b': Buffer.from([0x00, 0x63, 0x6f, 0x76, 0xff, 0x10, 0x00]),
    'logs/aianalysis-e2e-control-plane/kubelet.log': Buffer.from('kubelet started\n'.repeat(500)),
    'logs/pods/kubernaut-system_aianalysis-controller/manager/0.log': Buffer.from('reconciled AIAnalysis\n'),
    'timings.json': Buffer.from(JSON.stringify({ schemaVersion: 1, phases: [] })),
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return files;
}

function request(overrides: Partial<EvidenceRequest> = {}): EvidenceRequest {
  return {
    rootDir: root,
    paths: ['e2e-junit.xml', 'coverage', 'logs', 'timings.json'],
    artifactName: 'aianalysis-e2e',
    retentionDays: 7,
    shard: null,
    ...overrides,
  };
}

describe('uploadEvidence on GitHub Actions', () => {
  test('uploads every evidence file, with its path under the root, as one artifact', async () => {
    const written = writeEvidence();
    inJob(github.env);
    const { log, warnings } = recordingLog();

    const outcome = await uploadEvidence(request(), log, onRunner());

    expect(warnings()).toEqual([]);
    const [stored] = github.artifacts();
    expect(github.artifacts()).toHaveLength(1);
    expect(stored.finalized).toBe(true);
    expect(readZip(stored.zipBytes)).toEqual(new Map(Object.entries(written)));
    expect(outcome.artifact).toEqual({
      id: stored.id,
      name: stored.name,
      url: `https://github.com/kubernaut/kubernaut/actions/runs/1001/artifacts/${stored.id}`,
      size: stored.zipBytes.length,
    });
    expect(stored.name).toBe('aianalysis-e2e-e2e-attempt-1');
  });

  test('a large bundle is uploaded in blocks and arrives intact', async () => {
    writeEvidence();
    // Incompressible and larger than the client's 8 MiB block size.
    const big = randomBytes(20 * 1024 * 1024);
    writeFileSync(join(root, 'logs/containerd.log'), big);
    inJob(github.env);

    const outcome = await uploadEvidence(request(), recordingLog().log, onRunner());

    const blockPuts = github.requests.filter((r) => r.service === 'blob' && r.comp === 'block');
    expect(blockPuts.length).toBeGreaterThan(1);
    expect(readZip(github.artifacts()[0].zipBytes).get('logs/containerd.log')?.equals(big)).toBe(true);
    expect(outcome.artifact?.size).toBe(github.artifacts()[0].zipBytes.length);
  });

  test('files the service would refuse are left out with a warning each; the rest is uploaded', async () => {
    const written = writeEvidence();
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'kubeconfig'), 'apiVersion: v1\n');
    writeFileSync(join(root, 'logs/pod:crash.log'), 'panic\n');
    symlinkSync(join(outside, 'kubeconfig'), join(root, 'logs/kubeconfig'));
    inJob(github.env);
    const { log, warnings } = recordingLog();

    const outcome = await uploadEvidence(request({ paths: [...request().paths, join(outside, 'kubeconfig')] }), log, onRunner());

    rmSync(outside, { recursive: true });
    expect(readZip(github.artifacts()[0].zipBytes)).toEqual(new Map(Object.entries(written)));
    expect(outcome.files.withheld.map((w) => w.file).sort()).toEqual(
      [join(outside, 'kubeconfig'), join(root, 'logs/kubeconfig'), join(root, 'logs/pod:crash.log')].sort(),
    );
    expect(warnings()).toHaveLength(3);
  });

  test('asks for the configured retention', async () => {
    writeEvidence();
    inJob(github.env);

    await uploadEvidence(request({ retentionDays: 30 }), recordingLog().log, onRunner());

    expect(github.artifacts()[0].retentionDays).toBe(30);
  });

  test('names are unique across the shards and attempts of one run', async () => {
    writeEvidence();
    const jobs = [
      { shard: { index: 1, total: 2 }, runAttempt: 1 },
      { shard: { index: 2, total: 2 }, runAttempt: 1 },
      { shard: { index: 1, total: 2 }, runAttempt: 2 },
    ];
    for (const { shard, runAttempt } of jobs) {
      inJob(github.startJob({ runAttempt }));
      const { log, warnings } = recordingLog();
      await uploadEvidence(request({ shard }), log, onRunner());
      expect(warnings()).toEqual([]);
    }

    expect(github.artifacts().map((a) => a.name)).toEqual([
      'aianalysis-e2e-e2e-shard-1-of-2-attempt-1',
      'aianalysis-e2e-e2e-shard-2-of-2-attempt-1',
      'aianalysis-e2e-e2e-shard-1-of-2-attempt-2',
    ]);
    expect(new Set(github.artifacts().map((a) => a.workflowRunBackendId)).size).toBe(1);
  });

  test('two matrix legs with the same artifact name: the second gets a warning saying what to change', async () => {
    writeEvidence();
    inJob(github.startJob());
    await uploadEvidence(request(), recordingLog().log, onRunner());
    inJob(github.startJob());
    const { log, warnings } = recordingLog();

    const outcome = await uploadEvidence(request(), log, onRunner());

    expect(outcome.artifact).toBeUndefined();
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('already exists in this workflow run');
    expect(warnings()[0]).toContain('report.artifactName');
    expect(github.artifacts()).toHaveLength(1);
  });

  test('artifact names never contain characters the service refuses', () => {
    const name = evidenceArtifactName('e2e', { index: 1, total: 3 }, {
      job: 'a:b|c*d?e"f<g>h\\i/j',
      runAttempt: '2',
    });

    expect(name).toBe('e2e-a-b-c-d-e-f-g-h-i-j-shard-1-of-3-attempt-2');
  });

  test('a transient storage error is retried by the client and the upload succeeds', async () => {
    writeEvidence();
    inJob(github.env);
    github.failNext('blob', 503);
    const { log, warnings } = recordingLog();

    const outcome = await uploadEvidence(request(), log, onRunner());

    expect(warnings()).toEqual([]);
    expect(outcome.artifact?.id).toBe(github.artifacts()[0].id);
    expect(github.requests.filter((r) => r.service === 'blob').map((r) => r.status)).toContain(503);
  });
});

describe('upload failures are warnings, and the evidence stays in place', () => {
  test('the artifact service is down', async () => {
    const written = writeEvidence();
    inJob(github.env);
    await github.close();
    const { log, warnings } = recordingLog();

    const outcome = await uploadEvidence(request(), log, onRunner());

    expect(outcome.artifact).toBeUndefined();
    expect(outcome.warnings).toHaveLength(1);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain(`kept in ${root}`);
    expect(readFileSync(join(root, 'e2e-junit.xml'))).toEqual(written['e2e-junit.xml']);
  });

  test('the artifact service refuses the request', async () => {
    writeEvidence();
    inJob(github.env);
    github.failNext('artifacts', 403);

    const outcome = await uploadEvidence(request(), recordingLog().log, onRunner());

    expect(outcome.artifact).toBeUndefined();
    expect(outcome.warnings[0]).toContain('403');
  });

  test('the blob storage refuses the upload', async () => {
    writeEvidence();
    inJob(github.env);
    github.failNext('blob', 403);

    const outcome = await uploadEvidence(request(), recordingLog().log, onRunner());

    expect(outcome.artifact).toBeUndefined();
    expect(outcome.warnings).toHaveLength(1);
    expect(github.artifacts().every((a) => !a.finalized)).toBe(true);
  });

  test('the service never answers: the run moves on at the deadline', async () => {
    writeEvidence();
    inJob(github.env);
    github.failNext('artifacts', 'hang');

    const outcome = await uploadEvidence(request({ deadlineMs: 300 }), recordingLog().log, onRunner());

    expect(outcome.artifact).toBeUndefined();
    expect(outcome.warnings[0]).toContain('did not finish within');
  });

  test('a step without the runtime token', async () => {
    writeEvidence();
    inJob({ ...github.env, ACTIONS_RUNTIME_TOKEN: undefined });

    const outcome = await uploadEvidence(request(), recordingLog().log, onRunner());

    expect(outcome.warnings).toHaveLength(1);
    expect(outcome.warnings[0]).toContain('ACTIONS_RUNTIME_TOKEN');
    expect(github.requests).toEqual([]);
  });
});

describe('the double', () => {
  test('refuses the artifact names the service refuses', async () => {
    const claims = JSON.parse(Buffer.from(github.env.ACTIONS_RUNTIME_TOKEN.split('.')[1], 'base64url').toString());
    const [, runId, jobId] = /Actions\.Results:([^:\s]+):(\S+)/.exec(claims.scp) ?? [];
    const response = await fetch(new URL('/twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact', github.env.ACTIONS_RESULTS_URL), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${github.env.ACTIONS_RUNTIME_TOKEN}` },
      body: JSON.stringify({ workflow_run_backend_id: runId, workflow_job_run_backend_id: jobId, name: 'e2e: nightly', version: 7 }),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'invalid_argument' });
  });
});

describe('outside GitHub Actions', () => {
  test('nothing is uploaded, no warning, and the result says where the evidence is', async () => {
    writeEvidence();
    inJob({ ...github.env, GITHUB_ACTIONS: undefined });
    const { log, lines, warnings } = recordingLog();

    const outcome = await uploadEvidence(request(), log, onRunner());

    expect(outcome.artifact).toBeUndefined();
    expect(outcome.dir).toBe(root);
    expect(outcome.files.files).toHaveLength(5);
    expect(outcome.warnings).toEqual([]);
    expect(warnings()).toEqual([]);
    expect(lines.some((line) => line.includes(`Evidence kept in ${root}`))).toBe(true);
    expect(github.requests).toEqual([]);
  });
});

describe('secrets never reach the artifact', () => {
  beforeAll(() => registerSecret(SECRET));

  test('a text file holding a registered secret is redacted in place before the upload', async () => {
    writeEvidence();
    const podLog = 'logs/pods/kubernaut-system_aianalysis-controller/manager/0.log';
    writeFileSync(join(root, podLog), `pulling with --password=${SECRET}\ndone\n`);
    inJob(github.env);

    const outcome = await uploadEvidence(request(), recordingLog().log, onRunner());

    const zip = readZip(github.artifacts()[0].zipBytes);
    expect(zip.get(podLog)?.toString()).toBe('pulling with --password=***\ndone\n');
    expect(github.artifacts()[0].zipBytes.includes(SECRET)).toBe(false);
    expect(readFileSync(join(root, podLog), 'utf8')).not.toContain(SECRET);
    expect(outcome.files.redacted).toEqual([join(root, podLog)]);
  });

  test('a binary file holding a registered secret is withheld, with a warning', async () => {
    writeEvidence();
    const binary = Buffer.concat([Buffer.from([0, 1, 2, 0xff]), Buffer.from(SECRET), Buffer.from([0])]);
    writeFileSync(join(root, 'coverage/covcounters.0a1b'), binary);
    inJob(github.env);
    const { log, warnings } = recordingLog();

    await uploadEvidence(request(), log, onRunner());

    const zip = readZip(github.artifacts()[0].zipBytes);
    expect([...zip.keys()]).not.toContain('coverage/covcounters.0a1b');
    expect(zip.has('coverage/covmeta.0a1b')).toBe(true);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('covcounters.0a1b');
    expect(readFileSync(join(root, 'coverage/covcounters.0a1b'))).toEqual(binary);
  });
});
