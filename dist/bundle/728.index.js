export const id = 728;
export const ids = [728];
export const modules = {

/***/ 46778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tz: () => (/* binding */ repositoryKindConfig),
/* harmony export */   Z8: () => (/* binding */ renderKindConfig),
/* harmony export */   tX: () => (/* binding */ COVERAGE_CONTAINER_PATH)
/* harmony export */ });
/* unused harmony export KIND_API_VERSION */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
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
        : { hostPath: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(options.coverageDir), containerPath: COVERAGE_CONTAINER_PATH };
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
    return { yaml: header + (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .stringify */ .As)(config, { lineWidth: 0, aliasDuplicateObjects: false }), warnings };
}
/**
 * A suite's own kind config, used as it is (the suite reuses a cluster only by its name, so the
 * cluster made ahead must be the one it would have made): only relative host paths of mounts
 * are made absolute against the repository, where the suite runs kind from. Checked as the
 * rendered config is: nodes, roles, host ports mapped twice, digest pinning.
 */
function repositoryKindConfig(options) {
    const config = parseUserConfig(options.userConfig);
    const { source } = options.userConfig;
    const warnings = [];
    const nodes = asList(config.nodes).map((raw, index) => {
        const where = `${source} nodes[${index}]`;
        const node = asMap(raw, where);
        const image = node.image === undefined ? undefined : String(node.image);
        if (image !== undefined && !DIGEST_PINNED.test(image))
            warnings.push(`${where}.image "${image}" is not pinned by digest`);
        const extraMounts = asList(node.extraMounts).map((mount, mountIndex) => {
            const entry = asMap(mount, `${where}.extraMounts[${mountIndex}]`);
            return { ...entry, hostPath: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(options.repoRoot, String(entry.hostPath)) };
        });
        return { node: extraMounts.length > 0 ? withMounts({ ...node, extraMounts }, where) : node, where };
    });
    checkPortConflicts(nodes.flatMap(({ node, where }) => asList(node.extraPortMappings).map((mapping, index) => ({
        value: asMap(mapping, `${where}.extraPortMappings[${index}]`),
        where: `${where}.extraPortMappings[${index}]`,
    }))));
    const rendered = { ...config, kind: 'Cluster', apiVersion: KIND_API_VERSION, ...(nodes.length > 0 ? { nodes: nodes.map(({ node }) => node) } : {}) };
    const header = `# ${source}, host paths made absolute by aianalysis-e2e\n`;
    return { yaml: header + (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .stringify */ .As)(rendered, { lineWidth: 0, aliasDuplicateObjects: false }), warnings };
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
        parsed = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(text);
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


/***/ }),

/***/ 71970:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aJ: () => (/* binding */ rewriteBuildPath),
/* harmony export */   jZ: () => (/* binding */ parseProfile),
/* harmony export */   jt: () => (/* binding */ measureCoverage),
/* harmony export */   l9: () => (/* binding */ formatPercent),
/* harmony export */   pn: () => (/* binding */ formatProfile)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
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
    const normalized = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(buildPath);
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
        const name = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(b.file);
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


/***/ }),

/***/ 98944:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EA: () => (/* binding */ coverageSection),
/* harmony export */   qR: () => (/* binding */ packageTableText)
/* harmony export */ });
/* unused harmony exports SUMMARY_PACKAGE_LIMIT, packageTable */
/* harmony import */ var _document_document_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4868);
/* harmony import */ var _coverage_profile_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71970);
/** How coverage reads in the job summary and in the package table file. */


/** More packages than this are listed in coverage-packages.txt only. */
const SUMMARY_PACKAGE_LIMIT = 60;
const code = (text) => `\`${text}\``;
function packageTable(totals, limit = Infinity) {
    return {
        header: ['Package', 'Statements', 'Covered', 'Coverage'],
        rows: totals.packages
            .slice(0, limit)
            .map((p) => [p.package, String(p.statements), String(p.covered), `${(0,_coverage_profile_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPercent */ .l9)(p.percent)}%`]),
        numeric: [1, 2, 3],
    };
}
/** The whole table, with the total as its last line. */
function packageTableText(totals) {
    const table = packageTable(totals);
    const total = totals.percent === undefined ? '-' : `${(0,_coverage_profile_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPercent */ .l9)(totals.percent)}%`;
    table.rows.push(['total', String(totals.statements), String(totals.covered), total]);
    const doc = [{ table }];
    return (0,_document_document_js__WEBPACK_IMPORTED_MODULE_0__/* .renderText */ .S5)(doc);
}
function coverageSection({ totals, deployments, warnings }) {
    const from = deployments.length === 0 ? '' : ` from ${deployments.map(code).join(', ')}`;
    const paragraphs = [];
    if (totals?.percent === undefined) {
        paragraphs.push(`No coverage was measured${from}.`);
    }
    else {
        const packages = totals.packages.length;
        paragraphs.push(`**${(0,_coverage_profile_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPercent */ .l9)(totals.percent)}%** of statements covered (${totals.covered} of ${totals.statements}) ` +
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


/***/ }),

/***/ 42514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rp: () => (/* reexport */ clearCoverageHostDir),
  fm: () => (/* binding */ collectCoverage),
  gf: () => (/* binding */ coverageRequestFrom)
});

// UNUSED EXPORTS: DEFAULT_COVERAGE_TIMEOUTS

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/cluster/config.ts
var config = __webpack_require__(46778);
// EXTERNAL MODULE: ./src/kube/changes.ts
var changes = __webpack_require__(58112);
// EXTERNAL MODULE: ./src/kube/apply.ts
var apply = __webpack_require__(89501);
// EXTERNAL MODULE: ./src/kube/errors.ts
var errors = __webpack_require__(23646);
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
        return { target, podsGone: false, problem: `cannot scale ${label} to 0: ${(0,errors/* describeKubeError */.j3)(error, kube.callTimeoutMs)}` };
    }
    const pollIntervalMs = options.pollIntervalMs ?? 2000;
    let left = [];
    const gone = await (0,until/* until */.T)(async () => {
        try {
            left = (await kube.core.listNamespacedPod({ namespace, labelSelector: selector })).items.map((p) => p.metadata?.name ?? '');
        }
        catch (error) {
            kube.signal?.throwIfAborted();
            options.log.debug(`cannot list the pods of ${label}: ${(0,errors/* describeKubeError */.j3)(error, kube.callTimeoutMs)}`);
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
var process = __webpack_require__(26556);
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
    await (0,promises_.mkdir)(dir, { recursive: true });
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
        await (0,promises_.rm)(staging, { recursive: true, force: true });
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
        names = await (0,promises_.readdir)(hostDir);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return;
        throw error;
    }
    await Promise.all(names.filter(isCoverageFile).map((name) => (0,promises_.rm)((0,external_node_path_.join)(hostDir, name), { force: true })));
}
async function coverageFiles(dir) {
    return (await (0,promises_.readdir)(dir)).filter(isCoverageFile).sort();
}
async function copyFromHost(hostDir, dest) {
    let names;
    try {
        names = (await (0,promises_.readdir)(hostDir)).filter(isCoverageFile);
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
            await (0,promises_.copyFile)((0,external_node_path_.join)(hostDir, name), (0,external_node_path_.join)(dest, name));
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
    await (0,promises_.mkdir)(staging, { recursive: true });
    // `<dir>/.` copies the folder's content rather than the folder itself (docker and podman alike).
    let result;
    try {
        result = await (0,process/* run */.eF)(sources.engine, ['cp', `${node}:${sources.podDir}/.`, staging], {
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
        await (0,promises_.rename)((0,external_node_path_.join)(staging, name), (0,external_node_path_.join)(dest, name));
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
        await (0,promises_.mkdir)(asideDir, { recursive: true });
        await (0,promises_.rename)((0,external_node_path_.join)(dir, name), (0,external_node_path_.join)(asideDir, name));
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
        result = await (0,process/* run */.eF)(go, ['tool', 'covdata', ...args], {
            cwd: options.cwd,
            // Convert with the Go that is installed, never a downloaded one.
            env: { ...options.env, GOTOOLCHAIN: 'local' },
            log: options.log,
            timeoutMs: options.timeoutMs,
            signal: options.signal,
        });
    }
    catch (error) {
        if (error instanceof process/* ProgramNotFoundError */.oo) {
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

// EXTERNAL MODULE: ./src/collect/coverage-profile.ts
var coverage_profile = __webpack_require__(71970);
// EXTERNAL MODULE: ./src/collect/coverage-section.ts
var coverage_section = __webpack_require__(98944);
// EXTERNAL MODULE: ./src/util/file-write.ts
var file_write = __webpack_require__(84958);
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











const PROFILE_FILE = 'coverage.out';
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
        profile: written.find((file) => file === (0,external_node_path_.join)(request.outDir, PROFILE_FILE)),
        section: (0,coverage_section/* coverageSection */.EA)({ totals, deployments: request.deployments, warnings }),
        outputs: percent === undefined ? {} : { 'coverage-percent': (0,coverage_profile/* formatPercent */.l9)(percent) },
    };
}
/** Stops the pods, gathers and checks the data; undefined when nothing could be measured. Files written go to `written`. */
async function measure(request, warnings, warn, written) {
    const { log, outDir } = request;
    const timeouts = { ...DEFAULT_COVERAGE_TIMEOUTS, ...request.timeouts };
    await (0,promises_.rm)(outDir, { recursive: true, force: true });
    await (0,promises_.mkdir)(outDir, { recursive: true });
    // Go writes the counters when the process exits: the pods must be gone before the data is read.
    const targets = request.deployments.map((name) => ({ namespace: request.namespace, name }));
    const outcomes = await scaleToZero(request.kube, targets, { timeoutMs: timeouts.scaleMs, log });
    const notStopped = outcomes.filter((o) => !o.podsGone).map((o) => o.target.name);
    warnings.push(...outcomes.flatMap((o) => (o.problem ? [o.problem] : []))); // scaleToZero logged them
    const gathered = await gatherCoverageData({ hostDir: request.hostDir, podDir: request.podDir, nodes: request.nodes, engine: request.engine, env: request.env,
        log, timeoutMs: timeouts.toolMs, signal: request.signal }, outDir);
    written.push(...gathered.files, ...gathered.setAside);
    const diagnosis = diagnoseCoverageData({
        gathered, hostDir: request.hostDir, podDir: request.podDir, mountPath: config/* COVERAGE_CONTAINER_PATH */.tX,
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
    const profilePath = (0,external_node_path_.join)(outDir, PROFILE_FILE);
    const conversion = await convertCoverageData(dataDir, profilePath, {
        go: request.go, env: request.env, cwd: outDir, log, timeoutMs: toolMs, signal: request.signal,
    });
    if (!conversion.ok) {
        warn(conversion.problem);
        return undefined;
    }
    const percentPath = (0,external_node_path_.join)(outDir, 'covdata-percent.txt');
    await (0,file_write/* writeNamedFile */.Bl)(percentPath, conversion.percentOutput);
    written.push(percentPath);
    const target = (await modulePathOf(request.repoRoot)) ?? '.';
    const rewrite = (0,coverage_profile/* rewriteBuildPath */.aJ)((0,coverage_profile/* parseProfile */.jZ)(await (0,promises_.readFile)(profilePath, 'utf8'), profilePath), request.buildPath, target);
    if (rewrite.foreign.length > 0) {
        warn(`coverage.out names files outside the build path ${request.buildPath} (${rewrite.foreign.slice(0, 3).join(', ')}` +
            `${rewrite.foreign.length > 3 ? ', …' : ''}): they cannot be mapped to the repository; set coverage.buildPath to ` +
            "the images' source folder (their WORKDIR).");
    }
    await (0,file_write/* writeNamedFile */.Bl)(profilePath, (0,coverage_profile/* formatProfile */.pn)(rewrite.profile));
    written.push(profilePath);
    log.info(`coverage.out written; ${rewrite.rewritten} block(s) moved from ${request.buildPath} to ${target}`);
    const totals = (0,coverage_profile/* measureCoverage */.jt)(rewrite.profile);
    if (totals.percent === undefined)
        warn('coverage.out holds no statements: there is no coverage to report.');
    const tablePath = (0,external_node_path_.join)(outDir, 'coverage-packages.txt');
    await (0,file_write/* writeNamedFile */.Bl)(tablePath, (0,coverage_section/* packageTableText */.qR)(totals));
    written.push(tablePath);
    return totals;
}
/** The module path of the repository's go.mod, if it has one. */
async function modulePathOf(repoRoot) {
    let text;
    try {
        text = await (0,promises_.readFile)((0,external_node_path_.join)(repoRoot, 'go.mod'), 'utf8');
    }
    catch {
        return undefined;
    }
    return /^module\s+"?([^\s"]+)"?\s*$/m.exec(text)?.[1];
}


/***/ }),

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
/* harmony import */ var _github_services_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(31463);
/**
 * The `local` build cache directory (buildx only): kept between workflow runs with the GitHub
 * cache, and bounded to one build's worth. buildx's local exporter adds to a directory without
 * ever removing anything, so each build writes a fresh directory that then replaces the old one.
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
async function restoreLocalCache(cache, dir, image, contentHash, log) {
    if (cache === undefined)
        return false;
    const { key, restoreKeys } = localCacheKey(image, contentHash);
    try {
        const hit = await cache.restore([dir], key, restoreKeys);
        log.info(hit ? `build cache of ${image} restored from ${hit}` : `no build cache of ${image} yet`);
        return hit !== undefined;
    }
    catch (error) {
        log.warning(`could not restore the build cache of ${image}: ${error.message}`);
        return false;
    }
}
/** Saves `dir` under this image's key; a key that exists already (same content) is left alone. */
async function saveLocalCache(cache, dir, image, contentHash, log) {
    if (cache === undefined)
        return;
    const { key } = localCacheKey(image, contentHash);
    try {
        await cache.save([dir], key);
        log.info(`build cache of ${image} saved as ${key}`);
    }
    catch (error) {
        if (error instanceof _github_services_js__WEBPACK_IMPORTED_MODULE_1__/* .CacheEntryExistsError */ .V)
            log.info(`build cache ${key} exists already`);
        else
            log.warning(`could not save the build cache of ${image}: ${error.message}`);
    }
}


/***/ }),

/***/ 2153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Bp: () => (/* binding */ CliEngine),
  fM: () => (/* binding */ lastLine),
  E8: () => (/* binding */ withTempDir)
});

// UNUSED EXPORTS: onlyMissingImages

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
/**
 * The `cache` input turned into build flags for each engine. Only buildx can export a cache on its
 * own; the other engines fall back to what they can do and say so.
 *
 * | cache    | docker (buildx)                                    | docker (classic BuildKit)                         | podman (buildah)                                  |
 * |----------|----------------------------------------------------|---------------------------------------------------|---------------------------------------------------|
 * | gha      | --cache-from/--cache-to type=gha,scope=<image>     | warning; inline cache metadata                    | warning; local layers only                        |
 * |          | (mode=max); ACTIONS_* variables passed through     | (BUILDKIT_INLINE_CACHE=1), local layers           |                                                   |
 * | registry | --cache-from type=registry,ref=<repo>:buildcache;  | --cache-from <repo>:buildcache +                  | --cache-from <repo>-buildcache; --cache-to the    |
 * |          | --cache-to …,mode=max when pushing is allowed      | BUILDKIT_INLINE_CACHE=1; the image is pushed as   | same when pushing is allowed (buildah pushes one  |
 * |          |                                                    | <repo>:buildcache when pushing is allowed         | tag per cached step, hence a repository of its own)|
 * | local    | --cache-from type=local,src=<dir>; --cache-to      | warning; the daemon's own layer cache             | warning; local layers only                        |
 * |          | type=local,dest=<dir>.next,mode=max, then rotated  |                                                   |                                                   |
 * |          | into <dir> (so the directory holds one build)      |                                                   |                                                   |
 * | off      | nothing                                            | nothing                                           | nothing                                           |
 *
 * `off` means no cache import or export: local layers are still reused (never `--no-cache`,
 * which once cost a run 15 minutes of rebuilding).
 */


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
// EXTERNAL MODULE: ./src/util/process.ts + 2 modules
var util_process = __webpack_require__(26556);
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

// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(26518);
;// CONCATENATED MODULE: ./src/engine/stall.ts
/**
 * A transfer (pull, push) that makes no progress is ended instead of waiting for the run's
 * timeout: a registry that accepts the connection and never answers holds `docker pull` for as
 * long as the job may run. Progress is output: the engines print a line for every layer that
 * starts, finishes or is verified, so a transfer silent for longer than `build.stallSeconds` is
 * stalled. The stop is classified transient, so the image task retries it.
 */

class StallWatch {
    ms;
    controller = new AbortController();
    timer;
    stalledFlag = false;
    constructor(ms) {
        this.ms = ms;
        this.arm();
    }
    /** Aborted when no progress came for `ms`. */
    get signal() {
        return this.controller.signal;
    }
    get stalled() {
        return this.stalledFlag;
    }
    /** A sign of life: the clock starts again. */
    progress() {
        if (this.stalledFlag)
            return;
        clearTimeout(this.timer);
        this.arm();
    }
    stop() {
        clearTimeout(this.timer);
    }
    arm() {
        this.timer = setTimeout(() => {
            this.stalledFlag = true;
            this.controller.abort(new Error(`no progress for ${(0,duration/* formatDuration */.a)(this.ms)}`));
        }, this.ms);
    }
}
function stalledClassification(ms) {
    return {
        class: 'transient',
        rule: 'stalled',
        reason: `it made no progress (printed nothing) for ${(0,duration/* formatDuration */.a)(ms)}: the registry or the network stalled (build.stallSeconds)`,
        recovery: 'backoff',
    };
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
        const { stallMs } = this.options;
        const stall = call.transfer && stallMs !== undefined ? new StallWatch(stallMs) : undefined;
        const signal = stall && options.signal ? AbortSignal.any([options.signal, stall.signal]) : (stall?.signal ?? options.signal);
        const result = await this.execute(call, { ...options, signal }, stall);
        stall?.stop();
        const ended = !result.timedOut && !result.cancelled && result.exitCode !== null;
        if (ended && (result.exitCode === 0 || call.isAnswer?.(result)))
            return result;
        throw this.failure(call, result, stall?.stalled ? stallMs : undefined);
    }
    /** Runs the call and returns whatever happened, never throwing for a failed command (probes). */
    async probe(args, options = {}) {
        return this.execute({ operation: args[0] ?? '', subject: '', args, timeout: 'query' }, options);
    }
    execute(call, options, stall) {
        const log = options.log ?? this.options.log;
        const title = `${this.options.name} ${call.operation} ${call.subject}`.trim();
        return (0,util_process/* run */.eF)(this.options.program, call.args, {
            env: { ...this.options.env, ...call.env },
            input: call.input,
            onStdin: call.onStdin,
            stdoutTo: call.stdoutTo,
            log,
            group: call.showOutput ? title : undefined,
            quiet: !call.showOutput,
            timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUTS_MS[call.timeout],
            signal: options.signal,
            onLine: (line, stream) => {
                stall?.progress();
                call.onLine?.(line, stream);
            },
            installHint: this.options.installHint,
        });
    }
    /** `stalledAfterMs`: the call was stopped for printing nothing that long. */
    failure(call, result, stalledAfterMs) {
        const stalled = stalledAfterMs !== undefined;
        const classification = stalled ? stalledClassification(stalledAfterMs) : result.cancelled ? CANCELLED : classifyEngineFailure(failureOf(result));
        return new errors/* EngineError */.N({
            command: `${this.options.name} ${call.operation}`,
            subject: call.subject,
            classification,
            exitCode: result.exitCode,
            timedOut: result.timedOut,
            cancelled: result.cancelled && !stalled,
            stalled,
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










class CliEngine {
    cli;
    constructor(cli, options) {
        this.cli = new EngineCli({ ...cli, log: options.log, env: options.env, stallMs: options.stallMs });
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
        await this.cli.call({ operation: 'pull', subject: reference, args, timeout: 'pull', showOutput: true, transfer: true }, options);
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
    async saveTo(references, sink, options = {}) {
        if (references.length === 0)
            throw new Error('save needs at least one image');
        const subject = `${references.length} image(s) to a stream`;
        await this.cli.call({ operation: 'save', subject, args: ['save', ...this.saveFlags, ...references], timeout: 'save', stdoutTo: sink }, options);
    }
    // A load is never stopped part-way, not even by a cancel: podman stopped while it commits an
    // image leaves a record without its manifest, which breaks every later podman command on the
    // machine. It ends by itself (a cut stream ends it too) or by its timeout.
    async load(archive, options = {}) {
        await this.cli.call({ operation: 'load', subject: archive, args: ['load', '-i', archive], timeout: 'save' }, { ...options, signal: undefined });
    }
    async loadFrom(onStdin, options = {}) {
        await this.cli.call({ operation: 'load', subject: '(a stream)', args: ['load'], timeout: 'save', onStdin }, { ...options, signal: undefined });
    }
    async remove(references, options = {}) {
        if (references.length === 0)
            return;
        await this.cli.call({ operation: 'image rm', subject: references.join(' '), args: ['image', 'rm', ...references], timeout: 'query' }, options);
    }
    async removeDangling(ids, options = {}) {
        const none = { imagesRemoved: 0, bytesReclaimed: 0 };
        if (ids.length === 0)
            return none;
        const listed = await this.cli.call({ operation: 'images', subject: '(dangling)', args: ['images', '--filter', 'dangling=true', '--quiet', '--no-trunc'], timeout: 'query' }, options);
        const dangling = new Set(listed.stdout.split('\n').map((line) => line.trim()).filter(Boolean).map(withAlgorithm));
        const targets = [...new Set(ids.map(withAlgorithm))].filter((id) => dangling.has(id));
        if (targets.length === 0)
            return none;
        const inspected = await this.cli.call({ operation: 'image inspect', subject: targets.join(' '), args: ['image', 'inspect', ...targets], timeout: 'query' }, options);
        const sizes = new Map(JSON.parse(inspected.stdout).map((raw) => [withAlgorithm(String(raw.Id)), Number(raw.Size ?? 0)]));
        await this.remove(targets, options);
        return { imagesRemoved: targets.length, bytesReclaimed: targets.reduce((sum, id) => sum + (sizes.get(id) ?? 0), 0) };
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


/***/ }),

/***/ 43383:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  X: () => (/* binding */ selectEngine)
});

// EXTERNAL MODULE: ./src/config/index.ts + 15 modules
var config = __webpack_require__(65424);
// EXTERNAL MODULE: ./src/util/process.ts + 2 modules
var process = __webpack_require__(26556);
// EXTERNAL MODULE: ./src/engine/cli-engine.ts + 6 modules
var cli_engine = __webpack_require__(2153);
;// CONCATENATED MODULE: ./src/engine/docker.ts
/**
 * Docker, building either with the buildx plugin (`docker buildx build --load`) or with the
 * BuildKit built into the client (`DOCKER_BUILDKIT=1 docker build`, e.g. Debian's docker 20.10).
 */


/** How `docker image inspect` says an image is not there (20.10: `Error: No such image: x`). */
const DOCKER_MISSING_IMAGE = /no such image/i;
const PUSHED_DIGEST = /digest: (sha256:[0-9a-f]{64})/;
class DockerEngine extends cli_engine/* CliEngine */.Bp {
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
        const result = await this.cli.call({ operation: 'push', subject: reference, args: ['push', reference], timeout: 'push', showOutput: true, transfer: true }, options);
        const digest = PUSHED_DIGEST.exec(result.stdout)?.[1];
        return digest === undefined ? {} : { digest };
    }
    async health(options = {}) {
        const result = await this.cli.probe(['version', '--format', '{{.Server.Version}}'], options);
        const version = result.stdout.trim();
        if (result.exitCode === 0 && version !== '')
            return { ok: true, detail: `docker daemon ${version}` };
        return { ok: false, detail: (0,cli_engine/* lastLine */.fM)(result.tail) ?? `docker version failed (exit code ${result.exitCode})` };
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
        const result = await (0,process/* run */.eF)(program, args, {
            log: options.log ?? this.dockerOptions.log,
            timeoutMs: options.timeoutMs ?? 120_000,
            signal: options.signal,
            env: this.dockerOptions.env,
        });
        if (result.exitCode === 0)
            return { restarted: true, detail: `restarted the docker daemon with ${result.command}` };
        return { restarted: false, detail: `${result.command} failed (exit code ${result.exitCode}): ${(0,cli_engine/* lastLine */.fM)(result.tail) ?? ''}` };
    }
}

// EXTERNAL MODULE: ./src/engine/podman.ts
var engine_podman = __webpack_require__(27049);
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
    const dockerEngine = (builder) => new DockerEngine({ program: docker, builder, log: setup.log, env: setup.env, restartCommand: setup.dockerRestartCommand, stallMs: setup.stallMs });
    const podmanEngine = () => new engine_podman/* PodmanEngine */.e({ program: podman, log: setup.log, env: setup.env, stallMs: setup.stallMs });
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
        const result = await (0,process/* run */.eF)(program, args, {
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
        if (error instanceof process/* ProgramNotFoundError */.oo)
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
    if (details.stalled)
        how = 'stalled';
    else if (details.timedOut)
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

/***/ 27049:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ PodmanEngine)
/* harmony export */ });
/* unused harmony export PODMAN_MISSING_IMAGE */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _cli_engine_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2153);
/* harmony import */ var _references_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(61426);
/** Podman: builds with buildah (`podman build`), no daemon for a local rootful or rootless CLI. */




/** How `podman image inspect` says an image is not there (`…: image not known`). */
const PODMAN_MISSING_IMAGE = /image not known/i;
class PodmanEngine extends _cli_engine_js__WEBPACK_IMPORTED_MODULE_2__/* .CliEngine */ .Bp {
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
        return registry !== undefined && (0,_references_js__WEBPACK_IMPORTED_MODULE_3__/* .isLoopbackRegistry */ .jW)(registry) ? ['--tls-verify=false'] : [];
    }
    labelsIn(raw) {
        return raw.Labels;
    }
    /** The registry's digest comes from --digestfile: podman's own RepoDigests describe its local copy. */
    async push(reference, options = {}) {
        return (0,_cli_engine_js__WEBPACK_IMPORTED_MODULE_2__/* .withTempDir */ .E8)(async (dir) => {
            const digestFile = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'digest');
            await this.cli.call({
                operation: 'push',
                subject: reference,
                args: ['push', ...this.registryFlags((0,_references_js__WEBPACK_IMPORTED_MODULE_3__/* .registryOf */ .Fv)(reference)), '--digestfile', digestFile, reference],
                timeout: 'push',
                showOutput: true,
                transfer: true,
            }, options);
            const digest = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(digestFile, 'utf8')).trim();
            return digest === '' ? {} : { digest };
        });
    }
    async health(options = {}) {
        const result = await this.cli.probe(['info', '--format', '{{.Version.Version}}'], options);
        const version = result.stdout.trim();
        if (result.exitCode === 0 && version !== '')
            return { ok: true, detail: `podman ${version}` };
        return { ok: false, detail: (0,_cli_engine_js__WEBPACK_IMPORTED_MODULE_2__/* .lastLine */ .fM)(result.tail) ?? `podman info failed (exit code ${result.exitCode})` };
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

/***/ 59399:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mo: () => (/* binding */ RegistryProbe)
/* harmony export */ });
/* unused harmony exports RegistryUnavailableError, RegistryAccessDeniedError, RegistryResponseError, registryEndpoint, parseChallenge */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65424);
/* harmony import */ var _references_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(61426);
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
    const parsed = (0,_config_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(text);
    const hub = parsed.registry === undefined || DOCKER_HUB_ALIASES.has(parsed.registry);
    const host = hub ? DOCKER_HUB.api : parsed.registry;
    const scheme = (0,_references_js__WEBPACK_IMPORTED_MODULE_2__/* .isLoopbackRegistry */ .jW)(host) ? 'http' : 'https';
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
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(wait);
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


/***/ }),

/***/ 17400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MK: () => (/* binding */ imageTaskId),
/* harmony export */   NM: () => (/* binding */ pushTaskId),
/* harmony export */   t$: () => (/* binding */ TRANSFER_MEMORY_MIB),
/* harmony export */   y6: () => (/* binding */ imageTasks)
/* harmony export */ });
/* unused harmony exports CONTENT_HASH_LABEL, INPUTS_MODE_LABEL, INPUTS_DIGEST_LABEL */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65424);
/* harmony import */ var _engine_cache_store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(36928);
/* harmony import */ var _engine_references_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(61426);
/**
 * One task per image of the plan, doing what its source decision says (reuse, pull or build),
 * and one push task per built image when pushing is allowed. Every image is built at most once
 * per run; later phases take the reference from the task's result.
 */




/** The label every built image carries: the content hash its tag was derived from. */
const CONTENT_HASH_LABEL = 'io.github.kubernaut.aianalysis-e2e.content-hash';
/** Labels of the inputs the content hash was computed from: the mode used and the full digest. */
const INPUTS_MODE_LABEL = 'io.github.kubernaut.aianalysis-e2e.inputs-mode';
const INPUTS_DIGEST_LABEL = 'io.github.kubernaut.aianalysis-e2e.inputs-digest';
function inputsLabels(inputs) {
    return { [INPUTS_MODE_LABEL]: inputs.mode, [INPUTS_DIGEST_LABEL]: `sha256:${inputs.digest}` };
}
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
            const outcome = await recovery.track(id, building ? image.name : undefined, () => obtain(image, decision, options, ctx));
            outcome.result.seconds = (Date.now() - startedAt) / 1000;
            ctx.span.set('result', outcome.result.source);
            return outcome;
        },
    };
}
async function obtain(image, decision, options, ctx) {
    const { source, reference } = decision;
    const { engine } = options;
    const call = { signal: ctx.signal, log: ctx.log };
    if (source === 'build')
        return build(image, decision, options, ctx);
    if (source === 'pull')
        await engine.pull(reference, call);
    const info = await engine.inspect(reference, call);
    return {
        result: {
            name: image.name,
            reference,
            digest: (0,_engine_references_js__WEBPACK_IMPORTED_MODULE_3__/* .digestIn */ .s)(info.repoDigests, reference),
            id: info.id,
            source: source === 'pull' ? 'pulled' : 'reused',
            seconds: 0,
            sizeBytes: info.sizeBytes,
        },
    };
}
async function build(image, { reference, inputs }, options, ctx) {
    const { engine } = options;
    const call = { signal: ctx.signal, log: ctx.log };
    const contentHash = (0,_config_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(reference).tag ?? '';
    const cache = cacheSpec(image, options);
    const localCache = cache.mode === 'local' && engine.kind === 'docker-buildx' ? cache.localDir : undefined;
    const kept = localCache ? await options.cache.github?.cache() : undefined;
    if (localCache)
        await (0,_engine_cache_store_js__WEBPACK_IMPORTED_MODULE_2__/* .restoreLocalCache */ .k)(kept, localCache, image.name, contentHash, ctx.log);
    const built = await engine.build({
        reference,
        dockerfile: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(options.repoRoot, image.dockerfile),
        context: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(options.repoRoot, image.context),
        buildArgs: image.buildArgs,
        target: image.target,
        platform: image.platform,
        labels: { [CONTENT_HASH_LABEL]: contentHash, ...(inputs ? inputsLabels(inputs) : {}) },
        cache,
    }, call);
    if (localCache)
        await (0,_engine_cache_store_js__WEBPACK_IMPORTED_MODULE_2__/* .saveLocalCache */ .jQ)(kept, localCache, image.name, contentHash, ctx.log);
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
        ...(localDir === undefined ? {} : { localDir: node_path__WEBPACK_IMPORTED_MODULE_0___default().join(localDir, image.name) }),
        write: mode !== 'registry' || options.push.allowed,
    };
}
function pushTask(image, options) {
    const { engine, recovery, pushDeadline: deadline } = options;
    const id = pushTaskId(image.name);
    let span;
    /** What the registry said last: a push stopped by the deadline names it. */
    let lastFailure;
    const policy = recovery.policy(id, () => span);
    return {
        id,
        title: `Push image ${image.name}`,
        phase: 'images',
        needs: [imageTaskId(image.name)],
        weight: { memoryMiB: TRANSFER_MEMORY_MIB },
        optional: deadline !== undefined,
        retry: deadline ? { ...policy, isRetryable: (error) => !deadline.aborted && policy.isRetryable(error) } : policy,
        run: async (ctx) => {
            span = ctx.span;
            const { result, cacheReference } = ctx.result(imageTaskId(image.name));
            const call = { signal: deadline ? AbortSignal.any([ctx.signal, deadline]) : ctx.signal, log: ctx.log };
            try {
                return await recovery.track(id, undefined, async () => {
                    const pushed = await engine.push(result.reference, call);
                    if (cacheReference)
                        await engine.push(cacheReference, call);
                    ctx.span.set('digest', pushed.digest ?? '');
                    return { digest: pushed.digest ?? null };
                });
            }
            catch (error) {
                if (!deadline?.aborted || ctx.signal.aborted) {
                    lastFailure = error.message.split('\n')[0];
                    throw error;
                }
                // Stopped by the deadline, the push says so rather than "cancelled", and why it was not done.
                throw new Error(`${deadline.reason.message}${lastFailure ? `; before that: ${lastFailure}` : ''}`);
            }
        },
    };
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

/***/ 53168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  NI: () => (/* binding */ CLUSTER_TASK_ID),
  WI: () => (/* binding */ clusterTask),
  Gk: () => (/* binding */ kindConfigOf)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/cluster/config.ts
var cluster_config = __webpack_require__(46778);
// EXTERNAL MODULE: ./src/collect/coverage.ts + 4 modules
var coverage = __webpack_require__(42514);
// EXTERNAL MODULE: ./src/cluster/install.ts + 1 modules
var install = __webpack_require__(58899);
// EXTERNAL MODULE: ./src/cluster/kind.ts + 2 modules
var cluster_kind = __webpack_require__(18443);
// EXTERNAL MODULE: ./src/cluster/ownership.ts
var ownership = __webpack_require__(90203);
// EXTERNAL MODULE: ./src/kube/client.ts
var client = __webpack_require__(31934);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(26518);
// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/index.js + 875 modules
var dist = __webpack_require__(12901);
// EXTERNAL MODULE: ./src/kube/until.ts
var until = __webpack_require__(92065);
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
        if (error instanceof dist/* ApiException */.UJ4 && error.code === 404)
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
// recreated, transient failures retried) and wait until it can take workloads. For a suite that
// creates or reuses its cluster itself, the cluster is made ahead from the suite's own kind
// config (the suite then reuses it), or only a stale one is cleared out of its way.











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
            const installed = await (0,install/* installKind */.C3)({ version: cluster.kindVersion, log: ctx.log, signal: ctx.signal, addPath: host.addPath, toolCache: host.github.toolCache });
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
            // The suite calls `kind` itself: the one installed here comes first on its PATH.
            state.toolDirs.push((0,external_node_path_.dirname)(installed.path));
            await (0,ownership/* claimCluster */.vC)(options.provider, cluster.name, await kind.clusterExists());
            // Recorded before creating, so that the post step also removes a half-made cluster (or the
            // one the suite made under this name).
            const record = { name: cluster.name, provider: options.provider, kindPath: installed.path, workDir, keep: cluster.keep, runId: ownership/* RUN_ID */.UC };
            host.saveState(state_keys/* CLUSTER_STATE_KEY */.N3, JSON.stringify(record));
            const { createAhead } = options.plan.cluster;
            if (!createAhead.create) {
                const found = await kind.removeStale();
                ctx.span.note(`not created ahead: ${createAhead.reason}`);
                if (found === 'healthy')
                    ctx.log.warning(`A running cluster named ${cluster.name} exists: the suite will reuse it as it is`, { title: 'Kind cluster' });
                return { name: cluster.name, createdAhead: false };
            }
            if (options.coverageDir) {
                // Counters of an earlier run in a reused folder would be counted as this run's.
                await (0,coverage/* clearCoverageHostDir */.rp)(options.coverageDir);
                await (0,promises_.mkdir)(options.coverageDir, { recursive: true });
            }
            const startedAt = Date.now();
            const rendered = await kindConfigOf(config, options.plan, host.repoRoot, options.coverageDir);
            for (const warning of rendered.warnings)
                ctx.log.warning(warning, { title: 'Kind config' });
            const created = await kind.createCluster({
                config: rendered.yaml,
                reuse: cluster.reuse,
                waitReady: ({ kubeconfigPath, signal }) => waitClusterReady((0,client/* connectKube */.mS)(kubeconfigPath, { callTimeoutMs: API_CALL_TIMEOUT_MS, signal }), {
                    timeoutMs: CLUSTER_READY_TIMEOUT_MS,
                }),
            });
            // A suite that sets up its stack writes its own kubeconfig when it reuses the cluster.
            if (options.plan.setup === 'action')
                state.kubeconfig = created.kubeconfigPath;
            else
                ctx.span.note(`made ahead, beside the images: the suite reuses it, and its setup no longer waits for ${(0,duration/* formatDuration */.a)(Date.now() - startedAt)} of cluster creation`);
            ctx.span.set('reused', created.reused);
            ctx.span.set('attempts', created.attempts);
            return created;
        },
    };
}
/**
 * The cluster's kind config: for a deployed stack, ours with the repository's merged in; for a
 * suite that sets up its own, the suite's config as it is. The dry run renders it too, so a
 * conflict (a node image pinned twice, a host port mapped twice) fails before any work.
 */
async function kindConfigOf(config, plan, repoRoot, coverageDir) {
    const { cluster } = config;
    const userConfig = cluster.kindConfig
        ? {
            text: await (0,promises_.readFile)((0,external_node_path_.join)(repoRoot, cluster.kindConfig), 'utf8').catch((error) => {
                throw new Error(`cluster.kindConfig ${cluster.kindConfig} cannot be read (${error.code ?? error.message}): fix the path, or leave it empty`);
            }),
            source: cluster.kindConfig,
        }
        : undefined;
    if (plan.setup === 'suite' && userConfig)
        return (0,cluster_config/* repositoryKindConfig */.Tz)({ userConfig, repoRoot });
    return (0,cluster_config/* renderKindConfig */.Z8)({
        nodeImage: cluster.nodeImage,
        portMappings: cluster.portMappings.map((mapping) => ({ ...mapping })),
        coverageDir,
        userConfig,
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

// EXTERNAL MODULE: ./src/util/file-write.ts
var file_write = __webpack_require__(84958);
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
        builtinFiles: src_config.BUILT_IN_MANIFESTS,
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
                    await (0,file_write/* writeNamedFile */.Bl)((0,external_node_path_.join)(dir, 'deploy-diagnosis.txt'), error.diagnoses.map(diagnosisText).join('\n\n'));
                    state.evidence.push('logs/deploy-diagnosis.txt');
                }
                throw error;
            }
        },
    };
}


/***/ }),

/***/ 18946:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VY: () => (/* binding */ HANDOFF_TASK_ID),
  y4: () => (/* binding */ handoffOf),
  ei: () => (/* binding */ handoffTask)
});

// UNUSED EXPORTS: handedImages

// EXTERNAL MODULE: ./src/engine/podman.ts
var podman = __webpack_require__(27049);
// EXTERNAL MODULE: ./src/engine/registry.ts
var registry = __webpack_require__(59399);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/handoff/tag.ts
/**
 * The hand-off tag: kubernaut's suite takes ONE tag for every service (KUBERNAUT_CI_ARTIFACT_TAG,
 * or IMAGE_TAG), while each image's identity is its own content-hash tag. The hand-off tag is
 * derived from all of them, so the same set of images always gets the same tag and any change
 * to one image gives a new one: a stale image can never answer to it.
 */

function handoffTag(images) {
    const lines = images.map((image) => `${image.repository}=${image.reference}`).sort();
    return `e2e-${(0,external_node_crypto_.createHash)('sha256').update(lines.join('\n'), 'utf8').digest('hex').slice(0, 24)}`;
}
/** Where kubernaut's suite looks for the image of `repository` with the hand-off tag. */
function artifactReference(repository, tag) {
    return `localhost/${repository}:${tag}`;
}
function registryHandoffReference(registry, repository, tag) {
    return `${registry}/${repository}:${tag}`;
}

;// CONCATENATED MODULE: ./src/handoff/handoff.ts

/** What the suite will be given for these images: computed alike by the dry run and the run. */
function planHandoff(mode, images, registry) {
    if (mode === 'none' || images.length === 0)
        return { mode: 'none', tag: '', env: {}, references: {} };
    const tag = handoffTag(images);
    const referenceOf = (image) => mode === 'registry' ? registryHandoffReference(registry, image.repository, tag) : artifactReference(image.repository, tag);
    return {
        mode,
        tag,
        env: mode === 'registry' ? { IMAGE_REGISTRY: registry, IMAGE_TAG: tag } : { KUBERNAUT_CI_ARTIFACT_TAG: tag },
        references: Object.fromEntries(images.map((image) => [image.name, referenceOf(image)])),
    };
}
async function handOver(options) {
    const { handoff } = options;
    if (handoff.mode === 'artifact-tag')
        return toPodman(options);
    if (handoff.mode === 'registry')
        return toRegistry(options);
    return { how: 'nothing handed over: the suite builds its own images' };
}
function pairs(options) {
    return options.images.map((image) => ({ name: image.name, source: image.reference, target: options.handoff.references[image.name] }));
}
async function toPodman(options) {
    const { engine, podman, signal, log } = options;
    const moves = pairs(options);
    const targets = moves.map((move) => move.target);
    const tag = (move) => engine.tag(move.source, move.target, { signal, log });
    // Docker's daemon takes tags side by side; concurrent `podman tag` calls on one image lose tags.
    if (engine.kind === 'podman')
        for (const move of moves)
            await tag(move);
    else
        await Promise.all(moves.map(tag));
    // Only the tags made here go; the content-hash tags stay. Done beside the check below.
    const removeTemporaryTags = () => engine.remove(targets, { signal, log }).catch((error) => log.warning(`could not remove the hand-off tags from ${engine.name}: ${error.message.split('\n')[0]}`));
    let how = 'tagged in podman';
    let removing = Promise.resolve();
    if (engine !== podman) {
        await streamArchive(engine, podman, targets, { signal, log }).catch(async (error) => {
            await removeTemporaryTags();
            throw error;
        });
        removing = removeTemporaryTags();
        how = `streamed from ${engine.name} to podman as one archive`;
    }
    const [held] = await Promise.all([podman.localImages(targets, { signal, log }), removing]);
    const missing = targets.filter((target) => !held.has(target));
    if (missing.length > 0)
        throw new Error(`podman does not hold ${missing.join(', ')} after the hand-off: the suite would build them`);
    return { how };
}
/**
 * `save | load` between the engines: one archive of every image through one pipe between the two
 * programs, so loading runs while saving and nothing is written to disk. A failed save only ends
 * the stream: the loader then fails on the cut archive by itself, and is never killed while it
 * writes to its store (a podman stopped mid-commit leaves an image record without its manifest):
 * a cancel stops the save, and the load ends with the stream. A failed load stops the save.
 */
async function streamArchive(from, to, references, options) {
    const stopSaving = new AbortController();
    const saveSignal = options.signal ? AbortSignal.any([options.signal, stopSaving.signal]) : stopSaving.signal;
    let saving = Promise.resolve();
    const loading = to
        .loadFrom((stdin) => {
        saving = from.saveTo(references, stdin, { signal: saveSignal, log: options.log }).finally(() => stdin.end());
    }, { log: options.log })
        .catch((error) => {
        stopSaving.abort();
        throw error;
    });
    const loaded = await Promise.allSettled([loading]);
    const [saved] = await Promise.allSettled([saving]);
    // The save's own failure says what is wrong (a missing image); the load's follows from it.
    if (saved.status === 'rejected')
        throw saved.reason;
    if (loaded[0].status === 'rejected')
        throw loaded[0].reason;
}
async function toRegistry(options) {
    const { engine, signal, log } = options;
    let pushed = 0;
    let present = 0;
    const refused = [];
    for (const move of pairs(options)) {
        if (await options.registryHas(move.target)) {
            present += 1;
        }
        else if (options.pushAllowed) {
            await engine.tag(move.source, move.target, { signal, log });
            await engine.push(move.target, { signal, log });
            pushed += 1;
        }
        else {
            refused.push(move.target);
        }
    }
    if (refused.length > 0) {
        throw new Error(`the registry lacks ${refused.join(', ')} and pushing is not allowed here (push is off, or a pull request from a fork): ` +
            "the suite's nodes could not pull them; use suite.handoff 'artifact-tag', or allow pushing");
    }
    return { how: `pushed ${pushed}, already in the registry ${present}` };
}

// EXTERNAL MODULE: ./src/images/image-tasks.ts
var image_tasks = __webpack_require__(17400);
;// CONCATENATED MODULE: ./src/pipeline/handoff.ts




const HANDOFF_TASK_ID = 'handoff';
/** The images as the suite knows them: by its service name, at their resolved reference. */
function handedImages(plan, decisions) {
    return plan.images.map((image) => ({
        name: image.name,
        repository: image.repository,
        reference: decisions.find((decision) => decision.image === image.name).reference,
    }));
}
function handoffOf(plan, decisions) {
    return planHandoff(plan.suite.handoff, handedImages(plan, decisions), plan.registry);
}
function handoffTask(options) {
    const { plan, engine, state } = options;
    const handoff = handoffOf(plan, options.decisions);
    return {
        id: HANDOFF_TASK_ID,
        title: handoff.mode === 'none' ? 'Hand the images to the suite (none: it builds them)' : `Hand the images to the suite (${handoff.mode} ${handoff.tag})`,
        phase: 'images',
        needs: plan.images.map((image) => (0,image_tasks/* imageTaskId */.MK)(image.name)),
        run: async (ctx) => {
            const { username, password } = options.config.registry;
            const probe = new registry/* RegistryProbe */.mo({ credentials: password ? { username, password } : undefined, log: ctx.log });
            const result = await handOver({
                handoff,
                images: handedImages(plan, options.decisions),
                engine,
                podman: engine.kind === 'podman' ? engine : new podman/* PodmanEngine */.e({ log: ctx.log }),
                registryHas: (reference) => probe.has(reference),
                pushAllowed: options.push.allowed,
                log: ctx.log,
                signal: ctx.signal,
            });
            state.handoff = handoff;
            ctx.span.note(result.how);
            return { ...handoff, how: result.how };
        },
    };
}


/***/ }),

/***/ 48489:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RI: () => (/* binding */ checkRunner),
/* harmony export */   VF: () => (/* binding */ requireReady),
/* harmony export */   k4: () => (/* binding */ runnerSection),
/* harmony export */   um: () => (/* binding */ runnerNeeds)
/* harmony export */ });
/* unused harmony exports MIN_CRUN, MIN_SUITE_KIND, PreflightError, goModVersions, compareVersions */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_process_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26556);
/**
 * The runner checked before any long phase: the tools the run will use, at versions that work.
 * Each problem is one line naming the fix (usually the workflow step to add), instead of an
 * obscure failure twenty minutes in:
 * - podman, when it builds, runs the kind nodes or takes the suite's images: `podman info` must
 *   answer, and with crun as its OCI runtime crun must be 1.14.3 or newer (older crun rejects the
 *   container configs podman writes: "crun: unknown version specified"; ubuntu-24.04 ships one);
 * - kind, when the suite sets up its own cluster: the release the action installs (and puts first
 *   on the suite's PATH) must be v0.32.0 or newer, which kubernaut's kind config needs;
 * - go, when the suite is a Go module: the `go` on PATH against go.mod's `go` and `toolchain`
 *   lines. An older go that may switch toolchains (go 1.21+, GOTOOLCHAIN not `local`) downloads
 *   the right one at every run: a warning; one that cannot is a problem.
 */




const MIN_CRUN = '1.14.3';
const MIN_SUITE_KIND = 'v0.32.0';
/** The first go that fetches the toolchain a go.mod asks for. */
const TOOLCHAIN_SWITCHING_GO = '1.21';
const PROBE_TIMEOUT_MS = 30_000;
class PreflightError extends Error {
    problems;
    constructor(problems) {
        super(`The runner is not ready; nothing was started:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
        this.problems = problems;
        this.name = 'PreflightError';
    }
}
/** What this run will use, by configuration and engine (`undefined` engine: not known yet, as in a dry run without one). */
function runnerNeeds(config, plan, repoRoot, engine) {
    const stack = !plan.imagesOnly;
    const provider = config.cluster.provider === 'auto' ? engine : config.cluster.provider;
    const suiteSetup = stack && plan.setup === 'suite';
    const goMod = node_path__WEBPACK_IMPORTED_MODULE_2__.posix.join(config.suite.workingDirectory, 'go.mod');
    return {
        podman: engine === 'podman' || (stack && (provider === 'podman' || suiteSetup)),
        ...(suiteSetup ? { suiteKind: config.cluster.kindVersion } : {}),
        ...(suiteSetup && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(repoRoot, goMod)) ? { goMod } : {}),
    };
}
async function checkRunner(needs, options) {
    const checks = [];
    if (needs.podman)
        checks.push(...(await checkPodman(options.signal)));
    if (needs.suiteKind !== undefined)
        checks.push(checkKind(needs.suiteKind));
    if (needs.goMod !== undefined)
        checks.push(await checkGo(options.repoRoot, needs.goMod, options.signal));
    return checks;
}
/** Throws PreflightError naming every problem; returns the warnings. */
function requireReady(checks) {
    const problems = checks.flatMap((check) => (check.problem ? [check.problem] : []));
    if (problems.length > 0)
        throw new PreflightError(problems);
    return checks.flatMap((check) => (check.warning ? [check.warning] : []));
}
function runnerSection(checks) {
    return {
        heading: 'Runner',
        table: {
            header: ['tool', 'found', 'verdict'],
            rows: checks.map((check) => [check.tool, check.found, check.problem ?? (check.warning ? `⚠️ ${check.warning}` : 'ok')]),
        },
    };
}
async function checkPodman(signal) {
    const install = 'add a step before this action: `sudo apt-get update && sudo apt-get install -y podman`';
    let result;
    try {
        result = await (0,_util_process_js__WEBPACK_IMPORTED_MODULE_3__/* .run */ .eF)('podman', ['info', '--format', 'json'], { quiet: true, timeoutMs: PROBE_TIMEOUT_MS, signal });
    }
    catch (error) {
        if (!(error instanceof _util_process_js__WEBPACK_IMPORTED_MODULE_3__/* .ProgramNotFoundError */ .oo))
            throw error;
        return [{ tool: 'podman', found: 'not found', problem: `podman is not on PATH and this run uses it: ${install}` }];
    }
    const info = parseJson(result.stdout);
    if (result.exitCode !== 0 || !info) {
        const why = result.tail.at(-1) ?? `exit code ${result.exitCode}`;
        return [{ tool: 'podman', found: 'not working', problem: `\`podman info\` failed (${why}): podman must run for the runner's user before this action starts` }];
    }
    const checks = [{ tool: 'podman', found: info.version?.Version ?? 'unknown version' }];
    const runtime = info.host?.ociRuntime;
    if (runtime?.name !== 'crun')
        return [...checks, { tool: 'OCI runtime', found: runtime?.name ?? 'unknown' }];
    const version = /crun version (\d+\.\d+(?:\.\d+)?)/.exec(runtime.version ?? '')?.[1];
    const found = `crun ${version ?? 'of an unknown version'}`;
    if (version !== undefined && compareVersions(version, MIN_CRUN) >= 0)
        return [...checks, { tool: 'OCI runtime', found }];
    return [
        ...checks,
        {
            tool: 'OCI runtime',
            found,
            problem: `podman runs containers with ${found} (${runtime.path ?? 'crun'}); crun older than ${MIN_CRUN} rejects podman's container configs ` +
                `("crun: unknown version specified"): add a step before this action that installs crun ${MIN_CRUN} or newer over ${runtime.path ?? 'that binary'}, ` +
                'such as a release binary from https://github.com/containers/crun/releases',
        },
    ];
}
function checkKind(version) {
    if (compareVersions(version, MIN_SUITE_KIND) >= 0)
        return { tool: 'kind', found: `${version} (installed by the action)` };
    return {
        tool: 'kind',
        found: version,
        problem: `kind ${version} is older than ${MIN_SUITE_KIND}, which the suite's kind config needs: set the input kind-version (cluster.kindVersion) to ${MIN_SUITE_KIND} or newer; the action installs it`,
    };
}
async function checkGo(repoRoot, goMod, signal) {
    const setupGo = `add \`actions/setup-go\` with \`go-version-file: ${goMod}\` before this action`;
    const wanted = goModVersions((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(repoRoot, goMod), 'utf8'));
    let result;
    try {
        // Outside the module: there, go would switch to (and download) the toolchain go.mod names.
        result = await (0,_util_process_js__WEBPACK_IMPORTED_MODULE_3__/* .run */ .eF)('go', ['env', 'GOVERSION', 'GOTOOLCHAIN'], { cwd: (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), quiet: true, timeoutMs: PROBE_TIMEOUT_MS, signal });
    }
    catch (error) {
        if (!(error instanceof _util_process_js__WEBPACK_IMPORTED_MODULE_3__/* .ProgramNotFoundError */ .oo))
            throw error;
        return { tool: 'go', found: 'not found', problem: `go is not on PATH and the suite builds with it (${goMod}): ${setupGo}` };
    }
    const [goVersion = '', toolchain = ''] = result.stdout.split('\n').map((line) => line.trim());
    const local = /^go(\d+\.\d+(?:\.\d+)?)/.exec(goVersion)?.[1];
    if (result.exitCode !== 0 || local === undefined) {
        return { tool: 'go', found: 'not working', problem: `\`go env GOVERSION\` failed (${result.tail.at(-1) ?? `exit code ${result.exitCode}`}): ${setupGo}` };
    }
    const found = `go ${local} (${goMod}: ${[wanted.go && `go ${wanted.go}`, wanted.toolchain && `toolchain go${wanted.toolchain}`].filter(Boolean).join(', ') || 'no version'})`;
    const required = [wanted.go, wanted.toolchain].filter((version) => version !== undefined).sort(compareVersions).at(-1);
    if (required === undefined || compareVersions(local, required) >= 0)
        return { tool: 'go', found };
    // GOTOOLCHAIN `local` (some distributions' default), `path` or `<name>+path` never download.
    const switches = compareVersions(local, TOOLCHAIN_SWITCHING_GO) >= 0 && !/^local$|^path$|\+path$/.test(toolchain);
    if (switches) {
        return { tool: 'go', found, warning: `go ${local} is older than go ${required} (${goMod}): go downloads go${required} at every run; ${setupGo}` };
    }
    return {
        tool: 'go',
        found,
        problem: `go ${local} is older than go ${required}, which ${goMod} requires, and cannot fetch it (GOTOOLCHAIN=${toolchain || 'unset'}): ${setupGo}`,
    };
}
/** go.mod's `go` and `toolchain` versions, without the `go` prefix of the latter. */
function goModVersions(text) {
    const go = /^go\s+(\d+\.\d+(?:\.\d+)?)\s*$/m.exec(text)?.[1];
    const toolchain = /^toolchain\s+go(\d+\.\d+(?:\.\d+)?)\s*$/m.exec(text)?.[1];
    return { ...(go ? { go } : {}), ...(toolchain ? { toolchain } : {}) };
}
/** Compares dotted versions (`v` prefix allowed; a missing part is 0). */
function compareVersions(a, b) {
    const parts = (version) => version.replace(/^v/, '').split('.').map(Number);
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
        const difference = (x[i] ?? 0) - (y[i] ?? 0);
        if (difference !== 0)
            return difference;
    }
    return 0;
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 76812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ resolveSources)
});

// EXTERNAL MODULE: ./src/engine/registry.ts
var registry = __webpack_require__(59399);
// EXTERNAL MODULE: ./src/image-inputs/hash.ts + 1 modules
var hash = __webpack_require__(24020);
// EXTERNAL MODULE: ./src/config/index.ts + 15 modules
var config = __webpack_require__(65424);
;// CONCATENATED MODULE: ./src/images/source.ts
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
        ...(image.inputs ? { inputs: image.inputs } : {}),
    }));
    switch (settings.mode) {
        case 'build':
            return withReferences.map((i) => ({ ...i, source: 'build', reason: "image-source is 'build'" }));
        case 'pull':
            return requireInRegistry(settings.registry, withReferences, probes);
        case 'artifact':
            // The dry run loads nothing: it shows where the images will come from.
            if (settings.artifact === undefined)
                return withReferences.map((i) => ({ ...i, source: 'reuse', reason: 'loaded from the images artifact when the run starts' }));
            return fromArtifact(images, settings.artifact, probes);
        case 'auto': {
            const local = await probes.localImages(withReferences.map((i) => i.reference));
            return Promise.all(withReferences.map((i) => local.has(i.reference) ? { ...i, source: 'reuse', reason: 'local image present' } : decideRemote(settings.registry, i, probes).then((d) => restoreInstead(d, probes))));
        }
    }
}
/** An image that would be built is taken from the GitHub cache when an earlier run kept it there. */
async function restoreInstead(decision, probes) {
    if (decision.source !== 'build' || probes.restore === undefined)
        return decision;
    const restored = await probes.restore(decision.image, decision.reference);
    return restored ? { ...decision, source: 'reuse', reason: `restored from the GitHub cache (${decision.reason})` } : decision;
}
/** `auto` for an image the engine does not hold: pull it if the registry has it, else build it. */
async function decideRemote(registry, tagged, probes) {
    const { reference } = tagged;
    if (registry === '')
        return { ...tagged, source: 'build', reason: 'no registry configured' };
    try {
        const answer = await probes.registryHas(reference);
        if (answer.present)
            return { ...tagged, source: 'pull', reason: `registry has ${reference}` };
        const detail = answer.detail === undefined ? '' : ` (${answer.detail})`;
        return { ...tagged, source: 'build', reason: `not in the registry${detail}` };
    }
    catch (error) {
        // `auto` only saves time with the registry: when it cannot be asked, building still works.
        if (error.transient !== true)
            throw error;
        return { ...tagged, source: 'build', reason: `registry unreachable (${error.message})` };
    }
}
/**
 * `artifact`: the images job's artifact was loaded before the decision. Each image is taken at
 * the reference the artifact holds it under, which must carry this checkout's content tag.
 * Nothing is ever built or pulled.
 */
async function fromArtifact(images, artifact, probes) {
    const problems = [];
    const decisions = images.flatMap((image) => {
        const held = artifact.find((entry) => entry.name === image.name);
        if (held === undefined) {
            problems.push(`image '${image.name}' is not in the artifact`);
            return [];
        }
        if (held.contentTag !== image.tag) {
            problems.push(`image '${image.name}': the artifact holds ${held.reference}, but this checkout's inputs give the content tag ${image.tag}`);
            return [];
        }
        return [{ image: image.name, reference: held.reference, source: 'reuse', reason: 'loaded from the images artifact', ...(image.inputs ? { inputs: image.inputs } : {}) }];
    });
    const local = await probes.localImages(decisions.map((decision) => decision.reference));
    for (const decision of decisions.filter((d) => !local.has(d.reference)))
        problems.push(`${decision.reference} (image '${decision.image}') is not in the engine`);
    if (problems.length > 0) {
        throw new Error([
            `image-source is 'artifact' but the images artifact does not hold what this checkout needs:`,
            ...problems.map((problem) => `  - ${problem}`),
            'The artifact was made from other inputs (another commit or configuration): run the images job on this commit, ' +
                'or give images-artifact-run-id a run of this commit.',
        ].join('\n'));
    }
    return decisions;
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



async function resolveSources(config, plan, { repoRoot, localImages, restore, log, artifact }) {
    const limits = { warnMiB: config.build.contextWarnMiB, limitMiB: config.build.contextLimitMiB };
    const hashes = new Map();
    // Every image is hashed before a failure is reported, and the first in the plan's order is the
    // one named, whichever finished first.
    const settled = await Promise.allSettled(plan.images.map((image) => (0,hash.hashImage)(repoRoot, image, limits)));
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed)
        throw failed.reason;
    const hashed = settled.map((result) => result.value);
    plan.images.forEach((image, i) => {
        for (const warning of hashed[i].warnings)
            log.warning(`image ${image.name}: ${warning}`, { title: 'Build context' });
        hashes.set(image.name, hashed[i]);
    });
    const { username, password } = config.registry;
    const probe = new registry/* RegistryProbe */.mo({ credentials: password ? { username, password } : undefined, log });
    const decisions = await decideSources({ mode: plan.imageSource, registry: plan.registry, ...(artifact ? { artifact } : {}) }, plan.images.map((image) => {
        const hash = hashes.get(image.name);
        return { name: image.name, repository: image.repository, tag: hash.tag, inputs: { mode: hash.inputs.mode, digest: hash.hash } };
    }), { localImages, registryHas: (reference) => probe.manifest(reference), ...(restore ? { restore } : {}) });
    return { hashes, decisions };
}


/***/ }),

/***/ 31920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Zr: () => (/* binding */ SUITE_TASK_ID),
  B4: () => (/* binding */ readSuiteContract),
  An: () => (/* binding */ suiteContractTask),
  _7: () => (/* binding */ suiteSettings),
  eL: () => (/* binding */ suiteTask)
});

// UNUSED EXPORTS: SUITE_CONTRACT_TASK_ID

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
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
    const message = testcase.failure?.message.trim() || messageFromText(text).trim() || `the spec ended ${testcase.status ?? 'failed'}`;
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
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
    return parseJUnit(await (0,promises_.readFile)(file, 'utf8'), file);
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
/** The parser gives every repeated element as a list (isArray above); an absent one is undefined. */
function asArray(value) {
    return Array.isArray(value) ? value : [];
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

// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(26518);
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
        { title: 'More E2E failures', message: `${rest} more failure${rest === 1 ? ' is' : 's are'} not annotated: see the job summary` },
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
    return excused(spec, results.knownFailures) ? `⚠️ ${spec.state} (known)` : `❌ ${spec.state}`;
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
        message: lines.join('\n'),
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
        const listed = specs.filter((spec) => !spec.setupNode).length;
        problems.push(`no spec ran: ${listed === 1 ? 'the one spec in the report was' : `all ${listed} specs in the report were`} skipped; ` +
            'check the focus and the label filter (inputs ginkgo-focus and ginkgo-label)');
    }
    if (run.shard !== null) {
        const assigned = run.shard.specs;
        const strays = ran.filter((spec) => !assigned.some((listed) => namesSpec(spec, listed.text)));
        if (strays.length > 0) {
            problems.push(`shard ${run.shard.index}/${run.shard.total} ran ${strays.length} spec${strays.length === 1 ? '' : 's'} of other shards ` +
                // Stryker disable next-line OptionalChaining: only reached when there is a stray
                `(such as '${strays[0]?.title}'): the command must pass GINKGO_FOCUS on to ginkgo --focus, or the shards overlap`);
        }
    }
    return problems;
}
function capitalize(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

// EXTERNAL MODULE: ./src/suite/invocation.ts
var invocation = __webpack_require__(39104);
// EXTERNAL MODULE: ./src/suite/shard.ts
var shard = __webpack_require__(46404);
// EXTERNAL MODULE: ./src/suite/spec-listing.ts
var spec_listing = __webpack_require__(11100);
;// CONCATENATED MODULE: ./src/suite/index.ts









// EXTERNAL MODULE: ./src/suite/makefile.ts
var makefile = __webpack_require__(30206);
;// CONCATENATED MODULE: ./src/pipeline/suite.ts
// The E2E suite: its contract read first (in parallel with the images), then the run itself
// and its results: summary sections, annotations for failed specs, and the tests-* outputs.




const SUITE_TASK_ID = 'suite';
const SUITE_CONTRACT_TASK_ID = 'suite-contract';
/** Where the wrapper that adds the JUnit report lives. */
const wrapperDir = (workDir) => (0,external_node_path_.join)(workDir, 'suite-bin');
/**
 * The suite's contract: for a Makefile, what `make -n` shows it passes on and the repository's
 * ginkgo (installed by the Makefile's own target when `install`). The dry run reads it without
 * installing anything.
 */
async function readSuiteContract(plan, options) {
    const { suite } = plan;
    if (suite.contract === 'environment')
        return { kind: 'environment', listCommand: suite.listCommand };
    const call = { command: suite.command, cwd: (0,external_node_path_.resolve)(options.repoRoot, suite.workingDirectory), log: options.log, signal: options.signal };
    const filters = await (0,makefile/* probeMakefile */.xe)(call);
    const ginkgo = await (0,makefile/* repositoryGinkgo */.kB)({ ...call, install: options.install });
    const wrapper = options.install ? await (0,makefile/* writeGinkgoWrapper */.kT)(wrapperDir(options.workDir)) : (0,external_node_path_.join)(wrapperDir(options.workDir), 'ginkgo');
    return { kind: 'makefile', wrapper, ginkgo, packages: suite.ginkgoPackages, filters };
}
/** The suite settings of the plan with the run's JUnit path and contract. */
function suiteSettings(plan, contract, workDir) {
    const { suite } = plan;
    return {
        command: suite.command,
        workingDirectory: suite.workingDirectory,
        env: suite.env,
        focus: suite.focus,
        label: suite.label,
        // In the work directory, not the repository: see the coverage folder in pipeline/index.ts.
        junitReport: (0,external_node_path_.join)(workDir, 'junit', (0,external_node_path_.basename)(suite.junitReport)),
        timeoutMinutes: suite.timeoutMinutes,
        stopGraceSeconds: suite.stopGraceSeconds,
        shard: suite.shard,
        contract,
    };
}
/** Reads the contract and refuses, before any image work is wasted, what it cannot carry. */
function suiteContractTask(options) {
    return {
        id: SUITE_CONTRACT_TASK_ID,
        title: 'Read how the suite takes filters and reports',
        phase: 'suite',
        needs: [],
        run: async (ctx) => {
            const contract = await readSuiteContract(options.plan, { ...options, log: ctx.log, signal: ctx.signal, install: true });
            const problem = (0,invocation/* contractProblem */.ks)(suiteSettings(options.plan, contract, options.workDir));
            if (problem)
                throw new Error(problem);
            options.state.suiteContract = contract;
            return contract.kind === 'makefile' ? contract.filters : contract.kind;
        },
    };
}
/**
 * For a deployed stack, every image's reference is passed as AIANALYSIS_E2E_IMAGE_<NAME>, for
 * suites that check what runs; a suite that sets up its stack gets the hand-off instead.
 */
function deployedImagesEnv(decisions) {
    return Object.fromEntries(decisions.map((decision) => [`AIANALYSIS_E2E_IMAGE_${decision.image.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`, decision.reference]));
}
function suiteTask(options) {
    const { config, plan, state } = options;
    return {
        id: SUITE_TASK_ID,
        title: 'Run the E2E suite',
        phase: 'suite',
        needs: [SUITE_CONTRACT_TASK_ID, ...options.needs],
        run: async (ctx) => {
            const settings = suiteSettings(plan, state.suiteContract, options.workDir);
            const suiteSetsUp = plan.setup === 'suite';
            const run = await (0,invocation/* runSuite */.og)({ ...settings, env: suiteSetsUp ? settings.env : { ...settings.env, ...deployedImagesEnv(options.decisions) } }, {
                repoRoot: options.repoRoot,
                kubeconfig: suiteSetsUp ? undefined : state.kubeconfig,
                handoffEnv: state.handoff?.env,
                provider: state.kind?.provider,
                toolDirs: state.toolDirs,
                log: ctx.log,
                signal: ctx.signal,
            });
            state.suiteStartedAt = run.startedAt;
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


/***/ }),

/***/ 39104:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aS: () => (/* binding */ suiteEnvironment),
/* harmony export */   ks: () => (/* binding */ contractProblem),
/* harmony export */   m0: () => (/* binding */ suiteCommand),
/* harmony export */   og: () => (/* binding */ runSuite)
/* harmony export */ });
/* unused harmony export findReports */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_process_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(26556);
/* harmony import */ var _make_quoting_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76338);
/* harmony import */ var _makefile_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(30206);
/* harmony import */ var _shard_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(46404);
/* harmony import */ var _spec_listing_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(11100);
/**
 * Running the E2E suite: the configured command (an argument vector, never a shell) in its
 * working directory, its output streaming live, with its own timeout and cancellation. Stopping
 * sends SIGTERM to the whole process tree and SIGKILL only after a grace period, because Ginkgo
 * answers SIGTERM by running its cleanup and writing its reports: a stopped run still leaves its
 * evidence.
 *
 * How the focus, the label filter and the JUnit report reach the suite is its contract:
 *  - makefile (kubernaut): make variables GINKGO (a wrapper adding --junit-report),
 *    GINKGO_FOCUS and GINKGO_LABEL, as the Makefile reads them (see makefile.ts); specs of a
 *    shard are listed by the repository's ginkgo with --dry-run, which runs no BeforeSuite;
 *  - environment: GINKGO_FOCUS, GINKGO_LABEL and GINKGO_JUNIT_REPORT as environment variables,
 *    for a suite of one's own; specs are listed by the command with GINKGO_DRY_RUN=true.
 * Beside that the suite gets what the run decided: the hand-off variables, E2E_COVERAGE,
 * KEEP_CLUSTER, KUBECONFIG (a deployed stack), KIND_EXPERIMENTAL_PROVIDER, and suite.env.
 */







/** Inherited values of these would change what runs; only the ones the run sets count. */
const CONTROLLED = [
    'GINKGO',
    'GINKGO_FOCUS',
    'GINKGO_LABEL',
    'GINKGO_SKIP',
    'GINKGO_DRY_RUN',
    'GINKGO_JSON_REPORT',
    'GINKGO_JUNIT_REPORT',
    'IMAGE_REGISTRY',
    'IMAGE_TAG',
    'KUBERNAUT_CI_ARTIFACT_TAG',
    'KEEP_CLUSTER',
    'SKIP_CLEANUP',
    'E2E_COVERAGE',
    'KIND_EXPERIMENTAL_PROVIDER',
    _makefile_js__WEBPACK_IMPORTED_MODULE_4__/* .WRAPPER_GINKGO_ENV */ .AN,
    _makefile_js__WEBPACK_IMPORTED_MODULE_4__/* .WRAPPER_JUNIT_ENV */ .zK,
];
/** The suite's environment (merged over the action's own); `undefined` removes a variable. */
function suiteEnvironment(settings, context, junitReport) {
    const contract = settings.contract.kind === 'makefile'
        ? { [_makefile_js__WEBPACK_IMPORTED_MODULE_4__/* .WRAPPER_GINKGO_ENV */ .AN]: settings.contract.ginkgo, [_makefile_js__WEBPACK_IMPORTED_MODULE_4__/* .WRAPPER_JUNIT_ENV */ .zK]: junitReport }
        : {
            GINKGO_JUNIT_REPORT: junitReport,
            ...(settings.focus ? { GINKGO_FOCUS: settings.focus } : {}),
            ...(settings.label ? { GINKGO_LABEL: settings.label } : {}),
        };
    return {
        ...Object.fromEntries(CONTROLLED.map((name) => [name, undefined])),
        ...settings.env,
        ...context.handoffEnv,
        ...(context.kubeconfig ? { KUBECONFIG: context.kubeconfig } : {}),
        ...(context.provider ? { KIND_EXPERIMENTAL_PROVIDER: context.provider } : {}),
        ...(context.toolDirs?.length ? { PATH: [...context.toolDirs, process.env.PATH ?? ''].join((node_path__WEBPACK_IMPORTED_MODULE_1___default().delimiter)) } : {}),
        ...contract,
    };
}
/** The program and arguments that run the suite with the given focus. */
function suiteCommand(settings, focus) {
    if (settings.contract.kind === 'makefile')
        return (0,_makefile_js__WEBPACK_IMPORTED_MODULE_4__/* .makeArguments */ .lk)(settings.command, { wrapper: settings.contract.wrapper, focus, label: settings.label });
    const [program, ...args] = settings.command;
    return { program, args };
}
/**
 * Why the settings cannot run as asked, or undefined: filters a Makefile does not pass on are
 * refused instead of silently running every spec (in every shard).
 */
function contractProblem(settings) {
    const { contract } = settings;
    if (contract.kind !== 'makefile')
        return undefined;
    const target = settings.command.join(' ');
    if (!contract.filters.ginkgoVariable) {
        return `${target} does not run ginkgo through the GINKGO variable, so no JUnit report can be asked for: use suite.contract 'environment' with a command of your own`;
    }
    const needsFocus = settings.shard !== null ? `shard ${settings.shard.index}/${settings.shard.total}` : settings.focus ? 'ginkgo-focus' : undefined;
    if (needsFocus && !contract.filters.focus) {
        return `${needsFocus} needs a focus, but ${target} passes no GINKGO_FOCUS to ginkgo (this Makefile has no spec filter): run without it, or with a suite.command that filters`;
    }
    if (settings.label && !contract.filters.label)
        return `ginkgo-label is set, but ${target} passes no GINKGO_LABEL to ginkgo`;
    const unsafeLabel = settings.label ? (0,_make_quoting_js__WEBPACK_IMPORTED_MODULE_3__/* .makeUnsafeLabel */ .J)(settings.label) : undefined;
    return unsafeLabel ? `ginkgo-label '${settings.label}': ${unsafeLabel}` : undefined;
}
/** How the specs of a shard are listed. */
function listCommandOf(settings) {
    const { contract } = settings;
    if (contract.kind === 'environment')
        return contract.listCommand ?? settings.command;
    return [
        contract.ginkgo,
        '--dry-run',
        '--json-report={jsonReport}',
        ...(settings.focus ? [`--focus=${settings.focus}`] : []),
        ...(settings.label ? [`--label-filter=${settings.label}`] : []),
        ...contract.packages,
    ];
}
async function runSuite(settings, context) {
    const { log } = context;
    const cwd = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(context.repoRoot, settings.workingDirectory);
    const junitReport = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(context.repoRoot, settings.junitReport);
    const problem = contractProblem(settings);
    if (problem)
        throw new Error(problem);
    const env = suiteEnvironment(settings, context, junitReport);
    const killGraceMs = settings.stopGraceSeconds * 1000;
    let { program, args } = suiteCommand(settings, settings.focus);
    // What is known before the suite starts; a run that never starts ends with this.
    const before = {
        command: (0,_util_process_js__WEBPACK_IMPORTED_MODULE_2__/* .displayCommand */ .kc)(program, args),
        junitReport,
        reportFiles: [],
        started: false,
        exitCode: null,
        signal: null,
        timedOut: false,
        cancelled: false,
        startedAt: Date.now(),
        durationMs: 0,
        timeoutMinutes: settings.timeoutMinutes,
        tail: [],
        shard: null,
    };
    let shard = null;
    if (settings.shard !== null) {
        const listing = await (0,_spec_listing_js__WEBPACK_IMPORTED_MODULE_6__/* .listSpecs */ .v)({
            command: listCommandOf(settings),
            cwd,
            env,
            focus: settings.focus,
            label: settings.label,
            log,
            signal: context.signal,
            timeoutMs: context.listTimeoutMs,
            killGraceMs,
        });
        if (listing.specs === undefined)
            return { ...before, cancelled: true };
        shard = (0,_shard_js__WEBPACK_IMPORTED_MODULE_5__/* .selectShard */ .Xm)(listing.specs, settings.shard);
        log.info(`Shard ${shard.index}/${shard.total} runs ${shard.specs.length} of the ${shard.listed} listed specs.`);
        if (shard.specs.length === 0)
            return { ...before, shard };
        const focus = (0,_shard_js__WEBPACK_IMPORTED_MODULE_5__/* .shardFocus */ .Pn)(shard.specs);
        if (settings.contract.kind === 'environment')
            env.GINKGO_FOCUS = focus;
        ({ program, args } = suiteCommand(settings, focus));
    }
    // A report left by an earlier run would be read as this run's.
    await removeReports(junitReport);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(junitReport), { recursive: true });
    const startedAt = Date.now();
    const result = await (0,_util_process_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .eF)(program, args, {
        cwd,
        env,
        log,
        group: `E2E suite: ${(0,_util_process_js__WEBPACK_IMPORTED_MODULE_2__/* .displayCommand */ .kc)(program, args)}`,
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
        startedAt,
        durationMs: result.durationMs,
        tail: result.tail,
    };
}
/**
 * The report, or the per-suite reports Ginkgo writes with --keep-separate-reports and
 * --output-dir (`<dir>/<suite>_<name>`), in name order.
 */
async function findReports(junitReport) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(junitReport);
    const name = node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(junitReport);
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir).catch(() => []);
    const candidates = entries.filter((entry) => entry === name || entry.endsWith(`_${name}`)).sort();
    const files = [];
    for (const entry of candidates) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, entry);
        if ((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file)).isFile())
            files.push(file);
    }
    return files;
}
async function removeReports(junitReport) {
    for (const file of await findReports(junitReport))
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(file, { force: true });
}


/***/ }),

/***/ 76338:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ makeUnsafeLabel),
/* harmony export */   u: () => (/* binding */ makeSafeFocus)
/* harmony export */ });
/**
 * Values that cross kubernaut's `make test-e2e-%` recipe intact. The recipe pastes
 * `$(GINKGO_FOCUS)` and `$(GINKGO_LABEL)` into a double-quoted shell string as
 * `--focus='…'` and `eval`s it, so a value passes make's expansion (`$`), a double-quoted
 * string (`"`, `$`, backquote, a backslash before one of those or before itself) and a
 * single-quoted word under eval (`'`). A Go regular expression can say every character without
 * those: `\xHH` for the character and `\z` for the end-of-text `$`, so a focus is rewritten to
 * mean the same and survive; a label filter has no such escapes and is refused instead.
 */
/** Characters the recipe's quoting changes or ends on. */
const UNSAFE = new Set(["'", '"', '$', '`', '\\', '#', '\n', '\r']);
const hexEscape = (char) => `\\x{${char.codePointAt(0).toString(16)}}`;
/**
 * The same Go regular expression written without a character the Makefile's quoting would
 * change: `\c` escapes of those characters and the characters themselves become `\x{…}`, an
 * unescaped `$` outside a character class becomes `\z` (the same: end of text, Ginkgo sets no
 * multi-line flag). Other escapes (`\d`, `\.`) pass unchanged.
 */
function makeSafeFocus(regex) {
    let out = '';
    let inClass = false;
    const chars = [...regex];
    for (let index = 0; index < chars.length; index += 1) {
        const char = chars[index];
        if (char === '\\' && index + 1 < chars.length) {
            const next = chars[++index];
            out += UNSAFE.has(next) ? hexEscape(next) : `\\${next}`;
            continue;
        }
        if (char === '[' && !inClass)
            inClass = true;
        else if (char === ']' && inClass)
            inClass = false;
        if (char === '$' && !inClass)
            out += '\\z';
        else
            out += UNSAFE.has(char) ? hexEscape(char) : char;
    }
    return out;
}
/** Why a label filter cannot pass the recipe's quoting, or undefined when it can. */
function makeUnsafeLabel(filter) {
    const found = [...new Set([...filter].filter((char) => UNSAFE.has(char)))];
    if (found.length === 0)
        return undefined;
    return `it contains ${found.map((char) => JSON.stringify(char)).join(', ')}, which the Makefile's quoting (--label-filter='…' under eval) would change`;
}


/***/ }),

/***/ 30206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AN: () => (/* binding */ WRAPPER_GINKGO_ENV),
/* harmony export */   kB: () => (/* binding */ repositoryGinkgo),
/* harmony export */   kT: () => (/* binding */ writeGinkgoWrapper),
/* harmony export */   lk: () => (/* binding */ makeArguments),
/* harmony export */   xe: () => (/* binding */ probeMakefile),
/* harmony export */   zK: () => (/* binding */ WRAPPER_JUNIT_ENV)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_process_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(26556);
/* harmony import */ var _make_quoting_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76338);
/* harmony import */ var _util_file_write_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(84958);
/**
 * kubernaut's Makefile as the suite's interface, used as it is. Its `test-e2e-%` recipe runs
 * `$(GINKGO) … --focus='$(GINKGO_FOCUS)' --label-filter='$(GINKGO_LABEL)'` (the January
 * generation passes no filter at all) and has no JUnit flag. So:
 *  - the JUnit report: GINKGO names a small wrapper that runs the repository's own ginkgo with
 *    `--junit-report` added; `-o` keeps make from "installing" the wrapper through the
 *    `$(GINKGO): $(LOCALBIN)` rule, which would delete it;
 *  - which variables the recipe really reads is asked of make itself (`make -n` with marker
 *    values), so a generation without filters is known before anything runs;
 *  - the repository's ginkgo is found (and installed by its own `ginkgo` target) through make.
 */





/** Read by the wrapper; named in the plan. */
const WRAPPER_GINKGO_ENV = 'AIANALYSIS_E2E_GINKGO';
const WRAPPER_JUNIT_ENV = 'AIANALYSIS_E2E_JUNIT_REPORT';
const PRINT_TARGET = 'aianalysis-e2e-print-ginkgo';
const MARKER = { ginkgo: '/aianalysis-e2e-probe/ginkgo', focus: 'aianalysis-e2e-probe-focus', label: 'aianalysis-e2e-probe-label' };
const MAKE_TIMEOUT_MS = 2 * 60_000;
/** make splits a variable's value used as a prerequisite on white space. */
const MAKE_SAFE_PATH = /^[A-Za-z0-9_./+@-]+$/;
function split(command) {
    const [program, ...rest] = command;
    if (program === undefined)
        throw new Error('suite.command is empty');
    return { program, rest };
}
/** The make command line of the suite: the wrapper as GINKGO (kept from being remade), the filters. */
function makeArguments(command, options) {
    const { program, rest } = split(command);
    if (!MAKE_SAFE_PATH.test(options.wrapper)) {
        throw new Error(`the ginkgo wrapper's path ${JSON.stringify(options.wrapper)} has characters make splits or expands: use a work folder whose path has only letters, digits and ._+@-/`);
    }
    return {
        program,
        args: [
            '-o',
            options.wrapper,
            ...rest,
            `GINKGO=${options.wrapper}`,
            ...(options.focus ? [`GINKGO_FOCUS=${(0,_make_quoting_js__WEBPACK_IMPORTED_MODULE_3__/* .makeSafeFocus */ .u)(options.focus)}`] : []),
            ...(options.label ? [`GINKGO_LABEL=${options.label}`] : []),
        ],
    };
}
/** Asks `make -n` which of GINKGO, GINKGO_FOCUS and GINKGO_LABEL reach the target's recipe. */
async function probeMakefile(call) {
    const { program, args } = makeArguments(call.command, { wrapper: MARKER.ginkgo, focus: MARKER.focus, label: MARKER.label });
    const result = await (0,_util_process_js__WEBPACK_IMPORTED_MODULE_2__/* .runChecked */ .X4)(program, ['-n', ...args], {
        cwd: call.cwd,
        log: call.log,
        quiet: true,
        timeoutMs: MAKE_TIMEOUT_MS,
        signal: call.signal,
        installHint: 'install make (kubernaut runs its suite through its Makefile)',
    }).catch((error) => {
        throw new Error(`could not read what ${call.command.join(' ')} runs (make -n): ${error.message}`);
    });
    const recipe = result.stdout;
    return { ginkgoVariable: recipe.includes(MARKER.ginkgo), focus: recipe.includes(MARKER.focus), label: recipe.includes(MARKER.label) };
}
/**
 * The repository's ginkgo, as its Makefile's GINKGO names it. `install` runs the Makefile's own
 * `ginkgo` target first (what `make test-e2e-…` would have done); without it nothing is run but
 * make reading its variables.
 */
async function repositoryGinkgo(call) {
    const { program } = split(call.command);
    const rule = `${PRINT_TARGET}:${call.install ? ' ginkgo' : ''}\n\t@echo '$(GINKGO)'`;
    const result = await (0,_util_process_js__WEBPACK_IMPORTED_MODULE_2__/* .runChecked */ .X4)(program, ['-s', '--no-print-directory', `--eval=${rule}`, PRINT_TARGET], {
        cwd: call.cwd,
        log: call.log,
        quiet: !call.install,
        group: call.install ? 'Installing the repository\'s ginkgo (make ginkgo)' : undefined,
        timeoutMs: call.install ? 15 * 60_000 : MAKE_TIMEOUT_MS,
        signal: call.signal,
    });
    const lines = result.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
    const ginkgo = lines.at(-1);
    if (ginkgo === undefined)
        throw new Error(`the Makefile in ${call.cwd} names no GINKGO: it has no ginkgo variable to run the suite with`);
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(call.cwd, ginkgo);
}
/** Writes the wrapper that runs the ginkgo named in its environment with a JUnit report added. */
async function writeGinkgoWrapper(dir) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
    const wrapper = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'ginkgo');
    const script = [
        '#!/bin/sh',
        '# Runs the repository\'s ginkgo with the JUnit report aianalysis-e2e reads; both paths come',
        '# from the environment, nothing is pasted into this script.',
        `exec "$${WRAPPER_GINKGO_ENV}" --junit-report="$${WRAPPER_JUNIT_ENV}" "$@"`,
        '',
    ].join('\n');
    await (0,_util_file_write_js__WEBPACK_IMPORTED_MODULE_4__/* .writeNamedFile */ .Bl)(wrapper, script);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chmod)(wrapper, 0o755);
    return wrapper;
}


/***/ }),

/***/ 46404:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L1: () => (/* binding */ parseSpecListing),
/* harmony export */   Pn: () => (/* binding */ shardFocus),
/* harmony export */   Xm: () => (/* binding */ selectShard)
/* harmony export */ });
/* unused harmony exports shardOf, quoteMeta */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Sharding the suite across the jobs of a matrix. Ginkgo shards only across the processes of
 * one run, so:
 *  1. the specs are listed by a dry run (`--dry-run --json-report`, spec-listing.ts) that
 *     honours the focus, the label filter and the skip of the run: Ginkgo reports the specs it
 *     would run as `passed`;
 *  2. each spec belongs to shard `1 + hash(full text) mod n`: the same on every machine,
 *     whatever the order of the listing, and adding a spec moves no other;
 *  3. a shard runs its specs through a focus matching exactly their texts.
 *
 * Ginkgo matches a focus against the suite description, a space and the spec's text, and joins
 * several focuses with "or". A regular expression cannot say "and" in Go's syntax, so the shard's
 * focus replaces the user's: the listing already applied the user's focus.
 */

/** The 1-based shard a spec belongs to. */
function shardOf(text, total) {
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text, 'utf8').digest();
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


/***/ }),

/***/ 11100:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ listSpecs)
/* harmony export */ });
/* unused harmony export DEFAULT_LIST_TIMEOUT_MS */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_process_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26556);
/* harmony import */ var _shard_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46404);
/**
 * Lists the specs a run would run: the list command as a Ginkgo dry run, whose JSON report
 * shard.ts reads. This is the one part of sharding that runs a program.
 */





const DEFAULT_LIST_TIMEOUT_MS = 15 * 60_000;
/**
 * Runs the list command as a Ginkgo dry run and returns the specs it would run. Words of the
 * command may hold `{jsonReport}`, `{focus}` and `{label}` (see LIST_COMMAND_PLACEHOLDERS); the
 * environment carries GINKGO_DRY_RUN=true and GINKGO_JSON_REPORT for a make target.
 */
async function listSpecs(options) {
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'aianalysis-e2e-specs-'));
    const jsonReport = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'specs.json');
    const values = {
        jsonReport,
        focus: options.focus,
        label: options.label,
    };
    const [program, ...args] = options.command.map((word) => word.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? values[name] : whole)));
    try {
        const result = await (0,_util_process_js__WEBPACK_IMPORTED_MODULE_3__/* .run */ .eF)(program, args, {
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
            throw new _util_process_js__WEBPACK_IMPORTED_MODULE_3__/* .ProcessError */ .yI(result);
        const json = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(jsonReport, 'utf8').catch((error) => {
            if (error.code !== 'ENOENT')
                throw error;
            throw new Error(`the spec listing wrote no JSON report: ${(0,_util_process_js__WEBPACK_IMPORTED_MODULE_3__/* .displayCommand */ .kc)(program, args)} must run ginkgo with ` +
                '--dry-run --json-report (a make target: pass GINKGO_DRY_RUN and GINKGO_JSON_REPORT on; ' +
                'or set suite.listCommand, where {jsonReport} stands for the report path)');
        });
        return { specs: (0,_shard_js__WEBPACK_IMPORTED_MODULE_4__/* .parseSpecListing */ .L1)(json, jsonReport) };
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
    }
}


/***/ })

};
