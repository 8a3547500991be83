export const id = 443;
export const ids = [443];
export const modules = {

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
        await (0,promises_.writeFile)(this.configPath, spec.config);
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
        await (0,promises_.writeFile)(this.kubeconfigPath, result.stdout, { mode: 0o600 });
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
