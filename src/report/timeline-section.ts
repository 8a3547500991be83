/**
 * The summary's timeline section: the run's steps as bars grouped by phase (document/timeline.ts
 * builds them), with the baseline run's phases beside them when there is one.
 */
import { buildTimeline, describeKind, type BaselinePhases } from '../document/timeline.js';
import type { Section } from '../document/document.js';
import type { Timings } from '../scheduler/timings.js';

function notDrawn(timings: Timings): string[] {
  return timings.spans.filter((span) => span.offsetMs === null).map((span) => `${span.title} (${describeKind(span.outcome)})`);
}

/**
 * The summary's timeline section: the picture, where the page that repeats it is, and a line
 * naming the steps it cannot show.
 */
export function timelineSection(timings: Timings, baseline: BaselinePhases | undefined, page: string): Section {
  const missing = notDrawn(timings);
  const paragraphs = [
    `One bar per step, grouped by phase; \`${page}\` in the evidence shows this picture with the tables under it.`,
    baseline
      ? "Each phase's last bar is the baseline run's phase, placed from that run's start."
      : 'No baseline to draw beside this run.',
  ];
  if (missing.length > 0) paragraphs.push(`Not drawn, never started: ${missing.join(', ')}.`);
  const timeline = buildTimeline(timings, baseline);
  // A chart without a single bar would be an empty frame; the line above says why.
  return { heading: 'Timeline', timeline: timeline.groups.length > 0 ? timeline : undefined, paragraphs };
}
