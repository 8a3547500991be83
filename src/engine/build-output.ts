/**
 * Reads a build's output as it streams: how many Dockerfile steps ran and how many came from the
 * cache, and, after a failure, which step failed.
 *
 * BuildKit (`--progress plain`) prints each step as a vertex, `#5 [builder 2/6] COPY go.mod ./`,
 * and `#5 CACHED` when it was taken from the cache. Buildah prints `STEP 2/6: COPY go.mod ./`
 * and `--> Using cache <id>` (or `--> Cache pulled from remote …`) for a cached step. FROM is not
 * counted: it never runs anything, and BuildKit shows no vertex for `FROM scratch` or a stage.
 * A build whose every counted step was cached executed nothing: it is "built from cache".
 */

const BUILDKIT_STEP = /^#(\d+) \[(?:[^\]]*? )?\d+\/\d+\] (.*)$/;
const BUILDKIT_CACHED = /^#(\d+) CACHED$/;
const BUILDKIT_FAILED_STEP = /^ > (\[[^\]]+\] .*):$/;
const BUILDAH_STEP = /^STEP (\d+\/\d+): (.*)$/;
const BUILDAH_CACHED = /^--> (Using cache|Cache pulled from remote) /;

const isFrom = (instruction: string) => /^FROM\s/i.test(instruction);

export class BuildOutputReader {
  private readonly buildkitSteps = new Set<string>();
  private readonly buildkitCached = new Set<string>();
  private buildahSteps = 0;
  private buildahCached = 0;
  private lastBuildahStep: string | undefined;
  private failedStep: string | undefined;

  /** Feed every output line (stdout and stderr) in arrival order. */
  readonly push = (line: string): void => {
    const vertex = BUILDKIT_STEP.exec(line);
    if (vertex && !isFrom(vertex[2])) this.buildkitSteps.add(vertex[1]);
    const cached = BUILDKIT_CACHED.exec(line);
    if (cached) this.buildkitCached.add(cached[1]);
    const failed = BUILDKIT_FAILED_STEP.exec(line);
    if (failed) this.failedStep = failed[1];

    const step = BUILDAH_STEP.exec(line);
    if (step) {
      this.lastBuildahStep = `STEP ${step[1]}: ${step[2]}`;
      if (!isFrom(step[2])) this.buildahSteps += 1;
    }
    if (BUILDAH_CACHED.test(line)) this.buildahCached += 1;
  };

  get steps(): number {
    return this.buildkitSteps.size + this.buildahSteps;
  }

  get cachedSteps(): number {
    const buildkit = [...this.buildkitCached].filter((id) => this.buildkitSteps.has(id)).length;
    return buildkit + this.buildahCached;
  }

  get fromCache(): boolean {
    return this.steps > 0 && this.cachedSteps === this.steps;
  }

  /** The step a failed build stopped at: BuildKit names it in its error block, buildah last announced it. */
  get failingStep(): string | undefined {
    return this.failedStep ?? this.lastBuildahStep;
  }
}
