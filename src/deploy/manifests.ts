/**
 * The manifest set: the default manifests (some replaced by the caller's own), the caller's extra
 * manifests and the CRDs, all read and parsed before anything is applied.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../kube/types.js';

export interface ManifestFile {
  /** How stages refer to it: the default file's name, or the extra manifest's path as given. */
  name: string;
  /** Where it was read from. */
  path: string;
  /** The objects, in document order; empty documents are skipped. */
  documents: KubeObject[];
}

export interface ManifestSet {
  crds: ManifestFile[];
  files: ReadonlyMap<string, ManifestFile>;
}

export interface ManifestSetOptions {
  builtinDir: string;
  /** Default manifests, relative to builtinDir. */
  builtinFiles: readonly string[];
  /** A default manifest's name → the path of the file to use instead. */
  replace?: Readonly<Record<string, string>>;
  /** More manifests, referred to by their path. */
  extra?: readonly string[];
  /** CustomResourceDefinition manifests, applied before any stage. */
  crds?: readonly string[];
}

export class ManifestError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the manifests are not usable:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ManifestError';
  }
}

function objectProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'is not a mapping (an object with apiVersion, kind, metadata)';
  const o = value as Record<string, unknown>;
  const metadata = o.metadata as Record<string, unknown> | undefined;
  const missing = [
    typeof o.apiVersion === 'string' && o.apiVersion ? '' : 'apiVersion',
    typeof o.kind === 'string' && o.kind ? '' : 'kind',
    metadata && typeof metadata.name === 'string' && metadata.name ? '' : 'metadata.name',
  ].filter(Boolean);
  if (missing.length) return `has no ${missing.join(', ')}`;
  if (metadata!.namespace !== undefined && typeof metadata!.namespace !== 'string') return 'has a metadata.namespace that is not a string';
  return undefined;
}

/** Parses a multi-document YAML file; problems name the file and the 1-based document index. */
export function parseManifest(path: string, text: string): { documents: KubeObject[]; problems: string[] } {
  const documents: KubeObject[] = [];
  const problems: string[] = [];
  parseAllDocuments(text).forEach((doc, i) => {
    const where = `${path}: document ${i + 1}`;
    if (doc.errors.length) {
      problems.push(`${where}: invalid YAML: ${doc.errors[0].message}`);
      return;
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) return;
    const problem = objectProblem(value);
    if (problem) problems.push(`${where} ${problem}`);
    else documents.push(value as KubeObject);
  });
  return { documents, problems };
}

async function readManifest(name: string, path: string, problems: string[]): Promise<ManifestFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    problems.push(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return { name, path, documents: [] };
  }
  const parsed = parseManifest(path, text);
  problems.push(...parsed.problems);
  if (parsed.documents.length === 0 && parsed.problems.length === 0) problems.push(`${path}: contains no objects`);
  return { name, path, documents: parsed.documents };
}

export async function loadManifestSet(options: ManifestSetOptions): Promise<ManifestSet> {
  const problems: string[] = [];
  const replace = options.replace ?? {};
  for (const name of Object.keys(replace)) {
    if (!options.builtinFiles.includes(name)) {
      problems.push(`replace: "${name}" is not a default manifest; the default manifests are: ${options.builtinFiles.join(', ')}`);
    }
  }
  const sources: [string, string][] = [
    ...options.builtinFiles.map((name): [string, string] => [name, replace[name] ?? join(options.builtinDir, name)]),
    ...(options.extra ?? []).map((path): [string, string] => [path, path]),
  ];
  const seen = new Set<string>();
  for (const [name] of sources) {
    if (seen.has(name)) problems.push(`manifest "${name}" is listed twice`);
    seen.add(name);
  }
  const [files, crds] = await Promise.all([
    Promise.all(sources.map(([name, path]) => readManifest(name, path, problems))),
    Promise.all((options.crds ?? []).map((path) => readManifest(path, path, problems))),
  ]);
  for (const crdFile of crds) {
    crdFile.documents.forEach((o, i) => {
      if (o.kind !== 'CustomResourceDefinition') {
        problems.push(`${crdFile.path}: object ${i + 1} (${o.kind} ${o.metadata.name}) is not a CustomResourceDefinition; `
          + 'put it in a stage instead');
      }
    });
  }
  if (problems.length) throw new ManifestError(problems);
  return { crds, files: new Map(files.map((f) => [f.name, f])) };
}
