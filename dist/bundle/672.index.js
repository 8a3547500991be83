export const id = 672;
export const ids = [672];
export const modules = {

/***/ 36928:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ns: () => (/* binding */ rotateLocalCache),
/* harmony export */   jQ: () => (/* binding */ saveLocalCache),
/* harmony export */   k: () => (/* binding */ restoreLocalCache)
/* harmony export */ });
/* unused harmony export localCacheKey */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The `local` build cache directory (buildx only): kept between workflow runs with the GitHub
 * cache, and bounded to one build's worth. buildx's local exporter adds to a directory without
 * ever removing anything, so each build writes a fresh directory that then replaces the old one.
 *
 * @actions/cache is loaded on first use: it is large, and most runs never need it.
 */

const KEY_PREFIX = 'aianalysis-e2e-buildx';
/** Long enough to tell content hashes apart, short enough to read in the cache list. */
const HASH_PREFIX_LENGTH = 16;
/** The GitHub cache key of one image's local build cache: image name and content-hash prefix. */
function localCacheKey(image, contentHash) {
    const base = `${KEY_PREFIX}-${image}-`;
    return { key: `${base}${contentHash.slice(0, HASH_PREFIX_LENGTH)}`, restoreKeys: [base] };
}
/** Replaces `dir` with the cache the last build wrote to `next`. */
async function rotateLocalCache(dir, next) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(next, dir);
}
/** Restores the newest cache of this image into `dir`; false when there is none (or no GitHub cache here). */
async function restoreLocalCache(dir, image, contentHash, log) {
    const actionsCache = await __webpack_require__.e(/* import() */ 91).then(__webpack_require__.bind(__webpack_require__, 18091));
    if (!actionsCache.isFeatureAvailable())
        return false;
    const { key, restoreKeys } = localCacheKey(image, contentHash);
    try {
        const hit = await actionsCache.restoreCache([dir], key, restoreKeys);
        log.info(hit ? `build cache of ${image} restored from ${hit}` : `no build cache of ${image} yet`);
        return hit !== undefined;
    }
    catch (error) {
        log.warning(`could not restore the build cache of ${image}: ${error.message}`);
        return false;
    }
}
/** Saves `dir` under this image's key; a key that exists already (same content) is left alone. */
async function saveLocalCache(dir, image, contentHash, log) {
    const actionsCache = await __webpack_require__.e(/* import() */ 91).then(__webpack_require__.bind(__webpack_require__, 18091));
    if (!actionsCache.isFeatureAvailable())
        return;
    const { key } = localCacheKey(image, contentHash);
    try {
        await actionsCache.saveCache([dir], key);
        log.info(`build cache of ${image} saved as ${key}`);
    }
    catch (error) {
        if (error instanceof actionsCache.ReserveCacheError)
            log.info(`build cache ${key} exists already`);
        else
            log.warning(`could not save the build cache of ${image}: ${error.message}`);
    }
}


/***/ }),

/***/ 62374:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  X: () => (/* binding */ selectEngine)
});

// EXTERNAL MODULE: ./src/config/index.ts + 15 modules
var config = __webpack_require__(65424);
// EXTERNAL MODULE: ./src/util/process.ts + 2 modules
var util_process = __webpack_require__(26556);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/util/log.ts
var log = __webpack_require__(29906);
;// CONCATENATED MODULE: ./src/engine/build-args.ts
/** Where each engine's build command starts, and what it always adds. */
const BUILD_COMMAND = {
    // --load: the image must land in the daemon's image store, where save and push find it.
    'docker-buildx': ['buildx', 'build', '--load', '--progress', 'plain'],
    // BuildKit through DOCKER_BUILDKIT=1 (see buildEnv).
    docker: ['build', '--progress', 'plain'],
    // --layers: keep every step's layer, buildah's local cache.
    podman: ['build', '--layers'],
};
/**
 * No --iidfile: parallel builds can leave it unwritten (docker 20.10: "server did not provide an
 * image ID", podman: a bare `sha256:`); the image id is read back from the tag instead.
 */
function buildArgv(kind, request, cache) {
    const args = [...BUILD_COMMAND[kind], '-f', request.dockerfile];
    if (request.platform)
        args.push('--platform', request.platform);
    if (request.target)
        args.push('--target', request.target);
    const buildArgs = { ...request.buildArgs, ...cache.buildArgs };
    for (const [name, value] of Object.entries(buildArgs))
        args.push('--build-arg', `${name}=${value}`);
    for (const [name, value] of Object.entries(request.labels ?? {}))
        args.push('--label', `${name}=${value}`);
    args.push('-t', request.reference);
    if (cache.inlineCacheTag)
        args.push('-t', cache.inlineCacheTag);
    args.push(...cache.args, request.context);
    return args;
}
/** Environment of the build process: the cache's variables, and BuildKit switched on for classic docker. */
function buildEnv(kind, cache) {
    return kind === 'docker' ? { ...cache.env, DOCKER_BUILDKIT: '1' } : { ...cache.env };
}

;// CONCATENATED MODULE: ./src/engine/build-output.ts
/**
 * Reads a build's output as it streams: how many Dockerfile steps ran and how many came from the
 * cache, and, after a failure, which step failed.
 *
 * BuildKit (`--progress plain`) prints each step as a vertex, `#5 [builder 2/6] COPY go.mod ./`,
 * and `#5 CACHED` when it was taken from the cache. Buildah prints `STEP 2/6: COPY go.mod ./`
 * and `--> Using cache <id>` (or `--> Cache pulled from remote …`) for a cached step. FROM is not
 * counted: it never runs anything, and BuildKit shows no vertex for `FROM scratch` or a stage.
 * A build whose every counted step was cached executed nothing: it is "built from cache".
 */
const BUILDKIT_STEP = /^#(\d+) \[(?:[^\]]*? )?\d+\/\d+\] (.*)$/;
const BUILDKIT_CACHED = /^#(\d+) CACHED$/;
const BUILDKIT_FAILED_STEP = /^ > (\[[^\]]+\] .*):$/;
const BUILDAH_STEP = /^STEP (\d+\/\d+): (.*)$/;
const BUILDAH_CACHED = /^--> (Using cache|Cache pulled from remote) /;
const isFrom = (instruction) => /^FROM\s/i.test(instruction);
class BuildOutputReader {
    buildkitSteps = new Set();
    buildkitCached = new Set();
    buildahSteps = 0;
    buildahCached = 0;
    lastBuildahStep;
    failedStep;
    /** Feed every output line (stdout and stderr) in arrival order. */
    push = (line) => {
        const vertex = BUILDKIT_STEP.exec(line);
        if (vertex && !isFrom(vertex[2]))
            this.buildkitSteps.add(vertex[1]);
        const cached = BUILDKIT_CACHED.exec(line);
        if (cached)
            this.buildkitCached.add(cached[1]);
        const failed = BUILDKIT_FAILED_STEP.exec(line);
        if (failed)
            this.failedStep = failed[1];
        const step = BUILDAH_STEP.exec(line);
        if (step) {
            this.lastBuildahStep = `STEP ${step[1]}: ${step[2]}`;
            if (!isFrom(step[2]))
                this.buildahSteps += 1;
        }
        if (BUILDAH_CACHED.test(line))
            this.buildahCached += 1;
    };
    get steps() {
        return this.buildkitSteps.size + this.buildahSteps;
    }
    get cachedSteps() {
        const buildkit = [...this.buildkitCached].filter((id) => this.buildkitSteps.has(id)).length;
        return buildkit + this.buildahCached;
    }
    get fromCache() {
        return this.steps > 0 && this.cachedSteps === this.steps;
    }
    /** The step a failed build stopped at: BuildKit names it in its error block, buildah last announced it. */
    get failingStep() {
        return this.failedStep ?? this.lastBuildahStep;
    }
}

// EXTERNAL MODULE: ./src/engine/references.ts
var references = __webpack_require__(61426);
;// CONCATENATED MODULE: ./src/engine/cache.ts


/** Variables the gha cache backend of buildx reads; the runner gives them to the action's process only. */
const GHA_CACHE_VARIABLES = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_URL', 'ACTIONS_CACHE_SERVICE_V2'];
const INLINE_CACHE = { BUILDKIT_INLINE_CACHE: '1' };
function registryCacheReference(kind, repository) {
    return kind === 'podman' ? `${repository}-buildcache` : `${repository}:buildcache`;
}
/** What a build without cache import or export adds: nothing. */
function noCacheFlags() {
    return { args: [], buildArgs: {}, env: {}, warnings: [] };
}
function cacheFlags(kind, spec, env = process.env) {
    switch (spec.mode) {
        case 'off':
            return noCacheFlags();
        case 'gha':
            return ghaFlags(kind, spec, env);
        case 'registry':
            return registryFlags(kind, spec);
        case 'local':
            return localFlags(kind, spec);
    }
}
function ghaFlags(kind, spec, env) {
    if (kind !== 'docker-buildx') {
        const fallback = kind === 'docker' ? "docker's local layer cache (with inline cache metadata)" : "podman's local layers";
        return {
            args: [],
            buildArgs: kind === 'docker' ? INLINE_CACHE : {},
            env: {},
            warnings: [`cache 'gha' needs docker with buildx; ${spec.scope} is built with ${fallback} only`],
        };
    }
    const passed = Object.fromEntries(GHA_CACHE_VARIABLES.flatMap((name) => (env[name] ? [[name, env[name]]] : [])));
    if (!passed.ACTIONS_RUNTIME_TOKEN || !(passed.ACTIONS_RESULTS_URL || passed.ACTIONS_CACHE_URL)) {
        return {
            args: [],
            buildArgs: {},
            env: {},
            warnings: [
                `cache 'gha' needs ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL, which only a GitHub Actions job gives the action; ${spec.scope} is built without it`,
            ],
        };
    }
    (0,log/* registerSecret */.cl)(passed.ACTIONS_RUNTIME_TOKEN);
    const scope = `scope=${spec.scope}`;
    const args = ['--cache-from', `type=gha,${scope}`];
    if (spec.write)
        args.push('--cache-to', `type=gha,mode=max,${scope}`);
    return { args, buildArgs: {}, env: passed, warnings: [] };
}
function registryFlags(kind, spec) {
    if (spec.repository === undefined) {
        throw new Error(`cache 'registry' for ${spec.scope} needs the image's repository in a registry`);
    }
    const ref = registryCacheReference(kind, spec.repository);
    switch (kind) {
        case 'docker-buildx': {
            const args = ['--cache-from', `type=registry,ref=${ref}`];
            if (spec.write)
                args.push('--cache-to', `type=registry,ref=${ref},mode=max`);
            return { args, buildArgs: {}, env: {}, warnings: [] };
        }
        case 'docker':
            return {
                args: ['--cache-from', ref],
                buildArgs: INLINE_CACHE,
                env: {},
                warnings: [],
                ...(spec.write ? { inlineCacheTag: ref } : {}),
            };
        case 'podman': {
            const args = ['--cache-from', ref];
            if (spec.write)
                args.push('--cache-to', ref);
            if ((0,references/* onLoopbackRegistry */.iV)(ref))
                args.push('--tls-verify=false');
            return { args, buildArgs: {}, env: {}, warnings: [] };
        }
    }
}
function localFlags(kind, spec) {
    if (spec.localDir === undefined)
        throw new Error(`cache 'local' for ${spec.scope} needs a cache directory`);
    if (kind !== 'docker-buildx') {
        const fallback = kind === 'docker' ? "the daemon's own layer cache" : "podman's local layers";
        return { args: [], buildArgs: {}, env: {}, warnings: [`cache 'local' needs docker with buildx; ${spec.scope} uses ${fallback} only`] };
    }
    const args = ['--cache-from', `type=local,src=${spec.localDir}`];
    if (!spec.write)
        return { args, buildArgs: {}, env: {}, warnings: [] };
    const localNext = `${spec.localDir}.next`;
    args.push('--cache-to', `type=local,dest=${localNext},mode=max`);
    return { args, buildArgs: {}, env: {}, warnings: [], localNext };
}

// EXTERNAL MODULE: ./src/engine/cache-store.ts
var cache_store = __webpack_require__(36928);
// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(17679);
;// CONCATENATED MODULE: ./src/engine/failures.ts
/**
 * What a failed container-engine command means. Transient failures (the engine died, the network
 * dropped, the registry had a bad moment, a build step was killed for memory) are worth another
 * attempt; permanent ones (a Dockerfile step failed, the registry refused the credentials, the
 * image does not exist, the disk is full) fail the same way every time and are reported at once,
 * with what to do.
 *
 * Rules are matched in order against the command's output; the first match wins:
 *  0. the engine's socket refused this user (permanent, though it looks like a dead daemon);
 *  1. the engine itself died: whatever else the output says, the command never really ran;
 *  2. a build step killed with exit code 137 (out of memory, usually from builds running beside it);
 *  3. a full disk, then the permanent build failures: they carry the step's own output, which may
 *     mention network words (`connection reset`) that must not make a broken Dockerfile look transient;
 *  4. network and registry hiccups;
 *  5. the remaining permanent failures (a missing image before refused access: Docker Hub says
 *     `pull access denied … repository does not exist`), the generic `failed to solve` last.
 * An exit code alone decides nothing: Podman exits 125 for a Dockerfile parse error as well as
 * for a crash.
 */
const anyOf = (...patterns) => new RegExp(patterns.join('|'), 'i');
const RULES = [
    {
        id: 'engine-permission',
        class: 'permanent',
        pattern: anyOf('permission denied while trying to connect to the Docker daemon', 'sock: connect: permission denied'),
        reason: "this user may not use the container engine's socket",
        hint: 'add the user to the docker group (or run rootful Podman as root), or choose the other engine with container-engine',
    },
    {
        id: 'engine-unreachable',
        class: 'transient',
        pattern: anyOf('Cannot connect to the Docker daemon', 'Is the docker daemon running', 'error during connect', 'unable to connect to Podman socket', 'Cannot connect to Podman', 'dial unix \\S+\\.sock: connect: (connection refused|no such file or directory)'),
        reason: 'the container engine did not answer (its daemon or service is down)',
        recovery: 'engine',
    },
    {
        id: 'engine-crash',
        class: 'transient',
        pattern: anyOf('server probably quit', 'rpc error: code = Unavailable', 'error reading from server: EOF', 'transport is closing'),
        reason: 'the container engine crashed during the command',
        recovery: 'engine',
    },
    {
        id: 'step-killed',
        class: 'transient',
        pattern: anyOf('did not complete successfully: exit code: 137', 'executor failed running .*: exit code: 137', 'exit status 137'),
        reason: 'a build step was killed (exit code 137), most likely out of memory',
        recovery: 'memory',
    },
    {
        id: 'no-space',
        class: 'permanent',
        pattern: anyOf('no space left on device'),
        reason: 'the disk is full',
        hint: 'free disk space before the run (remove unused images, e.g. `docker system prune`); GitHub-hosted runners have about 14 GB free',
    },
    {
        id: 'dockerfile-syntax',
        class: 'permanent',
        pattern: anyOf('dockerfile parse error', 'unknown instruction', 'failed to parse (dockerfile|stage name)', 'parsing main Dockerfile', 'failed to read dockerfile', 'no such file or directory.*Dockerfile|Dockerfile.*no such file or directory'),
        reason: 'the Dockerfile cannot be read or parsed',
        hint: 'fix the Dockerfile at the line named above (or the dockerfile path in the configuration)',
    },
    {
        id: 'copy-source-missing',
        class: 'permanent',
        pattern: anyOf('failed to compute cache key: .*not found', 'failed to calculate checksum of ref', 'building at STEP "(COPY|ADD) [^"]*": checking on sources', 'COPY failed: '),
        reason: 'a COPY/ADD source is not in the build context',
        hint: 'check the path in the Dockerfile against the build context, and that .dockerignore does not exclude it',
    },
    {
        id: 'step-failed',
        class: 'permanent',
        pattern: anyOf('executor failed running', 'did not complete successfully: exit code', 'building at STEP "[^"]*": .*(exit status|exit code)'),
        reason: 'a Dockerfile step failed',
        hint: 'fix the failing step named above; its output is in the build log',
    },
    {
        id: 'connection-reset',
        class: 'transient',
        pattern: anyOf('connection reset by peer', 'broken pipe', 'connection refused', 'unexpected EOF', 'use of closed network connection'),
        reason: 'the connection to the registry broke',
        recovery: 'backoff',
    },
    {
        id: 'registry-unavailable',
        class: 'transient',
        pattern: anyOf('received unexpected HTTP status: 5\\d\\d', 'status(?: code)?:? 5\\d\\d\\b', '5\\d\\d (Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)', 'toomanyrequests', '429 Too Many Requests'),
        reason: 'the registry answered with a server error or asked to slow down',
        recovery: 'backoff',
    },
    {
        id: 'tls-handshake-timeout',
        class: 'transient',
        pattern: anyOf('TLS handshake timeout'),
        reason: 'the TLS handshake with the registry timed out',
        recovery: 'backoff',
    },
    {
        id: 'network-timeout',
        class: 'transient',
        pattern: anyOf('i/o timeout', 'context deadline exceeded', 'Client\\.Timeout exceeded', 'net/http: request canceled', 'temporary failure in name resolution'),
        reason: 'a network call timed out',
        recovery: 'backoff',
    },
    {
        id: 'image-not-found',
        class: 'permanent',
        pattern: anyOf('manifest unknown', 'manifest for \\S+ not found', 'name unknown', 'repository does not exist', 'not found: manifest'),
        reason: 'the image is not in the registry',
        hint: 'check the reference (registry, repository, tag) and that the credentials may read it; image-source auto or build builds what the registry lacks',
    },
    {
        id: 'access-denied',
        class: 'permanent',
        pattern: anyOf('unauthorized', 'authentication required', 'incorrect username or password', 'invalid username/password', 'no basic auth credentials', 'denied', 'status(?: code)?:? 40[13]\\b', '40[13] (Unauthorized|Forbidden)'),
        reason: 'the registry refused access',
        hint: 'check registry-username and registry-password, and that the account may pull and push this repository',
    },
    {
        id: 'registry-speaks-http',
        class: 'permanent',
        pattern: anyOf('server gave HTTP response to HTTPS client'),
        reason: 'the registry speaks plain HTTP but was contacted over HTTPS',
        hint: "serve the registry over HTTPS, or list it as insecure in the engine's configuration (Docker: insecure-registries; Podman: registries.conf)",
    },
    {
        id: 'invalid-reference',
        class: 'permanent',
        pattern: anyOf('invalid reference format', 'invalid tag', 'repository name must be lowercase'),
        reason: 'the engine rejected an image reference',
        hint: 'check the registry, repository and tag in the configuration',
    },
    {
        id: 'no-such-image',
        class: 'permanent',
        pattern: anyOf('No such image', 'image not known', 'reference does not exist'),
        reason: 'the image is not in local storage',
        hint: 'build or pull the image first',
    },
    {
        id: 'build-failed',
        class: 'permanent',
        pattern: anyOf('failed to solve', 'error building', 'Build error'),
        reason: 'the build failed',
        hint: 'read the build log above for the cause',
    },
];
/** Classifies one failed engine command. Pure; see RULES for the table. */
function classifyEngineFailure(failure) {
    const rule = RULES.find((candidate) => candidate.pattern.test(failure.output));
    if (rule?.class === 'transient') {
        return { class: 'transient', rule: rule.id, reason: rule.reason, recovery: rule.recovery };
    }
    if (rule?.class === 'permanent')
        return { class: 'permanent', rule: rule.id, reason: rule.reason, hint: rule.hint };
    if (failure.timedOut) {
        return { class: 'transient', rule: 'timeout', reason: 'the command did not finish in time (a hung engine call)', recovery: 'engine' };
    }
    return { class: 'unknown', reason: `the command failed (exit code ${failure.exitCode}) in a way that is not classified` };
}

;// CONCATENATED MODULE: ./src/engine/cli.ts



/** How long each kind of engine call may take unless the caller says otherwise. */
const DEFAULT_TIMEOUTS_MS = {
    build: 60 * 60_000,
    pull: 20 * 60_000,
    push: 20 * 60_000,
    save: 20 * 60_000,
    prune: 5 * 60_000,
    login: 2 * 60_000,
    /** tag, inspect, remove, info, version. */
    query: 60_000,
};
class EngineCli {
    options;
    constructor(options) {
        this.options = options;
    }
    /** Runs the call; resolves with its result when it succeeded (or its exit was an answer). */
    async call(call, options = {}) {
        const result = await this.execute(call, options);
        const ended = !result.timedOut && !result.cancelled && result.exitCode !== null;
        if (ended && (result.exitCode === 0 || call.isAnswer?.(result)))
            return result;
        throw this.failure(call, result);
    }
    /** Runs the call and returns whatever happened, never throwing for a failed command (probes). */
    async probe(args, options = {}) {
        return this.execute({ operation: args[0] ?? '', subject: '', args, timeout: 'query' }, options);
    }
    execute(call, options) {
        const log = options.log ?? this.options.log;
        const title = `${this.options.name} ${call.operation} ${call.subject}`.trim();
        return (0,util_process/* run */.eF)(this.options.program, call.args, {
            env: { ...this.options.env, ...call.env },
            input: call.input,
            log,
            group: call.showOutput ? title : undefined,
            quiet: !call.showOutput,
            timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUTS_MS[call.timeout],
            signal: options.signal,
            onLine: call.onLine,
            installHint: this.options.installHint,
        });
    }
    failure(call, result) {
        return new errors/* EngineError */.N({
            command: `${this.options.name} ${call.operation}`,
            subject: call.subject,
            classification: result.cancelled ? CANCELLED : classifyEngineFailure(failureOf(result)),
            exitCode: result.exitCode,
            timedOut: result.timedOut,
            cancelled: result.cancelled,
            tail: result.tail,
            location: call.locate?.(result),
        });
    }
}
const CANCELLED = { class: 'unknown', rule: 'cancelled', reason: 'the command was cancelled' };
function failureOf(result) {
    return { output: `${result.stdout}\n${result.stderr}`, exitCode: result.exitCode, timedOut: result.timedOut };
}

;// CONCATENATED MODULE: ./src/engine/cli-engine.ts
/**
 * What docker and podman do alike: the same verbs with the same arguments. The engines differ in
 * a few places only, which they supply: how a build starts, how a registry is reached, how an
 * image's existence, metadata and reclaimed space are read, and how the engine is checked and
 * brought back.
 */










class CliEngine {
    cli;
    constructor(cli, options) {
        this.cli = new EngineCli({ ...cli, log: options.log, env: options.env });
    }
    async build(request, options = {}) {
        const cache = request.cache ? cacheFlags(this.kind, request.cache) : noCacheFlags();
        for (const warning of cache.warnings)
            (options.log ?? this.cli.options.log).warning(warning);
        const output = new BuildOutputReader();
        await this.cli.call({
            operation: 'build',
            subject: request.reference,
            args: buildArgv(this.kind, request, cache),
            env: buildEnv(this.kind, cache),
            timeout: 'build',
            showOutput: true,
            onLine: output.push,
            locate: () => output.failingStep,
        }, options);
        if (cache.localNext && request.cache?.localDir)
            await (0,cache_store/* rotateLocalCache */.Ns)(request.cache.localDir, cache.localNext);
        const image = await this.inspect(request.reference, options);
        return {
            reference: request.reference,
            id: image.id,
            sizeBytes: image.sizeBytes,
            steps: output.steps,
            cachedSteps: output.cachedSteps,
            fromCache: output.fromCache,
            warnings: cache.warnings,
            ...(cache.inlineCacheTag ? { cacheReference: cache.inlineCacheTag } : {}),
        };
    }
    async pull(reference, options = {}) {
        const args = ['pull', ...this.registryFlags((0,references/* registryOf */.Fv)(reference)), reference];
        await this.cli.call({ operation: 'pull', subject: reference, args, timeout: 'pull', showOutput: true }, options);
    }
    async tag(source, target, options = {}) {
        const subject = `${source} as ${target}`;
        await this.cli.call({ operation: 'tag', subject, args: ['tag', source, target], timeout: 'query' }, options);
    }
    async inspect(reference, options = {}) {
        const result = await this.cli.call({ operation: 'image inspect', subject: reference, args: ['image', 'inspect', reference], timeout: 'query' }, options);
        const [raw] = JSON.parse(result.stdout);
        if (raw === undefined)
            throw new Error(`${this.name} image inspect ${reference} returned no image`);
        return this.imageInfo(raw);
    }
    /** Maps one element of `image inspect`'s JSON array. */
    imageInfo(raw) {
        return {
            id: withAlgorithm(String(raw.Id)),
            repoTags: stringList(raw.RepoTags),
            repoDigests: stringList(raw.RepoDigests),
            sizeBytes: Number(raw.Size ?? 0),
            labels: stringRecord(this.labelsIn(raw)),
        };
    }
    async localImages(references, options = {}) {
        if (references.length === 0)
            return new Map();
        const result = await this.cli.call({
            operation: 'image inspect',
            subject: references.join(' '),
            args: ['image', 'inspect', ...references],
            timeout: 'query',
            isAnswer: (answer) => onlyMissingImages(answer.stderr, this.missingImage),
        }, options);
        const found = JSON.parse(result.stdout || '[]').map((raw) => this.imageInfo(raw));
        // Engines print familiar names (`postgres:16`) or qualified ones: compare both qualified.
        const local = new Map();
        for (const reference of references) {
            const info = found.find((candidate) => candidate.repoTags.some((tag) => sameImageName(tag, reference)));
            if (info !== undefined)
                local.set(reference, info);
        }
        return local;
    }
    async save(references, archive, options = {}) {
        if (references.length === 0)
            throw new Error('save needs at least one image');
        await this.cli.call({
            operation: 'save',
            subject: `${references.length} image(s) to ${archive}`,
            args: ['save', ...this.saveFlags, '-o', archive, ...references],
            timeout: 'save',
        }, options);
        return { bytes: (await (0,promises_.stat)(archive)).size };
    }
    async remove(references, options = {}) {
        if (references.length === 0)
            return;
        await this.cli.call({ operation: 'image rm', subject: references.join(' '), args: ['image', 'rm', ...references], timeout: 'query' }, options);
    }
    async login(request, options = {}) {
        (0,log/* registerSecret */.cl)(request.password.reveal());
        await this.cli.call({
            operation: 'login',
            subject: request.registry,
            args: ['login', ...this.registryFlags(request.registry), '--username', request.username, '--password-stdin', request.registry],
            input: request.password.reveal(),
            timeout: 'login',
        }, options);
    }
}
/** Runs `fn` with a fresh temporary directory, removed afterwards. */
async function withTempDir(fn) {
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'aianalysis-e2e-engine-'));
    try {
        return await fn(dir);
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
/** Log lines an engine may print beside its answer (podman rootless: `WARN[0000] …`). */
const WARNING_LINE = /^(WARN\[\d+\]|WARNING:|time="[^"]*" level=warning)/;
/**
 * Whether a failed `image inspect` only said that some images are missing: the engine prints the
 * images it has, one error line per missing one, and exits non-zero. Any other line (the daemon
 * unreachable, a broken store) makes it a failure, never "absent".
 */
function onlyMissingImages(stderr, missingImage) {
    const lines = stderr.split('\n').filter((line) => line.trim() !== '' && !WARNING_LINE.test(line));
    return lines.length > 0 && lines.every((line) => missingImage.test(line));
}
function sameImageName(a, b) {
    return (0,references/* qualifiedForPull */.Xm)(a) === (0,references/* qualifiedForPull */.Xm)(b);
}
/** Image ids as `sha256:<hex>`, whichever form the engine printed. */
function withAlgorithm(id) {
    return id.includes(':') ? id : `sha256:${id}`;
}
function stringRecord(value) {
    if (typeof value !== 'object' || value === null)
        return {};
    return Object.fromEntries(Object.entries(value).filter((entry) => typeof entry[1] === 'string'));
}
function stringList(value) {
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}
function lastLine(lines) {
    return lines.filter((line) => line.trim() !== '').at(-1);
}

;// CONCATENATED MODULE: ./src/engine/docker.ts
/**
 * Docker, building either with the buildx plugin (`docker buildx build --load`) or with the
 * BuildKit built into the client (`DOCKER_BUILDKIT=1 docker build`, e.g. Debian's docker 20.10).
 */


/** How `docker image inspect` says an image is not there (20.10: `Error: No such image: x`). */
const DOCKER_MISSING_IMAGE = /no such image/i;
const PUSHED_DIGEST = /digest: (sha256:[0-9a-f]{64})/;
const RECLAIMED = /Total reclaimed space:\s*([\d.]+)\s*([kMGTP]?B)/;
/** Image and layer ids alike. */
const DELETED = /^deleted: (sha256:[0-9a-f]{64})$/gm;
/** docker prints sizes in decimal units (go-units HumanSize). */
const UNIT_BYTES = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, PB: 1e15 };
class DockerEngine extends CliEngine {
    dockerOptions;
    kind;
    name;
    provider = 'docker';
    saveFlags = [];
    missingImage = DOCKER_MISSING_IMAGE;
    constructor(dockerOptions) {
        super({
            name: 'docker',
            program: dockerOptions.program ?? 'docker',
            installHint: 'install Docker (with the buildx plugin), or choose podman with container-engine',
        }, dockerOptions);
        this.dockerOptions = dockerOptions;
        this.kind = dockerOptions.builder === 'buildx' ? 'docker-buildx' : 'docker';
        this.name = dockerOptions.builder === 'buildx' ? 'docker (buildx)' : 'docker (classic BuildKit)';
    }
    /** The daemon decides (it allows plain HTTP to 127.0.0.0/8 by default); the client has no flag. */
    registryFlags() {
        return [];
    }
    labelsIn(raw) {
        return raw.Config?.Labels;
    }
    async push(reference, options = {}) {
        const result = await this.cli.call({ operation: 'push', subject: reference, args: ['push', reference], timeout: 'push', showOutput: true }, options);
        const digest = PUSHED_DIGEST.exec(result.stdout)?.[1];
        return digest === undefined ? {} : { digest };
    }
    /** docker reports the space reclaimed; which images went is read against the list of dangling ones. */
    async prune(options = {}) {
        const listed = await this.cli.call({
            operation: 'images',
            subject: '(dangling)',
            args: ['images', '--filter', 'dangling=true', '--quiet', '--no-trunc'],
            timeout: 'query',
        }, options);
        const dangling = new Set(listed.stdout.split('\n').map((line) => line.trim()).filter(Boolean));
        const pruned = await this.cli.call({ operation: 'image prune', subject: '(dangling images)', args: ['image', 'prune', '--force'], timeout: 'prune' }, options);
        const deleted = [...pruned.stdout.matchAll(DELETED)].map((match) => match[1]);
        const reclaimed = RECLAIMED.exec(pruned.stdout);
        return {
            imagesRemoved: deleted.filter((id) => dangling.has(id)).length,
            bytesReclaimed: reclaimed ? Math.round(Number(reclaimed[1]) * (UNIT_BYTES[reclaimed[2]] ?? 1)) : 0,
        };
    }
    async health(options = {}) {
        const result = await this.cli.probe(['version', '--format', '{{.Server.Version}}'], options);
        const version = result.stdout.trim();
        if (result.exitCode === 0 && version !== '')
            return { ok: true, detail: `docker daemon ${version}` };
        return { ok: false, detail: lastLine(result.tail) ?? `docker version failed (exit code ${result.exitCode})` };
    }
    /**
     * Restarting dockerd stops every container, the kind nodes among them, and on GitHub-hosted
     * runners it is a system service the action does not own: it is only done with an explicit
     * `restartCommand`. Otherwise the caller waits for the daemon (systemd restarts a crashed one).
     */
    async restart(options = {}) {
        const command = this.dockerOptions.restartCommand;
        if (command === undefined || command.length === 0) {
            return {
                restarted: false,
                detail: 'dockerd is not restarted by the action (that would stop every container, the kind nodes too); waiting for it to answer. ' +
                    'Set build.engineRestartCommand (with build.order: build-first) to have it restarted',
            };
        }
        const [program, ...args] = command;
        const result = await (0,util_process/* run */.eF)(program, args, {
            log: options.log ?? this.dockerOptions.log,
            timeoutMs: options.timeoutMs ?? 120_000,
            signal: options.signal,
            env: this.dockerOptions.env,
        });
        if (result.exitCode === 0)
            return { restarted: true, detail: `restarted the docker daemon with ${result.command}` };
        return { restarted: false, detail: `${result.command} failed (exit code ${result.exitCode}): ${lastLine(result.tail) ?? ''}` };
    }
}

;// CONCATENATED MODULE: ./src/engine/podman.ts
/** Podman: builds with buildah (`podman build`), no daemon for a local rootful or rootless CLI. */




/** How `podman image inspect` says an image is not there (`…: image not known`). */
const PODMAN_MISSING_IMAGE = /image not known/i;
class PodmanEngine extends CliEngine {
    kind = 'podman';
    name = 'podman';
    provider = 'podman';
    // -m: several images in one docker-archive (kind loads that format; never gzip, podman 4.3 cannot load it).
    saveFlags = ['--format', 'docker-archive', '--multi-image-archive'];
    missingImage = PODMAN_MISSING_IMAGE;
    constructor(options) {
        super({ name: 'podman', program: options.program ?? 'podman', installHint: 'install Podman, or choose docker with container-engine' }, options);
    }
    registryFlags(registry) {
        return registry !== undefined && (0,references/* isLoopbackRegistry */.jW)(registry) ? ['--tls-verify=false'] : [];
    }
    labelsIn(raw) {
        return raw.Labels;
    }
    /** The registry's digest comes from --digestfile: podman's own RepoDigests describe its local copy. */
    async push(reference, options = {}) {
        return withTempDir(async (dir) => {
            const digestFile = external_node_path_default().join(dir, 'digest');
            await this.cli.call({
                operation: 'push',
                subject: reference,
                args: ['push', ...this.registryFlags((0,references/* registryOf */.Fv)(reference)), '--digestfile', digestFile, reference],
                timeout: 'push',
                showOutput: true,
            }, options);
            const digest = (await (0,promises_.readFile)(digestFile, 'utf8')).trim();
            return digest === '' ? {} : { digest };
        });
    }
    /** podman prints only the removed ids; their sizes are read beforehand. */
    async prune(options = {}) {
        const listed = await this.cli.call({
            operation: 'images',
            subject: '(dangling)',
            args: ['images', '--filter', 'dangling=true', '--format', 'json'],
            timeout: 'query',
        }, options);
        const sizes = new Map(JSON.parse(listed.stdout || '[]').map((image) => [image.Id, image.Size ?? 0]));
        const pruned = await this.cli.call({ operation: 'image prune', subject: '(dangling images)', args: ['image', 'prune', '--force'], timeout: 'prune' }, options);
        const removed = pruned.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
        return {
            imagesRemoved: removed.length,
            bytesReclaimed: removed.reduce((sum, id) => sum + (sizes.get(id.replace(/^sha256:/, '')) ?? 0), 0),
        };
    }
    async health(options = {}) {
        const result = await this.cli.probe(['info', '--format', '{{.Version.Version}}'], options);
        const version = result.stdout.trim();
        if (result.exitCode === 0 && version !== '')
            return { ok: true, detail: `podman ${version}` };
        return { ok: false, detail: lastLine(result.tail) ?? `podman info failed (exit code ${result.exitCode})` };
    }
    /**
     * A local podman CLI has no daemon: each command is its own process and a crash ends only that
     * command. A remote service (podman machine on macOS and Windows) is not restarted either:
     * `podman machine stop/start` would stop the kind nodes with it.
     */
    async restart(options = {}) {
        const remote = await this.cli.probe(['info', '--format', '{{.Host.ServiceIsRemote}}'], options);
        if (remote.stdout.trim() === 'true') {
            return {
                restarted: false,
                detail: 'podman uses a remote service (podman machine); not restarted by the action (`podman machine stop` would stop the kind nodes too)',
            };
        }
        return { restarted: false, detail: 'podman runs without a daemon here (each command is its own process): nothing to restart' };
    }
}

;// CONCATENATED MODULE: ./src/engine/detect.ts
/**
 * Picks the container engine: the one the `container-engine` input names, or with `auto` the
 * first that works of docker with buildx, docker with its built-in (classic) BuildKit, podman.
 * A docker client can lack both builders (a new client without the buildx plugin refuses
 * `DOCKER_BUILDKIT=1`), so each is probed rather than assumed.
 */




const PROBE_TIMEOUT_MS = 30_000;
async function selectEngine(choice, setup) {
    const docker = setup.dockerProgram ?? 'docker';
    const podman = setup.podmanProgram ?? 'podman';
    const probe = (program, args, env = {}) => probeProgram(program, args, env, setup);
    const dockerEngine = (builder) => new DockerEngine({ program: docker, builder, log: setup.log, env: setup.env, restartCommand: setup.dockerRestartCommand });
    const podmanEngine = () => new PodmanEngine({ program: podman, log: setup.log, env: setup.env });
    const tried = [];
    if (choice !== 'podman') {
        const daemon = await probe(docker, ['version', '--format', '{{.Server.Version}}']);
        if (daemon.ok) {
            const buildx = await probe(docker, ['buildx', 'version']);
            if (buildx.ok)
                return { engine: dockerEngine('buildx'), reason: `docker ${daemon.said} with buildx (${buildx.said})` };
            const classic = await probe(docker, ['build', '--help'], { DOCKER_BUILDKIT: '1' });
            if (classic.ok) {
                return { engine: dockerEngine('classic'), reason: `docker ${daemon.said} without buildx: classic BuildKit (DOCKER_BUILDKIT=1)` };
            }
            tried.push(`${docker} has neither the buildx plugin nor a built-in BuildKit (${classic.said})`);
        }
        else {
            tried.push(`${docker}: ${daemon.said}`);
        }
    }
    if (choice !== 'docker') {
        const info = await probe(podman, ['info', '--format', '{{.Version.Version}}']);
        if (info.ok)
            return { engine: podmanEngine(), reason: choice === 'podman' ? `podman ${info.said}` : `podman ${info.said} (${tried.join('; ')})` };
        tried.push(`${podman} info: ${info.said}`);
    }
    const wanted = choice === 'auto' ? 'no container engine works' : `container-engine '${choice}' does not work`;
    throw new Error(`${wanted}: ${tried.join('; ')}. Start the Docker daemon (and install the buildx plugin), or install Podman; ` +
        `container-engine may be ${config/* CONTAINER_ENGINES */.wt.map((name) => `'${name}'`).join(', ')}`);
}
async function probeProgram(program, args, env, setup) {
    try {
        const result = await (0,util_process/* run */.eF)(program, args, {
            env: { ...setup.env, ...env },
            log: setup.log,
            quiet: true,
            timeoutMs: PROBE_TIMEOUT_MS,
            signal: setup.signal,
        });
        const lines = `${result.stdout}\n${result.stderr}`.split('\n').map((line) => line.trim()).filter(Boolean);
        const ok = result.exitCode === 0 && !result.timedOut && lines.length > 0;
        const said = ok ? (lines[0] ?? '') : (lines.find((line) => /error/i.test(line)) ?? lines.at(-1) ?? `exit code ${result.exitCode}`);
        return { ok, said: result.timedOut ? `no answer within ${PROBE_TIMEOUT_MS / 1000}s` : said };
    }
    catch (error) {
        if (error instanceof util_process/* ProgramNotFoundError */.oo)
            return { ok: false, said: 'not installed' };
        throw error;
    }
}


/***/ }),

/***/ 17679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ EngineError),
/* harmony export */   Z: () => (/* binding */ isTransientEngineError)
/* harmony export */ });
class EngineError extends Error {
    command;
    subject;
    classification;
    exitCode;
    timedOut;
    cancelled;
    tail;
    location;
    constructor(details) {
        super(describe(details));
        this.name = 'EngineError';
        this.command = details.command;
        this.subject = details.subject;
        this.classification = details.classification;
        this.exitCode = details.exitCode;
        this.timedOut = details.timedOut;
        this.cancelled = details.cancelled;
        this.tail = details.tail;
        this.location = details.location;
    }
    /** Worth another attempt (the engine died, the network dropped…). */
    get transient() {
        return this.classification.class === 'transient' && !this.cancelled;
    }
}
function isTransientEngineError(error) {
    return error instanceof EngineError && error.transient;
}
function describe(details) {
    const { classification } = details;
    let how = `exit code ${details.exitCode}`;
    if (details.timedOut)
        how = 'timed out';
    else if (details.cancelled)
        how = 'cancelled';
    else if (details.exitCode === null)
        how = 'killed by a signal';
    const hint = classification.hint ? `; ${classification.hint}` : '';
    const lines = [`${details.command} ${details.subject} failed (${how}, ${classification.class}): ${classification.reason}${hint}`];
    if (details.location)
        lines.push(`failed at: ${details.location}`);
    lines.push(details.tail.length === 0 ? 'it printed nothing' : `last ${details.tail.length} line(s) of output:`, ...details.tail.map((line) => `  ${line}`));
    return lines.join('\n');
}


/***/ }),

/***/ 61426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fv: () => (/* binding */ registryOf),
/* harmony export */   Xm: () => (/* binding */ qualifiedForPull),
/* harmony export */   iV: () => (/* binding */ onLoopbackRegistry),
/* harmony export */   jW: () => (/* binding */ isLoopbackRegistry),
/* harmony export */   s: () => (/* binding */ digestIn)
/* harmony export */ });
/* unused harmony export qualifiedRepository */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65424);
/**
 * What an image reference means to each engine.
 *
 * Registries on this machine's loopback (a `registry:2` on localhost:5000, say) usually speak
 * plain HTTP. Docker already allows that for 127.0.0.0/8; Podman must be told, per command,
 * with `--tls-verify=false`. Nothing else is ever contacted without TLS verification.
 *
 * Names without a registry: Docker and containerd (the kind nodes) read `postgres:16-alpine` as
 * `docker.io/library/postgres:16-alpine`, while Podman may refuse to guess a registry for a short
 * name it has to pull.
 */


/** Whether `registry` (host[:port]) is localhost or a loopback address. */
function isLoopbackRegistry(registry) {
    const host = registry.startsWith('[') ? registry.slice(1, registry.indexOf(']')) : registry.replace(/:\d+$/, '');
    if (host === 'localhost' || host === '::1')
        return true;
    return (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv4)(host) && host.split('.')[0] === '127';
}
/** The registry of an image reference, or undefined for Docker Hub and local names. */
function registryOf(reference) {
    return (0,_config_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(reference).registry;
}
/** Whether commands about `reference` must skip TLS verification (see the module comment). */
function onLoopbackRegistry(reference) {
    const registry = registryOf(reference);
    return registry !== undefined && isLoopbackRegistry(registry);
}
/** `postgres:16-alpine` → `docker.io/library/postgres:16-alpine`: the same image for every engine and for containerd. */
function qualifiedForPull(reference) {
    const parsed = (0,_config_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(reference);
    if (parsed.registry !== undefined)
        return reference;
    const path = parsed.path.includes('/') ? parsed.path : `library/${parsed.path}`;
    return (0,_config_index_js__WEBPACK_IMPORTED_MODULE_1__/* .formatReference */ .FH)({ ...parsed, registry: 'docker.io', path });
}
/** The repository of a reference with the registry spelled out: `postgres@sha256:…` → `docker.io/library/postgres`. */
function qualifiedRepository(reference) {
    const { registry, path } = (0,_config_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(qualifiedForPull(reference));
    return `${registry}/${path}`;
}
/** The registry digest an engine recorded for `reference`'s repository, if any. */
function digestIn(repoDigests, reference) {
    const repository = qualifiedRepository(reference);
    const match = repoDigests.find((entry) => qualifiedRepository(entry) === repository);
    return match === undefined ? null : ((0,_config_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(match).digest ?? null);
}


/***/ }),

/***/ 89501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   qi: () => (/* binding */ applyObject),
/* harmony export */   vy: () => (/* binding */ FIELD_MANAGER)
/* harmony export */ });
/* unused harmony export ApplyError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23646);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96384);
/* harmony import */ var _until_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92065);



const FIELD_MANAGER = 'aianalysis-e2e';
/** How long the old Job may take to be gone before the new one is created. */
const JOB_GONE_TIMEOUT_MS = 60_000;
const JOB_GONE_POLL_MS = 250;
class ApplyError extends Error {
    ref;
    constructor(ref, reason) {
        super(`cannot apply ${(0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .describeRef */ .Ro)(ref)}: ${reason}`);
        this.ref = ref;
        this.name = 'ApplyError';
    }
}
/** Creates or updates the object; forces ownership, since this action is the only writer of its manifests. `log` hears of a replaced Job. */
async function applyObject(kube, obj, log) {
    try {
        return await kube.objects.serverSideApply(obj, FIELD_MANAGER);
    }
    catch (error) {
        kube.signal?.throwIfAborted();
        if (obj.apiVersion === 'batch/v1' && obj.kind === 'Job' && (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isImmutableFieldChange */ .zx)(error, 'spec.template')) {
            return recreateJob(kube, obj, log);
        }
        throw new ApplyError((0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .refOf */ .H8)(obj), (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeKubeError */ .j3)(error, kube.callTimeoutMs));
    }
}
async function recreateJob(kube, job, log) {
    const ref = (0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .refOf */ .H8)(job);
    log?.info(`${(0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .describeRef */ .Ro)(ref)}: its pod template changed, which a Job's cannot; deleting the Job and creating it again`);
    try {
        // Background: the old Job goes at once, its pods after it; the new Job's pods are told apart by its uid.
        await kube.objects.delete(job, undefined, undefined, undefined, undefined, 'Background');
        const gone = await (0,_until_js__WEBPACK_IMPORTED_MODULE_2__/* .until */ .T)(() => jobGone(kube, job), { timeoutMs: JOB_GONE_TIMEOUT_MS, pollIntervalMs: JOB_GONE_POLL_MS, signal: kube.signal });
        if (!gone)
            throw new ApplyError(ref, `the old Job was still there ${JOB_GONE_TIMEOUT_MS / 1000} s after its deletion`);
        return await kube.objects.serverSideApply(job, FIELD_MANAGER);
    }
    catch (error) {
        kube.signal?.throwIfAborted();
        if (error instanceof ApplyError)
            throw error;
        throw new ApplyError(ref, `replacing the Job: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeKubeError */ .j3)(error, kube.callTimeoutMs)}`);
    }
}
async function jobGone(kube, job) {
    try {
        await kube.objects.read({ apiVersion: job.apiVersion, kind: job.kind, metadata: { name: job.metadata.name, namespace: job.metadata.namespace } });
        return undefined;
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(error))
            return true;
        throw error;
    }
}


/***/ }),

/***/ 58112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ watchCollections)
/* harmony export */ });
/* harmony import */ var _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12901);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(23646);
/** Watches that only say "something changed": the waiter re-reads the state itself, so a lost watch costs latency, not correctness. */


/** A `wakeUps` source for `until`: one watch per collection path, re-opened after `retryMs` when it ends. */
function watchCollections(kube, paths, log, retryMs) {
    return (wake) => {
        const watch = new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .Watch */ .ox1(kube.kubeConfig);
        const controllers = new Map();
        const timers = new Set();
        let stopped = false;
        const open = (path) => {
            const reopen = (error) => {
                if (stopped)
                    return;
                if (error)
                    log.debug(`watch of ${path} ended (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeKubeError */ .j3)(error)}); polling until it is re-opened`);
                const timer = setTimeout(() => {
                    timers.delete(timer);
                    open(path);
                }, retryMs);
                timers.add(timer);
            };
            watch.watch(path, {}, () => wake(), reopen).then((controller) => {
                if (stopped)
                    controller.abort();
                else
                    controllers.set(path, controller);
            }, reopen);
        };
        for (const path of new Set(paths))
            open(path);
        return () => {
            stopped = true;
            for (const controller of controllers.values())
                controller.abort();
            for (const timer of timers)
                clearTimeout(timer);
        };
    };
}


/***/ }),

/***/ 31934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jc: () => (/* binding */ KindNotServedError),
/* harmony export */   mS: () => (/* binding */ connectKube)
/* harmony export */ });
/* unused harmony exports ObjectApi, loadKubeConfig */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12901);
/** Loads a kubeconfig and builds the API clients, every request bounded by a timeout and a cancellation signal. */


class KindNotServedError extends Error {
    constructor(apiVersion, kind) {
        super(`the API server does not serve kind ${kind} in ${apiVersion}`
            + (apiVersion.includes('/') ? ' (for a custom resource: is its CustomResourceDefinition applied and Established?)' : ''));
    }
}
/** KubernetesObjectApi plus what the adapters need: verbatim server-side apply, resource scope, collection paths. */
class ObjectApi extends _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .KubernetesObjectApi */ .e1Y {
    constructor(configuration, kubeConfig) {
        super(configuration);
        this.setDefaultNamespace(kubeConfig);
    }
    /** The namespace of objects whose manifest names none. */
    get fallbackNamespace() {
        return this.defaultNamespace;
    }
    async resource(apiVersion, kind) {
        try {
            const found = await super.resource(apiVersion, kind);
            if (!found)
                throw new KindNotServedError(apiVersion, kind);
            return found;
        }
        catch (error) {
            if (error instanceof _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .ApiException */ .UJ4 && error.code === 404)
                throw new KindNotServedError(apiVersion, kind);
            throw error;
        }
    }
    /**
     * Server-side apply of the manifest exactly as written. KubernetesObjectApi.patch re-serialises built-in
     * kinds through the generated models, which silently drops what they do not model: a CRD schema's `enum`,
     * `default` and `x-kubernetes-*` keys, and misspelt fields the server should reject (`fieldValidation=Strict`).
     */
    async serverSideApply(obj, fieldManager) {
        const spec = { ...obj, metadata: { ...obj.metadata } };
        const path = await this.specUriPath(spec, 'patch');
        const request = this.configuration.baseServer.makeRequestContext(path, _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .HttpMethod */ .ym3.PATCH);
        request.setHeaderParam('Accept', 'application/json');
        request.setHeaderParam('Content-Type', _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .PatchStrategy */ .Qve.ServerSideApply);
        request.setQueryParam('fieldManager', fieldManager);
        request.setQueryParam('force', 'true');
        request.setQueryParam('fieldValidation', 'Strict');
        request.setBody(JSON.stringify(spec));
        return this.requestPromise(request);
    }
    async isNamespaced(apiVersion, kind) {
        return (await this.resource(apiVersion, kind))?.namespaced ?? false;
    }
    /** `/apis/apps/v1/namespaces/ns/deployments`: where to list or watch objects of a kind. */
    collectionPath(apiVersion, kind, namespace) {
        return this.specUriPath({ apiVersion, kind, metadata: { namespace } }, 'list');
    }
}
function loadKubeConfig(path) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        throw new Error(`kubeconfig ${path} does not exist`);
    const kubeConfig = new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .KubeConfig */ .ypW();
    try {
        kubeConfig.loadFromFile(path);
    }
    catch (error) {
        throw new Error(`cannot read kubeconfig ${path}: ${error.message}`);
    }
    if (!kubeConfig.getCurrentCluster()) {
        throw new Error(`kubeconfig ${path}: current-context "${kubeConfig.getCurrentContext()}" names no cluster`);
    }
    return kubeConfig;
}
/** Gives each request its own deadline, joined with the caller's cancellation. */
function deadlineMiddleware({ callTimeoutMs, signal }) {
    return {
        pre: async (request) => {
            const timeout = AbortSignal.timeout(callTimeoutMs);
            request.setSignal(signal ? AbortSignal.any([signal, timeout]) : timeout);
            return request;
        },
        post: async (response) => response,
    };
}
function connectKube(kubeconfigPath, options) {
    if (!(options.callTimeoutMs > 0))
        throw new Error(`callTimeoutMs must be a positive number, got ${options.callTimeoutMs}`);
    const kubeConfig = loadKubeConfig(kubeconfigPath);
    const configuration = (0,_kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .createConfiguration */ .$v4)({
        baseServer: new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .ServerConfiguration */ .i04(kubeConfig.getCurrentCluster().server, {}),
        authMethods: { default: kubeConfig },
        promiseMiddleware: [deadlineMiddleware(options)],
    });
    return {
        kubeConfig,
        objects: new ObjectApi(configuration, kubeConfig),
        core: new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .CoreV1Api */ .f5Y(configuration),
        apps: new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .AppsV1Api */ .eY6(configuration),
        callTimeoutMs: options.callTimeoutMs,
        signal: options.signal,
    };
}


/***/ }),

/***/ 29233:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ latestEvents),
/* harmony export */   h: () => (/* binding */ diagnose)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23646);
/* harmony import */ var _pods_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61281);


function stateOf(state) {
    if (state?.waiting)
        return { state: 'waiting', reason: state.waiting.reason, message: state.waiting.message };
    if (state?.terminated) {
        const t = state.terminated;
        return { state: 'terminated', reason: t.reason, message: t.message, exitCode: t.exitCode };
    }
    if (state?.running)
        return { state: 'running' };
    return { state: 'unknown' };
}
async function readLogs(kube, pod, container, previous, lines) {
    try {
        const text = await kube.core.readNamespacedPodLog({ name: pod.metadata.name, namespace: pod.metadata.namespace,
            container, previous, tailLines: lines });
        const all = text.split('\n');
        if (all[all.length - 1] === '')
            all.pop();
        return { lines: all.slice(-lines) };
    }
    catch (error) {
        kube.signal?.throwIfAborted();
        return { unavailable: (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeKubeError */ .j3)(error, kube.callTimeoutMs) };
    }
}
async function reportContainer(kube, pod, status, init, logLines) {
    const last = status.lastState?.terminated;
    const restartCount = status.restartCount ?? 0;
    const [logs, previousLogs] = await Promise.all([
        readLogs(kube, pod, status.name, false, logLines),
        restartCount > 0 || last ? readLogs(kube, pod, status.name, true, logLines) : undefined,
    ]);
    return {
        name: status.name, image: status.image, init, ready: status.ready ?? false, restartCount,
        ...stateOf(status.state),
        ...(last ? { lastTermination: { reason: last.reason, exitCode: last.exitCode, finishedAt: last.finishedAt?.toISOString() } } : {}),
        logs,
        ...(previousLogs ? { previousLogs } : {}),
    };
}
async function reportPod(kube, pod, logLines) {
    const statuses = [
        ...(pod.status?.initContainerStatuses ?? []).map((s) => [s, true]),
        ...(pod.status?.containerStatuses ?? []).map((s) => [s, false]),
    ];
    return {
        name: pod.metadata?.name ?? '',
        phase: pod.status?.phase,
        node: pod.spec?.nodeName,
        containers: await Promise.all(statuses.map(([s, init]) => reportContainer(kube, pod, s, init, logLines))),
    };
}
/** Stuck pods first, then pods that are not ready, then the rest. */
function byTrouble(a, b) {
    const rank = (p) => ((0,_pods_js__WEBPACK_IMPORTED_MODULE_1__/* .podProblem */ .h3)(p) ? 0 : p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 2 : 1);
    return rank(a) - rank(b);
}
/** client-node leaves `eventTime` (a MicroTime) as the raw string despite its Date type. */
function asDate(value) {
    if (value === null || value === undefined)
        return undefined;
    const date = typeof value.getTime === 'function' ? value : new Date(String(value));
    return Number.isNaN(date.getTime()) ? undefined : date;
}
function eventTime(e) {
    return asDate(e.lastTimestamp) ?? asDate(e.eventTime) ?? asDate(e.firstTimestamp) ?? asDate(e.metadata?.creationTimestamp);
}
/**
 * Event times mostly have second precision, and events of one second come from different objects. So events
 * are ordered by second, then by resourceVersion: opaque by contract, but etcd revisions that grow with
 * every write in practice, which orders the events of one second as they were (last) written.
 */
function order(a, b) {
    return Math.floor(a.at / 1000) - Math.floor(b.at / 1000) || a.rv - b.rv || a.index - b.index;
}
function latestEvents(events, involved, count) {
    return events
        .filter((e) => involved.has(e.involvedObject?.name ?? ''))
        .map((e, index) => ({ e, index, at: eventTime(e)?.getTime() ?? 0, rv: Number(e.metadata?.resourceVersion) || 0 }))
        .sort(order)
        .slice(-count)
        .map(({ e }) => ({
        time: eventTime(e)?.toISOString(), type: e.type, reason: e.reason,
        object: `${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`, message: e.message, count: e.count,
    }));
}
async function diagnose(kube, failure, options) {
    const { ref } = failure;
    const diagnosis = { ref, problem: failure.reason, pods: [], events: [], notes: [] };
    const note = (what, error) => {
        kube.signal?.throwIfAborted();
        diagnosis.notes.push(`${what}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeKubeError */ .j3)(error, kube.callTimeoutMs)}`);
    };
    let obj;
    try {
        obj = await kube.objects.read({ apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace } });
    }
    catch (error) {
        note(`cannot read ${ref.kind} ${ref.name}`, error);
    }
    let pods = [];
    if (obj) {
        try {
            pods = [...(await (0,_pods_js__WEBPACK_IMPORTED_MODULE_1__/* .podsBehind */ .z$)(kube, obj))].sort(byTrouble);
        }
        catch (error) {
            note('cannot list its pods', error);
        }
    }
    const described = pods.slice(0, options.maxPods ?? 3);
    if (pods.length > described.length)
        diagnosis.notes.push(`${pods.length - described.length} more pods not described`);
    diagnosis.pods = await Promise.all(described.map((p) => reportPod(kube, p, options.logLines)));
    // Events about the object, its pods and the ReplicaSets between them.
    const involved = new Set([ref.name, ...pods.map((p) => p.metadata?.name ?? '')]);
    for (const p of pods)
        for (const o of p.metadata?.ownerReferences ?? [])
            involved.add(o.name);
    try {
        const events = await kube.core.listNamespacedEvent({ namespace: obj?.metadata?.namespace ?? ref.namespace ?? 'default' });
        diagnosis.events = latestEvents(events.items, involved, options.events);
    }
    catch (error) {
        note('cannot list events', error);
    }
    return diagnosis;
}


/***/ }),

/***/ 23646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   j3: () => (/* binding */ describeKubeError),
/* harmony export */   zx: () => (/* binding */ isImmutableFieldChange)
/* harmony export */ });
/* harmony import */ var _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12901);
/** Turns what client-node throws into messages that say what the API server answered. */

function parseStatus(body) {
    if (body && typeof body === 'object')
        return body;
    if (typeof body !== 'string')
        return undefined;
    try {
        const parsed = JSON.parse(body);
        return parsed && typeof parsed === 'object' ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
function httpStatusOf(error) {
    return error instanceof _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .ApiException */ .UJ4 ? error.code : undefined;
}
function isNotFound(error) {
    return httpStatusOf(error) === 404;
}
/** Whether the API refused an update for changing `field`, which cannot change once the object exists. */
function isImmutableFieldChange(error, field) {
    if (!(error instanceof _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .ApiException */ .UJ4) || error.code !== 422)
        return false;
    const causes = parseStatus(error.body)?.details?.causes ?? [];
    return causes.some((cause) => cause.field === field && /field is immutable/.test(cause.message ?? ''));
}
/** One line: the API's Status message and reason, or what went wrong on the way to the API. */
function describeKubeError(error, callTimeoutMs) {
    if (error instanceof _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .ApiException */ .UJ4) {
        const status = parseStatus(error.body);
        if (status?.message)
            return `${status.message} (${status.reason ?? 'HTTP'} ${error.code})`;
        const raw = typeof error.body === 'string' ? error.body.trim().slice(0, 300) : '';
        return `HTTP ${error.code}${raw ? `: ${raw}` : ''}`;
    }
    if (error instanceof Error || error instanceof DOMException) {
        if (error.name === 'TimeoutError') {
            return `the Kubernetes API did not answer${callTimeoutMs ? ` within ${callTimeoutMs / 1000} s` : ' in time'}`;
        }
        if (error.name === 'AbortError')
            return 'cancelled';
        const cause = error.cause;
        // undici's network errors; client-node may have prefixed the message with what it was fetching.
        if (error.message.endsWith('fetch failed') && typeof cause?.message === 'string') {
            return `cannot reach the Kubernetes API: ${cause.message}`;
        }
        return error.message;
    }
    return String(error);
}


/***/ }),

/***/ 61281:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AY: () => (/* binding */ describePodProblem),
/* harmony export */   D2: () => (/* binding */ runsPods),
/* harmony export */   h3: () => (/* binding */ podProblem),
/* harmony export */   z$: () => (/* binding */ podsBehind),
/* harmony export */   zD: () => (/* binding */ selectorString)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96384);

/** Waiting reasons that mean the container will not start without a change to the manifest or image. */
const FATAL_WAITING_REASONS = new Set([
    'CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'ErrImageNeverPull', 'InvalidImageName',
    'CreateContainerConfigError',
]);
function describePodProblem(p) {
    const details = [p.restartCount ? `restarts ${p.restartCount}` : '', p.exitCode !== undefined ? `exit code ${p.exitCode}` : '']
        .filter(Boolean).join(', ');
    return `pod ${p.pod} container ${p.container}: ${p.reason}${details ? ` (${details})` : ''}${p.message ? ` — ${p.message}` : ''}`;
}
/** The first container of the pod that is stuck for good, if any. Terminating pods are ignored. */
function podProblem(pod) {
    if (pod.metadata?.deletionTimestamp)
        return undefined;
    const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
    for (const s of statuses) {
        const base = { pod: pod.metadata?.name ?? '', container: s.name, restartCount: s.restartCount ?? 0 };
        const waiting = s.state?.waiting;
        const oom = [s.state?.terminated, s.lastState?.terminated].find((t) => t?.reason === 'OOMKilled');
        if (oom)
            return { ...base, reason: 'OOMKilled', exitCode: oom.exitCode, message: waiting?.reason };
        if (waiting?.reason && FATAL_WAITING_REASONS.has(waiting.reason)) {
            const exitCode = s.lastState?.terminated?.exitCode;
            return { ...base, reason: waiting.reason, message: waiting.message, ...(exitCode !== undefined ? { exitCode } : {}) };
        }
    }
    return undefined;
}
/** `app=x,tier in (a,b)`: a label selector in the query-parameter syntax. */
function selectorString(selector) {
    const labels = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
    const expressions = (selector.matchExpressions ?? []).map((e) => {
        switch (e.operator) {
            case 'In': return `${e.key} in (${(e.values ?? []).join(',')})`;
            case 'NotIn': return `${e.key} notin (${(e.values ?? []).join(',')})`;
            case 'Exists': return e.key;
            default: return `!${e.key}`;
        }
    });
    return [...labels, ...expressions].join(',');
}
const POD_OWNERS = new Set(['apps/Deployment', 'apps/StatefulSet', 'apps/DaemonSet', 'apps/ReplicaSet', 'batch/Job']);
/** Whether the object runs pods, i.e. whether its pods can tell why it is not ready. */
function runsPods(apiVersion, kind) {
    return POD_OWNERS.has(`${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .groupOf */ .F8)(apiVersion)}/${kind}`) || (apiVersion === 'v1' && kind === 'Pod');
}
async function podsBehind(kube, obj) {
    const namespace = obj.metadata?.namespace;
    const name = obj.metadata?.name;
    if (!namespace || !name || !runsPods(obj.apiVersion ?? '', obj.kind ?? ''))
        return [];
    if (obj.kind === 'Pod') {
        return (await kube.core.listNamespacedPod({ namespace, fieldSelector: `metadata.name=${name}` })).items;
    }
    const selector = obj.spec?.selector;
    if (!selector)
        return [];
    return (await kube.core.listNamespacedPod({ namespace, labelSelector: selectorString(selector) })).items;
}


/***/ }),

/***/ 96384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F8: () => (/* binding */ groupOf),
/* harmony export */   H8: () => (/* binding */ refOf),
/* harmony export */   Ro: () => (/* binding */ describeRef)
/* harmony export */ });
function refOf(obj) {
    const { apiVersion, kind, metadata } = obj;
    return { apiVersion, kind, name: metadata.name, ...(metadata.namespace ? { namespace: metadata.namespace } : {}) };
}
/** `Deployment kubernaut-system/datastorage`, or `CustomResourceDefinition aianalyses.kubernaut.ai`. */
function describeRef(ref) {
    return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}
/** The group of an apiVersion: `apps` for `apps/v1`, '' for the core `v1`. */
function groupOf(apiVersion) {
    return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
}


/***/ }),

/***/ 92065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ until)
/* harmony export */ });
/** Re-checks a condition on every wake-up and at least every poll interval, until it holds or time runs out. */
/**
 * Runs `check` until it returns a value and returns that value, or `undefined` once `timeoutMs` has passed
 * (after one last check). Wake-ups during a check lead to one more check right after it. Throws the
 * signal's reason when cancelled.
 */
async function until(check, options) {
    const { signal } = options;
    const deadline = performance.now() + options.timeoutMs;
    let woken = false;
    let interrupt;
    const stopWakeUps = options.wakeUps?.(() => {
        woken = true;
        interrupt?.();
    });
    try {
        for (;;) {
            signal?.throwIfAborted();
            woken = false;
            const result = await check();
            if (result !== undefined)
                return result;
            const left = deadline - performance.now();
            if (left <= 0)
                return undefined;
            if (!woken)
                await pause(Math.min(left, options.pollIntervalMs), signal, (fn) => (interrupt = fn));
        }
    }
    finally {
        stopWakeUps?.();
    }
}
/** Sleeps for `ms`, or until interrupted, or rejects when the signal aborts. */
function pause(ms, signal, setInterrupt) {
    return new Promise((resolve, reject) => {
        const finish = (error) => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            setInterrupt(undefined);
            if (error === undefined)
                resolve();
            else
                reject(error);
        };
        const onAbort = () => finish(signal?.reason);
        const timer = setTimeout(() => finish(), ms);
        setInterrupt(() => finish());
        if (signal?.aborted)
            onAbort();
        else
            signal?.addEventListener('abort', onAbort, { once: true });
    });
}


/***/ }),

/***/ 5044:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ik: () => (/* binding */ DEPLOY_TASK_ID),
  ln: () => (/* binding */ deployTask),
  hz: () => (/* binding */ prepareDeploy)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/config/index.ts + 15 modules
var src_config = __webpack_require__(65424);
// EXTERNAL MODULE: ./src/engine/references.ts
var references = __webpack_require__(61426);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/deploy/manifests.ts
/**
 * The manifest set: the default manifests (some replaced by the caller's own), the caller's extra
 * manifests and the CRDs, all read and parsed before anything is applied.
 */



class ManifestError extends Error {
    problems;
    constructor(problems) {
        super(`the manifests are not usable:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'ManifestError';
    }
}
function objectProblem(value) {
    if (!value || typeof value !== 'object' || Array.isArray(value))
        return 'is not a mapping (an object with apiVersion, kind, metadata)';
    const o = value;
    const metadata = o.metadata;
    const missing = [
        typeof o.apiVersion === 'string' && o.apiVersion ? '' : 'apiVersion',
        typeof o.kind === 'string' && o.kind ? '' : 'kind',
        metadata && typeof metadata.name === 'string' && metadata.name ? '' : 'metadata.name',
    ].filter(Boolean);
    if (missing.length)
        return `has no ${missing.join(', ')}`;
    if (metadata.namespace !== undefined && typeof metadata.namespace !== 'string')
        return 'has a metadata.namespace that is not a string';
    return undefined;
}
/** Parses a multi-document YAML file; problems name the file and the 1-based document index. */
function parseManifest(path, text) {
    const documents = [];
    const problems = [];
    (0,dist/* parseAllDocuments */.hR)(text).forEach((doc, i) => {
        const where = `${path}: document ${i + 1}`;
        if (doc.errors.length) {
            problems.push(`${where}: invalid YAML: ${doc.errors[0].message}`);
            return;
        }
        const value = doc.toJS();
        if (value === null || value === undefined)
            return;
        const problem = objectProblem(value);
        if (problem)
            problems.push(`${where} ${problem}`);
        else
            documents.push(value);
    });
    return { documents, problems };
}
async function readManifest(name, path, problems) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        problems.push(`${path}: cannot be read (${error.code ?? error.message})`);
        return { name, path, documents: [] };
    }
    const parsed = parseManifest(path, text);
    problems.push(...parsed.problems);
    if (parsed.documents.length === 0 && parsed.problems.length === 0)
        problems.push(`${path}: contains no objects`);
    return { name, path, documents: parsed.documents };
}
async function loadManifestSet(options) {
    const problems = [];
    const replace = options.replace ?? {};
    for (const name of Object.keys(replace)) {
        if (!options.builtinFiles.includes(name)) {
            problems.push(`replace: "${name}" is not a default manifest; the default manifests are: ${options.builtinFiles.join(', ')}`);
        }
    }
    const sources = [
        ...options.builtinFiles.map((name) => [name, replace[name] ?? (0,external_node_path_.join)(options.builtinDir, name)]),
        ...(options.extra ?? []).map((path) => [path, path]),
    ];
    const seen = new Set();
    for (const [name] of sources) {
        if (seen.has(name))
            problems.push(`manifest "${name}" is listed twice`);
        seen.add(name);
    }
    const [files, crds] = await Promise.all([
        Promise.all(sources.map(([name, path]) => readManifest(name, path, problems))),
        Promise.all((options.crds ?? []).map((path) => readManifest(path, path, problems))),
    ]);
    for (const crdFile of crds) {
        crdFile.documents.forEach((o, i) => {
            if (o.kind !== 'CustomResourceDefinition') {
                problems.push(`${crdFile.path}: object ${i + 1} (${o.kind} ${o.metadata.name}) is not a CustomResourceDefinition; `
                    + 'put it in a stage instead');
            }
        });
    }
    if (problems.length)
        throw new ManifestError(problems);
    return { crds, files: new Map(files.map((f) => [f.name, f])) };
}

// EXTERNAL MODULE: ./src/kube/types.ts
var types = __webpack_require__(96384);
;// CONCATENATED MODULE: ./src/deploy/pod-spec.ts
const TEMPLATE_PATHS = {
    Pod: ['spec'],
    Deployment: ['spec', 'template', 'spec'],
    StatefulSet: ['spec', 'template', 'spec'],
    DaemonSet: ['spec', 'template', 'spec'],
    ReplicaSet: ['spec', 'template', 'spec'],
    Job: ['spec', 'template', 'spec'],
    CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
/** The pod spec inside the object (the object's own, not a copy), if its kind runs pods. */
function podSpecOf(obj) {
    const path = TEMPLATE_PATHS[obj.kind];
    if (!path)
        return undefined;
    let node = obj;
    for (const key of path)
        node = node && typeof node === 'object' ? node[key] : undefined;
    return node && typeof node === 'object' ? node : undefined;
}
function containersOf(spec) {
    return [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
}

;// CONCATENATED MODULE: ./src/deploy/coverage.ts
/**
 * The coverage switch, applied in code so the manifests stay free of it. A Go binary built with `-cover`
 * writes its counters to $GOCOVERDIR when it exits; that folder is a hostPath on the kind node, whose
 * own mount brings the files out to the runner. The same path is used inside the pod and on the node.
 */


const COVERAGE_VOLUME = 'coverdata';
function coverageOptionsProblem(options) {
    return (0,external_node_path_.isAbsolute)(options.podDir) ? undefined : `coverage podDir "${options.podDir}" must be an absolute path`;
}
function upsert(list, item) {
    return [...(list ?? []).filter((x) => x.name !== item.name), item];
}
function instrument(container, podSpec, podDir) {
    container.env = upsert(container.env, { name: 'GOCOVERDIR', value: podDir });
    container.volumeMounts = upsert(container.volumeMounts, { name: COVERAGE_VOLUME, mountPath: podDir });
    // The hostPath folder is created by (and belongs to) root on the node: the binary must run as root to write there.
    const nonRootRequired = container.securityContext?.runAsNonRoot ?? podSpec.securityContext?.runAsNonRoot;
    container.securityContext = { ...container.securityContext, runAsUser: 0, ...(nonRootRequired ? { runAsNonRoot: false } : {}) };
}
/** Adds the coverage env, mount, hostPath volume and root user to a Deployment's containers, in place. */
function applyCoverage(obj, podDir) {
    const spec = podSpecOf(obj);
    if (obj.kind !== 'Deployment' || !spec)
        return;
    for (const container of spec.containers ?? [])
        instrument(container, spec, podDir);
    spec.volumes = upsert(spec.volumes, { name: COVERAGE_VOLUME, hostPath: { path: podDir, type: 'DirectoryOrCreate' } });
}

;// CONCATENATED MODULE: ./src/deploy/images.ts

const IMAGE_PLACEHOLDER_PREFIX = 'aianalysis-e2e.local/';
const LOGICAL_NAME = /^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/;
/** Why an image reference would make the run irreproducible, if it would. */
function imageTagProblem(image) {
    if (image.includes('@'))
        return undefined;
    const colon = image.lastIndexOf(':');
    if (colon <= image.lastIndexOf('/'))
        return 'has no tag (it would mean :latest); pin a tag or a digest';
    if (image.slice(colon + 1) === 'latest')
        return 'uses the tag :latest; pin a tag or a digest';
    return undefined;
}
/** Substitutes the placeholders of the object's containers in place; returns the problems found. */
function substituteImages(obj, images, where) {
    const spec = podSpecOf(obj);
    if (!spec)
        return [];
    const problems = [];
    for (const container of containersOf(spec)) {
        const at = `${where}: ${obj.kind} ${obj.metadata.name}, container ${container.name}`;
        const image = container.image;
        if (typeof image !== 'string' || !image) {
            problems.push(`${at} has no image`);
            continue;
        }
        if (image.startsWith(IMAGE_PLACEHOLDER_PREFIX)) {
            const logical = image.slice(IMAGE_PLACEHOLDER_PREFIX.length);
            const resolved = images[logical];
            if (!LOGICAL_NAME.test(logical)) {
                problems.push(`${at}: image placeholder "${image}" is malformed; write ${IMAGE_PLACEHOLDER_PREFIX}<logical-name> without a tag`);
                continue;
            }
            if (!resolved) {
                const known = Object.keys(images);
                problems.push(`${at}: image placeholder "${image}" names no known image; known logical names: `
                    + (known.length ? known.join(', ') : '(none)'));
                continue;
            }
            container.image = resolved.reference;
            container.imagePullPolicy = resolved.pullPolicy;
        }
        const tagProblem = imageTagProblem(container.image);
        if (tagProblem)
            problems.push(`${at}: image "${container.image}" ${tagProblem}`);
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/deploy/plan.ts
/**
 * Turns the manifest set and the stage list into the objects to apply, stage by stage, with images
 * substituted and coverage switched on. Pure: every problem is found here, before anything is applied.
 */




/** The name of the step that applies the CRDs, before the stages. */
const CRD_STEP = 'crds';
function stageProblems(stages, manifests) {
    const problems = [];
    if (stages.length === 0)
        problems.push('stages: at least one stage is needed');
    const names = new Set();
    const placed = new Map();
    for (const [i, stage] of stages.entries()) {
        const at = `stages[${i}]${stage.name ? ` ("${stage.name}")` : ''}`;
        if (!stage.name)
            problems.push(`${at}: name is empty`);
        else if (names.has(stage.name))
            problems.push(`${at}: the name "${stage.name}" is used twice`);
        names.add(stage.name);
        if (!(Number.isFinite(stage.timeoutSeconds) && stage.timeoutSeconds > 0)) {
            problems.push(`${at}: timeoutSeconds must be a positive number, got ${stage.timeoutSeconds}`);
        }
        if (stage.files.length === 0)
            problems.push(`${at}: files is empty`);
        for (const file of stage.files) {
            if (!manifests.files.has(file)) {
                problems.push(`${at}: "${file}" is not in the manifest set; it holds: ${[...manifests.files.keys()].join(', ')}`);
            }
            else if (placed.has(file)) {
                problems.push(`${at}: "${file}" is already deployed by stage "${placed.get(file)}"`);
            }
            placed.set(file, stage.name);
        }
    }
    for (const file of manifests.files.keys()) {
        if (!placed.has(file))
            problems.push(`manifest "${file}" is in no stage, so it would never be applied`);
    }
    return problems;
}
function planned(file) {
    return file.documents.map((doc, i) => ({ object: structuredClone(doc), source: `${file.path}: document ${i + 1}` }));
}
function identity(o) {
    return `${(0,types/* groupOf */.F8)(o.apiVersion)}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}
function planDeploy(options) {
    const { manifests, images, coverage } = options;
    const problems = stageProblems(options.stages, manifests);
    const crds = manifests.crds.flatMap(planned);
    if (crds.length && options.stages.some((s) => s.name === CRD_STEP)) {
        problems.push(`stages: the name "${CRD_STEP}" is reserved for the CRD step`);
    }
    // A file placed twice is already a problem; planning it once keeps it from also reading as duplicate objects.
    const placed = new Set();
    const stages = options.stages.map((s) => ({
        name: s.name, timeoutSeconds: s.timeoutSeconds,
        objects: s.files.flatMap((f) => {
            const file = manifests.files.get(f);
            if (!file || placed.has(f))
                return [];
            placed.add(f);
            return planned(file);
        }),
    }));
    const all = [...crds, ...stages.flatMap((s) => s.objects)];
    const seen = new Map();
    for (const { object, source } of all) {
        const id = identity(object);
        if (seen.has(id))
            problems.push(`${source}: ${object.kind} ${object.metadata.name} is also defined at ${seen.get(id)}`);
        seen.set(id, source);
        problems.push(...substituteImages(object, images, source));
    }
    if (coverage) {
        const optionsProblem = coverageOptionsProblem(coverage);
        if (optionsProblem)
            problems.push(optionsProblem);
        const deployments = all.filter((p) => p.object.kind === 'Deployment');
        for (const name of coverage.deployments) {
            const targets = deployments.filter((p) => p.object.metadata.name === name);
            if (targets.length === 0) {
                problems.push(`coverage: no Deployment named "${name}"; the Deployments are: `
                    + (deployments.map((p) => p.object.metadata.name).join(', ') || '(none)'));
            }
            for (const t of targets)
                applyCoverage(t.object, coverage.podDir);
        }
    }
    if (problems.length)
        throw new ManifestError(problems);
    return { crds, stages };
}

// EXTERNAL MODULE: ./src/kube/apply.ts
var apply = __webpack_require__(89501);
// EXTERNAL MODULE: ./src/kube/diagnose.ts
var diagnose = __webpack_require__(29233);
// EXTERNAL MODULE: ./src/kube/changes.ts
var changes = __webpack_require__(58112);
// EXTERNAL MODULE: ./src/kube/errors.ts
var errors = __webpack_require__(23646);
// EXTERNAL MODULE: ./src/kube/pods.ts
var kube_pods = __webpack_require__(61281);
;// CONCATENATED MODULE: ./src/kube/readiness.ts

const READY = { state: 'ready' };
const waiting = (reason) => ({ state: 'waiting', reason });
const failed = (reason) => ({ state: 'failed', reason });
function specObserved(obj) {
    return (obj.metadata?.generation ?? 0) <= (obj.status?.observedGeneration ?? 0);
}
function deploymentReadiness(d) {
    if (!specObserved(d))
        return waiting('waiting for the deployment spec update to be observed');
    const status = d.status ?? {};
    const progressing = status.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') {
        return failed(`exceeded its progress deadline${progressing.message ? `: ${progressing.message}` : ''}`);
    }
    const desired = d.spec?.replicas ?? 1;
    const updated = status.updatedReplicas ?? 0;
    const replicas = status.replicas ?? 0;
    const available = status.availableReplicas ?? 0;
    if (updated < desired)
        return waiting(`${updated} of ${desired} new replicas have been updated`);
    if (replicas > updated)
        return waiting(`${replicas - updated} old replicas are pending termination`);
    if (available < updated)
        return waiting(`${available} of ${updated} updated replicas are available`);
    return READY;
}
function statefulSetReadiness(s) {
    const status = s.status ?? {};
    if (!status.observedGeneration || !specObserved(s))
        return waiting('waiting for the statefulset spec update to be observed');
    const desired = s.spec?.replicas ?? 1;
    const ready = status.readyReplicas ?? 0;
    if (ready < desired)
        return waiting(`${ready} of ${desired} pods are ready`);
    const strategy = s.spec?.updateStrategy;
    // Only RollingUpdate has revisions to converge; with OnDelete, ready pods are all kubectl can check.
    if (strategy?.type !== undefined && strategy.type !== 'RollingUpdate')
        return READY;
    const partition = strategy?.rollingUpdate?.partition ?? 0;
    if (partition > 0) {
        const updated = status.updatedReplicas ?? 0;
        return updated < desired - partition
            ? waiting(`partitioned roll out: ${updated} of ${desired - partition} new pods have been updated`)
            : READY;
    }
    if (status.updateRevision !== status.currentRevision) {
        return waiting(`rolling update in progress: ${status.updatedReplicas ?? 0} pods at revision ${status.updateRevision}`);
    }
    return READY;
}
function daemonSetReadiness(d) {
    if (!specObserved(d))
        return waiting('waiting for the daemon set spec update to be observed');
    const status = d.status;
    const desired = status?.desiredNumberScheduled ?? 0;
    const updated = status?.updatedNumberScheduled ?? 0;
    const available = status?.numberAvailable ?? 0;
    if (updated < desired)
        return waiting(`${updated} of ${desired} updated pods have been scheduled`);
    if (available < desired)
        return waiting(`${available} of ${desired} updated pods are available`);
    return READY;
}
function jobReadiness(j) {
    const conditions = j.status?.conditions ?? [];
    const failure = conditions.find((c) => c.type === 'Failed' && c.status === 'True');
    if (failure)
        return failed(`failed: ${failure.reason ?? ''}${failure.message ? ` (${failure.message})` : ''}`.trim());
    if (conditions.some((c) => c.type === 'Complete' && c.status === 'True'))
        return READY;
    return waiting(`${j.status?.succeeded ?? 0} of ${j.spec?.completions ?? 1} completions`);
}
function crdReadiness(c) {
    const conditions = c.status?.conditions ?? [];
    const names = conditions.find((x) => x.type === 'NamesAccepted');
    if (names?.status === 'False')
        return failed(`names not accepted: ${names.message ?? names.reason ?? ''}`);
    if (conditions.some((x) => x.type === 'Established' && x.status === 'True'))
        return READY;
    return waiting('not Established yet');
}
const RULES = {
    'apps/Deployment': (o) => deploymentReadiness(o),
    'apps/StatefulSet': (o) => statefulSetReadiness(o),
    'apps/DaemonSet': (o) => daemonSetReadiness(o),
    'batch/Job': (o) => jobReadiness(o),
    'apiextensions.k8s.io/CustomResourceDefinition': (o) => crdReadiness(o),
};
function readiness(obj) {
    const rule = RULES[`${(0,types/* groupOf */.F8)(obj.apiVersion ?? '')}/${obj.kind}`];
    return rule ? rule(obj) : READY;
}

// EXTERNAL MODULE: ./src/kube/until.ts
var until = __webpack_require__(92065);
;// CONCATENATED MODULE: ./src/kube/wait.ts






async function resolveTarget(kube, ref) {
    const namespace = (await kube.objects.isNamespaced(ref.apiVersion, ref.kind))
        ? ref.namespace ?? kube.objects.fallbackNamespace : undefined;
    const resolved = { ...ref, namespace };
    if (!namespace)
        delete resolved.namespace;
    return {
        ref: resolved,
        collection: await kube.objects.collectionPath(ref.apiVersion, ref.kind, namespace),
        runsPods: (0,kube_pods/* runsPods */.D2)(ref.apiVersion, ref.kind),
    };
}
async function evaluate(kube, target) {
    const { ref } = target;
    let obj;
    try {
        obj = await kube.objects.read({ apiVersion: ref.apiVersion, kind: ref.kind,
            metadata: { name: ref.name, namespace: ref.namespace } });
    }
    catch (error) {
        kube.signal?.throwIfAborted();
        // Not there yet, or one failed read: both are worth another look before the deadline.
        return { state: 'waiting', reason: (0,errors/* isNotFound */.c4)(error) ? 'does not exist yet' : `cannot be read: ${(0,errors/* describeKubeError */.j3)(error)}` };
    }
    const verdict = readiness(obj);
    if (verdict.state !== 'waiting' || !target.runsPods)
        return verdict;
    let pods;
    try {
        pods = await (0,kube_pods/* podsBehind */.z$)(kube, obj);
    }
    catch {
        kube.signal?.throwIfAborted();
        return verdict; // the pods are looked at again on the next check
    }
    const stuck = pods.map(kube_pods/* podProblem */.h3).find((p) => p !== undefined);
    return stuck ? { state: 'failed', reason: (0,kube_pods/* describePodProblem */.AY)(stuck), pod: stuck } : verdict;
}
async function waitForReady(kube, refs, options) {
    const { log } = options;
    const pollIntervalMs = options.pollIntervalMs ?? 2000;
    const targets = await Promise.all(refs.map((ref) => resolveTarget(kube, ref)));
    const pending = new Set(targets);
    const lastReason = new Map();
    const podCollections = targets.filter((t) => t.runsPods && t.ref.namespace)
        .map((t) => `/api/v1/namespaces/${t.ref.namespace}/pods`);
    const result = await (0,until/* until */.T)(async () => {
        const verdicts = await Promise.all([...pending].map(async (t) => [t, await evaluate(kube, t)]));
        const failures = [];
        for (const [target, verdict] of verdicts) {
            if (verdict.state === 'ready') {
                pending.delete(target);
                log.info(`${(0,types/* describeRef */.Ro)(target.ref)} is ready`);
            }
            else if (verdict.state === 'failed') {
                failures.push({ ref: target.ref, reason: verdict.reason, ...(verdict.pod ? { pod: verdict.pod } : {}) });
            }
            else if (lastReason.get(target) !== verdict.reason) {
                lastReason.set(target, verdict.reason);
                log.debug(`${(0,types/* describeRef */.Ro)(target.ref)}: ${verdict.reason}`);
            }
        }
        if (failures.length)
            return { ok: false, cause: 'failed', notReady: failures };
        return pending.size === 0 ? { ok: true } : undefined;
    }, {
        timeoutMs: options.timeoutMs,
        pollIntervalMs,
        signal: kube.signal,
        wakeUps: (0,changes/* watchCollections */.j)(kube, [...targets.map((t) => t.collection), ...podCollections], log, pollIntervalMs),
    });
    return result ?? {
        ok: false, cause: 'timeout',
        notReady: [...pending].map((t) => ({ ref: t.ref, reason: lastReason.get(t) ?? 'not ready' })),
    };
}

;// CONCATENATED MODULE: ./src/deploy/stages.ts
/**
 * Runs a deploy plan: the CRDs first (waited Established), then each stage in order. Inside a stage every
 * object is applied at once (Namespaces just before the rest) and then waited for at once, under the
 * stage's timeout; the next stage starts only when the whole stage is ready. A failure stops the deploy
 * with a diagnosis of every object that failed.
 */





class DeployError extends Error {
    stage;
    timings;
    diagnoses;
    constructor(message, stage, 
    /** The stages that completed before the failure. */
    timings, diagnoses) {
        super(message);
        this.stage = stage;
        this.timings = timings;
        this.diagnoses = diagnoses;
        this.name = 'DeployError';
    }
}
const DEFAULT_DIAGNOSIS = { events: 15, logLines: 50 };
async function applyAll(kube, objects, log) {
    const results = await Promise.allSettled(objects.map((o) => (0,apply/* applyObject */.qi)(kube, o, log)));
    kube.signal?.throwIfAborted();
    return results.flatMap((r) => (r.status === 'rejected' ? [r.reason.message] : []));
}
function summary(notReady) {
    return notReady.map((n) => `${(0,types/* describeRef */.Ro)(n.ref)}: ${n.reason}`).join('; ');
}
async function runStep(kube, step, done, options) {
    const { log } = options;
    const started = performance.now();
    const startedAt = new Date().toISOString();
    const objects = step.objects.map((p) => p.object);
    log.info(`stage ${step.name}: applying ${objects.length} objects`);
    // A namespaced object cannot be created before its Namespace exists.
    const namespaces = objects.filter((o) => o.apiVersion === 'v1' && o.kind === 'Namespace');
    const failures = await applyAll(kube, namespaces, log);
    if (failures.length === 0)
        failures.push(...await applyAll(kube, objects.filter((o) => !namespaces.includes(o)), log));
    if (failures.length) {
        throw new DeployError(`stage "${step.name}": ${failures.length} object(s) could not be applied:\n`
            + failures.map((f) => `  - ${f}`).join('\n'), step.name, done, []);
    }
    const applied = performance.now();
    const result = await waitForReady(kube, objects.map(types/* refOf */.H8), {
        timeoutMs: Math.max(step.timeoutSeconds * 1000 - (applied - started), 0),
        pollIntervalMs: options.pollIntervalMs, log,
    });
    if (!result.ok) {
        const diagnoses = await Promise.all(result.notReady.map((n) => (0,diagnose/* diagnose */.h)(kube, n, options.diagnosis ?? DEFAULT_DIAGNOSIS)));
        const what = result.cause === 'timeout'
            ? `did not become ready within ${step.timeoutSeconds} s` : 'failed';
        throw new DeployError(`stage "${step.name}" ${what}: ${summary(result.notReady)}`, step.name, done, diagnoses);
    }
    const ended = performance.now();
    const applyMs = Math.round(applied - started);
    const readyMs = Math.round(ended - applied);
    const timing = { name: step.name, objects: objects.length, startedAt, applyMs, readyMs, totalMs: applyMs + readyMs };
    log.info(`stage ${step.name}: ready in ${(timing.totalMs / 1000).toFixed(1)} s`);
    return timing;
}
async function deploy(kube, plan, options) {
    const steps = [
        ...(plan.crds.length ? [{ name: CRD_STEP, timeoutSeconds: options.crdTimeoutSeconds, objects: plan.crds }] : []),
        ...plan.stages,
    ];
    const timings = [];
    for (const step of steps)
        timings.push(await runStep(kube, step, [...timings], options));
    return { stages: timings };
}

// EXTERNAL MODULE: ./src/kube/client.ts
var client = __webpack_require__(31934);
;// CONCATENATED MODULE: ./src/kube/diagnosis-format.ts

function containerSummary(c) {
    const parts = [`${c.state}${c.reason ? ` ${c.reason}` : ''}`];
    if (c.exitCode !== undefined)
        parts.push(`exit code ${c.exitCode}`);
    parts.push(`restarts ${c.restartCount}`);
    if (c.lastTermination) {
        parts.push(`last terminated: ${c.lastTermination.reason ?? 'unknown'}, exit code ${c.lastTermination.exitCode}`);
    }
    if (!c.ready && c.state === 'running')
        parts.push('not ready');
    return parts.join('; ');
}
function logSections(pod, c) {
    const sections = [{ title: `${pod}/${c.name} (current)`, excerpt: c.logs }];
    if (c.previousLogs)
        sections.push({ title: `${pod}/${c.name} (previous container)`, excerpt: c.previousLogs });
    return sections;
}
function allLogSections(d) {
    return d.pods.flatMap((p) => p.containers.flatMap((c) => logSections(p.name, c)));
}
function diagnosisText(d) {
    const out = [`${(0,types/* describeRef */.Ro)(d.ref)}: ${d.problem}`];
    if (d.pods.length === 0)
        out.push('  no pods');
    for (const pod of d.pods) {
        out.push(`  pod ${pod.name} (${pod.phase ?? 'unknown phase'}${pod.node ? ` on ${pod.node}` : ''})`);
        for (const c of pod.containers) {
            out.push(`    ${c.init ? 'init container' : 'container'} ${c.name}: ${containerSummary(c)}`);
            if (c.message)
                out.push(`      ${c.message}`);
        }
    }
    out.push(`  events (latest ${d.events.length}):`);
    for (const e of d.events) {
        out.push(`    ${e.time ?? '-'} ${e.type ?? ''} ${e.reason ?? ''} ${e.object}: ${e.message ?? ''}`
            + (e.count && e.count > 1 ? ` (x${e.count})` : ''));
    }
    for (const s of allLogSections(d)) {
        out.push(`  logs ${s.title}:`);
        if ('unavailable' in s.excerpt)
            out.push(`    (unavailable: ${s.excerpt.unavailable})`);
        else if (s.excerpt.lines.length === 0)
            out.push('    (empty)');
        else
            out.push(...s.excerpt.lines.map((l) => `    | ${l}`));
    }
    for (const n of d.notes)
        out.push(`  note: ${n}`);
    return `${out.join('\n')}\n`;
}
function cell(text) {
    return String(text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
/** A fence longer than any backtick run in the content, so logs cannot close it early. */
function fenced(lines) {
    const longest = Math.max(2, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((m) => m.length))));
    const fence = '`'.repeat(longest + 1);
    return `${fence}text\n${lines.join('\n')}\n${fence}`;
}
function diagnosisMarkdown(d) {
    const out = [`#### ${cell((0,types/* describeRef */.Ro)(d.ref))}`, '', `**Problem:** ${cell(d.problem)}`, ''];
    if (d.pods.length) {
        out.push('| pod | container | state | restarts | last termination |', '| --- | --- | --- | --- | --- |');
        for (const pod of d.pods) {
            for (const c of pod.containers) {
                const state = `${c.state}${c.reason ? ` ${c.reason}` : ''}${c.exitCode !== undefined ? ` (exit ${c.exitCode})` : ''}`;
                const last = c.lastTermination ? `${c.lastTermination.reason ?? 'unknown'} (exit ${c.lastTermination.exitCode})` : '';
                out.push(`| ${cell(pod.name)} | ${cell(c.name)} | ${cell(state)} | ${c.restartCount} | ${cell(last)} |`);
            }
        }
        out.push('');
    }
    if (d.events.length) {
        out.push(`<details><summary>Events (latest ${d.events.length})</summary>`, '', '| time | type | reason | object | message |', '| --- | --- | --- | --- | --- |');
        for (const e of d.events) {
            const message = `${e.message ?? ''}${e.count && e.count > 1 ? ` (x${e.count})` : ''}`;
            out.push(`| ${cell(e.time)} | ${cell(e.type)} | ${cell(e.reason)} | ${cell(e.object)} | ${cell(message)} |`);
        }
        out.push('', '</details>', '');
    }
    for (const s of allLogSections(d)) {
        out.push(`<details><summary>Logs ${cell(s.title)}</summary>`, '');
        out.push('unavailable' in s.excerpt ? `_unavailable: ${cell(s.excerpt.unavailable)}_` : fenced(s.excerpt.lines));
        out.push('', '</details>', '');
    }
    for (const n of d.notes)
        out.push(`> ${cell(n)}`);
    return `${out.join('\n').trimEnd()}\n`;
}

// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(26518);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/pipeline/manifests-dir.ts
// The action's own manifests/ folder. This file sits two folders below the action's root both
// as source (src/pipeline/) and bundled (dist/bundle/), so one relative path serves both.


const builtInManifestsDir = () => (0,external_node_path_.resolve)((0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url)), '../../manifests');

;// CONCATENATED MODULE: ./src/pipeline/deploy.ts
// The deploy: the manifest set is read, checked and given its image references before any work
// starts (a bad manifest must not be found after a 10-minute build); the task applies the stages.











const DEPLOY_TASK_ID = 'deploy';
const API_CALL_TIMEOUT_MS = 30_000;
const CRD_TIMEOUT_SECONDS = 120;
const DIAGNOSIS = { events: 20, logLines: 50 };
/**
 * Every image is loaded into the nodes before the deploy, so pods must never pull: `Never` makes
 * an image that did not arrive an immediate ErrImageNeverPull instead of a slow pull attempt.
 */
function imageMap(plan, decisions) {
    const map = {};
    for (const decision of decisions)
        map[decision.image] = { reference: decision.reference, pullPolicy: 'Never' };
    for (const dependency of plan.dependencies)
        map[dependency.name] = { reference: (0,references/* qualifiedForPull */.Xm)(dependency.image), pullPolicy: 'Never' };
    return map;
}
async function prepareDeploy(config, plan, decisions, repoRoot) {
    const { deploy: settings } = config;
    const inRepo = (path) => (0,external_node_path_.join)(repoRoot, path);
    const manifests = await loadManifestSet({
        builtinDir: settings.manifestsDir ? inRepo(settings.manifestsDir) : builtInManifestsDir(),
        builtinFiles: src_config/* BUILT_IN_MANIFESTS */.QG,
        replace: Object.fromEntries(Object.entries(settings.replaceManifests).map(([name, path]) => [name, inRepo(path)])),
        extra: settings.extraManifests.map(inRepo),
        crds: settings.crds.map(inRepo),
    });
    return planDeploy({
        manifests,
        stages: plan.deploy.stages.map((stage) => ({
            name: stage.name,
            files: stage.manifests.map((file) => (settings.extraManifests.includes(file) ? inRepo(file) : file)),
            timeoutSeconds: stage.timeoutSeconds,
        })),
        images: imageMap(plan, decisions),
        coverage: plan.coverage.enabled ? { deployments: plan.coverage.deployments, podDir: config.coverage.podDir } : undefined,
    });
}
function stagesSection(stages) {
    return {
        heading: 'Deploy',
        table: {
            header: ['stage', 'objects', 'apply', 'ready'],
            rows: stages.map((stage) => [stage.name, String(stage.objects), (0,duration/* formatDuration */.a)(stage.applyMs), (0,duration/* formatDuration */.a)(stage.readyMs)]),
            numeric: [1, 2, 3],
        },
    };
}
function deployTask(options) {
    const { state } = options;
    return {
        id: DEPLOY_TASK_ID,
        title: 'Deploy the services',
        phase: 'deploy',
        needs: options.needs,
        run: async (ctx) => {
            const kube = (0,client/* connectKube */.mS)(state.kubeconfig, { callTimeoutMs: API_CALL_TIMEOUT_MS, signal: ctx.signal });
            try {
                const report = await deploy(kube, options.deployPlan, { crdTimeoutSeconds: CRD_TIMEOUT_SECONDS, diagnosis: DIAGNOSIS, log: ctx.log });
                state.addSections('deploy', stagesSection(report.stages));
                return report;
            }
            catch (error) {
                if (error instanceof DeployError) {
                    state.addSections('deploy', stagesSection(error.timings), ...error.diagnoses.map((diagnosis) => ({
                        heading: `Not ready: ${diagnosis.ref.kind}/${diagnosis.ref.name}`,
                        paragraphs: [diagnosisMarkdown(diagnosis)],
                    })));
                    // The diagnoses also go into the logs bundle, as plain text.
                    const dir = (0,external_node_path_.join)(options.workDir, 'logs');
                    await (0,promises_.mkdir)(dir, { recursive: true });
                    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'deploy-diagnosis.txt'), error.diagnoses.map(diagnosisText).join('\n\n'));
                    state.evidence.push('logs/deploy-diagnosis.txt');
                }
                throw error;
            }
        },
    };
}


/***/ }),

/***/ 26364:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ resolveSources)
});

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/config/index.ts + 15 modules
var config = __webpack_require__(65424);
// EXTERNAL MODULE: ./src/engine/references.ts
var references = __webpack_require__(61426);
;// CONCATENATED MODULE: ./src/engine/registry.ts
/**
 * Asks a registry whether it holds an image, over the OCI distribution API: a HEAD on the
 * manifest, with the token handshake registries use. Nothing is pulled and no engine is needed.
 *
 * Failures are classified: 5xx, 429, network errors and timeouts are retried with backoff, then
 * reported as RegistryUnavailableError (transient); a refusal with credentials is
 * RegistryAccessDeniedError (permanent). Without credentials a refusal means "absent": Docker Hub
 * and ghcr.io answer 401 instead of 404 for a repository that does not exist, so an anonymous
 * reader cannot tell a private image from one never published.
 */



/** The registry could not be asked (5xx, rate limit, network, timeout) even after retries. */
class RegistryUnavailableError extends Error {
    registry;
    repository;
    failure;
    attempts;
    transient = true;
    constructor(registry, repository, failure, attempts) {
        super(`registry ${registry} did not answer for ${repository} after ${attempts} attempt(s): ${failure}`);
        this.registry = registry;
        this.repository = repository;
        this.failure = failure;
        this.attempts = attempts;
        this.name = 'RegistryUnavailableError';
    }
}
/** The registry refused the given credentials, or refused them the repository. */
class RegistryAccessDeniedError extends Error {
    registry;
    repository;
    transient = false;
    constructor(registry, repository, status) {
        super(`access denied to ${registry} for ${repository} (HTTP ${status}): ` +
            'check registry-username/registry-password and that they may read this repository');
        this.registry = registry;
        this.repository = repository;
        this.name = 'RegistryAccessDeniedError';
    }
}
/** The registry answered in a way the distribution API does not allow for this request. */
class RegistryResponseError extends Error {
    registry;
    transient = false;
    constructor(registry, message) {
        super(`registry ${registry}: ${message}`);
        this.registry = registry;
        this.name = 'RegistryResponseError';
    }
}
const DOCKER_HUB = { registry: 'docker.io', api: 'registry-1.docker.io' };
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** The multi-architecture indexes first, then single manifests: a HEAD must accept every kind. */
const MANIFEST_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RETRY_DELAYS_MS = [1_000, 3_000, 9_000];
/** Tokens whose response gives no lifetime are reused this long (the spec's default is 60 s). */
const DEFAULT_TOKEN_SECONDS = 60;
const ANONYMOUS_REFUSED = 'the registry refuses anonymous reads: private, or never published';
/**
 * Plain HTTP for loopback registries, as docker treats 127.0.0.0/8 (and localhost) as insecure;
 * HTTPS for every other registry.
 */
function registryEndpoint(text) {
    const parsed = (0,config/* parseReference */.F2)(text);
    const hub = parsed.registry === undefined || DOCKER_HUB_ALIASES.has(parsed.registry);
    const host = hub ? DOCKER_HUB.api : parsed.registry;
    const scheme = (0,references/* isLoopbackRegistry */.jW)(host) ? 'http' : 'https';
    return {
        base: `${scheme}://${host}`,
        registry: hub ? DOCKER_HUB.registry : host,
        repository: hub && !parsed.path.includes('/') ? `library/${parsed.path}` : parsed.path,
        reference: parsed.digest ?? parsed.tag ?? 'latest',
    };
}
class RegistryProbe {
    options;
    timeoutMs;
    retryDelaysMs;
    /** Per registry and repository: pull tokens are scoped to one repository. */
    authorizations = new Map();
    constructor(options = {}) {
        this.options = options;
        this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    }
    /** Whether the registry holds `reference` (a tag or a digest), with its digest when it does. */
    async manifest(reference) {
        const endpoint = registryEndpoint(reference);
        try {
            return await this.headManifest(endpoint);
        }
        catch (error) {
            if (error instanceof RegistryAccessDeniedError && this.options.credentials === undefined) {
                return { present: false, detail: ANONYMOUS_REFUSED };
            }
            throw error;
        }
    }
    async has(reference) {
        return (await this.manifest(reference)).present;
    }
    /** The manifest digest (`sha256:…`) of `reference`, or undefined when the registry lacks it. */
    async digestOf(reference) {
        const presence = await this.manifest(reference);
        if (!presence.present)
            return undefined;
        if (presence.digest === undefined) {
            throw new RegistryResponseError(registryEndpoint(reference).registry, `no Docker-Content-Digest header for ${reference}`);
        }
        return presence.digest;
    }
    async headManifest(endpoint) {
        const url = `${endpoint.base}/v2/${endpoint.repository}/manifests/${endpoint.reference}`;
        const key = `${endpoint.base}/${endpoint.repository}`;
        const head = (authorization) => this.send(endpoint, url, { method: 'HEAD', headers: { Accept: MANIFEST_TYPES, ...authorizationHeader(authorization) } });
        const cached = this.authorizations.get(key);
        let response = await head(cached !== undefined && cached.expiresAt > Date.now() ? cached.header : undefined);
        if (response.status === 401) {
            const authorization = await this.authorize(endpoint, response.headers.get('www-authenticate'));
            this.authorizations.set(key, authorization);
            response = await head(authorization.header);
        }
        if (response.status === 200)
            return { present: true, digest: response.headers.get('docker-content-digest') ?? undefined };
        if (response.status === 404)
            return { present: false };
        if (response.status === 401 || response.status === 403) {
            throw new RegistryAccessDeniedError(endpoint.registry, endpoint.repository, response.status);
        }
        throw new RegistryResponseError(endpoint.registry, `HEAD ${url} answered HTTP ${response.status}`);
    }
    /** Answers a 401 challenge: a pull token for Bearer, the credentials themselves for Basic. */
    async authorize(endpoint, header) {
        const challenge = parseChallenge(header ?? '');
        const credentials = this.options.credentials;
        if (challenge?.scheme === 'basic') {
            if (credentials === undefined)
                throw new RegistryAccessDeniedError(endpoint.registry, endpoint.repository, 401);
            return { header: basicAuthorization(credentials), expiresAt: Number.POSITIVE_INFINITY };
        }
        if (challenge?.scheme !== 'bearer' || challenge.params.realm === undefined) {
            throw new RegistryResponseError(endpoint.registry, `answered 401 without a Bearer or Basic challenge (WWW-Authenticate: ${header ?? 'missing'})`);
        }
        const tokenUrl = new URL(challenge.params.realm);
        if (challenge.params.service !== undefined)
            tokenUrl.searchParams.set('service', challenge.params.service);
        tokenUrl.searchParams.set('scope', `repository:${endpoint.repository}:pull`);
        const response = await this.send(endpoint, tokenUrl.toString(), {
            method: 'GET',
            headers: credentials === undefined ? {} : { Authorization: basicAuthorization(credentials) },
        });
        if (response.status === 401 || response.status === 403) {
            await response.body?.cancel();
            throw new RegistryAccessDeniedError(endpoint.registry, endpoint.repository, response.status);
        }
        if (response.status !== 200) {
            await response.body?.cancel();
            throw new RegistryResponseError(endpoint.registry, `the token service ${tokenUrl.origin} answered HTTP ${response.status}`);
        }
        const body = (await response.json().catch(() => undefined));
        const token = body?.token ?? body?.access_token;
        if (typeof token !== 'string' || token === '') {
            throw new RegistryResponseError(endpoint.registry, `the token service ${tokenUrl.origin} sent no token`);
        }
        const seconds = typeof body?.expires_in === 'number' ? body.expires_in : DEFAULT_TOKEN_SECONDS;
        // Renewed a little early so a token never expires between the check and the request.
        return { header: `Bearer ${token}`, expiresAt: Date.now() + Math.max(0, seconds - 10) * 1000 };
    }
    /** One HTTP exchange, retried with backoff while the failure is transient. */
    async send(endpoint, url, init) {
        for (let attempt = 1;; attempt++) {
            let failure;
            try {
                const response = await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
                if (response.status < 500 && response.status !== 429)
                    return response;
                await response.body?.cancel();
                failure = `HTTP ${response.status} from ${new URL(url).origin}`;
            }
            catch (error) {
                failure = describeFetchFailure(error, this.timeoutMs);
            }
            const wait = this.retryDelaysMs[attempt - 1];
            if (wait === undefined)
                throw new RegistryUnavailableError(endpoint.registry, endpoint.repository, failure, attempt);
            this.options.log?.debug(`registry ${endpoint.registry}: ${failure}; retrying in ${wait} ms`);
            await (0,promises_.setTimeout)(wait);
        }
    }
}
function authorizationHeader(value) {
    return value === undefined ? {} : { Authorization: value };
}
function basicAuthorization({ username, password }) {
    return `Basic ${Buffer.from(`${username}:${password.reveal()}`).toString('base64')}`;
}
/** `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:a/b:pull"` (quoted values may hold commas). */
function parseChallenge(header) {
    const match = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(header);
    if (match === null)
        return undefined;
    const params = {};
    for (const param of match[2].matchAll(/([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
        params[param[1].toLowerCase()] = param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : param[3];
    }
    return { scheme: match[1].toLowerCase(), params };
}
/** fetch's errors come from Node's own realm: read them by shape, not with instanceof. */
function describeFetchFailure(error, timeoutMs) {
    const { name, message, cause } = (error ?? {});
    if (name === 'TimeoutError' || name === 'AbortError')
        return `no answer within ${timeoutMs} ms`;
    return cause?.message ?? message ?? String(error);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/plan/context-report.ts
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
    { test: (name) => name === 'coverdata' || name.startsWith('coverage'), what: 'coverage output' },
];
const SUSPECT_FILES = [
    { test: (name) => name.startsWith('coverage'), pattern: '**/coverage*', what: 'coverage output' },
    { test: (name) => name.endsWith('.out'), pattern: '**/*.out', what: 'coverage profiles' },
];
/** Every suspect path contains one of these: most paths are cleared by this one test. */
const SUSPECT_TEXT = /vendor|node_modules|\.git|cover|\.out$/;
/** What suspect content `path` belongs to, with the ignore pattern that would leave it out. */
function suspectOf(path) {
    if (!SUSPECT_TEXT.test(path))
        return undefined;
    const segments = path.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
        const rule = SUSPECT_DIRECTORIES.find((candidate) => candidate.test(segments[depth - 1]));
        if (rule !== undefined)
            return { pattern: `${segments.slice(0, depth).join('/')}/`, what: rule.what };
    }
    return SUSPECT_FILES.find((candidate) => candidate.test(segments[segments.length - 1]));
}
/** Warnings about the context (each says how to fix it); throws ContextTooLargeError above the limit. */
function checkContext(facts, limits) {
    const ignoreFile = facts.ignoreFile ?? external_node_path_.posix.join(facts.context, '.dockerignore');
    const suspects = suspectContent(facts.entries);
    const top = topDirectories(facts.entries);
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
function suspectContent(entries) {
    const groups = new Map();
    for (const entry of entries) {
        const suspect = suspectOf(entry.path);
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

// EXTERNAL MODULE: ./node_modules/@balena/dockerignore/ignore.js
var ignore = __webpack_require__(44158);
var ignore_default = /*#__PURE__*/__webpack_require__.n(ignore);
;// CONCATENATED MODULE: ./src/plan/dockerignore.ts
/**
 * Which files of a build context the engine receives: the ignore file in effect and its rules,
 * matched with docker's semantics (`@balena/dockerignore` follows moby's matcher).
 */



/**
 * BuildKit's rule: `<Dockerfile>.dockerignore` beside the Dockerfile, when present, replaces
 * the context's `.dockerignore` (they are not merged).
 */
function ignoreFileCandidates(context, dockerfile) {
    return [`${dockerfile}.dockerignore`, external_node_path_.posix.join(context, '.dockerignore')];
}
/** Reads the ignore file in effect for a Dockerfile and context (repository-relative paths). */
async function loadIgnoreRules(repoRoot, context, dockerfile) {
    for (const candidate of ignoreFileCandidates(context, dockerfile)) {
        const text = await readOptional((0,external_node_path_.join)(repoRoot, candidate));
        if (text !== undefined)
            return ignoreRules(parseIgnoreFile(text), candidate);
    }
    return ignoreRules([], undefined);
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
    const matcher = ignore_default()["default"]({ ignorecase: false }).add([...patterns]);
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
    const cleaned = external_node_path_.posix.normalize(pattern).replace(/^\/+/, '').replace(/\/+$/, '');
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
async function readOptional(file) {
    try {
        return await (0,external_node_fs_promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/plan/slices.ts
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
        await (0,promises_.setImmediate)();
        this.sliceStart = performance.now();
    }
}

;// CONCATENATED MODULE: ./src/plan/context.ts
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
 * Synchronous file calls in time slices: see slices.ts for why.
 */
async function listContext(repoRoot, image, slices = new TimeSlices()) {
    const dir = (0,external_node_path_.resolve)(repoRoot, image.context);
    if (!isDirectory(dir))
        throw new ContextNotFoundError(image.name, image.context);
    const rules = await loadIgnoreRules(repoRoot, image.context, image.dockerfile);
    const entries = [];
    const pending = [''];
    for (let relativeDir = pending.pop(); relativeDir !== undefined; relativeDir = pending.pop()) {
        for (const dirent of (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(dir, relativeDir), { withFileTypes: true })) {
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
        return { path, kind: 'symlink', executable: false, size: 0, linkTarget: (0,external_node_fs_.readlinkSync)(absolute) };
    }
    const info = (0,external_node_fs_.lstatSync)(absolute);
    const executable = (info.mode & 0o100) !== 0;
    if (dirent.isFile())
        return { path, kind: 'file', executable, size: info.size };
    return { path, kind: 'special', executable, size: 0 };
}
function isDirectory(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
/** Orders strings by UTF-16 code units: unlike localeCompare, the same order on every machine. */
function byCodeUnit(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/plan/hash.ts
/**
 * The content hash of an image: a digest of everything that can change what the build
 * produces, and the image tag derived from it. The same inputs give the same tag on any machine:
 * paths with `/`, sorted without locale; no times, owners or absolute paths. Paths are relative
 * to the context, as the engine sees them: the same context elsewhere in the repository
 * builds the same image.
 *
 * Hashed: the Dockerfile's bytes (always: the engine always receives it, even when the ignore
 * file excludes it), each file the ignore file lets through (its path, its bytes, the owner's
 * execute bit), symbolic links as their target text, special files by path, the build
 * arguments (sorted by name), the target stage and the platform.
 */







/** Changes whenever what is hashed or how changes, so older tags are never mistaken for new ones. */
const SCHEME = 'aianalysis-e2e image content v1';
/**
 * 32 hex digits (128 bits) of the sha256. Tags only need to tell apart the versions of one
 * repository: two of even a billion versions share 128 bits with a chance near 1e-21, and
 * finding a pair on purpose takes about 2^64 hashes. The tag stays 39 characters.
 */
const TAG_HEX_DIGITS = 32;
const READ_BUFFER_BYTES = 256 * 1024;
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
    const dockerfile = await readDockerfile(repoRoot, image);
    const slices = new TimeSlices();
    const listing = await listContext(repoRoot, image, slices);
    const { entries, bytes, ignoreFile } = listing;
    const warnings = checkContext({ image: image.name, context: image.context, entries, bytes, ignoreFile }, limits);
    const digest = (0,external_node_crypto_.createHash)('sha256').update(`${SCHEME}\n`);
    const line = (fields) => digest.update(`${JSON.stringify(fields)}\n`);
    line(['dockerfile', sha256(dockerfile)]);
    line(['target', image.target]);
    line(['platform', image.platform]);
    for (const name of Object.keys(image.buildArgs).sort(byCodeUnit))
        line(['arg', name, image.buildArgs[name]]);
    const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
    for (const entry of entries) {
        line(entryFields(listing.dir, entry, buffer));
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
        topDirectories: topDirectories(entries),
        ignoreFile,
    };
}
function tagOf(hash) {
    return `sha256-${hash.slice(0, TAG_HEX_DIGITS)}`;
}
async function readDockerfile(repoRoot, image) {
    try {
        return await (0,external_node_fs_promises_.readFile)((0,external_node_path_.join)(repoRoot, image.dockerfile));
    }
    catch {
        throw new DockerfileNotFoundError(image.name, image.dockerfile);
    }
}
function entryFields(root, entry, buffer) {
    switch (entry.kind) {
        case 'file':
            return ['file', entry.path, entry.executable ? 'x' : '-', fileDigest(`${root}/${entry.path}`, entry.size, buffer)];
        case 'symlink':
            return ['symlink', entry.path, entry.linkTarget];
        case 'special':
            return ['special', entry.path];
    }
}
/**
 * Streams the file through sha256 in buffer-sized reads: memory stays bounded whatever its size.
 * A short read that completes the listed size is the end: most files fit one read, which saves
 * the read that would only return 0, and they are hashed in one call. The event loop gets its
 * turn between files (slices.ts); one file is read at once, about a second for 1 GiB.
 */
function fileDigest(path, size, buffer) {
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        const first = (0,external_node_fs_.readSync)(fd, buffer);
        if (first < buffer.length && first >= size)
            return sha256(buffer.subarray(0, first));
        const hash = (0,external_node_crypto_.createHash)('sha256').update(buffer.subarray(0, first));
        for (let read = first; read > 0;) {
            read = (0,external_node_fs_.readSync)(fd, buffer);
            hash.update(buffer.subarray(0, read));
        }
        return hash.digest('hex');
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function sha256(bytes) {
    return (0,external_node_crypto_.hash)('sha256', bytes);
}

;// CONCATENATED MODULE: ./src/plan/source.ts
/**
 * Where each image of a run comes from: reused from the local engine, pulled from the registry,
 * or built. The probes are injected, so the decision itself is pure.
 */

/**
 * The one reference of an image for this run, whatever its source: `<registry>/<repository>:<tag>`,
 * or `localhost/<repository>:<tag>` without a registry. Docker would read a bare name as
 * `docker.io/library/…` and podman would qualify it as `localhost/…`: with the prefix written out
 * every engine, archive and kind node names the image alike, and no engine looks for it on Docker Hub.
 */
function imageReference(registry, repository, tag) {
    return (0,config/* formatReference */.FH)((0,config/* referenceUnder */.c7)(registry === '' ? 'localhost' : registry, repository, tag));
}
/** image-source is `pull` and the registry lacks some images; names every one of them. */
class MissingImagesError extends Error {
    missing;
    constructor(missing) {
        super([
            `image-source is 'pull' but the registry lacks ${missing.length} image(s):`,
            ...missing.map((m) => `  - ${m.reference} (image '${m.image}'${m.detail === undefined ? '' : `: ${m.detail}`})`),
            'Publish them for this commit (run the image publishing workflow), or set image-source to ' +
                "'auto' to build what the registry lacks.",
        ].join('\n'));
        this.missing = missing;
        this.name = 'MissingImagesError';
    }
}
async function decideSources(settings, images, probes) {
    const withReferences = images.map((image) => ({
        image: image.name,
        reference: imageReference(settings.registry, image.repository, image.tag),
    }));
    switch (settings.mode) {
        case 'build':
            return withReferences.map((i) => ({ ...i, source: 'build', reason: "image-source is 'build'" }));
        case 'pull':
            return requireInRegistry(settings.registry, withReferences, probes);
        case 'auto': {
            const local = await probes.localImages(withReferences.map((i) => i.reference));
            return Promise.all(withReferences.map((i) => local.has(i.reference) ? { ...i, source: 'reuse', reason: 'local image present' } : decideRemote(settings.registry, i, probes)));
        }
    }
}
/** `auto` for an image the engine does not hold: pull it if the registry has it, else build it. */
async function decideRemote(registry, { image, reference }, probes) {
    if (registry === '')
        return { image, reference, source: 'build', reason: 'no registry configured' };
    try {
        const answer = await probes.registryHas(reference);
        if (answer.present)
            return { image, reference, source: 'pull', reason: `registry has ${reference}` };
        const detail = answer.detail === undefined ? '' : ` (${answer.detail})`;
        return { image, reference, source: 'build', reason: `not in the registry${detail}` };
    }
    catch (error) {
        // `auto` only saves time with the registry: when it cannot be asked, building still works.
        if (error.transient !== true)
            throw error;
        return { image, reference, source: 'build', reason: `registry unreachable (${error.message})` };
    }
}
async function requireInRegistry(registry, images, probes) {
    if (registry === '')
        throw new Error("image-source is 'pull' but no registry is configured: set the input 'registry'");
    const answers = await Promise.all(images.map((i) => probes.registryHas(i.reference)));
    const missing = images.flatMap((i, index) => answers[index].present ? [] : [{ ...i, ...(answers[index].detail === undefined ? {} : { detail: answers[index].detail }) }]);
    if (missing.length > 0)
        throw new MissingImagesError(missing);
    return images.map((i) => ({ ...i, source: 'pull', reason: `registry has ${i.reference}` }));
}

;// CONCATENATED MODULE: ./src/pipeline/sources.ts



async function resolveSources(config, plan, { repoRoot, localImages, log }) {
    const limits = { warnMiB: config.build.contextWarnMiB, limitMiB: config.build.contextLimitMiB };
    const hashes = new Map();
    const hashed = await Promise.all(plan.images.map((image) => hashImage(repoRoot, image, limits)));
    plan.images.forEach((image, i) => {
        for (const warning of hashed[i].warnings)
            log.warning(`image ${image.name}: ${warning}`, { title: 'Build context' });
        hashes.set(image.name, hashed[i]);
    });
    const { username, password } = config.registry;
    const probe = new RegistryProbe({ credentials: password ? { username, password } : undefined, log });
    const decisions = await decideSources({ mode: plan.imageSource, registry: plan.registry }, plan.images.map((image) => ({ name: image.name, repository: image.repository, tag: hashes.get(image.name).tag })), { localImages, registryHas: (reference) => probe.manifest(reference) });
    return { hashes, decisions };
}


/***/ }),

/***/ 26556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yI: () => (/* binding */ ProcessError),
  oo: () => (/* binding */ ProgramNotFoundError),
  kc: () => (/* binding */ displayCommand),
  eF: () => (/* binding */ run)
});

// UNUSED EXPORTS: DEFAULT_KILL_GRACE_MS, DEFAULT_MAX_CAPTURE_BYTES, DEFAULT_TAIL_LINES, runChecked

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(26518);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
;// CONCATENATED MODULE: ./src/util/output-capture.ts
/** Turning a child's byte stream into lines as they arrive, and keeping a bounded copy of it. */

/** A line longer than this is passed on in pieces, so output without newlines cannot grow a buffer. */
const MAX_LINE_CHARS = 64 * 1024;
/** Calls `onLine` for every complete line (without `\n` or `\r\n`) as soon as it is complete. */
class LineSplitter {
    onLine;
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    partial = '';
    constructor(onLine) {
        this.onLine = onLine;
    }
    push(chunk) {
        this.feed(this.decoder.write(chunk));
    }
    /** Passes on the last line even when it has no newline. */
    end() {
        this.feed(this.decoder.end());
        if (this.partial !== '')
            this.onLine(this.partial);
        this.partial = '';
    }
    feed(text) {
        const lines = (this.partial + text).split('\n');
        this.partial = lines.pop() ?? '';
        for (const line of lines)
            this.onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
        while (this.partial.length > MAX_LINE_CHARS) {
            this.onLine(this.partial.slice(0, MAX_LINE_CHARS));
            this.partial = this.partial.slice(MAX_LINE_CHARS);
        }
    }
}
/** Keeps the first `limitBytes` bytes of a stream and remembers whether more arrived. */
class BoundedCapture {
    limitBytes;
    chunks = [];
    size = 0;
    truncated = false;
    constructor(limitBytes) {
        this.limitBytes = limitBytes;
    }
    push(chunk) {
        const room = this.limitBytes - this.size;
        if (chunk.length > room)
            this.truncated = true;
        if (room <= 0)
            return;
        const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
        this.chunks.push(kept);
        this.size += kept.length;
    }
    text() {
        return Buffer.concat(this.chunks).toString('utf8');
    }
}
/** The last `size` items pushed, oldest first. */
class Tail {
    size;
    items = [];
    constructor(size) {
        this.size = size;
    }
    push(item) {
        if (this.size <= 0)
            return;
        this.items.push(item);
        if (this.items.length > this.size)
            this.items.shift();
    }
    toArray() {
        return [...this.items];
    }
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/util/process-tree.ts
/**
 * Stopping a whole process tree. Programs are started in their own process group, so signalling
 * the group reaches grandchildren too (a build tool's workers, a shell's background jobs).
 */


const POLL_MS = 50;
/** SIGKILL cannot be refused, but delivery and teardown take a moment: bounded, never a hang. */
const KILL_SETTLE_MS = 5_000;
/**
 * SIGTERM to the group, then SIGKILL to whatever is left of it after `graceMs`. Resolves once no
 * member is left, so that the caller reads reports, retries or reuses ports with the tree gone.
 */
async function stopProcessGroup(pgid, graceMs) {
    signalGroup(pgid, 'SIGTERM');
    if (await goneWithin(pgid, graceMs))
        return;
    signalGroup(pgid, 'SIGKILL');
    await goneWithin(pgid, KILL_SETTLE_MS);
}
async function goneWithin(pgid, ms) {
    const deadline = Date.now() + ms;
    while (groupAlive(pgid)) {
        if (Date.now() >= deadline)
            return false;
        await (0,promises_.setTimeout)(POLL_MS);
    }
    return true;
}
function signalGroup(pgid, signal) {
    try {
        process.kill(-pgid, signal);
    }
    catch (error) {
        if (error.code !== 'ESRCH')
            throw error;
    }
}
function groupAlive(pgid) {
    try {
        process.kill(-pgid, 0);
    }
    catch (error) {
        return error.code === 'EPERM';
    }
    // Unreaped zombies still count as group members for kill(2). Where nothing reaps orphans
    // (containers whose PID 1 is not an init), that would hold every stop for the full grace.
    return process.platform !== 'linux' || hasLiveMemberOnLinux(pgid);
}
function hasLiveMemberOnLinux(pgid) {
    for (const entry of (0,external_node_fs_.readdirSync)('/proc')) {
        if (!/^\d+$/.test(entry))
            continue;
        const stat = readStat(entry);
        if (stat !== undefined && stat.pgrp === pgid && stat.state !== 'Z')
            return true;
    }
    return false;
}
/** State and process group from /proc/<pid>/stat (fields after the parenthesised command name). */
function readStat(pid) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
    }
    catch {
        return undefined; // the process ended while we looked
    }
    const [state, , pgrp] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state, pgrp: Number(pgrp) };
}

// EXTERNAL MODULE: ./src/util/secrets.ts
var secrets = __webpack_require__(84537);
;// CONCATENATED MODULE: ./src/util/process.ts
/**
 * The process runner: every external program the engine uses runs through here. Programs get an
 * argument array, never a shell; their output streams live, line by line, into a Log; a timeout
 * or cancellation stops the program's whole process tree.
 */






const DEFAULT_TAIL_LINES = 40;
const DEFAULT_KILL_GRACE_MS = 10_000;
/** Per stream; the rest of a chattier stream is dropped (see RunResult.stdoutTruncated). */
const DEFAULT_MAX_CAPTURE_BYTES = 16 * 1024 * 1024;
/**
 * After the program exits, how long to wait for its output pipes to close. A background process
 * it left behind can hold them open forever; the run then stops reading instead of hanging.
 */
const LEFTOVER_OUTPUT_WAIT_MS = 2_000;
/** A program that ran but failed: non-zero exit, killed by a signal, timed out or cancelled. */
class ProcessError extends Error {
    command;
    exitCode;
    signal;
    timedOut;
    cancelled;
    durationMs;
    tail;
    constructor(result) {
        super(`${result.command} ${describeFailure(result)}\n${describeTail(result.tail)}`);
        this.name = 'ProcessError';
        this.command = result.command;
        this.exitCode = result.exitCode;
        this.signal = result.signal;
        this.timedOut = result.timedOut;
        this.cancelled = result.cancelled;
        this.durationMs = result.durationMs;
        this.tail = result.tail;
    }
}
/** The program does not exist (or is not on PATH). */
class ProgramNotFoundError extends Error {
    program;
    constructor(program, hint, searchPath) {
        super((0,secrets/* redact */.E$)(program.includes('/')
            ? `${program} does not exist: ${hint}`
            : `${program} was not found on PATH: ${hint} (PATH=${searchPath ?? ''})`));
        this.program = program;
        this.name = 'ProgramNotFoundError';
    }
}
function describeFailure(result) {
    const after = (0,duration/* formatDuration */.a)(result.durationMs);
    if (result.timedOut)
        return `timed out after ${after}`;
    if (result.cancelled)
        return result.pid === undefined ? 'was cancelled before it started' : `was cancelled after ${after}`;
    if (result.signal !== null)
        return `was killed by ${result.signal} after ${after}`;
    return `failed with exit code ${result.exitCode} after ${after}`;
}
function describeTail(tail) {
    if (tail.length === 0)
        return '(it printed nothing)';
    return [`last ${tail.length} line(s) of output:`, ...tail.map((line) => `  ${line}`)].join('\n');
}
/**
 * The command line for logs: each word redacted (before quoting, which would hide a secret
 * containing a quote), quoted when needed, newlines shown as `\n` so it stays one line.
 */
function displayCommand(program, args) {
    const quote = (word) => /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`).replace(/\r?\n/g, '\\n')}'`;
    return [program, ...args].map((word) => quote((0,secrets/* redact */.E$)(word))).join(' ');
}
/**
 * Runs `program` with `args` and resolves when it has ended, whatever its exit code. Throws only
 * when the program cannot be started (ProgramNotFoundError for a missing program).
 */
async function run(program, args, opts = {}) {
    const { log, group, quiet } = opts;
    if (log !== undefined && group !== undefined && !quiet)
        return log.group(group, () => execute(program, args, opts));
    return execute(program, args, opts);
}
/** Like `run`, but a failure (see ProcessError) is thrown instead of returned. */
async function runChecked(program, args, opts = {}) {
    const result = await run(program, args, opts);
    const allowed = opts.allowedExitCodes ?? [0];
    if (result.timedOut || result.cancelled || result.exitCode === null || !allowed.includes(result.exitCode)) {
        throw new ProcessError(result);
    }
    return result;
}
async function execute(program, args, opts) {
    const command = displayCommand(program, args);
    const startedAt = Date.now();
    const printer = opts.quiet ? undefined : opts.log;
    if (opts.quiet)
        opts.log?.debug(`$ ${command}`);
    printer?.info(`$ ${command}`);
    const tail = new Tail(opts.tailLines ?? DEFAULT_TAIL_LINES);
    const capture = {
        stdout: new BoundedCapture(opts.maxCaptureBytes ?? DEFAULT_MAX_CAPTURE_BYTES),
        stderr: new BoundedCapture(opts.maxCaptureBytes ?? DEFAULT_MAX_CAPTURE_BYTES),
    };
    const finish = (fields) => ({
        command,
        ...fields,
        durationMs: Date.now() - startedAt,
        stdout: capture.stdout.text(),
        stderr: capture.stderr.text(),
        stdoutTruncated: capture.stdout.truncated,
        stderrTruncated: capture.stderr.truncated,
        tail: tail.toArray(),
    });
    if (opts.signal?.aborted) {
        return finish({ pid: undefined, exitCode: null, signal: null, timedOut: false, cancelled: true });
    }
    const env = opts.replaceEnv ? definedOnly(opts.env ?? {}) : definedOnly({ ...process.env, ...opts.env });
    const child = (0,external_node_child_process_.spawn)(program, args, {
        cwd: opts.cwd,
        env,
        stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        // Its own process group, so a timeout or cancellation can stop the whole tree.
        detached: true,
        shell: false,
    });
    const splitters = ['stdout', 'stderr'].map((stream) => {
        const splitter = new LineSplitter((raw) => {
            const line = (0,secrets/* redact */.E$)(raw);
            tail.push(line);
            printer?.info(line);
            opts.onLine?.(line, stream);
        });
        child[stream]?.on('data', (chunk) => {
            capture[stream].push(chunk);
            splitter.push(chunk);
        });
        return splitter;
    });
    const exited = new Promise((resolve) => child.once('exit', (code, sig) => resolve([code, sig])));
    const closed = new Promise((resolve) => child.once('close', () => resolve()));
    await started(child, program, opts, env.PATH);
    if (opts.input !== undefined && child.stdin) {
        child.stdin.on('error', () => { }); // the program may exit without reading its input
        child.stdin.end(opts.input);
    }
    const pid = child.pid;
    let stopping;
    let timedOut = false;
    let cancelled = false;
    const stop = (reason) => {
        printer?.info(`${program} ${reason}: stopping it and its child processes`);
        stopping ??= stopProcessGroup(pid, opts.killGraceMs ?? DEFAULT_KILL_GRACE_MS);
    };
    const timer = opts.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            if (stopping)
                return;
            timedOut = true;
            stop(`timed out after ${(0,duration/* formatDuration */.a)(opts.timeoutMs ?? 0)}`);
        }, opts.timeoutMs);
    const onAbort = () => {
        if (stopping)
            return;
        cancelled = true;
        stop('was cancelled');
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const [exitCode, signal] = await exited;
    const drained = await settlesWithin(closed, LEFTOVER_OUTPUT_WAIT_MS);
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    if (!drained) {
        opts.log?.debug(`${program} exited but left a process holding its output open; no longer reading it`);
        child.stdout?.destroy();
        child.stderr?.destroy();
    }
    await stopping;
    for (const splitter of splitters)
        splitter.end();
    return finish({ pid, exitCode, signal, timedOut, cancelled });
}
/** Resolves once the program is running; turns a failed start into an error that says what to do. */
function started(child, program, opts, searchPath) {
    return new Promise((resolve, reject) => {
        child.once('spawn', () => resolve());
        child.once('error', (error) => {
            if (error.code === 'ENOENT' && opts.cwd !== undefined && !(0,external_node_fs_.existsSync)(opts.cwd)) {
                reject(new Error((0,secrets/* redact */.E$)(`cannot run ${program}: its working directory ${opts.cwd} does not exist`)));
            }
            else if (error.code === 'ENOENT') {
                reject(new ProgramNotFoundError(program, opts.installHint ?? 'install it or add its directory to PATH', searchPath));
            }
            else if (error.code === 'EACCES') {
                reject(new Error((0,secrets/* redact */.E$)(`cannot run ${program}: it is not executable (permission denied)`)));
            }
            else {
                reject(new Error((0,secrets/* redact */.E$)(`cannot run ${program}: ${error.message}`)));
            }
        });
    });
}
async function settlesWithin(promise, ms) {
    let timer;
    const expired = new Promise((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
    });
    try {
        return await Promise.race([promise.then(() => true), expired]);
    }
    finally {
        clearTimeout(timer);
    }
}
function definedOnly(env) {
    return Object.fromEntries(Object.entries(env).filter((entry) => entry[1] !== undefined));
}


/***/ })

};
