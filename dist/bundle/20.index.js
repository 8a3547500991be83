export const id = 20;
export const ids = [20];
export const modules = {

/***/ 9816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ ContextFiles),
/* harmony export */   s: () => (/* binding */ sha256)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _go_source_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70465);
/**
 * Reads the files of one context listing, each at most once: the content digest that the hash
 * needs and, for Go sources, what the import closure needs come from the same read. Images that
 * share a context share one of these, so a file in several closures is read once.
 */



const READ_BUFFER_BYTES = 256 * 1024;
class ContextFiles {
    dir;
    digests = new Map();
    goFiles = new Map();
    buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
    /** `dir`: the absolute context directory the listing's paths are relative to. */
    constructor(dir) {
        this.dir = dir;
    }
    /** sha256 (hex) of a file's bytes. */
    digest(entry) {
        const known = this.digests.get(entry.path);
        if (known !== undefined)
            return known;
        const digest = this.streamDigest(entry);
        this.digests.set(entry.path, digest);
        return digest;
    }
    goFile(entry) {
        const known = this.goFiles.get(entry.path);
        if (known)
            return known;
        const bytes = this.whole(entry);
        const info = (0,_go_source_js__WEBPACK_IMPORTED_MODULE_2__/* .parseGoFile */ .y)(entry.path, bytes.toString('utf8'));
        this.goFiles.set(entry.path, info);
        this.digests.set(entry.path, sha256(bytes));
        return info;
    }
    text(entry) {
        return this.whole(entry).toString('utf8');
    }
    absolute(entry) {
        return `${this.dir}/${entry.path}`; // listing paths are clean, no join needed
    }
    /** The file's bytes: in the shared buffer when they fit in one read (valid until the next read). */
    whole(entry) {
        return this.read(entry, (bytes) => bytes, (chunks) => Buffer.concat(Array.from(chunks, (chunk) => Buffer.from(chunk))));
    }
    /** sha256 of the file, streamed in buffer-sized reads: memory stays bounded whatever its size. */
    streamDigest(entry) {
        return this.read(entry, sha256, (chunks) => {
            const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
            for (const chunk of chunks)
                hash.update(chunk);
            return hash.digest('hex');
        });
    }
    /**
     * Reads a file into the shared buffer: no allocation and no size query per file, since the
     * listing knows the size. A short read that completes the listed size is the end, so most files
     * take one read and go to `inOneRead`; a bigger one (or one that grew since the listing) goes to
     * `inChunks` chunk by chunk, each chunk valid until the next is read.
     */
    read(entry, inOneRead, inChunks) {
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(this.absolute(entry), 'r');
        try {
            const buffer = this.buffer;
            const first = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buffer);
            if (first < buffer.length && first >= entry.size)
                return inOneRead(buffer.subarray(0, first));
            return inChunks((function* () {
                yield buffer.subarray(0, first);
                for (let read = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buffer); read > 0; read = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buffer))
                    yield buffer.subarray(0, read);
            })());
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        }
    }
}
function sha256(bytes) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.hash)('sha256', bytes);
}


/***/ }),

/***/ 60011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ ContextIndex),
/* harmony export */   g: () => (/* binding */ parentOf)
/* harmony export */ });
class ContextIndex {
    entries;
    byPath = new Map();
    children = new Map();
    /** `entries`: sorted with byCodeUnit, as listContext returns them. */
    constructor(entries) {
        this.entries = entries;
        for (const entry of entries) {
            this.byPath.set(entry.path, entry);
            const dir = parentOf(entry.path);
            const siblings = this.children.get(dir);
            if (siblings)
                siblings.push(entry);
            else
                this.children.set(dir, [entry]);
        }
    }
    get(path) {
        return this.byPath.get(path);
    }
    /** A listed file (or link), a directory with something below it, or undefined. */
    kindOf(path) {
        if (this.byPath.has(path))
            return 'file';
        return this.below(path).length > 0 ? 'directory' : undefined;
    }
    /** Entries directly in `dir` ('' for the context's root). */
    filesIn(dir) {
        return this.children.get(dir) ?? [];
    }
    /** Every entry below `dir` ('' for all), in listing order. */
    below(dir) {
        if (dir === '')
            return this.entries;
        const prefix = `${dir}/`;
        let low = 0;
        let high = this.entries.length;
        while (low < high) {
            const mid = (low + high) >>> 1;
            if (this.entries[mid].path < prefix)
                low = mid + 1;
            else
                high = mid;
        }
        let end = low;
        while (end < this.entries.length && this.entries[end].path.startsWith(prefix))
            end++;
        return this.entries.slice(low, end);
    }
}
/** The directory part of a context path: '' for a file at the root. */
function parentOf(path) {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? '' : path.slice(0, slash);
}


/***/ }),

/***/ 42014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ byCodeUnit),
/* harmony export */   Yr: () => (/* binding */ listContext)
/* harmony export */ });
/* unused harmony export ContextNotFoundError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _dockerignore_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2523);
/* harmony import */ var _slices_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76270);
/**
 * The files of a build context as the engine receives them: walked from the context directory,
 * filtered by the ignore file in effect, never entering a directory that is excluded unless an
 * `!` exception could re-include something below it.
 *
 * Empty directories are left out: git cannot hold them, so counting them would give the same
 * commit different contents on a fresh checkout and on a working copy that has one lying around.
 */




class ContextNotFoundError extends Error {
    image;
    context;
    constructor(image, context) {
        super(`image '${image}': the build context '${context}' is not a directory in the repository; check images.${image}.context`);
        this.image = image;
        this.context = context;
        this.name = 'ContextNotFoundError';
    }
}
/**
 * Lists the context of `image` (paths relative to the repository root, as in ImagePlan).
 * Synchronous file calls in time slices: see slices.ts for why. `rules`: instead of the ignore
 * file in effect, for a listing that no engine receives (the files `go` itself reads).
 */
async function listContext(repoRoot, image, slices = new _slices_js__WEBPACK_IMPORTED_MODULE_3__/* .TimeSlices */ .L(), rules) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(repoRoot, image.context);
    if (!isDirectory(dir))
        throw new ContextNotFoundError(image.name, image.context);
    rules ??= await (0,_dockerignore_js__WEBPACK_IMPORTED_MODULE_2__/* .loadIgnoreRules */ .ej)(repoRoot, image.context, image.dockerfile);
    const entries = [];
    const pending = [''];
    for (let relativeDir = pending.pop(); relativeDir !== undefined; relativeDir = pending.pop()) {
        for (const dirent of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, relativeDir), { withFileTypes: true })) {
            const path = relativeDir === '' ? dirent.name : `${relativeDir}/${dirent.name}`;
            const excluded = rules.excludes(path);
            if (dirent.isDirectory()) {
                if (!excluded || rules.mayReincludeBelow(path))
                    pending.push(path);
            }
            else if (!excluded && !dirent.isSocket()) {
                // Sockets are skipped as docker's archiver skips them.
                entries.push(describe(dir, path, dirent));
            }
        }
        if (slices.due())
            await slices.release();
    }
    entries.sort((a, b) => byCodeUnit(a.path, b.path));
    const bytes = entries.reduce((sum, entry) => sum + entry.size, 0);
    return { dir, entries, bytes, ignoreFile: rules.file };
}
function describe(root, path, dirent) {
    const absolute = `${root}/${path}`; // built from readdir names: already clean, no join needed
    if (dirent.isSymbolicLink()) {
        // A link's own mode differs between systems (0777 on Linux, 0755 on macOS) and means nothing.
        return { path, kind: 'symlink', executable: false, size: 0, linkTarget: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(absolute) };
    }
    const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(absolute);
    const executable = (info.mode & 0o100) !== 0;
    if (dirent.isFile())
        return { path, kind: 'file', executable, size: info.size };
    return { path, kind: 'special', executable, size: 0 };
}
function isDirectory(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
/** Orders strings by UTF-16 code units: unlike localeCompare, the same order on every machine. */
function byCodeUnit(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 2523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PK: () => (/* binding */ ignoreFileInEffect),
/* harmony export */   PW: () => (/* binding */ ignoreFileCandidates),
/* harmony export */   ej: () => (/* binding */ loadIgnoreRules),
/* harmony export */   ep: () => (/* binding */ ignoreRules)
/* harmony export */ });
/* unused harmony export parseIgnoreFile */
/* harmony import */ var _balena_dockerignore__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44158);
/* harmony import */ var _balena_dockerignore__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_balena_dockerignore__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/**
 * Which files of a build context the engine receives: the ignore file in effect and its rules,
 * matched with docker's semantics (`@balena/dockerignore` follows moby's matcher).
 */



/**
 * BuildKit's rule: `<Dockerfile>.dockerignore` beside the Dockerfile, when present, replaces
 * the context's `.dockerignore` (they are not merged).
 */
function ignoreFileCandidates(context, dockerfile) {
    return [`${dockerfile}.dockerignore`, node_path__WEBPACK_IMPORTED_MODULE_2__.posix.join(context, '.dockerignore')];
}
/** Repository-relative path of the ignore file in effect for a Dockerfile and context; undefined when there is none. */
function ignoreFileInEffect(repoRoot, context, dockerfile) {
    return ignoreFileCandidates(context, dockerfile).find((candidate) => isFile((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(repoRoot, candidate)));
}
/** Reads the ignore file in effect for a Dockerfile and context (repository-relative paths). */
async function loadIgnoreRules(repoRoot, context, dockerfile) {
    const file = ignoreFileInEffect(repoRoot, context, dockerfile);
    return file === undefined ? ignoreRules([], undefined) : ignoreRules(parseIgnoreFile((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(repoRoot, file), 'utf8')), file);
}
/**
 * The patterns of an ignore file as moby reads it: a leading byte-order mark is dropped, lines
 * starting with `#` are comments (checked before trimming, as moby does), blank lines are skipped.
 */
function parseIgnoreFile(text) {
    return text
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .filter((line) => !line.startsWith('#'))
        .map((line) => line.trim())
        .filter((line) => line !== '');
}
function ignoreRules(patterns, file) {
    // Docker matches case-sensitively on Linux; the library's default is case-insensitive.
    // The package is CommonJS typed as `export default`: under NodeNext that default is `.default`.
    const matcher = _balena_dockerignore__WEBPACK_IMPORTED_MODULE_0___default()["default"]({ ignorecase: false }).add([...patterns]);
    const exceptions = patterns
        .filter((pattern) => pattern.startsWith('!'))
        .map((pattern) => segmentsOf(pattern.slice(1).trim()))
        .filter((segments) => segments.length > 0);
    return {
        file,
        excludes: (path) => matcher.ignores(path),
        mayReincludeBelow: (dir) => {
            const dirSegments = dir.split('/');
            return exceptions.some((exception) => exceptionMayMatchBelow(exception, dirSegments));
        },
    };
}
/** A pattern cleaned as moby cleans it, split into path segments. */
function segmentsOf(pattern) {
    const cleaned = node_path__WEBPACK_IMPORTED_MODULE_2__.posix.normalize(pattern).replace(/^\/+/, '').replace(/\/+$/, '');
    return cleaned === '' || cleaned === '.' ? [] : cleaned.split('/');
}
/**
 * Whether an exception could match a path below `dir`: its leading segments must match the
 * directory's. Conservative: a `**` or an unreadable segment counts as a possible match.
 */
function exceptionMayMatchBelow(exception, dirSegments) {
    for (const [index, dirSegment] of dirSegments.entries()) {
        // The exception names an ancestor of `dir`: docker applies a pattern to a path's parents too.
        if (index >= exception.length)
            return true;
        const segment = exception[index];
        if (segment.includes('**'))
            return true;
        if (!segmentMatches(segment, dirSegment))
            return false;
    }
    return true;
}
/** One path segment against one glob segment (Go's filepath.Match syntax: `*`, `?`, `[…]`, `\`). */
function segmentMatches(glob, segment) {
    let source = '';
    let inClass = false;
    for (let i = 0; i < glob.length; i++) {
        const ch = glob[i];
        if (ch === '\\' && i + 1 < glob.length)
            source += escapeRegExp(glob[++i]);
        else if (inClass) {
            source += ch;
            inClass = ch !== ']';
        }
        else if (ch === '[') {
            source += ch;
            inClass = true;
        }
        else if (ch === '*')
            source += '[^/]*';
        else if (ch === '?')
            source += '[^/]';
        else
            source += escapeRegExp(ch);
    }
    try {
        return new RegExp(`^${source}$`).test(segment);
    }
    catch {
        return true;
    }
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
function isFile(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(path).isFile();
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F: () => (/* binding */ UnresolvedInputsError),
  k: () => (/* binding */ goClosure)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/image-inputs/context-index.ts
var context_index = __webpack_require__(60011);
// EXTERNAL MODULE: ./src/image-inputs/path-glob.ts
var path_glob = __webpack_require__(17465);
;// CONCATENATED MODULE: ./src/image-inputs/go-embed.ts

class EmbedPatternError extends Error {
    pattern;
    reason;
    constructor(pattern, reason) {
        super(`//go:embed ${pattern}: ${reason}`);
        this.pattern = pattern;
        this.reason = reason;
        this.name = 'EmbedPatternError';
    }
}
/** The entries below `packageDir` that `pattern` embeds. */
function embeddedFiles(index, packageDir, pattern) {
    const all = pattern.startsWith('all:');
    const glob = all ? pattern.slice('all:'.length) : pattern;
    if (glob === '' || glob.startsWith('/') || glob.split('/').some((part) => part === '.' || part === '..' || part === '')) {
        throw new EmbedPatternError(pattern, 'not a valid embed pattern (no leading /, no empty, . or .. elements)');
    }
    const matcher = embedMatcher(pattern, glob);
    const offset = packageDir === '' ? 0 : packageDir.length + 1;
    return index.below(packageDir).filter((entry) => {
        const parts = entry.path.slice(offset).split('/');
        return (0,path_glob/* matchingPrefixLengths */.Nh)(matcher, parts).some((length) => length === parts.length || all || parts.slice(length).every((part) => !part.startsWith('.') && !part.startsWith('_')));
    });
}
function embedMatcher(pattern, glob) {
    try {
        return (0,path_glob/* globRegExp */.u9)(glob);
    }
    catch (error) {
        if (error instanceof path_glob/* GlobError */.pZ)
            throw new EmbedPatternError(pattern, error.reason);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/image-inputs/go-module.ts
/**
 * The parts of a go.mod file that decide where a module's packages live: its module path and
 * the `replace` directives. A replacement by a local directory moves a module's source into the
 * build context (or out of it); a replacement by another module version does not.
 */
class GoModError extends Error {
    file;
    line;
    reason;
    constructor(file, line, reason) {
        super(`${file}:${line}: ${reason}`);
        this.file = file;
        this.line = line;
        this.reason = reason;
        this.name = 'GoModError';
    }
}
/** Parses `text`, the go.mod at `file`; blocks `replace ( … )` and `//` comments as Go reads them. */
function parseGoMod(file, text) {
    let modulePath;
    const localReplacements = new Map();
    let block;
    text.split('\n').forEach((raw, index) => {
        const line = index + 1;
        const words = wordsOf(file, line, raw);
        if (words.length === 0)
            return;
        if (block !== undefined) {
            if (words[0] === ')')
                block = undefined;
            else if (block === 'replace')
                addReplacement(file, line, words, localReplacements);
            else if (block === 'module')
                modulePath = words[0];
            return;
        }
        const [verb, ...rest] = words;
        if (rest[0] === '(') {
            block = verb;
            return;
        }
        if (verb === 'module')
            modulePath = rest[0];
        else if (verb === 'replace')
            addReplacement(file, line, rest, localReplacements);
    });
    if (!modulePath)
        throw new GoModError(file, 1, 'no `module` directive');
    return { modulePath, localReplacements };
}
/** `old [version] => new [version]`: local when `new` starts with ./ or ../ or / (Go's rule). */
function addReplacement(file, line, words, into) {
    const arrow = words.indexOf('=>');
    if (arrow < 1 || arrow === words.length - 1)
        throw new GoModError(file, line, 'a replace directive needs `old => new`');
    const target = words[arrow + 1];
    if (/^(\.\.?\/|\/|\.\.?$)/.test(target))
        into.set(words[0], target);
}
/** Words of a line: quoted strings unquoted, `//` comments dropped. */
function wordsOf(file, line, raw) {
    const words = [];
    const pattern = /\s*(?:(\/\/.*)|"((?:[^"\\]|\\.)*)"|`([^`]*)`|(=>|[()])|([^\s()"`]+))/gy;
    let readUpTo = 0;
    for (let match = pattern.exec(raw); match !== null && match[0] !== ''; match = pattern.exec(raw)) {
        readUpTo = pattern.lastIndex;
        if (match[1] !== undefined)
            break;
        words.push(match[2] !== undefined ? unquoteGoMod(file, line, match[2]) : (match[3] ?? match[4] ?? match[5]));
    }
    const rest = raw.slice(readUpTo).trim();
    if (rest !== '')
        throw new GoModError(file, line, `cannot read \`${rest}\``);
    return words;
}
function unquoteGoMod(file, line, body) {
    try {
        return JSON.parse(`"${body}"`);
    }
    catch {
        throw new GoModError(file, line, `cannot read the string "${body}"`);
    }
}

// EXTERNAL MODULE: ./src/image-inputs/go-source.ts
var go_source = __webpack_require__(70465);
;// CONCATENATED MODULE: ./src/image-inputs/go-closure.ts
/**
 * The files a `go build` of some main packages (or the test build of some packages) reads from
 * the build context, computed from the source alone: the import closure of those packages within
 * the module (and within modules replaced by local directories, and vendor/ when it is used),
 * each package's non-test Go files (and the _test.go files of the packages under test)
 * and the files the compiler takes beside them (cgo and assembly sources, .syso objects), the
 * files their `//go:embed` patterns name, go.mod and go.sum, and a main package's default.pgo.
 *
 * Files of every GOOS/GOARCH are kept: the build's platform may select any of them, and a file
 * too many only costs a rebuild. Whatever cannot be resolved exactly (an import in the module
 * with no directory, a source that does not parse, a go.work, cgo that reaches outside its
 * directory, a local replacement outside the context) throws UnresolvedInputsError: the caller
 * then falls back to a coarser mode rather than risk a stale image.
 */





/** Files beside the Go files that `go build` compiles or links into the package. */
const COMPILED_BESIDE_GO = /\.(c|cc|cpp|cxx|h|hh|hpp|hxx|m|s|S|sx|f|F|for|f90|syso|swig|swigcxx)$/;
class UnresolvedInputsError extends Error {
    reason;
    constructor(reason) {
        super(reason);
        this.reason = reason;
        this.name = 'UnresolvedInputsError';
    }
}
function goClosure(index, reader, request) {
    const files = new Map();
    const embeds = [];
    const root = moduleRoot(index, request.mainPackages[0]);
    refuseWorkspace(index, root);
    const modules = modulesOf(index, reader, root, files);
    const vendored = request.vendorWhenPresent && index.get(join(root, 'vendor/modules.txt')) !== undefined;
    if (vendored)
        add(files, join(root, 'vendor/modules.txt'), 'vendor/modules.txt');
    if (index.get(join(root, 'go.sum')))
        add(files, join(root, 'go.sum'), 'go.sum');
    const seen = new Set();
    const tested = new Set(request.withTests ? request.mainPackages : []);
    const pending = request.mainPackages.map((dir) => ({ dir, importedAs: `main package ./${dir}` }));
    for (const main of request.mainPackages) {
        if (index.get(join(main, 'default.pgo')))
            add(files, join(main, 'default.pgo'), 'profile for -pgo=auto');
    }
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        if (seen.has(next.dir))
            continue;
        seen.add(next.dir);
        const sources = goFilesIn(index, next.dir, next.importedAs, tested.has(next.dir));
        for (const entry of index.filesIn(next.dir)) {
            if (COMPILED_BESIDE_GO.test(entry.path))
                add(files, entry.path, `compiled with package ${next.importedAs}`);
        }
        for (const entry of sources) {
            add(files, entry.path, `package in closure: ${next.importedAs}`);
            const info = parse(reader, entry);
            if (info.cgoReachesOutside) {
                throw new UnresolvedInputsError(`${entry.path}: cgo directives refer to files outside the package directory (\${SRCDIR} or #include "../")`);
            }
            for (const pattern of info.embeds) {
                go_closure_embed(index, next.dir, pattern, entry.path, files);
                embeds.push({ dir: next.dir, pattern });
            }
            for (const path of info.imports) {
                const dir = resolveImport(index, modules, root, vendored, path, entry.path);
                if (dir !== undefined && !seen.has(dir))
                    pending.push({ dir, importedAs: path });
            }
        }
    }
    return { moduleRoot: root, packages: [...seen].sort(), files, embeds };
}
/** The directory of the go.mod governing `dir`: `dir` itself or its nearest ancestor inside the context. */
function moduleRoot(index, dir) {
    for (let candidate = dir;; candidate = (0,context_index/* parentOf */.g)(candidate)) {
        if (index.get(join(candidate, 'go.mod')))
            return candidate;
        if (candidate === '')
            break;
    }
    throw new UnresolvedInputsError(`no go.mod at or above ./${dir} inside the build context`);
}
function refuseWorkspace(index, root) {
    for (let dir = root;; dir = (0,context_index/* parentOf */.g)(dir)) {
        const work = join(dir, 'go.work');
        if (index.get(work)) {
            throw new UnresolvedInputsError(`${work}: Go workspaces are not followed; leave go.work out of the context (.dockerignore) or use inputs 'dockerfile'`);
        }
        if (dir === '')
            return;
    }
}
/** The main module and the modules replaced by directories inside the context; their go.mod files are inputs. */
function modulesOf(index, reader, root, files) {
    const goModPath = join(root, 'go.mod');
    add(files, goModPath, 'go.mod');
    const goMod = readGoMod(index, reader, goModPath);
    const modules = [{ path: goMod.modulePath, dir: root }];
    for (const [path, target] of goMod.localReplacements) {
        const dir = external_node_path_.posix.normalize(join(root, target));
        if (dir === '..' || dir.startsWith('../') || external_node_path_.posix.isAbsolute(target)) {
            throw new UnresolvedInputsError(`${goModPath}: replace ${path} => ${target} points outside the build context`);
        }
        const replacedGoMod = join(dir === '.' ? '' : dir, 'go.mod');
        if (!index.get(replacedGoMod))
            throw new UnresolvedInputsError(`${goModPath}: replace ${path} => ${target}: ${replacedGoMod} is not in the build context`);
        add(files, replacedGoMod, `go.mod of ${path} (replace in ${goModPath})`);
        modules.push({ path, dir: dir === '.' ? '' : dir });
    }
    // Longest module path first: a nested module's packages belong to it, not to its parent.
    return modules.sort((a, b) => b.path.length - a.path.length);
}
function readGoMod(index, reader, path) {
    try {
        return parseGoMod(path, reader.text(index.get(path)));
    }
    catch (error) {
        if (error instanceof GoModError)
            throw new UnresolvedInputsError(error.message);
        throw error;
    }
}
/**
 * The context directory of an imported package, or undefined when the build takes it from
 * outside the context (the standard library, a module from the module cache).
 */
function resolveImport(index, modules, root, vendored, path, importer) {
    if (path === 'C')
        return undefined;
    const module = modules.find((m) => path === m.path || path.startsWith(`${m.path}/`));
    if (module) {
        const dir = join(module.dir, path.slice(module.path.length + 1));
        if (!insideNestedModule(index, module.dir, dir))
            return requirePackage(index, dir, path, importer);
    }
    if (!path.split('/')[0].includes('.') && !module)
        return undefined; // the standard library
    return vendored ? requirePackage(index, join(root, `vendor/${path}`), path, importer) : undefined;
}
function requirePackage(index, dir, path, importer) {
    if (index.below(dir).length === 0) {
        throw new UnresolvedInputsError(`${importer} imports ${path}, but ./${dir} is not in the build context`);
    }
    return dir;
}
/** True when a go.mod between the module's root (exclusive) and `dir` (inclusive) makes `dir` another module's. */
function insideNestedModule(index, moduleDir, dir) {
    for (let candidate = dir; candidate !== moduleDir && candidate !== ''; candidate = (0,context_index/* parentOf */.g)(candidate)) {
        if (index.get(join(candidate, 'go.mod')))
            return true;
    }
    return false;
}
/** The package's Go files: `go build` skips names starting with `.` or `_`, and _test.go unless it builds the tests. */
function goFilesIn(index, dir, importedAs, withTests) {
    const sources = index.filesIn(dir).filter((entry) => {
        const name = entry.path.slice(entry.path.lastIndexOf('/') + 1);
        return name.endsWith('.go') && (withTests || !name.endsWith('_test.go')) && !name.startsWith('.') && !name.startsWith('_');
    });
    if (sources.length === 0)
        throw new UnresolvedInputsError(`package ${importedAs}: no Go files in ./${dir}`);
    const linked = sources.find((entry) => entry.kind !== 'file');
    if (linked)
        throw new UnresolvedInputsError(`${linked.path} is a ${linked.kind === 'symlink' ? 'symbolic link' : 'special file'}; only regular Go files are followed`);
    return sources;
}
function parse(reader, entry) {
    try {
        return reader.goFile(entry);
    }
    catch (error) {
        if (error instanceof go_source/* GoParseError */.Q)
            throw new UnresolvedInputsError(`cannot parse ${error.message}`);
        throw error;
    }
}
function go_closure_embed(index, dir, pattern, source, files) {
    try {
        for (const entry of embeddedFiles(index, dir, pattern)) {
            add(files, entry.path, `embedded by ${source} (${pattern})`);
        }
    }
    catch (error) {
        if (error instanceof EmbedPatternError)
            throw new UnresolvedInputsError(`${source}: ${error.message}`);
        throw error;
    }
}
/** Records the first reason a file is an input. */
function add(files, path, reason) {
    if (!files.has(path))
        files.set(path, reason);
}
/** Joins context-relative paths; '' is the context's root and adds nothing (a module's root package is its directory). */
function join(dir, path) {
    return dir === '' ? path : path === '' ? dir : `${dir}/${path}`;
}


/***/ }),

/***/ 70465:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ GoParseError),
/* harmony export */   y: () => (/* binding */ parseGoFile)
/* harmony export */ });
/**
 * What one Go source file tells the build about its inputs: the packages it imports, the
 * `//go:embed` patterns it declares and whether it uses cgo. Read from the text itself, so no Go
 * toolchain is needed: the import declarations are lexed as the language defines them (line and
 * block comments, interpreted and raw strings, optional semicolons), and the whole file is
 * scanned for directive comments so that `//go:embed` inside a string or a block comment is not
 * mistaken for one.
 */
class GoParseError extends Error {
    file;
    line;
    reason;
    constructor(file, line, reason) {
        super(`${file}:${line}: ${reason}`);
        this.file = file;
        this.line = line;
        this.reason = reason;
        this.name = 'GoParseError';
    }
}
const EMBED_DIRECTIVE = /^\/\/go:embed(?:\s|$)/;
/** Parses the import declarations and directives of `text`; `file` names it in errors. */
function parseGoFile(file, text) {
    const source = text.replace(/^\uFEFF/, '');
    const imports = readImports(new Lexer(file, source));
    const cgo = imports.includes('C');
    // Most files have neither: the whole-file scan runs only where it can find something.
    const comments = cgo || source.includes('//go:embed') ? new Lexer(file, source).comments() : [];
    const embeds = comments
        .filter((comment) => EMBED_DIRECTIVE.test(comment.text))
        .flatMap((comment) => embedPatterns(file, comment.line, comment.text.slice('//go:embed'.length)));
    const cgoReachesOutside = cgo && comments.some((comment) => /\$\{SRCDIR\}|#include\s+"\.\.\//.test(comment.text));
    return { imports: [...new Set(imports)], embeds, cgo, cgoReachesOutside };
}
/** `package name;` then any number of `import` declarations, single or parenthesised. */
function readImports(lexer) {
    expectWord(lexer, 'package');
    const name = lexer.next();
    if (name?.kind !== 'word')
        throw lexer.error('expected the package name after `package`', name);
    endOfDeclaration(lexer);
    const imports = [];
    for (let token = lexer.peek(); token?.kind === 'word' && token.text === 'import'; token = lexer.peek()) {
        lexer.next();
        if (lexer.peek()?.text === '(') {
            lexer.next();
            while (lexer.peek()?.text !== ')') {
                if (lexer.peek()?.kind === 'end' || lexer.peek()?.text === ';') {
                    lexer.next();
                    continue;
                }
                imports.push(importSpec(lexer));
            }
            lexer.next();
        }
        else {
            imports.push(importSpec(lexer));
        }
        endOfDeclaration(lexer);
    }
    return imports;
}
/** `[name | . | _] "path"`. */
function importSpec(lexer) {
    let token = lexer.next();
    if (token?.kind === 'word' || token?.text === '.')
        token = lexer.next();
    if (token?.kind !== 'string')
        throw lexer.error('expected an import path string', token);
    return token.text;
}
function expectWord(lexer, word) {
    const token = lexer.next();
    if (token?.kind !== 'word' || token.text !== word)
        throw lexer.error(`expected \`${word}\``, token);
}
function endOfDeclaration(lexer) {
    const token = lexer.peek();
    if (token === undefined)
        return;
    if (token.kind === 'end' || token.text === ';')
        lexer.next();
    else
        throw lexer.error(`unexpected \`${token.text}\` after a declaration`, token);
}
/** Space-separated patterns, each bare, "interpreted" or `raw` (Go's rule for //go:embed). */
function embedPatterns(file, line, text) {
    const patterns = [];
    let rest = text.trim();
    while (rest !== '') {
        const quote = rest[0];
        if (quote === '"' || quote === '`') {
            const end = quote === '`' ? rest.indexOf('`', 1) : closingQuote(rest, '"', 0);
            if (end < 0)
                throw new GoParseError(file, line, 'unterminated string in a //go:embed pattern');
            const literal = rest.slice(0, end + 1);
            patterns.push(quote === '`' ? literal.slice(1, -1) : unquote(file, line, literal));
            rest = rest.slice(end + 1).trimStart();
        }
        else {
            const [word] = rest.split(/\s/, 1);
            patterns.push(word);
            rest = rest.slice(word.length).trimStart();
        }
    }
    return patterns;
}
/** Where the interpreted string or rune opened at `start` closes on its line, or -1. */
function closingQuote(text, quote, start) {
    for (let i = start + 1; i < text.length; i++) {
        if (text[i] === '\\')
            i++;
        else if (text[i] === '\n')
            return -1;
        else if (text[i] === quote)
            return i;
    }
    return -1;
}
/** Go's one-letter escapes in an interpreted string (`\'` is a rune's only). */
const SIMPLE_ESCAPES = new Map([
    ['a', 7],
    ['b', 8],
    ['f', 12],
    ['n', 10],
    ['r', 13],
    ['t', 9],
    ['v', 11],
    ['\\', 92],
    ['"', 34],
]);
/** Go's numeric escapes: three octal digits, or x, u or U and two, four or eight hexadecimal ones. */
const NUMERIC_ESCAPE = /^(?:[0-7]{3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})/;
/**
 * An interpreted string literal's value, as Go's strconv.Unquote gives it: `\x` and octal escapes
 * are bytes, `\u` and `\U` code points; bytes that are not UTF-8 read as U+FFFD, as when Go
 * prints them.
 */
function unquote(file, line, literal) {
    const body = literal.slice(1, -1);
    if (!body.includes('\\'))
        return body;
    const refuse = () => new GoParseError(file, line, `cannot read the string ${literal}`);
    const bytes = [];
    const encoder = new TextEncoder();
    for (let i = 0; i < body.length;) {
        const next = body.indexOf('\\', i);
        const plainEnd = next < 0 ? body.length : next;
        bytes.push(...encoder.encode(body.slice(i, plainEnd)));
        if (next < 0)
            break;
        const kind = body.charAt(next + 1);
        const simple = SIMPLE_ESCAPES.get(kind);
        if (simple !== undefined) {
            bytes.push(simple);
            i = next + 2;
            continue;
        }
        const numeric = NUMERIC_ESCAPE.exec(body.slice(next + 1))?.[0];
        if (numeric === undefined)
            throw refuse();
        i = next + 1 + numeric.length;
        if (kind === 'u' || kind === 'U') {
            const codePoint = parseInt(numeric.slice(1), 16);
            if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint < 0xe000))
                throw refuse();
            bytes.push(...encoder.encode(String.fromCodePoint(codePoint)));
        }
        else {
            const byte = kind === 'x' ? parseInt(numeric.slice(1), 16) : parseInt(numeric, 8);
            if (byte > 255)
                throw refuse();
            bytes.push(byte);
        }
    }
    return Buffer.from(bytes).toString('utf8');
}
/** Go's keywords but break, continue, fallthrough and return: a line may end on them (`package` then the name on the next line). */
const KEYWORDS_WITHOUT_SEMICOLON = new Set('case chan const default defer else for func go goto if import interface map package range select struct switch type var'.split(' '));
/** Tokens of Go's lexical grammar, as far as the import section needs them; comments collected. */
class Lexer {
    file;
    text;
    position = 0;
    line = 1;
    lastSignificant;
    peeked = null;
    constructor(file, text) {
        this.file = file;
        this.text = text;
    }
    /** An error at `token`'s line, or at the current one (a token may end the line it was on). */
    error(reason, token) {
        return new GoParseError(this.file, token?.line ?? this.line, reason);
    }
    peek() {
        if (this.peeked === null)
            this.peeked = this.read();
        return this.peeked;
    }
    next() {
        const token = this.peek();
        this.peeked = null;
        return token;
    }
    /** Every comment of the file; strings and runes are skipped whole. */
    comments() {
        const comments = [];
        while (this.position < this.text.length) {
            const comment = this.skipSpaceAndComments(comments);
            if (comment === 'newline')
                continue;
            if (this.position >= this.text.length)
                break;
            const ch = this.text[this.position];
            if (ch === '"' || ch === '`' || ch === "'")
                this.readQuoted(ch);
            else
                this.advance(1);
        }
        return comments;
    }
    read() {
        for (;;) {
            const newline = this.skipSpaceAndComments();
            if (newline === 'newline' && this.needsSemicolon()) {
                this.lastSignificant = undefined;
                return { kind: 'end', text: ';', line: this.line - 1 };
            }
            if (newline !== 'newline')
                break;
        }
        if (this.position >= this.text.length)
            return undefined;
        const line = this.line;
        const ch = this.text[this.position];
        let token;
        if (ch === '"' || ch === '`')
            token = { kind: 'string', text: this.stringValue(this.readQuoted(ch), line), line };
        else if (/[\p{L}_]/u.test(ch)) {
            const match = /^[\p{L}\p{Nd}_]+/u.exec(this.text.slice(this.position, this.position + 256));
            this.advance(match[0].length);
            token = { kind: 'word', text: match[0], line };
        }
        else {
            this.advance(1);
            token = { kind: 'punct', text: ch, line };
        }
        this.lastSignificant = token;
        return token;
    }
    /** Go inserts a semicolon at a newline after an identifier, a literal, a closing `)` or one of four keywords. */
    needsSemicolon() {
        const last = this.lastSignificant;
        if (last === undefined)
            return false;
        if (last.kind === 'word')
            return !KEYWORDS_WITHOUT_SEMICOLON.has(last.text);
        return last.kind === 'string' || last.text === ')';
    }
    /**
     * Skips blanks and comments up to the next token; returns 'newline' after consuming one
     * newline (outside a block comment without newlines), so the caller can insert a semicolon.
     */
    skipSpaceAndComments(collect) {
        while (this.position < this.text.length) {
            const ch = this.text[this.position];
            if (ch === '\n') {
                this.advance(1);
                return 'newline';
            }
            if (ch === ' ' || ch === '\t' || ch === '\r')
                this.advance(1);
            else if (this.text.startsWith('//', this.position)) {
                const end = this.text.indexOf('\n', this.position);
                const stop = end < 0 ? this.text.length : end;
                collect?.push({ text: this.text.slice(this.position, stop).replace(/\r$/, ''), line: this.line });
                this.advance(stop - this.position);
            }
            else if (this.text.startsWith('/*', this.position)) {
                const end = this.text.indexOf('*/', this.position + 2);
                if (end < 0)
                    throw this.error('unterminated block comment');
                const body = this.text.slice(this.position, end + 2);
                collect?.push({ text: body, line: this.line });
                this.advance(body.length);
                if (body.includes('\n'))
                    return 'newline';
            }
            else
                return undefined;
        }
        return undefined;
    }
    /** Skips a "…", `…` or '…' literal at the current position and returns it as written. */
    readQuoted(quote) {
        const start = this.position;
        const line = this.line;
        const end = quote === '`' ? this.text.indexOf('`', start + 1) : closingQuote(this.text, quote, start);
        if (end < 0) {
            const what = quote === '`' ? 'raw string' : `${quote === '"' ? 'string' : 'rune'} literal`;
            throw new GoParseError(this.file, line, `unterminated ${what}`);
        }
        this.advance(end + 1 - start);
        return this.text.slice(start, end + 1);
    }
    /** A string literal's value: raw strings drop carriage returns, as Go does. */
    stringValue(literal, line) {
        return literal.startsWith('`') ? literal.slice(1, -1).replace(/\r/g, '') : unquote(this.file, line, literal);
    }
    advance(count) {
        for (let i = this.position; i < this.position + count; i++)
            if (this.text.charCodeAt(i) === 10)
                this.line++;
        this.position += count;
    }
}


/***/ }),

/***/ 24020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hashImage: () => (/* binding */ hashImage)
});

// UNUSED EXPORTS: DockerfileNotFoundError, tagOf

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/image-inputs/context-report.ts
/**
 * What a build context tells before it is sent: its size, the biggest directories, content that
 * rarely belongs in an image (vendored modules, node_modules, .git, coverage output), and the
 * limit above which the build is refused before it starts (a context that large once made
 * `COPY . .` run out of memory).
 */

const MiB = 1024 * 1024;
const TOP_DIRECTORIES = 5;
class ContextTooLargeError extends Error {
    image;
    bytes;
    limitMiB;
    topDirectories;
    constructor(image, bytes, limitMiB, topDirectories, message) {
        super(message);
        this.image = image;
        this.bytes = bytes;
        this.limitMiB = limitMiB;
        this.topDirectories = topDirectories;
        this.name = 'ContextTooLargeError';
    }
}
/** First-level directories of the context by included bytes, biggest first. */
function topDirectories(entries, count = TOP_DIRECTORIES) {
    const sizes = new Map();
    for (const entry of entries) {
        const slash = entry.path.indexOf('/');
        if (slash === -1)
            continue;
        const path = entry.path.slice(0, slash + 1);
        const size = sizes.get(path) ?? { path, files: 0, bytes: 0 };
        size.files += 1;
        size.bytes += entry.size;
        sizes.set(path, size);
    }
    return [...sizes.values()].sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1)).slice(0, count);
}
/** Directory names whose content rarely belongs in an image; the outermost one found is reported. */
const SUSPECT_DIRECTORIES = [
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
const SUSPECT_FILES = [
    { test: /^(covmeta|covcounters)\./, pattern: (name) => `**/${name.slice(0, name.indexOf('.'))}.*`, what: 'coverage output' },
    { test: /^coverage[^.]*\.(html|xml|json|txt|lcov|info)$/, pattern: (name) => `**/coverage*${external_node_path_.posix.extname(name)}`, what: 'coverage output' },
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
function coverageDirectoriesWithSources(entries) {
    const withSources = new Set();
    for (const { path } of entries) {
        if (!SOURCE_FILE.test(path) || !path.includes('coverage'))
            continue;
        const segments = path.split('/');
        for (let depth = 1; depth < segments.length; depth++) {
            if (COVERAGE_DIRECTORY.test(segments[depth - 1]))
                withSources.add(`${segments.slice(0, depth).join('/')}/`);
        }
    }
    return withSources;
}
/** What suspect content `path` belongs to, with the ignore pattern that would leave it out. */
function suspectOf(path, coverageSources) {
    if (!SUSPECT_TEXT.test(path))
        return undefined;
    const segments = path.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
        const name = segments[depth - 1];
        if (FIXTURE_DIRECTORIES.has(name))
            return undefined;
        const directory = `${segments.slice(0, depth).join('/')}/`;
        const rule = SUSPECT_DIRECTORIES.find((candidate) => candidate.test(name));
        if (rule !== undefined)
            return { pattern: directory, what: rule.what };
        if (COVERAGE_DIRECTORY.test(name) && !coverageSources.has(directory))
            return { pattern: directory, what: 'coverage output' };
    }
    const name = segments[segments.length - 1];
    const rule = SUSPECT_FILES.find((candidate) => candidate.test.test(name));
    return rule === undefined ? undefined : { pattern: rule.pattern(name), what: rule.what };
}
/** Warnings about the context (each says how to fix it); throws ContextTooLargeError above the limit. */
function checkContext(facts, limits) {
    const ignoreFile = facts.ignoreFile ?? external_node_path_.posix.join(facts.context, '.dockerignore');
    const { suspects, top } = surveyContext(facts.entries);
    const size = `${formatMiB(facts.bytes)} in ${files(facts.entries.length)}`;
    const where = `the build context '${facts.context}' of image '${facts.image}'`;
    if (facts.bytes > limits.limitMiB * MiB) {
        const patterns = suspects.length > 0 ? suspects.map((s) => s.pattern) : top.slice(0, 1).map((d) => d.path);
        throw new ContextTooLargeError(facts.image, facts.bytes, limits.limitMiB, top, `${where} is ${size}, above build.contextLimitMiB (${limits.limitMiB} MiB). ` +
            `Biggest directories: ${describeDirectories(top)}. ` +
            `Fix: add what the image does not need to ${ignoreFile}${patterns.length > 0 ? ` (such as ${patterns.map(code).join(', ')})` : ''}, ` +
            'or raise build.contextLimitMiB.');
    }
    const warnings = suspects.map((s) => `${where} holds ${s.what} ${code(s.pattern)} (${files(s.files)}, ${formatMiB(s.bytes)}): ` +
        `add ${code(s.pattern)} to ${ignoreFile} unless the image needs it`);
    if (facts.bytes > limits.warnMiB * MiB) {
        warnings.push(`${where} is ${size}, above build.contextWarnMiB (${limits.warnMiB} MiB); biggest directories: ` +
            `${describeDirectories(top)}. Add what the image does not need to ${ignoreFile}.`);
    }
    return warnings;
}
/** Images hashed together share one listing (the same array): it is surveyed once for all of them. */
const surveys = new WeakMap();
/** The biggest directories and the suspect content of a listing. */
function surveyContext(entries) {
    let survey = surveys.get(entries);
    if (survey === undefined) {
        survey = { top: topDirectories(entries), suspects: suspectContent(entries) };
        surveys.set(entries, survey);
    }
    return survey;
}
function suspectContent(entries) {
    const groups = new Map();
    const coverageSources = coverageDirectoriesWithSources(entries);
    for (const entry of entries) {
        const suspect = suspectOf(entry.path, coverageSources);
        if (suspect === undefined)
            continue;
        const group = groups.get(suspect.pattern) ?? { pattern: suspect.pattern, what: suspect.what, files: 0, bytes: 0 };
        group.files += 1;
        group.bytes += entry.size;
        groups.set(suspect.pattern, group);
    }
    return [...groups.values()];
}
function describeDirectories(directories) {
    if (directories.length === 0)
        return 'none (only files at the top of the context)';
    return directories.map((d) => `${d.path} ${formatMiB(d.bytes)} (${files(d.files)})`).join(', ');
}
function formatMiB(bytes) {
    return `${(bytes / MiB).toFixed(1)} MiB`;
}
/** `7,994 files`: thousands separated without Intl, whose first use costs more than hashing a small context. */
function files(n) {
    return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} file${n === 1 ? '' : 's'}`;
}
function code(text) {
    return `\`${text}\``;
}

// EXTERNAL MODULE: ./src/image-inputs/context.ts
var context = __webpack_require__(42014);
// EXTERNAL MODULE: ./src/image-inputs/context-files.ts
var context_files = __webpack_require__(9816);
// EXTERNAL MODULE: ./src/image-inputs/context-index.ts
var context_index = __webpack_require__(60011);
// EXTERNAL MODULE: ./src/image-inputs/dockerignore.ts
var dockerignore = __webpack_require__(2523);
// EXTERNAL MODULE: ./src/image-inputs/inputs.ts
var image_inputs_inputs = __webpack_require__(85736);
// EXTERNAL MODULE: ./src/image-inputs/slices.ts
var image_inputs_slices = __webpack_require__(76270);
;// CONCATENATED MODULE: ./src/image-inputs/hash.ts
/**
 * The content hash of an image: a digest of everything that can change what the build
 * produces, and the image tag derived from it. The same inputs give the same tag on any machine:
 * paths with `/`, sorted without locale; no times, owners or absolute paths. Paths are relative
 * to the context, as the engine sees them: the same context elsewhere in the repository
 * builds the same image.
 *
 * Hashed: the Dockerfile's bytes (always: the engine always receives it, even when the ignore
 * file excludes it), each input file of the image's inputs mode (inputs.ts) among those the
 * ignore file lets through (its path, its bytes, the owner's execute bit), symbolic links as
 * their target text, special files by path, the build arguments (sorted by name), the target
 * stage, the platform, and the inputs mode unless it is `context`.
 */










/** Changes whenever what is hashed or how changes, so older tags are never mistaken for new ones. */
const SCHEME = 'aianalysis-e2e image content v1';
/**
 * 32 hex digits (128 bits) of the sha256. Tags only need to tell apart the versions of one
 * repository: two of even a billion versions share 128 bits with a chance near 1e-21, and
 * finding a pair on purpose takes about 2^64 hashes. The tag stays 39 characters.
 */
const TAG_HEX_DIGITS = 32;
class DockerfileNotFoundError extends Error {
    image;
    dockerfile;
    constructor(image, dockerfile) {
        super(`image '${image}': the Dockerfile '${dockerfile}' cannot be read; check images.${image}.dockerfile`);
        this.image = image;
        this.dockerfile = dockerfile;
        this.name = 'DockerfileNotFoundError';
    }
}
/**
 * Hashes the image's build inputs. Throws ContextTooLargeError (before reading any content)
 * when the context is above `limits.limitMiB`.
 */
async function hashImage(repoRoot, image, limits) {
    const dockerfile = readDockerfile(repoRoot, image);
    const slices = new image_inputs_slices/* TimeSlices */.L();
    const { listing, index, files } = await sharedContext(repoRoot, image, slices);
    const { entries, bytes, ignoreFile } = listing;
    const warnings = checkContext({ image: image.name, context: image.context, entries, bytes, ignoreFile }, limits);
    const inputs = await (0,image_inputs_inputs/* selectInputs */.w)(index, files, dockerfile.toString('utf8'), image);
    const digest = (0,external_node_crypto_.createHash)('sha256').update(`${SCHEME}\n`);
    const line = (fields) => digest.update(`${JSON.stringify(fields)}\n`);
    line(['dockerfile', (0,context_files/* sha256 */.s)(dockerfile)]);
    line(['target', image.target]);
    line(['platform', image.platform]);
    for (const name of Object.keys(image.buildArgs).sort(context/* byCodeUnit */.X))
        line(['arg', name, image.buildArgs[name]]);
    // `context` hashes as it always has; the other modes say which, so their tags never meet.
    if (inputs.mode !== 'context')
        line(['inputs', inputs.mode]);
    for (const { entry } of inputs.files) {
        line(entryFields(entry, files));
        if (slices.due())
            await slices.release();
    }
    const hash = digest.digest('hex');
    return {
        hash,
        tag: tagOf(hash),
        files: entries.length,
        bytes,
        warnings,
        topDirectories: surveyContext(entries).top,
        ignoreFile,
        inputs,
    };
}
/** Listings being made, by context and ignore file: images hashed together walk and read a shared context once. */
const listingsInFlight = new Map();
function sharedContext(repoRoot, image, slices) {
    const key = JSON.stringify([(0,external_node_path_.resolve)(repoRoot, image.context), (0,dockerignore/* ignoreFileInEffect */.PK)(repoRoot, image.context, image.dockerfile)]);
    const known = listingsInFlight.get(key);
    if (known)
        return known;
    const pending = (0,context/* listContext */.Yr)(repoRoot, image, slices).then((listing) => ({
        listing,
        index: new context_index/* ContextIndex */.e(listing.entries),
        files: new context_files/* ContextFiles */.V(listing.dir),
    }));
    listingsInFlight.set(key, pending);
    const forget = () => void listingsInFlight.delete(key);
    pending.then(forget, forget);
    return pending;
}
function tagOf(hash) {
    return `sha256-${hash.slice(0, TAG_HEX_DIGITS)}`;
}
function readDockerfile(repoRoot, image) {
    try {
        return (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(repoRoot, image.dockerfile));
    }
    catch {
        throw new DockerfileNotFoundError(image.name, image.dockerfile);
    }
}
function entryFields(entry, files) {
    switch (entry.kind) {
        case 'file':
            return ['file', entry.path, entry.executable ? 'x' : '-', files.digest(entry)];
        case 'symlink':
            return ['symlink', entry.path, entry.linkTarget];
        case 'special':
            return ['special', entry.path];
    }
}


/***/ }),

/***/ 85736:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ closureWatches),
/* harmony export */   w: () => (/* binding */ selectInputs)
/* harmony export */ });
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42014);
/* harmony import */ var _context_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(60011);
/* harmony import */ var _go_closure_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(550);
/* harmony import */ var _path_glob_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17465);
/* harmony import */ var _watch_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5806);





const COPIED = 'copied by the Dockerfile';
const COPIED_FROM_STAGE = 'copied out of a build stage by the Dockerfile';
async function selectInputs(index, reader, dockerfile, image) {
    const requested = image.inputs;
    if (requested === 'context') {
        return { requested, mode: 'context', files: index.entries.map((entry) => ({ entry, reason: 'in the build context' })), watch: () => [(0,_watch_js__WEBPACK_IMPORTED_MODULE_3__/* .treeWatch */ .yG)('')] };
    }
    // Loaded only here: the Dockerfile parser is most of what hashing loads, and `context` needs none of it.
    const { readDockerfileInputs } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(337)]).then(__webpack_require__.bind(__webpack_require__, 67337));
    const instructions = readDockerfileInputs(dockerfile);
    // Matched only where used: for `COPY . .` it is the whole context, which `go` does not need.
    const copied = () => ({ files: copiedFiles(index, instructions), watch: () => sourceWatches(index, [...instructions.copies, ...instructions.fromStages]) });
    if (requested === 'dockerfile')
        return { requested, mode: 'dockerfile', ...copied() };
    try {
        return { requested, mode: 'go', ...goInputs(index, reader, instructions, image) };
    }
    catch (error) {
        if (!(error instanceof _go_closure_js__WEBPACK_IMPORTED_MODULE_1__/* .UnresolvedInputsError */ .F))
            throw error;
        return { requested, mode: 'dockerfile', fallback: error.reason, ...copied() };
    }
}
function goInputs(index, reader, instructions, image) {
    const [other] = instructions.otherCommands;
    const runs = other && `runs \`${other.command}\` (line ${other.line}), which may read any file of the context`;
    const mainPackages = withBlocker(() => mainPackagesOf(index, instructions, image), runs && `the Dockerfile also ${runs}`);
    if (runs)
        throw new _go_closure_js__WEBPACK_IMPORTED_MODULE_1__/* .UnresolvedInputsError */ .F(`the Dockerfile ${runs}`);
    const vendorWhenPresent = !(instructions.goBuilds.length > 0 && instructions.goBuilds.every((build) => build.mod === 'mod' || build.mod === 'readonly'));
    const closure = (0,_go_closure_js__WEBPACK_IMPORTED_MODULE_1__/* .goClosure */ .k)(index, reader, { mainPackages, vendorWhenPresent });
    // Sources that hold the module are the Go source tree: the closure accounts for them.
    const explicit = instructions.copies.filter((copy) => !holds(copy.source, closure.moduleRoot));
    return {
        files: inListingOrder(index, closure.files, matchedFiles(index, explicit, COPIED), matchedFiles(index, instructions.fromStages, COPIED_FROM_STAGE)),
        watch: () => [...closureWatches(index, closure, mainPackages, vendorWhenPresent), ...sourceWatches(index, [...explicit, ...instructions.fromStages])],
    };
}
/** `find`, with `also` added to the reason it cannot be found: a user then sees every blocker at once. */
function withBlocker(find, also) {
    try {
        return find();
    }
    catch (error) {
        if (also === undefined || !(error instanceof _go_closure_js__WEBPACK_IMPORTED_MODULE_1__/* .UnresolvedInputsError */ .F))
            throw error;
        throw new _go_closure_js__WEBPACK_IMPORTED_MODULE_1__/* .UnresolvedInputsError */ .F(`${error.reason}; ${also}`);
    }
}
/**
 * The closure's files, its packages' directories (a new file there joins the build), the trees
 * its embed patterns reach, and the files whose appearance would change the build: go.sum,
 * vendor/modules.txt, a go.work at or above the module, a main package's default.pgo.
 */
function closureWatches(index, closure, mainPackages, vendorWhenPresent) {
    const root = (path) => (closure.moduleRoot === '' ? path : `${closure.moduleRoot}/${path}`);
    const workspaces = [];
    for (let dir = closure.moduleRoot;; dir = (0,_context_index_js__WEBPACK_IMPORTED_MODULE_4__/* .parentOf */ .g)(dir)) {
        workspaces.push(dir === '' ? 'go.work' : `${dir}/go.work`);
        if (dir === '')
            break;
    }
    return [
        ...[...closure.files.keys()].map(_watch_js__WEBPACK_IMPORTED_MODULE_3__/* .fileWatch */ .yn),
        ...closure.packages.map(_watch_js__WEBPACK_IMPORTED_MODULE_3__/* .filesInWatch */ .y$),
        ...closure.embeds.flatMap(({ dir, pattern }) => (0,_watch_js__WEBPACK_IMPORTED_MODULE_3__/* .globWatches */ .Iw)(posixJoin(dir, pattern.replace(/^all:/, '')), (path) => index.kindOf(path))),
        ...[root('go.sum'), ...(vendorWhenPresent ? [root('vendor/modules.txt')] : []), ...workspaces].map(_watch_js__WEBPACK_IMPORTED_MODULE_3__/* .fileWatch */ .yn),
        ...mainPackages.map((dir) => (0,_watch_js__WEBPACK_IMPORTED_MODULE_3__/* .fileWatch */ .yn)(posixJoin(dir, 'default.pgo'))),
    ];
}
function sourceWatches(index, sources) {
    return sources.flatMap(({ source }) => (0,_watch_js__WEBPACK_IMPORTED_MODULE_3__/* .globWatches */ .Iw)(source, (path) => index.kindOf(path)));
}
function posixJoin(dir, path) {
    return dir === '' ? path : `${dir}/${path}`;
}
/** The main packages: the configured one and every one the Dockerfile's `go build` commands name. */
function mainPackagesOf(index, instructions, image) {
    const configured = image.goPackage === '' ? [] : [image.goPackage];
    const unreadable = instructions.goBuilds.find((build) => build.packages === undefined);
    if (unreadable && configured.length === 0) {
        throw new _go_closure_js__WEBPACK_IMPORTED_MODULE_1__/* .UnresolvedInputsError */ .F(`the \`go build\` on line ${unreadable.line} cannot be followed (${unreadable.unreadable}); set images.${image.name}.goPackage`);
    }
    const named = [...new Set(instructions.goBuilds.flatMap((build) => build.packages ?? []))].filter((dir) => index.below(dir).length > 0);
    if (configured.length === 0 && named.length === 0) {
        throw new _go_closure_js__WEBPACK_IMPORTED_MODULE_1__/* .UnresolvedInputsError */ .F(`the Dockerfile has no \`go build\` of a package copied from the context; set images.${image.name}.goPackage`);
    }
    if (configured.length === 0 && named.length > 1) {
        throw new _go_closure_js__WEBPACK_IMPORTED_MODULE_1__/* .UnresolvedInputsError */ .F(`the Dockerfile builds several packages (${named.map((dir) => `./${dir}`).join(', ')}); set images.${image.name}.goPackage`);
    }
    return [...new Set([...configured, ...named])];
}
function holds(source, dir) {
    return source === '' || dir === source || dir.startsWith(`${source}/`);
}
function copiedFiles(index, instructions) {
    return inListingOrder(index, matchedFiles(index, instructions.copies, COPIED), matchedFiles(index, instructions.fromStages, COPIED_FROM_STAGE));
}
/** The listed entries that some group names, each with the first reason given for it. */
function inListingOrder(index, ...groups) {
    const reasons = new Map();
    for (const group of groups)
        for (const [path, reason] of group)
            if (!reasons.has(path))
                reasons.set(path, reason);
    return [...reasons.keys()]
        .sort(_context_js__WEBPACK_IMPORTED_MODULE_0__/* .byCodeUnit */ .X)
        .flatMap((path) => {
        const entry = index.get(path);
        return entry ? [{ entry, reason: reasons.get(path) }] : [];
    });
}
/**
 * Paths a source names, with the reason: the path itself, a directory's whole content, or glob
 * matches and what is below them. A glob that cannot be read names the whole context.
 */
function matchedFiles(index, sources, why) {
    return sources.flatMap(({ source, line, note }) => {
        const reason = `${why} (line ${line}${note === undefined ? '' : `: ${note}`})`;
        const named = (entries) => entries.map((entry) => [entry.path, reason]);
        if (source === '')
            return named(index.entries);
        if (!/[*?[\\]/.test(source)) {
            const exact = index.get(source);
            return named([...(exact ? [exact] : []), ...index.below(source)]);
        }
        const matcher = copyMatcher(source);
        return named(matcher ? index.entries.filter((entry) => (0,_path_glob_js__WEBPACK_IMPORTED_MODULE_2__/* .matchingPrefixLengths */ .Nh)(matcher, entry.path.split('/')).length > 0) : index.entries);
    });
}
function copyMatcher(source) {
    try {
        return (0,_path_glob_js__WEBPACK_IMPORTED_MODULE_2__/* .globRegExp */ .u9)(source);
    }
    catch (error) {
        if (error instanceof _path_glob_js__WEBPACK_IMPORTED_MODULE_2__/* .GlobError */ .pZ)
            return undefined;
        throw error;
    }
}


/***/ }),

/***/ 17465:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nh: () => (/* binding */ matchingPrefixLengths),
/* harmony export */   pZ: () => (/* binding */ GlobError),
/* harmony export */   u9: () => (/* binding */ globRegExp)
/* harmony export */ });
/**
 * Go's path.Match pattern syntax as a regular expression over `/`-separated paths, the syntax
 * both `//go:embed` patterns and Dockerfile COPY sources use: `*` and `?` stay within one path
 * element, `[…]` is a class (`^` negates), `\` escapes the next character.
 */
class GlobError extends Error {
    pattern;
    reason;
    constructor(pattern, reason) {
        super(`${pattern}: ${reason}`);
        this.pattern = pattern;
        this.reason = reason;
        this.name = 'GlobError';
    }
}
function globRegExp(glob) {
    let source = '';
    for (let i = 0; i < glob.length; i++) {
        const ch = glob[i];
        if (ch === '\\') {
            if (++i >= glob.length)
                throw new GlobError(glob, 'ends with a backslash');
            source += escape(glob[i]);
        }
        else if (ch === '*')
            source += '[^/]*';
        else if (ch === '?')
            source += '[^/]';
        else if (ch === '[') {
            const end = glob.indexOf(']', i + 2);
            if (end < 0)
                throw new GlobError(glob, 'unterminated [ class');
            const body = glob.slice(i + 1, end);
            source += `[${body.startsWith('^') ? `^/${escapeClass(body.slice(1))}` : escapeClass(body)}]`;
            i = end;
        }
        else
            source += escape(ch);
    }
    return new RegExp(`^${source}$`, 'u');
}
/** The lengths (in path elements) of the leading parts of `path` that `matcher` matches, shortest first. */
function matchingPrefixLengths(matcher, parts) {
    const lengths = [];
    for (let length = 1; length <= parts.length; length++) {
        if (matcher.test(parts.slice(0, length).join('/')))
            lengths.push(length);
    }
    return lengths;
}
/** Only RegExp syntax characters: in a `u` expression, escaping any other (such as `-`) is an error. */
function escape(ch) {
    return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}
/** Class bodies keep their ranges (`a-z`); only the characters special to RegExp classes are escaped. */
function escapeClass(body) {
    return body.replace(/[\\\]/[]/g, '\\$&');
}


/***/ }),

/***/ 76270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ TimeSlices)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Lets long synchronous file work share the event loop. Hashing a context is thousands of small
 * reads: done synchronously they cost a few microseconds each, while each asynchronous call pays
 * a thread-pool round trip that costs more than the read itself (measured: 10,000 source files,
 * 81 MiB, 130 ms synchronous against 200-700 ms with 8-64 asynchronous reads in flight, and
 * 180-330 ms over 2-4 worker threads, on 2 cores). So the work runs synchronously in slices and
 * hands the loop back between them: timers, output streams and cancellation still run.
 */

const SLICE_MS = 10;
/** Use: `if (slices.due()) await slices.release();` between units of work (no promise otherwise). */
class TimeSlices {
    sliceStart = performance.now();
    /** True once the current slice has held the event loop for its share. */
    due() {
        return performance.now() - this.sliceStart >= SLICE_MS;
    }
    /** Gives the event loop back, then starts a new slice. */
    async release() {
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setImmediate)();
        this.sliceStart = performance.now();
    }
}


/***/ }),

/***/ 5806:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iw: () => (/* binding */ globWatches),
/* harmony export */   PZ: () => (/* binding */ pathWatches),
/* harmony export */   hG: () => (/* binding */ under),
/* harmony export */   q6: () => (/* binding */ renderWatches),
/* harmony export */   y$: () => (/* binding */ filesInWatch),
/* harmony export */   yG: () => (/* binding */ treeWatch),
/* harmony export */   yn: () => (/* binding */ fileWatch)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42014);
/* harmony import */ var _context_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(60011);
/**
 * Where a change can alter an image or the suite, as paths a workflow's `paths` filter can name:
 * a file, the files directly in a directory (a Go package is one directory), or a whole tree.
 * A watch covers the inputs there are today and those a change could add without touching any
 * of them (a new file in a package, in a copied folder, under an embed pattern), so a pull request
 * that changes an input always matches; it may also match a few files that are not inputs.
 *
 * Rendered in GitHub's filter syntax: `*` never crosses `/`, `**` does, and the characters the
 * syntax gives a meaning (`* ? + [ ] !` and `\`) are escaped with `\` in literal names.
 */



const fileWatch = (path) => ({ kind: 'file', path });
const filesInWatch = (dir) => ({ kind: 'files-in', dir });
const treeWatch = (dir) => ({ kind: 'tree', dir });
const GLOB_CHARACTERS = /[*?[\\]/;
/**
 * What may match a Docker or Go glob (`*`, `?`, `[…]`, `\`), and what would be below a match:
 * the tree of the literal directories before its first glob element.
 */
function globWatches(pattern, kindOf) {
    if (!GLOB_CHARACTERS.test(pattern))
        return pathWatches(pattern, kindOf);
    const parts = pattern.split('/');
    return [treeWatch(parts.slice(0, parts.findIndex((part) => GLOB_CHARACTERS.test(part))).join('/'))];
}
/**
 * A path ('' for the root) watches what it is, or, while it names nothing, both the file and
 * the tree it could become.
 */
function pathWatches(path, kindOf) {
    if (path === '')
        return [treeWatch('')];
    // Below a file nothing can be until that file goes: watching the file is enough.
    const file = ancestorsOf(path).find((ancestor) => kindOf(ancestor) === 'file');
    if (file !== undefined)
        return [fileWatch(file)];
    const kind = kindOf(path);
    return kind === 'file' ? [fileWatch(path)] : kind === 'directory' ? [treeWatch(path)] : [fileWatch(path), treeWatch(path)];
}
/** `a/b/c` → `a`, `a/b`. */
function ancestorsOf(path) {
    const parts = path.split('/');
    return parts.slice(1).map((_, index) => parts.slice(0, index + 1).join('/'));
}
/** The same watch for a repository in which `dir` (repository-relative, '' or '.' for its root) is the root. */
function under(dir, watch) {
    const prefix = (path) => (dir === '' || dir === '.' ? path : path === '' ? dir : node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(dir, path));
    return watch.kind === 'file' ? fileWatch(prefix(watch.path)) : { kind: watch.kind, dir: prefix(watch.dir) };
}
/**
 * The `paths` entries for some watches: each rendered once, none that a tree already covers,
 * sorted by code unit so the list is the same on every machine.
 */
function renderWatches(watches) {
    const all = [...watches];
    const trees = all.filter((watch) => watch.kind === 'tree').map((watch) => watch.dir);
    const dirs = new Set(all.flatMap((watch) => (watch.kind === 'files-in' ? [watch.dir] : [])));
    const inTree = (path, self) => trees.some((tree) => tree === '' || path.startsWith(`${tree}/`) || (self && path === tree));
    const kept = all.filter((watch) => {
        switch (watch.kind) {
            case 'file':
                return !inTree(watch.path, false) && !dirs.has((0,_context_index_js__WEBPACK_IMPORTED_MODULE_2__/* .parentOf */ .g)(watch.path));
            case 'files-in':
                return !inTree(watch.dir, true);
            case 'tree':
                return watch.dir === '' || !inTree(watch.dir, false);
        }
    });
    return [...new Set(kept.map(render))].sort(_context_js__WEBPACK_IMPORTED_MODULE_1__/* .byCodeUnit */ .X);
}
function render(watch) {
    switch (watch.kind) {
        case 'file':
            return escape(watch.path);
        case 'files-in':
            return watch.dir === '' ? '*' : `${escape(watch.dir)}/*`;
        case 'tree':
            return watch.dir === '' ? '**' : `${escape(watch.dir)}/**`;
    }
}
function escape(path) {
    return path.replace(/[*?+[\]\\]/g, '\\$&').replace(/^!/, '\\!');
}


/***/ })

};
