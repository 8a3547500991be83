/**
 * A `kubectl get -o yaml` of the namespaces under test: every object of the kinds that explain a
 * failed run, status included, one multi-document file per namespace and kind
 * (`objects/<namespace>/<Kind>.yaml`).
 *
 * Secrets are never read: their data would be in the answer. ConfigMaps are, since they hold the
 * services' configuration: every string of every object is redacted before it is turned into YAML
 * (YAML may quote or fold a value so that the written text no longer contains it verbatim), and
 * ConfigMaps' binaryData is left out.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { type KubeClients, KindNotServedError } from '../kube/client.js';
import type { ProgressLog } from '../kube/types.js';
import { redact } from '../util/secrets.js';
import type { BundleWriter } from './logs-writer.js';

export interface KindRef {
  apiVersion: string;
  kind: string;
}

export const COMMON_KINDS: readonly KindRef[] = [
  { apiVersion: 'apps/v1', kind: 'Deployment' },
  { apiVersion: 'apps/v1', kind: 'StatefulSet' },
  { apiVersion: 'batch/v1', kind: 'Job' },
  { apiVersion: 'v1', kind: 'Pod' },
  { apiVersion: 'v1', kind: 'Service' },
  { apiVersion: 'v1', kind: 'ConfigMap' },
  { apiVersion: 'v1', kind: 'Event' },
];

/** The custom resources of the default stack; listed when their CustomResourceDefinition is there. */
export const DEFAULT_CUSTOM_KINDS: readonly KindRef[] = [{ apiVersion: 'kubernaut.ai/v1alpha1', kind: 'AIAnalysis' }];

export async function collectObjects(
  kube: KubeClients,
  writer: BundleWriter,
  namespaces: readonly string[],
  customKinds: readonly KindRef[],
  log: ProgressLog,
): Promise<void> {
  const custom = new Set(customKinds);
  const kinds = [...COMMON_KINDS, ...customKinds];
  await Promise.all(namespaces.flatMap((namespace) => kinds.map((ref) =>
    writer.source(`${ref.kind} objects in ${namespace}`, async () => {
      let items: KubernetesObject[];
      try {
        items = (await kube.objects.list(ref.apiVersion, ref.kind, namespace)).items;
      } catch (error) {
        // A custom resource whose definition was never applied: nothing to collect, nothing wrong with collecting.
        if (custom.has(ref) && error instanceof KindNotServedError) {
          log.debug(`logs bundle: ${ref.kind} is not served (no CustomResourceDefinition): skipped`);
          return;
        }
        throw error;
      }
      if (items.length === 0) return;
      const documents = items.map((item) => stringify(presentable(item, ref), { lineWidth: 0 }));
      await writer.write(`objects/${namespace}/${ref.kind}.yaml`, documents.join('---\n'));
    }))));
}

type Plain = Record<string, unknown>;

/** The object as the API serves it (the models of these kinds name their fields as the API does), safe to write. */
function presentable(item: KubernetesObject, ref: KindRef): Plain {
  // List items carry no apiVersion and kind of their own.
  const plain: Plain = { apiVersion: ref.apiVersion, kind: ref.kind, ...(JSON.parse(JSON.stringify(item)) as Plain) };
  const metadata = plain.metadata as Plain | undefined;
  if (metadata) delete metadata.managedFields;
  const binaryData = plain.binaryData as Record<string, string> | undefined;
  if (ref.kind === 'ConfigMap' && binaryData) {
    plain.binaryData = Object.fromEntries(Object.entries(binaryData).map(([key, value]) =>
      [key, `(${Buffer.byteLength(value, 'base64')} bytes of binary data, not collected)`]));
  }
  return redactStrings(plain) as Plain;
}

function redactStrings(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map(redactStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [redact(key), redactStrings(inner)]));
  }
  return value;
}
