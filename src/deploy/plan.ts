/**
 * Turns the manifest set and the stage list into the objects to apply, stage by stage, with images
 * substituted and coverage switched on. Pure: every problem is found here, before anything is applied.
 */
import { type KubeObject, groupOf } from '../kube/types.js';
import { type CoverageOptions, applyCoverage, coverageOptionsProblem } from './coverage.js';
import { type ImageMap, substituteImages } from './images.js';
import { type ManifestFile, ManifestError, type ManifestSet } from './manifests.js';

/** The name of the step that applies the CRDs, before the stages. */
export const CRD_STEP = 'crds';

export interface StageSpec {
  name: string;
  /** Names of files in the manifest set. */
  files: readonly string[];
  timeoutSeconds: number;
}

export interface PlannedObject {
  object: KubeObject;
  /** `file: document N`, for messages. */
  source: string;
}

export interface PlannedStage {
  name: string;
  timeoutSeconds: number;
  objects: PlannedObject[];
}

export interface DeployPlan {
  crds: PlannedObject[];
  stages: PlannedStage[];
}

export interface PlanOptions {
  manifests: ManifestSet;
  stages: readonly StageSpec[];
  images: ImageMap;
  /** Absent: coverage off, the manifests are applied as written. */
  coverage?: CoverageOptions;
}

function stageProblems(stages: readonly StageSpec[], manifests: ManifestSet): string[] {
  const problems: string[] = [];
  if (stages.length === 0) problems.push('stages: at least one stage is needed');
  const names = new Set<string>();
  const placed = new Map<string, string>();
  for (const [i, stage] of stages.entries()) {
    const at = `stages[${i}]${stage.name ? ` ("${stage.name}")` : ''}`;
    if (!stage.name) problems.push(`${at}: name is empty`);
    else if (names.has(stage.name)) problems.push(`${at}: the name "${stage.name}" is used twice`);
    names.add(stage.name);
    if (!(Number.isFinite(stage.timeoutSeconds) && stage.timeoutSeconds > 0)) {
      problems.push(`${at}: timeoutSeconds must be a positive number, got ${stage.timeoutSeconds}`);
    }
    if (stage.files.length === 0) problems.push(`${at}: files is empty`);
    for (const file of stage.files) {
      if (!manifests.files.has(file)) {
        problems.push(`${at}: "${file}" is not in the manifest set; it holds: ${[...manifests.files.keys()].join(', ')}`);
      } else if (placed.has(file)) {
        problems.push(`${at}: "${file}" is already deployed by stage "${placed.get(file)}"`);
      }
      placed.set(file, stage.name);
    }
  }
  for (const file of manifests.files.keys()) {
    if (!placed.has(file)) problems.push(`manifest "${file}" is in no stage, so it would never be applied`);
  }
  return problems;
}

function planned(file: ManifestFile): PlannedObject[] {
  return file.documents.map((doc, i) => ({ object: structuredClone(doc), source: `${file.path}: document ${i + 1}` }));
}

function identity(o: KubeObject): string {
  return `${groupOf(o.apiVersion)}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

export function planDeploy(options: PlanOptions): DeployPlan {
  const { manifests, images, coverage } = options;
  const problems = stageProblems(options.stages, manifests);
  const crds = manifests.crds.flatMap(planned);
  if (crds.length && options.stages.some((s) => s.name === CRD_STEP)) {
    problems.push(`stages: the name "${CRD_STEP}" is reserved for the CRD step`);
  }
  // A file placed twice is already a problem; planning it once keeps it from also reading as duplicate objects.
  const placed = new Set<string>();
  const stages = options.stages.map((s) => ({
    name: s.name, timeoutSeconds: s.timeoutSeconds,
    objects: s.files.flatMap((f) => {
      const file = manifests.files.get(f);
      if (!file || placed.has(f)) return [];
      placed.add(f);
      return planned(file);
    }),
  }));
  const all = [...crds, ...stages.flatMap((s) => s.objects)];

  const seen = new Map<string, string>();
  for (const { object, source } of all) {
    const id = identity(object);
    if (seen.has(id)) problems.push(`${source}: ${object.kind} ${object.metadata.name} is also defined at ${seen.get(id)}`);
    seen.set(id, source);
    problems.push(...substituteImages(object, images, source));
  }

  if (coverage) {
    const optionsProblem = coverageOptionsProblem(coverage);
    if (optionsProblem) problems.push(optionsProblem);
    const deployments = all.filter((p) => p.object.kind === 'Deployment');
    for (const name of coverage.deployments) {
      const targets = deployments.filter((p) => p.object.metadata.name === name);
      if (targets.length === 0) {
        problems.push(`coverage: no Deployment named "${name}"; the Deployments are: `
          + (deployments.map((p) => p.object.metadata.name).join(', ') || '(none)'));
      }
      for (const t of targets) applyCoverage(t.object, coverage.podDir);
    }
  }
  if (problems.length) throw new ManifestError(problems);
  return { crds, stages };
}
