/** How coverage reads in the job summary and in the package table file. */
import { type ReportDocument, type Section, type Table, renderText } from '../document/document.js';
import { type CoverageTotals, formatPercent } from './coverage-profile.js';

/** More packages than this are listed in coverage-packages.txt only. */
export const SUMMARY_PACKAGE_LIMIT = 60;

export interface CoverageSectionInput {
  /** Undefined when nothing could be measured. */
  totals: CoverageTotals | undefined;
  deployments: readonly string[];
  warnings: readonly string[];
}

const code = (text: string) => `\`${text}\``;

export function packageTable(totals: CoverageTotals, limit = Infinity): Table {
  return {
    header: ['Package', 'Statements', 'Covered', 'Coverage'],
    rows: totals.packages
      .slice(0, limit)
      .map((p) => [p.package, String(p.statements), String(p.covered), `${formatPercent(p.percent)}%`]),
    numeric: [1, 2, 3],
  };
}

/** The whole table, with the total as its last line. */
export function packageTableText(totals: CoverageTotals): string {
  const table = packageTable(totals);
  const total = totals.percent === undefined ? '-' : `${formatPercent(totals.percent)}%`;
  table.rows.push(['total', String(totals.statements), String(totals.covered), total]);
  const doc: ReportDocument = [{ table }];
  return renderText(doc);
}

export function coverageSection({ totals, deployments, warnings }: CoverageSectionInput): Section {
  const from = deployments.length === 0 ? '' : ` from ${deployments.map(code).join(', ')}`;
  const paragraphs: string[] = [];
  if (totals?.percent === undefined) {
    paragraphs.push(`No coverage was measured${from}.`);
  } else {
    const packages = totals.packages.length;
    paragraphs.push(
      `**${formatPercent(totals.percent)}%** of statements covered (${totals.covered} of ${totals.statements}) ` +
        `in ${packages} package${packages === 1 ? '' : 's'}${from}.`,
    );
  }
  paragraphs.push(...warnings.map((w) => `**Warning:** ${w}`));
  const section: Section = { heading: 'Coverage', paragraphs };
  if (totals !== undefined && totals.packages.length > 0) {
    section.table = packageTable(totals, SUMMARY_PACKAGE_LIMIT);
    const hidden = totals.packages.length - section.table.rows.length;
    if (hidden > 0) paragraphs.push(`${hidden} more package(s) in ${code('coverage-packages.txt')}.`);
  }
  return section;
}
