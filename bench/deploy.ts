// The staged deploy against the Kubernetes API double with fixed simulated readiness delays:
// wall time against the critical path, the least any staged deploy can take: per stage, the
// longest time from an object's apply to its readiness as the double realized it (the configured
// delay plus the double's own simulation of the pod's creation), summed over the stages.
// Objects inside a stage go in parallel, so overhead is per stage, not per object.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKubeApi } from '../__tests__/doubles/kube-api/index.js';
import type { ManifestFile } from '../src/deploy/manifests.js';
import { planDeploy } from '../src/deploy/plan.js';
import { deploy } from '../src/deploy/stages.js';
import { connectKube } from '../src/kube/client.js';
import type { KubeObject } from '../src/kube/types.js';
import { median, type Figure } from './measure.js';

const STAGE_DELAYS_MS = [200, 300, 200, 400];
const DEPLOYMENTS_PER_STAGE = 3;
const RUNS = 7;
const quiet = { info() {}, warning() {}, debug() {} };

function deployment(name: string): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'bench' },
    spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name, image: `bench/${name}:1` }] } } },
  } as KubeObject;
}

/** Wall time of one deploy, and its critical path as the double's own marks give it. */
async function oneDeploy(): Promise<{ wallMs: number; criticalPathMs: number }> {
  const api = await startKubeApi();
  const dir = mkdtempSync(join(tmpdir(), 'bench-deploy-'));
  try {
    const files = new Map<string, ManifestFile>();
    STAGE_DELAYS_MS.forEach((delay, stage) => {
      const documents: KubeObject[] = stage === 0 ? [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench' } }] : [];
      for (let i = 0; i < DEPLOYMENTS_PER_STAGE; i += 1) {
        const name = `s${stage}-d${i}`;
        api.behave(name, 'ready', { readyDelayMs: delay });
        documents.push(deployment(name));
      }
      files.set(`stage-${stage}.yaml`, { name: `stage-${stage}.yaml`, path: `stage-${stage}.yaml`, documents });
    });
    const plan = planDeploy({
      manifests: { crds: [], files },
      images: {},
      stages: STAGE_DELAYS_MS.map((_, stage) => ({ name: `stage-${stage}`, files: [`stage-${stage}.yaml`], timeoutSeconds: 60 })),
    });
    const kube = connectKube(api.kubeconfigPath(dir), { callTimeoutMs: 10_000 });
    const started = performance.now();
    await deploy(kube, plan, { crdTimeoutSeconds: 60, log: quiet });
    const wallMs = performance.now() - started;
    const stageDelays = STAGE_DELAYS_MS.map((_, stage) =>
      Math.max(
        ...Array.from({ length: DEPLOYMENTS_PER_STAGE }, (_, i) => {
          const name = `s${stage}-d${i}`;
          return api.readyAt('Deployment', 'bench', name)! - api.appliedAt('Deployment', 'bench', name)!;
        }),
      ),
    );
    return { wallMs, criticalPathMs: stageDelays.reduce((sum, delay) => sum + delay, 0) };
  } finally {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function deployStages(): Promise<Figure> {
  await oneDeploy(); // warm-up: module loading and the first connections are not the deploy's cost
  const runs: { wallMs: number; criticalPathMs: number }[] = [];
  for (let run = 0; run < RUNS; run += 1) runs.push(await oneDeploy());
  const configured = STAGE_DELAYS_MS.reduce((sum, delay) => sum + delay, 0);
  return {
    name: 'staged deploy (4 stages × 3 Deployments)',
    baseline: { label: 'critical path', ms: median(runs.map((run) => run.criticalPathMs)) },
    candidate: { label: 'deploy', ms: median(runs.map((run) => run.wallMs)) },
    maxRatio: 1.1,
    extra: `configured delays ${configured} ms; against them alone the ratio is ${(median(runs.map((run) => run.wallMs)) / configured).toFixed(2)}`,
  };
}
