export const id = 821;
export const ids = [821];
export const modules = {

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

/***/ 72821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mergeCoverageJob: () => (/* binding */ mergeCoverageJob),
  publishCiCoverage: () => (/* binding */ publishCiCoverage),
  shardProfileArtifacts: () => (/* binding */ shardProfileArtifacts)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/util/deadline.ts
var deadline = __webpack_require__(84054);
// EXTERNAL MODULE: ./src/util/file-write.ts
var file_write = __webpack_require__(84958);
// EXTERNAL MODULE: ./src/collect/coverage-profile.ts
var coverage_profile = __webpack_require__(71970);
;// CONCATENATED MODULE: ./src/collect/coverage-ci.ts
/**
 * The coverage artifacts a CI summary job reads, as kubernaut's names them per service:
 * `coverage-e2e-<name>` holding `e2e-<name>.txt` (one line, `<name>,<percent>%` or `<name>,N/A`)
 * and `coverage-profile-e2e-<name>` holding the Go profile `coverage_e2e_<name>.out`. An E2E run
 * that is one shard of several uploads only its profile, under a name of its own that the summary's
 * `coverage-*` pattern does not match; the merging job (merge-coverage) turns the shards' profiles
 * into the two artifacts above. Like all evidence, a failed upload from an E2E job is a warning.
 */





const UPLOAD_DEADLINE_MS = 5 * 60 * 1000;
/** The names kubernaut's summary job looks for, for one service. */
function ciCoverageNames(service) {
    return {
        summaryArtifact: `coverage-e2e-${service}`,
        summaryFile: `e2e-${service}.txt`,
        profileArtifact: `coverage-profile-e2e-${service}`,
        profileFile: `coverage_e2e_${service}.out`,
    };
}
/** `<artifactName>-coverage-profile-shard-<i>-of-<n>-attempt-<k>`: unique per shard and attempt, never `coverage-…`. */
function shardProfileArtifactName(artifactName, shard, runAttempt) {
    return `${shardProfilePrefix(artifactName)}${shard.index}-of-${shard.total}-attempt-${runAttempt || '1'}`;
}
const shardProfilePrefix = (artifactName) => `${artifactName}-coverage-profile-shard-`;
/** The summary file's one line: Go's total with one decimal, as `go tool cover -func` prints it. */
function summaryLine(service, profile) {
    const percent = profile === undefined ? undefined : (0,coverage_profile/* measureCoverage */.jt)(profile).percent;
    return `${service},${percent === undefined ? 'N/A' : `${(0,coverage_profile/* formatPercent */.l9)(percent)}%`}\n`;
}
/** Uploads one file, alone at the root of the artifact, as the summary job expects it. */
async function uploadOneFile(client, name, dir, file, content, retentionDays) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    try {
        const path = (0,external_node_path_.join)(dir, file);
        await (0,file_write/* writeNamedFile */.Bl)(path, content);
        const upload = client.uploadArtifact(name, [path], dir, { retentionDays });
        const response = await (0,deadline/* withDeadline */.N)(upload, UPLOAD_DEADLINE_MS, `The upload of artifact ${name}`);
        if (response.id === undefined)
            throw new Error(`the artifact service returned no id for artifact ${name}`);
        return response.id;
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
/** The two artifacts of the summary job; without a profile, only the summary file, saying N/A. */
async function uploadCiCoverage(client, service, profile, workDir, retentionDays) {
    const names = ciCoverageNames(service);
    await uploadOneFile(client, names.summaryArtifact, (0,external_node_path_.join)(workDir, names.summaryArtifact), names.summaryFile, summaryLine(service, profile), retentionDays);
    if (profile === undefined)
        return [names.summaryArtifact];
    await uploadOneFile(client, names.profileArtifact, (0,external_node_path_.join)(workDir, names.profileArtifact), names.profileFile, (0,coverage_profile/* formatProfile */.pn)(profile), retentionDays);
    return [names.summaryArtifact, names.profileArtifact];
}

;// CONCATENATED MODULE: ./src/collect/coverage-merge.ts
const MODES = new Set(['set', 'count', 'atomic']);
function mergeProfiles(profiles) {
    const [first] = profiles;
    if (first === undefined)
        throw new Error('no coverage profiles to merge');
    for (const { source, profile } of profiles) {
        if (!MODES.has(profile.mode))
            throw new Error(`${source}: unknown coverage mode "${profile.mode}", expected set, count or atomic`);
        if (profile.mode !== first.profile.mode) {
            throw new Error(`${source} has mode ${profile.mode} but ${first.source} has mode ${first.profile.mode}: profiles of different modes cannot be merged; ` +
                'build every shard with the same coverage flags');
        }
    }
    const combine = first.profile.mode === 'set' ? (a, b) => (a > 0 || b > 0 ? 1 : 0) : (a, b) => a + b;
    const merged = new Map();
    for (const { source, profile } of profiles) {
        for (const block of profile.blocks) {
            const key = `${block.file}:${block.position}`;
            const known = merged.get(key);
            if (known === undefined) {
                merged.set(key, { ...block, count: combine(block.count, 0), source });
                continue;
            }
            if (known.statements !== block.statements) {
                throw new Error(`${key} has ${block.statements} statements in ${source} but ${known.statements} in ${known.source}: ` +
                    'the profiles were made from different sources; merge only shards of the same build');
            }
            known.count = combine(known.count, block.count);
        }
    }
    return { mode: first.profile.mode, blocks: [...merged.values()].map(({ source: _source, ...block }) => block) };
}

// EXTERNAL MODULE: ./src/github/services.ts
var services = __webpack_require__(31463);
;// CONCATENATED MODULE: ./src/pipeline/coverage-artifacts.ts







const DOWNLOAD_DEADLINE_MS = 5 * 60 * 1000;
const WARNING_TITLE = 'Coverage artifacts';
/** The E2E job's part, after its evidence: a failure is a warning, as for all evidence. */
async function publishCiCoverage(config, host, state) {
    const service = config.coverage.ciArtifacts;
    if (service === '' || !config.coverage.enabled)
        return;
    const say = (paragraph) => state.addSections('coverage', { heading: 'Coverage artifacts', paragraphs: [paragraph] });
    if (!host.github.run.actions)
        return say('Not uploaded: artifacts are uploaded only on GitHub Actions.');
    try {
        const client = (0,services/* requireArtifacts */.H)(host.github, 'Uploading the coverage artifacts');
        const profile = state.coverageProfile ? (0,coverage_profile/* parseProfile */.jZ)(await (0,promises_.readFile)(state.coverageProfile, 'utf8'), state.coverageProfile) : undefined;
        const dir = (0,external_node_path_.join)(host.workDir, 'coverage-artifacts');
        const shard = config.suite.shard;
        if (shard === null) {
            const uploaded = await uploadCiCoverage(client, service, profile, dir, config.report.retentionDays);
            return say(`Uploaded for the CI summary: ${uploaded.map((name) => `\`${name}\``).join(', ')}${profile ? '' : ' (no profile: N/A)'}.`);
        }
        if (profile === undefined) {
            host.log.warning(`No coverage profile to hand to the merging job: shard ${shard.index}/${shard.total} is missing from the merged coverage.`, { title: WARNING_TITLE });
            return say(`⚠️ No profile: shard ${shard.index}/${shard.total} is missing from the merged coverage.`);
        }
        const name = shardProfileArtifactName(config.report.artifactName, shard, host.github.run.runAttempt);
        await uploadOneFile(client, name, dir, ciCoverageNames(service).profileFile, (0,coverage_profile/* formatProfile */.pn)(profile), config.report.retentionDays);
        say(`Profile of shard ${shard.index}/${shard.total} uploaded as \`${name}\` for the job that merges the shards (merge-coverage).`);
    }
    catch (error) {
        const message = `The coverage artifacts were not uploaded: ${error.message}`;
        host.log.warning(message, { title: WARNING_TITLE });
        say(`⚠️ ${message}`);
    }
}
/** Per shard, the profile artifact of its latest attempt, by shard index. */
function shardProfileArtifacts(artifacts, artifactName) {
    const prefix = shardProfilePrefix(artifactName);
    const latest = new Map();
    for (const artifact of artifacts) {
        if (!artifact.name.startsWith(prefix))
            continue;
        const match = /^(\d+)-of-(\d+)-attempt-(\d+)$/.exec(artifact.name.slice(prefix.length));
        if (match === null)
            continue;
        const [index, total, attempt] = match.slice(1).map(Number);
        const known = latest.get(index);
        if (known === undefined || known.attempt < attempt)
            latest.set(index, { artifact, index, total, attempt });
    }
    return [...latest.values()].sort((a, b) => a.index - b.index);
}
/** The merging job: the report of a run that only merged (and uploaded) coverage. */
async function mergeCoverageJob(config, host) {
    const service = config.coverage.ciArtifacts;
    const names = ciCoverageNames(service);
    const client = (0,services/* requireArtifacts */.H)(host.github, 'Merging the coverage of the shards');
    const { artifacts } = await client.listArtifacts();
    const shards = shardProfileArtifacts(artifacts, config.report.artifactName);
    const dir = (0,external_node_path_.join)(host.workDir, 'coverage-merge');
    const profiles = [];
    try {
        for (const shard of shards) {
            const into = (0,external_node_path_.join)(dir, shard.artifact.name);
            await (0,deadline/* withDeadline */.N)(client.downloadArtifact(shard.artifact.id, { path: into }), DOWNLOAD_DEADLINE_MS, `The download of artifact ${shard.artifact.name}`);
            const file = (0,external_node_path_.join)(into, names.profileFile);
            const text = await (0,promises_.readFile)(file, 'utf8').catch(async () => {
                throw new Error(`artifact ${shard.artifact.name} holds ${(await (0,promises_.readdir)(into)).join(', ') || 'nothing'}, not ${names.profileFile}: it was not uploaded by this action's shard job`);
            });
            profiles.push({ source: `${shard.artifact.name}/${names.profileFile}`, profile: (0,coverage_profile/* parseProfile */.jZ)(text, `${shard.artifact.name}/${names.profileFile}`) });
        }
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
    const merged = profiles.length === 0 ? undefined : mergeProfiles(profiles);
    const expected = Math.max(0, ...shards.map((shard) => shard.total));
    const missing = Array.from({ length: expected }, (_, i) => i + 1).filter((index) => !shards.some((shard) => shard.index === index));
    const gaps = shards.length === 0
        ? [`no shard of this workflow run uploaded a coverage profile (artifacts ${shardProfilePrefix(config.report.artifactName)}*): the summary says N/A`]
        : missing.map((index) => `shard ${index}/${expected} uploaded no coverage profile (its suite did not get to write one): the merged coverage lacks it`);
    for (const gap of gaps)
        host.log.warning(gap, { title: WARNING_TITLE });
    const uploaded = await uploadCiCoverage(client, service, merged, (0,external_node_path_.join)(host.workDir, 'coverage-artifacts'), config.report.retentionDays);
    const line = summaryLine(service, merged).trim();
    const percent = merged && (0,coverage_profile/* measureCoverage */.jt)(merged).percent;
    host.log.info(`Merged ${profiles.length} shard profile(s) into ${names.profileFile}: ${line}; uploaded ${uploaded.join(', ')}`);
    return {
        result: 'success',
        headline: '✅ AIAnalysis E2E coverage of the shards merged',
        sections: [
            {
                heading: 'Coverage of the shards',
                table: {
                    header: ['shard', 'artifact', 'mode', 'blocks'],
                    rows: shards.map((shard, i) => [`${shard.index}/${shard.total}`, shard.artifact.name, profiles[i].profile.mode, String(profiles[i].profile.blocks.length)]),
                },
                paragraphs: [
                    `Merged into \`${names.profileFile}\` (${merged ? `${merged.blocks.length} blocks, ` : ''}\`${line}\`), uploaded as ${uploaded.map((name) => `\`${name}\``).join(' and ')}.`,
                    ...gaps.map((gap) => `⚠️ ${gap}`),
                ],
            },
        ],
        outputs: percent === undefined ? {} : { 'coverage-percent': (0,coverage_profile/* formatPercent */.l9)(percent) },
    };
}


/***/ }),

/***/ 84054:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ withDeadline),
/* harmony export */   j: () => (/* binding */ DeadlineError)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26518);
/**
 * A deadline for a toolkit call (artifact upload, cache save/restore) that offers no way to stop
 * it: the caller moves on with an error, the call is left to finish or fail on its own.
 */

class DeadlineError extends Error {
    constructor(what, ms) {
        super(`${what} did not finish within ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(ms)}`);
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


/***/ })

};
