// The E2E suite: its contract read first (in parallel with the images), then the run itself
// and its results: summary sections, annotations for failed specs, and the tests-* outputs.
import { basename, join, relative, resolve } from 'node:path';
import type { Config } from '../config/index.js';
import type { Plan } from '../plan/plan.js';
import type { SourceDecision } from '../images/source.js';
import type { Task } from '../scheduler/task.js';
import { collectResults, describeVerdict, runSuite, suiteAnnotations, suiteOutputs, suiteSections } from '../suite/index.js';
import { probeMakefile, repositoryGinkgo, writeGinkgoWrapper } from '../suite/makefile.js';
import { contractProblem, type SuiteContract, type SuiteRunSettings } from '../suite/invocation.js';
import type { Log } from '../util/log.js';
import type { PipelineState } from './state.js';

export const SUITE_TASK_ID = 'suite';
export const SUITE_CONTRACT_TASK_ID = 'suite-contract';

/** Where the wrapper that adds the JUnit report lives. */
const wrapperDir = (workDir: string) => join(workDir, 'suite-bin');

/**
 * The suite's contract: for a Makefile, what `make -n` shows it passes on and the repository's
 * ginkgo (installed by the Makefile's own target when `install`). The dry run reads it without
 * installing anything.
 */
export async function readSuiteContract(
  plan: Plan,
  options: { repoRoot: string; workDir: string; log: Log; signal?: AbortSignal; install: boolean },
): Promise<SuiteContract> {
  const { suite } = plan;
  if (suite.contract === 'environment') return { kind: 'environment', listCommand: suite.listCommand };
  const call = { command: suite.command, cwd: resolve(options.repoRoot, suite.workingDirectory), log: options.log, signal: options.signal };
  const filters = await probeMakefile(call);
  const ginkgo = await repositoryGinkgo({ ...call, install: options.install });
  const wrapper = options.install ? await writeGinkgoWrapper(wrapperDir(options.workDir)) : join(wrapperDir(options.workDir), 'ginkgo');
  return { kind: 'makefile', wrapper, ginkgo, packages: suite.ginkgoPackages, filters };
}

/** The suite settings of the plan with the run's JUnit path and contract. */
export function suiteSettings(plan: Plan, contract: SuiteContract, workDir: string): SuiteRunSettings {
  const { suite } = plan;
  return {
    command: suite.command,
    workingDirectory: suite.workingDirectory,
    env: suite.env,
    focus: suite.focus,
    label: suite.label,
    // In the work directory, not the repository: see the coverage folder in pipeline/index.ts.
    junitReport: join(workDir, 'junit', basename(suite.junitReport)),
    timeoutMinutes: suite.timeoutMinutes,
    stopGraceSeconds: suite.stopGraceSeconds,
    shard: suite.shard,
    contract,
  };
}

/** Reads the contract and refuses, before any image work is wasted, what it cannot carry. */
export function suiteContractTask(options: { plan: Plan; repoRoot: string; workDir: string; state: PipelineState }): Task {
  return {
    id: SUITE_CONTRACT_TASK_ID,
    title: 'Read how the suite takes filters and reports',
    phase: 'suite',
    needs: [],
    run: async (ctx) => {
      const contract = await readSuiteContract(options.plan, { ...options, log: ctx.log, signal: ctx.signal, install: true });
      const problem = contractProblem(suiteSettings(options.plan, contract, options.workDir));
      if (problem) throw new Error(problem);
      options.state.suiteContract = contract;
      return contract.kind === 'makefile' ? contract.filters : contract.kind;
    },
  };
}

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
 * For a deployed stack, every image's reference is passed as AIANALYSIS_E2E_IMAGE_<NAME>, for
 * suites that check what runs; a suite that sets up its stack gets the hand-off instead.
 */
function deployedImagesEnv(decisions: readonly SourceDecision[]): Record<string, string> {
  return Object.fromEntries(
    decisions.map((decision) => [`AIANALYSIS_E2E_IMAGE_${decision.image.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`, decision.reference]),
  );
}

export function suiteTask(options: SuiteTaskOptions): Task {
  const { config, plan, state } = options;
  return {
    id: SUITE_TASK_ID,
    title: 'Run the E2E suite',
    phase: 'suite',
    needs: [SUITE_CONTRACT_TASK_ID, ...options.needs],
    run: async (ctx) => {
      const settings = suiteSettings(plan, state.suiteContract!, options.workDir);
      const suiteSetsUp = plan.setup === 'suite';
      const run = await runSuite(
        { ...settings, env: suiteSetsUp ? settings.env : { ...settings.env, ...deployedImagesEnv(options.decisions) } },
        {
          repoRoot: options.repoRoot,
          kubeconfig: suiteSetsUp ? undefined : state.kubeconfig,
          handoffEnv: state.handoff?.env,
          provider: state.kind?.provider,
          toolDirs: state.toolDirs,
          log: ctx.log,
          signal: ctx.signal,
        },
      );
      state.suiteStartedAt = run.startedAt;
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
