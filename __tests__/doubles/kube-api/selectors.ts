/** Label and field selectors in the string syntax of the list/watch query parameters. */
import { badRequest } from './status.js';

type Labels = Record<string, string> | undefined;
export type Match<T> = (value: T) => boolean;

/** Splits on commas that are not inside `in (a,b)` parentheses. */
function terms(selector: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim()) out.push(current.trim());
  return out.filter(Boolean);
}

function labelTerm(term: string): Match<Labels> {
  const set = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
  if (set) {
    const [, key, op, list] = set;
    const values = new Set(list.split(',').map((v) => v.trim()));
    return op === 'in' ? (l) => l?.[key] !== undefined && values.has(l[key])
      : (l) => l?.[key] === undefined || !values.has(l[key]);
  }
  const cmp = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(term);
  if (cmp) {
    const [, key, op, value] = cmp;
    return op === '!=' ? (l) => l?.[key] !== value : (l) => l?.[key] === value;
  }
  const exists = /^(!?)([\w./-]+)$/.exec(term);
  if (exists) {
    const [, not, key] = exists;
    return not ? (l) => l?.[key] === undefined : (l) => l?.[key] !== undefined;
  }
  throw badRequest(`unable to parse requirement: found '${term}', expected: in, notin, =, ==, !=, gt, lt`);
}

export function labelSelector(selector: string | null): Match<Labels> {
  if (!selector) return () => true;
  const matchers = terms(selector).map(labelTerm);
  return (labels) => matchers.every((m) => m(labels));
}

function valueAt(obj: unknown, path: string): string {
  let current: unknown = obj;
  for (const part of path.split('.')) {
    current = current && typeof current === 'object' ? (current as Record<string, unknown>)[part] : undefined;
  }
  return current === undefined || current === null ? '' : String(current);
}

export function fieldSelector(selector: string | null): Match<unknown> {
  if (!selector) return () => true;
  const matchers = terms(selector).map((term): Match<unknown> => {
    const cmp = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!cmp) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    const [, path, op, value] = cmp;
    return op === '!=' ? (o) => valueAt(o, path) !== value : (o) => valueAt(o, path) === value;
  });
  return (obj) => matchers.every((m) => m(obj));
}
