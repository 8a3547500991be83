// The inputs a job of the workflow pack gives the action, as the runner would evaluate them
// (registry-username falls back to its action.yml default, the actor).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { root } from './entries.js';

type Step = { uses?: string; with?: Record<string, unknown> };

export interface PackValues {
  registry: string;
  token: string;
  shard?: string;
  /** The values of `${{ inputs.<name> }}` (workflow_dispatch inputs). */
  inputs?: Record<string, string>;
}

export function packWorkflowInputs(file: string, job: string, values: PackValues): Record<string, string> {
  const workflow = parse(readFileSync(join(root, 'workflows', file), 'utf8'));
  const steps: Step[] = workflow.jobs[job].steps;
  const step = steps.find((candidate) => candidate.uses?.startsWith('kubernaut/aianalysis-e2e@') && !('dry-run' in (candidate.with ?? {})))!;
  const evaluate = (value: unknown) =>
    String(value)
      .replace('${{ env.E2E_REGISTRY }}', values.registry)
      .replace('${{ env.IMAGES_ARTIFACT }}', workflow.env.IMAGES_ARTIFACT)
      .replace('${{ github.token }}', values.token)
      .replace('${{ matrix.shard }}', values.shard ?? '')
      .replace(/\$\{\{ inputs\.([\w-]+) \}\}/g, (_, name: string) => {
        const given = values.inputs?.[name];
        if (given === undefined) throw new Error(`${file}: job ${job} reads inputs.${name}, which the test does not give`);
        return given;
      });
  const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([name, value]) => [name, evaluate(value)]));
  return { 'registry-username': 'octocat', ...inputs };
}
