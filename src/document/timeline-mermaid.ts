/**
 * The timeline as a Mermaid gantt chart, which GitHub draws from a ```` ```mermaid ```` block in
 * a job summary. Bars sit at real times (`dateFormat x`: epoch milliseconds), so the axis reads
 * as the clock of the run; a baseline bar is placed as far from this run's start as its phase was
 * from the baseline run's start.
 *
 * Mermaid's gantt grammar gives meaning to `:` (name and data), `#` and `;` (end of data), `%`
 * (comments) and line breaks, and reads a line that starts with a keyword (`section`, `title`,
 * `click`…) as that statement. Every label therefore starts with its outcome mark and has those
 * characters replaced by look-alikes, so a step title can never change the chart's structure.
 */
import { type BarKind, type Timeline, type TimelineBar, barName, barNotes } from './timeline.js';

/** Mermaid's four task tags: the colour of a bar. A step that succeeded keeps the default. */
const TAGS: Record<BarKind, string[]> = {
  success: [],
  skipped: [],
  failure: ['crit'],
  cancelled: ['active'],
  baseline: ['done'],
};

const MARKS: Record<BarKind, string> = {
  success: '✓',
  skipped: '–',
  failure: '✗',
  cancelled: '⊘',
  baseline: '◷',
};

const LOOK_ALIKES: Record<string, string> = { ':': '∶', '#': '＃', ';': '；', '%': '％' };

/** Text that Mermaid reads as plain text: no line breaks, no characters of its grammar. */
export function mermaidText(text: string): string {
  return text
    .replace(/[:#;%]/g, (character) => LOOK_ALIKES[character])
    .replace(/\s+/g, ' ')
    .trim();
}

/** Clock minutes for a long run; seconds too when the run is short enough for them to matter. */
const axisFormat = (spanMs: number): string => (spanMs >= 20 * 60_000 ? '%H:%M' : '%H:%M:%S');

function barLabel(bar: TimelineBar): string {
  return mermaidText([`${MARKS[bar.kind]} ${barName(bar)}`, ...barNotes(bar)].join(' · '));
}

function barLine(bar: TimelineBar, zero: number): string {
  // A bar shorter than a millisecond would vanish, and Mermaid refuses an end before its start.
  const end = Math.max(bar.endMs, bar.startMs + 1);
  return `    ${barLabel(bar)} :${[...TAGS[bar.kind], zero + bar.startMs, zero + end].join(', ')}`;
}

export function renderMermaidGantt(timeline: Timeline): string {
  const zero = Date.parse(timeline.startedAt);
  return [
    'gantt',
    '    dateFormat x',
    `    axisFormat ${axisFormat(timeline.spanMs)}`,
    '    todayMarker off',
    ...timeline.groups.flatMap((group) => [
      `    section ${mermaidText(group.phase)}`,
      ...group.bars.map((bar) => barLine(bar, zero)),
    ]),
  ].join('\n');
}
