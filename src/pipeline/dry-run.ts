// The dry run: every check a real run makes before it starts work (the runner's tools, build
// contexts, image sources, the kind config, manifests, what the suite's Makefile passes on), and the plan with
// the exact command line and environment the suite will get, with no side effect: nothing
// built, pulled, created, installed or applied.
import type { Config } from '../config/index.js';
import { selectEngine } from '../engine/detect.js';
import type { Host } from '../host/host.js';
import type { Plan } from '../plan/plan.js';
import { sourcesSection, suiteInvocationSection } from '../report/plan-render.js';
import type { RunReport } from '../report/run-report.js';
import { contractProblem, suiteCommand, suiteEnvironment } from '../suite/invocation.js';
import { kindConfigOf } from './cluster.js';
import { prepareDeploy } from './deploy.js';
import { checkRunner, requireReady, runnerNeeds, runnerSection } from './preflight.js';
import { handoffOf } from './handoff.js';
import { resolveSources } from './sources.js';
import { readSuiteContract, suiteSettings } from './suite.js';

export async function dryRun(config: Config, plan: Plan, host: Host): Promise<RunReport> {
  const notes: string[] = [];
  const engine = await selectEngine(config.engine, { log: host.log }).then(
    (selected) => selected.engine,
    (error: Error) => {
      notes.push(`Local images were not looked for: ${error.message}`);
      return undefined;
    },
  );
  const { hashes, decisions } = await resolveSources(config, plan, {
    repoRoot: host.repoRoot,
    localImages: async (references) => (engine ? engine.localImages(references) : new Set<string>()),
    log: host.log,
  });
  const checks = await checkRunner(runnerNeeds(config, plan, host.repoRoot, engine?.provider), { repoRoot: host.repoRoot });
  notes.push(...requireReady(checks));
  const sections = [sourcesSection(decisions, hashes)];
  if (!plan.imagesOnly) {
    const kindConfig = await kindConfigOf(config, plan, host.repoRoot);
    notes.push(`The kind config is valid${kindConfig.warnings.length > 0 ? ` (${kindConfig.warnings.join('; ')})` : ''}.`);
    if (plan.setup === 'action') {
      const deployPlan = await prepareDeploy(config, plan, decisions, host.repoRoot);
      const objects = deployPlan.crds.length + deployPlan.stages.reduce((sum, stage) => sum + stage.objects.length, 0);
      notes.push(`The manifests are valid: ${objects} objects in ${deployPlan.stages.length} stages.`);
    }
    const contract = await readSuiteContract(plan, { repoRoot: host.repoRoot, workDir: host.workDir, log: host.log, install: false });
    const settings = suiteSettings(plan, contract, host.workDir);
    const problem = contractProblem(settings);
    if (problem) throw new Error(problem);
    const handoff = plan.setup === 'suite' ? handoffOf(plan, decisions) : undefined;
    const { program, args } = suiteCommand(settings, settings.focus);
    const env = suiteEnvironment(settings, { handoffEnv: handoff?.env, provider: plan.setup === 'suite' ? planProvider(plan, engine?.provider) : undefined }, settings.junitReport);
    sections.push(suiteInvocationSection({ program, args, env, contract, handoff, shard: plan.suite.shard }));
  }
  return {
    result: 'dry-run',
    plan,
    sections: [{ ...sections[0]!, paragraphs: notes }, ...sections.slice(1), ...(checks.length > 0 ? [runnerSection(checks)] : [])],
    outputs: { images: JSON.stringify(decisions) },
  };
}

function planProvider(plan: Plan, engineProvider: 'docker' | 'podman' | undefined): 'docker' | 'podman' | undefined {
  return plan.cluster.provider === 'auto' ? engineProvider : plan.cluster.provider;
}
