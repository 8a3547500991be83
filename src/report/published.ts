/**
 * The report as it leaves the process: the summary as Markdown (job summary) and as text (the
 * console), and the outputs, every string redacted. Both faces publish through here, so no
 * summary or output reaches GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, outputs.json or the terminal
 * unredacted.
 *
 * Rendering redacts the document first (document.ts), because rendering rewrites text (a `|` in
 * a table cell is escaped, backticks are dropped on the console) and a secret holding such a
 * character would no longer be recognised afterwards; the rendered text is redacted again here
 * for what the rendering itself put together.
 */
import { redact } from '../util/secrets.js';
import { renderMarkdown, renderText } from '../document/document.js';
import { runOutputs, type OutputName } from './outputs.js';
import type { RunReport } from './run-report.js';
import { buildSummary } from './summary.js';

export interface PublishedReport {
  markdown: string;
  text: string;
  outputs: Record<OutputName, string>;
}

export function publishedReport(report: RunReport): PublishedReport {
  const summary = buildSummary(report);
  const outputs = Object.fromEntries(
    Object.entries(runOutputs(report)).map(([name, value]) => [name, redact(value)]),
  ) as Record<OutputName, string>;
  return { markdown: redact(renderMarkdown(summary)), text: redact(renderText(summary)), outputs };
}
