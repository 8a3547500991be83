export type ProblemSource = 'input' | 'file' | 'default';

export interface ConfigProblem {
  readonly source: ProblemSource;
  /**
   * The input name, or the field path as written in the file (`images.datastorage.dockerfile`);
   * empty for a problem with the file as a whole (YAML syntax).
   */
  readonly field: string;
  /** The configuration file (repository-relative) when source is 'file'. */
  readonly file?: string;
  /** 1-based line in the configuration file, when known. */
  readonly line?: number;
  /** What is wrong: the bad value (never a secret's) and what is allowed. */
  readonly message: string;
}

/** Where a problem is, in the words the user knows: an input name or a place in a file. */
export function problemLocation(problem: ConfigProblem): string {
  switch (problem.source) {
    case 'input':
      return `input '${problem.field}'`;
    case 'file': {
      const field = problem.field === '' ? '' : `: ${problem.field}`;
      const line = problem.line === undefined ? '' : ` (line ${problem.line})`;
      return `${problem.file}${field}${line}`;
    }
    case 'default':
      return `built-in default ${problem.field}`;
  }
}

/** Every problem of a configuration at once, so that one run reports all of them. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const lines = problems.map((problem) => `  - ${problemLocation(problem)}: ${problem.message}`);
    super([`Invalid configuration (${count}):`, ...lines].join('\n'));
    this.name = 'ConfigError';
  }
}

const MAX_SHOWN_VALUE = 160;

/** A bad value as shown in a message: strings quoted, structures as short JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN_VALUE ? `${text.slice(0, MAX_SHOWN_VALUE - 1)}…` : text;
}
