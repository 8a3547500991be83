/** Starts the Kubernetes API double with a kubeconfig in a temporary folder, and connects the real client to it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KubeClients, connectKube } from '../../src/kube/client.js';
import type { ProgressLog } from '../../src/kube/types.js';
import { type KubeApi, type KubeApiOptions, startKubeApi } from '../doubles/kube-api/index.js';

export interface Harness {
  api: KubeApi;
  kube: KubeClients;
  kubeconfig: string;
  log: RecordingLog;
  close(): Promise<void>;
}

export interface RecordingLog extends ProgressLog {
  lines: string[];
}

export function recordingLog(): RecordingLog {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    debug: (m) => lines.push(`debug: ${m}`),
  };
}

export async function startHarness(options: KubeApiOptions = {}, signal?: AbortSignal): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'kube-api-'));
  const api = await startKubeApi(options);
  const kubeconfig = api.kubeconfigPath(dir);
  const kube = connectKube(kubeconfig, { callTimeoutMs: 5000, signal });
  return {
    api, kube, kubeconfig, log: recordingLog(),
    async close() {
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const NAMESPACE = 'kubernaut-system';

export function namespace(name = NAMESPACE) {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

export function deployment(name: string, options: { image?: string; replicas?: number; namespace?: string } = {}) {
  const labels: Record<string, string> = { app: name };
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name, namespace: options.namespace ?? NAMESPACE, labels },
    spec: {
      replicas: options.replicas ?? 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name, image: options.image ?? `localhost/${name}:e2e`, ports: [{ containerPort: 8080 }] }] },
      },
    },
  };
}

export function job(name: string, namespaceName = NAMESPACE) {
  return {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: { name, namespace: namespaceName },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name, image: `localhost/${name}:e2e` }] } } },
  };
}

export function crd(group = 'kubernaut.ai', plural = 'aianalyses', kind = 'AIAnalysis') {
  return {
    apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group, scope: 'Namespaced',
      names: { plural, singular: kind.toLowerCase(), kind, listKind: `${kind}List` },
      versions: [{
        name: 'v1alpha1', served: true, storage: true, subresources: { status: {} },
        schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true,
          properties: { spec: { type: 'object', properties: {
            phase: { type: 'string', enum: ['Pending', 'Completed'], default: 'Pending' } } } } } },
      }],
    },
  };
}
