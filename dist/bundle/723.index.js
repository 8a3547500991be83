export const id = 723;
export const ids = [723];
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
        if (!(await this.clusterExists())) {
            this.options.log.info(`No cluster named ${this.clusterName} exists: creating it`);
            return { state: 'absent' };
        }
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

/***/ 25723:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPipeline: () => (/* binding */ runPipeline)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/engine/detect.ts + 8 modules
var detect = __webpack_require__(62374);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(17679);
;// CONCATENATED MODULE: ./src/engine/health.ts
/** Waiting for an engine to answer again, after a crash or a restart. */

/** Asks until the engine answers or the time is up; returns the last answer. */
async function waitHealthy(engine, options) {
    const deadline = Date.now() + options.timeoutMs;
    for (;;) {
        const remaining = deadline - Date.now();
        const health = await engine.health({ signal: options.signal, timeoutMs: Math.max(1_000, remaining) });
        if (health.ok || Date.now() >= deadline)
            return health;
        await (0,promises_.setTimeout)(Math.min(options.intervalMs ?? 2_000, Math.max(0, deadline - Date.now())), undefined, { signal: options.signal });
    }
}

// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(26518);
;// CONCATENATED MODULE: ./src/images/recovery.ts
/**
 * Retries of image tasks after transient engine failures, and the record of every engine crash.
 *
 * Parallel builds have crashed Podman (`server probably quit: unexpected EOF`, exit 125) while
 * the same builds one at a time were stable. So a crash does not fail the run: the engine is
 * checked (and restarted where the engine knows a safe way), the run's concurrency is lowered
 * until builds run one at a time, and the failed builds are tried again. Builds that fail from
 * the same crash share one recovery and one event. A build step killed for memory lowers the
 * concurrency below the number of builds that were running; a network error only waits.
 */




const DEFAULT_ATTEMPTS = 4;
const DEFAULT_HEALTH_TIMEOUT_MS = 2 * 60_000;
const defaultBackoffMs = (attempt) => Math.min(30_000, 2_000 * 2 ** (attempt - 1));
class EngineRecovery {
    engine;
    options;
    /** Every crash of this run, in order: for the summary. */
    events = [];
    open = [];
    /** Task id → image name of the builds running now. */
    builds = new Map();
    failures = new Map();
    attempts;
    healthTimeoutMs;
    backoffMs;
    constructor(engine, options = {}) {
        this.engine = engine;
        this.options = options;
        this.attempts = options.attempts ?? DEFAULT_ATTEMPTS;
        this.healthTimeoutMs = options.healthTimeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS;
        this.backoffMs = options.backoffMs ?? defaultBackoffMs;
    }
    /**
     * Runs one attempt of a task. With `buildOf` (the image it builds) the task counts as a build
     * running beside the others while it runs.
     */
    async track(task, buildOf, attempt) {
        const startedAt = Date.now();
        if (buildOf !== undefined)
            this.builds.set(task, buildOf);
        try {
            return await attempt();
        }
        catch (error) {
            this.failures.set(task, { startedAt, at: Date.now(), builds: [...this.builds.values()] });
            throw error;
        }
        finally {
            this.builds.delete(task);
        }
    }
    /** The retry policy of one task; `span` gives the span of its latest attempt, for notes. */
    policy(task, span) {
        return {
            attempts: this.attempts,
            isRetryable: errors/* isTransientEngineError */.Z,
            beforeRetry: (error, attempt, controls) => this.prepareRetry(task, error, attempt, controls, span()),
        };
    }
    async prepareRetry(task, error, attempt, controls, span) {
        const { classification } = error;
        if (classification.recovery === 'backoff' || classification.recovery === undefined) {
            const wait = this.backoffMs(attempt);
            span?.note(`${classification.reason}; retrying in ${(0,duration/* formatDuration */.a)(wait)}`);
            await (0,promises_.setTimeout)(wait, undefined, { signal: this.options.signal });
            return;
        }
        const failure = this.failures.get(task) ?? { startedAt: Date.now(), at: Date.now(), builds: [] };
        // The same failure, if it happened while this attempt ran.
        const joined = this.open.find(({ event, recovery }) => recovery === classification.recovery && failure.startedAt <= event.at);
        if (joined) {
            joined.event.failed.push(task);
            await joined.recovered;
            span?.note(describeCrash(joined.event));
            return;
        }
        const event = {
            engine: this.engine.name,
            reason: classification.reason,
            at: failure.at,
            builds: failure.builds,
            failed: [task],
            concurrency: 0,
        };
        const recovered = this.recover(event, classification.recovery, controls);
        this.open.push({ event, recovery: classification.recovery, recovered });
        this.events.push(event);
        await recovered;
        span?.note(describeCrash(event));
    }
    async recover(event, recovery, controls) {
        if (recovery === 'engine') {
            const health = await this.engine.health({ signal: this.options.signal });
            if (!health.ok) {
                event.restart = await this.engine.restart({ signal: this.options.signal });
                const after = await waitHealthy(this.engine, {
                    timeoutMs: this.healthTimeoutMs,
                    intervalMs: this.options.healthIntervalMs,
                    signal: this.options.signal,
                });
                if (!after.ok) {
                    throw new Error(`${this.engine.name} did not answer within ${(0,duration/* formatDuration */.a)(this.healthTimeoutMs)} of crashing: ${after.detail}`);
                }
            }
        }
        // An engine crash: one build at a time. Memory: fewer builds than were running.
        const target = recovery === 'engine' ? 1 : Math.max(1, event.builds.length - 1);
        event.concurrency = lowerTo(controls, target);
    }
}
function lowerTo(controls, target) {
    let limit = controls.lowerConcurrency();
    while (limit > target)
        limit = controls.lowerConcurrency();
    return limit;
}
/** One line for notes and the summary: `podman crashed with 3 builds running (…); retried one at a time`. */
function describeCrash(event) {
    const count = event.builds.length === 1 ? '1 build' : `${event.builds.length} builds`;
    const builds = event.builds.length === 0 ? '' : ` with ${count} running (${event.builds.join(', ')})`;
    const restart = event.restart ? `; ${event.restart.detail}` : '';
    const retried = event.concurrency === 1 ? 'retried one at a time' : `retried with at most ${event.concurrency} tasks at once`;
    return `${event.engine} failed (${event.reason})${builds}${restart}; ${retried}`;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/images/limits.ts
/**
 * How much may run at once while images build. Builds are packed by the memory each is expected
 * to take (ImagePlan.memoryMiB) into what the machine can spare; heavy builds never overlap (the
 * scheduler's own rule). A `build-concurrency` number replaces this with a plain limit.
 */

/** Kept for the kind node, the OS and the action itself: a quarter of the memory, at least 2 GiB. */
function memoryReserveMiB(totalMemoryMiB) {
    return Math.max(2048, Math.round(totalMemoryMiB / 4));
}
/** With `auto`, memory does the limiting; this only bounds how many tasks of any kind run together. */
function autoConcurrency(cpus) {
    return Math.min(16, Math.max(2, 2 * cpus));
}
function currentMachine() {
    return { totalMemoryMiB: Math.floor(external_node_os_default().totalmem() / (1024 * 1024)), cpus: external_node_os_default().availableParallelism() };
}
function imageLimits(build, machine = currentMachine()) {
    const concurrency = build.concurrency === 'auto' ? autoConcurrency(machine.cpus) : build.concurrency;
    if (build.memoryBudgetMiB !== 'auto')
        return { concurrency, memoryBudgetMiB: build.memoryBudgetMiB };
    if (build.concurrency !== 'auto')
        return { concurrency };
    const spare = machine.totalMemoryMiB - memoryReserveMiB(machine.totalMemoryMiB);
    // A machine too small for any reserve still builds: one image at a time (a task above the budget runs alone).
    return { concurrency, memoryBudgetMiB: Math.max(512, spare) };
}

// EXTERNAL MODULE: ./src/util/secrets.ts
var secrets = __webpack_require__(84537);
;// CONCATENATED MODULE: ./src/run/task.ts
class TaskTimeoutError extends Error {
    taskId;
    constructor(taskId, message) {
        super(message);
        this.taskId = taskId;
        this.name = 'TaskTimeoutError';
    }
}

;// CONCATENATED MODULE: ./src/run/validate.ts
class GraphError extends Error {
    constructor(message) {
        super(message);
        this.name = 'GraphError';
    }
}
function validateGraph(tasks, limits) {
    checkLimits(limits);
    const byId = new Map();
    for (const task of tasks) {
        if (typeof task.id !== 'string' || task.id.trim() === '') {
            throw new GraphError(`a task has an empty id (title: ${JSON.stringify(task.title)}); every task needs a unique id`);
        }
        if (byId.has(task.id))
            throw new GraphError(`task id "${task.id}" is used by more than one task; ids must be unique`);
        byId.set(task.id, task);
        checkTask(task);
    }
    for (const task of tasks) {
        for (const need of task.needs ?? []) {
            if (!byId.has(need)) {
                throw new GraphError(`task "${task.id}" needs "${need}", which is not a task; known tasks: ${[...byId.keys()].join(', ')}`);
            }
        }
    }
    const cycle = findCycle(tasks, byId);
    if (cycle)
        throw new GraphError(`tasks depend on each other in a cycle: ${cycle.join(' → ')}`);
}
function checkLimits({ concurrency, memoryBudgetMiB }) {
    if (!Number.isInteger(concurrency) || concurrency < 1) {
        throw new GraphError(`concurrency must be a whole number of at least 1, got ${concurrency}`);
    }
    if (memoryBudgetMiB !== undefined && !(Number.isFinite(memoryBudgetMiB) && memoryBudgetMiB > 0)) {
        throw new GraphError(`memoryBudgetMiB must be a positive number of MiB, got ${memoryBudgetMiB}`);
    }
}
function checkTask(task) {
    const memory = task.weight?.memoryMiB;
    if (memory !== undefined && !(Number.isFinite(memory) && memory >= 0)) {
        throw new GraphError(`task "${task.id}": weight.memoryMiB must be a number of MiB >= 0, got ${memory}`);
    }
    if (task.timeoutMs !== undefined && !(Number.isFinite(task.timeoutMs) && task.timeoutMs > 0)) {
        throw new GraphError(`task "${task.id}": timeoutMs must be a positive number, got ${task.timeoutMs}`);
    }
    const attempts = task.retry?.attempts;
    if (attempts !== undefined && !(Number.isInteger(attempts) && attempts >= 1)) {
        throw new GraphError(`task "${task.id}": retry.attempts must be a whole number of at least 1, got ${attempts}`);
    }
}
/** The first cycle found, as the ids along it with the first repeated at the end. */
function findCycle(tasks, byId) {
    const finished = new Set();
    const path = [];
    const visit = (id) => {
        const onPath = path.indexOf(id);
        if (onPath >= 0)
            return [...path.slice(onPath), id];
        if (finished.has(id))
            return undefined;
        path.push(id);
        for (const need of byId.get(id)?.needs ?? []) {
            const cycle = visit(need);
            if (cycle)
                return cycle;
        }
        path.pop();
        finished.add(id);
        return undefined;
    };
    for (const task of tasks) {
        const cycle = visit(task.id);
        if (cycle)
            return cycle;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/run/graph.ts
/**
 * Runs a task graph with a resource-aware scheduler. A task starts as soon as its needs have
 * succeeded and the limits allow: fewer running tasks than `concurrency`, running memory within
 * `memoryBudgetMiB` (a task larger than the whole budget runs alone), never two heavy tasks.
 *
 * A failure stops new work (running tasks finish; tasks never started are skipped). Cancellation
 * aborts running tasks too. Finalizers run in every case once their needs have ended; running
 * finalizers are not aborted by cancellation (their own timeout bounds them).
 */




/** How long an aborted task may take to stop before the run stops waiting for it. */
const DEFAULT_ABANDON_AFTER_MS = 15_000;
async function graph_runGraph(tasks, options) {
    validateGraph(tasks, options);
    return new Scheduler(tasks, options).run();
}
class Scheduler {
    options;
    states = new Map();
    results = new Map();
    upstream = new Map();
    concurrency;
    failed = false;
    cancelled = false;
    firstError;
    startedAt = Date.now();
    finish = () => { };
    controls = {
        lowerConcurrency: () => {
            const lowered = Math.max(1, Math.floor(this.concurrency / 2));
            if (lowered < this.concurrency)
                this.options.log.info(`concurrency lowered from ${this.concurrency} to ${lowered}`);
            this.concurrency = lowered;
            return lowered;
        },
    };
    constructor(tasks, options) {
        this.options = options;
        this.concurrency = options.concurrency;
        for (const task of tasks) {
            this.states.set(task.id, {
                task,
                status: 'pending',
                span: {
                    id: task.id,
                    title: task.title,
                    phase: task.phase,
                    start: null,
                    end: null,
                    durationMs: 0,
                    outcome: 'skipped',
                    attempts: 0,
                    notes: [],
                    attributes: {},
                },
            });
        }
    }
    run() {
        const done = new Promise((resolve) => {
            this.finish = resolve;
        });
        const { signal } = this.options;
        const onCancel = () => this.cancel();
        if (signal?.aborted)
            this.cancel();
        else
            signal?.addEventListener('abort', onCancel, { once: true });
        this.pump();
        return done.finally(() => signal?.removeEventListener('abort', onCancel));
    }
    get stopping() {
        return this.failed || this.cancelled;
    }
    cancel() {
        if (this.cancelled)
            return;
        this.cancelled = true;
        this.options.log.info('run cancelled: stopping running tasks, then running finalizers');
        for (const state of this.states.values()) {
            if (state.status === 'running' && !state.task.finalizer) {
                state.cancelledByRun = true;
                state.controller?.abort(new Error('the run was cancelled'));
            }
        }
        this.pump();
    }
    /** Settles what can no longer run, starts what may, and finishes when everything has ended. */
    pump() {
        this.settleUnrunnable();
        for (const state of this.states.values()) {
            if (state.status === 'pending' && this.needsEnded(state) && this.limitsAllow(state.task)) {
                void this.attempt(state);
            }
        }
        if ([...this.states.values()].every((state) => state.status === 'done')) {
            this.finish(this.result());
        }
    }
    /** Tasks that will never start are settled, repeatedly, since each can strand its dependents. */
    settleUnrunnable() {
        let changed = true;
        while (changed) {
            changed = false;
            for (const state of this.states.values()) {
                if (state.status !== 'pending' || state.task.finalizer)
                    continue;
                const reason = this.reasonNotToRun(state);
                if (reason === undefined)
                    continue;
                if (state.lastError !== undefined) {
                    // It failed before and was waiting for a retry that will not come.
                    this.settle(state, this.cancelled ? 'cancelled' : 'failure', state.lastError);
                }
                else {
                    state.span.notes.push(`not run: ${reason}`);
                    this.settle(state, 'skipped');
                }
                changed = true;
            }
        }
    }
    reasonNotToRun(state) {
        if (this.cancelled)
            return 'the run was cancelled';
        if (this.failed)
            return 'an earlier task failed';
        for (const need of state.task.needs ?? []) {
            const { status, span } = this.states.get(need);
            if (status === 'done' && span.outcome !== 'success')
                return `"${need}" ended with ${span.outcome}`;
        }
        return undefined;
    }
    /** Enough for any task still pending: those with a need that did not succeed were skipped already. */
    needsEnded({ task }) {
        return (task.needs ?? []).every((need) => this.states.get(need)?.status === 'done');
    }
    limitsAllow(task) {
        const running = [...this.states.values()].filter((state) => state.status === 'running').map((state) => state.task);
        if (running.length >= this.concurrency)
            return false;
        if (task.weight?.heavy && running.some((other) => other.weight?.heavy))
            return false;
        const budget = this.options.memoryBudgetMiB;
        if (budget === undefined || running.length === 0)
            return true;
        const used = running.reduce((sum, other) => sum + (other.weight?.memoryMiB ?? 0), 0);
        return used + (task.weight?.memoryMiB ?? 0) <= budget;
    }
    /** One attempt of a task; on a retryable failure the task goes back to pending. */
    async attempt(state) {
        const { task, span } = state;
        const log = this.options.log.task(task.id);
        state.status = 'running';
        span.start ??= Date.now();
        span.attempts += 1;
        const controller = new AbortController();
        state.controller = controller;
        let timedOut = false;
        const timer = task.timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                timedOut = true;
                controller.abort(new TaskTimeoutError(task.id, `${task.title} timed out after ${(0,duration/* formatDuration */.a)(task.timeoutMs ?? 0)}`));
            }, task.timeoutMs);
        const settlement = await this.settleOrAbandon(task, this.context(state, log, controller.signal), controller.signal);
        clearTimeout(timer);
        if (settlement.kind === 'abandoned') {
            span.notes.push(`did not stop within ${(0,duration/* formatDuration */.a)(this.abandonAfterMs)} of being aborted; abandoned`);
        }
        if (state.cancelledByRun) {
            log.info(`■ ${task.title} cancelled`);
            this.settle(state, 'cancelled');
        }
        else if (settlement.kind === 'value' && !timedOut) {
            this.results.set(task.id, settlement.value);
            log.info(`✔ ${task.title} (${(0,duration/* formatDuration */.a)(Date.now() - (span.start ?? Date.now()))})`);
            this.settle(state, 'success');
        }
        else {
            // After a timeout (or when abandoned) the abort reason says what happened, not the task's reaction to it.
            const error = settlement.kind === 'error' && !timedOut ? settlement.error : controller.signal.reason;
            const retry = await this.retrying(state, error, log);
            if (state.cancelledByRun) {
                // Cancelled while preparing the retry.
                this.settle(state, 'cancelled');
            }
            else if (retry) {
                state.status = 'pending';
                state.lastError = error;
            }
            else {
                log.info(`✖ ${task.title} failed after ${(0,duration/* formatDuration */.a)(Date.now() - (span.start ?? Date.now()))}: ${firstLine(error)}`);
                this.fail(state, error);
            }
        }
        this.pump();
    }
    get abandonAfterMs() {
        return this.options.abandonAfterMs ?? DEFAULT_ABANDON_AFTER_MS;
    }
    /** The task's outcome, or `abandoned` when it ignores its aborted signal for too long. */
    settleOrAbandon(task, ctx, signal) {
        return new Promise((resolve) => {
            let abandonTimer;
            const onAbort = () => {
                abandonTimer = setTimeout(() => resolve({ kind: 'abandoned' }), this.abandonAfterMs);
            };
            signal.addEventListener('abort', onAbort, { once: true });
            Promise.resolve()
                .then(() => task.run(ctx))
                .then((value) => resolve({ kind: 'value', value }), (error) => resolve({ kind: 'error', error }))
                .finally(() => {
                clearTimeout(abandonTimer);
                signal.removeEventListener('abort', onAbort);
            });
        });
    }
    /** Whether the failed attempt gets another one; runs the policy's beforeRetry if so. */
    async retrying(state, error, log) {
        const { retry, title } = state.task;
        const attempt = state.span.attempts;
        if (!retry || attempt >= retry.attempts || this.stopping || !retry.isRetryable(error))
            return false;
        log.info(`↻ ${title}: attempt ${attempt} of ${retry.attempts} failed (${firstLine(error)}); retrying`);
        state.span.notes.push(`attempt ${attempt} failed: ${(0,secrets/* redact */.E$)(firstLine(error))}`);
        try {
            await retry.beforeRetry?.(error, attempt, this.controls);
        }
        catch (prepareError) {
            state.span.notes.push(`preparing the retry failed: ${(0,secrets/* redact */.E$)(firstLine(prepareError))}`);
            return false;
        }
        return !this.stopping;
    }
    fail(state, error) {
        this.failed = true;
        const replacesFinalizerError = this.firstError && this.states.get(this.firstError.id)?.task.finalizer;
        if (!this.firstError || (replacesFinalizerError && !state.task.finalizer)) {
            this.firstError = { id: state.task.id, message: (0,secrets/* redact */.E$)(messageOf(error)), error };
        }
        this.settle(state, 'failure', error);
    }
    settle(state, outcome, error) {
        state.status = 'done';
        const { span } = state;
        span.outcome = outcome;
        if (outcome === 'failure')
            span.error = (0,secrets/* redact */.E$)(messageOf(error));
        if (span.start !== null) {
            span.end = Date.now();
            span.durationMs = span.end - span.start;
        }
    }
    context(state, log, signal) {
        const { task, span } = state;
        const upstreamState = (id) => {
            if (!this.upstreamOf(task).has(id)) {
                throw new Error(`task "${task.id}" asked about "${id}", which is not among its needs`);
            }
            return this.states.get(id);
        };
        return {
            signal,
            log,
            attempt: span.attempts,
            span: {
                note: (text) => span.notes.push((0,secrets/* redact */.E$)(text)),
                set: (key, value) => {
                    span.attributes[key] = typeof value === 'string' ? (0,secrets/* redact */.E$)(value) : value;
                },
            },
            result: (id) => {
                const { span: other } = upstreamState(id);
                if (other.outcome !== 'success') {
                    throw new Error(`task "${task.id}" needs the result of "${id}", which ended with ${other.outcome}`);
                }
                return this.results.get(id);
            },
            outcome: (id) => upstreamState(id).span.outcome,
        };
    }
    /** Every task this task needs, directly or through others. */
    upstreamOf(task) {
        let found = this.upstream.get(task.id);
        if (!found) {
            found = new Set();
            for (const need of task.needs ?? []) {
                found.add(need);
                for (const further of this.upstreamOf(this.states.get(need).task))
                    found.add(further);
            }
            this.upstream.set(task.id, found);
        }
        return found;
    }
    result() {
        const spans = [...this.states.values()].map((state) => state.span);
        return {
            ok: spans.every((span) => span.outcome === 'success'),
            cancelled: this.cancelled,
            startedAt: this.startedAt,
            finishedAt: Date.now(),
            spans,
            results: this.results,
            firstError: this.firstError,
        };
    }
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
function firstLine(error) {
    return messageOf(error).split('\n')[0];
}

// EXTERNAL MODULE: ./src/engine/references.ts
var references = __webpack_require__(61426);
// EXTERNAL MODULE: ./src/config/index.ts + 15 modules
var config = __webpack_require__(65424);
// EXTERNAL MODULE: ./src/engine/cache-store.ts
var cache_store = __webpack_require__(36928);
;// CONCATENATED MODULE: ./src/images/image-tasks.ts
/**
 * One task per image of the plan, doing what its source decision says (reuse, pull or build),
 * and one push task per built image when pushing is allowed. Every image is built at most once
 * per run; later phases take the reference from the task's result.
 */




/** The label every built image carries: the content hash its tag was derived from. */
const CONTENT_HASH_LABEL = 'io.github.kubernaut.aianalysis-e2e.content-hash';
/** Memory of a task that only pulls or inspects an image. */
const TRANSFER_MEMORY_MIB = 256;
const imageTaskId = (name) => `image-${name}`;
const pushTaskId = (name) => `push-${name}`;
function imageTasks(options) {
    return options.images.flatMap((image) => {
        const decision = options.decisions.find((candidate) => candidate.image === image.name);
        if (decision === undefined)
            throw new Error(`image '${image.name}' has no source decision`);
        const tasks = [imageTask(image, decision, options)];
        if (decision.source === 'build' && options.push.allowed)
            tasks.push(pushTask(image, options));
        return tasks;
    });
}
function imageTask(image, decision, options) {
    const { recovery } = options;
    const id = imageTaskId(image.name);
    const { reference } = decision;
    const building = decision.source === 'build';
    let startedAt;
    let span;
    const verb = { reuse: 'Reuse', pull: 'Pull', build: 'Build' }[decision.source];
    return {
        id,
        title: `${verb} image ${image.name}`,
        phase: 'images',
        weight: building ? { memoryMiB: image.memoryMiB, heavy: image.heavy } : { memoryMiB: TRANSFER_MEMORY_MIB },
        ...(building ? { timeoutMs: options.buildTimeoutMs } : {}),
        retry: recovery.policy(id, () => span),
        run: async (ctx) => {
            startedAt ??= Date.now();
            span = ctx.span;
            ctx.span.set('source', decision.source);
            ctx.span.set('reference', reference);
            if (ctx.attempt === 1)
                ctx.log.info(`${image.name}: ${decision.source} ${reference} (${decision.reason})`);
            const outcome = await recovery.track(id, building ? image.name : undefined, () => obtain(image, decision.source, reference, options, ctx));
            outcome.result.seconds = (Date.now() - startedAt) / 1000;
            ctx.span.set('result', outcome.result.source);
            return outcome;
        },
    };
}
async function obtain(image, source, reference, options, ctx) {
    const { engine } = options;
    const call = { signal: ctx.signal, log: ctx.log };
    if (source === 'build')
        return build(image, reference, options, ctx);
    if (source === 'pull')
        await engine.pull(reference, call);
    const info = await engine.inspect(reference, call);
    return {
        result: {
            name: image.name,
            reference,
            digest: (0,references/* digestIn */.s)(info.repoDigests, reference),
            id: info.id,
            source: source === 'pull' ? 'pulled' : 'reused',
            seconds: 0,
            sizeBytes: info.sizeBytes,
        },
    };
}
async function build(image, reference, options, ctx) {
    const { engine } = options;
    const call = { signal: ctx.signal, log: ctx.log };
    const contentHash = (0,config/* parseReference */.F2)(reference).tag ?? '';
    const cache = cacheSpec(image, options);
    const localCache = cache.mode === 'local' && engine.kind === 'docker-buildx' ? cache.localDir : undefined;
    if (localCache)
        await (0,cache_store/* restoreLocalCache */.k)(localCache, image.name, contentHash, ctx.log);
    const built = await engine.build({
        reference,
        dockerfile: external_node_path_default().resolve(options.repoRoot, image.dockerfile),
        context: external_node_path_default().resolve(options.repoRoot, image.context),
        buildArgs: image.buildArgs,
        target: image.target,
        platform: image.platform,
        labels: { [CONTENT_HASH_LABEL]: contentHash },
        cache,
    }, call);
    if (localCache)
        await (0,cache_store/* saveLocalCache */.jQ)(localCache, image.name, contentHash, ctx.log);
    for (const warning of built.warnings)
        ctx.span.note(warning);
    ctx.span.set('steps', built.steps);
    ctx.span.set('cachedSteps', built.cachedSteps);
    if (built.fromCache)
        ctx.log.info(`${image.name}: every step came from the cache (${built.steps} steps); nothing was executed`);
    return {
        result: {
            name: image.name,
            reference,
            digest: null,
            id: built.id,
            source: built.fromCache ? 'built-from-cache' : 'built',
            seconds: 0,
            sizeBytes: built.sizeBytes,
        },
        ...(built.cacheReference ? { cacheReference: built.cacheReference } : {}),
    };
}
/** The registry cache may only be written when pushing is allowed; the others always. */
function cacheSpec(image, options) {
    const { mode, registry, localDir } = options.cache;
    const repository = registry === '' ? undefined : `${registry}/${image.repository}`;
    return {
        mode,
        scope: image.name,
        ...(repository === undefined ? {} : { repository }),
        ...(localDir === undefined ? {} : { localDir: external_node_path_default().join(localDir, image.name) }),
        write: mode !== 'registry' || options.push.allowed,
    };
}
function pushTask(image, options) {
    const { engine, recovery } = options;
    const id = pushTaskId(image.name);
    let span;
    return {
        id,
        title: `Push image ${image.name}`,
        phase: 'images',
        needs: [imageTaskId(image.name)],
        weight: { memoryMiB: TRANSFER_MEMORY_MIB },
        retry: recovery.policy(id, () => span),
        run: async (ctx) => {
            span = ctx.span;
            const { result, cacheReference } = ctx.result(imageTaskId(image.name));
            const call = { signal: ctx.signal, log: ctx.log };
            return recovery.track(id, undefined, async () => {
                const pushed = await engine.push(result.reference, call);
                if (cacheReference)
                    await engine.push(cacheReference, call);
                ctx.span.set('digest', pushed.digest ?? '');
                return { digest: pushed.digest ?? null };
            });
        },
    };
}

;// CONCATENATED MODULE: ./src/images/dependencies.ts
/**
 * The images the stack needs but does not build (PostgreSQL, Redis): pulled in parallel, each by
 * its fully qualified name so that Docker, Podman and the kind nodes all mean the same image. An
 * image the engine already has is used as it is. Transient failures are retried with backoff
 * (EngineRecovery); permanent ones fail at once.
 */


const dependencyTaskId = (name) => `dependency-${name}`;
function dependencyTasks(options) {
    return options.dependencies.map((dependency) => dependencyTask(dependency, options));
}
function dependencyTask(dependency, { engine, recovery }) {
    const id = dependencyTaskId(dependency.name);
    const reference = (0,references/* qualifiedForPull */.Xm)(dependency.image);
    let startedAt;
    let span;
    return {
        id,
        title: `Pull dependency ${dependency.name}`,
        phase: 'images',
        weight: { memoryMiB: TRANSFER_MEMORY_MIB },
        retry: recovery.policy(id, () => span),
        run: async (ctx) => {
            const started = (startedAt ??= Date.now());
            span = ctx.span;
            ctx.span.set('reference', reference);
            const call = { signal: ctx.signal, log: ctx.log };
            return recovery.track(id, undefined, async () => {
                const held = (await engine.localImages([reference], call)).get(reference);
                if (held === undefined)
                    await engine.pull(reference, call);
                const info = held ?? (await engine.inspect(reference, call));
                const source = held === undefined ? 'pulled' : 'reused';
                ctx.span.set('result', source);
                const result = {
                    name: dependency.name,
                    reference,
                    digest: (0,references/* digestIn */.s)(info.repoDigests, reference),
                    id: info.id,
                    source,
                    seconds: (Date.now() - started) / 1000,
                    sizeBytes: info.sizeBytes,
                };
                return { result };
            });
        },
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/util/bytes.ts
var bytes = __webpack_require__(1671);
;// CONCATENATED MODULE: ./src/images/load.ts
/**
 * Puts every image of the run into the cluster at once: ONE archive of the built, pulled and
 * dependency images, loaded by kind into every node. The archive is then removed and dangling
 * images pruned: GitHub-hosted runners have about 14 GB of free disk. The archive is a plain
 * docker-archive, never gzip (Podman 4.3 cannot load a compressed one).
 */




const LOAD_TASK_ID = 'load-images';
function loadTask(options) {
    return {
        id: LOAD_TASK_ID,
        title: 'Load images into the cluster',
        phase: 'images',
        needs: [...options.imageTasks, ...(options.needs ?? [])],
        run: async (ctx) => {
            const { engine } = options;
            const references = [...new Set(options.imageTasks.map((id) => ctx.result(id).result.reference))];
            await (0,external_node_fs_promises_.mkdir)(options.workDir, { recursive: true });
            const archive = external_node_path_default().join(options.workDir, `images-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tar`);
            let archiveBytes = 0;
            try {
                archiveBytes = (await engine.save(references, archive, { signal: ctx.signal, log: ctx.log })).bytes;
                ctx.log.info(`saved ${references.length} images into one archive of ${(0,bytes/* formatBytes */.z)(archiveBytes)}`);
                await options.kind.loadImageArchive(archive);
            }
            finally {
                await (0,external_node_fs_promises_.rm)(archive, { force: true });
            }
            const prunedBytes = await pruneQuietly(engine, ctx.log, ctx.signal);
            const bytesFreed = archiveBytes + prunedBytes;
            ctx.span.set('archiveBytes', archiveBytes);
            ctx.span.set('bytesFreed', bytesFreed);
            ctx.log.info(`loaded ${references.length} images; freed ${(0,bytes/* formatBytes */.z)(bytesFreed)} (archive and dangling images)`);
            return { images: references.length, archiveBytes, bytesFreed };
        },
    };
}
/** Pruning is housekeeping: a failure is a warning, not a failed run. */
async function pruneQuietly(engine, log, signal) {
    try {
        return (await engine.prune({ signal })).bytesReclaimed;
    }
    catch (error) {
        log.warning(`could not prune dangling images: ${error.message.split('\n')[0]}`);
        return 0;
    }
}

;// CONCATENATED MODULE: ./src/images/phase.ts




function imagePhaseTasks(options) {
    const { engine, plan, recovery } = options;
    const images = imageTasks({
        engine,
        recovery,
        repoRoot: options.repoRoot,
        images: plan.images,
        decisions: options.decisions,
        cache: { mode: options.cache, registry: plan.registry, localDir: options.localCacheDir },
        push: options.push,
        buildTimeoutMs: options.buildTimeoutMinutes * 60_000,
    });
    const dependencies = dependencyTasks({ engine, recovery, dependencies: plan.dependencies });
    if (options.load === undefined)
        return [...images, ...dependencies];
    const toLoad = [...plan.images.map((image) => imageTaskId(image.name)), ...dependencies.map((task) => task.id)];
    return [...images, ...dependencies, loadTask({ ...options.load, engine, imageTasks: toLoad })];
}
function imagePhaseReport(results, options) {
    const outcome = (id) => results.get(id);
    const images = options.plan.images.flatMap((image) => {
        const built = outcome(imageTaskId(image.name));
        if (built === undefined)
            return [];
        const pushed = results.get(pushTaskId(image.name));
        return [{ ...built.result, digest: pushed?.digest ?? built.result.digest }];
    });
    const dependencies = options.plan.dependencies.flatMap((dependency) => {
        const pulled = outcome(dependencyTaskId(dependency.name));
        return pulled === undefined ? [] : [pulled.result];
    });
    const load = results.get(LOAD_TASK_ID);
    return {
        images,
        dependencies,
        ...(load === undefined ? {} : { load }),
        crashes: [...options.recovery.events],
        notices: options.push.notice === undefined ? [] : [options.push.notice],
    };
}
/** The image phase on its own (the local command's `images` step, benchmarks, tests). */
async function runImagePhase(options) {
    for (const notice of options.push.notice === undefined ? [] : [options.push.notice])
        options.log.notice(notice);
    const graph = await runGraph(imagePhaseTasks(options), {
        concurrency: options.limits.concurrency,
        memoryBudgetMiB: options.limits.memoryBudgetMiB,
        log: options.log,
        signal: options.signal,
    });
    return { graph, report: imagePhaseReport(graph.results, options) };
}

;// CONCATENATED MODULE: ./src/images/push-policy.ts
/**
 * Whether built images may be pushed. Never from a pull request whose head lives in a fork: its
 * code must not write to the registry (and its token cannot). That is a notice, not an error:
 * the run goes on without pushing.
 */

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
async function pushDecision(push, env = process.env, read = (file) => (0,external_node_fs_promises_.readFile)(file, 'utf8')) {
    if (!push)
        return { allowed: false };
    const event = env.GITHUB_EVENT_NAME;
    if (event === undefined || !PULL_REQUEST_EVENTS.has(event))
        return { allowed: true };
    const refuse = (why) => ({ allowed: false, notice: `push is on, but images are not pushed: ${why}` });
    let payload;
    try {
        payload = JSON.parse(await read(env.GITHUB_EVENT_PATH ?? ''));
    }
    catch (error) {
        return refuse(`the ${event} event payload (GITHUB_EVENT_PATH) cannot be read to rule out a fork (${error.message})`);
    }
    const head = payload.pull_request?.head?.repo?.full_name;
    const base = payload.pull_request?.base?.repo?.full_name;
    if (head === undefined || base === undefined)
        return refuse(`the ${event} event does not name the head and base repositories`);
    if (head !== base)
        return refuse(`this pull request comes from the fork ${head}, and a fork's code must not write to ${base}'s registry`);
    return { allowed: true };
}

;// CONCATENATED MODULE: ./src/images/summary.ts



const SHORT_DIGEST_HEX = 12;
function shortDigest(digest) {
    if (digest === null)
        return '—';
    const [algorithm, hex = ''] = digest.split(':');
    return `${algorithm}:${hex.slice(0, SHORT_DIGEST_HEX)}`;
}
function row(result, name) {
    return [
        name,
        result.source,
        result.reference,
        shortDigest(result.digest),
        (0,bytes/* formatBytes */.z)(result.sizeBytes),
        (0,duration/* formatDuration */.a)(result.seconds * 1000),
    ];
}
function imagesSection(report) {
    const paragraphs = [...report.notices];
    if (report.images.some((image) => image.source === 'built-from-cache')) {
        paragraphs.push('**built-from-cache**: the build ran, but every step came from the layer cache, so nothing was executed.');
    }
    for (const crash of report.crashes)
        paragraphs.push(`⚠️ ${describeCrash(crash)}.`);
    if (report.load) {
        paragraphs.push(`Loaded ${report.load.images} images into the cluster from one archive of ${(0,bytes/* formatBytes */.z)(report.load.archiveBytes)}; ` +
            `freed ${(0,bytes/* formatBytes */.z)(report.load.bytesFreed)} afterwards (archive and dangling images).`);
    }
    return {
        heading: 'Images',
        ...(paragraphs.length > 0 ? { paragraphs } : {}),
        table: {
            header: ['image', 'source', 'reference', 'digest', 'size', 'time'],
            rows: [
                ...report.images.map((image) => row(image, image.name)),
                ...report.dependencies.map((dependency) => row(dependency, `${dependency.name} (dependency)`)),
            ],
            numeric: [4, 5],
        },
    };
}
/** The `images` output: per image its reference, digest, source and seconds (JSON). */
function imagesOutput(report) {
    return JSON.stringify(report.images);
}

// EXTERNAL MODULE: ./node_modules/@actions/artifact/lib/artifact.js + 107 modules
var artifact = __webpack_require__(67458);
;// CONCATENATED MODULE: ./src/collect/artifact-deadline.ts
/**
 * A deadline for a toolkit call (artifact upload, cache save/restore) that offers no way to stop
 * it: the caller moves on with an error, the call is left to finish or fail on its own.
 */

class DeadlineError extends Error {
    constructor(what, ms) {
        super(`${what} did not finish within ${(0,duration/* formatDuration */.a)(ms)}`);
        this.name = 'DeadlineError';
    }
}
async function withDeadline(work, ms, what) {
    // A late rejection of the abandoned call must not become an unhandled rejection.
    work.catch(() => undefined);
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new DeadlineError(what, ms)), ms);
    });
    try {
        return await Promise.race([work, deadline]);
    }
    finally {
        clearTimeout(timer);
    }
}

;// CONCATENATED MODULE: ./src/collect/artifact-files.ts
/**
 * The files of the evidence artifact, made safe to upload: directories expanded to their files,
 * paths the artifact service refuses left out, and registered secrets removed.
 *
 * A text file that contains a registered secret is redacted in place: the file is this run's own
 * evidence (a log, a report), so the copy kept in the work directory should not hold the secret
 * either, and no second, unredacted copy is left lying around. A binary file (such as a Go
 * coverage counter file) cannot be redacted without corrupting it, so one that contains a secret
 * is withheld from the artifact instead.
 */



/** Characters the artifact service refuses in file paths (the name also refuses `\` and `/`). */
const FORBIDDEN_PATH_CHARACTERS = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n'];
/** `paths` are absolute or relative to `rootDir`; every file must lie inside `rootDir`. */
async function prepareArtifactFiles(rootDir, paths) {
    const root = (0,external_node_path_.resolve)(rootDir);
    const result = { files: [], redacted: [], withheld: [], missing: [] };
    const seen = new Set();
    for (const path of paths) {
        const absolute = (0,external_node_path_.resolve)(root, path);
        const stats = await (0,external_node_fs_promises_.lstat)(absolute).catch(() => undefined);
        if (stats === undefined) {
            result.missing.push(absolute);
            continue;
        }
        for (const file of stats.isDirectory() ? await filesUnder(absolute, result.withheld) : [absolute]) {
            if (seen.has(file))
                continue;
            seen.add(file);
            await admit(root, file, result);
        }
    }
    return result;
}
async function admit(root, file, result) {
    const inside = (0,external_node_path_.relative)(root, file);
    if (inside === '..' || inside.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(inside)) {
        result.withheld.push({ file, reason: `it is outside the artifact's root directory ${root}` });
        return;
    }
    const forbidden = FORBIDDEN_PATH_CHARACTERS.find((c) => inside.includes(c));
    if (forbidden !== undefined) {
        result.withheld.push({ file, reason: `its path contains ${JSON.stringify(forbidden)}, which artifact paths may not contain` });
        return;
    }
    const stats = await (0,external_node_fs_promises_.lstat)(file);
    if (stats.isSymbolicLink()) {
        result.withheld.push({ file, reason: 'it is a symbolic link, whose target may lie outside the evidence' });
        return;
    }
    if (!stats.isFile()) {
        result.withheld.push({ file, reason: 'it is not a regular file' });
        return;
    }
    const scrubbed = await scrubSecrets(file);
    if (scrubbed === 'withheld') {
        result.withheld.push({ file, reason: 'it is a binary file that contains a registered secret' });
        return;
    }
    if (scrubbed === 'redacted')
        result.redacted.push(file);
    result.files.push(file);
}
/** Every file under `dir`, sorted; symbolic links are listed (and withheld later), not followed. */
async function filesUnder(dir, withheld) {
    const entries = await (0,external_node_fs_promises_.readdir)(dir, { withFileTypes: true }).catch((error) => {
        withheld.push({ file: dir, reason: `it cannot be read (${error.code ?? error.message})` });
        return [];
    });
    const files = [];
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const path = (0,external_node_path_.join)(dir, entry.name);
        if (entry.isDirectory())
            files.push(...(await filesUnder(path, withheld)));
        else
            files.push(path);
    }
    return files;
}
async function scrubSecrets(file) {
    const content = await (0,external_node_fs_promises_.readFile)(file);
    // Decoded as UTF-8, an ASCII secret stays findable even inside binary data.
    const text = content.toString('utf8');
    const redacted = (0,secrets/* redact */.E$)(text);
    if (redacted === text)
        return 'clean';
    const isText = !content.includes(0) && Buffer.from(text, 'utf8').equals(content);
    if (!isText)
        return 'withheld';
    await (0,external_node_fs_promises_.writeFile)(file, redacted);
    return 'redacted';
}

;// CONCATENATED MODULE: ./src/collect/artifacts.ts
/**
 * Uploads the run's evidence (JUnit reports, coverage, the logs bundle, timings.json) as one
 * workflow artifact with @actions/artifact. Evidence never turns a job red: every problem
 * (no runtime token, the service down or refusing, a file that cannot go) is logged as a warning
 * and returned. Outside GitHub Actions nothing is uploaded and the files stay where they are.
 */




/** Characters the artifact service refuses in artifact names. */
const FORBIDDEN_NAME_CHARACTERS = /[":<>|*?\r\n\\/]/g;
const DEFAULT_UPLOAD_DEADLINE_MS = 15 * 60 * 1000;
const WARNING_TITLE = 'Evidence artifact';
/**
 * The artifact's name, unique across the jobs, shards and attempts of one workflow run (the
 * service refuses a second artifact with the same name in a run, reruns included):
 * `<artifactName>-<GITHUB_JOB>[-shard-<i>-of-<n>]-attempt-<GITHUB_RUN_ATTEMPT>`.
 */
function evidenceArtifactName(artifactName, shard, env = process.env) {
    const shardPart = shard === null ? '' : `-shard-${shard.index}-of-${shard.total}`;
    const name = `${artifactName}-${env.GITHUB_JOB || 'job'}${shardPart}-attempt-${env.GITHUB_RUN_ATTEMPT || '1'}`;
    return name.replace(FORBIDDEN_NAME_CHARACTERS, '-');
}
function artifactUrl(id, env = process.env) {
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${id}`;
}
async function uploadEvidence(request, log) {
    const dir = (0,external_node_path_.resolve)(request.rootDir);
    const outcome = { dir, files: { files: [], redacted: [], withheld: [], missing: [] }, warnings: [] };
    const warn = (message) => {
        outcome.warnings.push(message);
        log.warning(message, { title: WARNING_TITLE });
    };
    try {
        outcome.files = await prepareArtifactFiles(dir, request.paths);
    }
    catch (error) {
        warn(`The evidence files in ${dir} could not be prepared for upload: ${artifacts_messageOf(error)}`);
        return outcome;
    }
    const { files, redacted, withheld, missing } = outcome.files;
    if (redacted.length > 0)
        log.info(`Registered secrets were replaced by *** in: ${redacted.join(', ')}`);
    for (const { file, reason } of withheld)
        warn(`${file} is left out of the evidence artifact: ${reason}.`);
    if (missing.length > 0)
        log.info(`Not found, so not part of the evidence: ${missing.join(', ')}`);
    if (process.env.GITHUB_ACTIONS !== 'true') {
        log.info(`Evidence kept in ${dir} (artifacts are uploaded only on GitHub Actions).`);
        return outcome;
    }
    if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
        warn(`Evidence not uploaded (kept in ${dir}): the runner gave this step no ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL, ` +
            'which it provides to JavaScript actions (`uses:`), not to `run:` steps.');
        return outcome;
    }
    if (files.length === 0) {
        warn(`Evidence not uploaded: none of the evidence files exist (looked for ${request.paths.join(', ')} in ${dir}).`);
        return outcome;
    }
    const name = evidenceArtifactName(request.artifactName, request.shard);
    const deadlineMs = request.deadlineMs ?? DEFAULT_UPLOAD_DEADLINE_MS;
    try {
        const upload = new artifact/* DefaultArtifactClient */.t9().uploadArtifact(name, files, dir, { retentionDays: request.retentionDays });
        const response = await withDeadline(upload, deadlineMs, `The upload of artifact ${name}`);
        if (response.id === undefined)
            throw new Error('the artifact service returned no artifact id');
        outcome.artifact = { id: response.id, name, url: artifactUrl(response.id), size: response.size ?? 0 };
        log.info(`Evidence uploaded as artifact ${name} (${files.length} files, ${outcome.artifact.size} bytes): ${outcome.artifact.url}`);
    }
    catch (error) {
        warn(`Evidence not uploaded (kept in ${dir}): ${describeFailure(name, error)}`);
    }
    return outcome;
}
function describeFailure(name, error) {
    const message = artifacts_messageOf(error);
    if (message.includes('(409)')) {
        return (`an artifact named ${name} already exists in this workflow run. Jobs of one run that are not shards of each ` +
            'other (such as matrix legs) need different report.artifactName values.');
    }
    return message;
}
function artifacts_messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}

// EXTERNAL MODULE: ./src/plan/render.ts
var render = __webpack_require__(30031);
// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/cache.js + 91 modules
var cache = __webpack_require__(18091);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
;// CONCATENATED MODULE: ./src/collect/baseline-cache.ts
/**
 * The timing baseline in the GitHub Actions cache: the timings of the last successful run on the
 * default branch, saved under `aianalysis-e2e-timings-<stack>-<run id>-<attempt>` and restored by
 * the prefix `aianalysis-e2e-timings-<stack>-`, for which the cache service returns the newest.
 *
 * `<stack>` is a fixed-length hash of what makes two runs' timings comparable (the caller's stack
 * name, the job and the shard), so one stack's prefix can never match another's keys.
 *
 * The cache client swallows service failures: it prints its own warning and answers "no entry"
 * (restore) or -1 (save); this module reports those answers as such.
 */







const KEY_PREFIX = 'aianalysis-e2e-timings-';
const FILE_NAME = 'baseline.json';
const DEFAULT_DEADLINE_MS = 2 * 60 * 1000;
const storedBaselineSchema = schemas/* object */.Ikc({
    schemaVersion: schemas/* literal */.euz(1),
    runId: schemas/* string */.YjP(),
    runAttempt: schemas/* string */.YjP(),
    ref: schemas/* string */.YjP(),
    savedAt: schemas/* string */.YjP(),
    // Only what the comparison reads is checked (and kept); the file holds the whole timings.json.
    timings: schemas/* object */.Ikc({
        phases: schemas/* array */.YOg(schemas/* object */.Ikc({ phase: schemas/* string */.YjP(), start: schemas/* string */.YjP().nullable(), durationMs: schemas/* number */.aig().nonnegative() })),
    }),
});
function baselineKeyPrefix(identity, env = process.env) {
    const shard = identity.shard === null ? '' : `${identity.shard.index}/${identity.shard.total}`;
    const stack = (0,external_node_crypto_.createHash)('sha256').update(`${identity.stack}\n${env.GITHUB_JOB ?? ''}\n${shard}`).digest('hex');
    return `${KEY_PREFIX}${stack.slice(0, 12)}-`;
}
function baselineKey(identity, env = process.env) {
    return `${baselineKeyPrefix(identity, env)}${env.GITHUB_RUN_ID ?? '0'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
}
/**
 * The cache entry's directory. The cache version hashes this path, so it must be the same in
 * every run: RUNNER_TEMP is (`/home/runner/work/_temp` on hosted runners), and the runner
 * empties it for each job, so nothing stale is ever mistaken for a restored baseline.
 */
function baselineDir() {
    return (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'aianalysis-e2e-timings-baseline');
}
async function restoreBaseline(identity, deadlineMs = DEFAULT_DEADLINE_MS) {
    if (!cache.isFeatureAvailable())
        return { status: 'none', reason: 'no cache service (not on GitHub Actions)' };
    const dir = baselineDir();
    await (0,external_node_fs_promises_.rm)(dir, { recursive: true, force: true });
    const prefix = baselineKeyPrefix(identity);
    // The prefix is also given as a restore key: restore keys are prefix-matched by definition.
    const key = await withDeadline(cache.restoreCache([dir], prefix, [prefix]), deadlineMs, 'Restoring the timing baseline');
    if (key === undefined)
        return { status: 'none', reason: 'no baseline in the cache (or the cache service failed: see its warning)' };
    try {
        const baseline = storedBaselineSchema.parse(JSON.parse(await (0,external_node_fs_promises_.readFile)((0,external_node_path_.join)(dir, FILE_NAME), 'utf8')));
        return { status: 'found', key, baseline };
    }
    catch (error) {
        return { status: 'unreadable', key, reason: error instanceof Error ? error.message : String(error) };
    }
}
async function saveBaseline(identity, timings, deadlineMs = DEFAULT_DEADLINE_MS) {
    if (!cache.isFeatureAvailable())
        return { saved: false, reason: 'no cache service (not on GitHub Actions)' };
    const dir = baselineDir();
    await (0,external_node_fs_promises_.rm)(dir, { recursive: true, force: true });
    await (0,external_node_fs_promises_.mkdir)(dir, { recursive: true });
    const stored = {
        schemaVersion: 1,
        runId: process.env.GITHUB_RUN_ID ?? '',
        runAttempt: process.env.GITHUB_RUN_ATTEMPT ?? '',
        ref: process.env.GITHUB_REF ?? '',
        savedAt: new Date().toISOString(),
        timings,
    };
    await (0,external_node_fs_promises_.writeFile)((0,external_node_path_.join)(dir, FILE_NAME), `${JSON.stringify(stored, null, 2)}\n`);
    const key = baselineKey(identity);
    const id = await withDeadline(cache.saveCache([dir], key), deadlineMs, 'Saving the timing baseline');
    return id === -1
        ? { saved: false, reason: 'the cache service did not store it (see the cache client’s message above)' }
        : { saved: true, key };
}

;// CONCATENATED MODULE: ./src/report/baseline.ts
/**
 * This run's phase timings against the baseline: the timings of the last successful run on the
 * default branch. The summary gets a table per phase (baseline, now, change); a phase much slower
 * than its baseline raises a warning annotation. A successful run on the default branch becomes
 * the next baseline. Neither a missing baseline nor a failing cache service fails the job.
 */



/**
 * A phase is flagged only when it is also this much slower in absolute terms. Phases of the
 * same run on shared runners vary by several seconds to a few tens of seconds (image pulls, node
 * boot, disk), so a 10 s phase taking 20 s is jitter, not a regression; every slowdown worth
 * investigating in a run of many minutes is larger than half a minute.
 */
const SLOWDOWN_FLOOR_MS = 30_000;
const HEADING = 'Timings against the baseline';
const baseline_WARNING_TITLE = 'Slower than the baseline';
const ranFor = (phase) => phase === undefined || phase.start === null ? null : phase.durationMs;
/** Every phase of this run, in order, then those only the baseline has. */
function comparePhases(baseline, current, slowdownRatio) {
    const names = [...new Set([...current, ...baseline].map((p) => p.phase))];
    return names.map((phase) => {
        const baselineMs = ranFor(baseline.find((p) => p.phase === phase));
        const currentMs = ranFor(current.find((p) => p.phase === phase));
        const ratio = baselineMs === null || currentMs === null || baselineMs === 0 ? null : currentMs / baselineMs;
        const slower = ratio !== null &&
            currentMs !== null &&
            baselineMs !== null &&
            ratio > slowdownRatio &&
            currentMs - baselineMs > SLOWDOWN_FLOOR_MS;
        return { phase, baselineMs, currentMs, ratio, slower };
    });
}
function changeCell(comparison) {
    const { baselineMs, currentMs, ratio, slower } = comparison;
    if (baselineMs === null)
        return currentMs === null ? '—' : 'new';
    if (currentMs === null)
        return 'not run';
    const delta = currentMs - baselineMs;
    const sign = delta < 0 ? '−' : '+';
    const factor = ratio === null ? '' : ` (×${ratio.toFixed(2)})`;
    return `${sign}${(0,duration/* formatDuration */.a)(Math.abs(delta))}${factor}${slower ? ' ⚠️ slower' : ''}`;
}
const durationCell = (ms) => (ms === null ? 'not run' : (0,duration/* formatDuration */.a)(ms));
function comparisonTable(comparisons) {
    return {
        header: ['phase', 'baseline', 'this run', 'change'],
        rows: comparisons.map((c) => [c.phase, durationCell(c.baselineMs), durationCell(c.currentMs), changeCell(c)]),
        numeric: [1, 2],
    };
}
function describeBaseline(baseline, env) {
    const run = `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${baseline.runId}`;
    const branch = baseline.ref.replace(/^refs\/heads\//, '');
    return `Baseline: [run ${baseline.runId}](${run}) on \`${branch}\`, saved ${baseline.savedAt}.`;
}
/** Whether this run may become the baseline: it succeeded, on the repository's default branch. */
async function baselineSaveRefusal(result, env = process.env) {
    if (env.GITHUB_ACTIONS !== 'true')
        return 'baselines are kept only on GitHub Actions';
    if (result !== 'success')
        return `the run did not succeed (${result})`;
    let defaultBranch;
    try {
        const event = JSON.parse(await (0,external_node_fs_promises_.readFile)(env.GITHUB_EVENT_PATH ?? '', 'utf8'));
        defaultBranch = event.repository?.default_branch;
    }
    catch {
        return 'the event payload (GITHUB_EVENT_PATH) does not say which branch is the default';
    }
    if (typeof defaultBranch !== 'string' || defaultBranch === '') {
        return 'the event payload does not name the default branch';
    }
    if (env.GITHUB_REF !== `refs/heads/${defaultBranch}`) {
        return `only runs on the default branch ${defaultBranch} are saved (this is ${env.GITHUB_REF ?? 'no ref'})`;
    }
    return undefined;
}
/** Restores the baseline, compares, warns about slow phases, and saves this run when it qualifies. */
async function reportAgainstBaseline(current, options) {
    const { identity, slowdownRatio, log } = options;
    const paragraphs = [];
    let table;
    let slower = [];
    const restored = await restoreBaseline(identity).catch((error) => {
        const reason = `the cache service failed: ${baseline_messageOf(error)}`;
        log.warning(`The timing baseline could not be restored: ${reason}`, { title: baseline_WARNING_TITLE });
        return { status: 'none', reason };
    });
    if (restored.status === 'found') {
        const comparisons = comparePhases(restored.baseline.timings.phases, current.phases, slowdownRatio);
        slower = comparisons.filter((c) => c.slower);
        for (const c of slower) {
            log.warning(`Phase ${c.phase} took ${durationCell(c.currentMs)}, ${c.ratio?.toFixed(2)}× its baseline of ` +
                `${durationCell(c.baselineMs)} (flagged above ${slowdownRatio}× and ${(0,duration/* formatDuration */.a)(SLOWDOWN_FLOOR_MS)} slower).`, { title: baseline_WARNING_TITLE });
        }
        paragraphs.push(describeBaseline(restored.baseline, process.env));
        table = comparisonTable(comparisons);
    }
    else if (restored.status === 'unreadable') {
        log.warning(`The timing baseline ${restored.key} is unreadable and was ignored: ${restored.reason}`, { title: baseline_WARNING_TITLE });
        paragraphs.push('No comparison: the saved baseline could not be read.');
    }
    else {
        paragraphs.push(`No timing baseline to compare with: ${restored.reason}.`);
    }
    const refusal = await baselineSaveRefusal(current.result);
    if (refusal !== undefined) {
        paragraphs.push(`This run is not saved as the baseline: ${refusal}.`);
    }
    else {
        const saved = await saveBaseline(identity, current).catch((error) => ({ saved: false, reason: baseline_messageOf(error) }));
        if (saved.saved) {
            paragraphs.push('This run is the new baseline.');
        }
        else {
            log.warning(`This run could not be saved as the timing baseline: ${saved.reason}`, { title: baseline_WARNING_TITLE });
            paragraphs.push(`This run could not be saved as the baseline: ${saved.reason}.`);
        }
    }
    return { section: { heading: HEADING, paragraphs, table }, slower };
}
function baseline_messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/run/timings.ts
/**
 * The timing report of a run: the `timings` output and `timings.json`, later compared against a
 * baseline. Its shape is a contract (schemaVersion 1); change it only by adding fields.
 *
 * ```jsonc
 * {
 *   "schemaVersion": 1,
 *   "startedAt": "2026-11-22T10:00:00.000Z",   // ISO 8601, UTC
 *   "finishedAt": "2026-11-22T10:14:31.250Z",
 *   "durationMs": 871250,                       // whole milliseconds
 *   "result": "success",                        // success | failure | cancelled
 *   "phases": [                                 // in the order their first task was declared
 *     // wall clock from the phase's first task start to its last task end; null/0 if none ran
 *     { "phase": "images", "start": "…", "end": "…", "durationMs": 301200 }
 *   ],
 *   "spans": [                                  // one per task, in declaration order
 *     {
 *       "id": "build-aianalysis", "title": "Build aianalysis", "phase": "images",
 *       "outcome": "success",                   // success | failure | skipped | cancelled
 *       "start": "…", "end": "…",               // null when the task never started
 *       "offsetMs": 1200,                       // start relative to startedAt; null if never started
 *       "durationMs": 180000,
 *       "attempts": 1,
 *       "error": null,                          // the failure message, redacted
 *       "notes": [],
 *       "attributes": { "source": "build" }
 *     }
 *   ]
 * }
 * ```
 */



function toTimings(run) {
    const { spans, startedAt, finishedAt } = run;
    return {
        schemaVersion: 1,
        startedAt: iso(startedAt),
        finishedAt: iso(finishedAt),
        durationMs: Math.round(finishedAt - startedAt),
        result: run.cancelled ? 'cancelled' : spans.every((span) => span.outcome === 'success') ? 'success' : 'failure',
        phases: phasesOf(spans),
        spans: spans.map((span) => ({
            id: span.id,
            title: (0,secrets/* redact */.E$)(span.title),
            phase: span.phase,
            outcome: span.outcome,
            start: span.start === null ? null : iso(span.start),
            end: span.end === null ? null : iso(span.end),
            offsetMs: span.start === null ? null : Math.round(span.start - startedAt),
            durationMs: Math.round(span.durationMs),
            attempts: span.attempts,
            error: span.error ?? null,
            notes: [...span.notes],
            attributes: { ...span.attributes },
        })),
    };
}
function phasesOf(spans) {
    const phases = new Map();
    for (const span of spans) {
        const phase = phases.get(span.phase) ?? { start: null, end: null };
        if (span.start !== null)
            phase.start = Math.min(phase.start ?? span.start, span.start);
        if (span.end !== null)
            phase.end = Math.max(phase.end ?? span.end, span.end);
        phases.set(span.phase, phase);
    }
    return [...phases].map(([phase, { start, end }]) => ({
        phase,
        start: start === null ? null : iso(start),
        end: end === null ? null : iso(end),
        durationMs: start === null || end === null ? 0 : Math.round(end - start),
    }));
}
function iso(epochMs) {
    return new Date(epochMs).toISOString();
}
/** Writes the report as indented JSON, creating the directory if needed. */
async function writeTimings(file, timings) {
    await (0,external_node_fs_promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
    await (0,external_node_fs_promises_.writeFile)(file, `${JSON.stringify(timings, null, 2)}\n`);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/cluster/config.ts
/**
 * The kind cluster config (kind.x-k8s.io/v1alpha4 Cluster) of an E2E run: a control-plane node
 * on the pinned node image, the NodePorts the suite talks to mapped to localhost, the coverage
 * folder mounted on every node, control-plane timings that suit a short-lived test cluster, and
 * whatever the calling repository's own kind config adds.
 */


const KIND_API_VERSION = 'kind.x-k8s.io/v1alpha4';
/** Where the nodes see the coverage folder; pods mount it from the node with a hostPath. */
const COVERAGE_CONTAINER_PATH = '/coverdata';
/**
 * Control-plane tuning for a cluster that lives for one test run. No apiVersion on purpose: kind
 * then applies the patch to whichever kubeadm API it generates, converting map-style extraArgs
 * for kubeadm v1beta4.
 */
const E2E_TUNING_PATCHES = [
    `# A test cluster should report a lost node within seconds, not minutes.
kind: ClusterConfiguration
controllerManager:
  extraArgs:
    # Check node heartbeats every 2s and call a silent node NotReady after 20s
    # (defaults 5s and 40-50s).
    node-monitor-period: "2s"
    node-monitor-grace-period: "20s"
apiServer:
  extraArgs:
    # Evict pods from a NotReady or unreachable node after 30s instead of 5 minutes,
    # so they are rescheduled while the suite is still waiting for them.
    default-not-ready-toleration-seconds: "30"
    default-unreachable-toleration-seconds: "30"
`,
    `kind: KubeletConfiguration
# Several heartbeats fit in the 20s grace period above (default every 10s).
nodeStatusUpdateFrequency: "4s"
`,
];
const DIGEST_PINNED = /@sha256:[0-9a-f]{64}$/;
function renderKindConfig(options) {
    const warnings = [];
    const nodeImage = options.nodeImage.trim();
    if (nodeImage === '')
        throw new Error('node image is empty: give a kindest/node image, pinned by digest');
    if (!DIGEST_PINNED.test(nodeImage)) {
        warnings.push(`node image "${nodeImage}" is not pinned by digest: kind node images are built for a kind release and ` +
            'a tag can be rebuilt; use the image@sha256:… reference from the kind release notes');
    }
    const ours = (options.portMappings ?? []).map((mapping, index) => ourMapping(mapping, index));
    const coverageMount = options.coverageDir === undefined
        ? undefined
        : { hostPath: external_node_path_default().resolve(options.coverageDir), containerPath: COVERAGE_CONTAINER_PATH };
    const userConfig = options.userConfig === undefined ? undefined : parseUserConfig(options.userConfig);
    const source = options.userConfig?.source ?? '';
    const userNodes = checkedNodes(userConfig?.nodes, source, nodeImage);
    checkPortConflicts([
        ...ours.map((mapping, index) => ({ value: mapping, where: `the action's port mapping ${index + 1}` })),
        ...userNodes.flatMap(({ node, where }) => asList(node.extraPortMappings).map((mapping, index) => ({
            value: asMap(mapping, `${where}.extraPortMappings[${index}]`),
            where: `${where}.extraPortMappings[${index}]`,
        }))),
    ]);
    const controlPlane = { role: 'control-plane', image: nodeImage };
    if (ours.length > 0)
        controlPlane.extraPortMappings = ours;
    if (coverageMount)
        controlPlane.extraMounts = [coverageMount];
    const base = {
        kind: 'Cluster',
        apiVersion: KIND_API_VERSION,
        nodes: [controlPlane],
        kubeadmConfigPatches: [...E2E_TUNING_PATCHES],
    };
    const config = userConfig === undefined ? base : mergeUserConfig(base, userConfig, userNodes, { nodeImage, coverageMount });
    const header = '# kind cluster config rendered by aianalysis-e2e\n';
    return { yaml: header + (0,dist/* stringify */.As)(config, { lineWidth: 0, aliasDuplicateObjects: false }), warnings };
}
function ourMapping(mapping, index) {
    for (const field of ['containerPort', 'hostPort']) {
        const value = mapping[field];
        if (!Number.isInteger(value) || value < 1 || value > 65535) {
            throw new Error(`port mapping ${index + 1}: ${field} ${value} is not a port number (1-65535)`);
        }
    }
    return {
        containerPort: mapping.containerPort,
        hostPort: mapping.hostPort,
        listenAddress: mapping.listenAddress ?? '127.0.0.1',
        protocol: mapping.protocol ?? 'TCP',
    };
}
function parseUserConfig({ text, source }) {
    let parsed;
    try {
        parsed = (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        throw new Error(`${source}: not valid YAML: ${error.message}`);
    }
    if (!isMap(parsed))
        throw new Error(`${source}: a kind config must be a YAML mapping (kind: Cluster …)`);
    if (parsed.kind !== undefined && parsed.kind !== 'Cluster') {
        throw new Error(`${source}: kind is "${String(parsed.kind)}", a kind config has kind: Cluster`);
    }
    if (parsed.apiVersion !== undefined && parsed.apiVersion !== KIND_API_VERSION) {
        throw new Error(`${source}: apiVersion is "${String(parsed.apiVersion)}", only ${KIND_API_VERSION} is supported`);
    }
    return parsed;
}
/** The user's nodes, each checked to be a node that can join our cluster. */
function checkedNodes(nodes, source, nodeImage) {
    if (nodes === undefined)
        return [];
    if (!Array.isArray(nodes))
        throw new Error(`${source}: nodes must be a list of nodes`);
    return nodes.map((raw, index) => {
        const where = `${source} nodes[${index}]`;
        const node = asMap(raw, where);
        // kind's own default for a node without a role
        const role = node.role ?? 'control-plane';
        if (role !== 'control-plane' && role !== 'worker') {
            throw new Error(`${where}: role "${String(role)}" is not one of control-plane, worker`);
        }
        if (node.image !== undefined && node.image !== nodeImage) {
            throw new Error(`${where}.image is "${String(node.image)}" but the node image is "${nodeImage}": ` +
                'set the node image in one place');
        }
        return { node, role, where };
    });
}
/**
 * Lists are added to (ours first, so the user's patches apply last), maps are merged, a scalar
 * from the user wins. The user's first control-plane node is merged into ours instead of adding
 * a second control plane; their other nodes are added with our image and the coverage mount.
 */
function mergeUserConfig(base, user, userNodes, defaults) {
    const merged = { ...base };
    for (const [key, value] of Object.entries(user)) {
        if (key === 'kind' || key === 'apiVersion' || key === 'nodes')
            continue;
        merged[key] = deepMerge(base[key], value);
    }
    const [controlPlane] = base.nodes;
    const mergedInto = userNodes.find(({ role }) => role === 'control-plane');
    const nodes = [
        mergedInto === undefined
            ? controlPlane
            : withMounts(deepMerge(controlPlane, mergedInto.node), mergedInto.where),
    ];
    for (const userNode of userNodes) {
        if (userNode === mergedInto)
            continue;
        const { node, role, where } = userNode;
        const extraMounts = [...(defaults.coverageMount ? [defaults.coverageMount] : []), ...asList(node.extraMounts)];
        const added = { ...node, role, image: defaults.nodeImage };
        if (extraMounts.length > 0)
            added.extraMounts = extraMounts;
        nodes.push(withMounts(added, where));
    }
    merged.nodes = nodes;
    return merged;
}
/** Drops repeated mounts; the same container path from two host paths is an error. */
function withMounts(node, where) {
    const byContainerPath = new Map();
    const unique = [];
    asList(node.extraMounts).forEach((raw, index) => {
        const mount = asMap(raw, `${where}.extraMounts[${index}]`);
        const containerPath = String(mount.containerPath);
        const hostPath = String(mount.hostPath);
        const earlier = byContainerPath.get(containerPath);
        if (earlier === undefined) {
            byContainerPath.set(containerPath, hostPath);
            unique.push(mount);
        }
        else if (earlier !== hostPath) {
            throw new Error(`${where}: ${containerPath} is mounted twice, from ${earlier} and from ${hostPath}`);
        }
    });
    return unique.length > 0 ? { ...node, extraMounts: unique } : node;
}
function deepMerge(ours, theirs) {
    if (Array.isArray(ours) && Array.isArray(theirs))
        return [...ours, ...theirs];
    if (isMap(ours) && isMap(theirs)) {
        const merged = { ...ours };
        for (const [key, value] of Object.entries(theirs))
            merged[key] = key in ours ? deepMerge(ours[key], value) : value;
        return merged;
    }
    return theirs;
}
/** Two mappings of one host port collide whichever nodes they are on: the ports are the host's. */
function checkPortConflicts(mappings) {
    mappings.forEach((current, index) => {
        const hostPort = Number(current.value.hostPort ?? 0);
        if (hostPort === 0)
            return; // kind picks a free port
        const clash = mappings
            .slice(0, index)
            .find((earlier) => Number(earlier.value.hostPort) === hostPort &&
            protocolOf(earlier.value) === protocolOf(current.value) &&
            addressesOverlap(earlier.value.listenAddress, current.value.listenAddress));
        if (clash) {
            throw new Error(`hostPort ${hostPort}/${protocolOf(current.value)} is mapped twice: by ${clash.where} ` +
                `(containerPort ${String(clash.value.containerPort)}) and by ${current.where} ` +
                `(containerPort ${String(current.value.containerPort)})`);
        }
    });
}
function protocolOf(mapping) {
    return String(mapping.protocol ?? 'TCP').toUpperCase();
}
/** An unset listen address means all addresses (kind's default), which overlaps any other. */
function addressesOverlap(a, b) {
    const wildcard = (address) => address === undefined || address === '' || address === '0.0.0.0' || address === '::';
    return wildcard(a) || wildcard(b) || a === b;
}
function asList(value) {
    return Array.isArray(value) ? value : [];
}
function asMap(value, where) {
    if (!isMap(value))
        throw new Error(`${where}: expected a mapping, got ${JSON.stringify(value)}`);
    return value;
}
function isMap(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// EXTERNAL MODULE: ./src/kube/changes.ts
var changes = __webpack_require__(58112);
// EXTERNAL MODULE: ./src/kube/apply.ts
var apply = __webpack_require__(89501);
// EXTERNAL MODULE: ./src/kube/errors.ts
var kube_errors = __webpack_require__(23646);
// EXTERNAL MODULE: ./src/kube/pods.ts
var pods = __webpack_require__(61281);
// EXTERNAL MODULE: ./src/kube/until.ts
var until = __webpack_require__(92065);
;// CONCATENATED MODULE: ./src/kube/scale.ts
/**
 * Scales Deployments to zero and waits until their pods are gone. A Go binary built with `-cover` writes its
 * coverage only when it exits, so the coverage files are complete only once the pod has terminated.
 */





async function scaleOne(kube, target, options) {
    const { namespace, name } = target;
    const label = `Deployment ${namespace}/${name}`;
    let selector;
    try {
        const deployment = await kube.apps.readNamespacedDeployment({ name, namespace });
        selector = (0,pods/* selectorString */.zD)(deployment.spec.selector);
        await kube.apps.patchNamespacedDeploymentScale({ name, namespace, fieldManager: apply/* FIELD_MANAGER */.vy,
            body: [{ op: 'replace', path: '/spec/replicas', value: 0 }] });
    }
    catch (error) {
        kube.signal?.throwIfAborted();
        return { target, podsGone: false, problem: `cannot scale ${label} to 0: ${(0,kube_errors/* describeKubeError */.j3)(error, kube.callTimeoutMs)}` };
    }
    const pollIntervalMs = options.pollIntervalMs ?? 2000;
    let left = [];
    const gone = await (0,until/* until */.T)(async () => {
        try {
            left = (await kube.core.listNamespacedPod({ namespace, labelSelector: selector })).items.map((p) => p.metadata?.name ?? '');
        }
        catch (error) {
            kube.signal?.throwIfAborted();
            options.log.debug(`cannot list the pods of ${label}: ${(0,kube_errors/* describeKubeError */.j3)(error, kube.callTimeoutMs)}`);
            return undefined;
        }
        return left.length === 0 ? true : undefined;
    }, {
        timeoutMs: options.timeoutMs, pollIntervalMs, signal: kube.signal,
        wakeUps: (0,changes/* watchCollections */.j)(kube, [`/api/v1/namespaces/${namespace}/pods`], options.log, pollIntervalMs),
    });
    if (gone) {
        options.log.info(`${label} scaled to 0; its pods are gone`);
        return { target, podsGone: true };
    }
    return { target, podsGone: false,
        problem: `pods of ${label} still present after ${options.timeoutMs / 1000} s: ${left.join(', ')}` };
}
/** Scales all targets at once; reports per target rather than stopping at the first one that fails. */
async function scaleToZero(kube, targets, options) {
    const outcomes = await Promise.all(targets.map((t) => scaleOne(kube, t, options)));
    for (const o of outcomes)
        if (o.problem)
            options.log.warning(o.problem);
    return outcomes;
}

// EXTERNAL MODULE: ./src/util/process.ts + 2 modules
var util_process = __webpack_require__(26556);
;// CONCATENATED MODULE: ./src/collect/coverage-data.ts
/**
 * Gets the raw coverage data of the instrumented services out of the cluster: the files a binary
 * built with `-cover` writes to $GOCOVERDIR, `covmeta.<hash>` when it starts and
 * `covcounters.<hash>.<pid>.<time>` when it exits.
 *
 * The pods write to a hostPath on their node, and kind mounts a host folder at that path on every
 * node (extraMounts), so the files normally are on the runner already: they are read from the
 * host folder, which needs no engine call. Only when the host folder holds no data are they copied
 * out of each node container with `<engine> cp`: rootless Podman may keep the node's writes out of
 * the host folder, and a pod folder other than the mounted one leaves the files inside the node.
 *
 * Everything lands flat in one folder (counter file names carry the process id and a timestamp,
 * so files of several nodes do not collide; a meta file is the same wherever its binary ran).
 * Meta files without any counter file are set aside: `go tool covdata` would report their
 * binaries' statements as never run, which they were not measured to be.
 */



const META_FILE = /^covmeta\.([0-9a-f]+)$/;
const COUNTER_FILE = /^covcounters\.([0-9a-f]+)\.\d+\.\d+$/;
function isCoverageFile(name) {
    return META_FILE.test(name) || COUNTER_FILE.test(name);
}
/** Collects the data into `<outDir>/covdata`; meta files without counters go to `<outDir>/covdata-without-counters`. */
async function gatherCoverageData(sources, outDir) {
    const dir = (0,external_node_path_.join)(outDir, 'covdata');
    await (0,external_node_fs_promises_.mkdir)(dir, { recursive: true });
    const host = await copyFromHost(sources.hostDir, dir);
    let from = host.state === 'data' ? 'host' : 'none';
    const nodesRead = [];
    const nodeProblems = [];
    if (from === 'none') {
        const staging = (0,external_node_path_.join)(outDir, 'node-copies');
        for (const node of sources.nodes) {
            const problem = await copyFromNode(sources, node, (0,external_node_path_.join)(staging, node), dir);
            if (problem === undefined)
                nodesRead.push(node);
            else
                nodeProblems.push(`${node}: ${problem}`);
        }
        await (0,external_node_fs_promises_.rm)(staging, { recursive: true, force: true });
        if ((await coverageFiles(dir)).some((name) => META_FILE.test(name)))
            from = 'nodes';
    }
    const { binaries, setAside } = await setAsideMetaWithoutCounters(dir, (0,external_node_path_.join)(outDir, 'covdata-without-counters'));
    const files = (await coverageFiles(dir)).map((name) => (0,external_node_path_.join)(dir, name));
    return { dir, files, setAside, host, from, nodesRead, nodeProblems, binaries, withoutCounters: setAside.length };
}
/**
 * Removes earlier runs' coverage files from the host folder, so that a reused folder (a local
 * checkout, a reused cluster) does not add old counters to this run's. Only the folder's content
 * goes: the nodes mount the folder itself. A folder that does not exist yet is fine.
 */
async function clearCoverageHostDir(hostDir) {
    let names;
    try {
        names = await (0,external_node_fs_promises_.readdir)(hostDir);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return;
        throw error;
    }
    await Promise.all(names.filter(isCoverageFile).map((name) => (0,external_node_fs_promises_.rm)((0,external_node_path_.join)(hostDir, name), { force: true })));
}
async function coverageFiles(dir) {
    return (await (0,external_node_fs_promises_.readdir)(dir)).filter(isCoverageFile).sort();
}
async function copyFromHost(hostDir, dest) {
    let names;
    try {
        names = (await (0,external_node_fs_promises_.readdir)(hostDir)).filter(isCoverageFile);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            return { state: 'missing' };
        return { state: 'unreadable', detail: error.message };
    }
    // Counters are useless without the meta file of their binary.
    if (!names.some((name) => META_FILE.test(name)))
        return { state: 'empty' };
    const unreadable = [];
    for (const name of names) {
        try {
            await (0,external_node_fs_promises_.copyFile)((0,external_node_path_.join)(hostDir, name), (0,external_node_path_.join)(dest, name));
        }
        catch (error) {
            unreadable.push(`${name} (${error.code ?? error.message})`);
        }
    }
    if (unreadable.length === names.length)
        return { state: 'unreadable', detail: `cannot read ${unreadable.join(', ')}` };
    return { state: 'data', ...(unreadable.length > 0 ? { detail: `cannot read ${unreadable.join(', ')}` } : {}) };
}
/** Copies the node's pod folder into `staging`, then its coverage files into `dest`. Returns the problem, if any. */
async function copyFromNode(sources, node, staging, dest) {
    await (0,external_node_fs_promises_.mkdir)(staging, { recursive: true });
    // `<dir>/.` copies the folder's content rather than the folder itself (docker and podman alike).
    let result;
    try {
        result = await (0,util_process/* run */.eF)(sources.engine, ['cp', `${node}:${sources.podDir}/.`, staging], {
            log: sources.log,
            quiet: true,
            env: sources.env,
            timeoutMs: sources.timeoutMs,
            signal: sources.signal,
        });
    }
    catch (error) {
        return error.message;
    }
    if (result.exitCode !== 0 || result.timedOut || result.cancelled) {
        const output = result.tail.join(' ').trim();
        return result.timedOut ? `${result.command} timed out` : `${result.command} failed${output ? `: ${output}` : ''}`;
    }
    for (const name of await coverageFiles(staging))
        await (0,external_node_fs_promises_.rename)((0,external_node_path_.join)(staging, name), (0,external_node_path_.join)(dest, name));
    return undefined;
}
async function setAsideMetaWithoutCounters(dir, asideDir) {
    const names = await coverageFiles(dir);
    const counted = new Set(names.map((name) => COUNTER_FILE.exec(name)?.[1]).filter((hash) => hash !== undefined));
    const metas = names.filter((name) => META_FILE.test(name));
    const setAside = [];
    for (const name of metas) {
        if (counted.has(META_FILE.exec(name)[1]))
            continue;
        await (0,external_node_fs_promises_.mkdir)(asideDir, { recursive: true });
        await (0,external_node_fs_promises_.rename)((0,external_node_path_.join)(dir, name), (0,external_node_path_.join)(asideDir, name));
        setAside.push((0,external_node_path_.join)(asideDir, name));
    }
    return { binaries: metas.length, setAside };
}

;// CONCATENATED MODULE: ./src/collect/coverage-diagnosis.ts
function diagnoseCoverageData(evidence) {
    const { gathered } = evidence;
    const warnings = [];
    const notes = [];
    if (gathered.host.state === 'data' && gathered.host.detail) {
        warnings.push(`Some coverage files in ${evidence.hostDir} could not be read and are left out: ${gathered.host.detail}`);
    }
    if (gathered.from === 'nodes') {
        const found = `${evidence.hostDir} ${describeHost(gathered.host)}, but the nodes' ${evidence.podDir} held coverage data ` +
            `(copied out with ${evidence.engine} cp).`;
        if (evidence.podDir !== evidence.mountPath)
            warnings.push(`${found} ${pathMismatch(evidence)}`);
        else
            notes.push(`${found} The nodes' mount of the host folder does not show their files on the host (as with rootless Podman).`);
    }
    if (gathered.binaries === 0) {
        warnings.push(`No coverage data was found although coverage is on: ${noDataCause(evidence)}`);
        return { usable: false, warnings, notes };
    }
    if (gathered.withoutCounters > 0) {
        const all = gathered.withoutCounters === gathered.binaries;
        const which = all ? 'No instrumented binary' : `${gathered.withoutCounters} of ${gathered.binaries} instrumented binaries`;
        const left = all ? 'There is no coverage to report.' : 'Their packages are left out of the profile.';
        warnings.push(`${which} wrote coverage counters (a covmeta file without covcounters): ` +
            `${notExitedCause(evidence.notStopped)} ${left}`);
    }
    return { usable: gathered.withoutCounters < gathered.binaries, warnings, notes };
}
function describeHost(host) {
    switch (host.state) {
        case 'missing': return 'does not exist';
        case 'unreadable': return `cannot be read (${host.detail ?? 'permission denied'})`;
        default: return 'holds no coverage files';
    }
}
function pathMismatch({ podDir, mountPath }) {
    return `GOCOVERDIR/path mismatch: the pods write to ${podDir} on their node, but the node mounts the host folder at ` +
        `${mountPath}; set coverage.podDir to ${mountPath}.`;
}
function noDataCause(evidence) {
    const { gathered, hostDir, podDir, mountPath } = evidence;
    if (podDir !== mountPath)
        return pathMismatch(evidence);
    if (gathered.host.state === 'missing') {
        return `the host folder ${hostDir} does not exist: the kind cluster was created without mounting it at ${mountPath} ` +
            '(extraMounts); coverage must be on when the cluster is created.';
    }
    if (gathered.nodesRead.length === 0) {
        const problems = gathered.nodeProblems.length > 0 ? ` (${gathered.nodeProblems.join('; ')})` : '';
        return `the host folder ${hostDir} ${describeHost(gathered.host)} and the node containers could not be read${problems}: ` +
            `is the host folder mounted at ${mountPath} on the nodes (extraMounts)?`;
    }
    return `neither ${hostDir} nor the nodes' ${podDir} hold a covmeta file, so no instrumented binary ever started: ` +
        'the images were not built with -cover (their Dockerfiles must hand the coverage build arguments, GOFLAGS=-cover, ' +
        `to go build) or the pods lack GOCOVERDIR=${podDir} (only the Deployments in coverage.deployments get it).`;
}
function notExitedCause(notStopped) {
    if (notStopped.length > 0) {
        return `the pods of ${notStopped.join(', ')} were not stopped (still running) when the data was read.`;
    }
    return 'the binaries did not exit normally. A binary writes its counters when it exits on SIGTERM (returning from ' +
        'main or calling os.Exit) within terminationGracePeriodSeconds; one killed with SIGKILL writes none.';
}

;// CONCATENATED MODULE: ./src/collect/coverage-go.ts
/**
 * Converts raw coverage data with Go's own tool: `go tool covdata textfmt` writes the text
 * profile, `go tool covdata percent` Go's per-package view of it. A missing or too old Go becomes
 * a problem that says what to install, not an error: coverage never fails a run.
 */

const INSTALL_GO = 'install Go 1.20 or newer in the job before this step (actions/setup-go)';
async function convertCoverageData(dataDir, profile, options) {
    const textfmt = await covdata(['textfmt', `-i=${dataDir}`, `-o=${profile}`], dataDir, options);
    if (!textfmt.ok)
        return textfmt;
    const percent = await covdata(['percent', `-i=${dataDir}`], dataDir, options);
    if (!percent.ok)
        return percent;
    return { ok: true, percentOutput: percent.result.stdout };
}
async function covdata(args, dataDir, options) {
    const go = options.go ?? 'go';
    let result;
    try {
        result = await (0,util_process/* run */.eF)(go, ['tool', 'covdata', ...args], {
            cwd: options.cwd,
            // Convert with the Go that is installed, never a downloaded one.
            env: { ...options.env, GOTOOLCHAIN: 'local' },
            log: options.log,
            timeoutMs: options.timeoutMs,
            signal: options.signal,
        });
    }
    catch (error) {
        if (error instanceof util_process/* ProgramNotFoundError */.oo) {
            return { ok: false, problem: `Go is not installed (${go} was not found), so the coverage data in ${dataDir} was not converted: ${INSTALL_GO}.` };
        }
        throw error;
    }
    if (result.exitCode === 0 && !result.timedOut && !result.cancelled)
        return { ok: true, result };
    const output = `${result.stdout}\n${result.stderr}`;
    if (/no such tool "covdata"/.test(output)) {
        return { ok: false, problem: `${go} has no "go tool covdata" (Go older than 1.20), so the coverage data in ${dataDir} was not converted: ${INSTALL_GO}.` };
    }
    const how = result.timedOut ? 'timed out' : result.cancelled ? 'was cancelled' : `failed (exit code ${result.exitCode})`;
    const tail = result.tail.length > 0 ? `:\n${result.tail.join('\n')}` : '';
    return { ok: false, problem: `${result.command} ${how}, so the coverage data in ${dataDir} was not converted${tail}` };
}

;// CONCATENATED MODULE: ./src/collect/coverage-profile.ts
/**
 * The text coverage profile Go writes (`go tool covdata textfmt`, `go test -coverprofile`):
 *
 *   mode: set
 *   <file>:<startLine>.<startCol>,<endLine>.<endCol> <statements> <count>
 *
 * `<file>` is an import path (`github.com/org/repo/pkg/x/file.go`) for packages built in module
 * mode, and a filesystem path for files named on the `go build` command line
 * (`go build ./cmd/x/main.go`): inside a build image, that path lies under the image's WORKDIR.
 * This module moves such paths to the repository and measures statement coverage per package and
 * in total. Pure: no files, no processes.
 */

const MODE_LINE = /^mode: (\S+)$/;
const BLOCK_LINE = /^(.+):(\d+\.\d+,\d+\.\d+) (\d+) (\d+)$/;
/** Throws an error naming `source` and the line when the text is not a coverage profile. */
function parseProfile(text, source) {
    const lines = text.split('\n').map((line) => line.trimEnd());
    const mode = MODE_LINE.exec(lines[0] ?? '')?.[1];
    if (mode === undefined) {
        throw new Error(`${source}: not a Go coverage profile: the first line is "${lines[0] ?? ''}", expected "mode: set|count|atomic"`);
    }
    const blocks = [];
    lines.slice(1).forEach((line, index) => {
        if (line === '')
            return;
        const match = BLOCK_LINE.exec(line);
        if (match === null) {
            throw new Error(`${source}:${index + 2}: "${line}" is not a profile line (<file>:<line>.<col>,<line>.<col> <statements> <count>)`);
        }
        blocks.push({ file: match[1], position: match[2], statements: Number(match[3]), count: Number(match[4]) });
    });
    return { mode, blocks };
}
function formatProfile(profile) {
    const lines = profile.blocks.map((b) => `${b.file}:${b.position} ${b.statements} ${b.count}`);
    return [`mode: ${profile.mode}`, ...lines].join('\n') + '\n';
}
/**
 * Replaces the build path prefix of filesystem paths with `target`: the repository's module path
 * (the file then reads like the import paths around it), or `.` (a path relative to the
 * repository root, which `go tool cover` resolves from there). Import paths are left as they are.
 */
function rewriteBuildPath(profile, buildPath, target) {
    const normalized = external_node_path_.posix.normalize(buildPath);
    const prefix = normalized.endsWith('/') ? normalized : `${normalized}/`;
    const foreign = new Set();
    let rewritten = 0;
    const blocks = profile.blocks.map((block) => {
        if (block.file.startsWith(prefix)) {
            rewritten++;
            return { ...block, file: `${target}/${block.file.slice(prefix.length)}` };
        }
        if (block.file.startsWith('/'))
            foreign.add(block.file);
        return block;
    });
    return { profile: { ...profile, blocks }, rewritten, foreign: [...foreign].sort() };
}
/**
 * Statement coverage as `go tool cover -func` counts it: a block counts once however often it is
 * listed (profiles of several binaries may list a shared package's blocks each), and is covered
 * when any listing ran it.
 */
function measureCoverage(profile) {
    const blocks = new Map();
    for (const b of profile.blocks) {
        const key = `${b.file}:${b.position}`;
        const known = blocks.get(key);
        if (known === undefined)
            blocks.set(key, { file: b.file, statements: b.statements, covered: b.count > 0 });
        else
            known.covered ||= b.count > 0;
    }
    const byPackage = new Map();
    for (const b of blocks.values()) {
        const name = external_node_path_.posix.dirname(b.file);
        const entry = byPackage.get(name) ?? { statements: 0, covered: 0 };
        entry.statements += b.statements;
        if (b.covered)
            entry.covered += b.statements;
        byPackage.set(name, entry);
    }
    const packages = [...byPackage]
        .filter(([, entry]) => entry.statements > 0)
        .map(([name, entry]) => ({ package: name, ...entry, percent: percentOf(entry.covered, entry.statements) }))
        .sort((a, b) => (a.package < b.package ? -1 : a.package > b.package ? 1 : 0));
    const statements = packages.reduce((sum, p) => sum + p.statements, 0);
    const covered = packages.reduce((sum, p) => sum + p.covered, 0);
    return { statements, covered, percent: statements === 0 ? undefined : percentOf(covered, statements), packages };
}
/** One decimal, as Go prints coverage. */
function formatPercent(percent) {
    return percent.toFixed(1);
}
function percentOf(covered, statements) {
    return (covered / statements) * 100;
}

// EXTERNAL MODULE: ./src/report/document.ts
var report_document = __webpack_require__(48101);
;// CONCATENATED MODULE: ./src/collect/coverage-section.ts
/** How coverage reads in the job summary and in the package table file. */


/** More packages than this are listed in coverage-packages.txt only. */
const SUMMARY_PACKAGE_LIMIT = 60;
const code = (text) => `\`${text}\``;
function packageTable(totals, limit = Infinity) {
    return {
        header: ['Package', 'Statements', 'Covered', 'Coverage'],
        rows: totals.packages
            .slice(0, limit)
            .map((p) => [p.package, String(p.statements), String(p.covered), `${formatPercent(p.percent)}%`]),
        numeric: [1, 2, 3],
    };
}
/** The whole table, with the total as its last line. */
function packageTableText(totals) {
    const table = packageTable(totals);
    const total = totals.percent === undefined ? '-' : `${formatPercent(totals.percent)}%`;
    table.rows.push(['total', String(totals.statements), String(totals.covered), total]);
    const doc = [{ table }];
    return (0,report_document/* renderText */.S)(doc);
}
function coverageSection({ totals, deployments, warnings }) {
    const from = deployments.length === 0 ? '' : ` from ${deployments.map(code).join(', ')}`;
    const paragraphs = [];
    if (totals?.percent === undefined) {
        paragraphs.push(`No coverage was measured${from}.`);
    }
    else {
        const packages = totals.packages.length;
        paragraphs.push(`**${formatPercent(totals.percent)}%** of statements covered (${totals.covered} of ${totals.statements}) ` +
            `in ${packages} package${packages === 1 ? '' : 's'}${from}.`);
    }
    paragraphs.push(...warnings.map((w) => `**Warning:** ${w}`));
    const section = { heading: 'Coverage', paragraphs };
    if (totals !== undefined && totals.packages.length > 0) {
        section.table = packageTable(totals, SUMMARY_PACKAGE_LIMIT);
        const hidden = totals.packages.length - section.table.rows.length;
        if (hidden > 0)
            paragraphs.push(`${hidden} more package(s) in ${code('coverage-packages.txt')}.`);
    }
    return section;
}

;// CONCATENATED MODULE: ./src/collect/coverage.ts
/**
 * E2E coverage of the Go services (DD-TEST-007): once the suite is over, stop the instrumented
 * Deployments so their binaries write their counters, bring the data out of the cluster, convert
 * it with Go's tools into `coverage.out` whose paths point into the repository, and measure it.
 *
 * Coverage is evidence, never a verdict: whatever goes wrong (no data, no Go, pods that would not
 * stop) becomes a warning that names the likely cause, and the run goes on.
 *
 * The total is computed from coverage.out's statements rather than read from
 * `go tool covdata percent`: that prints one line per package and no total, and averaging
 * package percentages would weigh a 10-statement package like a 1000-statement one.
 */










const DEFAULT_COVERAGE_TIMEOUTS = { scaleMs: 3 * 60_000, toolMs: 5 * 60_000 };
/** The parts of a request the configuration decides. */
function coverageRequestFrom(config, runtime) {
    const { workDir, ...rest } = runtime;
    return {
        ...rest,
        namespace: config.deploy.namespace,
        deployments: config.coverage.deployments,
        podDir: config.coverage.podDir,
        hostDir: (0,external_node_path_.resolve)(workDir, config.cluster.coverageHostDir),
        buildPath: config.coverage.buildPath,
        outDir: (0,external_node_path_.join)(workDir, 'coverage'),
    };
}
async function collectCoverage(request) {
    const warnings = [];
    const warn = (message) => {
        warnings.push(message);
        request.log.warning(message, { title: 'Coverage' });
    };
    const written = [];
    let totals;
    try {
        totals = await measure(request, warnings, warn, written);
    }
    catch (error) {
        warn(`Coverage could not be collected: ${error.message}`);
    }
    const { statements = 0, covered = 0, percent, packages = [] } = totals ?? {};
    return {
        percent, statements, covered, packages, files: written, warnings,
        section: coverageSection({ totals, deployments: request.deployments, warnings }),
        outputs: percent === undefined ? {} : { 'coverage-percent': formatPercent(percent) },
    };
}
/** Stops the pods, gathers and checks the data; undefined when nothing could be measured. Files written go to `written`. */
async function measure(request, warnings, warn, written) {
    const { log, outDir } = request;
    const timeouts = { ...DEFAULT_COVERAGE_TIMEOUTS, ...request.timeouts };
    await (0,external_node_fs_promises_.rm)(outDir, { recursive: true, force: true });
    await (0,external_node_fs_promises_.mkdir)(outDir, { recursive: true });
    // Go writes the counters when the process exits: the pods must be gone before the data is read.
    const targets = request.deployments.map((name) => ({ namespace: request.namespace, name }));
    const outcomes = await scaleToZero(request.kube, targets, { timeoutMs: timeouts.scaleMs, log });
    const notStopped = outcomes.filter((o) => !o.podsGone).map((o) => o.target.name);
    warnings.push(...outcomes.flatMap((o) => (o.problem ? [o.problem] : []))); // scaleToZero logged them
    const gathered = await gatherCoverageData({ hostDir: request.hostDir, podDir: request.podDir, nodes: request.nodes, engine: request.engine, env: request.env,
        log, timeoutMs: timeouts.toolMs, signal: request.signal }, outDir);
    written.push(...gathered.files, ...gathered.setAside);
    const diagnosis = diagnoseCoverageData({
        gathered, hostDir: request.hostDir, podDir: request.podDir, mountPath: COVERAGE_CONTAINER_PATH,
        engine: request.engine, notStopped,
    });
    for (const note of diagnosis.notes)
        log.info(note);
    for (const warning of diagnosis.warnings)
        warn(warning);
    if (!diagnosis.usable)
        return undefined;
    return convertAndMeasure(request, gathered.dir, timeouts.toolMs, warn, written);
}
/** coverage.out with repository paths, Go's per-package view, the package table; undefined when Go could not convert. */
async function convertAndMeasure(request, dataDir, toolMs, warn, written) {
    const { log, outDir } = request;
    const profilePath = (0,external_node_path_.join)(outDir, 'coverage.out');
    const conversion = await convertCoverageData(dataDir, profilePath, {
        go: request.go, env: request.env, cwd: outDir, log, timeoutMs: toolMs, signal: request.signal,
    });
    if (!conversion.ok) {
        warn(conversion.problem);
        return undefined;
    }
    const percentPath = (0,external_node_path_.join)(outDir, 'covdata-percent.txt');
    await (0,external_node_fs_promises_.writeFile)(percentPath, conversion.percentOutput);
    written.push(percentPath);
    const target = (await modulePathOf(request.repoRoot)) ?? '.';
    const rewrite = rewriteBuildPath(parseProfile(await (0,external_node_fs_promises_.readFile)(profilePath, 'utf8'), profilePath), request.buildPath, target);
    if (rewrite.foreign.length > 0) {
        warn(`coverage.out names files outside the build path ${request.buildPath} (${rewrite.foreign.slice(0, 3).join(', ')}` +
            `${rewrite.foreign.length > 3 ? ', …' : ''}): they cannot be mapped to the repository; set coverage.buildPath to ` +
            "the images' source folder (their WORKDIR).");
    }
    await (0,external_node_fs_promises_.writeFile)(profilePath, formatProfile(rewrite.profile));
    written.push(profilePath);
    log.info(`coverage.out written; ${rewrite.rewritten} block(s) moved from ${request.buildPath} to ${target}`);
    const totals = measureCoverage(rewrite.profile);
    if (totals.percent === undefined)
        warn('coverage.out holds no statements: there is no coverage to report.');
    const tablePath = (0,external_node_path_.join)(outDir, 'coverage-packages.txt');
    await (0,external_node_fs_promises_.writeFile)(tablePath, packageTableText(totals));
    written.push(tablePath);
    return totals;
}
/** The module path of the repository's go.mod, if it has one. */
async function modulePathOf(repoRoot) {
    let text;
    try {
        text = await (0,external_node_fs_promises_.readFile)((0,external_node_path_.join)(repoRoot, 'go.mod'), 'utf8');
    }
    catch {
        return undefined;
    }
    return /^module\s+"?([^\s"]+)"?\s*$/m.exec(text)?.[1];
}

// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(59805);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
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
    const { addPath } = options;
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
    useLocalToolCacheWhenOutsideRunner(log);
    const cached = tool_cache/* find */.I6(TOOL_NAME, version, arch);
    if (cached) {
        const binary = external_node_path_default().join(cached, TOOL_NAME);
        log.info(`Using kind ${version} from the tool cache (${binary})`);
        addPath(cached);
        return { path: binary, version, source: 'tool-cache' };
    }
    const expected = givenSha256 ?? publishedSha256(version, platform, arch);
    const baseUrl = (options.downloadBaseUrl ?? KIND_DOWNLOAD_BASE_URL).replace(/\/+$/, '');
    const url = `${baseUrl}/${version}/kind-${platform}-${arch}`;
    const binary = await downloadVerified(url, expected, log);
    let directory;
    try {
        // checked before caching: a wrong binary in the tool cache would be picked up by later runs
        const reported = await probeVersion(binary, options);
        if (reported !== version) {
            const what = reported ?? 'no recognisable version';
            throw new Error(`the kind binary downloaded from ${url} reports ${what}, not ${version}`);
        }
        directory = await tool_cache/* cacheFile */.NJ(binary, TOOL_NAME, TOOL_NAME, version, arch);
    }
    finally {
        await (0,external_node_fs_promises_.rm)(binary, { force: true });
    }
    const installed = external_node_path_default().join(directory, TOOL_NAME);
    await (0,external_node_fs_promises_.chmod)(installed, 0o755);
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
async function downloadVerified(url, expected, log) {
    const destination = external_node_path_default().join(process.env.RUNNER_TEMP || external_node_os_default().tmpdir(), `kind-${(0,external_node_crypto_.randomUUID)()}`);
    log.info(`Downloading ${url}`);
    try {
        await tool_cache/* downloadTool */.bq(url, destination);
    }
    catch (error) {
        throw new Error(`could not download kind from ${url}: ${error.message}`);
    }
    const actual = await sha256File(destination);
    if (actual !== expected) {
        await (0,external_node_fs_promises_.rm)(destination, { force: true });
        throw new Error(`checksum mismatch for ${url}: expected sha256 ${expected}, got ${actual}; the download is corrupt or not ` +
            'the published release, nothing was installed');
    }
    await (0,external_node_fs_promises_.chmod)(destination, 0o755);
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
async function findOnPath(program, searchPath) {
    for (const directory of searchPath.split((external_node_path_default()).delimiter).filter(Boolean)) {
        const candidate = external_node_path_default().resolve(directory, program);
        try {
            await (0,external_node_fs_promises_.access)(candidate, external_node_fs_.constants.X_OK);
            return candidate;
        }
        catch {
            // not in this directory
        }
    }
    return undefined;
}
/**
 * The tool cache lives where the runner says (RUNNER_TOOL_CACHE). The local command has no
 * runner, so it gets a per-user cache, which also makes later runs skip the download.
 */
function useLocalToolCacheWhenOutsideRunner(log) {
    if (process.env.RUNNER_TOOL_CACHE)
        return;
    process.env.RUNNER_TOOL_CACHE = external_node_path_default().join(external_node_os_default().homedir(), '.cache', 'aianalysis-e2e', 'tools');
    log.debug(`RUNNER_TOOL_CACHE is not set; caching tools in ${process.env.RUNNER_TOOL_CACHE}`);
}

// EXTERNAL MODULE: ./src/cluster/kind.ts + 2 modules
var cluster_kind = __webpack_require__(18443);
// EXTERNAL MODULE: ./src/kube/client.ts
var client = __webpack_require__(31934);
// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/index.js + 875 modules
var client_node_dist = __webpack_require__(12901);
;// CONCATENATED MODULE: ./src/kube/cluster-ready.ts
/**
 * A new cluster is usable once every node is Ready and the `default` ServiceAccount exists (the
 * service-account controller creates it shortly after the API server starts; pods of a namespace
 * are refused until then). kind's own `--wait` checks the first only, so the action checks both.
 */


const nodeReady = (node) => node.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ?? false;
/** What is still missing, or undefined when the cluster is usable. */
async function missing(kube) {
    const nodes = (await kube.core.listNode()).items;
    const notReady = nodes.filter((node) => !nodeReady(node)).map((node) => node.metadata?.name ?? '?');
    if (nodes.length === 0)
        return 'no node has registered';
    if (notReady.length > 0)
        return `node(s) not Ready: ${notReady.join(', ')}`;
    try {
        await kube.core.readNamespacedServiceAccount({ name: 'default', namespace: 'default' });
        return undefined;
    }
    catch (error) {
        if (error instanceof client_node_dist/* ApiException */.UJ4 && error.code === 404)
            return 'the default ServiceAccount does not exist yet';
        throw error;
    }
}
async function waitClusterReady(kube, options) {
    let last = 'the API server did not answer';
    const ready = await (0,until/* until */.T)(async () => {
        try {
            const gap = await missing(kube);
            if (gap === undefined)
                return true;
            last = gap;
        }
        catch (error) {
            kube.signal?.throwIfAborted();
            last = `the API server did not answer: ${error.message}`;
        }
        return undefined;
    }, { timeoutMs: options.timeoutMs, pollIntervalMs: options.pollIntervalMs ?? 1000, signal: kube.signal });
    if (!ready)
        throw new Error(`the cluster was not ready within ${Math.round(options.timeoutMs / 1000)} s: ${last}`);
}

// EXTERNAL MODULE: ./src/pipeline/state-keys.ts
var state_keys = __webpack_require__(41828);
;// CONCATENATED MODULE: ./src/pipeline/cluster.ts
// The Kind cluster: install the pinned kind, render its config, create it (stale clusters
// recreated, transient failures retried) and wait until it can take workloads.









const CLUSTER_TASK_ID = 'cluster';
const API_CALL_TIMEOUT_MS = 30_000;
const CLUSTER_READY_TIMEOUT_MS = 5 * 60_000;
function clusterTask(options) {
    const { config, host, state } = options;
    const { cluster } = config;
    return {
        id: CLUSTER_TASK_ID,
        title: `Create Kind cluster ${cluster.name}`,
        phase: 'cluster',
        needs: options.needs,
        run: async (ctx) => {
            const installed = await installKind({ version: cluster.kindVersion, log: ctx.log, signal: ctx.signal, addPath: host.addPath });
            const workDir = (0,external_node_path_.join)(host.workDir, 'kind');
            const kind = new cluster_kind/* Kind */.b8({
                clusterName: cluster.name,
                provider: options.provider,
                workDir,
                log: ctx.log,
                kindPath: installed.path,
                signal: ctx.signal,
            });
            state.kind = kind;
            // Recorded before creating, so that the post step also removes a half-made cluster.
            const record = { name: cluster.name, provider: options.provider, kindPath: installed.path, workDir, keep: cluster.keep };
            host.saveState(state_keys/* CLUSTER_STATE_KEY */.N, JSON.stringify(record));
            if (options.coverageDir) {
                // Counters of an earlier run in a reused folder would be counted as this run's.
                await clearCoverageHostDir(options.coverageDir);
                await (0,external_node_fs_promises_.mkdir)(options.coverageDir, { recursive: true });
            }
            const userConfig = cluster.kindConfig
                ? { text: await (0,external_node_fs_promises_.readFile)((0,external_node_path_.join)(host.repoRoot, cluster.kindConfig), 'utf8'), source: cluster.kindConfig }
                : undefined;
            const rendered = renderKindConfig({
                nodeImage: cluster.nodeImage,
                portMappings: cluster.portMappings.map((mapping) => ({ ...mapping })),
                coverageDir: options.coverageDir,
                userConfig,
            });
            for (const warning of rendered.warnings)
                ctx.log.warning(warning, { title: 'Kind config' });
            const created = await kind.createCluster({
                config: rendered.yaml,
                reuse: cluster.reuse,
                waitReady: ({ kubeconfigPath, signal }) => waitClusterReady((0,client/* connectKube */.mS)(kubeconfigPath, { callTimeoutMs: API_CALL_TIMEOUT_MS, signal }), {
                    timeoutMs: CLUSTER_READY_TIMEOUT_MS,
                }),
            });
            state.kubeconfig = created.kubeconfigPath;
            ctx.span.set('reused', created.reused);
            ctx.span.set('attempts', created.attempts);
            return created;
        },
    };
}

// EXTERNAL MODULE: ./src/pipeline/deploy.ts + 10 modules
var deploy = __webpack_require__(5044);
// EXTERNAL MODULE: ./src/kube/diagnose.ts
var diagnose = __webpack_require__(29233);
;// CONCATENATED MODULE: ./src/collect/logs-events.ts

const EVENTS_FILE = 'events.txt';
async function collectEvents(kube, writer, namespaces) {
    const perNamespace = await Promise.all(namespaces.map(async (namespace) => {
        let lines = [];
        await writer.source(`events in ${namespace}`, async () => {
            const events = (await kube.core.listNamespacedEvent({ namespace })).items;
            const everyObject = new Set(events.map((e) => e.involvedObject?.name ?? ''));
            lines = (0,diagnose/* latestEvents */.D)(events, everyObject, events.length).map((line) => ({ ...line, namespace }));
        });
        return lines;
    }));
    // A stable sort by second keeps each namespace's own order within a second.
    const timeline = perNamespace.flat().sort((a, b) => secondOf(a).localeCompare(secondOf(b)));
    const header = `# Events in ${namespaces.join(', ')}, oldest first: time, type, reason, namespace, object: message (count)`;
    await writer.source(EVENTS_FILE, () => writer.write(EVENTS_FILE, [header, ...timeline.map(formatEvent)].join('\n') + '\n'));
}
function secondOf(event) {
    return event.time?.slice(0, 19) ?? '';
}
function formatEvent(e) {
    const count = e.count !== undefined && e.count > 1 ? ` (x${e.count})` : '';
    return [e.time ?? '-', e.type ?? '-', e.reason ?? '-', e.namespace, `${e.object}: ${e.message ?? ''}${count}`].join('  ');
}

;// CONCATENATED MODULE: ./src/collect/logs-objects.ts



const COMMON_KINDS = [
    { apiVersion: 'apps/v1', kind: 'Deployment' },
    { apiVersion: 'apps/v1', kind: 'StatefulSet' },
    { apiVersion: 'batch/v1', kind: 'Job' },
    { apiVersion: 'v1', kind: 'Pod' },
    { apiVersion: 'v1', kind: 'Service' },
    { apiVersion: 'v1', kind: 'ConfigMap' },
    { apiVersion: 'v1', kind: 'Event' },
];
/** The custom resources of the default stack; listed when their CustomResourceDefinition is there. */
const DEFAULT_CUSTOM_KINDS = [{ apiVersion: 'kubernaut.ai/v1alpha1', kind: 'AIAnalysis' }];
async function collectObjects(kube, writer, namespaces, customKinds, log) {
    const custom = new Set(customKinds);
    const kinds = [...COMMON_KINDS, ...customKinds];
    await Promise.all(namespaces.flatMap((namespace) => kinds.map((ref) => writer.source(`${ref.kind} objects in ${namespace}`, async () => {
        let items;
        try {
            items = (await kube.objects.list(ref.apiVersion, ref.kind, namespace)).items;
        }
        catch (error) {
            // A custom resource whose definition was never applied: nothing to collect, nothing wrong with collecting.
            if (custom.has(ref) && error instanceof client/* KindNotServedError */.Jc) {
                log.debug(`logs bundle: ${ref.kind} is not served (no CustomResourceDefinition): skipped`);
                return;
            }
            throw error;
        }
        if (items.length === 0)
            return;
        const documents = items.map((item) => (0,dist/* stringify */.As)(presentable(item, ref), { lineWidth: 0 }));
        await writer.write(`objects/${namespace}/${ref.kind}.yaml`, documents.join('---\n'));
    }))));
}
/** The object as the API serves it (the models of these kinds name their fields as the API does), safe to write. */
function presentable(item, ref) {
    // List items carry no apiVersion and kind of their own.
    const plain = { apiVersion: ref.apiVersion, kind: ref.kind, ...JSON.parse(JSON.stringify(item)) };
    const metadata = plain.metadata;
    if (metadata)
        delete metadata.managedFields;
    const binaryData = plain.binaryData;
    if (ref.kind === 'ConfigMap' && binaryData) {
        plain.binaryData = Object.fromEntries(Object.entries(binaryData).map(([key, value]) => [key, `(${Buffer.byteLength(value, 'base64')} bytes of binary data, not collected)`]));
    }
    return redactStrings(plain);
}
function redactStrings(value) {
    if (typeof value === 'string')
        return (0,secrets/* redact */.E$)(value);
    if (Array.isArray(value))
        return value.map(redactStrings);
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [(0,secrets/* redact */.E$)(key), redactStrings(inner)]));
    }
    return value;
}

;// CONCATENATED MODULE: ./src/collect/logs-pods.ts
async function collectPodLogs(kube, writer, namespaces, options) {
    const requests = (await Promise.all(namespaces.map(async (namespace) => {
        let pods = [];
        await writer.source(`pods in ${namespace}`, async () => {
            pods = (await kube.core.listNamespacedPod({ namespace })).items;
        });
        return pods.flatMap((pod) => logRequests(namespace, pod));
    }))).flat();
    await inParallel(requests, options.concurrency, (r) => {
        const which = r.previous ? 'previous log' : 'log';
        return writer.source(`${which} of ${r.namespace}/${r.pod}/${r.container}`, async () => {
            const text = await kube.core.readNamespacedPodLog({ name: r.pod, namespace: r.namespace, container: r.container,
                previous: r.previous, limitBytes: options.limitBytes });
            await writer.write(`pods/${r.namespace}/${r.pod}/${r.container}${r.previous ? '.previous' : ''}.log`, text);
        });
    });
}
function logRequests(namespace, pod) {
    const name = pod.metadata?.name ?? '';
    const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
    const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    return containers.flatMap((c) => {
        const restarts = statuses.find((s) => s.name === c.name)?.restartCount ?? 0;
        const current = { namespace, pod: name, container: c.name, previous: false };
        return restarts > 0 ? [current, { ...current, previous: true }] : [current];
    });
}
async function inParallel(items, limit, work) {
    let next = 0;
    const worker = async () => {
        while (next < items.length)
            await work(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

;// CONCATENATED MODULE: ./src/collect/logs-writer.ts
/**
 * The logs bundle's folder. Every text goes through redact() on its way to disk and every file is
 * recorded; a source that fails is noted (for bundle-errors.txt) instead of stopping the others.
 * Once closed, because the collection ran out of time, late writes are dropped, so the file list
 * stays what the bundle holds.
 */




const ERRORS_FILE = 'bundle-errors.txt';
/** Bytes looked at to tell a binary file (a NUL byte among them) from a text file. */
const BINARY_SNIFF_BYTES = 8000;
class BundleWriter {
    dir;
    /** Absolute paths of the files in the bundle. */
    files = [];
    /** `<source>: <what went wrong>`, redacted. */
    errors = [];
    pending = new Set();
    closed = false;
    constructor(dir) {
        this.dir = dir;
    }
    /** Writes `text`, redacted, to `path` (relative to the bundle). */
    async write(path, text) {
        if (this.closed)
            return;
        const file = (0,external_node_path_.join)(this.dir, path);
        await (0,external_node_fs_promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
        await (0,external_node_fs_promises_.writeFile)(file, (0,secrets/* redact */.E$)(text));
        this.files.push(file);
    }
    /**
     * Takes in the files another program wrote under `dir` (inside the bundle), redacting text files
     * in place. A binary file cannot be redacted without corrupting it and is left as it is.
     */
    async adopt(dir) {
        for (const entry of (await (0,external_node_fs_promises_.readdir)(dir, { recursive: true })).sort()) {
            const file = (0,external_node_path_.join)(dir, entry);
            if (this.closed)
                return;
            if (!(await (0,external_node_fs_promises_.stat)(file)).isFile())
                continue;
            const content = await (0,external_node_fs_promises_.readFile)(file);
            if (!content.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
                const text = content.toString('utf8');
                const redacted = (0,secrets/* redact */.E$)(text);
                if (redacted !== text)
                    await (0,external_node_fs_promises_.writeFile)(file, redacted);
            }
            this.files.push(file);
        }
    }
    /** Runs one source of evidence; its failure is noted, not thrown. */
    async source(name, collect) {
        this.pending.add(name);
        try {
            await collect();
        }
        catch (error) {
            this.note(name, error);
        }
        finally {
            this.pending.delete(name);
        }
    }
    note(source, error) {
        if (this.closed)
            return;
        this.errors.push((0,secrets/* redact */.E$)(`${source}: ${describeError(error)}`));
    }
    /** Stops taking files; the sources still running are noted as unfinished. */
    close(reason) {
        if (this.pending.size > 0)
            this.errors.push(`${reason}; not finished: ${[...this.pending].join(', ')}`);
        this.closed = true;
    }
    /** Writes bundle-errors.txt when a source failed; returns its path. */
    async writeErrors() {
        if (this.errors.length === 0)
            return undefined;
        const file = (0,external_node_path_.join)(this.dir, ERRORS_FILE);
        await (0,external_node_fs_promises_.writeFile)(file, (0,secrets/* redact */.E$)(`${this.errors.join('\n')}\n`));
        this.files.push(file);
        return file;
    }
}
/** What the API server answered, or the error's message. */
function describeError(error) {
    if (error instanceof Error)
        return (0,kube_errors/* describeKubeError */.j3)(error);
    // An error thrown by Node itself can come from another realm (a vm context) and fail `instanceof Error`.
    const message = error?.message;
    return typeof message === 'string' ? message : String(error);
}

;// CONCATENATED MODULE: ./src/collect/logs-bundle.ts
/**
 * The logs bundle of a run, in `<workDir>/logs/`: what someone needs to understand a failure
 * without the cluster, which is gone by the time they look.
 *
 *   kind/                     `kind export logs`: node journals, kubelet, containerd, pod logs
 *   pods/<ns>/<pod>/…         current and previous container logs (logs-pods.ts)
 *   objects/<ns>/<Kind>.yaml  the objects with their status (logs-objects.ts)
 *   events.txt                the events, oldest first (logs-events.ts)
 *   run/                      the run's own logs and timings
 *   bundle-errors.txt         each source that could not be collected, and why
 *
 * Every source is best-effort and the whole collection has a deadline: what failed or did not
 * finish is noted in bundle-errors.txt and the rest is kept. No Secret is read, and every text is
 * redacted on its way to disk.
 */








const DEFAULT_BUNDLE_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_POD_LOG_LIMIT_BYTES = 10 * 1024 * 1024;
const POD_LOG_CONCURRENCY = 8;
/** Logs are collected after a failed or cancelled run, and after a successful one when `report.logsOnSuccess` asks for them. */
function logsBundleWanted(result, logsOnSuccess) {
    return result === 'failure' || result === 'cancelled' || (result === 'success' && logsOnSuccess);
}
async function collectLogsBundle(request) {
    const { kube, kind, namespaces, log } = request;
    const dir = (0,external_node_path_.join)(request.workDir, 'logs');
    await (0,external_node_fs_promises_.rm)(dir, { recursive: true, force: true });
    await (0,external_node_fs_promises_.mkdir)(dir, { recursive: true });
    const writer = new BundleWriter(dir);
    const sources = [copyRunFiles(writer, request.runFiles)];
    if (kind) {
        sources.push(writer.source('kind export logs', async () => {
            const kindDir = (0,external_node_path_.join)(dir, 'kind');
            await kind.exportLogs(kindDir);
            await writer.adopt(kindDir);
        }));
    }
    if (kube) {
        sources.push(collectObjects(kube, writer, namespaces, request.customKinds ?? DEFAULT_CUSTOM_KINDS, log), collectPodLogs(kube, writer, namespaces, { limitBytes: request.podLogLimitBytes ?? DEFAULT_POD_LOG_LIMIT_BYTES, concurrency: POD_LOG_CONCURRENCY }), collectEvents(kube, writer, namespaces));
    }
    const timeoutMs = request.timeoutMs ?? DEFAULT_BUNDLE_TIMEOUT_MS;
    let timedOut = false;
    try {
        await withDeadline(Promise.all(sources), timeoutMs, 'the logs bundle');
    }
    catch (error) {
        if (!(error instanceof DeadlineError))
            throw error;
        timedOut = true;
    }
    writer.close(`the collection did not finish within ${(0,duration/* formatDuration */.a)(timeoutMs)}`);
    await writer.writeErrors();
    const failed = writer.errors.length > 0 ? `; ${writer.errors.length} source(s) could not be collected, see bundle-errors.txt` : '';
    log.info(`Logs bundle: ${writer.files.length} file(s) in ${dir}${failed}`);
    return { dir, files: [...writer.files], errors: [...writer.errors], timedOut };
}
/** Into `run/`, each under its own name (a repeated name gets a number). */
async function copyRunFiles(writer, files) {
    const taken = new Set();
    await Promise.all(files.map((file) => {
        const base = (0,external_node_path_.basename)(file);
        let name = base;
        for (let n = 2; taken.has(name); n++)
            name = `${n}-${base}`;
        taken.add(name);
        return writer.source(`run file ${file}`, async () => writer.write(`run/${name}`, await (0,external_node_fs_promises_.readFile)(file, 'utf8')));
    }));
}

;// CONCATENATED MODULE: ./src/pipeline/evidence.ts
// The finalizers that keep the evidence, whatever happened before them: the logs bundle (on a
// failure, or always when asked) and then coverage. Logs come first: coverage scales the
// instrumented Deployments to zero, and their pods' logs go with them.




const evidence_API_CALL_TIMEOUT_MS = 30_000;
const FINALIZER_TIMEOUT_MS = 15 * 60_000;
function evidenceTasks(options) {
    const { config, host, state } = options;
    const kube = (signal) => state.kubeconfig ? (0,client/* connectKube */.mS)(state.kubeconfig, { callTimeoutMs: evidence_API_CALL_TIMEOUT_MS, signal }) : undefined;
    const keep = (files) => state.evidence.push(...files.map((file) => (0,external_node_path_.relative)(host.workDir, file)));
    const logs = {
        id: 'logs-bundle',
        title: 'Collect the logs bundle',
        phase: 'evidence',
        needs: [options.after],
        finalizer: true,
        timeoutMs: FINALIZER_TIMEOUT_MS,
        run: async (ctx) => {
            const outcome = ctx.outcome(options.after);
            const result = outcome === 'success' ? 'success' : outcome === 'cancelled' ? 'cancelled' : 'failure';
            if (!logsBundleWanted(result, config.report.logsOnSuccess))
                return ctx.span.note('not wanted: the run succeeded');
            const bundle = await collectLogsBundle({
                workDir: host.workDir,
                kube: kube(ctx.signal),
                kind: state.kind,
                namespaces: [config.deploy.namespace],
                runFiles: [],
                log: ctx.log,
            });
            keep(bundle.files);
        },
    };
    const coverage = {
        id: 'coverage',
        title: 'Collect coverage',
        phase: 'evidence',
        needs: [logs.id],
        finalizer: true,
        timeoutMs: FINALIZER_TIMEOUT_MS,
        run: async (ctx) => {
            const clients = kube(ctx.signal);
            if (!options.plan.coverage.enabled)
                return ctx.span.note('coverage is off');
            if (!clients || !state.kind)
                return ctx.span.note('no cluster: nothing ran to measure');
            const result = await collectCoverage(coverageRequestFrom(config, {
                kube: clients,
                repoRoot: host.repoRoot,
                workDir: host.workDir,
                nodes: await state.kind.nodeNames(),
                engine: state.kind.provider,
                log: ctx.log,
                signal: ctx.signal,
            }));
            keep(result.files);
            state.addSections('coverage', result.section);
            Object.assign(state.outputs, result.outputs);
        },
    };
    return [logs, coverage];
}

// EXTERNAL MODULE: ./src/pipeline/sources.ts + 7 modules
var sources = __webpack_require__(26364);
;// CONCATENATED MODULE: ./src/pipeline/state.ts
/** The summary's sections in this order, whatever order the tasks finish in. */
const SLOTS = ['images', 'deploy', 'tests', 'coverage', 'evidence', 'baseline'];
class PipelineState {
    kind;
    kubeconfig;
    /** Files of this run's own evidence (JUnit, coverage, logs bundle), relative to the work dir. */
    evidence = [];
    outputs = {};
    sections = new Map();
    addSections(slot, ...sections) {
        this.sections.set(slot, [...(this.sections.get(slot) ?? []), ...sections]);
    }
    orderedSections() {
        return SLOTS.flatMap((slot) => this.sections.get(slot) ?? []);
    }
    /** The cluster, once its task has made it; a task that needs it declares that dependency. */
    requireKind() {
        if (!this.kind)
            throw new Error('the cluster has not been created');
        return this.kind;
    }
}

;// CONCATENATED MODULE: ./src/suite/ginkgo.ts
const SUMMARY_LINES = 3;
const FAILED_STATES = new Set(['failed', 'timedout', 'interrupted', 'panicked', 'aborted']);
const SKIPPED_STATES = new Set(['skipped', 'pending']);
/** The leaf node types Ginkgo reports: specs and its suite-level nodes (types.NodeTypesForSuiteLevelNodes). */
const SUITE_NODES = [
    'BeforeSuite',
    'SynchronizedBeforeSuite',
    'AfterSuite',
    'SynchronizedAfterSuite',
    'ReportBeforeSuite',
    'ReportAfterSuite',
    'DeferCleanup (Suite)',
];
const NODE_PREFIX = new RegExp(`^\\[(It|${SUITE_NODES.map((node) => node.replace(/[()]/g, '\\$&')).join('|')})\\](?: (.*))?$`, 's');
const RETRY_MARK = /Attempt #(\d+) Failed\.\s+Retrying/g;
function specResult(testcase, reportFile) {
    const prefix = NODE_PREFIX.exec(testcase.name);
    const node = prefix?.[1] ?? null;
    const status = statusOf(testcase);
    const retries = [...testcase.systemErr.matchAll(RETRY_MARK)].map((match) => Number(match[1]));
    const flaggedFlaky = (testcase.properties.flaky ?? '').toLowerCase() === 'true';
    const flaky = status === 'passed' && (retries.length > 0 || flaggedFlaky);
    return {
        name: testcase.name,
        title: prefix ? (prefix[2] ?? prefix[1] ?? '') : testcase.name,
        node,
        setupNode: node !== null && node !== 'It',
        status,
        state: testcase.status ?? status,
        durationMs: Math.round(testcase.timeSeconds * 1000),
        flaky,
        attempts: flaky && retries.length > 0 ? Math.max(...retries) + 1 : null,
        ...(status === 'failed' ? { failure: failureOf(testcase) } : {}),
        reportFile,
    };
}
/**
 * Whether `spec` (as written in a configuration: the full text, with or without the node type
 * and the labels Ginkgo appends) names this case.
 */
function namesSpec(result, spec) {
    if (spec === result.name || spec === result.title)
        return true;
    return result.title.startsWith(`${spec} [`) && result.title.endsWith(']');
}
function statusOf(testcase) {
    const state = testcase.status;
    if (state !== undefined && FAILED_STATES.has(state))
        return 'failed';
    if (state !== undefined && SKIPPED_STATES.has(state))
        return 'skipped';
    if (state === 'passed')
        return 'passed';
    // Other reporters say it with elements only.
    if (testcase.failure)
        return 'failed';
    if (testcase.skipped !== undefined)
        return 'skipped';
    return 'passed';
}
function failureOf(testcase) {
    const text = testcase.failure?.text ?? '';
    const message = (testcase.failure?.message || messageFromText(text) || `the spec ended ${testcase.status ?? 'failed'}`).trim();
    const location = locationIn(text);
    return {
        message,
        summary: message
            .split('\n')
            .map((line) => line.trimEnd())
            .filter((line) => line.trim() !== '')
            .slice(0, SUMMARY_LINES),
        ...(location ? { location } : {}),
    };
}
/** Without a message attribute (OmitFailureMessageAttr), the text before the location is the message. */
function messageFromText(text) {
    const beforeLocation = text.split(/\nIn \[[^\]]+\] at: /)[0] ?? '';
    return beforeLocation.replace(/^\[[A-Z]+\] /, '');
}
/**
 * Ginkgo v2 writes `In [It] at: /path/file_test.go:123 @ 01/02/06 15:04:05.000`; older
 * reporters put `/path/file_test.go:123` on the first line of the text.
 */
function locationIn(text) {
    const match = /In \[[^\]]+\] at: (.+?):(\d+)(?: @ |\s*$)/m.exec(text) ?? /^(\S+\.go):(\d+)\s*$/m.exec(text);
    return match ? { file: match[1], line: Number(match[2]) } : undefined;
}

// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/xmlparser/XMLParser.js + 23 modules
var XMLParser = __webpack_require__(41143);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/fxp.js
var fxp = __webpack_require__(75824);
;// CONCATENATED MODULE: ./src/suite/junit.ts
/**
 * Reading JUnit XML reports into plain records, as written: Ginkgo's reporter and the common
 * JUnit dialects (a `<testsuites>` root or a single `<testsuite>`). What the records mean for
 * the run (Ginkgo's spec states, flakes, failure locations) is decided in ginkgo.ts.
 */


/** A report that exists but cannot be read as JUnit. */
class JUnitReportError extends Error {
    file;
    constructor(file, reason) {
        super(`the JUnit report ${file} ${reason}`);
        this.file = file;
        this.name = 'JUnitReportError';
    }
}
const REPEATED = new Set(['testsuite', 'testcase', 'property']);
const parser = new XMLParser/* default */.A({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    // Values stay text: a spec named "1e3" must not become a number.
    parseTagValue: false,
    parseAttributeValue: false,
    // Go's encoding/xml writes line breaks in attributes and text as &#xA;.
    htmlEntities: true,
    isArray: (name) => REPEATED.has(name),
});
/** Parses one report; throws JUnitReportError when it is empty, not XML or not JUnit. */
function parseJUnit(xml, file) {
    if (xml.trim() === '')
        throw new JUnitReportError(file, 'is empty: the suite may have been killed while writing it');
    const valid = fxp/* XMLValidator */.iI.validate(xml);
    if (valid !== true) {
        const { msg, line } = valid.err;
        throw new JUnitReportError(file, `is not well-formed XML (line ${line}: ${msg}): the suite may have been killed while writing it`);
    }
    const document = parser.parse(xml);
    const root = Object.keys(document).find((key) => !key.startsWith('?'));
    if (root === 'testsuites')
        return asArray(asNode(document.testsuites).testsuite).map((suite) => readSuite(suite, file));
    if (root === 'testsuite')
        return asArray(document.testsuite).map((suite) => readSuite(suite, file));
    throw new JUnitReportError(file, `is not JUnit XML: its root element is <${root ?? 'none'}>, expected <testsuites> or <testsuite>`);
}
/** Reads and parses one report file; a missing file is an error of its own (ENOENT). */
async function readJUnit(file) {
    return parseJUnit(await (0,external_node_fs_promises_.readFile)(file, 'utf8'), file);
}
function readSuite(value, file) {
    const suite = asNode(value);
    return {
        file,
        name: attribute(suite, 'name'),
        properties: readProperties(suite.properties),
        cases: asArray(suite.testcase).map(readCase),
    };
}
function readCase(value) {
    const node = asNode(value);
    const time = Number.parseFloat(attribute(node, 'time'));
    const status = attribute(node, 'status');
    const skipped = node.skipped;
    return {
        name: attribute(node, 'name'),
        classname: attribute(node, 'classname'),
        ...(status === '' ? {} : { status }),
        timeSeconds: Number.isFinite(time) && time > 0 ? time : 0,
        ...junit_failureOf(node),
        ...(skipped === undefined ? {} : { skipped: attribute(asNode(skipped), 'message') }),
        systemErr: textOf(node['system-err']),
        properties: readProperties(node.properties),
    };
}
function junit_failureOf(node) {
    for (const element of ['failure', 'error']) {
        if (node[element] === undefined)
            continue;
        const value = node[element];
        const attributes = asNode(value);
        return {
            failure: { element, message: attribute(attributes, 'message'), type: attribute(attributes, 'type'), text: textOf(value) },
        };
    }
    return {};
}
function readProperties(value) {
    const entries = asArray(asNode(value).property).map((property) => {
        const node = asNode(property);
        return [attribute(node, 'name'), attribute(node, 'value')];
    });
    return Object.fromEntries(entries.filter(([name]) => name !== ''));
}
/** An element without attributes or children parses as a string (its text) or ''. */
function asNode(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}
function asArray(value) {
    if (value === undefined || value === '')
        return [];
    return Array.isArray(value) ? value : [value];
}
function attribute(node, name) {
    const value = node[`@_${name}`];
    return typeof value === 'string' ? value : '';
}
function textOf(value) {
    if (typeof value === 'string')
        return value;
    const text = asNode(value)['#text'];
    return typeof text === 'string' ? text : '';
}

;// CONCATENATED MODULE: ./src/suite/known-failures.ts

/** The day (YYYY-MM-DD, UTC) that expiry dates are compared with. */
function today(now) {
    return now.toISOString().slice(0, 10);
}
function judgeKnownFailures(entries, specs, now) {
    const day = today(now);
    return entries.map((entry, index) => {
        const status = known_failures_statusOf(specs.filter((spec) => namesSpec(spec, entry.spec)));
        const expired = entry.expires < day;
        const problem = problemOf(entry, index, status, expired);
        return { entry, index, status, expired, failsJob: problem !== undefined, ...(problem ? { problem } : {}) };
    });
}
/** Whether a failed spec is excused by an entry that is still valid. */
function excused(spec, known) {
    return known.some((result) => !result.expired && namesSpec(spec, result.entry.spec));
}
function known_failures_statusOf(matching) {
    if (matching.some((spec) => spec.status === 'failed'))
        return 'failing';
    if (matching.some((spec) => spec.flaky))
        return 'flaky';
    if (matching.some((spec) => spec.status === 'passed'))
        return 'passing';
    return 'not run';
}
function problemOf(entry, index, status, expired) {
    const who = `known failure '${entry.spec}' (owner ${entry.owner})`;
    const where = `suite.knownFailures[${index}]`;
    if (status === 'passing') {
        return `${who} passes now: remove ${where}, so that a new failure of this spec fails the job`;
    }
    if (status === 'failing' && expired) {
        return (`${who} expired on ${entry.expires} and still fails: ${entry.owner} must fix the spec, ` +
            `or agree to a later date in ${where}.expires`);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/suite/report.ts
/**
 * The suite's part of the reports: job summary sections, error annotations for failed specs
 * (the caller emits them with Log.error) and the tests-* outputs.
 */




const MAX_ANNOTATIONS = 20;
function suiteSections(results) {
    return [testsSection(results), ...flakySections(results), ...knownFailureSections(results)];
}
/**
 * One annotation per failed spec that fails the job, at the failure's file and line when known,
 * then one per known failure that passes now; beyond `limit`, one annotation counts the rest.
 */
function suiteAnnotations(results, repoRoot, limit = MAX_ANNOTATIONS) {
    const all = [
        ...results.failures.map((spec) => failureAnnotation(spec, results.knownFailures, repoRoot)),
        ...results.knownFailures
            .filter((known) => known.status === 'passing' && known.problem)
            .map((known) => ({ title: `Known failure passes now: ${known.entry.spec}`, message: known.problem })),
    ];
    if (all.length <= limit)
        return all;
    const rest = all.length - limit;
    return [
        ...all.slice(0, limit),
        { title: 'More E2E failures', message: `${rest} more failure${rest === 1 ? '' : 's'} are not annotated: see the job summary` },
    ];
}
function suiteOutputs(results) {
    // Without a report the counts are unknown, not zero; a shard without specs ran none.
    const known = results.specs.length > 0 || (results.ok && !results.run.started);
    const show = (count) => (known ? String(count) : '');
    return {
        'tests-passed': show(results.counts.passed),
        'tests-failed': show(results.counts.failed),
        'tests-skipped': show(results.counts.skipped),
    };
}
function testsSection(results) {
    const { counts, run } = results;
    const paragraphs = [];
    if (run.shard !== null) {
        paragraphs.push(`Shard ${run.shard.index}/${run.shard.total}: ${run.shard.specs.length} of the ${run.shard.listed} listed specs.`);
    }
    if (!run.started && !run.cancelled) {
        paragraphs.push('The suite did not run: this shard has no specs.');
        return { heading: 'E2E tests', paragraphs };
    }
    const known = counts.knownFailing > 0 ? ` (${counts.knownFailing} known)` : '';
    const flaky = counts.flaky > 0 ? `, ${counts.flaky} flaky` : '';
    // Without a report nothing is known about the specs: no counts, least of all "0 failed".
    const outcome = results.specs.length === 0
        ? '**No test results**'
        : `**${counts.passed} passed, ${counts.failed} failed${known}, ${counts.skipped} skipped${flaky}**`;
    paragraphs.push(`${outcome} in ${(0,duration/* formatDuration */.a)(run.durationMs)}${results.ok ? '.' : ' — the suite fails the job.'}`);
    paragraphs.push(...results.problems.map((problem) => `⚠️ ${problem}.`));
    if (results.specs.length === 0 && run.tail.length > 0) {
        paragraphs.push('The last lines of its output:');
        return { heading: 'E2E tests', paragraphs, preformatted: run.tail.join('\n') };
    }
    const rows = results.specs
        .filter((spec) => spec.status === 'failed' || (!spec.setupNode && spec.status === 'passed'))
        .map((spec) => ({ spec, rank: rank(spec, results) }))
        .sort((a, b) => a.rank - b.rank)
        .map(({ spec }) => [spec.title, resultOf(spec, results), (0,duration/* formatDuration */.a)(spec.durationMs), failureCell(spec)]);
    if (counts.skipped > 0)
        paragraphs.push(`${counts.skipped} skipped spec${counts.skipped === 1 ? ' is' : 's are'} not listed.`);
    return rows.length === 0
        ? { heading: 'E2E tests', paragraphs }
        : { heading: 'E2E tests', paragraphs, table: { header: ['spec', 'result', 'duration', 'failure'], rows, numeric: [2] } };
}
function flakySections(results) {
    const flaky = results.specs.filter((spec) => spec.flaky);
    if (flaky.length === 0)
        return [];
    return [
        {
            heading: 'Flaky specs',
            paragraphs: ['These passed only after failing first; they pass the job, but deserve a fix.'],
            table: {
                header: ['spec', 'attempts', 'duration'],
                rows: flaky.map((spec) => [spec.title, spec.attempts === null ? '—' : String(spec.attempts), (0,duration/* formatDuration */.a)(spec.durationMs)]),
                numeric: [1, 2],
            },
        },
    ];
}
function knownFailureSections(results) {
    if (results.knownFailures.length === 0)
        return [];
    return [
        {
            heading: 'Known failures',
            paragraphs: ['They run and are reported, but fail the job only once expired or when they pass.'],
            table: {
                header: ['spec', 'owner', 'reason', 'expires', 'status'],
                rows: results.knownFailures.map((known) => [
                    known.entry.spec,
                    known.entry.owner,
                    known.entry.reason,
                    known.entry.expires,
                    knownStatus(known),
                ]),
            },
        },
    ];
}
function knownStatus(known) {
    if (known.status === 'passing')
        return '❌ passes now: remove the entry';
    if (known.status === 'failing')
        return known.expired ? '❌ fails, and the entry has expired' : '⚠️ fails (allowed)';
    return `${known.status}${known.expired ? ' (expired)' : ''}`;
}
/** Failures that fail the job first, then allowed failures, flaky specs, passed specs. */
function rank(spec, results) {
    if (spec.status === 'failed')
        return excused(spec, results.knownFailures) ? 1 : 0;
    return spec.flaky ? 2 : 3;
}
function resultOf(spec, results) {
    if (spec.status === 'passed')
        return spec.flaky ? '🔁 flaky' : '✅ passed';
    const state = spec.state === 'failed' ? 'failed' : spec.state;
    return excused(spec, results.knownFailures) ? `⚠️ ${state} (known)` : `❌ ${state}`;
}
function failureCell(spec) {
    if (!spec.failure)
        return '';
    const { summary, location } = spec.failure;
    return [...summary, ...(location ? [`at ${external_node_path_default().basename(location.file)}:${location.line}`] : [])].join('\n');
}
function failureAnnotation(spec, known, repoRoot) {
    const expiry = known.find((result) => result.problem && result.status === 'failing' && namesSpec(spec, result.entry.spec));
    const location = spec.failure?.location;
    const file = location ? repositoryPath(location.file, repoRoot) : undefined;
    const lines = [...(spec.failure?.summary ?? [])];
    if (location && file === undefined)
        lines.push(`at ${location.file}:${location.line}`);
    if (expiry?.problem)
        lines.push(expiry.problem);
    return {
        title: `E2E spec ${spec.state}: ${spec.title}`,
        message: lines.join('\n') || `the spec ${spec.state}`,
        ...(file !== undefined && location ? { file, startLine: location.line } : {}),
    };
}
/** A path inside the repository, relative and with '/'; undefined for one outside it. */
function repositoryPath(file, repoRoot) {
    const relative = external_node_path_default().isAbsolute(file) ? external_node_path_default().relative(repoRoot, file) : external_node_path_default().normalize(file);
    if (relative === '' || relative.startsWith('..') || external_node_path_default().isAbsolute(relative))
        return undefined;
    return relative.split((external_node_path_default()).sep).join('/');
}

;// CONCATENATED MODULE: ./src/suite/results.ts




/** Reads the run's reports and judges the run. */
async function collectResults(run, options) {
    return judgeSuite(run, await readReports(run), options);
}
async function readReports(run) {
    if (!run.started)
        return { suites: [], problems: [] };
    if (run.reportFiles.length === 0)
        return { suites: [], problems: [noReport(run)] };
    const read = { suites: [], problems: [] };
    for (const file of run.reportFiles) {
        try {
            read.suites.push(...(await readJUnit(file)));
        }
        catch (error) {
            if (!(error instanceof JUnitReportError))
                throw error;
            read.problems.push(`${error.message}; see the suite log`);
        }
    }
    return read;
}
function judgeSuite(run, read, options) {
    const specs = read.suites.flatMap((suite) => suite.cases.map((testcase) => specResult(testcase, suite.file)));
    const knownFailures = judgeKnownFailures(options.knownFailures, specs, options.now);
    const failed = specs.filter((spec) => spec.status === 'failed');
    const failures = failed.filter((spec) => !excused(spec, knownFailures));
    const problems = [
        ...runProblems(run, read.suites.length > 0),
        ...read.problems,
        ...reportProblems(run, read, specs),
        ...knownFailures.flatMap((known) => (known.problem ? [known.problem] : [])),
    ];
    const countOf = (status) => specs.filter((spec) => !spec.setupNode && spec.status === status).length;
    return {
        ok: failures.length === 0 && problems.length === 0,
        run,
        specs,
        failures,
        knownFailures,
        problems,
        counts: {
            passed: countOf('passed'),
            failed: failed.length,
            skipped: countOf('skipped'),
            flaky: specs.filter((spec) => spec.flaky).length,
            knownFailing: knownFailures.filter((known) => known.status === 'failing').length,
        },
    };
}
/** One paragraph saying why the suite fails the job; undefined when it passes. */
function describeVerdict(results) {
    if (results.ok)
        return undefined;
    const lines = [];
    const { failures } = results;
    if (failures.length > 0) {
        const shown = failures.slice(0, 3).map((spec) => `'${spec.title}'`);
        const more = failures.length > shown.length ? ` and ${failures.length - shown.length} more` : '';
        lines.push(`${failures.length} spec${failures.length === 1 ? '' : 's'} failed: ${shown.join(', ')}${more}.`);
    }
    lines.push(...results.problems.map((problem) => `${capitalize(problem)}.`));
    return lines.join('\n');
}
function runProblems(run, hasReport) {
    const partial = hasReport ? '; the results are from the report it wrote when stopped' : '';
    if (run.timedOut) {
        return [`the suite did not finish within suite.timeoutMinutes (${run.timeoutMinutes} min) and was stopped${partial}`];
    }
    if (run.cancelled) {
        return [run.started ? `the run was cancelled after ${(0,duration/* formatDuration */.a)(run.durationMs)} of the suite${partial}` : 'the run was cancelled before the suite started'];
    }
    return [];
}
function noReport(run) {
    const why = run.timedOut || run.cancelled
        ? 'it was stopped before it wrote one'
        : `did it start? The command must pass GINKGO_JUNIT_REPORT on to ginkgo --junit-report (${run.command})`;
    return `the suite wrote no JUnit report at ${run.junitReport}: ${why}; see the suite log`;
}
/** The report against the exit status and the shard: problems only when the run ended by itself. */
function reportProblems(run, read, specs) {
    if (read.suites.length === 0 || read.problems.length > 0)
        return [];
    const files = run.reportFiles.join(', ');
    if (specs.length === 0)
        return [`the JUnit report ${files} lists no specs; see the suite log`];
    if (run.timedOut || run.cancelled)
        return [];
    const problems = [];
    const failed = specs.filter((spec) => spec.status === 'failed').length;
    const ran = specs.filter((spec) => !spec.setupNode && spec.status !== 'skipped');
    if (run.exitCode === 0 && failed > 0) {
        problems.push(`the suite exited with status 0 although its report lists ${failed} failed spec${failed === 1 ? '' : 's'}: its exit status cannot be trusted`);
    }
    if (run.exitCode !== 0 && failed === 0) {
        const ended = run.exitCode === null ? `was killed by ${run.signal ?? 'a signal'}` : `exited with status ${run.exitCode}`;
        const reasons = [...new Set(read.suites.map((suite) => suite.properties.SpecialSuiteFailureReason ?? '').filter((r) => r !== ''))];
        const ginkgo = reasons.length > 0 ? ` (Ginkgo: ${reasons.join('; ')})` : '';
        problems.push(`the suite ${ended} but its report lists no failed spec${ginkgo}: something failed outside the specs; see the suite log`);
    }
    if (ran.length === 0 && failed === 0) {
        problems.push(`no spec ran: all ${specs.filter((spec) => !spec.setupNode).length} specs in the report were skipped; ` +
            'check the focus and the label filter (inputs ginkgo-focus and ginkgo-label)');
    }
    if (run.shard !== null) {
        const assigned = run.shard.specs;
        const strays = ran.filter((spec) => !assigned.some((listed) => namesSpec(spec, listed.text)));
        if (strays.length > 0) {
            problems.push(`shard ${run.shard.index}/${run.shard.total} ran ${strays.length} spec${strays.length === 1 ? '' : 's'} of other shards ` +
                `(such as '${strays[0]?.title}'): the command must pass GINKGO_FOCUS on to ginkgo --focus, or the shards overlap`);
        }
    }
    return problems;
}
function capitalize(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

;// CONCATENATED MODULE: ./src/suite/shard.ts
/**
 * Sharding the suite across the jobs of a matrix. Ginkgo shards only across the processes of
 * one run, so:
 *  1. the specs are listed by a dry run (`--dry-run --json-report`) that honours the focus, the
 *     label filter and the skip of the run: Ginkgo reports the specs it would run as `passed`;
 *  2. each spec belongs to shard `1 + hash(full text) mod n`: the same on every machine,
 *     whatever the order of the listing, and adding a spec moves no other;
 *  3. a shard runs its specs through a focus matching exactly their texts.
 *
 * Ginkgo matches a focus against the suite description, a space and the spec's text, and joins
 * several focuses with "or". A regular expression cannot say "and" in Go's syntax, so the shard's
 * focus replaces the user's: the listing already applied the user's focus.
 */





const DEFAULT_LIST_TIMEOUT_MS = 15 * 60_000;
/** The 1-based shard a spec belongs to. */
function shardOf(text, total) {
    const digest = (0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest();
    return 1 + (digest.readUInt32BE(0) % total);
}
function selectShard(specs, shard) {
    return { ...shard, listed: specs.length, specs: specs.filter((spec) => shardOf(spec.text, shard.total) === shard.index) };
}
/**
 * Go's regexp.QuoteMeta. The escaped characters are special in POSIX extended expressions too,
 * and a backslash before them is literal there, so the focus means the same to both.
 */
function quoteMeta(text) {
    return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
/** A focus that matches the given specs and nothing else; empty specs are not a focus. */
function shardFocus(specs) {
    if (specs.length === 0)
        throw new Error('a shard without specs has no focus: do not run it');
    const texts = [...new Set(specs.map((spec) => quoteMeta(`${spec.suite} ${spec.text}`)))].sort();
    return `^(${texts.join('|')})$`;
}
/** The specs in Ginkgo's JSON report of a dry run (an array of suite reports). */
function parseSpecListing(json, file) {
    let reports;
    try {
        reports = JSON.parse(json);
    }
    catch (error) {
        throw new Error(`the spec listing ${file} is not JSON (${error.message})`);
    }
    if (!Array.isArray(reports)) {
        throw new Error(`the spec listing ${file} is not a Ginkgo JSON report: expected an array of suite reports`);
    }
    return reports.flatMap((report, index) => specsOfSuite(report, `${file}: suite report [${index}]`));
}
function specsOfSuite(value, where) {
    const report = (value ?? {});
    if (typeof report.SuiteDescription !== 'string' || !(report.SpecReports === null || Array.isArray(report.SpecReports))) {
        throw new Error(`${where} is not a Ginkgo suite report: expected SuiteDescription and SpecReports`);
    }
    if (report.SuiteConfig?.DryRun === false) {
        throw new Error(`${where} comes from a real run, not a dry run: the list command must run ginkgo with --dry-run ` +
            '(the make target must pass GINKGO_DRY_RUN=true on as --dry-run)');
    }
    const suite = report.SuiteDescription;
    return (report.SpecReports ?? [])
        .filter((spec) => spec.LeafNodeType === 'It' && spec.State === 'passed')
        .map((spec) => ({
        suite,
        text: [...strings(spec.ContainerHierarchyTexts), ...strings([spec.LeafNodeText])].filter((t) => t !== '').join(' '),
        labels: strings(spec.LeafNodeLabels),
    }));
}
function strings(value) {
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}
/**
 * Runs the list command as a Ginkgo dry run and returns the specs it would run. Words of the
 * command may hold `{jsonReport}`, `{focus}` and `{label}` (see LIST_COMMAND_PLACEHOLDERS); the
 * environment carries GINKGO_DRY_RUN=true and GINKGO_JSON_REPORT for a make target.
 */
async function listSpecs(options) {
    const dir = await (0,external_node_fs_promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'aianalysis-e2e-specs-'));
    const jsonReport = external_node_path_default().join(dir, 'specs.json');
    const values = {
        jsonReport,
        focus: options.env.GINKGO_FOCUS ?? '',
        label: options.env.GINKGO_LABEL ?? '',
    };
    const [program, ...args] = options.command.map((word) => word.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? values[name] : whole)));
    try {
        const result = await (0,util_process/* run */.eF)(program, args, {
            cwd: options.cwd,
            // No JUnit report: the dry run must not leave one where the real run's report is expected.
            env: { ...options.env, GINKGO_DRY_RUN: 'true', GINKGO_JSON_REPORT: jsonReport, GINKGO_JUNIT_REPORT: undefined },
            log: options.log,
            group: 'Listing the specs (Ginkgo dry run)',
            timeoutMs: options.timeoutMs ?? DEFAULT_LIST_TIMEOUT_MS,
            killGraceMs: options.killGraceMs,
            signal: options.signal,
        });
        if (result.cancelled)
            return {};
        if (result.timedOut || result.exitCode !== 0)
            throw new util_process/* ProcessError */.yI(result);
        const json = await (0,external_node_fs_promises_.readFile)(jsonReport, 'utf8').catch((error) => {
            if (error.code !== 'ENOENT')
                throw error;
            throw new Error(`the spec listing wrote no JSON report: ${(0,util_process/* displayCommand */.kc)(program, args)} must run ginkgo with ` +
                '--dry-run --json-report (a make target: pass GINKGO_DRY_RUN and GINKGO_JSON_REPORT on; ' +
                'or set suite.listCommand, where {jsonReport} stands for the report path)');
        });
        return { specs: parseSpecListing(json, jsonReport) };
    }
    finally {
        await (0,external_node_fs_promises_.rm)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/suite/run.ts
/**
 * Running the E2E suite: the configured command (an argument vector, never a shell) in its
 * working directory, its output streaming live, with its own timeout and cancellation. Stopping
 * sends SIGTERM to the whole process tree and SIGKILL only after a grace period, because Ginkgo
 * answers SIGTERM by running its cleanup and writing its reports: a stopped run still leaves its
 * evidence.
 *
 * What reaches the suite, as environment variables (kubernaut's Makefile hands them to ginkgo):
 *  - GINKGO_JUNIT_REPORT: the absolute path of the JUnit report (`ginkgo --junit-report`);
 *  - GINKGO_FOCUS, GINKGO_LABEL: the configured focus and label filter; a shard's focus replaces
 *    the configured focus (see shard.ts);
 *  - KUBECONFIG, IMAGE_REGISTRY, IMAGE_TAG, E2E_COVERAGE from the run, and suite.env.
 */




/** Inherited values of these would change what runs; only the configured ones count. */
const CONTROLLED = ['GINKGO_FOCUS', 'GINKGO_LABEL', 'GINKGO_DRY_RUN', 'GINKGO_JSON_REPORT', 'IMAGE_REGISTRY'];
/** The suite's environment (merged over the action's own); `undefined` removes a variable. */
function suiteEnvironment(settings, context, junitReport) {
    return {
        ...Object.fromEntries(CONTROLLED.map((name) => [name, undefined])),
        ...settings.env,
        KUBECONFIG: context.kubeconfig,
        IMAGE_TAG: context.imageTag,
        IMAGE_REGISTRY: context.imageRegistry === '' ? undefined : context.imageRegistry,
        E2E_COVERAGE: String(context.coverage),
        GINKGO_JUNIT_REPORT: junitReport,
    };
}
async function runSuite(settings, context) {
    const { log } = context;
    const cwd = external_node_path_default().resolve(context.repoRoot, settings.workingDirectory);
    const junitReport = external_node_path_default().resolve(context.repoRoot, settings.junitReport);
    const env = suiteEnvironment(settings, context, junitReport);
    const killGraceMs = settings.stopGraceSeconds * 1000;
    const [program, ...args] = settings.command;
    // What is known before the suite starts; a run that never starts ends with this.
    const before = {
        command: (0,util_process/* displayCommand */.kc)(program, args),
        junitReport,
        reportFiles: [],
        started: false,
        exitCode: null,
        signal: null,
        timedOut: false,
        cancelled: false,
        durationMs: 0,
        timeoutMinutes: settings.timeoutMinutes,
        tail: [],
        shard: null,
    };
    let shard = null;
    if (settings.shard !== null) {
        const listing = await listSpecs({
            command: settings.listCommand ?? settings.command,
            cwd,
            env,
            log,
            signal: context.signal,
            timeoutMs: context.listTimeoutMs,
            killGraceMs,
        });
        if (listing.specs === undefined)
            return { ...before, cancelled: true };
        shard = selectShard(listing.specs, settings.shard);
        log.info(`Shard ${shard.index}/${shard.total} runs ${shard.specs.length} of the ${shard.listed} listed specs.`);
        if (shard.specs.length === 0)
            return { ...before, shard };
        env.GINKGO_FOCUS = shardFocus(shard.specs);
    }
    // A report left by an earlier run would be read as this run's.
    await removeReports(junitReport);
    await (0,external_node_fs_promises_.mkdir)(external_node_path_default().dirname(junitReport), { recursive: true });
    const result = await (0,util_process/* run */.eF)(program, args, {
        cwd,
        env,
        log,
        group: `E2E suite: ${(0,util_process/* displayCommand */.kc)(program, args)}`,
        timeoutMs: settings.timeoutMinutes * 60_000,
        killGraceMs,
        signal: context.signal,
    });
    return {
        ...before,
        shard,
        command: result.command,
        reportFiles: await findReports(junitReport),
        started: result.pid !== undefined,
        exitCode: result.exitCode,
        signal: result.signal,
        timedOut: result.timedOut,
        cancelled: result.cancelled,
        durationMs: result.durationMs,
        tail: result.tail,
    };
}
/**
 * The report, or the per-suite reports Ginkgo writes with --keep-separate-reports and
 * --output-dir (`<dir>/<suite>_<name>`), in name order.
 */
async function findReports(junitReport) {
    const dir = external_node_path_default().dirname(junitReport);
    const name = external_node_path_default().basename(junitReport);
    const entries = await (0,external_node_fs_promises_.readdir)(dir).catch(() => []);
    const candidates = entries.filter((entry) => entry === name || entry.endsWith(`_${name}`)).sort();
    const files = [];
    for (const entry of candidates) {
        const file = external_node_path_default().join(dir, entry);
        if ((await (0,external_node_fs_promises_.stat)(file)).isFile())
            files.push(file);
    }
    return files;
}
async function removeReports(junitReport) {
    for (const file of await findReports(junitReport))
        await (0,external_node_fs_promises_.rm)(file, { force: true });
}

;// CONCATENATED MODULE: ./src/suite/index.ts








;// CONCATENATED MODULE: ./src/pipeline/suite.ts
// The E2E suite against the deployed stack, then its results: summary sections, annotations
// for failed specs, and the tests-* outputs.



const SUITE_TASK_ID = 'suite';
/**
 * The suite reads IMAGE_REGISTRY and IMAGE_TAG. Each image has its own content tag, so
 * IMAGE_TAG is the controller's (the image under test) and every image's reference is also
 * passed as AIANALYSIS_E2E_IMAGE_<NAME>.
 */
function imageEnv(decisions) {
    const env = {};
    for (const decision of decisions)
        env[`AIANALYSIS_E2E_IMAGE_${decision.image.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`] = decision.reference;
    const underTest = decisions.find((decision) => decision.image === 'aianalysis') ?? decisions[0];
    return { imageTag: underTest ? ((0,config/* parseReference */.F2)(underTest.reference).tag ?? '') : '', env };
}
function suiteTask(options) {
    const { config, plan, state } = options;
    return {
        id: SUITE_TASK_ID,
        title: 'Run the E2E suite',
        phase: 'suite',
        needs: options.needs,
        run: async (ctx) => {
            const { imageTag, env } = imageEnv(options.decisions);
            // In the work directory, not the repository: see the coverage folder in pipeline/index.ts.
            const reportsDir = (0,external_node_path_.join)(options.workDir, 'junit');
            const run = await runSuite({ ...plan.suite, env: { ...plan.suite.env, ...env }, junitReport: (0,external_node_path_.join)(reportsDir, (0,external_node_path_.basename)(plan.suite.junitReport)) }, {
                repoRoot: options.repoRoot,
                kubeconfig: state.kubeconfig,
                imageTag,
                imageRegistry: plan.registry,
                coverage: plan.coverage.enabled,
                log: ctx.log,
                signal: ctx.signal,
            });
            const results = await collectResults(run, { knownFailures: config.suite.knownFailures, now: new Date() });
            state.evidence.push(...run.reportFiles.map((file) => (0,external_node_path_.relative)(options.workDir, file)));
            state.addSections('tests', ...suiteSections(results));
            Object.assign(state.outputs, suiteOutputs(results));
            for (const annotation of suiteAnnotations(results, options.repoRoot)) {
                ctx.log.error(annotation.message, { title: annotation.title, file: annotation.file, startLine: annotation.startLine });
            }
            const verdict = describeVerdict(results);
            if (!results.ok)
                throw new Error(verdict ?? 'the suite failed');
            return results.counts;
        },
    };
}

;// CONCATENATED MODULE: ./src/pipeline/index.ts
// One real run as a task graph: images and the cluster (overlapped unless build-first), loading,
// deploy, suite; coverage and the logs bundle as finalizers; then evidence upload, timing
// baseline and the report. Everything that can be checked is checked before the graph starts.
// An images-only run stops after the images (and their pushes).




















/** The engine the run uses, logged in to the registry when credentials were given. */
async function prepareEngine(config, host, signal) {
    const { engine, reason } = await (0,detect/* selectEngine */.X)(config.engine, {
        log: host.log,
        signal,
        dockerRestartCommand: config.build.engineRestartCommand ?? undefined,
    });
    host.log.info(`Container engine: ${engine.name} (${reason})`);
    const { prefix, username, password } = config.registry;
    if (prefix && password)
        await engine.login({ registry: prefix.split('/')[0], username, password }, { signal });
    return engine;
}
function firstError(graph, signal) {
    if (!graph.firstError) {
        if (!graph.cancelled)
            return undefined;
        const timedOut = signal.reason?.name === 'TimeoutError';
        return timedOut ? 'the run took longer than timeout-minutes and was stopped; the evidence was still collected' : 'the run was cancelled';
    }
    const span = graph.spans.find((candidate) => candidate.id === graph.firstError.id);
    return `${span?.title ?? graph.firstError.id}: ${graph.firstError.message}`;
}
async function runPipeline(options) {
    const { config, plan, host } = options;
    const { log } = host;
    const signal = AbortSignal.any([
        ...(options.signal ? [options.signal] : []),
        AbortSignal.timeout(config.run.timeoutMinutes * 60_000),
    ]);
    const engine = await prepareEngine(config, host, signal);
    const { hashes, decisions } = await (0,sources/* resolveSources */.l)(config, plan, {
        repoRoot: host.repoRoot,
        localImages: (references) => engine.localImages(references, { signal }),
        log,
    });
    for (const decision of decisions)
        log.info(`image ${decision.image}: ${decision.source} ${decision.reference} (${decision.reason})`);
    const state = new PipelineState();
    const recovery = new EngineRecovery(engine, { signal });
    const push = await pushDecision(config.registry.push);
    if (push.notice)
        log.notice(push.notice);
    const images = {
        engine,
        plan,
        decisions,
        repoRoot: host.repoRoot,
        cache: config.build.cache,
        localCacheDir: (0,external_node_path_.join)(host.workDir, 'build-cache'),
        buildTimeoutMinutes: config.build.timeoutMinutes,
        push,
        recovery,
    };
    const tasks = plan.imagesOnly ? imagePhaseTasks(images) : await stackTasks({ ...options, state, images });
    const limits = imageLimits(config.build);
    const graph = await graph_runGraph(tasks, { concurrency: limits.concurrency, memoryBudgetMiB: limits.memoryBudgetMiB, log, signal });
    const resolved = imagePhaseReport(graph.results, { plan, push, recovery });
    state.addSections('images', (0,render/* sourcesSection */.M)(decisions, hashes), imagesSection(resolved));
    state.outputs.images = imagesOutput(resolved);
    const timings = toTimings(graph);
    await writeTimings((0,external_node_path_.join)(host.workDir, 'timings.json'), timings);
    state.evidence.push('timings.json');
    await publishEvidence(config, host, state);
    const baseline = await reportAgainstBaseline(timings, {
        identity: { stack: config.cluster.name, shard: config.suite.shard },
        slowdownRatio: config.report.baselineSlowdownRatio,
        log,
    });
    state.addSections('baseline', baseline.section);
    return {
        result: timings.result,
        plan,
        error: firstError(graph, signal),
        timings,
        kubeconfig: state.kubeconfig,
        sections: state.orderedSections(),
        outputs: state.outputs,
    };
}
/**
 * Everything after the images: the cluster (while they build, unless build-first), the one load,
 * deploy, suite and the evidence finalizers. The manifests are loaded before any task starts.
 */
async function stackTasks({ config, plan, host, state, images, }) {
    const deployPlan = await (0,deploy/* prepareDeploy */.hz)(config, plan, images.decisions, host.repoRoot);
    // The run's own outputs go to the work directory, never into the repository: a report left in
    // the build context would change the images' content hashes on the next run.
    const coverageDir = plan.coverage.enabled ? (0,external_node_path_.join)(host.workDir, config.cluster.coverageHostDir) : undefined;
    const imageIds = plan.images.map((image) => imageTaskId(image.name));
    return [
        ...imagePhaseTasks({
            ...images,
            load: {
                kind: { loadImageArchive: (archive) => state.requireKind().loadImageArchive(archive) },
                workDir: (0,external_node_path_.join)(host.workDir, 'images'),
                needs: [CLUSTER_TASK_ID],
            },
        }),
        clusterTask({ config, host, state, provider: images.engine.provider, coverageDir, needs: config.build.order === 'build-first' ? imageIds : [] }),
        (0,deploy/* deployTask */.ln)({ deployPlan, state, workDir: host.workDir, needs: [LOAD_TASK_ID] }),
        suiteTask({ config, plan, decisions: images.decisions, repoRoot: host.repoRoot, workDir: host.workDir, state, needs: [deploy/* DEPLOY_TASK_ID */.Ik] }),
        ...evidenceTasks({ config, plan, host, state, after: SUITE_TASK_ID }),
    ];
}
async function publishEvidence(config, host, state) {
    const outcome = await uploadEvidence({
        rootDir: host.workDir,
        paths: state.evidence,
        artifactName: config.report.artifactName,
        retentionDays: config.report.retentionDays,
        shard: config.suite.shard,
    }, host.log);
    if (outcome.artifact) {
        state.outputs['artifact-id'] = String(outcome.artifact.id);
        state.outputs['artifact-url'] = outcome.artifact.url;
    }
    state.addSections('evidence', {
        heading: 'Evidence',
        paragraphs: [
            outcome.artifact
                ? `Artifact [${outcome.artifact.name}](${outcome.artifact.url}): ${state.evidence.length} entries.`
                : `Not uploaded; the files are in \`${outcome.dir}\`.`,
            ...outcome.warnings.map((warning) => `⚠️ ${warning}`),
        ],
    });
}


/***/ })

};
