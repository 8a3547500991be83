import { renderMarkdown, renderText } from '../../src/document/document.js';
import { renderHtml } from '../../src/document/html.js';
import { buildSummary } from '../../src/report/summary.js';
import { buildTimeline } from '../../src/document/timeline.js';
import { timelineSection } from '../../src/report/timeline-section.js';
import { mermaidText, renderMermaidGantt } from '../../src/document/timeline-mermaid.js';
import { registerSecret } from '../../src/util/secrets.js';
import { reportOf, scenario, timingsOf } from '../report/runs.js';

const labelsOf = (timeline: ReturnType<typeof buildTimeline>) =>
  timeline.groups.map((group) => [group.phase, group.bars.map((bar) => `${bar.kind}:${bar.label}`)]);

describe('the timeline model', () => {
  it('has one bar per started step, grouped by phase in the order the phases ran, steps in their order', () => {
    const { timings } = scenario('green');
    const timeline = buildTimeline(timings);
    expect(timeline.groups.map((group) => group.phase)).toEqual(timings.phases.map((phase) => phase.phase));
    for (const group of timeline.groups) {
      expect(group.bars.map((bar) => bar.label)).toEqual(timings.spans.filter((s) => s.phase === group.phase).map((s) => s.title));
    }
    const suite = timings.spans.find((span) => span.phase === 'suite')!;
    const suiteBar = timeline.groups.find((group) => group.phase === 'suite')!.bars[0];
    expect([suiteBar.startMs, suiteBar.endMs]).toEqual([suite.offsetMs, suite.offsetMs! + suite.durationMs]);
    expect(timeline.spanMs).toBe(timings.durationMs);
  });

  it('marks how each step ended and leaves out, but names, the steps that never started', () => {
    const { timings } = scenario('cancelled');
    const timeline = buildTimeline(timings);
    const kinds = timeline.groups.flatMap((group) => group.bars.map((bar) => bar.kind));
    const never = timings.spans.filter((span) => span.start === null);
    expect(never.length).toBeGreaterThan(0);
    expect(kinds).toHaveLength(timings.spans.length - never.length);
    expect(kinds).toContain('cancelled');
    const section = timelineSection(timings, undefined, 'page.html');
    expect(section.paragraphs!.join('\n')).toContain(`Not drawn, never started: ${never.map((s) => `${s.title} (cancelled)`).join(', ')}.`);
  });

  it('draws no chart when no step started, and says which steps did not', () => {
    const timings = timingsOf([{ title: 'Build a', phase: 'images', outcome: 'cancelled', at: null, took: 0 }], true);
    const section = timelineSection(timings, undefined, 'page.html');
    expect(section.timeline).toBeUndefined();
    expect(section.paragraphs).toContain('Not drawn, never started: Build a (cancelled).');
    expect(renderMarkdown([section])).not.toContain('```mermaid');
  });

  it("puts the baseline's phase last in each phase, placed from the baseline run's own start, and flags a slower one", () => {
    const run = scenario('baseline-slower');
    const timeline = buildTimeline(run.timings, run.baseline);
    for (const group of timeline.groups) {
      const last = group.bars[group.bars.length - 1];
      const phase = run.baseline!.phases.find((p) => p.phase === group.phase)!;
      expect(last).toMatchObject({ kind: 'baseline', label: group.phase, endMs: last.startMs + phase.durationMs });
      expect(last.slower).toBe(run.baseline!.slower.includes(group.phase));
    }
    const firstBaselineStart = Math.min(...run.baseline!.phases.map((p) => Date.parse(p.start!)));
    const evidence = run.baseline!.phases.find((p) => p.phase === 'evidence')!;
    const evidenceBar = timeline.groups.find((group) => group.phase === 'evidence')!.bars.at(-1)!;
    expect(evidenceBar.startMs).toBe(Date.parse(evidence.start!) - firstBaselineStart);
  });

  it('draws a phase only the baseline ran, and stretches the axis to a baseline longer than the run', () => {
    const timings = timingsOf([{ title: 'Build a', phase: 'images', outcome: 'failure', at: 0, took: 60 }]);
    const start = (seconds: number) => new Date(Date.parse('2026-11-01T08:00:00Z') + seconds * 1000).toISOString();
    const baseline = {
      phases: [
        { phase: 'images', start: start(0), durationMs: 50_000 },
        { phase: 'suite', start: start(50), durationMs: 300_000 },
        { phase: 'deploy', start: null, durationMs: 0 },
      ],
      slower: [],
    };
    const timeline = buildTimeline(timings, baseline);
    expect(labelsOf(timeline)).toEqual([
      ['images', ['failure:Build a', 'baseline:images']],
      ['suite', ['baseline:suite']],
    ]);
    expect(timeline.spanMs).toBe(350_000);
  });
});

describe('the Mermaid text', () => {
  it("replaces the characters of Mermaid's grammar and joins lines", () => {
    expect(mermaidText(' a: b; c #1 %% d\nsection e ')).toBe('a∶ b； c ＃1 ％％ d section e');
  });

  it('starts every bar with its outcome mark, so no title reads as a keyword, and tags failures and cancellations', () => {
    const timings = timingsOf([
      { title: 'section hijack: x', phase: 'images', outcome: 'failure', at: 0, took: 5 },
      { title: 'click here', phase: 'images', outcome: 'cancelled', at: 1, took: 5 },
    ]);
    const lines = renderMermaidGantt(buildTimeline(timings)).split('\n');
    const bars = lines.filter((line) => line.includes(' :'));
    expect(bars).toHaveLength(2);
    expect(bars[0]).toMatch(/^ {4}✗ section hijack∶ x · 5\.0s · failed :crit, \d+, \d+$/);
    expect(bars[1]).toMatch(/^ {4}⊘ click here · 5\.0s · cancelled :active, \d+, \d+$/);
    const [start, end] = bars[0].split(', ').slice(1).map(Number);
    expect(end - start).toBe(5000);
    expect(lines.filter((line) => line.trim().startsWith('section'))).toEqual(['    section images']);
  });

  it('sits in the Markdown summary as a mermaid block after the heading, before the phase tables', () => {
    const markdown = renderMarkdown(buildSummary(reportOf(scenario('green'))));
    const block = markdown.indexOf('### Timeline\n\n```mermaid\ngantt\n');
    expect(block).toBeGreaterThan(markdown.indexOf('### AIAnalysis E2E'));
    expect(block).toBeLessThan(markdown.indexOf('### Timings by phase'));
  });
});

describe('redaction', () => {
  it('keeps a registered secret out of the Markdown, the console text and the HTML page', () => {
    const secret = 's3cr3t-<token>&value';
    registerSecret(secret);
    const timings = timingsOf([{ title: 'Build a', phase: 'images', outcome: 'success', at: 0, took: 3 }]);
    // A title that carries the secret as it was registered: the timings take titles as spans
    // give them, and the document is where every rendering meets.
    timings.spans[0].title = `Push with ${secret}`;
    const doc = buildSummary({ ...reportOf({ timings }), sections: [{ heading: 'Images', paragraphs: [`token ${secret}`] }] });
    for (const rendered of [renderMarkdown(doc), renderText(doc), renderHtml(doc, 'summary')]) {
      expect(rendered).toContain('***');
      expect(rendered).not.toContain('s3cr3t');
    }
    expect(renderMarkdown(doc)).toContain('Push with *** ·');
  });
});
