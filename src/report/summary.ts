// The job summary: the run's result first, then the timeline and the per-phase timings, then what
// each phase contributed.
import type { Timings } from '../scheduler/timings.js';
import { formatDuration } from '../util/duration.js';
import type { ReportDocument, Section } from '../document/document.js';
import { renderPlan, setupSentence } from './plan-render.js';
import type { RunReport } from './run-report.js';
import { SUMMARY_PAGE } from './summary-page.js';
import { timelineSection } from './timeline-section.js';

const HEADLINES: Record<RunReport['result'], string> = {
  success: '✅ AIAnalysis E2E passed',
  failure: '❌ AIAnalysis E2E failed',
  cancelled: '⚠️ AIAnalysis E2E was cancelled',
  'dry-run': '📝 AIAnalysis E2E dry run: the plan, nothing was done',
};

/** An images-only run tested nothing: its success says so. */
const IMAGES_ONLY_HEADLINES: Partial<Record<RunReport['result'], string>> = {
  success: '✅ AIAnalysis E2E images ready (images only: no cluster, deploy or suite)',
  failure: '❌ AIAnalysis E2E images failed (images only)',
};

function resultSection(report: RunReport): Section {
  const took = report.timings ? ` in ${formatDuration(report.timings.durationMs)}` : '';
  const headline = report.headline ?? (report.plan?.imagesOnly ? IMAGES_ONLY_HEADLINES[report.result] : undefined) ?? HEADLINES[report.result];
  const paragraphs = [`**${headline}${took}.**`];
  if (report.error) paragraphs.push(report.error);
  for (const failure of report.sideFailures ?? []) paragraphs.push(`⚠️ Apart from the result: ${failure}`);
  if (report.plan && !report.plan.imagesOnly && report.result !== 'dry-run') paragraphs.push(setupSentence(report.plan));
  return { heading: 'AIAnalysis E2E', paragraphs };
}

function timingSections(timings: Timings, baseline: RunReport['baseline']): Section[] {
  return [
    timelineSection(timings, baseline, SUMMARY_PAGE),
    {
      heading: 'Timings by phase',
      table: {
        header: ['phase', 'duration'],
        rows: timings.phases.map((phase) => [phase.phase, phase.start ? formatDuration(phase.durationMs) : 'not run']),
        numeric: [1],
      },
    },
    {
      heading: 'Steps',
      table: {
        header: ['step', 'phase', 'outcome', 'started at', 'duration', 'attempts'],
        rows: timings.spans.map((span) => [
          span.title,
          span.phase,
          span.outcome,
          span.offsetMs === null ? '—' : `+${formatDuration(span.offsetMs)}`,
          span.start ? formatDuration(span.durationMs) : '—',
          String(span.attempts),
        ]),
        numeric: [3, 4, 5],
      },
    },
  ];
}

export function buildSummary(report: RunReport): ReportDocument {
  return [
    resultSection(report),
    ...(report.timings ? timingSections(report.timings, report.baseline) : []),
    ...report.sections,
    ...(report.result === 'dry-run' && report.plan ? renderPlan(report.plan) : []),
  ];
}
