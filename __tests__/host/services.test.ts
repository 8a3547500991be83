// A host's GitHub services are the host's own: a test (or another face) plugs in its own artifact
// store, cache and tool cache, and the engine uses them without any GitHub variable set.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { uploadEvidence } from '../../src/collect/artifacts.js';
import { installKind } from '../../src/cluster/install.js';
import { consoleHost } from '../../src/host/console.js';
import type { ArtifactService, CacheService, GitHubServices, ToolCache, WorkflowRun } from '../../src/github/services.js';
import { reportAgainstBaseline } from '../../src/baseline/comparison.js';
import type { Timings } from '../../src/scheduler/timings.js';
import { consoleLog } from '../../src/util/log.js';

let scratch: string;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'own-services-'));
});

afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function recordingLog() {
  let text = '';
  return { log: consoleLog({ write: (line: string) => (text += line) }), text: () => text };
}

const RUN: WorkflowRun = { actions: true, job: 'e2e', runId: '77', runAttempt: '1', repository: 'owner/repo', serverUrl: 'https://ghe.example', ref: 'refs/heads/main' };

/** Services that have nothing: each test replaces the one it is about. */
function services(overrides: Partial<GitHubServices>): GitHubServices {
  const none: ToolCache = {
    find: () => '',
    cacheFile: () => Promise.reject(new Error('no tool cache in this test')),
    download: () => Promise.reject(new Error('no downloads in this test')),
  };
  return { run: RUN, artifacts: () => undefined, cache: async () => undefined, toolCache: none, ...overrides };
}

/** An artifact store that keeps what is uploaded in memory, as relative path → content. */
function memoryArtifacts() {
  const stored: { name: string; retentionDays?: number; files: Record<string, string> }[] = [];
  const service = {
    async uploadArtifact(name: string, files: string[], rootDirectory: string, options?: { retentionDays?: number }) {
      const contents = Object.fromEntries(files.map((file) => [relative(rootDirectory, file), readFileSync(file, 'utf8')]));
      stored.push({ name, retentionDays: options?.retentionDays, files: contents });
      return { id: stored.length, size: 123 };
    },
    getArtifact: () => Promise.reject(new Error('not used')),
    downloadArtifact: () => Promise.reject(new Error('not used')),
  } as unknown as ArtifactService;
  return { service, stored };
}

/** A cache that copies the saved directories aside and back; restore keys match by prefix, newest first. */
function memoryCache(dir: string): CacheService & { keys: string[] } {
  const keys: string[] = [];
  const entryDir = (key: string) => join(dir, encodeURIComponent(key));
  return {
    keys,
    async restore(paths, key, restoreKeys = []) {
      const hit = keys.includes(key) ? key : [...keys].reverse().find((saved) => restoreKeys.some((prefix) => saved.startsWith(prefix)));
      if (hit === undefined) return undefined;
      paths.forEach((path, index) => cpSync(join(entryDir(hit), String(index)), path, { recursive: true }));
      return hit;
    },
    async save(paths, key) {
      paths.forEach((path, index) => cpSync(path, join(entryDir(key), String(index)), { recursive: true }));
      keys.push(key);
      return keys.length;
    },
  };
}

function timings(result: Timings['result'], imagesMs: number): Timings {
  return {
    schemaVersion: 1,
    startedAt: '2026-11-22T10:00:00.000Z',
    finishedAt: '2026-11-22T10:10:00.000Z',
    durationMs: imagesMs,
    result,
    phases: [{ phase: 'images', start: '2026-11-22T10:00:00.000Z', end: '2026-11-22T10:10:00.000Z', durationMs: imagesMs }],
    spans: [],
  };
}

describe('a host with its own GitHub services', () => {
  test('uploads the evidence to its own artifact store, named and linked by its own workflow run', async () => {
    writeFileSync(join(scratch, 'e2e-junit.xml'), '<testsuites/>\n');
    mkdirSync(join(scratch, 'logs'));
    writeFileSync(join(scratch, 'logs', 'kubelet.log'), 'started\n');
    const artifacts = memoryArtifacts();
    const { log } = recordingLog();

    const outcome = await uploadEvidence(
      { rootDir: scratch, paths: ['e2e-junit.xml', 'logs'], artifactName: 'evidence', retentionDays: 3, shard: { index: 2, total: 2 } },
      log,
      services({ artifacts: () => artifacts.service }),
    );

    expect(artifacts.stored).toEqual([
      { name: 'evidence-e2e-shard-2-of-2-attempt-1', retentionDays: 3, files: { 'e2e-junit.xml': '<testsuites/>\n', 'logs/kubelet.log': 'started\n' } },
    ]);
    expect(outcome.artifact).toEqual({ id: 1, name: 'evidence-e2e-shard-2-of-2-attempt-1', url: 'https://ghe.example/owner/repo/actions/runs/77/artifacts/1', size: 123 });
  });

  test('keeps the evidence in place when its run is not a GitHub Actions job, whatever the store', async () => {
    writeFileSync(join(scratch, 'e2e-junit.xml'), '<testsuites/>\n');
    const artifacts = memoryArtifacts();
    const { log, text } = recordingLog();

    const outcome = await uploadEvidence(
      { rootDir: scratch, paths: ['e2e-junit.xml'], artifactName: 'evidence', retentionDays: 3, shard: null },
      log,
      services({ run: { actions: false }, artifacts: () => artifacts.service }),
    );

    expect(artifacts.stored).toEqual([]);
    expect(outcome.artifact).toBeUndefined();
    expect(text()).toContain('artifacts are uploaded only on GitHub Actions');
  });

  test('saves the timing baseline in its own cache and compares the next run with it', async () => {
    const eventPath = join(scratch, 'event.json');
    writeFileSync(eventPath, JSON.stringify({ repository: { default_branch: 'main' } }));
    const cache = memoryCache(join(scratch, 'cache'));
    const github = services({ run: { ...RUN, eventPath }, cache: async () => cache });
    const identity = { stack: 'own-stack', shard: null };

    const first = await reportAgainstBaseline(timings('success', 60_000), { identity, slowdownRatio: 1.5, log: recordingLog().log, github });
    const second = await reportAgainstBaseline(timings('failure', 200_000), { identity, slowdownRatio: 1.5, log: recordingLog().log, github });

    expect(first.section.paragraphs).toContain('This run is the new baseline.');
    expect(cache.keys).toHaveLength(1);
    expect(cache.keys[0]).toMatch(/^aianalysis-e2e-timings-[0-9a-f]{12}-77-1$/);
    expect(second.slower.map((phase) => phase.phase)).toEqual(['images']);
    expect(second.section.paragraphs?.[0]).toContain('[run 77](https://ghe.example/owner/repo/actions/runs/77)');
  });

  test('installs kind from its own tool cache: no download, and the directory goes on PATH', async () => {
    const cached = join(scratch, 'tools', 'kind', '0.31.0', 'amd64');
    mkdirSync(cached, { recursive: true });
    writeFileSync(join(cached, 'kind'), '#!/bin/sh\n');
    chmodSync(join(cached, 'kind'), 0o755);
    const asked: string[] = [];
    const toolCache: ToolCache = {
      find: (tool, version, arch) => (asked.push(`${tool} ${version} ${arch}`), tool === 'kind' && version === 'v0.31.0' ? cached : ''),
      cacheFile: () => Promise.reject(new Error('nothing is cached when the tool cache has it')),
      download: () => Promise.reject(new Error('nothing is downloaded when the tool cache has it')),
    };
    const onPath: string[] = [];

    const installed = await installKind({
      version: 'v0.31.0',
      arch: 'x64',
      env: { PATH: join(scratch, 'empty') },
      log: recordingLog().log,
      addPath: (directory) => onPath.push(directory),
      toolCache,
    });

    expect(installed).toEqual({ path: join(cached, 'kind'), version: 'v0.31.0', source: 'tool-cache' });
    expect(asked).toEqual(['kind v0.31.0 amd64']);
    expect(onPath).toEqual([cached]);
  });

  test("the local command's tool cache downloads into the run's work folder", async () => {
    const server = createServer((_, response) => response.end('kind binary'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const workDir = join(scratch, 'work');
    try {
      const host = consoleHost({ log: recordingLog().log, inputs: {}, repoRoot: scratch, workDir });
      const file = await host.github.toolCache.download(`http://127.0.0.1:${(server.address() as AddressInfo).port}/kind`, 'kind-download');

      expect(file).toBe(join(workDir, 'downloads', 'kind-download'));
      expect(readFileSync(file, 'utf8')).toBe('kind binary');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
