// The deploy: the manifest set is read, checked and given its image references before any work
// starts (a bad manifest must not be found after a 10-minute build); the task applies the stages.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILT_IN_MANIFESTS, type Config } from '../config/index.js';
import { qualifiedForPull } from '../engine/references.js';
import type { ImageMap } from '../deploy/images.js';
import { loadManifestSet } from '../deploy/manifests.js';
import { planDeploy, type DeployPlan } from '../deploy/plan.js';
import { DeployError, deploy, type StageTiming } from '../deploy/stages.js';
import { connectKube } from '../kube/client.js';
import { diagnosisMarkdown, diagnosisText } from '../kube/diagnosis-format.js';
import type { Plan } from '../plan/plan.js';
import type { SourceDecision } from '../images/source.js';
import type { Task } from '../scheduler/task.js';
import { formatDuration } from '../util/duration.js';
import { builtInManifestsDir } from './manifests-dir.js';
import type { PipelineState } from './state.js';
import { writeNamedFile } from '../util/file-write.js';

export const DEPLOY_TASK_ID = 'deploy';
const API_CALL_TIMEOUT_MS = 30_000;
const CRD_TIMEOUT_SECONDS = 120;
const DIAGNOSIS = { events: 20, logLines: 50 };

/**
 * Every image is loaded into the nodes before the deploy, so pods must never pull: `Never` makes
 * an image that did not arrive an immediate ErrImageNeverPull instead of a slow pull attempt.
 */
function imageMap(plan: Plan, decisions: readonly SourceDecision[]): ImageMap {
  const map: Record<string, ImageMap[string]> = {};
  for (const decision of decisions) map[decision.image] = { reference: decision.reference, pullPolicy: 'Never' };
  for (const dependency of plan.dependencies) map[dependency.name] = { reference: qualifiedForPull(dependency.image), pullPolicy: 'Never' };
  return map;
}

export async function prepareDeploy(config: Config, plan: Plan, decisions: readonly SourceDecision[], repoRoot: string): Promise<DeployPlan> {
  const { deploy: settings } = config;
  const inRepo = (path: string) => join(repoRoot, path);
  const manifests = await loadManifestSet({
    builtinDir: settings.manifestsDir ? inRepo(settings.manifestsDir) : builtInManifestsDir(),
    builtinFiles: BUILT_IN_MANIFESTS,
    replace: Object.fromEntries(Object.entries(settings.replaceManifests).map(([name, path]) => [name, inRepo(path)])),
    extra: settings.extraManifests.map(inRepo),
    crds: settings.crds.map(inRepo),
  });
  return planDeploy({
    manifests,
    stages: plan.deploy.stages.map((stage) => ({
      name: stage.name,
      files: stage.manifests.map((file) => (settings.extraManifests.includes(file) ? inRepo(file) : file)),
      timeoutSeconds: stage.timeoutSeconds,
    })),
    images: imageMap(plan, decisions),
    coverage: plan.coverage.enabled ? { deployments: plan.coverage.deployments, podDir: config.coverage.podDir } : undefined,
  });
}

function stagesSection(stages: readonly StageTiming[]) {
  return {
    heading: 'Deploy',
    table: {
      header: ['stage', 'objects', 'apply', 'ready'],
      rows: stages.map((stage) => [stage.name, String(stage.objects), formatDuration(stage.applyMs), formatDuration(stage.readyMs)]),
      numeric: [1, 2, 3],
    },
  };
}

export function deployTask(options: { deployPlan: DeployPlan; state: PipelineState; workDir: string; needs: string[] }): Task {
  const { state } = options;
  return {
    id: DEPLOY_TASK_ID,
    title: 'Deploy the services',
    phase: 'deploy',
    needs: options.needs,
    run: async (ctx) => {
      const kube = connectKube(state.kubeconfig!, { callTimeoutMs: API_CALL_TIMEOUT_MS, signal: ctx.signal });
      try {
        const report = await deploy(kube, options.deployPlan, { crdTimeoutSeconds: CRD_TIMEOUT_SECONDS, diagnosis: DIAGNOSIS, log: ctx.log });
        state.addSections('deploy', stagesSection(report.stages));
        return report;
      } catch (error) {
        if (error instanceof DeployError) {
          state.addSections('deploy', stagesSection(error.timings), ...error.diagnoses.map((diagnosis) => ({
            heading: `Not ready: ${diagnosis.ref.kind}/${diagnosis.ref.name}`,
            paragraphs: [diagnosisMarkdown(diagnosis)],
          })));
          // The diagnoses also go into the logs bundle, as plain text.
          const dir = join(options.workDir, 'logs');
          await mkdir(dir, { recursive: true });
          await writeNamedFile(join(dir, 'deploy-diagnosis.txt'), error.diagnoses.map(diagnosisText).join('\n\n'));
          state.evidence.push('logs/deploy-diagnosis.txt');
        }
        throw error;
      }
    },
  };
}
