/**
 * What a build context tells before it is sent: its size, the biggest directories, content that
 * rarely belongs in an image (vendored modules, node_modules, .git, coverage output), and the
 * limit above which the build is refused before it starts (a context that large once made
 * `COPY . .` run out of memory).
 */
import { posix } from 'node:path';
import type { ContextEntry } from './context.js';

const MiB = 1024 * 1024;
const TOP_DIRECTORIES = 5;

export interface ContextLimits {
  /** build.contextWarnMiB */
  warnMiB: number;
  /** build.contextLimitMiB */
  limitMiB: number;
}

export interface DirectorySize {
  /** A first-level directory of the context, with a trailing `/`. */
  path: string;
  files: number;
  bytes: number;
}

export interface ContextFacts {
  image: string;
  /** Repository-relative context directory. */
  context: string;
  entries: readonly ContextEntry[];
  bytes: number;
  /** Repository-relative ignore file in effect, if any. */
  ignoreFile: string | undefined;
}

export class ContextTooLargeError extends Error {
  constructor(
    readonly image: string,
    readonly bytes: number,
    readonly limitMiB: number,
    readonly topDirectories: DirectorySize[],
    message: string,
  ) {
    super(message);
    this.name = 'ContextTooLargeError';
  }
}

/** First-level directories of the context by included bytes, biggest first. */
export function topDirectories(entries: readonly ContextEntry[], count = TOP_DIRECTORIES): DirectorySize[] {
  const sizes = new Map<string, DirectorySize>();
  for (const entry of entries) {
    const slash = entry.path.indexOf('/');
    if (slash === -1) continue;
    const path = entry.path.slice(0, slash + 1);
    const size = sizes.get(path) ?? { path, files: 0, bytes: 0 };
    size.files += 1;
    size.bytes += entry.size;
    sizes.set(path, size);
  }
  return [...sizes.values()].sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1)).slice(0, count);
}

/** Directory names whose content rarely belongs in an image; the outermost one found is reported. */
const SUSPECT_DIRECTORIES: readonly { test: (name: string) => boolean; what: string }[] = [
  { test: (name) => name === 'vendor', what: 'vendored modules' },
  { test: (name) => name === 'node_modules', what: 'installed node modules' },
  { test: (name) => name === '.git', what: 'the git repository' },
  { test: (name) => name === 'coverdata', what: 'coverage output' },
];

/**
 * What coverage tools write, by file name: Go's GOCOVERDIR data, reports named coverage* and
 * *.out profiles. Sources that only begin with "coverage" (coverage.go, coverage_report.py) are
 * not among them.
 */
const SUSPECT_FILES: readonly { test: RegExp; pattern: (name: string) => string; what: string }[] = [
  { test: /^(covmeta|covcounters)\./, pattern: (name) => `**/${name.slice(0, name.indexOf('.'))}.*`, what: 'coverage output' },
  { test: /^coverage[^.]*\.(html|xml|json|txt|lcov|info)$/, pattern: (name) => `**/coverage*${posix.extname(name)}`, what: 'coverage output' },
  { test: /\.out$/, pattern: () => '**/*.out', what: 'coverage profiles' },
];

/**
 * A directory named coverage* is taken for coverage output unless it holds code or scripts
 * (kubernaut's scripts/coverage/ does), which nobody would want left out of the context.
 */
const COVERAGE_DIRECTORY = /^coverage/;
const SOURCE_FILE = /\.(go|py|sh|bash|awk|js|mjs|cjs|ts|rb|pl|java|c|h|rs|md)$/;

/** Fixtures are committed on purpose, whatever their names look like. */
const FIXTURE_DIRECTORIES = new Set(['testdata', 'fixtures']);

/** Every suspect path contains one of these: most paths are cleared by this one test. */
const SUSPECT_TEXT = /vendor|node_modules|\.git|cov|\.out$/;

/** The coverage* directories of a listing that hold code or scripts, as `dir/` prefixes. */
function coverageDirectoriesWithSources(entries: readonly ContextEntry[]): Set<string> {
  const withSources = new Set<string>();
  for (const { path } of entries) {
    if (!SOURCE_FILE.test(path) || !path.includes('coverage')) continue;
    const segments = path.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      if (COVERAGE_DIRECTORY.test(segments[depth - 1])) withSources.add(`${segments.slice(0, depth).join('/')}/`);
    }
  }
  return withSources;
}

/** What suspect content `path` belongs to, with the ignore pattern that would leave it out. */
function suspectOf(path: string, coverageSources: ReadonlySet<string>): { pattern: string; what: string } | undefined {
  if (!SUSPECT_TEXT.test(path)) return undefined;
  const segments = path.split('/');
  for (let depth = 1; depth < segments.length; depth++) {
    const name = segments[depth - 1];
    if (FIXTURE_DIRECTORIES.has(name)) return undefined;
    const directory = `${segments.slice(0, depth).join('/')}/`;
    const rule = SUSPECT_DIRECTORIES.find((candidate) => candidate.test(name));
    if (rule !== undefined) return { pattern: directory, what: rule.what };
    if (COVERAGE_DIRECTORY.test(name) && !coverageSources.has(directory)) return { pattern: directory, what: 'coverage output' };
  }
  const name = segments[segments.length - 1];
  const rule = SUSPECT_FILES.find((candidate) => candidate.test.test(name));
  return rule === undefined ? undefined : { pattern: rule.pattern(name), what: rule.what };
}

/** Warnings about the context (each says how to fix it); throws ContextTooLargeError above the limit. */
export function checkContext(facts: ContextFacts, limits: ContextLimits): string[] {
  const ignoreFile = facts.ignoreFile ?? posix.join(facts.context, '.dockerignore');
  const { suspects, top } = surveyContext(facts.entries);
  const size = `${formatMiB(facts.bytes)} in ${files(facts.entries.length)}`;
  const where = `the build context '${facts.context}' of image '${facts.image}'`;

  if (facts.bytes > limits.limitMiB * MiB) {
    const patterns = suspects.length > 0 ? suspects.map((s) => s.pattern) : top.slice(0, 1).map((d) => d.path);
    throw new ContextTooLargeError(
      facts.image,
      facts.bytes,
      limits.limitMiB,
      top,
      `${where} is ${size}, above build.contextLimitMiB (${limits.limitMiB} MiB). ` +
        `Biggest directories: ${describeDirectories(top)}. ` +
        `Fix: add what the image does not need to ${ignoreFile}${patterns.length > 0 ? ` (such as ${patterns.map(code).join(', ')})` : ''}, ` +
        'or raise build.contextLimitMiB.',
    );
  }

  const warnings = suspects.map(
    (s) =>
      `${where} holds ${s.what} ${code(s.pattern)} (${files(s.files)}, ${formatMiB(s.bytes)}): ` +
      `add ${code(s.pattern)} to ${ignoreFile} unless the image needs it`,
  );
  if (facts.bytes > limits.warnMiB * MiB) {
    warnings.push(
      `${where} is ${size}, above build.contextWarnMiB (${limits.warnMiB} MiB); biggest directories: ` +
        `${describeDirectories(top)}. Add what the image does not need to ${ignoreFile}.`,
    );
  }
  return warnings;
}

interface SuspectGroup {
  pattern: string;
  what: string;
  files: number;
  bytes: number;
}

export interface ContextSurvey {
  /** topDirectories of the listing. */
  top: DirectorySize[];
  suspects: SuspectGroup[];
}

/** Images hashed together share one listing (the same array): it is surveyed once for all of them. */
const surveys = new WeakMap<readonly ContextEntry[], ContextSurvey>();

/** The biggest directories and the suspect content of a listing. */
export function surveyContext(entries: readonly ContextEntry[]): ContextSurvey {
  let survey = surveys.get(entries);
  if (survey === undefined) {
    survey = { top: topDirectories(entries), suspects: suspectContent(entries) };
    surveys.set(entries, survey);
  }
  return survey;
}

function suspectContent(entries: readonly ContextEntry[]): SuspectGroup[] {
  const groups = new Map<string, SuspectGroup>();
  const coverageSources = coverageDirectoriesWithSources(entries);
  for (const entry of entries) {
    const suspect = suspectOf(entry.path, coverageSources);
    if (suspect === undefined) continue;
    const group = groups.get(suspect.pattern) ?? { pattern: suspect.pattern, what: suspect.what, files: 0, bytes: 0 };
    group.files += 1;
    group.bytes += entry.size;
    groups.set(suspect.pattern, group);
  }
  return [...groups.values()];
}

function describeDirectories(directories: DirectorySize[]): string {
  if (directories.length === 0) return 'none (only files at the top of the context)';
  return directories.map((d) => `${d.path} ${formatMiB(d.bytes)} (${files(d.files)})`).join(', ');
}

export function formatMiB(bytes: number): string {
  return `${(bytes / MiB).toFixed(1)} MiB`;
}

/** `7,994 files`: thousands separated without Intl, whose first use costs more than hashing a small context. */
function files(n: number): string {
  return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} file${n === 1 ? '' : 's'}`;
}

function code(text: string): string {
  return `\`${text}\``;
}
