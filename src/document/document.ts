// A small document model for reports, so one description of a summary renders as
// GitHub-flavoured Markdown (job summary), as plain text (the local command's console) and as an
// HTML page (html.ts). Every rendering starts from the redacted document, so no registered secret
// reaches any of them, whichever part of the run wrote the text.
import { redact } from '../util/secrets.js';
import type { Timeline } from './timeline.js';
import { renderMermaidGantt } from './timeline-mermaid.js';

export interface Table {
  header: string[];
  rows: string[][];
  /** Columns whose cells are right-aligned (numbers, durations). */
  numeric?: number[];
}

export interface Section {
  heading?: string;
  paragraphs?: string[];
  table?: Table;
  /** Preformatted text (logs, diagnoses): fenced in Markdown, indented on the console. */
  preformatted?: string;
  /** A picture of the run: a Mermaid chart in Markdown, an SVG in HTML, left out of plain text. */
  timeline?: Timeline;
}

export type ReportDocument = Section[];

/** The document with every registered secret in every text of it replaced by `***`. */
export function redactDocument(doc: ReportDocument): ReportDocument {
  return JSON.parse(JSON.stringify(doc), (_key, value: unknown) => (typeof value === 'string' ? redact(value) : value)) as ReportDocument;
}

const escapeCell = (cell: string): string => cell.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

function markdownTable(table: Table): string {
  const align = table.header.map((_, i) => (table.numeric?.includes(i) ? '---:' : '---'));
  const line = (cells: string[]): string => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(table.header), `| ${align.join(' | ')} |`, ...table.rows.map(line)].join('\n');
}

function fence(text: string, language = 'text'): string {
  // A fence longer than any backtick run inside keeps the block closed.
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const marker = '`'.repeat(longest + 1);
  return `${marker}${language}\n${text}\n${marker}`;
}

export function renderMarkdown(doc: ReportDocument): string {
  return redactDocument(doc)
    .map((section) => {
      const parts: string[] = [];
      if (section.heading) parts.push(`### ${section.heading}`);
      if (section.timeline) parts.push(fence(renderMermaidGantt(section.timeline), 'mermaid'));
      parts.push(...(section.paragraphs ?? []));
      if (section.table) parts.push(markdownTable(section.table));
      if (section.preformatted) parts.push(fence(section.preformatted));
      return parts.join('\n\n');
    })
    .join('\n\n')
    .concat('\n');
}

/** Text without the Markdown emphasis and code marks; the `***` of a redacted secret stays. */
const plain = (text: string): string => text.replace(/(?<!\*)\*\*(?!\*)|`/g, '');

function textTable(table: Table): string {
  const rows = table.rows.map((row) => row.map(plain));
  const widths = table.header.map((head, i) => Math.max(head.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (table.numeric?.includes(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(table.header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function renderText(doc: ReportDocument): string {
  return redactDocument(doc)
    .map((section) => {
      const parts: string[] = [];
      if (section.heading) parts.push(`${section.heading}\n${'='.repeat(section.heading.length)}`);
      parts.push(...(section.paragraphs ?? []).map(plain));
      if (section.table) parts.push(textTable(section.table));
      if (section.preformatted) parts.push(section.preformatted.replace(/^/gm, '    '));
      return parts.join('\n\n');
    })
    .join('\n\n')
    .concat('\n');
}
