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
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch === "'") {
            const end = text.indexOf("'", i + 1);
            const stop = end < 0 ? text.length : end;
            word = (word ?? '') + text.slice(i + 1, stop);
            i = stop;
        }
        else if (ch === '"') {
            let value = '';
            for (i++; i < text.length && text[i] !== '"'; i++)
                value += text[i] === '\\' && i + 1 < text.length ? text[++i] : text[i];
            word = (word ?? '') + value;
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

;// CONCATENATED MODULE: ./src/image-inputs/dockerfile-inputs.ts
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



/** Value-taking flags of `go build` (go help build); the others are booleans. */
const GO_BUILD_VALUE_FLAGS = new Set([
    'C', 'o', 'p', 'asmflags', 'buildmode', 'compiler', 'coverpkg', 'covermode', 'gccgoflags', 'gcflags',
    'installsuffix', 'ldflags', 'mod', 'modfile', 'overlay', 'pgo', 'pkgdir', 'tags', 'toolexec',
]);
/** Words that start a shell command without being one. */
const SHELL_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'exec', 'env', 'time']);
function readDockerfileInputs(text) {
    const found = { copies: [], fromStages: [], goBuilds: [], otherCommands: [] };
    const stages = [];
    let stage = { name: undefined, workdir: '/', copies: [] };
    for (const instruction of main.DockerfileParser.parse(text).getInstructions()) {
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
        }
        else if (keyword === 'WORKDIR') {
            const dir = argumentsOf(instruction).join(' ');
            stage.workdir = dir.includes('$') || stage.workdir === undefined ? undefined : external_node_path_.posix.resolve(stage.workdir, dir);
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
/** A COPY or ADD: context sources, or (with --from) what it takes out of a stage's copied tree. */
function readCopy(instruction, keyword, line, stage, stages, found) {
    const from = flagValue(instruction, 'from');
    const args = copyArguments(instruction);
    if (args.length < 2)
        return;
    const sources = args.slice(0, -1);
    const dest = args[args.length - 1];
    if (from !== undefined) {
        const origin = findStage(stages, from);
        if (origin)
            for (const source of sources)
                found.fromStages.push(...contextPathsOf(origin, source, line));
        return;
    }
    const local = sources.filter((source) => !(keyword === 'ADD' && /^[a-z]+:\/\/|^git@/.test(source)));
    const absoluteDest = stage.workdir === undefined || dest.includes('$') ? undefined : external_node_path_.posix.resolve(stage.workdir, dest);
    for (const source of local) {
        const contextPath = contextPathOf(source);
        found.copies.push({ source: contextPath, line });
        if (absoluteDest)
            stage.copies.push({ source: contextPath, dest: absoluteDest, intoDirectory: dest.endsWith('/') || local.length > 1 });
    }
}
/** A RUN: its bind mounts of the context, its `go build` commands, and commands that use context files. */
function readRun(instruction, line, stage, found) {
    for (const mount of flagValues(instruction, 'mount')) {
        const options = Object.fromEntries(mount.split(',').map((option) => option.split('=', 2)));
        if ((options.type ?? 'bind') === 'bind' && options.from === undefined) {
            found.copies.push({ source: contextPathOf(options.source ?? options.src ?? '.'), line });
        }
    }
    let changedDirectory = false;
    for (const command of shellCommands(runText(instruction))) {
        const start = command.findIndex((word) => !SHELL_KEYWORDS.has(word) && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word));
        const words = start < 0 ? [] : command.slice(start);
        if (words[0] === 'cd' || words[0] === 'pushd')
            changedDirectory = true;
        else if (words[0] === 'go' && (words[1] === 'build' || words[1] === 'install')) {
            found.goBuilds.push(goBuild(line, words.slice(2), stage, changedDirectory));
        }
        else if (usesContextFiles(words, stage)) {
            found.otherCommands.push({ line, command: words.join(' ') });
        }
    }
}
function goBuild(line, args, stage, afterCd) {
    const positionals = [];
    let mod;
    let directory = stage.workdir;
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (!arg.startsWith('-')) {
            positionals.push(arg);
            continue;
        }
        const [name, inlineValue] = arg.replace(/^--?/, '').split(/=(.*)/s, 2);
        const value = inlineValue ?? (GO_BUILD_VALUE_FLAGS.has(name) ? args[++i] : undefined);
        if (name === 'mod')
            mod = value;
        if (name === 'C')
            directory = directory === undefined || value === undefined ? undefined : external_node_path_.posix.resolve(directory, value);
    }
    const unreadable = (reason) => ({ line, packages: undefined, unreadable: reason, mod });
    if (afterCd)
        return unreadable('it runs after a `cd`');
    if (directory === undefined)
        return unreadable('its working directory uses a variable');
    const packages = [];
    for (const positional of positionals.length > 0 ? positionals : ['.']) {
        if (positional.includes('$') || positional.includes('...'))
            return unreadable(`the package \`${positional}\` is not one directory`);
        if (!positional.startsWith('.') && !positional.startsWith('/'))
            return unreadable(`\`${positional}\` is an import path, not a directory`);
        const absolute = external_node_path_.posix.resolve(directory, positional.endsWith('.go') ? external_node_path_.posix.dirname(positional) : positional);
        const inContext = contextPathsOf(stage, absolute, line);
        if (inContext.length === 0)
            return unreadable(`${absolute} is not inside a directory copied from the context`);
        packages.push(...inContext.map((candidate) => candidate.source));
    }
    return { line, packages: [...new Set(packages)], mod };
}
/** Context paths that the absolute `path` of `stage` holds, through its copies from the context. */
function contextPathsOf(stage, path, line) {
    const absolute = external_node_path_.posix.resolve('/', path);
    const found = [];
    for (const copy of stage.copies) {
        // A directory's content lands in dest; a file into a dest/ directory lands at dest/<name>.
        // Which one the source is shows only in the context: both are kept, the listing drops the other.
        if (copy.intoDirectory && copy.source !== '' && absolute === external_node_path_.posix.join(copy.dest, external_node_path_.posix.basename(copy.source))) {
            found.push({ source: copy.source, line });
        }
        if (absolute === copy.dest)
            found.push({ source: copy.source, line });
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
function usesContextFiles(words, stage) {
    const [program, first] = words;
    if (program === undefined)
        return false;
    if (program === 'make' || program === 'task' || program.startsWith('./') || /^[^/$-][^\s]*\.(sh|py|pl|rb)$/.test(program))
        return true;
    if (program === 'go')
        return first === 'generate' || first === 'run' || first === 'tool';
    if (program === 'sh' || program === 'bash')
        return first !== undefined && !first.startsWith('-');
    if (!FILE_TOOLS.has(program))
        return false;
    return words.slice(1).some((word) => !word.startsWith('-') && (!word.startsWith('/') || stage.copies.some((copy) => word === copy.dest || word.startsWith(`${copy.dest}/`))));
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
function runText(instruction) {
    const exec = execFormArguments(instruction);
    if (exec)
        return exec.map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(' ');
    return instruction.getArguments().map((arg) => arg.getValue()).join(' ');
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
