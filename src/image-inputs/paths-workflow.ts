/**
 * The `paths` lists of a workflow file, and how they differ from the filter the configuration
 * makes: what `aianalysis-e2e paths --check` reports, so a list that no longer matches the
 * inputs is found before a pull request skips the E2E it needed.
 */
import { parse, stringify } from 'yaml';

export interface PathsList {
  /** The event the list filters, such as `pull_request`. */
  readonly event: string;
  readonly paths: readonly string[];
}

export interface PathsDrift {
  readonly event: string;
  /** In the filter, not in the workflow's list: a change there would not start the workflow. */
  readonly missing: string[];
  /** In the workflow's list, not in the filter. */
  readonly extra: string[];
}

/** The `on.<event>.paths` lists of a workflow, in the order of its events. */
export function workflowPathsLists(text: string): PathsList[] {
  const document: unknown = parse(text);
  const on = isRecord(document) ? document.on : undefined;
  if (!isRecord(on)) return [];
  return Object.entries(on).flatMap(([event, filters]) => {
    const paths = isRecord(filters) ? filters.paths : undefined;
    return Array.isArray(paths) ? [{ event, paths: paths.map(String) }] : [];
  });
}

/** Each list that differs from `expected`, with what it lacks and what it has more. */
export function pathsDrift(lists: readonly PathsList[], expected: readonly string[]): PathsDrift[] {
  return lists.flatMap(({ event, paths }) => {
    const missing = expected.filter((path) => !paths.includes(path));
    const extra = paths.filter((path) => !expected.includes(path));
    const reordered = missing.length === 0 && extra.length === 0 && paths.join('\n') !== expected.join('\n');
    return missing.length > 0 || extra.length > 0 || reordered ? [{ event, missing, extra }] : [];
  });
}

/** The filter as a YAML `paths:` key, ready to go under `on.pull_request` or `on.push`. */
export function pathsYaml(paths: readonly string[]): string {
  return stringify({ paths }, { lineWidth: 0 });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
