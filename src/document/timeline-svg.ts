/**
 * The timeline as an inline SVG for the HTML page: nothing to load (no script, font or image),
 * so the page shows the same picture from a downloaded artifact, offline. One row per bar under
 * a header row per phase, a time axis in minutes from the run's start, the duration after each
 * bar, and a legend; colour is never the only signal (the label says how a step ended).
 */
import { formatDuration } from '../util/duration.js';
import { type BarKind, type Timeline, type TimelineBar, barName, barNotes, describeKind } from './timeline.js';

const WIDTH = 980;
const LABEL_WIDTH = 300;
/** Room after the longest bar for its duration label. */
const DURATION_WIDTH = 150;
const CHART_WIDTH = WIDTH - LABEL_WIDTH - DURATION_WIDTH;
const ROW_HEIGHT = 24;
const BAR_HEIGHT = 16;
const AXIS_HEIGHT = 28;
const LEGEND_HEIGHT = 36;
/** A label longer than this is cut (with its full text in the bar's tooltip). */
const LABEL_CHARACTERS = 42;

const COLOURS: Record<BarKind, string> = {
  success: '#2da44e',
  skipped: '#8c959f',
  failure: '#cf222e',
  cancelled: '#bf8700',
  baseline: '#afb8c1',
};

/** Tick spacings the axis may use, so it carries at most about eight labels. */
const TICK_STEPS_MS = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600].map((seconds) => seconds * 1000);

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const cut = (text: string): string => (text.length > LABEL_CHARACTERS ? `${text.slice(0, LABEL_CHARACTERS - 1)}…` : text);

function tickStep(spanMs: number): number {
  return TICK_STEPS_MS.find((step) => spanMs / step <= 8) ?? TICK_STEPS_MS[TICK_STEPS_MS.length - 1];
}

function axis(spanMs: number, x: (ms: number) => number, chartBottom: number): string[] {
  const step = tickStep(spanMs);
  const ticks: string[] = [];
  for (let ms = 0; ms <= spanMs; ms += step) {
    ticks.push(
      `<line class="grid" x1="${x(ms)}" y1="${AXIS_HEIGHT - 6}" x2="${x(ms)}" y2="${chartBottom}"/>`,
      `<text class="tick" x="${x(ms)}" y="${AXIS_HEIGHT - 10}" text-anchor="middle">${ms === 0 ? '0' : `+${formatDuration(ms)}`}</text>`,
    );
  }
  return ticks;
}

function barTitle(bar: TimelineBar): string {
  const who = bar.kind === 'baseline' ? `baseline run, phase ${bar.label}` : bar.label;
  const slower = bar.slower ? ', this run is slower' : '';
  return `${who}: ${describeKind(bar.kind)}, ${bar.duration}, from +${formatDuration(bar.startMs)}${slower}`;
}

function barRow(bar: TimelineBar, phase: string, y: number, x: (ms: number) => number): string {
  const left = x(bar.startMs);
  const width = Math.max(2, x(bar.endMs) - left);
  const middle = y + ROW_HEIGHT / 2;
  return [
    `<g class="row" data-phase="${escapeXml(phase)}" data-kind="${bar.kind}">`,
    `<title>${escapeXml(barTitle(bar))}</title>`,
    `<text class="label${bar.kind === 'baseline' ? ' muted' : ''}" x="${LABEL_WIDTH - 10}" y="${middle}" text-anchor="end" dominant-baseline="central">${escapeXml(cut(barName(bar)))}</text>`,
    `<rect class="bar bar-${bar.kind}" x="${left}" y="${middle - BAR_HEIGHT / 2}" width="${width}" height="${BAR_HEIGHT}" rx="3" fill="${COLOURS[bar.kind]}"/>`,
    `<text class="duration" x="${left + width + 6}" y="${middle}" dominant-baseline="central">${escapeXml(barNotes(bar).join(' · '))}</text>`,
    '</g>',
  ].join('');
}

function legend(y: number): string {
  const kinds: BarKind[] = ['success', 'failure', 'cancelled', 'skipped', 'baseline'];
  return kinds
    .map((kind, i) => {
      const x = LABEL_WIDTH + i * 110;
      return `<rect x="${x}" y="${y}" width="12" height="12" rx="2" fill="${COLOURS[kind]}"/><text class="tick" x="${x + 18}" y="${y + 10}">${describeKind(kind)}</text>`;
    })
    .join('');
}

export function renderTimelineSvg(timeline: Timeline): string {
  const spanMs = Math.max(1, timeline.spanMs);
  const x = (ms: number): number => Math.round((LABEL_WIDTH + (ms / spanMs) * CHART_WIDTH) * 10) / 10;
  const rows: string[] = [];
  let y = AXIS_HEIGHT;
  for (const group of timeline.groups) {
    rows.push(`<text class="phase" x="8" y="${y + ROW_HEIGHT / 2}" dominant-baseline="central">${escapeXml(group.phase)}</text>`);
    y += ROW_HEIGHT;
    for (const bar of group.bars) {
      rows.push(barRow(bar, group.phase, y, x));
      y += ROW_HEIGHT;
    }
  }
  const height = y + LEGEND_HEIGHT;
  return [
    `<svg class="timeline" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Timeline of the run" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    ...axis(spanMs, x, y),
    ...rows,
    legend(y + 14),
    '</svg>',
  ].join('\n');
}
