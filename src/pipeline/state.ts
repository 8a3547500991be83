// What the tasks of one run hand to each other and to the report, beyond their return values:
// the cluster (needed by loading, the logs bundle and cleanup) and the summary parts.
import type { Kind } from '../cluster/kind.js';
import type { Handoff } from '../handoff/handoff.js';
import type { Section } from '../document/document.js';
import type { SuiteContract } from '../suite/invocation.js';

/** The summary's sections in this order, whatever order the tasks finish in. */
const SLOTS = ['images', 'deploy', 'tests', 'coverage', 'evidence', 'baseline'] as const;
export type SummarySlot = (typeof SLOTS)[number];

export class PipelineState {
  kind?: Kind;
  kubeconfig?: string;
  /** Folders of the tools the action installed (kind), put first on the suite's PATH. */
  toolDirs: string[] = [];
  /** How the suite finds the images (setup suite). */
  handoff?: Handoff;
  /** How focus, label and the JUnit report reach the suite, once read from its Makefile. */
  suiteContract?: SuiteContract;
  /** When the suite process started: what it leaves behind is newer. */
  suiteStartedAt?: number;
  /** The run's Go coverage profile (absolute), once written and measured. */
  coverageProfile?: string;
  /** Files of this run's own evidence (JUnit, coverage, logs bundle), relative to the work dir. */
  readonly evidence: string[] = [];
  readonly outputs: Record<string, string> = {};
  private readonly sections = new Map<SummarySlot, Section[]>();

  addSections(slot: SummarySlot, ...sections: Section[]): void {
    this.sections.set(slot, [...(this.sections.get(slot) ?? []), ...sections]);
  }

  /** The sections in summary order, with `extra` after a slot's own (a report written before the run ends). */
  orderedSections(extra: Partial<Record<SummarySlot, Section[]>> = {}): Section[] {
    return SLOTS.flatMap((slot) => [...(this.sections.get(slot) ?? []), ...(extra[slot] ?? [])]);
  }

  /** The cluster, once its task has made it; a task that needs it declares that dependency. */
  requireKind(): Kind {
    if (!this.kind) throw new Error('the cluster has not been created');
    return this.kind;
  }
}
