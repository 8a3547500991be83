/**
 * Builds the configuration from, highest precedence first: the inputs, the configuration file in
 * the calling repository, the built-in defaults. Pure apart from reading that file and resolving
 * symbolic links of configured paths.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BUILT_IN_DEFAULTS, BUILT_IN_MANIFESTS, DEFAULT_CONFIG_FILE } from './defaults.js';
import { ConfigError, showValue, type ConfigProblem } from './errors.js';
import { INPUT_NAMES, INPUTS, inputValue, type Inputs, type InputSpec } from './inputs.js';
import { IssueReporter, type Locate } from './issues.js';
import { lexicalPathResolver, repositoryPathResolver } from './paths.js';
import { createConfigSchema, type ParsedConfig, type SchemaContext } from './schema.js';
import { Secret } from './secret.js';
import { suggestion } from './suggest.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';

export interface RegistrySettings {
  /** Registry and namespace images are pulled from and pushed to (`ghcr.io/kubernaut`); empty: none. */
  readonly prefix: string;
  readonly push: boolean;
  /** Empty when not given. */
  readonly username: string;
  /** null when not given. Prints as '***'; reveal() gives the value. */
  readonly password: Secret | null;
}

export interface Config extends Omit<ParsedConfig, 'registry'> {
  readonly registry: RegistrySettings;
  /** The configuration file that was read (repository-relative), or null when there was none. */
  readonly configFile: string | null;
  /** Reads artifacts of another workflow run (build.imagesArtifact.runId); null: not given. */
  readonly githubToken: Secret | null;
}

export interface LoadConfigOptions {
  /** Input name → text, as the action or the CLI received them. */
  readonly inputs: Inputs;
  /** The calling repository's root; configured paths are relative to it and must stay inside. */
  readonly repoRoot: string;
  /** Reads the configuration file (absolute path); throws an error with code ENOENT when it is absent. */
  readonly readFile?: (absolutePath: string) => string;
  /** File names of the action's built-in manifests. */
  readonly builtInManifests?: readonly string[];
}

/** Top-level mappings of the file that replace the built-in ones instead of merging key by key. */
const REPLACED_WHOLE = new Set(['images', 'dependencies']);

/** Throws ConfigError listing every problem found. */
export function loadConfig(options: LoadConfigOptions): Config {
  const problems: ConfigProblem[] = unknownInputProblems(options.inputs);
  const inputText = (name: string) => (options.inputs[name] ?? '').trim();
  const resolvePath = repositoryPathResolver(options.repoRoot);

  const file = readConfigFile(inputText('config'), options, resolvePath, problems);
  const data = mergeWithDefaults(file?.source.data ?? {});

  const overrides: { name: string; path: string[]; raw: string; secret: boolean }[] = [];
  for (const input of INPUTS as readonly InputSpec[]) {
    const raw = inputText(input.name);
    if (input.fileKey === undefined || raw === '') continue;
    const target = input.fileKey.split('.');
    if (setAt(data, target, inputValue(input.syntax, raw))) {
      overrides.push({ name: input.name, path: target, raw, secret: input.secret === true });
    }
  }

  const locate: Locate = (fieldPath, missing) => {
    const override = overrides.find((o) => o.path.every((segment, i) => fieldPath[i] === segment));
    if (override !== undefined) return { source: 'input', ...override };
    // A missing key belongs to the mapping that lacks it.
    const written = file !== undefined && (file.source.has(fieldPath) || (missing && file.source.has(fieldPath.slice(0, -1))));
    if (written) {
      const line = file.source.lineOf(fieldPath);
      return { source: 'file', file: file.path, ...(line === undefined ? {} : { line }) };
    }
    return { source: 'default' };
  };
  const builtInManifests = options.builtInManifests ?? BUILT_IN_MANIFESTS;
  const parsed = parseConfig(data, { resolvePath, builtInManifests }, locate, problems);

  const username = inputText('registry-username');
  const password = options.inputs['registry-password'] ?? '';
  // A user name alone is harmless (nothing to log in with); a password alone cannot be used.
  if (password !== '' && username === '') {
    const message = "given without input 'registry-username'; give both";
    problems.push({ source: 'input', field: 'registry-password', message });
  }

  if (problems.length > 0 || parsed === undefined) throw new ConfigError(problems.sort(byLocation));
  const githubToken = options.inputs['github-token'] ?? '';
  return { ...withCredentials(parsed, username, password, file?.path ?? null), githubToken: githubToken === '' ? null : new Secret(githubToken) };
}

/** The built-in configuration: kubernaut's AIAnalysis E2E stack, no file, no inputs. */
export function defaultConfig(): Config {
  const problems: ConfigProblem[] = [];
  const parsed = parseConfig(
    mergeWithDefaults({}),
    { resolvePath: lexicalPathResolver, builtInManifests: BUILT_IN_MANIFESTS },
    () => ({ source: 'default' }),
    problems,
  );
  if (parsed === undefined) throw new ConfigError(problems);
  return { ...withCredentials(parsed, '', '', null), githubToken: null };
}

function parseConfig(data: unknown, context: SchemaContext, locate: Locate, problems: ConfigProblem[]): ParsedConfig | undefined {
  const reporter = new IssueReporter();
  const result = createConfigSchema(context).safeParse(data, { reportInput: true, error: reporter.errorMap });
  if (result.success) return result.data;
  problems.push(...reporter.problems(result.error.issues, locate));
  return undefined;
}

const SOURCE_ORDER: Readonly<Record<ConfigProblem['source'], number>> = { input: 0, file: 1, default: 2 };

/** Inputs first (in their declared order), then the file from top to bottom, then the defaults. */
function byLocation(a: ConfigProblem, b: ConfigProblem): number {
  const inputOrder = (problem: ConfigProblem) => (INPUT_NAMES as readonly string[]).indexOf(problem.field);
  const bySource = SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source];
  if (bySource !== 0) return bySource;
  return a.source === 'input' ? inputOrder(a) - inputOrder(b) : (a.line ?? 0) - (b.line ?? 0);
}

function withCredentials(parsed: ParsedConfig, username: string, password: string, configFile: string | null): Omit<Config, 'githubToken'> {
  return {
    ...parsed,
    registry: { ...parsed.registry, username, password: password === '' ? null : new Secret(password) },
    configFile,
  };
}

function unknownInputProblems(inputs: Inputs): ConfigProblem[] {
  const known: readonly string[] = INPUT_NAMES;
  // The value is never shown: a mistyped name may hold a secret.
  return Object.keys(inputs)
    .filter((name) => !known.includes(name))
    .map((name) => ({ source: 'input', field: name, message: `unknown input; ${suggestion(name, known)}` }));
}

interface ConfigFile {
  /** Repository-relative. */
  readonly path: string;
  readonly source: YamlSource;
}

/** An explicitly named file must exist; the default file is optional. */
function readConfigFile(
  named: string,
  options: LoadConfigOptions,
  resolvePath: SchemaContext['resolvePath'],
  problems: ConfigProblem[],
): ConfigFile | undefined {
  const explicit = named !== '';
  const written = explicit ? named : DEFAULT_CONFIG_FILE;
  const fail = (message: string) => {
    problems.push({ source: 'input', field: 'config', message: `got ${showValue(written)}; ${message}` });
    return undefined;
  };

  const resolution = resolvePath(written);
  if ('problem' in resolution) return fail(`${resolution.problem}; expected a configuration file inside the repository`);
  let text: string;
  try {
    text = (options.readFile ?? readUtf8)(path.join(path.resolve(options.repoRoot), resolution.path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !explicit) return undefined;
    if (code === 'EFBIG') return fail(`the file is above the limit of ${MAX_CONFIG_BYTES} bytes (1 MiB) for a configuration file`);
    return fail(code === 'ENOENT' ? 'no such file in the repository' : `the file cannot be read (${code ?? String(error)})`);
  }

  const source = parseYamlSource(text);
  for (const problem of source.problems) {
    const line = problem.line === undefined ? {} : { line: problem.line };
    problems.push({ source: 'file', field: '', file: resolution.path, ...line, message: problem.message });
  }
  return { path: resolution.path, source };
}

/** A configuration is a few kilobytes; a larger file is a mistake or an attack on the parser's memory. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Reads the file, refusing (EFBIG) one above the limit before reading it. */
function readUtf8(absolutePath: string): string {
  if (statSync(absolutePath).size > MAX_CONFIG_BYTES) {
    throw Object.assign(new Error(`above ${MAX_CONFIG_BYTES} bytes`), { code: 'EFBIG' });
  }
  return readFileSync(absolutePath, 'utf8');
}

/** Sections of the file merge key by key into the defaults; maps, lists and scalars replace. */
function mergeWithDefaults(fileData: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = structuredClone(BUILT_IN_DEFAULTS);
  for (const [key, value] of Object.entries(fileData)) {
    const base = merged[key];
    const mergeable = isMapping(base) && isMapping(value) && !REPLACED_WHOLE.has(key);
    // defineProperty: a '__proto__' key in the file stays an ordinary (and rejected) key.
    Object.defineProperty(merged, key, {
      value: mergeable ? { ...base, ...value } : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return merged;
}

/** Sets `value` at `target`; false when the file put something other than a mapping on the way. */
function setAt(data: Record<string, unknown>, target: readonly string[], value: unknown): boolean {
  let node: Record<string, unknown> = data;
  for (const segment of target.slice(0, -1)) {
    const next = node[segment] ?? {};
    if (!isMapping(next)) return false;
    node[segment] = next;
    node = next;
  }
  node[target[target.length - 1] as string] = value;
  return true;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
