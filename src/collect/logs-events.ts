/**
 * `events.txt`: the events of the namespaces under test as one timeline, oldest first, one line
 * each. Within a namespace they are ordered as the diagnosis orders them (by second, then by the
 * order the API server stored them); namespaces are interleaved by second.
 */
import type { KubeClients } from '../kube/client.js';
import { type EventLine, latestEvents } from '../kube/diagnose.js';
import type { BundleWriter } from './logs-writer.js';

export const EVENTS_FILE = 'events.txt';

interface NamespacedEvent extends EventLine {
  namespace: string;
}

export async function collectEvents(kube: KubeClients, writer: BundleWriter, namespaces: readonly string[]): Promise<void> {
  const perNamespace = await Promise.all(namespaces.map(async (namespace) => {
    let lines: NamespacedEvent[] = [];
    await writer.source(`events in ${namespace}`, async () => {
      const events = (await kube.core.listNamespacedEvent({ namespace })).items;
      const everyObject = new Set(events.map((e) => e.involvedObject?.name ?? ''));
      lines = latestEvents(events, everyObject, events.length).map((line) => ({ ...line, namespace }));
    });
    return lines;
  }));
  // A stable sort by second keeps each namespace's own order within a second.
  const timeline = perNamespace.flat().sort((a, b) => secondOf(a).localeCompare(secondOf(b)));
  const header = `# Events in ${namespaces.join(', ')}, oldest first: time, type, reason, namespace, object: message (count)`;
  await writer.source(EVENTS_FILE, () => writer.write(EVENTS_FILE, [header, ...timeline.map(formatEvent)].join('\n') + '\n'));
}

function secondOf(event: EventLine): string {
  return event.time?.slice(0, 19) ?? '';
}

function formatEvent(e: NamespacedEvent): string {
  const count = e.count !== undefined && e.count > 1 ? ` (x${e.count})` : '';
  return [e.time ?? '-', e.type ?? '-', e.reason ?? '-', e.namespace, `${e.object}: ${e.message ?? ''}${count}`].join('  ');
}
