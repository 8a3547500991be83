// The dry run: every check a real run makes before it starts work (build contexts, image
// sources, manifests), and the plan, with no side effect: nothing built, pulled, created or applied.
import type { Config } from '../config/index.js';
import { selectEngine } from '../engine/detect.js';
import type { Host } from '../host/host.js';
import type { Plan } from '../plan/plan.js';
import { sourcesSection } from '../plan/render.js';
import type { RunReport } from '../report/run-report.js';
import { prepareDeploy } from './deploy.js';
import { resolveSources } from './sources.js';

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
  if (!plan.imagesOnly) {
    const deployPlan = await prepareDeploy(config, plan, decisions, host.repoRoot);
    const objects = deployPlan.crds.length + deployPlan.stages.reduce((sum, stage) => sum + stage.objects.length, 0);
    notes.push(`The manifests are valid: ${objects} objects in ${deployPlan.stages.length} stages.`);
  }
  const sources = sourcesSection(decisions, hashes);
  return {
    result: 'dry-run',
    plan,
    sections: [{ ...sources, paragraphs: notes }],
    outputs: { images: JSON.stringify(decisions) },
  };
}
