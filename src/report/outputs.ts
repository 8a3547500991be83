// The action's outputs of a run. Every declared output is always set (empty when its phase did
// not run), so that a workflow can read any of them without guarding.
import type { RunReport } from './run-report.js';

export const OUTPUT_NAMES = [
  'result',
  'tests-passed',
  'tests-failed',
  'tests-skipped',
  'coverage-percent',
  'artifact-id',
  'artifact-url',
  'images',
  'timings',
  'kubeconfig',
] as const;

export type OutputName = (typeof OUTPUT_NAMES)[number];

export function runOutputs(report: RunReport): Record<OutputName, string> {
  const outputs = Object.fromEntries(OUTPUT_NAMES.map((name) => [name, ''])) as Record<OutputName, string>;
  for (const [name, value] of Object.entries(report.outputs)) {
    if (!(OUTPUT_NAMES as readonly string[]).includes(name)) throw new Error(`output '${name}' is not declared in action.yml`);
    outputs[name as OutputName] = value;
  }
  outputs.result = report.result;
  outputs.timings = report.timings ? JSON.stringify(report.timings) : '';
  outputs.kubeconfig = report.kubeconfig ?? '';
  return outputs;
}
