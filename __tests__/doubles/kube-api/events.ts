/** Records core/v1 Events the way kubelet and the controllers do: deduplicated, counted, timestamped. */
import { microTimestamp, timestamp } from './names.js';
import { builtin } from './registry.js';
import type { KObject, Store } from './store.js';

const EVENTS = builtin('Event');

export interface EventSpec {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  component: string;
  fieldPath?: string;
  /** Reported through events.k8s.io (as the scheduler does): a precise eventTime and no first/lastTimestamp. */
  precise?: boolean;
}

export class EventRecorder {
  private sequence = 0;
  private readonly byKey = new Map<string, { namespace: string; name: string }>();

  constructor(private readonly store: Store, private readonly nodeName: string) {}

  record(involved: KObject, event: EventSpec): void {
    const namespace = involved.metadata.namespace ?? 'default';
    const key = [involved.metadata.uid, event.reason, event.message, event.fieldPath ?? ''].join('|');
    const now = timestamp();
    const previous = this.byKey.get(key);
    const existing = previous && this.store.get(EVENTS, previous.namespace, previous.name);
    if (existing && !event.precise) {
      existing.count = (existing.count ?? 1) + 1;
      existing.lastTimestamp = now;
      this.store.update(EVENTS, existing);
      return;
    }
    // Real event names are `<object>.<hex nanoseconds>`: unique and ordered by creation per object.
    const suffix = (BigInt(Date.now()) * 1_000_000n + BigInt(this.sequence++)).toString(16);
    const name = `${involved.metadata.name}.${suffix}`;
    const host = event.component === 'kubelet' ? this.nodeName : undefined;
    this.store.create(EVENTS, {
      apiVersion: 'v1', kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        apiVersion: involved.apiVersion, kind: involved.kind, name: involved.metadata.name,
        namespace: involved.metadata.namespace, uid: involved.metadata.uid,
        resourceVersion: involved.metadata.resourceVersion,
        ...(event.fieldPath ? { fieldPath: event.fieldPath } : {}),
      },
      reason: event.reason, message: event.message, type: event.type,
      source: { component: event.component, ...(host ? { host } : {}) },
      ...(event.precise
        ? { firstTimestamp: null, lastTimestamp: null, eventTime: microTimestamp(), action: 'Binding' }
        : { firstTimestamp: now, lastTimestamp: now, count: 1, eventTime: null }),
      reportingComponent: event.component, reportingInstance: host ?? event.component,
    });
    this.byKey.set(key, { namespace, name });
  }
}
