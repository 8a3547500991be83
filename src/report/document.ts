// A small document model for reports, so one description of a summary renders both as
// GitHub-flavoured Markdown (job summary) and as plain text (the local command's console).

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
}

export type ReportDocument = Section[];

const escapeCell = (cell: string): string => cell.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

function markdownTable(table: Table): string {
  const align = table.header.map((_, i) => (table.numeric?.includes(i) ? '---:' : '---'));
  const line = (cells: string[]): string => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(table.header), `| ${align.join(' | ')} |`, ...table.rows.map(line)].join('\n');
}

function fence(text: string): string {
  // A fence longer than any backtick run inside keeps the block closed.
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const marker = '`'.repeat(longest + 1);
  return `${marker}text\n${text}\n${marker}`;
}

export function renderMarkdown(doc: ReportDocument): string {
  return doc
    .map((section) => {
      const parts: string[] = [];
      if (section.heading) parts.push(`### ${section.heading}`);
      parts.push(...(section.paragraphs ?? []));
      if (section.table) parts.push(markdownTable(section.table));
      if (section.preformatted) parts.push(fence(section.preformatted));
      return parts.join('\n\n');
    })
    .join('\n\n')
    .concat('\n');
}

/** Text without the Markdown emphasis and code marks. */
const plain = (text: string): string => text.replace(/\*\*|`/g, '');

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
  return doc
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
