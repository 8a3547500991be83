/**
 * What a Dockerfile takes from its build context, read from its instructions (all stages):
 * the sources of `COPY`/`ADD` without `--from` and of `RUN --mount=type=bind` without `from`;
 * the context paths that a `COPY --from=<stage>` takes back out of a tree copied into that
 * stage; the packages its `go build` commands name; and the RUN commands that run something of
 * the context other than the Go compiler (a Makefile, a script, `go generate`) or move its files
 * about (`cp config.yaml /etc/`), which make the Go source alone an incomplete account of the image.
 *
 * Paths are context-relative, `/`-separated, '' meaning the whole context. A source that uses a
 * variable cannot be read without the build: it counts as the whole context.
 */
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { posix } from 'node:path';
import type { JSONInstruction } from 'dockerfile-ast/lib/jsonInstruction.js';
import type { ModifiableInstruction } from 'dockerfile-ast/lib/modifiableInstruction.js';
import { shellCommands } from './shell-words.js';

export interface ContextSource {
  /** Context-relative path or glob; '' for the whole context. */
  readonly source: string;
  readonly line: number;
}

export interface GoBuildCommand {
  readonly line: number;
  /**
   * Context-relative package directories, with every reading the copies allow (a directory
   * copied into a path that a file copy also fills): the context shows which exist. Undefined
   * when they cannot be read from the Dockerfile.
   */
  readonly packages: readonly string[] | undefined;
  /** Why `packages` is undefined. */
  readonly unreadable?: string;
  /** The value of -mod, when given. */
  readonly mod: string | undefined;
}

export interface DockerfileInputs {
  readonly copies: readonly ContextSource[];
  /** Context paths (or globs) that `COPY --from` takes out of a stage holding a copy of them. */
  readonly fromStages: readonly ContextSource[];
  readonly goBuilds: readonly GoBuildCommand[];
  /** RUN commands that execute or move files of the context besides `go build`. */
  readonly otherCommands: readonly { line: number; command: string }[];
}

interface TreeCopy {
  /** Context-relative source ('' for the whole context). */
  source: string;
  /** Absolute destination in the stage. */
  dest: string;
  /** `COPY a b dir/`, or a destination ending in `/`: a file source lands at dest/<name>. */
  intoDirectory: boolean;
}

interface Stage {
  name: string | undefined;
  workdir: string | undefined;
  copies: TreeCopy[];
}

/** Value-taking flags of `go build` (go help build); the others are booleans. */
const GO_BUILD_VALUE_FLAGS = new Set([
  'C', 'o', 'p', 'asmflags', 'buildmode', 'compiler', 'coverpkg', 'covermode', 'gccgoflags', 'gcflags',
  'installsuffix', 'ldflags', 'mod', 'modfile', 'overlay', 'pgo', 'pkgdir', 'tags', 'toolexec',
]);

/** Words that start a shell command without being one. */
const SHELL_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'exec', 'env', 'time']);

interface Collected {
  copies: ContextSource[];
  fromStages: ContextSource[];
  goBuilds: GoBuildCommand[];
  otherCommands: { line: number; command: string }[];
}

export function readDockerfileInputs(text: string): DockerfileInputs {
  const found: Collected = { copies: [], fromStages: [], goBuilds: [], otherCommands: [] };
  const stages: Stage[] = [];
  let stage: Stage = { name: undefined, workdir: '/', copies: [] };
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    const line = instruction.getRange().start.line + 1;
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const args = argumentsOf(instruction);
      const base = findStage(stages, args[0]);
      stage = {
        name: args[1]?.toUpperCase() === 'AS' ? args[2] : undefined,
        workdir: base ? base.workdir : '/',
        copies: base ? [...base.copies] : [],
      };
      stages.push(stage);
    } else if (keyword === 'WORKDIR') {
      const dir = argumentsOf(instruction).join(' ');
      stage.workdir = dir.includes('$') || stage.workdir === undefined ? undefined : posix.resolve(stage.workdir, dir);
    } else if (keyword === 'COPY' || keyword === 'ADD') {
      readCopy(instruction, keyword, line, stage, stages, found);
    } else if (keyword === 'RUN') {
      readRun(instruction, line, stage, found);
    }
  }
  return found;
}

/** A COPY or ADD: context sources, or (with --from) what it takes out of a stage's copied tree. */
function readCopy(instruction: Instruction, keyword: 'COPY' | 'ADD', line: number, stage: Stage, stages: readonly Stage[], found: Collected): void {
  const from = flagValue(instruction, 'from');
  const args = copyArguments(instruction);
  if (args.length < 2) return;
  const sources = args.slice(0, -1);
  const dest = args[args.length - 1];
  if (from !== undefined) {
    const origin = findStage(stages, from);
    if (origin) for (const source of sources) found.fromStages.push(...contextPathsOf(origin, source, line));
    return;
  }
  const local = sources.filter((source) => !(keyword === 'ADD' && /^[a-z]+:\/\/|^git@/.test(source)));
  const absoluteDest = stage.workdir === undefined || dest.includes('$') ? undefined : posix.resolve(stage.workdir, dest);
  for (const source of local) {
    const contextPath = contextPathOf(source);
    found.copies.push({ source: contextPath, line });
    if (absoluteDest) stage.copies.push({ source: contextPath, dest: absoluteDest, intoDirectory: dest.endsWith('/') || local.length > 1 });
  }
}

/** A RUN: its bind mounts of the context, its `go build` commands, and commands that use context files. */
function readRun(instruction: Instruction, line: number, stage: Stage, found: Collected): void {
  for (const mount of flagValues(instruction, 'mount')) {
    const options = Object.fromEntries(mount.split(',').map((option) => option.split('=', 2) as [string, string | undefined]));
    if ((options.type ?? 'bind') === 'bind' && options.from === undefined) {
      found.copies.push({ source: contextPathOf(options.source ?? options.src ?? '.'), line });
    }
  }
  let changedDirectory = false;
  for (const command of shellCommands(runText(instruction))) {
    const start = command.findIndex((word) => !SHELL_KEYWORDS.has(word) && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word));
    const words = start < 0 ? [] : command.slice(start);
    if (words[0] === 'cd' || words[0] === 'pushd') changedDirectory = true;
    else if (words[0] === 'go' && (words[1] === 'build' || words[1] === 'install')) {
      found.goBuilds.push(goBuild(line, words.slice(2), stage, changedDirectory));
    } else if (usesContextFiles(words, stage)) {
      found.otherCommands.push({ line, command: words.join(' ') });
    }
  }
}

function goBuild(line: number, args: string[], stage: Stage, afterCd: boolean): GoBuildCommand {
  const positionals: string[] = [];
  let mod: string | undefined;
  let directory = stage.workdir;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const [name, inlineValue] = arg.replace(/^--?/, '').split(/=(.*)/s, 2);
    const value = inlineValue ?? (GO_BUILD_VALUE_FLAGS.has(name) ? args[++i] : undefined);
    if (name === 'mod') mod = value;
    if (name === 'C') directory = directory === undefined || value === undefined ? undefined : posix.resolve(directory, value);
  }
  const unreadable = (reason: string): GoBuildCommand => ({ line, packages: undefined, unreadable: reason, mod });
  if (afterCd) return unreadable('it runs after a `cd`');
  if (directory === undefined) return unreadable('its working directory uses a variable');
  const packages: string[] = [];
  for (const positional of positionals.length > 0 ? positionals : ['.']) {
    if (positional.includes('$') || positional.includes('...')) return unreadable(`the package \`${positional}\` is not one directory`);
    if (!positional.startsWith('.') && !positional.startsWith('/')) return unreadable(`\`${positional}\` is an import path, not a directory`);
    const absolute = posix.resolve(directory, positional.endsWith('.go') ? posix.dirname(positional) : positional);
    const inContext = contextPathsOf(stage, absolute, line);
    if (inContext.length === 0) return unreadable(`${absolute} is not inside a directory copied from the context`);
    packages.push(...inContext.map((candidate) => candidate.source));
  }
  return { line, packages: [...new Set(packages)], mod };
}

/** Context paths that the absolute `path` of `stage` holds, through its copies from the context. */
function contextPathsOf(stage: Stage, path: string, line: number): ContextSource[] {
  const absolute = posix.resolve('/', path);
  const found: ContextSource[] = [];
  for (const copy of stage.copies) {
    // A directory's content lands in dest; a file into a dest/ directory lands at dest/<name>.
    // Which one the source is shows only in the context: both are kept, the listing drops the other.
    if (copy.intoDirectory && copy.source !== '' && absolute === posix.join(copy.dest, posix.basename(copy.source))) {
      found.push({ source: copy.source, line });
    }
    if (absolute === copy.dest) found.push({ source: copy.source, line });
    else if (absolute.startsWith(`${copy.dest === '/' ? '' : copy.dest}/`)) {
      const below = absolute.slice(copy.dest === '/' ? 1 : copy.dest.length + 1);
      found.push({ source: copy.source === '' ? below : `${copy.source}/${below}`, line });
    }
  }
  return found;
}

/** Programs that put files where a later COPY --from or the image itself can take them. */
const FILE_TOOLS = new Set(['cp', 'mv', 'install', 'rsync', 'tar', 'ln', 'cat', 'sed', 'envsubst', 'unzip', 'gzip']);

/**
 * Whether a command can carry context files into the image other than through `go build`: it
 * runs something of the context (a Makefile, a script, `go generate`), or moves files with a
 * relative path or one inside a tree copied from the context.
 */
function usesContextFiles(words: readonly string[], stage: Stage): boolean {
  const [program, first] = words;
  if (program === undefined) return false;
  if (program === 'make' || program === 'task' || program.startsWith('./') || /^[^/$-][^\s]*\.(sh|py|pl|rb)$/.test(program)) return true;
  if (program === 'go') return first === 'generate' || first === 'run' || first === 'tool';
  if (program === 'sh' || program === 'bash') return first !== undefined && !first.startsWith('-');
  if (!FILE_TOOLS.has(program)) return false;
  return words.slice(1).some((word) => !word.startsWith('-') && (!word.startsWith('/') || stage.copies.some((copy) => word === copy.dest || word.startsWith(`${copy.dest}/`))));
}

function findStage(stages: readonly Stage[], reference: string | undefined): Stage | undefined {
  if (reference === undefined) return undefined;
  if (/^\d+$/.test(reference)) return stages[Number(reference)];
  return stages.find((stage) => stage.name?.toLowerCase() === reference.toLowerCase());
}

/** A COPY source as a context path: leading `/` and `./` dropped, normalised; a variable means the whole context. */
function contextPathOf(source: string): string {
  if (source.includes('$')) return '';
  const normal = posix.normalize(`/${source}`).slice(1).replace(/\/$/, '');
  return normal;
}

function argumentsOf(instruction: Instruction): string[] {
  return execFormArguments(instruction) ?? instruction.getArguments().map((arg) => arg.getValue());
}

/**
 * The strings of an exec-form (JSON) instruction, read as JSON from the Dockerfile's text, since
 * dockerfile-ast's own values drop spaces and escapes (`"a b"` reads `ab`). Undefined for the
 * shell form, and when a string is not valid JSON (or goes on past a line continuation), which
 * Docker reads as shell form too.
 */
function execFormArguments(instruction: Instruction): string[] | undefined {
  const strings = (instruction as JSONInstruction).getJSONStrings?.() ?? [];
  if (strings.length === 0) return undefined;
  const lines = instruction.getTextContent().split('\n');
  const first = instruction.getRange().start;
  const values: string[] = [];
  for (const string of strings) {
    const { start, end } = string.getRange();
    const column = start.line === first.line ? first.character : 0;
    try {
      values.push(JSON.parse(lines[start.line - first.line].slice(start.character - column, end.character - column)) as string);
    } catch {
      return undefined;
    }
  }
  return values;
}

/** A COPY's sources and destination; with here-documents, the words of its first line that are not one. */
function copyArguments(instruction: Instruction): string[] {
  const args = argumentsOf(instruction);
  if (!args.some((arg) => arg.startsWith('<<'))) return args;
  const [firstLine] = (instruction.getRawArgumentsContent() ?? '').split('\n');
  return firstLine.split(/\s+/).filter((word) => word !== '' && !word.startsWith('--') && !word.startsWith('<<'));
}

function runText(instruction: Instruction): string {
  const exec = execFormArguments(instruction);
  if (exec) return exec.map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(' ');
  return instruction.getArguments().map((arg) => arg.getValue()).join(' ');
}

function flagValues(instruction: Instruction, name: string): string[] {
  const flags = (instruction as ModifiableInstruction).getFlags?.() ?? [];
  return flags.filter((flag) => flag.getName() === name).map((flag) => flag.getValue() ?? '');
}

function flagValue(instruction: Instruction, name: string): string | undefined {
  return flagValues(instruction, name)[0];
}
