// What a reader's browser shows: the Mermaid text drawn by Mermaid itself, and the summary page
// opened from disk in Debian's Chromium, as a downloaded artifact would be.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { writeSummaryPage } from '../../src/report/summary-page.js';
import { buildSummary } from '../../src/report/summary.js';
import { buildTimeline, type Timeline } from '../../src/document/timeline.js';
import { renderMermaidGantt } from '../../src/document/timeline-mermaid.js';
import { launchChromium, type TestBrowser } from './browser.js';
import { reportOf, scenario, timingsOf, type Scenario } from '../report/runs.js';

const MERMAID = join(import.meta.dirname, '../../node_modules/mermaid/dist/mermaid.min.js');

let chromium: TestBrowser;
let page: Page;

beforeAll(async () => {
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
});

beforeEach(async () => {
  page = await chromium.browser.newPage();
  await page.setViewport({ width: 1100, height: 800 });
});

afterEach(async () => {
  await page.close();
});

/** Every bar of the model, in drawing order, as `kind:label`. */
const barsOf = (timeline: Timeline): string[] => timeline.groups.flatMap((group) => group.bars.map((bar) => `${bar.kind}:${bar.label}`));

interface DrawnGantt {
  sections: string[];
  /** The bars top to bottom: Mermaid's classes and the text drawn with each. */
  bars: { classes: string; text: string }[];
}

/** The little of the page's DOM the drawing is read back through (the project compiles without the DOM types). */
interface DrawnElement {
  id: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { top: number };
}
interface MermaidPage {
  document: { body: { innerHTML: string }; querySelectorAll(selector: string): Iterable<DrawnElement> };
  mermaid: typeof import('mermaid').default;
}

/** Parses the text with Mermaid (which throws on a syntax error), draws it and reads the bars back. */
async function drawWithMermaid(text: string): Promise<DrawnGantt> {
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ path: MERMAID });
  return page.evaluate(async (source) => {
    const { document, mermaid } = globalThis as unknown as MermaidPage;
    mermaid.initialize({ startOnLoad: false });
    await mermaid.parse(source);
    const { svg } = await mermaid.render('timeline', source);
    document.body.innerHTML = svg;
    const top = (element: DrawnElement) => element.getBoundingClientRect().top;
    const rects = [...document.querySelectorAll('rect.task')].sort((a, b) => top(a) - top(b));
    const texts = [...document.querySelectorAll('text[class*="taskText"]')];
    return {
      sections: [...document.querySelectorAll('text.sectionTitle')].map((t) => t.textContent!.trim()),
      bars: rects.map((rect) => ({
        classes: rect.getAttribute('class')!,
        text: texts.find((t) => t.id === `${rect.id}-text`)?.textContent?.trim() ?? '',
      })),
    };
  }, text);
}

const MERMAID_TAGS: Record<string, RegExp> = {
  success: /^task task\d+$/,
  failure: /\bcrit\d+\b/,
  cancelled: /\bactive\d+\b/,
  baseline: /\bdone\d+\b/,
};

describe('the Mermaid timeline, drawn by Mermaid', () => {
  it.each<Scenario>(['green', 'red', 'cancelled', 'baseline-slower'])('draws every bar of a %s run in order, tagged by outcome', async (name) => {
    const run = scenario(name);
    const timeline = buildTimeline(run.timings, run.baseline);
    const drawn = await drawWithMermaid(renderMermaidGantt(timeline));

    expect(drawn.sections).toEqual(timeline.groups.map((group) => group.phase));
    const expected = timeline.groups.flatMap((group) => group.bars);
    expect(drawn.bars).toHaveLength(expected.length);
    expected.forEach((bar, i) => {
      expect(drawn.bars[i].text).toContain(bar.kind === 'baseline' ? `baseline ${bar.label}` : bar.label);
      expect(drawn.bars[i].text).toContain(bar.duration);
      expect(drawn.bars[i].classes).toMatch(MERMAID_TAGS[bar.kind]);
    });
    if (name === 'baseline-slower') expect(drawn.bars.find((bar) => bar.text.includes('baseline suite'))!.text).toContain('this run is slower');
  });

  it("keeps a title with Mermaid's own syntax as one bar of text", async () => {
    const title = 'section evil: x; y #1 %% z';
    const timings = timingsOf([
      { title, phase: 'images', outcome: 'success', at: 0, took: 30 },
      { title: 'click me', phase: 'suite', outcome: 'failure', at: 30, took: 60 },
    ]);
    const drawn = await drawWithMermaid(renderMermaidGantt(buildTimeline(timings)));
    expect(drawn.sections).toEqual(['images', 'suite']);
    expect(drawn.bars.map((bar) => bar.text)).toEqual(['✓ section evil∶ x； y ＃1 ％％ z · 30.0s', '✗ click me · 1m 00s · failed']);
  });
});

describe('the summary page in Chromium', () => {
  let workDir: string;

  beforeEach(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'aianalysis-e2e-page-'));
  });

  afterEach(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  async function openPage(report: ReturnType<typeof reportOf>): Promise<string[]> {
    const file = join(workDir, await writeSummaryPage(workDir, buildSummary(report)));
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return requests;
  }

  it('shows every bar in order with its outcome, the baseline beside, and the tables under it', async () => {
    const red = scenario('red');
    const run = { timings: red.timings, baseline: scenario('baseline-slower').baseline };
    const tests = { heading: 'Tests', paragraphs: ['1 failed: `TestAIAnalysis`'], table: { header: ['test', 'result'], rows: [['TestAIAnalysis', 'failed']] } };
    const requests = await openPage(reportOf(run, [tests]));

    const drawn = await page.$$eval('svg.timeline g.row', (rows) =>
      rows.map((row) => {
        const rect = row.querySelector('rect.bar')!.getBoundingClientRect();
        return {
          kind: row.getAttribute('data-kind')!,
          phase: row.getAttribute('data-phase')!,
          label: row.querySelector('text.label')!.textContent!,
          top: rect.top,
          left: rect.left,
          width: rect.width,
        };
      }),
    );
    const timeline = buildTimeline(run.timings, run.baseline);
    expect(drawn.map((bar) => `${bar.kind}:${bar.label.replace(/^baseline /, '')}`)).toEqual(barsOf(timeline));
    expect(drawn.map((bar) => bar.phase)).toEqual(timeline.groups.flatMap((group) => group.bars.map(() => group.phase)));
    // Top to bottom in that order, and drawn to scale: a later step starts further right, a longer one is wider.
    expect(drawn.map((bar) => bar.top)).toEqual([...drawn.map((bar) => bar.top)].sort((a, b) => a - b));
    const bar = (label: string) => drawn.find((candidate) => candidate.label === label)!;
    expect(bar('Run the AIAnalysis suite').kind).toBe('failure');
    expect(bar('Run the AIAnalysis suite').left).toBeGreaterThan(bar('Deploy the services').left);
    expect(bar('Run the AIAnalysis suite').width).toBeGreaterThan(bar('baseline suite').width * 3);

    const text = await page.$eval('body', (body) => body.innerText);
    expect(text).toContain('AIAnalysis E2E failed');
    expect(text).toContain('7m 00s · failed');
    expect(text).toContain('2m 00s · ⚠ this run is slower');
    const headings = await page.$$eval('h3', (h) => h.map((element) => element.textContent));
    expect(headings).toEqual(['AIAnalysis E2E', 'Timeline', 'Timings by phase', 'Steps', 'Tests']);
    const stepRows = await page.$$eval('table', (tables) => tables[1].querySelectorAll('tbody tr').length);
    expect(stepRows).toBe(run.timings.spans.length);
    expect(requests).toEqual([pathToFileURL(join(workDir, 'summary.html')).href]);

    const screenshot = join(tmpdir(), 'aianalysis-e2e-summary-page.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    expect((await stat(screenshot)).size).toBeGreaterThan(10_000);
  });

  it('shows text from the run as text: no markup, no script, no link out of it runs', async () => {
    const hostile = {
      heading: 'Tests',
      paragraphs: ['<img src=x onerror="document.title=\'pwned\'"> [click](javascript:document.title=1)'],
      table: { header: ['test', 'result'], rows: [['<script>document.title="pwned"</script>', 'failed']] },
    };
    const { timings } = scenario('green');
    timings.spans[0].title = '<b onclick=1>Build</b> & push';
    await openPage(reportOf({ timings }, [hostile]));

    expect(await page.$$('main img, main script, main b, main a[href^="javascript"]')).toHaveLength(0);
    expect(await page.title()).toBe('AIAnalysis E2E summary');
    const text = await page.$eval('main', (main) => main.textContent!);
    expect(text).toContain('<script>document.title="pwned"</script>');
    expect(await page.$eval('svg.timeline text.label', (label) => label.textContent)).toBe('<b onclick=1>Build</b> & push');
  });
});
