import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export interface YamlProblem {
  readonly line?: number;
  readonly message: string;
}

/** A parsed configuration file that still knows on which line each value was written. */
export interface YamlSource {
  /** The content as plain data; an empty document is an empty mapping. */
  readonly data: Record<string, unknown>;
  /** Syntax errors, or a document that is not a mapping. When present, `data` is empty. */
  readonly problems: readonly YamlProblem[];
  /**
   * Whether the file wrote a value at `path`, or a scalar on the way to it from which the value was
   * derived (a command line the schema splits into words).
   */
  has(path: readonly PropertyKey[]): boolean;
  /** The line of `path` (of its key, in a mapping), or of the nearest ancestor the file wrote. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/**
 * How many alias expansions a file may make. A configuration needs few; a small file with nested
 * aliases (a "billion laughs" document) would otherwise expand to gigabytes.
 */
const MAX_ALIAS_COUNT = 100;

/** The document as plain data, or a problem when expanding its aliases would exceed the limit. */
function toData(document: ReturnType<typeof parseDocument>): { content: unknown } | { problem: YamlProblem } {
  try {
    return { content: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return { problem: { message: `the file expands YAML aliases more than ${MAX_ALIAS_COUNT} times: write the values out instead` } };
  }
}

export function parseYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;

  const syntaxProblems = document.errors.map((error) => ({
    ...(error.linePos === undefined ? {} : { line: error.linePos[0].line }),
    // The message ends with " at line L, column C:" and a code frame; the line is reported apart.
    message: `YAML syntax error: ${error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '')}`,
  }));
  const expanded = syntaxProblems.length === 0 ? toData(document) : { content: {} };
  const content: unknown = 'content' in expanded ? expanded.content : {};
  const isMapping = content === null || (typeof content === 'object' && !Array.isArray(content));
  const problems =
    'problem' in expanded
      ? [expanded.problem]
      : isMapping
        ? syntaxProblems
        : [{ line: 1, message: 'expected a mapping of sections (images, build, cluster, deploy, suite, …)' }];
  const data = (isMapping && content !== null ? content : {}) as Record<string, unknown>;

  return {
    data,
    problems,
    has: (path) => wrote(data, path),
    lineOf(path) {
      let node: unknown = document.contents;
      let line = node === null ? undefined : rangeLine(node, lineAt);
      for (const segment of path) {
        const step = childOf(node, segment);
        if (step === undefined) break;
        line = rangeLine(step.marker, lineAt) ?? line;
        node = step.node;
      }
      return line;
    },
  };
}

function childOf(node: unknown, segment: PropertyKey): { node: unknown; marker: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    return pair === undefined ? undefined : { node: pair.value, marker: pair.key };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { node: item, marker: item };
  }
  return undefined;
}

function rangeLine(node: unknown, lineAt: (offset: number) => number): number | undefined {
  const range = (node as Node | null)?.range;
  return range === undefined || range === null ? undefined : lineAt(range[0]);
}

function wrote(data: unknown, path: readonly PropertyKey[]): boolean {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return true;
    value = (value as Record<PropertyKey, unknown>)[segment];
    if (value === undefined) return false;
  }
  return true;
}
