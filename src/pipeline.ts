// The task graph of a real run: images, cluster, load, deploy, suite, and the finalizers that
// collect evidence. Each phase comes from its own module.
import type { Config } from './config/index.js';
import type { Host } from './host/host.js';
import type { Plan } from './plan/plan.js';
import type { RunReport } from './report/run-report.js';

export interface PipelineOptions {
  config: Config;
  plan: Plan;
  host: Host;
  signal?: AbortSignal;
}

export async function runPipeline(options: PipelineOptions): Promise<RunReport> {
  return {
    result: 'failure',
    plan: options.plan,
    error:
      'This version of aianalysis-e2e can only print the plan (dry-run: true): building images, ' +
      'creating the cluster, deploying and running the suite are not available yet.',
    sections: [],
    outputs: {},
  };
}
