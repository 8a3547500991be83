// The E2E suite against the deployed stack, then its results: summary sections, annotations
// for failed specs, and the tests-* outputs.
import { basename, join, relative } from 'node:path';
import type { Config } from '../config/index.js';
import { parseReference } from '../config/index.js';
import type { Plan } from '../plan/plan.js';
import type { SourceDecision } from '../plan/source.js';
import type { Task } from '../run/task.js';
import { collectResults, describeVerdict, runSuite, suiteAnnotations, suiteOutputs, suiteSections } from '../suite/index.js';
import type { PipelineState } from './state.js';

export const SUITE_TASK_ID = 'suite';

export interface SuiteTaskOptions {
  config: Config;
  plan: Plan;
  decisions: readonly SourceDecision[];
  repoRoot: string;
  workDir: string;
  state: PipelineState;
  needs: string[];
}

/**
 * The suite reads IMAGE_REGISTRY and IMAGE_TAG. Each image has its own content tag, so
 * IMAGE_TAG is the controller's (the image under test) and every image's reference is also
 * passed as AIANALYSIS_E2E_IMAGE_<NAME>.
 */
function imageEnv(decisions: readonly SourceDecision[]): { imageTag: string; env: Record<string, string> } {
  const env: Record<string, string> = {};
  for (const decision of decisions) env[`AIANALYSIS_E2E_IMAGE_${decision.image.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`] = decision.reference;
  const underTest = decisions.find((decision) => decision.image === 'aianalysis') ?? decisions[0];
  return { imageTag: underTest ? (parseReference(underTest.reference).tag ?? '') : '', env };
}

export function suiteTask(options: SuiteTaskOptions): Task {
  const { config, plan, state } = options;
  return {
    id: SUITE_TASK_ID,
    title: 'Run the E2E suite',
    phase: 'suite',
    needs: options.needs,
    run: async (ctx) => {
      const { imageTag, env } = imageEnv(options.decisions);
      // In the work directory, not the repository: see the coverage folder in pipeline/index.ts.
      const reportsDir = join(options.workDir, 'junit');
      const run = await runSuite(
        { ...plan.suite, env: { ...plan.suite.env, ...env }, junitReport: join(reportsDir, basename(plan.suite.junitReport)) },
        {
          repoRoot: options.repoRoot,
          kubeconfig: state.kubeconfig!,
          imageTag,
          imageRegistry: plan.registry,
          coverage: plan.coverage.enabled,
          log: ctx.log,
          signal: ctx.signal,
        },
      );
      const results = await collectResults(run, { knownFailures: config.suite.knownFailures, now: new Date() });
      state.evidence.push(...run.reportFiles.map((file) => relative(options.workDir, file)));
      state.addSections('tests', ...suiteSections(results));
      Object.assign(state.outputs, suiteOutputs(results));
      for (const annotation of suiteAnnotations(results, options.repoRoot)) {
        ctx.log.error(annotation.message, { title: annotation.title, file: annotation.file, startLine: annotation.startLine });
      }
      const verdict = describeVerdict(results);
      if (!results.ok) throw new Error(verdict ?? 'the suite failed');
      return results.counts;
    },
  };
}
