export const id = 337;
export const ids = [337];
export const modules = {

/***/ 67337:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readDockerfileInputs: () => (/* binding */ readDockerfileInputs)
});

// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __webpack_require__(78390);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/image-inputs/shell-words.ts
/**
 * Splits the text of a shell RUN step into its simple commands, as words: enough to find which
 * programs it runs and with which arguments, never to run it. Quotes group words ('…' literal,
 * "…" with backslash escapes); `;`, `&&`, `||`, `|`, `&`, newlines and parentheses end a command.
 * A command substitution inside a word (`` `…` ``, or `$(…)` in double quotes) runs too: its
 * commands come before the one holding it, which keeps the substitution's text in its word.
 */
const SEPARATORS = new Set([';', '&', '|', '(', ')', '\n']);
function shellCommands(text) {
    const commands = [];
    let words = [];
    let word;
    const endWord = () => {
        if (word !== undefined)
            words.push(word);
        word = undefined;
    };
    const endCommand = () => {
        endWord();
        if (words.length > 0)
            commands.push(words);
        words = [];
    };
    /** Lists the commands of the substitution at `i` and keeps its text in the word; returns where it ends. */
    const substitute = (i, { inner, end }) => {
        commands.push(...shellCommands(inner));
        word = (word ?? '') + text.slice(i, end + 1);
        return end;
    };
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        const backquoted = ch === '`' ? substitutionAt(text, i) : undefined;
        if (backquoted)
            i = substitute(i, backquoted);
        else if (ch === "'") {
            const end = text.indexOf("'", i + 1);
            const stop = end < 0 ? text.length : end;
            word = (word ?? '') + text.slice(i + 1, stop);
            i = stop;
        }
        else if (ch === '"') {
            word ??= '';
            for (i++; i < text.length && text[i] !== '"'; i++) {
                const substitution = substitutionAt(text, i);
                if (substitution)
                    i = substitute(i, substitution);
                else
                    word += text[i] === '\\' && i + 1 < text.length ? text[++i] : text[i];
            }
        }
        else if (ch === '\\' && i + 1 < text.length) {
            word = (word ?? '') + text[++i];
        }
        else if (SEPARATORS.has(ch))
            endCommand();
        else if (/\s/.test(ch))
            endWord();
        else
            word = (word ?? '') + ch;
    }
    endCommand();
    return commands;
}
/** The command substitution starting at `i`, `` `…` `` or `$(…)`; one not closed runs to the end of the text. */
function substitutionAt(text, i) {
    if (text[i] === '`') {
        const close = text.indexOf('`', i + 1);
        const end = close < 0 ? text.length - 1 : close;
        return { inner: text.slice(i + 1, close < 0 ? text.length : close), end };
    }
    if (!text.startsWith('$(', i))
        return undefined;
    let depth = 0;
    for (let j = i + 1; j < text.length; j++) {
        if (text[j] === '(')
            depth++;
        else if (text[j] === ')' && --depth === 0)
            return { inner: text.slice(i + 2, j), end: j };
    }
    return { inner: text.slice(i + 2), end: text.length - 1 };
}

;// CONCATENATED MODULE: ./src/image-inputs/dockerfile-inputs.ts
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
const shapes = (values, flags) => ({ values: new Set(values.split(' ')), flags: new Set(flags.split(' ')) });
/** Programs that run the command after their options (GNU coreutils and bash builtins). */
const WRAPPERS = new Map([
    ['env', shapes('u C S unset chdir split-string', 'i 0 v - ignore-environment null debug default-signal ignore-signal block-signal list-signal-handling')],
    ['exec', shapes('a', 'c l')],
    ['time', shapes('f o format output', 'p a v q append verbose portability quiet')],
    ['nice', shapes('n adjustment', '0 1 2 3 4 5 6 7 8 9')],
    ['nohup', shapes('', '')],
    ['command', shapes('', 'p v V')],
]);
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);
/** Invocation options of sh and bash; `-` ends them, as `--` does. */
const SHELL_OPTIONS = shapes('o O rcfile init-file', 'a b c e f h i k l m n p r s t u v x B C D E H P T - login noprofile norc posix restricted verbose noediting debugger');
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
function readDockerfileInputs(text) {
    const found = { copies: [], fromStages: [], goBuilds: [], otherCommands: [] };
    const stages = [];
    let stage = { name: undefined, workdir: '/', unknownWorkdir: undefined, copies: [] };
    for (const instruction of main.DockerfileParser.parse(text).getInstructions()) {
        const line = instruction.getRange().start.line + 1;
        const keyword = instruction.getKeyword();
        if (keyword === 'FROM') {
            stage = stageFrom(argumentsOf(instruction), stages);
            stages.push(stage);
        }
        else if (keyword === 'WORKDIR') {
            Object.assign(stage, movedTo(stage, argumentsOf(instruction).join(' ')));
        }
        else if (keyword === 'COPY' || keyword === 'ADD') {
            readCopy(instruction, keyword, line, stage, stages, found);
        }
        else if (keyword === 'RUN') {
            readRun(instruction, line, stage, found);
        }
    }
    return found;
}
/** A stage starts where its base stage was, or in its image's WORKDIR: `scratch` has none, so `/`. */
function stageFrom(args, stages) {
    const base = findStage(stages, args[0]);
    const start = base ?? { workdir: args[0] === 'scratch' ? '/' : BASE_WORKDIR, unknownWorkdir: undefined };
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
function movedTo(from, dir) {
    if (dir.includes('$'))
        return { workdir: undefined, unknownWorkdir: VARIABLE_WORKDIR };
    if (external_node_path_.posix.isAbsolute(dir))
        return { workdir: external_node_path_.posix.resolve(dir), unknownWorkdir: undefined };
    if (from.workdir === undefined)
        return from;
    const workdir = external_node_path_.posix.resolve(from.workdir, dir);
    if (fromBaseWorkdir(from.workdir) && !fromBaseWorkdir(workdir))
        return { workdir: undefined, unknownWorkdir: ABOVE_BASE_WORKDIR };
    return { workdir, unknownWorkdir: undefined };
}
function fromBaseWorkdir(path) {
    return path === BASE_WORKDIR || path.startsWith(`${BASE_WORKDIR}/`);
}
/** A path as a message shows it: one relative to the base image's WORKDIR without the leading `/`. */
function shown(path) {
    return fromBaseWorkdir(path) ? path.slice(1) : path;
}
/** A COPY or ADD: context sources, or (with --from) what it takes out of a stage's copied tree. */
function readCopy(instruction, keyword, line, stage, stages, found) {
    const from = flagValue(instruction, 'from');
    const args = copyArguments(instruction);
    if (args.length < 2)
        return;
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
function takenFrom(origin, source, line) {
    const path = external_node_path_.posix.resolve('/', source);
    const variable = source.includes('$');
    const unseen = origin.copies.filter((copy) => variable || !comparable(copy, path));
    return [
        ...(variable ? [] : contextPathsOf(origin, path, line)),
        ...unseen.map((copy) => ({ source: copy.source, line, note: `the copy on line ${copy.line} may have put it there, as ${variable ? 'the path uses a variable' : whyUnplaced(copy)}` })),
    ];
}
/** A RUN: its bind mounts of the context, its `go build` commands, and commands that use context files. */
function readRun(instruction, line, stage, found) {
    const mounted = [];
    for (const mount of flagValues(instruction, 'mount')) {
        const options = Object.fromEntries(mount.split(',').map((option) => option.split('=', 2)));
        if ((options.type ?? 'bind') === 'bind' && options.from === undefined) {
            const source = contextPathOf(options.source ?? options.src ?? '.');
            found.copies.push({ source, line });
            // The step's commands see the mounted context as if it were copied there.
            const target = options.target ?? options.dst ?? options.destination;
            mounted.push({ source, dest: target === undefined ? undefined : movedTo(stage, target).workdir, intoDirectory: false, line });
        }
    }
    const run = { line, stage: { ...stage, copies: [...stage.copies, ...mounted] }, found, changedDirectory: false };
    readCommandLine(runText(instruction), run);
}
function readCommandLine(text, run) {
    for (const command of shellCommands(text))
        readCommand(command, run);
}
function readCommand(command, run) {
    const { words: plain, inputs } = withoutRedirections(command);
    if (inputs.some((path) => mayBeCopied(run.stage, path, { unplaced: true })))
        return noteCommand(run, command);
    const { words, movesDirectory, followed } = invocationOf(plain, run.stage);
    if (words.length === 0)
        return;
    const name = followed ? programName(words[0], run.stage) : undefined;
    if (name === undefined)
        noteCommand(run, words);
    else if (name === 'cd' || name === 'pushd')
        run.changedDirectory = true;
    else if (name === 'go' && (words[1] === 'build' || words[1] === 'install')) {
        const moved = run.changedDirectory ? 'it runs after a `cd`' : movesDirectory ? 'it runs in the directory of `env -C`' : undefined;
        run.found.goBuilds.push(goBuild(run.line, words.slice(2), run.stage, moved));
    }
    else if (SHELLS.has(name))
        readShell(words, run);
    else if (usesContextFiles(name, words, run.stage))
        noteCommand(run, words);
}
function noteCommand(run, words) {
    run.found.otherCommands.push({ line: run.line, command: words.join(' ') });
}
/**
 * A command's words without its redirections, and the files its input redirections (`< file`)
 * read. A here-document (`<<EOF`, whose lines are commands of their own) or here-string reads none.
 */
function withoutRedirections(command) {
    const words = [];
    const inputs = [];
    for (let i = 0; i < command.length; i++) {
        const redirection = REDIRECTION.exec(command[i]);
        if (!redirection) {
            words.push(command[i]);
            continue;
        }
        const [, operator, attached] = redirection;
        const target = attached === '' ? command[++i] : attached;
        if ((operator === '<' || operator === '<>') && target !== undefined)
            inputs.push(target);
    }
    return { words, inputs };
}
/**
 * What a simple command runs: past shell keywords and assignments, and past the wrappers (env,
 * exec, time, …) with their options, env's assignments and the words of `env -S`.
 */
function invocationOf(command, stage) {
    let words = wordsFrom(command, (word) => !SHELL_KEYWORDS.has(word) && !isAssignment(word));
    let movesDirectory = false;
    for (;;) {
        const name = words.length > 0 ? programName(words[0], stage) : undefined;
        const wrapper = name === undefined ? undefined : WRAPPERS.get(name);
        if (wrapper === undefined)
            return { words, movesDirectory, followed: true };
        const read = readOptions(words.slice(1), wrapper);
        if (read === undefined)
            return { words, movesDirectory, followed: false };
        const given = (...names) => read.options.find(([option]) => names.includes(option));
        // `command -v`/`-V` only tell what the name is.
        if (name === 'command' && given('v', 'V'))
            return { words: [], movesDirectory, followed: true };
        movesDirectory ||= given('C', 'chdir') !== undefined;
        const split = given('S', 'split-string')?.[1];
        // env -S splits its value into words that env reads again, before the ones after it.
        words = split === undefined ? wordsFrom(read.rest, (word) => !isAssignment(word)) : [words[0], ...shellCommands(split).flat(), ...read.rest];
    }
}
/** `words` from the first one that `starts` accepts; none when no word does. */
function wordsFrom(words, starts) {
    const start = words.findIndex(starts);
    return start < 0 ? [] : words.slice(start);
}
function isAssignment(word) {
    return /^[A-Za-z_][A-Za-z0-9_]*=/.test(word);
}
/**
 * The leading options of `args`, read by their shapes: `-abc` clusters, `-ovalue`, `--name=value`,
 * `--name value`, up to the first other word or `--`. Undefined at an option of unknown shape,
 * which may take the next word as its value.
 */
function readOptions(args, known) {
    const options = [];
    let i = 0;
    for (; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--')
            return { options, rest: args.slice(i + 1) };
        if (!arg.startsWith('-'))
            break;
        if (arg === '-' || !arg.startsWith('--')) {
            const letters = arg === '-' ? ['-'] : [...arg.slice(1)];
            for (const [at, letter] of letters.entries()) {
                if (known.values.has(letter)) {
                    const inline = letters.slice(at + 1).join('');
                    options.push([letter, inline === '' ? args[++i] : inline]);
                    break;
                }
                if (!known.flags.has(letter))
                    return undefined;
                options.push([letter, undefined]);
            }
            continue;
        }
        const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
        if (known.values.has(name))
            options.push([name, inline ?? args[++i]]);
        else if (known.flags.has(name))
            options.push([name, inline]);
        else
            return undefined;
    }
    return { options, rest: args.slice(i) };
}
/** `sh -c STRING` runs STRING as a command line; `sh FILE` runs a script; `sh` and `sh -s` run what they read from their input. */
function readShell(words, run) {
    const read = readOptions(words.slice(1), SHELL_OPTIONS);
    if (read === undefined)
        return noteCommand(run, words);
    const given = (letter) => read.options.some(([option]) => option === letter);
    const [operand] = read.rest;
    if (operand === undefined)
        return;
    if (given('c'))
        readCommandLine(operand, run);
    else if (!given('s'))
        noteCommand(run, words);
}
/** `moved`: why the build runs in a directory other than the stage's, if it does. */
function goBuild(line, args, stage, moved) {
    const positionals = [];
    let mod;
    let directory = stage;
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (!arg.startsWith('-')) {
            positionals.push(arg);
            continue;
        }
        const [name, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2);
        const value = inline ?? (GO_BUILD_VALUE_FLAGS.has(name) ? args[++i] : undefined);
        if (name === 'mod')
            mod = value;
        // Without a value (go refuses it) the directory is as unknown as with a variable.
        if (name === 'C' && directory.workdir !== undefined)
            directory = movedTo(directory, value ?? '$');
    }
    const unreadable = (reason) => ({ line, packages: undefined, unreadable: reason, mod });
    if (moved !== undefined)
        return unreadable(moved);
    if (directory.workdir === undefined)
        return unreadable(directory.unknownWorkdir ?? VARIABLE_WORKDIR);
    const packages = [];
    for (const positional of positionals.length > 0 ? positionals : ['.']) {
        if (positional.includes('$') || positional.includes('...'))
            return unreadable(`the package \`${positional}\` is not one directory`);
        if (!positional.startsWith('.') && !positional.startsWith('/'))
            return unreadable(`\`${positional}\` is an import path, not a directory`);
        const { workdir: path, unknownWorkdir } = movedTo(directory, positional.endsWith('.go') ? external_node_path_.posix.dirname(positional) : positional);
        if (path === undefined)
            return unreadable(unknownWorkdir ?? VARIABLE_WORKDIR);
        const inContext = contextPathsOf(stage, path, line);
        if (inContext.length === 0)
            return unreadable(`${shown(path)} is not inside a directory copied from the context`);
        const unseen = stage.copies.find((copy) => !comparable(copy, path));
        if (unseen)
            return unreadable(`the copy on line ${unseen.line} may have put files at ${shown(path)} too, as ${whyUnplaced(unseen)}`);
        packages.push(...inContext.map((candidate) => candidate.source));
    }
    return { line, packages: [...new Set(packages)], mod };
}
/**
 * Whether it is known where a copy lies against `path`: both are from `/`, or both relative to
 * the base image's WORKDIR. Otherwise the copy may or may not hold it.
 */
function comparable(copy, path) {
    return copy.dest !== undefined && fromBaseWorkdir(copy.dest) === fromBaseWorkdir(path);
}
/** Why a copy's place against a path is not known. */
function whyUnplaced(copy) {
    return copy.dest === undefined ? 'its destination cannot be read without the build' : "the Dockerfile does not set the base image's WORKDIR";
}
/** Context paths that the absolute `path` of `stage` holds, through the copies from the context whose place against it is known. */
function contextPathsOf(stage, path, line) {
    const found = [];
    for (const copy of stage.copies) {
        if (!comparable(copy, path))
            continue;
        // A directory's content lands in dest; a file into a dest/ directory lands at dest/<name>.
        // Which one the source is shows only in the context: both are kept, the listing drops the other.
        if (copy.intoDirectory && copy.source !== '' && path === external_node_path_.posix.join(copy.dest, external_node_path_.posix.basename(copy.source))) {
            found.push({ source: copy.source, line });
        }
        if (path === copy.dest)
            found.push({ source: copy.source, line });
        else if (within(path, copy.dest)) {
            const below = path.slice(copy.dest === '/' ? 1 : copy.dest.length + 1);
            found.push({ source: copy.source === '' ? below : `${copy.source}/${below}`, line });
        }
    }
    return found;
}
function within(path, dir) {
    return path.startsWith(dir === '/' ? '/' : `${dir}/`);
}
/**
 * The name a program word runs, or undefined when it is (or may be) a file of the context: a
 * path relative to the working directory, one that uses a variable, or one inside a tree
 * copied from the context.
 */
function programName(program, stage) {
    if (program.includes('$'))
        return undefined;
    if (!program.includes('/'))
        return program;
    return mayBeCopied(stage, program, { unplaced: false }) ? undefined : external_node_path_.posix.basename(program);
}
/**
 * Whether a path a command names may be a file of the context: a relative path, or an
 * absolute one inside a tree copied from it or (with `unplaced`) which a copy whose
 * destination is not known may have filled.
 */
function mayBeCopied(stage, word, { unplaced }) {
    if (!word.startsWith('/'))
        return true;
    const path = external_node_path_.posix.resolve(word);
    return stage.copies.some((copy) => (comparable(copy, path) ? path === copy.dest || within(path, copy.dest) : unplaced));
}
/**
 * Whether a command may carry context files into the image other than through `go build`: it
 * is not known to read no file, in a stage holding files of the context; a known program names
 * a file that may be one of them (`cp config.yaml /etc/`, `dnf install ./tool.rpm`). `go`
 * counts as any program, but for the build (read on its own) and what leaves nothing behind.
 */
function usesContextFiles(name, words, stage) {
    const names = (isFile) => words.slice(1).some((word) => !word.startsWith('-') && isFile(word) && mayBeCopied(stage, word, { unplaced: true }));
    if (READS_NO_FILE.has(name))
        return false;
    if (PACKAGE_MANAGERS.has(name))
        return names((word) => PACKAGE_FILE.test(word));
    if (DOWNLOADERS.has(name))
        return names((word) => LOCAL_PATH.test(word));
    if (FILE_TOOLS.has(name))
        return names(() => true);
    if (name === 'go' && GO_LEAVES_NOTHING.has(words.slice(1, words[1] === 'mod' ? 3 : 2).join(' ')))
        return false;
    return stage.copies.length > 0;
}
function findStage(stages, reference) {
    if (reference === undefined)
        return undefined;
    if (/^\d+$/.test(reference))
        return stages[Number(reference)];
    return stages.find((stage) => stage.name?.toLowerCase() === reference.toLowerCase());
}
/** A COPY source as a context path: leading `/` and `./` dropped, normalised; a variable means the whole context. */
function contextPathOf(source) {
    if (source.includes('$'))
        return '';
    const normal = external_node_path_.posix.normalize(`/${source}`).slice(1).replace(/\/$/, '');
    return normal;
}
function argumentsOf(instruction) {
    return execFormArguments(instruction) ?? instruction.getArguments().map((arg) => arg.getValue());
}
/**
 * The strings of an exec-form (JSON) instruction, read as JSON from the Dockerfile's text, since
 * dockerfile-ast's own values drop spaces and escapes (`"a b"` reads `ab`). Undefined for the
 * shell form, and when a string is not valid JSON (or goes on past a line continuation), which
 * Docker reads as shell form too.
 */
function execFormArguments(instruction) {
    const strings = instruction.getJSONStrings?.() ?? [];
    if (strings.length === 0)
        return undefined;
    const lines = instruction.getTextContent().split('\n');
    const first = instruction.getRange().start;
    const values = [];
    for (const string of strings) {
        const { start, end } = string.getRange();
        const column = start.line === first.line ? first.character : 0;
        try {
            values.push(JSON.parse(lines[start.line - first.line].slice(start.character - column, end.character - column)));
        }
        catch {
            return undefined;
        }
    }
    return values;
}
/** A COPY's sources and destination; with here-documents, the words of its first line that are not one. */
function copyArguments(instruction) {
    const args = argumentsOf(instruction);
    if (!args.some((arg) => arg.startsWith('<<')))
        return args;
    const [firstLine] = (instruction.getRawArgumentsContent() ?? '').split('\n');
    return firstLine.split(/\s+/).filter((word) => word !== '' && !word.startsWith('--') && !word.startsWith('<<'));
}
/**
 * A RUN's shell text. With here-documents, their lines as they are, each a command line (the
 * script the shell runs, or data that may be piped to one), and without their terminators.
 */
function runText(instruction) {
    const exec = execFormArguments(instruction);
    if (exec)
        return exec.map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(' ');
    const args = instruction.getArguments().map((arg) => arg.getValue());
    const documents = args.filter((arg) => arg.startsWith('<<'));
    if (documents.length === 0)
        return args.join(' ');
    // The shell takes the delimiter with its quotes removed: <<"EOF", <<'EOF' and <<E"O"F all end at EOF.
    const terminators = new Set(documents.map((document) => document.replace(/^<<-?/, '').replace(/["']/g, '')));
    const lines = (instruction.getRawArgumentsContent() ?? '').split('\n');
    return lines.filter((line) => !terminators.has(line.trim())).join('\n');
}
function flagValues(instruction, name) {
    const flags = instruction.getFlags?.() ?? [];
    return flags.filter((flag) => flag.getName() === name).map((flag) => flag.getValue() ?? '');
}
function flagValue(instruction, name) {
    return flagValues(instruction, name)[0];
}


/***/ })

};
