/** Turns schema issues into problems that name the field the way the user wrote it. */
import type { z } from 'zod';
import { showValue, type ConfigProblem } from './errors.js';
import { suggestion } from './suggest.js';

/** Where the value at a configuration path came from. */
export type Origin =
  | { readonly source: 'input'; readonly name: string; readonly raw: string; readonly secret: boolean }
  | { readonly source: 'file'; readonly file: string; readonly line?: number }
  | { readonly source: 'default' };

/** `missing`: the issue is about a key that has no value at all. */
export type Locate = (path: readonly PropertyKey[], missing: boolean) => Origin;

interface Finding {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly input: unknown;
  /** Unknown keys and bad map keys are named by the path; their value is not the problem. */
  readonly showsValue: boolean;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
};

export class IssueReporter {
  /** Keys allowed in each mapping that had unknown keys, by path; filled while parsing. */
  readonly #allowedKeys = new Map<string, string[]>();

  /** Default messages for issues whose schema has no message of its own; pass as the parse `error` option. */
  readonly errorMap: z.core.$ZodErrorMap = (issue) => {
    switch (issue.code) {
      case 'unrecognized_keys': {
        const shape = (issue.inst as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
        this.#allowedKeys.set(pathKey(issue.path ?? []), Object.keys(shape));
        return 'unknown key';
      }
      case 'invalid_type':
        return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
      case 'invalid_value':
        return `expected one of ${issue.values.map((value) => showValue(value)).join(', ')}`;
      default:
        return undefined;
    }
  };

  problems(issues: readonly z.core.$ZodIssue[], locate: Locate): ConfigProblem[] {
    return issues.flatMap((issue) => this.#findings(issue, [])).map((finding) => problemOf(finding, locate));
  }

  #findings(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): Finding[] {
    const path = [...prefix, ...issue.path];
    switch (issue.code) {
      case 'invalid_union': {
        // When only one alternative got past the type check, its complaint is the useful one.
        const typed = issue.errors.filter((branch) => branch.some((inner) => inner.code !== 'invalid_type'));
        if (typed.length === 1) return (typed[0] ?? []).flatMap((inner) => this.#findings(inner, path));
        break;
      }
      case 'unrecognized_keys': {
        const allowed = this.#allowedKeys.get(pathKey(path)) ?? [];
        return issue.keys.map((key) => ({
          path: [...path, key],
          message: `unknown key; ${suggestion(key, allowed)}`,
          input: undefined,
          showsValue: false,
        }));
      }
      case 'invalid_key': {
        const reason = issue.issues[0]?.message ?? issue.message;
        return [{ path, message: `invalid name ${showValue(issue.input)}; ${reason}`, input: issue.input, showsValue: false }];
      }
    }
    return [{ path, message: issue.message, input: issue.input, showsValue: true }];
  }
}

function problemOf(finding: Finding, locate: Locate): ConfigProblem {
  const missing = finding.showsValue && finding.input === undefined;
  const origin = locate(finding.path, missing);
  const value = origin.source === 'input' ? origin.raw : finding.input;
  const hideValue = !finding.showsValue || (origin.source === 'input' && origin.secret);
  const message = hideValue
    ? finding.message
    : `${missing ? 'missing' : `got ${showValue(value)}`}; ${finding.message}`;
  switch (origin.source) {
    case 'input':
      return { source: 'input', field: origin.name, message };
    case 'file':
      return {
        source: 'file',
        field: fieldName(finding.path),
        file: origin.file,
        ...(origin.line === undefined ? {} : { line: origin.line }),
        message,
      };
    case 'default':
      return { source: 'default', field: fieldName(finding.path), message };
  }
}

/** `deploy.stages[1].manifests[0]`, `deploy.replaceManifests['redis.yaml']`. */
function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const key = String(segment);
      if (!/^[A-Za-z0-9_-]+$/.test(key)) return `['${key}']`;
      return index === 0 ? key : `.${key}`;
    })
    .join('');
}

function pathKey(path: readonly PropertyKey[]): string {
  return JSON.stringify(path.map(String));
}
