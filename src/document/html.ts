/**
 * The summary as one self-contained HTML page: the timeline as an inline SVG, the tables under
 * it. It is kept with the evidence and in the local work folder, so a downloaded artifact and a
 * local run show the same thing as the job summary, without GitHub to render it.
 *
 * The sections' text is the job summary's own Markdown, rendered by markdown-it with raw HTML
 * turned off (a test name such as `<script>` is shown, never run) and its link check (no
 * `javascript:` links). A content security policy lets the page load nothing at all.
 */
import MarkdownIt from 'markdown-it';
import { type ReportDocument, type Section, redactDocument, renderMarkdown } from './document.js';
import { renderTimelineSvg } from './timeline-svg.js';

const markdown = new MarkdownIt({ html: false, linkify: false });

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #1f2328; margin: 24px; }
main { max-width: 1000px; }
h3 { border-bottom: 1px solid #d0d7de; padding-bottom: 4px; margin-top: 28px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #d0d7de; padding: 4px 10px; text-align: left; }
th { background: #f6f8fa; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
pre { background: #f6f8fa; padding: 8px; overflow-x: auto; }
svg.timeline { display: block; margin: 8px 0; }
svg.timeline text { font: 12px system-ui, "DejaVu Sans", sans-serif; fill: #1f2328; }
svg.timeline .phase { font-weight: 600; }
svg.timeline .muted, svg.timeline .tick { fill: #57606a; }
svg.timeline .grid { stroke: #eaeef2; }
`;

/** The Markdown marks a line break inside a table cell with `<br>`; only that tag is let through. */
const toHtml = (section: Section): string => markdown.render(renderMarkdown([section])).replaceAll('&lt;br&gt;', '<br>');

function renderSection(section: Section): string {
  const { timeline, ...rest } = section;
  if (!timeline) return toHtml(rest);
  const { heading, ...body } = rest;
  return `${heading ? toHtml({ heading }) : ''}${renderTimelineSvg(timeline)}\n${toHtml(body)}`;
}

export function renderHtml(doc: ReportDocument, title: string): string {
  const sections = redactDocument(doc).map(renderSection);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${markdown.utils.escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...sections,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
