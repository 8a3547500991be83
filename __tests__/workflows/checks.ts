/**
 * Checks for the workflow files this repository ships (workflows/) and runs (.github/workflows/)
 * that GitHub's parser does not make: how this action is called, how third-party actions are
 * pinned, job time limits, forbidden triggers, and the runner setup a job running the suite needs.
 * Each returns problems naming file, job and step.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface ActionInterface {
  inputs: ReadonlySet<string>;
  outputs: ReadonlySet<string>;
}

type Step = { id?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, unknown> };
type Job = { 'timeout-minutes'?: unknown; uses?: string; steps?: Step[] };
export interface Workflow {
  on?: unknown;
  jobs?: Record<string, Job>;
}

export function readActionInterface(actionFile: string): ActionInterface {
  const action = parse(readFileSync(actionFile, 'utf8'));
  return { inputs: new Set(Object.keys(action.inputs ?? {})), outputs: new Set(Object.keys(action.outputs ?? {})) };
}

export function readWorkflow(path: string): Workflow {
  return parse(readFileSync(path, 'utf8'));
}

/** This action, by its published name (a tag or a SHA) or as the local action of this repository. */
export function isThisAction(uses: string): boolean {
  return uses.startsWith('kubernaut/aianalysis-e2e@') || uses.startsWith('./');
}

const jobsOf = (workflow: Workflow): [string, Job][] => Object.entries(workflow.jobs ?? {});
const stepName = (step: Step, index: number) => step.id ?? `#${index + 1}`;

/** Inputs passed to this action and outputs read from it must be declared in action.yml. */
export function actionUsageProblems(file: string, workflow: Workflow, action: ActionInterface): string[] {
  const problems: string[] = [];
  for (const [jobName, job] of jobsOf(workflow)) {
    const actionSteps = new Set<string>();
    (job.steps ?? []).forEach((step, index) => {
      if (step.uses === undefined || !isThisAction(step.uses)) return;
      if (step.id !== undefined) actionSteps.add(step.id);
      for (const input of Object.keys(step.with ?? {})) {
        if (!action.inputs.has(input)) {
          problems.push(`${file}: job ${jobName}, step ${stepName(step, index)}: input '${input}' is not declared in action.yml`);
        }
      }
    });
    for (const [, id, output] of JSON.stringify(job).matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      if (actionSteps.has(id) && !action.outputs.has(output)) {
        problems.push(`${file}: job ${jobName}: output '${output}' of step ${id} is not declared in action.yml`);
      }
    }
  }
  return problems;
}

const PINNED = /@[0-9a-f]{40}$/;

/** Every other action is pinned by a full commit SHA: a tag can be moved under us. */
export function pinProblems(file: string, workflow: Workflow): string[] {
  const problems: string[] = [];
  for (const [jobName, job] of jobsOf(workflow)) {
    const uses = [job.uses, ...(job.steps ?? []).map((step) => step.uses)];
    for (const ref of uses) {
      if (ref === undefined || isThisAction(ref) || PINNED.test(ref)) continue;
      problems.push(`${file}: job ${jobName}: '${ref}' is not pinned by a 40-character commit SHA`);
    }
  }
  return problems;
}

/** A job without a limit runs for GitHub's default of six hours when something hangs. */
export function timeoutProblems(file: string, workflow: Workflow): string[] {
  return jobsOf(workflow)
    .filter(([, job]) => job.uses === undefined && job['timeout-minutes'] === undefined)
    .map(([jobName]) => `${file}: job ${jobName} has no timeout-minutes`);
}

/** pull_request_target runs a fork's code with the base repository's secrets and write token. */
export function triggerProblems(file: string, workflow: Workflow): string[] {
  const on = workflow.on;
  const events = typeof on === 'string' ? [on] : Array.isArray(on) ? on : Object.keys(on ?? {});
  return events.includes('pull_request_target') ? [`${file}: uses the pull_request_target trigger`] : [];
}

/** The crun that podman on ubuntu-24.04 needs (the action's preflight checks the same). */
const MIN_CRUN = [1, 14, 3];

/** Whether the dotted `version` is `minimum` or newer (a missing part is 0). */
function atLeast(version: string, minimum: readonly number[]): boolean {
  const parts = version.split('.').map(Number);
  const differing = minimum.findIndex((part, i) => (parts[i] ?? 0) !== part);
  return differing < 0 || (parts[differing] ?? 0) > minimum[differing];
}

/**
 * A job that runs the suite (this action without images-only or merge-coverage) first sets up
 * Go from go.mod (the suite is compiled with it) and a crun new enough for podman (a step with
 * env CRUN_VERSION).
 */
export function runnerSetupProblems(file: string, workflow: Workflow): string[] {
  const problems: string[] = [];
  for (const [jobName, job] of jobsOf(workflow)) {
    const steps = job.steps ?? [];
    const runsSuite = (step: Step) => !['images-only', 'merge-coverage'].some((input) => String(step.with?.[input]) === 'true');
    const first = steps.findIndex((step) => step.uses !== undefined && isThisAction(step.uses) && runsSuite(step));
    if (first < 0) continue;
    const before = steps.slice(0, first);
    if (!before.some((step) => step.uses?.startsWith('actions/setup-go@') && step.with?.['go-version-file'] === 'go.mod')) {
      problems.push(`${file}: job ${jobName}: no actions/setup-go with go-version-file: go.mod before step ${stepName(steps[first], first)}`);
    }
    const crun = before.map((step) => step.env?.CRUN_VERSION).find((version) => version !== undefined);
    const newEnough = crun !== undefined && atLeast(String(crun), MIN_CRUN);
    if (!newEnough) problems.push(`${file}: job ${jobName}: no step installing crun ${MIN_CRUN.join('.')} or newer (env CRUN_VERSION) before step ${stepName(steps[first], first)}`);
  }
  return problems;
}
