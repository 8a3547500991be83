/** The API semantics on top of the store: resource resolution, create/apply/patch/replace/delete, garbage collection. */
import { parse as parseYaml } from 'yaml';
import { applyDefaults, immutableCauses, validate } from './admission.js';
import { newUid, timestamp } from './names.js';
import { jsonPatch, mergePatch } from './patch.js';
import { BUILTIN_RESOURCES, type ResourceType, apiVersionOf } from './resources.js';
import {
  ApiError, alreadyExists, applyConflict, badRequest, invalid, notFound, staleResourceVersion, unsupportedMediaType,
} from './status.js';
import type { KObject, ObjectMeta, Store } from './store.js';

export const PATCH_TYPES = {
  apply: 'application/apply-patch+yaml',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
} as const;

const SYSTEM_METADATA = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp',
  'deletionGracePeriodSeconds', 'managedFields', 'selfLink'] as const;

export function builtin(kind: string, group = ''): ResourceType {
  const found = BUILTIN_RESOURCES.find((r) => r.kind === kind && r.group === group);
  if (!found) throw new Error(`no built-in resource ${kind} in group "${group}"`);
  return found;
}

const NAMESPACES = builtin('Namespace');
const CRDS = builtin('CustomResourceDefinition', 'apiextensions.k8s.io');

/** JSON with sorted keys, so that equal content compares equal whatever the key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
    : v));
}

function desiredContent(obj: KObject): string {
  const { metadata, status: _status, ...rest } = obj;
  const { labels, annotations, ownerReferences, finalizers } = metadata;
  return canonical({ rest, labels, annotations, ownerReferences, finalizers });
}

function specContent(obj: KObject): string {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return canonical(rest);
}

export function isEstablished(crd: KObject): boolean {
  return (crd.status?.conditions ?? []).some((c: { type: string; status: string }) =>
    c.type === 'Established' && c.status === 'True');
}

export interface DeleteOptions { gracePeriodSeconds?: number }

export class Registry {
  constructor(readonly store: Store) {}

  served(): ResourceType[] {
    return [...BUILTIN_RESOURCES, ...this.customResources()];
  }

  private customResources(): ResourceType[] {
    return this.store.list(CRDS).filter(isEstablished).flatMap((crd) => {
      const { group, names, scope, versions } = crd.spec;
      return (versions as { name: string; served?: boolean; subresources?: { status?: object; scale?: object } }[])
        .filter((v) => v.served !== false)
        .map((v): ResourceType => ({
          group, version: v.name, plural: names.plural, singular: names.singular ?? names.kind.toLowerCase(),
          kind: names.kind, namespaced: scope !== 'Cluster', shortNames: names.shortNames,
          subresources: v.subresources?.status ? ['status'] : [],
        }));
    });
  }

  find(group: string, version: string, plural: string): ResourceType | undefined {
    return this.served().find((r) => r.group === group && r.version === version && r.plural === plural);
  }

  byKind(kind: string): ResourceType | undefined {
    return this.served().find((r) => r.kind === kind && !r.storedAs);
  }

  isCustom(r: ResourceType): boolean {
    return !BUILTIN_RESOURCES.includes(r);
  }

  /** The object as the API returns it for this resource (events.k8s.io converts core Events). */
  present(r: ResourceType, obj: KObject): KObject {
    if (r.storedAs) return toEventsV1(obj);
    return { ...obj, apiVersion: apiVersionOf(r), kind: r.kind };
  }

  get(r: ResourceType, namespace: string | undefined, name: string): KObject {
    const found = this.store.get(r, namespace, name);
    if (!found) throw notFound(r, name);
    return found;
  }

  private requireNamespace(r: ResourceType, namespace: string | undefined): void {
    if (!r.namespaced) return;
    if (!namespace || !this.store.get(NAMESPACES, undefined, namespace)) {
      throw notFound(NAMESPACES, namespace ?? '');
    }
  }

  /** Checks the body against the URL and strips what clients may not set. */
  private incoming(r: ResourceType, namespace: string | undefined, name: string | undefined, body: unknown): KObject {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('the request body is not an object');
    const obj = structuredClone(body) as KObject;
    if (obj.apiVersion !== undefined && obj.apiVersion !== apiVersionOf(r)) {
      throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${apiVersionOf(r)})`);
    }
    if (obj.kind !== undefined && obj.kind !== r.kind) {
      throw badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${r.kind})`);
    }
    obj.apiVersion = apiVersionOf(r);
    obj.kind = r.kind;
    const metadata: ObjectMeta = { ...(obj.metadata ?? {}) } as ObjectMeta;
    if (name !== undefined) {
      if (metadata.name !== undefined && metadata.name !== name) {
        throw badRequest(`the name of the object (${metadata.name}) does not match the name on the URL (${name})`);
      }
      metadata.name = name;
    }
    if (r.namespaced) {
      if (metadata.namespace !== undefined && metadata.namespace !== namespace) {
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      metadata.namespace = namespace;
    } else {
      delete metadata.namespace;
    }
    for (const field of SYSTEM_METADATA) delete metadata[field];
    obj.metadata = metadata;
    if (r.subresources?.includes('status')) delete obj.status;
    return obj;
  }

  private admit(r: ResourceType, obj: KObject, existing: KObject | undefined): KObject {
    applyDefaults(obj, existing);
    const causes = validate(r, obj);
    if (causes.length) throw invalid(r, obj.metadata.name ?? '', causes);
    return obj;
  }

  private insert(r: ResourceType, obj: KObject, manager: string, operation: 'Apply' | 'Update'): KObject {
    this.requireNamespace(r, obj.metadata.namespace);
    if (this.store.get(r, obj.metadata.namespace, obj.metadata.name)) throw alreadyExists(r, obj.metadata.name);
    obj.metadata.uid = newUid();
    this.admit(r, obj, undefined);
    if (obj.spec !== undefined) obj.metadata.generation = 1;
    obj.metadata.managedFields = [managedEntry(r, manager, operation)];
    return this.store.create(r, obj);
  }

  /**
   * Stores `next` over `existing` when it differs (a no-op write keeps the resourceVersion, as the real server does);
   * bumps generation when the spec changed and records the writer in managedFields.
   */
  private write(r: ResourceType, existing: KObject, next: KObject, manager: string, operation: 'Apply' | 'Update'): KObject {
    next.metadata = { ...next.metadata, ...pick(existing.metadata, SYSTEM_METADATA) };
    this.admit(r, next, existing);
    const changed = immutableCauses(r, next, existing, (a, b) => canonical(a) === canonical(b));
    if (changed.length) throw invalid(r, next.metadata.name ?? '', changed);
    if (r.subresources?.includes('status') || next.status === undefined) next.status = existing.status;
    if (desiredContent(next) === desiredContent(existing)) return existing;
    if (existing.metadata.generation !== undefined && specContent(next) !== specContent(existing)) {
      next.metadata.generation = existing.metadata.generation + 1;
    }
    // An apply (forced or not conflicting) takes ownership away from the other appliers.
    const kept = (existing.metadata.managedFields ?? [])
      .filter((m) => m.manager !== manager && (operation === 'Update' || m.operation !== 'Apply'));
    next.metadata.managedFields = [...kept, managedEntry(r, manager, operation)];
    return this.store.update(r, next);
  }

  create(r: ResourceType, namespace: string | undefined, body: unknown, manager = 'unknown'): KObject {
    return this.insert(r, this.incoming(r, namespace, undefined, body), manager, 'Update');
  }

  apply(r: ResourceType, namespace: string | undefined, name: string, rawBody: string,
    manager: string | null, force: boolean): KObject {
    if (!manager) {
      throw new ApiError(422, 'Invalid',
        'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
        { group: 'meta.k8s.io', kind: 'PatchOptions', causes: [{ reason: 'FieldValueRequired',
          message: 'Required value: is required for apply patch', field: 'fieldManager' }] });
    }
    const body = this.incoming(r, namespace, name, parseBody(rawBody));
    const existing = this.store.get(r, namespace, name);
    if (!existing) return this.insert(r, body, manager, 'Apply');
    const others = (existing.metadata.managedFields ?? []).filter((m) => m.operation === 'Apply' && m.manager !== manager);
    if (others.length && !force) throw applyConflict(r, name, others[0].manager);
    return this.write(r, existing, body, manager, 'Apply');
  }

  replace(r: ResourceType, namespace: string | undefined, name: string, body: unknown, manager = 'unknown'): KObject {
    const next = this.incoming(r, namespace, name, body);
    const existing = this.get(r, namespace, name);
    const expected = (body as KObject).metadata?.resourceVersion;
    if (expected && expected !== existing.metadata.resourceVersion) throw staleResourceVersion(r, name);
    return this.write(r, existing, next, manager, 'Update');
  }

  patch(r: ResourceType, namespace: string | undefined, name: string, contentType: string, rawBody: string,
    manager = 'unknown'): KObject {
    const existing = this.get(r, namespace, name);
    const patched = this.patchDocument(r, existing, contentType, rawBody) as KObject;
    return this.write(r, existing, this.incoming(r, namespace, name, patched), manager, 'Update');
  }

  patchDocument(r: ResourceType, doc: unknown, contentType: string, rawBody: string): unknown {
    const accepted = this.isCustom(r)
      ? [PATCH_TYPES.json, PATCH_TYPES.merge, PATCH_TYPES.apply]
      : [PATCH_TYPES.json, PATCH_TYPES.merge, PATCH_TYPES.strategic, PATCH_TYPES.apply];
    if (!accepted.includes(contentType as (typeof accepted)[number]) || contentType === PATCH_TYPES.apply) {
      throw unsupportedMediaType(contentType, accepted);
    }
    const body = parseBody(rawBody);
    return contentType === PATCH_TYPES.json ? jsonPatch(doc, body) : mergePatch(doc, body);
  }

  /** Deletes at once, or marks for graceful deletion (pods on a node, namespaces). */
  delete(r: ResourceType, namespace: string | undefined, name: string, options: DeleteOptions = {}): KObject {
    const existing = this.get(r, namespace, name);
    const graceful = (r.kind === 'Pod' && existing.spec?.nodeName && options.gracePeriodSeconds !== 0)
      || r.kind === 'Namespace';
    if (!graceful) return this.removeNow(r, namespace, name) ?? existing;
    if (existing.metadata.deletionTimestamp) return existing;
    existing.metadata.deletionTimestamp = timestamp();
    existing.metadata.deletionGracePeriodSeconds = options.gracePeriodSeconds
      ?? existing.spec?.terminationGracePeriodSeconds ?? 0;
    if (r.kind === 'Namespace') existing.status = { ...existing.status, phase: 'Terminating' };
    return this.store.update(r, existing);
  }

  /** Removes an object and, in the background, everything it owns. */
  removeNow(r: ResourceType, namespace: string | undefined, name: string): KObject | undefined {
    const removed = this.store.remove(r, namespace, name);
    if (!removed) return undefined;
    if (r.kind === 'CustomResourceDefinition') this.removeCustomObjects(removed);
    for (const dependentType of BUILTIN_RESOURCES.filter((t) => t.namespaced && !t.storedAs)) {
      for (const dependent of this.store.list(dependentType, removed.metadata.namespace)) {
        if (dependent.metadata.ownerReferences?.some((o) => o.uid === removed.metadata.uid)) {
          this.delete(dependentType, dependent.metadata.namespace, dependent.metadata.name);
        }
      }
    }
    return removed;
  }

  private removeCustomObjects(crd: KObject): void {
    for (const version of crd.spec.versions as { name: string }[]) {
      const r = { group: crd.spec.group, version: version.name, plural: crd.spec.names.plural,
        singular: '', kind: crd.spec.names.kind, namespaced: crd.spec.scope !== 'Cluster' };
      for (const o of this.store.list(r)) this.store.remove(r, o.metadata.namespace, o.metadata.name);
    }
  }

  /** A controller's status write: no admission, no generation change. */
  writeStatus(r: ResourceType, obj: KObject): KObject {
    return this.store.update(r, obj);
  }
}

function managedEntry(r: ResourceType, manager: string, operation: 'Apply' | 'Update') {
  return { manager, operation, apiVersion: apiVersionOf(r), time: timestamp(), fieldsType: 'FieldsV1' };
}

function pick(meta: ObjectMeta, fields: readonly string[]): Partial<ObjectMeta> {
  return Object.fromEntries(fields.filter((f) => meta[f] !== undefined).map((f) => [f, meta[f]]));
}

/** Apply bodies are YAML (JSON is YAML); the other patch types are JSON. */
export function parseBody(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    try {
      return parseYaml(raw);
    } catch (error) {
      throw badRequest(`error decoding the request body: ${(error as Error).message}`);
    }
  }
}

function toEventsV1(event: KObject): KObject {
  return {
    apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: event.metadata,
    eventTime: event.eventTime ?? null, reportingController: event.reportingComponent ?? event.source?.component,
    reportingInstance: event.reportingInstance ?? event.source?.host, action: event.action, reason: event.reason,
    regarding: event.involvedObject, note: event.message, type: event.type,
    deprecatedSource: event.source, deprecatedFirstTimestamp: event.firstTimestamp,
    deprecatedLastTimestamp: event.lastTimestamp, deprecatedCount: event.count,
  };
}
