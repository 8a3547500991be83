/** Reads the default stack's manifests as the deploy stage sees them: every YAML document of every file. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const MANIFESTS_DIR = fileURLToPath(new URL('../../manifests/', import.meta.url));

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

export interface ManifestDocument {
  /** `file#index`, for failure messages. */
  source: string;
  object: KubeObject;
}

export function manifestFiles(): string[] {
  return readdirSync(MANIFESTS_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
}

export function loadManifestSet(): ManifestDocument[] {
  return manifestFiles().flatMap((file) => parseFile(file));
}

function parseFile(file: string): ManifestDocument[] {
  const documents = parseAllDocuments(readFileSync(`${MANIFESTS_DIR}${file}`, 'utf8')).filter(
    (document) => document.contents !== null,
  );
  if (documents.length === 0) throw new Error(`${file}: no YAML document`);
  return documents.map((document, index) => {
    const source = `${file}#${index}`;
    if (document.errors.length > 0) {
      throw new Error(`${source}: YAML error: ${document.errors.map((error) => error.message).join('; ')}`);
    }
    return { source, object: asKubeObject(document.toJS(), source) };
  });
}

function asKubeObject(value: unknown, source: string): KubeObject {
  const candidate = value as Partial<KubeObject> | null;
  if (
    typeof candidate?.apiVersion !== 'string' ||
    typeof candidate.kind !== 'string' ||
    typeof candidate.metadata?.name !== 'string'
  ) {
    throw new Error(`${source}: not a Kubernetes object (apiVersion, kind and metadata.name are required)`);
  }
  return candidate as KubeObject;
}
