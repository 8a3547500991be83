/** The object store: one resourceVersion counter, a bounded change history for watches, listeners. */
import { newUid, timestamp } from './names.js';
import { type ResourceType, storageKey } from './resources.js';

export interface OwnerReference {
  apiVersion: string; kind: string; name: string; uid: string; controller?: boolean; blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  managedFields?: { manager: string; operation: string; apiVersion: string; time: string; fieldsType: string }[];
  [key: string]: unknown;
}

/** A stored object: free-form JSON like the real store, with typed metadata. */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: any;
  status?: any;
  [key: string]: any;
}

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface Change {
  type: ChangeType;
  resource: ResourceType;
  object: KObject;
  rv: number;
}

function keyOf(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

export class Store {
  private rv = 1000;
  private readonly tables = new Map<string, Map<string, KObject>>();
  private readonly history: Change[] = [];
  private readonly listeners = new Set<(change: Change) => void>();

  constructor(private readonly retained: number) {}

  get resourceVersion(): string {
    return String(this.rv);
  }

  /** The oldest resourceVersion a watch may still resume from. */
  get oldestResumable(): number {
    return this.history.length ? this.history[0].rv - 1 : this.rv;
  }

  private table(r: ResourceType): Map<string, KObject> {
    const key = storageKey(r);
    let table = this.tables.get(key);
    if (!table) {
      table = new Map();
      this.tables.set(key, table);
    }
    return table;
  }

  get(r: ResourceType, namespace: string | undefined, name: string): KObject | undefined {
    const found = this.table(r).get(keyOf(namespace, name));
    return found && structuredClone(found);
  }

  list(r: ResourceType, namespace?: string): KObject[] {
    return [...this.table(r).entries()]
      .filter(([, o]) => namespace === undefined || o.metadata.namespace === namespace)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, o]) => structuredClone(o));
  }

  create(r: ResourceType, object: KObject): KObject {
    const stored = structuredClone(object);
    stored.metadata.uid ??= newUid();
    stored.metadata.creationTimestamp = timestamp();
    stored.metadata.resourceVersion = String(++this.rv);
    this.table(r).set(keyOf(stored.metadata.namespace, stored.metadata.name), stored);
    this.emit('ADDED', r, stored);
    return structuredClone(stored);
  }

  update(r: ResourceType, object: KObject): KObject {
    const stored = structuredClone(object);
    stored.metadata.resourceVersion = String(++this.rv);
    this.table(r).set(keyOf(stored.metadata.namespace, stored.metadata.name), stored);
    this.emit('MODIFIED', r, stored);
    return structuredClone(stored);
  }

  remove(r: ResourceType, namespace: string | undefined, name: string): KObject | undefined {
    const table = this.table(r);
    const stored = table.get(keyOf(namespace, name));
    if (!stored) return undefined;
    table.delete(keyOf(namespace, name));
    stored.metadata.resourceVersion = String(++this.rv);
    this.emit('DELETED', r, stored);
    return structuredClone(stored);
  }

  /** Changes after `rv`, oldest first. */
  since(rv: number): Change[] {
    return this.history.filter((c) => c.rv > rv);
  }

  subscribe(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(type: ChangeType, resource: ResourceType, object: KObject): void {
    const change = { type, resource, object: structuredClone(object), rv: this.rv };
    this.history.push(change);
    if (this.history.length > this.retained) this.history.shift();
    for (const listener of this.listeners) listener(change);
  }
}
