// The image phase under a simulated engine (simulated-engine.ts) that crashes like Podman did
// when more builds ran at once than it could take.
import { EngineRecovery } from '../../src/images/recovery.js';
import { runImagePhase, type RunImagePhaseOptions } from '../../src/images/phase.js';
import { imagesSection } from '../../src/images/summary.js';
import type { ImagePlan } from '../../src/plan/plan.js';
import type { SourceDecision } from '../../src/images/source.js';
import { renderText } from '../../src/document/document.js';
import type { Span } from '../../src/scheduler/task.js';
import { silentLog } from '../scheduler/harness.js';
import { engineError, SimulatedEngine } from './simulated-engine.js';

const REGISTRY = 'registry.example/kubernaut';

function image(name: string, overrides: Partial<ImagePlan> = {}): ImagePlan {
  return {
    name,
    repository: `kubernaut-${name}`,
    dockerfile: `docker/${name}.Dockerfile`,
    context: '.',
    buildArgs: {},
    target: '',
    platform: 'linux/amd64',
    memoryMiB: 1024,
    heavy: false,
    inputs: 'context',
    goPackage: '',
    ...overrides,
  };
}

const reference = (name: string) => `${REGISTRY}/kubernaut-${name}:sha256-${name}`;

function decisions(images: ImagePlan[], source: SourceDecision['source'] = 'build'): SourceDecision[] {
  return images.map((i) => ({ image: i.name, source, reference: reference(i.name), reason: 'test' }));
}

function phase(engine: SimulatedEngine, images: ImagePlan[], overrides: Partial<RunImagePhaseOptions> = {}) {
  return runImagePhase({
    engine,
    plan: { images, dependencies: [], registry: REGISTRY },
    decisions: decisions(images),
    repoRoot: '/repo',
    cache: 'off',
    buildTimeoutMinutes: 5,
    push: { allowed: false },
    recovery: new EngineRecovery(engine, { backoffMs: () => 0, healthIntervalMs: 1 }),
    log: silentLog(),
    limits: { concurrency: 4, memoryBudgetMiB: 100_000 },
    ...overrides,
  });
}

const THREE = [image('datastorage'), image('holmesgpt-api'), image('aianalysis')];

function span(spans: Span[], id: string): Span {
  return spans.find((s) => s.id === id) as Span;
}

describe('image phase on an engine that crashes with more than two builds at once', () => {
  it('recovers: the builds are retried one at a time and the run succeeds', async () => {
    const engine = new SimulatedEngine();
    engine.crashAbove = 2;
    const { graph, report } = await phase(engine, THREE);

    expect(graph.ok).toBe(true);
    expect(engine.crashes).toBe(1);
    expect(engine.maxRunningAfterCrash).toBe(1);
    expect(report.images.map((i) => [i.name, i.source])).toEqual([
      ['datastorage', 'built'],
      ['holmesgpt-api', 'built'],
      ['aianalysis', 'built'],
    ]);
    // One crash, shared by the three builds it broke.
    expect(report.crashes).toHaveLength(1);
    expect([...report.crashes[0].builds].sort()).toEqual(['aianalysis', 'datastorage', 'holmesgpt-api']);
    expect(report.crashes[0].concurrency).toBe(1);
    for (const name of ['datastorage', 'holmesgpt-api', 'aianalysis']) {
      const s = span(graph.spans, `image-${name}`);
      expect(s.attempts).toBe(2);
      expect(s.notes.join('\n')).toMatch(/podman failed \(the container engine crashed during the command\) with 3 builds running .*retried one at a time/);
    }
  });

  it('tells the summary what happened', async () => {
    const engine = new SimulatedEngine();
    engine.crashAbove = 2;
    const { report } = await phase(engine, THREE);
    const text = renderText([imagesSection(report)]);
    expect(text).toMatch(/podman failed .* with 3 builds running .*; retried one at a time/);
    expect(text).toContain(reference('aianalysis'));
  });

  it('waits for an engine that stopped answering, reporting whether it was restarted', async () => {
    const engine = new SimulatedEngine();
    engine.crashAbove = 2;
    engine.unhealthyAnswers = 2;
    const { graph, report } = await phase(engine, THREE);
    expect(graph.ok).toBe(true);
    expect(engine.restarts).toHaveLength(1);
    expect(report.crashes[0].restart?.detail).toMatch(/nothing to restart/);
  });

  it('fails when the engine never answers again', async () => {
    const engine = new SimulatedEngine();
    engine.crashAbove = 2;
    engine.unhealthyAnswers = Number.POSITIVE_INFINITY;
    const recovery = new EngineRecovery(engine, { healthTimeoutMs: 50, healthIntervalMs: 5 });
    const { graph } = await phase(engine, THREE, { recovery });
    expect(graph.ok).toBe(false);
    expect(graph.spans.flatMap((s) => s.notes).join('\n')).toMatch(/preparing the retry failed: podman did not answer within/);
  });
});

describe('image phase scheduling', () => {
  it('never overlaps heavy builds, while light ones run beside them', async () => {
    const engine = new SimulatedEngine();
    const images = [image('holmesgpt-api', { heavy: true }), image('other-heavy', { heavy: true }), image('aianalysis')];
    const { graph } = await phase(engine, images);
    expect(graph.ok).toBe(true);
    const heavy = engine.intervals.filter((i) => /holmesgpt-api|other-heavy/.test(i.reference));
    expect(heavy).toHaveLength(2);
    const [first, second] = [...heavy].sort((a, b) => a.start - b.start);
    expect(second.start).toBeGreaterThan(first.end);
    expect(engine.maxRunning).toBe(2);
  });

  it('fails at once on a permanent failure, with the end of the build log', async () => {
    const engine = new SimulatedEngine();
    const tail = 'STEP 5/6: RUN make build\nmain.go:3:1: syntax error\nError: building at STEP "RUN make build": while running runtime: exit status 2';
    engine.buildFailures.set(reference('aianalysis'), [engineError('podman build', reference('aianalysis'), tail, 2)]);
    const { graph, report } = await phase(engine, THREE, { limits: { concurrency: 1 } });
    expect(graph.ok).toBe(false);
    expect(graph.firstError?.id).toBe('image-aianalysis');
    expect(graph.firstError?.message).toContain('main.go:3:1: syntax error');
    expect(graph.firstError?.message).toMatch(/permanent.*fix the failing step/);
    expect(span(graph.spans, 'image-aianalysis').attempts).toBe(1);
    expect(engine.buildAttempts.filter((r) => r === reference('aianalysis'))).toHaveLength(1);
    expect(report.crashes).toEqual([]);
  });

  it('lowers concurrency below the builds running when a step is killed for memory', async () => {
    const engine = new SimulatedEngine();
    const killed = 'ERROR: failed to solve: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 137';
    engine.buildFailures.set(reference('holmesgpt-api'), [engineError('docker build', reference('holmesgpt-api'), killed, 1)]);
    const { graph, report } = await phase(engine, THREE);
    expect(graph.ok).toBe(true);
    expect(report.crashes).toHaveLength(1);
    expect(report.crashes[0].reason).toMatch(/exit code 137/);
    expect(report.crashes[0].concurrency).toBeLessThan(report.crashes[0].builds.length);
  });

  it('pulls what the decision says to pull, reuses what is there, and retries a flaky registry', async () => {
    const engine = new SimulatedEngine();
    const images = [image('datastorage'), image('aianalysis')];
    await engine.tag('', reference('aianalysis'));
    const reset = 'Error response from daemon: Get "https://registry.example/v2/": read tcp 10.1.0.4:45678->10.1.0.9:443: read: connection reset by peer';
    engine.pullFailures.set(reference('datastorage'), [
      engineError('podman pull', reference('datastorage'), reset, 125),
      engineError('podman pull', reference('datastorage'), reset, 125),
    ]);
    const { graph, report } = await phase(engine, images, {
      decisions: [
        { image: 'datastorage', source: 'pull', reference: reference('datastorage'), reason: 'in the registry' },
        { image: 'aianalysis', source: 'reuse', reference: reference('aianalysis'), reason: 'in the engine' },
      ],
    });
    expect(graph.ok).toBe(true);
    expect(report.images.map((i) => [i.name, i.source])).toEqual([
      ['datastorage', 'pulled'],
      ['aianalysis', 'reused'],
    ]);
    expect(engine.buildAttempts).toEqual([]);
    const pull = span(graph.spans, 'image-datastorage');
    expect(pull.attempts).toBe(3);
    expect(pull.notes.join('\n')).toMatch(/the connection to the registry broke; retrying in/);
  });

  it('pulls dependencies by their fully qualified names, in parallel with the builds, and uses one the engine has', async () => {
    const engine = new SimulatedEngine();
    await engine.tag('', 'docker.io/library/redis:7-alpine');
    const { graph, report } = await phase(engine, [image('datastorage')], {
      plan: {
        images: [image('datastorage')],
        dependencies: [
          { name: 'postgresql', image: 'postgres:16-alpine' },
          { name: 'redis', image: 'redis:7-alpine' },
        ],
        registry: REGISTRY,
      },
    });
    expect(graph.ok).toBe(true);
    expect(engine.pulled).toEqual(['docker.io/library/postgres:16-alpine']);
    expect(report.dependencies.map((d) => [d.name, d.source])).toEqual([
      ['postgresql', 'pulled'],
      ['redis', 'reused'],
    ]);
  });

  it('pushes built images when allowed, with the digest in the result', async () => {
    const engine = new SimulatedEngine();
    const { graph, report } = await phase(engine, [image('datastorage')], { push: { allowed: true } });
    expect(graph.ok).toBe(true);
    expect(span(graph.spans, 'push-datastorage').outcome).toBe('success');
    expect(report.images[0].digest).toBe(`sha256:${'a'.repeat(64)}`);
  });
});
