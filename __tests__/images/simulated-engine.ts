/**
 * A container engine that builds nothing but behaves like a fragile one: with more builds running
 * at once than it can take, it crashes and every running build fails the way Podman's did
 * (`server probably quit: unexpected EOF`, exit 125). It records what ran when on a logical clock.
 */
import { EngineError } from '../../src/engine/errors.js';
import { classifyEngineFailure } from '../../src/engine/failures.js';
import type {
  BuildRequest,
  BuildResult,
  ContainerEngine,
  EngineHealth,
  ImageInfo,
  PruneResult,
  PushResult,
  RestartOutcome,
} from '../../src/engine/types.js';

export interface Interval {
  reference: string;
  start: number;
  end: number;
  ok: boolean;
}

/** An EngineError as the real engine would raise it for this output. */
export function engineError(command: string, subject: string, output: string, exitCode: number): EngineError {
  return new EngineError({
    command,
    subject,
    classification: classifyEngineFailure({ output, exitCode }),
    exitCode,
    timedOut: false,
    cancelled: false,
    tail: output.split('\n'),
  });
}

const CRASH_OUTPUT = 'Error: server probably quit: unexpected EOF';

export class SimulatedEngine implements ContainerEngine {
  readonly kind = 'podman' as const;
  readonly name = 'podman';
  readonly provider = 'podman' as const;
  /** More builds than this at once crash the engine. */
  crashAbove = Number.POSITIVE_INFINITY;
  /** Build failures to raise instead of building, per reference (each used once). */
  readonly buildFailures = new Map<string, EngineError[]>();
  readonly pullFailures = new Map<string, EngineError[]>();
  /** Answers of health() to give before answering healthy. */
  unhealthyAnswers = 0;
  readonly intervals: Interval[] = [];
  readonly buildAttempts: string[] = [];
  readonly pulled: string[] = [];
  readonly restarts: number[] = [];
  crashes = 0;
  private clock = 0;
  private readonly running = new Map<string, { interval: Interval; fail: (error: unknown) => void }>();
  private readonly local = new Set<string>();

  /** Builds running at once, at most, after the first crash. */
  get maxRunningAfterCrash(): number {
    const firstCrashEnd = Math.min(...this.intervals.filter((i) => !i.ok).map((i) => i.end));
    return maxOverlap(this.intervals.filter((i) => i.start > firstCrashEnd));
  }

  get maxRunning(): number {
    return maxOverlap(this.intervals);
  }

  async build(request: BuildRequest): Promise<BuildResult> {
    this.buildAttempts.push(request.reference);
    const planned = this.buildFailures.get(request.reference)?.shift();
    if (planned) throw planned;
    const interval: Interval = { reference: request.reference, start: ++this.clock, end: 0, ok: false };
    this.intervals.push(interval);
    const finished = new Promise<void>((resolve, reject) => {
      this.running.set(request.reference, { interval, fail: reject });
      setTimeout(resolve, 10);
    });
    if (this.running.size > this.crashAbove) this.crash();
    try {
      await finished;
    } finally {
      interval.end = ++this.clock;
      this.running.delete(request.reference);
    }
    interval.ok = true;
    this.local.add(request.reference);
    return {
      reference: request.reference,
      id: idOf(request.reference),
      sizeBytes: 1_000_000,
      steps: 4,
      cachedSteps: 0,
      fromCache: false,
      warnings: [],
    };
  }

  async pull(reference: string): Promise<void> {
    const planned = this.pullFailures.get(reference)?.shift();
    if (planned) throw planned;
    this.pulled.push(reference);
    this.local.add(reference);
  }

  async push(): Promise<PushResult> {
    return { digest: `sha256:${'a'.repeat(64)}` };
  }

  async tag(_source: string, target: string): Promise<void> {
    this.local.add(target);
  }

  async localImages(references: readonly string[]): Promise<Map<string, ImageInfo>> {
    const held = references.filter((reference) => this.local.has(reference));
    return new Map(await Promise.all(held.map(async (reference) => [reference, await this.inspect(reference)] as const)));
  }

  async inspect(reference: string): Promise<ImageInfo> {
    return { id: idOf(reference), repoTags: [reference], repoDigests: [], sizeBytes: 1_000_000, labels: {} };
  }

  async save(): Promise<{ bytes: number }> {
    return { bytes: 0 };
  }

  async saveTo(): Promise<void> {}

  async load(): Promise<void> {}

  async loadFrom(): Promise<void> {}

  async remove(): Promise<void> {}

  async removeDangling(): Promise<PruneResult> {
    return { imagesRemoved: 0, bytesReclaimed: 0 };
  }

  async login(): Promise<void> {}

  async health(): Promise<EngineHealth> {
    if (this.unhealthyAnswers > 0) {
      this.unhealthyAnswers -= 1;
      return { ok: false, detail: 'Cannot connect to Podman' };
    }
    return { ok: true, detail: 'podman 4.3.1 (simulated)' };
  }

  async restart(): Promise<RestartOutcome> {
    this.restarts.push(this.clock);
    return { restarted: false, detail: 'podman runs without a daemon here (each command is its own process): nothing to restart' };
  }

  private crash(): void {
    this.crashes += 1;
    for (const [reference, { fail }] of this.running) fail(engineError('podman build', reference, CRASH_OUTPUT, 125));
  }
}

function idOf(reference: string): string {
  return `sha256:${Buffer.from(reference).toString('hex').padEnd(64, '0').slice(0, 64)}`;
}

function maxOverlap(intervals: readonly Interval[]): number {
  const events = intervals.flatMap((i) => [
    [i.start, 1],
    [i.end, -1],
  ]);
  events.sort((a, b) => a[0] - b[0]);
  let running = 0;
  let max = 0;
  for (const [, delta] of events) {
    running += delta;
    max = Math.max(max, running);
  }
  return max;
}
