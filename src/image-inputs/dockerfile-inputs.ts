/**
 * What a Dockerfile takes from its build context, read from its instructions (all stages):
 * the sources of `COPY`/`ADD` without `--from` and of `RUN --mount=type=bind` without `from`;
 * the context paths that a `COPY --from=<stage>` takes back out of a tree copied into that
 * stage; the packages its `go build` commands name; and the RUN commands that may read files of
 * the context other than through the Go compiler (a Makefile, a script, an interpreter, a code
 * generator, `cp config.yaml /etc/`), which make the Go source alone an incomplete account of
 * the image. Only programs known to read no file, or only the files their words name, are left
 * out: any other may read what it likes.
 * Commands are followed through shells (`sh -c '…'`) and the words that run another command
 * (`env`, `exec`, `time`, …); one that cannot be followed counts as using the context.
 *
 * Paths are context-relative, `/`-separated, '' meaning the whole context. A source that uses a
 * variable cannot be read without the build: it counts as the whole context. A stage from an
 * image starts in that image's WORKDIR, which only the image knows: paths relative to it are
 * kept as such, and an absolute path may or may not fall inside them.
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
  /** Why the source is taken whole when only part of it may be: the reason shown with its files. */
  readonly note?: string;
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
  /** RUN commands that may read files of the context besides `go build`. */
  readonly otherCommands: readonly { line: number; command: string }[];
}

interface TreeCopy {
  /** Context-relative source ('' for the whole context). */
  source: string;
  /** Absolute destination in the stage (see Workdir); undefined when only the build knows it. */
  dest: string | undefined;
  /** `COPY a b dir/`, or a destination ending in `/`: a file source lands at dest/<name>. */
  intoDirectory: boolean;
  line: number;
}

interface Workdir {
  /**
   * Absolute; below BASE_WORKDIR while it is relative to the base image's own WORKDIR;
   * undefined when only the build knows it.
   */
  workdir: string | undefined;
  /** Why `workdir` is undefined. */
  unknownWorkdir: string | undefined;
}

interface Stage extends Workdir {
  name: string | undefined;
  copies: TreeCopy[];
}

/** Stands for the WORKDIR an image sets in its config: paths below it are relative to it. */
const BASE_WORKDIR = '/<WORKDIR of the base image>';
const VARIABLE_WORKDIR = 'its working directory uses a variable';
const ABOVE_BASE_WORKDIR = "its working directory is above the base image's WORKDIR, which the Dockerfile does not set";

/** Value-taking flags of `go build` (go help build); the others are booleans. */
const GO_BUILD_VALUE_FLAGS = new Set([
  'C', 'o', 'p', 'asmflags', 'buildmode', 'compiler', 'coverpkg', 'covermode', 'gccgoflags', 'gcflags',
  'installsuffix', 'ldflags', 'mod', 'modfile', 'overlay', 'pgo', 'pkgdir', 'tags', 'toolexec',
]);

/** Words that start a shell command without being one. */
const SHELL_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}']);
/** A redirection: its operator, and its target when written in the same word (`2>/dev/null`). */
const REDIRECTION = /^(?:\d*|&)(<<<|<<-?|<>|>>|>\||<|>)(.*)$/s;

/** Which options of a program take a value (the next word, or the rest of a cluster), and which take none. */
interface OptionShapes {
  readonly values: ReadonlySet<string>;
  readonly flags: ReadonlySet<string>;
}

const shapes = (values: string, flags: string): OptionShapes => ({ values: new Set(values.split(' ')), flags: new Set(flags.split(' ')) });

/** Programs that run the command after their options (GNU coreutils and bash builtins). */
const WRAPPERS = new Map<string, OptionShapes>([
  ['env', shapes('u C S unset chdir split-string', 'i 0 v - ignore-environment null debug default-signal ignore-signal block-signal list-signal-handling')],
  ['exec', shapes('a', 'c l')],
  ['time', shapes('f o format output', 'p a v q append verbose portability quiet')],
  ['nice', shapes('n adjustment', '0 1 2 3 4 5 6 7 8 9')],
  ['nohup', shapes('', '')],
  ['command', shapes('', 'p v V')],
]);

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);
/** Invocation options of sh and bash; `-` ends them, as `--` does. */
const SHELL_OPTIONS = shapes(
  'o O rcfile init-file',
  'a b c e f h i k l m n p r s t u v x B C D E H P T - login noprofile norc posix restricted verbose noediting debugger',
);

/** Programs that put files where a later COPY --from or the image itself can take them. */
const FILE_TOOLS = new Set(['cp', 'mv', 'install', 'rsync', 'tar', 'ln', 'cat', 'sed', 'envsubst', 'unzip', 'gzip']);

/**
 * Programs known to read no file's content: they print, set the shell's state, or change
 * accounts, modes and directories. Any program not known (an interpreter given a script, a code
 * generator reading its configuration from the working directory, a compiler given a directory)
 * may read files that no word of it names, so in a stage holding files of the context it counts
 * as using them: only what is known can be left out of the inputs.
 */
const READS_NO_FILE = new Set([
  'echo', 'printf', 'true', 'false', 'test', '[', 'set', 'export', 'unset', ':', 'umask', 'sleep', 'exit', 'read', 'tr',
  'chmod', 'chown', 'chgrp', 'mkdir', 'rm', 'rmdir', 'touch',
  'useradd', 'usermod', 'userdel', 'groupadd', 'groupmod', 'adduser', 'addgroup', 'update-ca-certificates', 'ldconfig',
]);
/** Package managers: they install from their repositories, and read a file only when a word names a package file or a path. */
const PACKAGE_MANAGERS = new Set(['dnf', 'microdnf', 'yum', 'rpm', 'apt-get', 'apt', 'dpkg', 'apk', 'zypper']);
const PACKAGE_FILE = /\/|\.(rpm|deb|apk)$/;
/**
 * Downloaders: they read a file only when a word names a path, or one given as `@file`. A word
 * with a colon or a space before its first `/` is a URL or a header, not a path.
 */
const DOWNLOADERS = new Set(['curl', 'wget']);
const LOCAL_PATH = /^@|^[^\s:]*\//;
/**
 * `go` subcommands that leave no file of the context where the image can take it: they read
 * only go.mod and go.sum (inputs in any case), or report on the source.
 */
const GO_LEAVES_NOTHING = new Set(['mod download', 'mod verify', 'env', 'version', 'list', 'vet', 'test']);

interface Collected {
  copies: ContextSource[];
  fromStages: ContextSource[];
  goBuilds: GoBuildCommand[];
  otherCommands: { line: number; command: string }[];
}

/** A RUN step being read: a `cd` in one of its commands makes the later `go build`s unreadable. */
interface Run {
  line: number;
  stage: Stage;
  found: Collected;
  changedDirectory: boolean;
}

export function readDockerfileInputs(text: string): DockerfileInputs {
  const found: Collected = { copies: [], fromStages: [], goBuilds: [], otherCommands: [] };
  const stages: Stage[] = [];
  let stage: Stage = { name: undefined, workdir: '/', unknownWorkdir: undefined, copies: [] };
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    const line = instruction.getRange().start.line + 1;
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      stage = stageFrom(argumentsOf(instruction), stages);
      stages.push(stage);
    } else if (keyword === 'WORKDIR') {
      Object.assign(stage, movedTo(stage, argumentsOf(instruction).join(' ')));
    } else if (keyword === 'COPY' || keyword === 'ADD') {
      readCopy(instruction, keyword, line, stage, stages, found);
    } else if (keyword === 'RUN') {
      readRun(instruction, line, stage, found);
    }
  }
  return found;
}

/** A stage starts where its base stage was, or in its image's WORKDIR: `scratch` has none, so `/`. */
function stageFrom(args: readonly string[], stages: readonly Stage[]): Stage {
  const base = findStage(stages, args[0]);
  const start: Workdir = base ?? { workdir: args[0] === 'scratch' ? '/' : BASE_WORKDIR, unknownWorkdir: undefined };
  return {
    name: args[1]?.toUpperCase() === 'AS' ? args[2] : undefined,
    workdir: start.workdir,
    unknownWorkdir: start.unknownWorkdir,
    copies: base ? [...base.copies] : [],
  };
}

/**
 * The directory `dir` names from `from`, as WORKDIR resolves it: an absolute path sets it; a
 * variable makes it unknown, and so does `..` above the base image's WORKDIR.
 */
function movedTo(from: Workdir, dir: string): Workdir {
  if (dir.includes('$')) return { workdir: undefined, unknownWorkdir: VARIABLE_WORKDIR };
  if (posix.isAbsolute(dir)) return { workdir: posix.resolve(dir), unknownWorkdir: undefined };
  if (from.workdir === undefined) return from;
  const workdir = posix.resolve(from.workdir, dir);
  if (fromBaseWorkdir(from.workdir) && !fromBaseWorkdir(workdir)) return { workdir: undefined, unknownWorkdir: ABOVE_BASE_WORKDIR };
  return { workdir, unknownWorkdir: undefined };
}

function fromBaseWorkdir(path: string): boolean {
  return path === BASE_WORKDIR || path.startsWith(`${BASE_WORKDIR}/`);
}

/** A path as a message shows it: one relative to the base image's WORKDIR without the leading `/`. */
function shown(path: string): string {
  return fromBaseWorkdir(path) ? path.slice(1) : path;
}

/** A COPY or ADD: context sources, or (with --from) what it takes out of a stage's copied tree. */
function readCopy(instruction: Instruction, keyword: 'COPY' | 'ADD', line: number, stage: Stage, stages: readonly Stage[], found: Collected): void {
  const from = flagValue(instruction, 'from');
  const args = copyArguments(instruction);
  if (args.length < 2) return;
  const sources = args.slice(0, -1);
  const dest = args[args.length - 1];
  const { workdir: absoluteDest } = movedTo(stage, dest);
  if (from !== undefined) {
    const origin = findStage(stages, from);
    const taken = origin ? sources.flatMap((source) => takenFrom(origin, source, line)) : [];
    found.fromStages.push(...taken);
    // The stage now holds those files too: its commands may read them. Where a copy may have put
    // one unseen, where it lands here is not known either.
    for (const { source: contextPath, note } of taken) {
      stage.copies.push({ source: contextPath, dest: note === undefined ? absoluteDest : undefined, intoDirectory: dest.endsWith('/') || sources.length > 1, line });
    }
    return;
  }
  const local = sources.filter((source) => !(keyword === 'ADD' && /^[a-z]+:\/\/|^git@/.test(source)));
  for (const source of local) {
    const contextPath = contextPathOf(source);
    found.copies.push({ source: contextPath, line });
    stage.copies.push({ source: contextPath, dest: absoluteDest, intoDirectory: dest.endsWith('/') || local.length > 1, line });
  }
}

/**
 * What a COPY --from takes out of a stage: the context paths its copies put at that path, and
 * the whole source of each copy that may have put files there unseen (its destination is not
 * known, or the path uses a variable).
 */
function takenFrom(origin: Stage, source: string, line: number): ContextSource[] {
  const path = posix.resolve('/', source);
  const variable = source.includes('$');
  const unseen = origin.copies.filter((copy) => variable || !comparable(copy, path));
  return [
    ...(variable ? [] : contextPathsOf(origin, path, line)),
    ...unseen.map((copy) => ({ source: copy.source, line, note: `the copy on line ${copy.line} may have put it there, as ${variable ? 'the path uses a variable' : whyUnplaced(copy)}` })),
  ];
}

/** A RUN: its bind mounts of the context, its `go build` commands, and commands that use context files. */
function readRun(instruction: Instruction, line: number, stage: Stage, found: Collected): void {
  const mounted: TreeCopy[] = [];
  for (const mount of flagValues(instruction, 'mount')) {
    const options = Object.fromEntries(mount.split(',').map((option) => option.split('=', 2) as [string, string | undefined]));
    if ((options.type ?? 'bind') === 'bind' && options.from === undefined) {
      const source = contextPathOf(options.source ?? options.src ?? '.');
      found.copies.push({ source, line });
      // The step's commands see the mounted context as if it were copied there.
      const target = options.target ?? options.dst ?? options.destination;
      mounted.push({ source, dest: target === undefined ? undefined : movedTo(stage, target).workdir, intoDirectory: false, line });
    }
  }
  const run: Run = { line, stage: { ...stage, copies: [...stage.copies, ...mounted] }, found, changedDirectory: false };
  readCommandLine(runText(instruction), run);
}

function readCommandLine(text: string, run: Run): void {
  for (const command of shellCommands(text)) readCommand(command, run);
}

function readCommand(command: readonly string[], run: Run): void {
  const { words: plain, inputs } = withoutRedirections(command);
  if (inputs.some((path) => mayBeCopied(run.stage, path, { unplaced: true }))) return noteCommand(run, command);
  const { words, movesDirectory, followed } = invocationOf(plain, run.stage);
  if (words.length === 0) return;
  const name = followed ? programName(words[0], run.stage) : undefined;
  if (name === undefined) noteCommand(run, words);
  else if (name === 'cd' || name === 'pushd') run.changedDirectory = true;
  else if (name === 'go' && (words[1] === 'build' || words[1] === 'install')) {
    const moved = run.changedDirectory ? 'it runs after a `cd`' : movesDirectory ? 'it runs in the directory of `env -C`' : undefined;
    run.found.goBuilds.push(goBuild(run.line, words.slice(2), run.stage, moved));
  } else if (SHELLS.has(name)) readShell(words, run);
  else if (usesContextFiles(name, words, run.stage)) noteCommand(run, words);
}

function noteCommand(run: Run, words: readonly string[]): void {
  run.found.otherCommands.push({ line: run.line, command: words.join(' ') });
}

interface Invocation {
  /** The program and its arguments; none when the command runs nothing. */
  words: readonly string[];
  /** `env -C`: the program runs in another directory. */
  movesDirectory: boolean;
  /** False when a wrapper has an option it is not known to take: which word is the program is then unknown. */
  followed: boolean;
}

/**
 * A command's words without its redirections, and the files its input redirections (`< file`)
 * read. A here-document (`<<EOF`, whose lines are commands of their own) or here-string reads none.
 */
function withoutRedirections(command: readonly string[]): { words: string[]; inputs: string[] } {
  const words: string[] = [];
  const inputs: string[] = [];
  for (let i = 0; i < command.length; i++) {
    const redirection = REDIRECTION.exec(command[i]);
    if (!redirection) {
      words.push(command[i]);
      continue;
    }
    const [, operator, attached] = redirection;
    const target = attached === '' ? command[++i] : attached;
    if ((operator === '<' || operator === '<>') && target !== undefined) inputs.push(target);
  }
  return { words, inputs };
}

/**
 * What a simple command runs: past shell keywords and assignments, and past the wrappers (env,
 * exec, time, …) with their options, env's assignments and the words of `env -S`.
 */
function invocationOf(command: readonly string[], stage: Stage): Invocation {
  let words = wordsFrom(command, (word) => !SHELL_KEYWORDS.has(word) && !isAssignment(word));
  let movesDirectory = false;
  for (;;) {
    const name = words.length > 0 ? programName(words[0], stage) : undefined;
    const wrapper = name === undefined ? undefined : WRAPPERS.get(name);
    if (wrapper === undefined) return { words, movesDirectory, followed: true };
    const read = readOptions(words.slice(1), wrapper);
    if (read === undefined) return { words, movesDirectory, followed: false };
    const given = (...names: string[]) => read.options.find(([option]) => names.includes(option));
    // `command -v`/`-V` only tell what the name is.
    if (name === 'command' && given('v', 'V')) return { words: [], movesDirectory, followed: true };
    movesDirectory ||= given('C', 'chdir') !== undefined;
    const split = given('S', 'split-string')?.[1];
    // env -S splits its value into words that env reads again, before the ones after it.
    words = split === undefined ? wordsFrom(read.rest, (word) => !isAssignment(word)) : [words[0], ...shellCommands(split).flat(), ...read.rest];
  }
}

/** `words` from the first one that `starts` accepts; none when no word does. */
function wordsFrom(words: readonly string[], starts: (word: string) => boolean): readonly string[] {
  const start = words.findIndex(starts);
  return start < 0 ? [] : words.slice(start);
}

function isAssignment(word: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*=/.test(word);
}

interface ReadOptions {
  options: [name: string, value: string | undefined][];
  /** The words after the options. */
  rest: readonly string[];
}

/**
 * The leading options of `args`, read by their shapes: `-abc` clusters, `-ovalue`, `--name=value`,
 * `--name value`, up to the first other word or `--`. Undefined at an option of unknown shape,
 * which may take the next word as its value.
 */
function readOptions(args: readonly string[], known: OptionShapes): ReadOptions | undefined {
  const options: ReadOptions['options'] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') return { options, rest: args.slice(i + 1) };
    if (!arg.startsWith('-')) break;
    if (arg === '-' || !arg.startsWith('--')) {
      const letters = arg === '-' ? ['-'] : [...arg.slice(1)];
      for (const [at, letter] of letters.entries()) {
        if (known.values.has(letter)) {
          const inline = letters.slice(at + 1).join('');
          options.push([letter, inline === '' ? args[++i] : inline]);
          break;
        }
        if (!known.flags.has(letter)) return undefined;
        options.push([letter, undefined]);
      }
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (known.values.has(name)) options.push([name, inline ?? args[++i]]);
    else if (known.flags.has(name)) options.push([name, inline]);
    else return undefined;
  }
  return { options, rest: args.slice(i) };
}

/** `sh -c STRING` runs STRING as a command line; `sh FILE` runs a script; `sh` and `sh -s` run what they read from their input. */
function readShell(words: readonly string[], run: Run): void {
  const read = readOptions(words.slice(1), SHELL_OPTIONS);
  if (read === undefined) return noteCommand(run, words);
  const given = (letter: string) => read.options.some(([option]) => option === letter);
  const [operand] = read.rest;
  if (operand === undefined) return;
  if (given('c')) readCommandLine(operand, run);
  else if (!given('s')) noteCommand(run, words);
}

/** `moved`: why the build runs in a directory other than the stage's, if it does. */
function goBuild(line: number, args: string[], stage: Stage, moved: string | undefined): GoBuildCommand {
  const positionals: string[] = [];
  let mod: string | undefined;
  let directory: Workdir = stage;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2);
    const value = inline ?? (GO_BUILD_VALUE_FLAGS.has(name) ? args[++i] : undefined);
    if (name === 'mod') mod = value;
    // Without a value (go refuses it) the directory is as unknown as with a variable.
    if (name === 'C' && directory.workdir !== undefined) directory = movedTo(directory, value ?? '$');
  }
  const unreadable = (reason: string): GoBuildCommand => ({ line, packages: undefined, unreadable: reason, mod });
  if (moved !== undefined) return unreadable(moved);
  if (directory.workdir === undefined) return unreadable(directory.unknownWorkdir ?? VARIABLE_WORKDIR);
  const packages: string[] = [];
  for (const positional of positionals.length > 0 ? positionals : ['.']) {
    if (positional.includes('$') || positional.includes('...')) return unreadable(`the package \`${positional}\` is not one directory`);
    if (!positional.startsWith('.') && !positional.startsWith('/')) return unreadable(`\`${positional}\` is an import path, not a directory`);
    const { workdir: path, unknownWorkdir } = movedTo(directory, positional.endsWith('.go') ? posix.dirname(positional) : positional);
    if (path === undefined) return unreadable(unknownWorkdir ?? VARIABLE_WORKDIR);
    const inContext = contextPathsOf(stage, path, line);
    if (inContext.length === 0) return unreadable(`${shown(path)} is not inside a directory copied from the context`);
    const unseen = stage.copies.find((copy) => !comparable(copy, path));
    if (unseen) return unreadable(`the copy on line ${unseen.line} may have put files at ${shown(path)} too, as ${whyUnplaced(unseen)}`);
    packages.push(...inContext.map((candidate) => candidate.source));
  }
  return { line, packages: [...new Set(packages)], mod };
}

/**
 * Whether it is known where a copy lies against `path`: both are from `/`, or both relative to
 * the base image's WORKDIR. Otherwise the copy may or may not hold it.
 */
function comparable(copy: TreeCopy, path: string): copy is TreeCopy & { dest: string } {
  return copy.dest !== undefined && fromBaseWorkdir(copy.dest) === fromBaseWorkdir(path);
}

/** Why a copy's place against a path is not known. */
function whyUnplaced(copy: TreeCopy): string {
  return copy.dest === undefined ? 'its destination cannot be read without the build' : "the Dockerfile does not set the base image's WORKDIR";
}

/** Context paths that the absolute `path` of `stage` holds, through the copies from the context whose place against it is known. */
function contextPathsOf(stage: Stage, path: string, line: number): ContextSource[] {
  const found: ContextSource[] = [];
  for (const copy of stage.copies) {
    if (!comparable(copy, path)) continue;
    // A directory's content lands in dest; a file into a dest/ directory lands at dest/<name>.
    // Which one the source is shows only in the context: both are kept, the listing drops the other.
    if (copy.intoDirectory && copy.source !== '' && path === posix.join(copy.dest, posix.basename(copy.source))) {
      found.push({ source: copy.source, line });
    }
    if (path === copy.dest) found.push({ source: copy.source, line });
    else if (within(path, copy.dest)) {
      const below = path.slice(copy.dest === '/' ? 1 : copy.dest.length + 1);
      found.push({ source: copy.source === '' ? below : `${copy.source}/${below}`, line });
    }
  }
  return found;
}

function within(path: string, dir: string): boolean {
  return path.startsWith(dir === '/' ? '/' : `${dir}/`);
}

/**
 * The name a program word runs, or undefined when it is (or may be) a file of the context: a
 * path relative to the working directory, one that uses a variable, or one inside a tree
 * copied from the context.
 */
function programName(program: string, stage: Stage): string | undefined {
  if (program.includes('$')) return undefined;
  if (!program.includes('/')) return program;
  return mayBeCopied(stage, program, { unplaced: false }) ? undefined : posix.basename(program);
}

/**
 * Whether a path a command names may be a file of the context: a relative path, or an
 * absolute one inside a tree copied from it or (with `unplaced`) which a copy whose
 * destination is not known may have filled.
 */
function mayBeCopied(stage: Stage, word: string, { unplaced }: { unplaced: boolean }): boolean {
  if (!word.startsWith('/')) return true;
  const path = posix.resolve(word);
  return stage.copies.some((copy) => (comparable(copy, path) ? path === copy.dest || within(path, copy.dest) : unplaced));
}

/**
 * Whether a command may carry context files into the image other than through `go build`: it
 * is not known to read no file, in a stage holding files of the context; a known program names
 * a file that may be one of them (`cp config.yaml /etc/`, `dnf install ./tool.rpm`). `go`
 * counts as any program, but for the build (read on its own) and what leaves nothing behind.
 */
function usesContextFiles(name: string, words: readonly string[], stage: Stage): boolean {
  const names = (isFile: (word: string) => boolean) => words.slice(1).some((word) => !word.startsWith('-') && isFile(word) && mayBeCopied(stage, word, { unplaced: true }));
  if (READS_NO_FILE.has(name)) return false;
  if (PACKAGE_MANAGERS.has(name)) return names((word) => PACKAGE_FILE.test(word));
  if (DOWNLOADERS.has(name)) return names((word) => LOCAL_PATH.test(word));
  if (FILE_TOOLS.has(name)) return names(() => true);
  if (name === 'go' && GO_LEAVES_NOTHING.has(words.slice(1, words[1] === 'mod' ? 3 : 2).join(' '))) return false;
  return stage.copies.length > 0;
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

/**
 * A RUN's shell text. With here-documents, their lines as they are, each a command line (the
 * script the shell runs, or data that may be piped to one), and without their terminators.
 */
function runText(instruction: Instruction): string {
  const exec = execFormArguments(instruction);
  if (exec) return exec.map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(' ');
  const args = instruction.getArguments().map((arg) => arg.getValue());
  const documents = args.filter((arg) => arg.startsWith('<<'));
  if (documents.length === 0) return args.join(' ');
  // The shell takes the delimiter with its quotes removed: <<"EOF", <<'EOF' and <<E"O"F all end at EOF.
  const terminators = new Set(documents.map((document) => document.replace(/^<<-?/, '').replace(/["']/g, '')));
  const lines = (instruction.getRawArgumentsContent() ?? '').split('\n');
  return lines.filter((line) => !terminators.has(line.trim())).join('\n');
}

function flagValues(instruction: Instruction, name: string): string[] {
  const flags = (instruction as ModifiableInstruction).getFlags?.() ?? [];
  return flags.filter((flag) => flag.getName() === name).map((flag) => flag.getValue() ?? '');
}

function flagValue(instruction: Instruction, name: string): string | undefined {
  return flagValues(instruction, name)[0];
}
