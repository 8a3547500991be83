// Where the summary's HTML page goes: the run's work folder, from which it joins the evidence.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportDocument } from '../document/document.js';
import { renderHtml } from '../document/html.js';
import { writeNamedFile } from '../util/file-write.js';

/** The page's name inside the work folder and the evidence artifact. */
export const SUMMARY_PAGE = 'summary.html';

/** Writes the page into `workDir`; returns its path relative to it, as evidence paths are. */
export async function writeSummaryPage(workDir: string, doc: ReportDocument): Promise<string> {
  await mkdir(workDir, { recursive: true });
  await writeNamedFile(join(workDir, SUMMARY_PAGE), renderHtml(doc, 'AIAnalysis E2E summary'));
  return SUMMARY_PAGE;
}
