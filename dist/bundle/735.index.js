export const id = 735;
export const ids = [735];
export const modules = {

/***/ 58899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C3: () => (/* binding */ installKind),
  go: () => (/* binding */ isTrustedKind)
});

// UNUSED EXPORTS: KIND_DOWNLOAD_BASE_URL, parseKindVersion, sha256File

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./src/util/process.ts + 2 modules
var util_process = __webpack_require__(26556);
;// CONCATENATED MODULE: ./src/cluster/releases.ts
/**
 * The kind releases this action can install without being told a checksum: the SHA-256 of each
 * Linux binary, as published next to it (`kind-linux-<arch>.sha256sum` on the release page).
 * To support another release, add its two published digests here; a release missing from this
 * table needs an explicit `kind-sha256`.
 */
const KIND_LINUX_SHA256 = {
    'v0.29.0': {
        amd64: 'c72eda46430f065fb45c5f70e7c957cc9209402ef309294821978677c8fb3284',
        arm64: '03d45095dbd9cc1689f179a3e5e5da24b77c2d1b257d7645abf1b4174bebcf2a',
    },
    'v0.30.0': {
        amd64: '517ab7fc89ddeed5fa65abf71530d90648d9638ef0c4cde22c2c11f8097b8889',
        arm64: '7ea2de9d2d190022ed4a8a4e3ac0636c8a455e460b9a13ccf19f15d07f4f00eb',
    },
    'v0.31.0': {
        amd64: 'eb244cbafcc157dff60cf68693c14c9a75c4e6e6fedaf9cd71c58117cb93e3fa',
        arm64: '8e1014e87c34901cc422a1445866835d1e666f2a61301c27e722bdeab5a1f7e4',
    },
    'v0.32.0': {
        amd64: '50030de23cf40a18505f20426f6a8506bedf13c6e509244bd1fa9463721b0f54',
        arm64: 'b92cd615e97585de8ddade28ed5cd7feb4248d717c233eea5b03c37298900f5d',
    },
    'v0.33.0': {
        amd64: 'aee6151561422756b764a4ae28e7f44cda5af5a9eead3cc9985112b1de8d8e0d',
        arm64: '20022bee6cfcd5086cb7234d218e3454e6090022f2a8f55d1fa7fcf42c3867a2',
    },
};
function knownKindVersions() {
    return Object.keys(KIND_LINUX_SHA256);
}

;// CONCATENATED MODULE: ./src/cluster/install.ts
/**
 * Making the pinned kind release available: the `kind` on PATH when it is that release, else the
 * runner's tool cache, else a download whose SHA-256 must match before anything is installed.
 */







const KIND_DOWNLOAD_BASE_URL = 'https://kind.sigs.k8s.io/dl';
const TOOL_NAME = 'kind';
const VERSION_PROBE_TIMEOUT_MS = 30_000;
/** `kind v0.30.0 go1.24.6 linux/amd64` → `v0.30.0`; undefined when the text is not kind's. */
function parseKindVersion(output) {
    return /^kind (v\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?)\s/m.exec(output)?.[1];
}
/** SHA-256 of a file, as lowercase hex. */
async function sha256File(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(file), hash);
    return hash.digest('hex');
}
async function installKind(options) {
    const { log } = options;
    const version = normalizeVersion(options.version);
    const arch = kindArch(options.arch ?? process.arch);
    const platform = kindPlatform(process.platform);
    const { addPath, toolCache } = options;
    const givenSha256 = options.sha256 === undefined ? undefined : validSha256(options.sha256);
    const onPath = await findOnPath(TOOL_NAME, options.env?.PATH ?? process.env.PATH ?? '');
    if (onPath !== undefined) {
        const found = await probeVersion(onPath, options);
        if (found === version) {
            log.info(`Using kind ${version} already on PATH (${onPath})`);
            return { path: onPath, version, source: 'path' };
        }
        log.info(`kind on PATH (${onPath}) is ${found ?? 'of an unknown version'}; ${version} is wanted`);
    }
    const cached = toolCache.find(TOOL_NAME, version, arch);
    if (cached) {
        const binary = external_node_path_default().join(cached, TOOL_NAME);
        log.info(`Using kind ${version} from the tool cache (${binary})`);
        addPath(cached);
        return { path: binary, version, source: 'tool-cache' };
    }
    const expected = givenSha256 ?? publishedSha256(version, platform, arch);
    const baseUrl = (options.downloadBaseUrl ?? KIND_DOWNLOAD_BASE_URL).replace(/\/+$/, '');
    const url = `${baseUrl}/${version}/kind-${platform}-${arch}`;
    const binary = await downloadVerified(toolCache, url, expected, log);
    let directory;
    try {
        // checked before caching: a wrong binary in the tool cache would be picked up by later runs
        const reported = await probeVersion(binary, options);
        if (reported !== version) {
            const what = reported ?? 'no recognisable version';
            throw new Error(`the kind binary downloaded from ${url} reports ${what}, not ${version}`);
        }
        directory = await toolCache.cacheFile(binary, TOOL_NAME, TOOL_NAME, version, arch);
    }
    finally {
        await (0,promises_.rm)(binary, { force: true });
    }
    const installed = external_node_path_default().join(directory, TOOL_NAME);
    await (0,promises_.chmod)(installed, 0o755);
    log.info(`Installed kind ${version} (${installed}, sha256 ${expected})`);
    addPath(directory);
    return { path: installed, version, source: 'download' };
}
function normalizeVersion(raw) {
    const trimmed = raw.trim();
    if (!/^v?\d+\.\d+\.\d+$/.test(trimmed)) {
        throw new Error(`kind version "${raw}" is not a release version: use one like v0.30.0 (known: ${knownKindVersions().join(', ')})`);
    }
    return trimmed.startsWith('v') ? trimmed : `v${trimmed}`;
}
function kindArch(nodeArch) {
    if (nodeArch === 'x64')
        return 'amd64';
    if (nodeArch === 'arm64')
        return 'arm64';
    throw new Error(`kind is published for x64 (amd64) and arm64 machines, not for "${nodeArch}"`);
}
function kindPlatform(platform) {
    if (platform === 'linux' || platform === 'darwin')
        return platform;
    throw new Error(`installing kind is supported on Linux and macOS, not on "${platform}"`);
}
function validSha256(given) {
    const digest = given.trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(digest)) {
        throw new Error(`kind-sha256 "${given}" is not a SHA-256 digest (64 hexadecimal characters)`);
    }
    return digest;
}
function publishedSha256(version, platform, arch) {
    const known = platform === 'linux' ? KIND_LINUX_SHA256[version]?.[arch] : undefined;
    if (known === undefined) {
        throw new Error(`no checksum is known for kind ${version} on ${platform}/${arch}: pass kind-sha256 (the digest in ` +
            `kind-${platform}-${arch}.sha256sum on the release page) or choose one of ${knownKindVersions().join(', ')}`);
    }
    return known;
}
async function downloadVerified(toolCache, url, expected, log) {
    log.info(`Downloading ${url}`);
    let destination;
    try {
        destination = await toolCache.download(url, `kind-${(0,external_node_crypto_.randomUUID)()}`);
    }
    catch (error) {
        throw new Error(`could not download kind from ${url}: ${error.message}`);
    }
    const actual = await sha256File(destination);
    if (actual !== expected) {
        await (0,promises_.rm)(destination, { force: true });
        throw new Error(`checksum mismatch for ${url}: expected sha256 ${expected}, got ${actual}; the download is corrupt or not ` +
            'the published release, nothing was installed');
    }
    await (0,promises_.chmod)(destination, 0o755);
    return destination;
}
/** The version the binary reports, or undefined when it cannot say. */
async function probeVersion(binary, options) {
    const result = await (0,util_process/* run */.eF)(binary, ['version'], {
        env: options.env,
        log: options.log,
        quiet: true,
        timeoutMs: VERSION_PROBE_TIMEOUT_MS,
        signal: options.signal,
    });
    return result.exitCode === 0 ? parseKindVersion(result.stdout) : undefined;
}
/**
 * Whether `kindPath` is a kind binary the action runs: the `kind` first on PATH, or one it
 * installed in the tool cache. The post step runs no other program a saved state may name.
 */
async function isTrustedKind(kindPath) {
    const resolved = external_node_path_default().resolve(kindPath);
    if (resolved === (await findOnPath(TOOL_NAME, process.env.PATH ?? '')))
        return true;
    const toolCache = process.env.RUNNER_TOOL_CACHE;
    if (!toolCache)
        return false;
    const inside = external_node_path_default().relative(external_node_path_default().join(external_node_path_default().resolve(toolCache), TOOL_NAME), resolved).split((external_node_path_default()).sep);
    // <tool cache>/kind/<version>/<arch>/kind
    return inside.length === 3 && inside[0] !== '..' && inside[2] === TOOL_NAME;
}
async function findOnPath(program, searchPath) {
    for (const directory of searchPath.split((external_node_path_default()).delimiter).filter(Boolean)) {
        const candidate = external_node_path_default().resolve(directory, program);
        try {
            await (0,promises_.access)(candidate, external_node_fs_.constants.X_OK);
            return candidate;
        }
        catch {
            // not in this directory
        }
    }
    return undefined;
}


/***/ }),

/***/ 18443:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b8: () => (/* binding */ Kind)
});

// UNUSED EXPORTS: DEFAULT_CREATE_RETRY, DEFAULT_KIND_TIMEOUTS, DEFAULT_RETRY, KindError

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(26518);
// EXTERNAL MODULE: ./src/util/log.ts
var log = __webpack_require__(29906);
// EXTERNAL MODULE: ./src/util/process.ts + 2 modules
var process = __webpack_require__(26556);
;// CONCATENATED MODULE: ./src/cluster/failures.ts
/**
 * What a failed kind command means: a transient failure (a Podman/kind race, a node that booted
 * too slowly, a crashed engine call) is worth another attempt on a clean slate; a permanent one
 * (a taken port, a bad config, a missing node image, a flag this kind does not know) fails the
 * same way every time and must be reported at once with what to do.
 *
 * The rules are matched in order against kind's output. Permanent rules come first: several
 * permanent failures also carry `exit status 125` (Docker refusing a taken port, Podman failing
 * to pull), which on its own would look like an engine crash.
 */
const RULES = [
    {
        id: 'port-in-use',
        class: 'permanent',
        pattern: /port is already allocated|address already in use/i,
        reason: 'a host port of the cluster config is already taken',
        hint: 'stop whatever listens on that port (often a cluster left by another run) or change the extraPortMappings hostPort',
    },
    {
        id: 'node-image-unavailable',
        class: 'permanent',
        pattern: /failed to pull image|not present locally|image not known|manifest unknown/i,
        reason: 'the node image could not be found locally nor pulled',
        hint: 'check the node image reference and digest, or pull/load it into the container engine before the run',
    },
    {
        id: 'unknown-flag',
        class: 'permanent',
        pattern: /unknown (shorthand )?flag|unknown command/i,
        reason: 'this kind binary does not know a flag or command that was used',
        hint: 'check `kind version` against the kind version this action pins',
    },
    {
        id: 'invalid-config',
        class: 'permanent',
        pattern: new RegExp([
            'unable to decode config',
            'unknown apiVersion',
            'could not determine kind / apiVersion',
            'invalid configuration',
            'error reading file',
            'yaml: (line \\d+|unmarshal errors)',
            'field \\S+ not found in type',
        ].join('|'), 'i'),
        reason: 'kind rejected the cluster config',
        hint: 'fix the kind cluster config (the error above names the field)',
    },
    {
        id: 'unknown-cluster',
        class: 'permanent',
        pattern: /no nodes found for cluster|unknown cluster|could not locate any control plane nodes/i,
        reason: 'the cluster does not exist',
        hint: 'create the cluster first (or check the cluster name)',
    },
    {
        id: 'podman-lost-container',
        class: 'transient',
        pattern: /no container with (ID|name)( or ID)?\s+\S+\s+found in database/i,
        reason: 'Podman lost track of a node container while kind was using it (a known Podman/kind race)',
    },
    {
        id: 'container-state-improper',
        class: 'transient',
        pattern: /container state improper/i,
        reason: 'a node container is in a state the engine cannot act on (stopped or half-created)',
    },
    {
        id: 'log-read-failed',
        class: 'transient',
        pattern: /failed to read logs/i,
        reason: "kind could not follow a node container's logs while it booted",
    },
    {
        id: 'node-boot-timeout',
        class: 'transient',
        pattern: /could not find a log line that matches/i,
        reason: 'a node container did not finish booting (systemd never reached multi-user) in time',
    },
    {
        id: 'control-plane-timeout',
        class: 'transient',
        pattern: /timed out waiting for the condition|timed out waiting for .*node|(kubelet|API server) is not healthy after/i,
        reason: 'kubeadm timed out waiting for the node or control plane to come up',
    },
    {
        id: 'cluster-exists',
        class: 'transient',
        pattern: /node\(s\) already exist for a cluster with the name/i,
        reason: 'a cluster with this name already exists (left over from an earlier attempt)',
    },
    {
        id: 'engine-crash',
        class: 'transient',
        pattern: /exit status 125|server probably quit|unexpected EOF/i,
        // the code Podman and Docker exit with when the engine itself fails
        exitCode: 125,
        reason: 'the container engine failed or crashed during the call',
    },
];
/** Classifies one failed kind command. Pure; see RULES for the table. */
function classifyKindFailure(failure) {
    const rule = RULES.find((candidate) => candidate.pattern.test(failure.output) || candidate.exitCode === failure.exitCode);
    if (rule !== undefined) {
        return { class: rule.class, rule: rule.id, reason: rule.reason, ...(rule.hint ? { hint: rule.hint } : {}) };
    }
    if (failure.timedOut) {
        return { class: 'transient', rule: 'timeout', reason: 'kind did not finish in time (a hung engine call)' };
    }
    return { class: 'unknown', reason: 'kind failed in a way that is not classified' };
}

;// CONCATENATED MODULE: ./src/cluster/node-state.ts

const NOT_FOUND = /no such (object|container)|no container with|not found/i;
function engineInspectNode(engine, options) {
    return async (containerName) => {
        const args = ['inspect', '--type', 'container', '--format', '{{.State.Status}}', containerName];
        const result = await (0,process/* run */.eF)(engine, args, {
            log: options.log,
            quiet: true,
            env: options.env,
            timeoutMs: options.timeoutMs ?? 60_000,
            signal: options.signal,
        });
        if (result.exitCode === 0)
            return result.stdout.trim() === 'running' ? 'running' : 'stopped';
        if (NOT_FOUND.test(result.stdout + result.stderr))
            return 'missing';
        const output = result.tail.map((line) => `  ${line}`).join('\n');
        throw new Error(`could not inspect the node container ${containerName} with ${engine}:\n${output}`);
    };
}

// EXTERNAL MODULE: ./src/util/file-write.ts
var file_write = __webpack_require__(84958);
;// CONCATENATED MODULE: ./src/cluster/kind.ts
/**
 * The lifecycle of one kind cluster: create it (replacing a stale one, retrying the failures kind
 * and Podman are known to recover from), load image archives, export logs, delete it.
 *
 * Every kind call goes through `Kind.kind`, which sets KIND_EXPERIMENTAL_PROVIDER so kind always
 * uses the engine this run uses, whatever the caller's environment says.
 */









const DEFAULT_CREATE_RETRY = { attempts: 4, initialDelayMs: 5_000, maxDelayMs: 60_000 };
const DEFAULT_RETRY = { attempts: 3, initialDelayMs: 2_000, maxDelayMs: 30_000 };
const DEFAULT_KIND_TIMEOUTS = {
    createMs: 10 * 60_000,
    deleteMs: 3 * 60_000,
    loadMs: 15 * 60_000,
    exportLogsMs: 5 * 60_000,
    queryMs: 60_000,
};
/** A kind command that failed for good; the message carries the end of kind's output. */
class KindError extends Error {
    command;
    classification;
    tail;
    constructor(message, command, classification, tail) {
        super(message);
        this.command = command;
        this.classification = classification;
        this.tail = tail;
        this.name = 'KindError';
    }
}
const VALID_NAME = /^[a-z0-9][a-z0-9.-]*$/;
class Kind {
    options;
    clusterName;
    /** The container engine running the nodes. */
    provider;
    /** The cluster's own kubeconfig file, written by create; point KUBECONFIG at it. */
    kubeconfigPath;
    configPath;
    kindPath;
    inspectNode;
    createRetry;
    retry;
    timeouts;
    constructor(options) {
        this.options = options;
        if (!VALID_NAME.test(options.clusterName)) {
            throw new Error(`cluster name "${options.clusterName}" is not valid for kind: use lowercase letters, digits, '.' and '-'`);
        }
        this.clusterName = options.clusterName;
        this.provider = options.provider;
        this.kubeconfigPath = external_node_path_default().join(options.workDir, 'kubeconfig');
        this.configPath = external_node_path_default().join(options.workDir, 'kind-config.yaml');
        this.kindPath = options.kindPath ?? 'kind';
        this.timeouts = { ...DEFAULT_KIND_TIMEOUTS, ...options.timeouts };
        this.createRetry = { ...DEFAULT_CREATE_RETRY, ...options.createRetry };
        this.retry = { ...DEFAULT_RETRY, ...options.retry };
        this.inspectNode =
            options.inspectNode ??
                engineInspectNode(options.provider, {
                    log: options.log,
                    env: options.env,
                    timeoutMs: this.timeouts.queryMs,
                    signal: options.signal,
                });
    }
    /**
     * Creates the cluster. An existing cluster of the same name is deleted first when one of its
     * node containers is not running (left by a crashed run), and also when it is healthy but
     * `reuse` is off. When creation fails for good, the nodes kind made are kept so their logs can
     * be exported (exportLogs); deleteCluster removes them.
     */
    async createCluster(spec) {
        const { log } = this.options;
        await (0,promises_.mkdir)(this.options.workDir, { recursive: true });
        await (0,file_write/* writeNamedFile */.Bl)(this.configPath, spec.config);
        const existing = await this.existingCluster();
        if (existing.state === 'absent')
            log.info(`No cluster named ${this.clusterName} exists: creating it`);
        if (existing.state === 'healthy' && spec.reuse) {
            log.info(`Reusing the running cluster ${this.clusterName} (reuse is on; the config is not re-applied)`);
            await this.exportKubeconfig();
            await this.waitReady(spec);
            return { name: this.clusterName, kubeconfigPath: this.kubeconfigPath, reused: true, attempts: 0 };
        }
        if (existing.state === 'healthy') {
            log.info(`A healthy cluster named ${this.clusterName} exists but reuse is off: deleting it to start fresh`);
            await this.deleteNodes();
        }
        else if (existing.state === 'stale') {
            log.warning(`Cluster ${this.clusterName} is stale (${existing.detail}), likely left by a crashed run: deleting it`);
            await this.deleteNodes();
        }
        // kind merges into an existing kubeconfig file; this one must describe this cluster only.
        await (0,promises_.rm)(this.kubeconfigPath, { force: true });
        const create = ['create', 'cluster', '--name', this.clusterName, '--config', this.configPath];
        // Readiness is checked through the Kubernetes API afterwards (waitReady), not by kind;
        // --retain keeps a failed attempt's nodes as evidence (retries delete them first).
        const flags = ['--kubeconfig', this.kubeconfigPath, '--wait', '0s', '--retain'];
        const { attempts } = await this.attempt([...create, ...flags], {
            timeoutMs: this.timeouts.createMs,
            policy: this.createRetry,
            group: true,
            beforeRetry: () => this.deleteNodes(),
        });
        await this.protectKubeconfig();
        await this.waitReady(spec);
        return { name: this.clusterName, kubeconfigPath: this.kubeconfigPath, reused: false, attempts };
    }
    /**
     * Before a suite that creates or reuses a cluster of this name itself: a stale one (a node
     * container not running, left by a crashed run) would be reused and fail; it is deleted.
     */
    async removeStale() {
        const existing = await this.existingCluster();
        if (existing.state !== 'stale')
            return existing.state;
        this.options.log.warning(`Cluster ${this.clusterName} is stale (${existing.detail}), likely left by a crashed run: deleting it before the suite reuses it`);
        await this.deleteNodes();
        return 'removed';
    }
    /** Deletes the cluster; a cluster that is already gone counts as deleted. */
    async deleteCluster() {
        if (!(await this.clusterExists())) {
            this.options.log.info(`Cluster ${this.clusterName} is already gone`);
            return;
        }
        await this.deleteNodes();
    }
    async clusterExists() {
        const result = await this.query(['get', 'clusters']);
        return lines(result.stdout).includes(this.clusterName);
    }
    /** Writes kind's diagnostics (node journals, kubelet and containerd logs, versions) under `dir`. */
    async exportLogs(dir) {
        await (0,promises_.mkdir)(dir, { recursive: true });
        await this.attempt(['export', 'logs', dir, '--name', this.clusterName], {
            timeoutMs: this.timeouts.exportLogsMs,
            policy: this.retry,
        });
    }
    /** Loads the images of a `docker save`/`podman save` archive into every node. */
    async loadImageArchive(archive) {
        await this.attempt(['load', 'image-archive', archive, '--name', this.clusterName], {
            timeoutMs: this.timeouts.loadMs,
            policy: this.retry,
        });
    }
    async deleteNodes() {
        await this.attempt(['delete', 'cluster', '--name', this.clusterName, '--kubeconfig', this.kubeconfigPath], {
            timeoutMs: this.timeouts.deleteMs,
            policy: this.retry,
            retryUnknown: true,
            doneAnyway: async () => !(await this.clusterExists()),
        });
    }
    /** The node containers of the cluster (the control plane's conventional name when kind lists none). */
    async nodeNames() {
        const listed = lines((await this.query(['get', 'nodes', '--name', this.clusterName])).stdout);
        return listed.length > 0 ? listed : [`${this.clusterName}-control-plane`];
    }
    async existingCluster() {
        if (!(await this.clusterExists()))
            return { state: 'absent' };
        const nodes = await this.nodeNames();
        const states = await Promise.all(nodes.map(async (node) => [node, await this.inspectNode(node)]));
        const down = states.filter(([, state]) => state !== 'running');
        if (down.length === 0)
            return { state: 'healthy' };
        return { state: 'stale', detail: down.map(([node, state]) => `node ${node} is ${state}`).join(', ') };
    }
    /** Writes the kubeconfig of an existing cluster to this cluster's own file. */
    async exportKubeconfig() {
        const result = await this.query(['get', 'kubeconfig', '--name', this.clusterName]);
        await (0,file_write/* writeNamedFile */.Bl)(this.kubeconfigPath, result.stdout, { mode: 0o600 });
        await this.protectKubeconfig();
    }
    /** The kubeconfig holds the cluster's admin credentials: owner-only, and never printed. */
    async protectKubeconfig() {
        let text;
        try {
            text = await (0,promises_.readFile)(this.kubeconfigPath, 'utf8');
        }
        catch {
            throw new KindError(`kind reported success but wrote no kubeconfig to ${this.kubeconfigPath}`, `${this.kindPath} create cluster`, undefined, []);
        }
        await (0,promises_.chmod)(this.kubeconfigPath, 0o600);
        for (const match of text.matchAll(/^\s*(?:client-key-data|token|password):\s*(\S+)\s*$/gm)) {
            (0,log/* registerSecret */.cl)(match[1]);
        }
    }
    async waitReady(spec) {
        const { clusterName: name, kubeconfigPath } = this;
        await spec.waitReady?.({ name, kubeconfigPath, signal: this.options.signal });
    }
    /** A read-only kind call that must succeed. */
    async query(args) {
        const result = await this.kind(args, { timeoutMs: this.timeouts.queryMs, quiet: true });
        if (!succeeded(result))
            throw this.failure(args, result, classifyKindFailure(failureOf(result)));
        return result;
    }
    /** Runs a kind command, retrying the failures that are worth it. */
    async attempt(args, options) {
        const { log } = this.options;
        const { policy } = options;
        for (let attempt = 1;; attempt++) {
            const counter = policy.attempts > 1 ? ` (attempt ${attempt}/${policy.attempts})` : '';
            const title = `kind ${args.slice(0, 2).join(' ')}${counter}`;
            const result = await this.kind(args, { timeoutMs: options.timeoutMs, group: options.group ? title : undefined });
            if (succeeded(result))
                return { attempts: attempt };
            if (result.cancelled)
                throw this.failure(args, result, undefined);
            if (options.doneAnyway && (await options.doneAnyway()))
                return { attempts: attempt };
            const classification = classifyKindFailure(failureOf(result));
            const retryable = classification.class === 'transient' || (options.retryUnknown === true && classification.class === 'unknown');
            if (!retryable || attempt >= policy.attempts)
                throw this.failure(args, result, classification, attempt);
            const wait = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
            log.warning(`${title} failed: ${classification.reason}; retrying in ${(0,duration/* formatDuration */.a)(wait)}`);
            await options.beforeRetry?.();
            await (0,external_node_timers_promises_.setTimeout)(wait, undefined, { signal: this.options.signal });
        }
    }
    kind(args, options) {
        return (0,process/* run */.eF)(this.kindPath, args, {
            env: { ...this.options.env, KIND_EXPERIMENTAL_PROVIDER: this.options.provider },
            log: this.options.log,
            quiet: options.quiet,
            group: options.group,
            timeoutMs: options.timeoutMs,
            signal: this.options.signal,
            installHint: 'install kind (the action installs its pinned release) or add its directory to PATH',
        });
    }
    failure(args, result, classification, attempts = 1) {
        const command = `kind ${args.slice(0, 2).join(' ')}`;
        let summary = `${command} was cancelled`;
        if (classification !== undefined) {
            const after = attempts > 1 ? ` after ${attempts} attempts` : '';
            const how = result.timedOut ? 'timed out' : `exit code ${result.exitCode}`;
            summary = `${command} failed${after} (${how}, ${classification.class}): ${classification.reason}`;
            if (classification.hint)
                summary += `; ${classification.hint}`;
        }
        const output = result.tail.length === 0 ? '  (nothing)' : result.tail.map((line) => `  ${line}`).join('\n');
        const message = `${summary}\nkind's output (last lines):\n${output}`;
        return new KindError(message, result.command, classification, result.tail);
    }
}
function succeeded(result) {
    return result.exitCode === 0 && !result.timedOut && !result.cancelled;
}
function failureOf(result) {
    return { output: `${result.stdout}\n${result.stderr}`, exitCode: result.exitCode, timedOut: result.timedOut };
}
function lines(text) {
    return text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
}


/***/ }),

/***/ 90203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LW: () => (/* binding */ ownedBy),
/* harmony export */   UC: () => (/* binding */ RUN_ID),
/* harmony export */   vC: () => (/* binding */ claimCluster),
/* harmony export */   yG: () => (/* binding */ releaseCluster)
/* harmony export */ });
/* unused harmony export ClusterOwnershipError */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _util_file_write_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(84958);
/**
 * Which run a kind cluster belongs to. Runs on one machine share the container engine, so a
 * second run with the same cluster name must not delete the first one's cluster mid-suite, and
 * the first run's post step must not delete the second's. kind clusters carry no owner, so each
 * one the action creates gets an owner file on the machine (`<tmpdir>/aianalysis-e2e-clusters/
 * <provider>-<name>.json`: the run's id, its process and host).
 *
 * A run may take over a cluster whose owner file names a run that has ended (its process is
 * gone: a crashed or kept run); it refuses a cluster whose owner is still running, and one with
 * no owner file at all (created by hand or by something else), naming the cluster and what to do.
 */





/** This process's run. The post step is another process: it compares the id its state saved. */
const RUN_ID = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
const THIS_RUN = { runId: RUN_ID, pid: process.pid };
class ClusterOwnershipError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ClusterOwnershipError';
    }
}
function ownersDir() {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'aianalysis-e2e-clusters');
}
function ownerFile(provider, name) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(ownersDir(), `${provider}-${name}.json`);
}
async function readOwner(provider, name) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(ownerFile(provider, name), 'utf8');
    }
    catch {
        return undefined;
    }
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed.runId === 'string' && typeof parsed.pid === 'number' && typeof parsed.host === 'string')
            return parsed;
    }
    catch {
        // An unreadable owner file names no live run.
    }
    return { runId: '', pid: 0, host: '', since: '' };
}
function stillRunning(owner) {
    if (owner.host !== (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)())
        return owner.host !== '';
    if (owner.pid <= 0)
        return false;
    try {
        process.kill(owner.pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}
/**
 * Makes this run the owner of cluster `name` before it creates, replaces or reuses it. `exists`:
 * whether kind lists a cluster of that name. Throws a ClusterOwnershipError when it is not this
 * run's to touch.
 */
async function claimCluster(provider, name, exists, claimant = THIS_RUN) {
    const owner = await readOwner(provider, name);
    const nameIt = `a kind cluster named ${name} (${provider})`;
    if (owner === undefined && exists) {
        throw new ClusterOwnershipError(`${nameIt} exists that aianalysis-e2e did not create (no ${ownerFile(provider, name)}): it is left alone. ` +
            `Choose another cluster-name, or delete it yourself with: kind delete cluster --name ${name}`);
    }
    if (owner !== undefined && owner.runId !== claimant.runId && stillRunning(owner)) {
        throw new ClusterOwnershipError(`${nameIt} belongs to another run that is still going (process ${owner.pid} on ${owner.host}, since ${owner.since}): ` +
            'it is left alone. Give this run another cluster-name (each concurrent run needs its own)');
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(ownersDir(), { recursive: true });
    const record = { ...claimant, host: (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)(), since: new Date().toISOString() };
    await (0,_util_file_write_js__WEBPACK_IMPORTED_MODULE_4__/* .writeNamedFile */ .Bl)(ownerFile(provider, name), `${JSON.stringify(record)}\n`);
}
/** Whether the owner file of cluster `name` names the run `runId`. */
async function ownedBy(provider, name, runId) {
    return (await readOwner(provider, name))?.runId === runId;
}
/** Forgets the owner of a deleted cluster. */
async function releaseCluster(provider, name) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(ownerFile(provider, name), { force: true });
}


/***/ }),

/***/ 26556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yI: () => (/* binding */ ProcessError),
  oo: () => (/* binding */ ProgramNotFoundError),
  kc: () => (/* binding */ displayCommand),
  eF: () => (/* binding */ run),
  X4: () => (/* binding */ runChecked)
});

// UNUSED EXPORTS: DEFAULT_KILL_GRACE_MS, DEFAULT_MAX_CAPTURE_BYTES, DEFAULT_TAIL_LINES

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: ./src/util/child-env.ts
var child_env = __webpack_require__(94132);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(26518);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
// EXTERNAL MODULE: ./src/util/secrets.ts + 1 modules
var secrets = __webpack_require__(42333);
;// CONCATENATED MODULE: ./src/util/output-capture.ts


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
/** The program's output: captured (bounded), split into redacted lines for the log, the tail and onLine. */
class CommandOutput {
    options;
    tail;
    capture;
    splitters = [];
    constructor(options) {
        this.options = options;
        this.tail = new Tail(options.tailLines);
        this.capture = { stdout: new BoundedCapture(options.maxCaptureBytes), stderr: new BoundedCapture(options.maxCaptureBytes) };
    }
    read(child, streams) {
        for (const stream of streams) {
            const splitter = new LineSplitter((raw) => {
                const line = (0,secrets/* redact */.E$)(raw);
                this.tail.push(line);
                this.options.printer?.info(line);
                this.options.onLine?.(line, stream);
            });
            child[stream]?.on('data', (chunk) => {
                this.capture[stream].push(chunk);
                splitter.push(chunk);
            });
            this.splitters.push(splitter);
        }
    }
    /** Passes on the last lines, which may have no newline. */
    end() {
        for (const splitter of this.splitters)
            splitter.end();
    }
    captured() {
        return {
            stdout: this.capture.stdout.text(),
            stderr: this.capture.stderr.text(),
            stdoutTruncated: this.capture.stdout.truncated,
            stderrTruncated: this.capture.stderr.truncated,
            tail: this.tail.toArray(),
        };
    }
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/util/urgent-stop.ts
var urgent_stop = __webpack_require__(91988);
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
/** Stops the program's process tree when it times out or the run is cancelled, whichever comes first. */
class TreeStopper {
    options;
    timedOut = false;
    cancelled = false;
    stopping;
    timer;
    onAbort;
    constructor(options) {
        this.options = options;
        const { timeoutMs, signal, killGraceMs } = options;
        this.timer =
            timeoutMs === undefined
                ? undefined
                : setTimeout(() => {
                    if (this.stopping)
                        return;
                    this.timedOut = true;
                    this.stop(`timed out after ${(0,duration/* formatDuration */.a)(timeoutMs)}`, killGraceMs);
                }, timeoutMs);
        this.onAbort = () => {
            if (this.stopping)
                return;
            this.cancelled = true;
            this.stop('was cancelled', (0,urgent_stop/* killGraceAfter */.FD)(signal, killGraceMs));
        };
        signal?.addEventListener('abort', this.onAbort, { once: true });
    }
    stop(reason, graceMs) {
        this.options.printer?.info(`${this.options.program} ${reason}: stopping it and its child processes`);
        this.stopping ??= stopProcessGroup(this.options.pid, graceMs);
    }
    /** No more stopping: the program has ended. */
    dispose() {
        clearTimeout(this.timer);
        this.options.signal?.removeEventListener('abort', this.onAbort);
    }
    /** Resolves once a stop that was started has finished with the tree. */
    async stopped() {
        await this.stopping;
    }
}

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
        return log.group(group, () => spawnAndWatch(program, args, opts));
    return spawnAndWatch(program, args, opts);
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
async function spawnAndWatch(program, args, opts) {
    const command = displayCommand(program, args);
    const startedAt = Date.now();
    const printer = opts.quiet ? undefined : opts.log;
    if (opts.quiet)
        opts.log?.debug(`$ ${command}`);
    printer?.info(`$ ${command}`);
    const output = new CommandOutput({
        tailLines: opts.tailLines ?? DEFAULT_TAIL_LINES,
        maxCaptureBytes: opts.maxCaptureBytes ?? DEFAULT_MAX_CAPTURE_BYTES,
        onLine: opts.onLine,
        printer,
    });
    const finish = (fields) => ({
        command,
        ...fields,
        durationMs: Date.now() - startedAt,
        ...output.captured(),
    });
    if (opts.signal?.aborted) {
        return finish({ pid: undefined, exitCode: null, signal: null, timedOut: false, cancelled: true });
    }
    const { child, env, directStdout } = spawnProgram(program, args, opts);
    output.read(child, opts.stdoutTo ? ['stderr'] : ['stdout', 'stderr']);
    const exited = new Promise((resolve) => child.once('exit', (code, sig) => resolve([code, sig])));
    const closed = new Promise((resolve) => child.once('close', () => resolve()));
    await started(child, program, opts, env.PATH);
    // The program has its own copy of the other program's stdin: the reader sees the end when it exits.
    directStdout?.destroy();
    feedStdin(child, opts);
    const pid = child.pid;
    const stopper = new TreeStopper({
        pid,
        program,
        timeoutMs: opts.timeoutMs,
        signal: opts.signal,
        killGraceMs: opts.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
        printer,
    });
    const [exitCode, signal] = await exited;
    const drained = await settlesWithin(closed, LEFTOVER_OUTPUT_WAIT_MS);
    stopper.dispose();
    if (!drained) {
        opts.log?.debug(`${program} exited but left a process holding its output open; no longer reading it`);
        child.stdout?.destroy();
        child.stderr?.destroy();
    }
    await stopper.stopped();
    output.end();
    return finish({ pid, exitCode, signal, timedOut: stopper.timedOut, cancelled: stopper.cancelled });
}
/** Starts the program in its own process group, without a shell, its stdout where opts say. */
function spawnProgram(program, args, opts) {
    const env = opts.replaceEnv ? definedOnly(opts.env ?? {}) : definedOnly({ ...(0,child_env/* childEnvironment */.Qc)(), ...opts.env });
    const directStdout = opts.stdoutTo instanceof external_node_net_.Socket ? opts.stdoutTo : undefined;
    const child = (0,external_node_child_process_.spawn)(program, args, {
        cwd: opts.cwd,
        env,
        stdio: [opts.input === undefined && opts.onStdin === undefined ? 'ignore' : 'pipe', directStdout ?? 'pipe', 'pipe'],
        // Its own process group, so a timeout or cancellation can stop the whole tree.
        detached: true,
        shell: false,
    });
    if (opts.stdoutTo && !directStdout)
        child.stdout?.pipe(opts.stdoutTo);
    return { child, env, directStdout };
}
function feedStdin(child, opts) {
    if (!child.stdin)
        return;
    child.stdin.on('error', () => { }); // the program may exit without reading its input
    if (opts.input !== undefined)
        child.stdin.end(opts.input);
    if (opts.onStdin)
        opts.onStdin(child.stdin);
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
