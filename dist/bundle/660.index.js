export const id = 660;
export const ids = [660,939];
export const modules = {

/***/ 17674:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  di: () => (/* binding */ uploadEvidence)
});

// UNUSED EXPORTS: artifactUrl, evidenceArtifactName

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/util/deadline.ts
var deadline = __webpack_require__(84054);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/util/secrets.ts + 1 modules
var secrets = __webpack_require__(42333);
// EXTERNAL MODULE: ./src/util/file-write.ts
var file_write = __webpack_require__(84958);
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
        const stats = await (0,promises_.lstat)(absolute).catch(() => undefined);
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
    const stats = await (0,promises_.lstat)(file);
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
    const entries = await (0,promises_.readdir)(dir, { withFileTypes: true }).catch((error) => {
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
    const content = await (0,promises_.readFile)(file);
    // Decoded as UTF-8, an ASCII secret stays findable even inside binary data.
    const text = content.toString('utf8');
    const redacted = (0,secrets/* redact */.E$)(text);
    if (redacted === text)
        return 'clean';
    const isText = !content.includes(0) && Buffer.from(text, 'utf8').equals(content);
    if (!isText)
        return 'withheld';
    await (0,file_write/* writeNamedFile */.Bl)(file, redacted);
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
 * `<artifactName>-<job>[-shard-<i>-of-<n>]-attempt-<run attempt>`.
 */
function evidenceArtifactName(artifactName, shard, run) {
    const shardPart = shard === null ? '' : `-shard-${shard.index}-of-${shard.total}`;
    const name = `${artifactName}-${run.job || 'job'}${shardPart}-attempt-${run.runAttempt || '1'}`;
    return name.replace(FORBIDDEN_NAME_CHARACTERS, '-');
}
function artifactUrl(id, run) {
    const server = run.serverUrl || 'https://github.com';
    return `${server}/${run.repository}/actions/runs/${run.runId}/artifacts/${id}`;
}
async function uploadEvidence(request, log, github) {
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
        warn(`The evidence files in ${dir} could not be prepared for upload: ${messageOf(error)}`);
        return outcome;
    }
    const { files, redacted, withheld, missing } = outcome.files;
    if (redacted.length > 0)
        log.info(`Registered secrets were replaced by *** in: ${redacted.join(', ')}`);
    for (const { file, reason } of withheld)
        warn(`${file} is left out of the evidence artifact: ${reason}.`);
    if (missing.length > 0)
        log.info(`Not found, so not part of the evidence: ${missing.join(', ')}`);
    if (!github.run.actions) {
        log.info(`Evidence kept in ${dir} (artifacts are uploaded only on GitHub Actions).`);
        return outcome;
    }
    const client = github.artifacts();
    if (client === undefined) {
        warn(`Evidence not uploaded (kept in ${dir}): the runner gave this step no ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL, ` +
            'which it provides to JavaScript actions (`uses:`), not to `run:` steps.');
        return outcome;
    }
    if (files.length === 0) {
        warn(`Evidence not uploaded: none of the evidence files exist (looked for ${request.paths.join(', ')} in ${dir}).`);
        return outcome;
    }
    const name = evidenceArtifactName(request.artifactName, request.shard, github.run);
    const deadlineMs = request.deadlineMs ?? DEFAULT_UPLOAD_DEADLINE_MS;
    try {
        const upload = client.uploadArtifact(name, files, dir, { retentionDays: request.retentionDays });
        const response = await (0,deadline/* withDeadline */.N)(upload, deadlineMs, `The upload of artifact ${name}`);
        if (response.id === undefined)
            throw new Error('the artifact service returned no artifact id');
        outcome.artifact = { id: response.id, name, url: artifactUrl(response.id, github.run), size: response.size ?? 0 };
        log.info(`Evidence uploaded as artifact ${name} (${files.length} files, ${outcome.artifact.size} bytes): ${outcome.artifact.url}`);
    }
    catch (error) {
        warn(`Evidence not uploaded (kept in ${dir}): ${describeFailure(name, error)}`);
    }
    return outcome;
}
function describeFailure(name, error) {
    const message = messageOf(error);
    if (message.includes('(409)')) {
        return (`an artifact named ${name} already exists in this workflow run. Jobs of one run that are not shards of each ` +
            'other (such as matrix legs) need different report.artifactName values.');
    }
    return message;
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 22250:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ createRegistryAuth),
/* harmony export */   o: () => (/* binding */ removeRegistryAuth)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _util_file_write_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(84958);
/**
 * The run's private registry credentials. `docker login` and `podman login` store what they are
 * given in the user's own files (`~/.docker/config.json`, the containers auth file), where it
 * would outlive the run; the run points the engine at a folder of its own instead
 * (`DOCKER_CONFIG` for docker, `REGISTRY_AUTH_FILE` for podman) and removes it at the end, and
 * the post step removes it again if the main step never got there.
 *
 * So that docker still reaches the same daemon with the same plugins, the private config names
 * the user's current context, links the user's contexts, and lists the user's plugin folder.
 * The folder carries a marker file: the cleanup removes only a folder that has it.
 */





const FOLDER = 'registry-auth';
const MARKER = '.aianalysis-e2e-registry-auth';
function userDockerConfigDir(env) {
    return env.DOCKER_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.homedir)(), '.docker');
}
async function currentContextOf(userDir) {
    try {
        const parsed = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(userDir, 'config.json'), 'utf8'));
        return typeof parsed.currentContext === 'string' ? parsed.currentContext : undefined;
    }
    catch {
        return undefined;
    }
}
/** Creates the run's auth folder under `workDir` (replacing one a killed run left behind). */
async function createRegistryAuth(workDir, env = process.env) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(workDir, FOLDER);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true, mode: 0o700 });
    await (0,_util_file_write_js__WEBPACK_IMPORTED_MODULE_4__/* .writeNamedFile */ .Bl)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, MARKER), 'registry credentials of one aianalysis-e2e run; removed when it ends\n');
    const userDir = userDockerConfigDir(env);
    const currentContext = await currentContextOf(userDir);
    const config = { auths: {}, ...(currentContext ? { currentContext } : {}), cliPluginsExtraDirs: [(0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(userDir, 'cli-plugins')] };
    await (0,_util_file_write_js__WEBPACK_IMPORTED_MODULE_4__/* .writeNamedFile */ .Bl)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(userDir, 'contexts')))
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.symlink)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(userDir, 'contexts'), (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'contexts'));
    return { dir, env: { DOCKER_CONFIG: dir, REGISTRY_AUTH_FILE: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'auth.json') } };
}
/**
 * Removes the auth folder `dir` if it is one (it has the marker). Returns whether it removed
 * anything; a path that is not an auth folder is left alone.
 */
async function removeRegistryAuth(dir) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, MARKER)))
        return false;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
    return true;
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

/***/ 48279:
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
// EXTERNAL MODULE: ./src/engine/detect.ts + 1 modules
var detect = __webpack_require__(43383);
// EXTERNAL MODULE: ./src/engine/registry-auth.ts
var registry_auth = __webpack_require__(22250);
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

// EXTERNAL MODULE: ./src/util/secrets.ts + 1 modules
var secrets = __webpack_require__(42333);
// EXTERNAL MODULE: ./src/util/urgent-stop.ts
var urgent_stop = __webpack_require__(91988);
;// CONCATENATED MODULE: ./src/scheduler/task.ts
/** Whether the span leaves the run green: it succeeded, or it is side work that failed (reported apart). */
function countsAsSuccess(span) {
    return span.outcome === 'success' || (span.optional === true && span.outcome === 'failure');
}
class TaskTimeoutError extends Error {
    taskId;
    constructor(taskId, message) {
        super(message);
        this.taskId = taskId;
        this.name = 'TaskTimeoutError';
    }
}

;// CONCATENATED MODULE: ./src/scheduler/validate.ts
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

;// CONCATENATED MODULE: ./src/scheduler/graph.ts
/**
 * Runs a task graph with a resource-aware scheduler. A task starts as soon as its needs have
 * succeeded and the limits allow: fewer running tasks than `concurrency`, running memory within
 * `memoryBudgetMiB` (a task larger than the whole budget runs alone), never two heavy tasks.
 *
 * A failure stops new work (running tasks finish; tasks never started are skipped), except the
 * failure of an optional task, which is only recorded. Cancellation
 * aborts running tasks too (an urgent cancel passes its reason on, so their programs get a short
 * grace: see urgent-stop), and hands `onCancel` the spans as they stand, so the report can be
 * written before anything else. Finalizers run in every case once their needs have ended; running
 * finalizers are not aborted by cancellation (their own timeout bounds them), only by
 * `endFinalizers`, which also skips those not started and abandons the running ones at once.
 */





/** How long an aborted task may take to stop before the run stops waiting for it. */
const DEFAULT_ABANDON_AFTER_MS = 15_000;
async function runGraph(tasks, options) {
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
    finalizersEnded = false;
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
                    ...(task.optional ? { optional: true } : {}),
                },
            });
        }
    }
    run() {
        const done = new Promise((resolve) => {
            this.finish = resolve;
        });
        const { signal, endFinalizers } = this.options;
        const onCancel = () => this.cancel();
        const onEndFinalizers = () => this.endFinalizers();
        // A comment before an `else` belongs to its `if`: the listeners sit in blocks so that each
        // Stryker directive reaches its line.
        if (signal?.aborted)
            this.cancel();
        else {
            // Stryker disable next-line ObjectLiteral,BooleanLiteral: an AbortSignal dispatches 'abort' only once
            signal?.addEventListener('abort', onCancel, { once: true });
        }
        if (endFinalizers?.aborted)
            this.endFinalizers();
        else {
            // Stryker disable next-line ObjectLiteral,BooleanLiteral: an AbortSignal dispatches 'abort' only once
            endFinalizers?.addEventListener('abort', onEndFinalizers, { once: true });
        }
        this.pump();
        return done.finally(() => {
            signal?.removeEventListener('abort', onCancel);
            endFinalizers?.removeEventListener('abort', onEndFinalizers);
        });
    }
    /** Whether a failed attempt may be followed by another: finalizers run on after a failure or cancellation. */
    retriesAllowed(task) {
        return task.finalizer === true || !(this.failed || this.cancelled);
    }
    cancel() {
        if (this.cancelled)
            return;
        this.cancelled = true;
        this.options.log.info('run cancelled: stopping running tasks, then running finalizers');
        const { signal } = this.options;
        const reason = (0,urgent_stop/* stoppedUrgently */.wJ)(signal) ? signal?.reason : new Error('the run was cancelled');
        const running = [...this.states.values()].filter((state) => state.status === 'running' && !state.task.finalizer);
        for (const state of running) {
            state.cancelledByRun = true;
            // Stryker disable next-line OptionalChaining: a running task always has its controller
            state.controller?.abort(reason);
        }
        this.options.onCancel?.(this.snapshot(running));
        // Stryker disable next-line CallExpression: only speeds up the skips; the next task to settle pumps with the same result
        this.pump();
    }
    endFinalizers() {
        if (this.finalizersEnded)
            return;
        this.finalizersEnded = true;
        this.options.log.info('finalizers ended: stopping the running ones, skipping the rest');
        for (const state of this.states.values()) {
            if (!state.task.finalizer || state.status !== 'running')
                continue;
            state.cancelledByRun = true;
            // Stryker disable next-line OptionalChaining: a running task has its controller, and only endFinalizers calls this
            state.controller?.abort(this.options.endFinalizers?.reason ?? new Error('the finalizers were ended'));
            state.abandon?.();
        }
        // Stryker disable next-line CallExpression: the abandoned finalizers settle and pump with the same result
        this.pump();
    }
    /** The result as it stands, with the given running tasks shown cancelled now. */
    snapshot(running) {
        const now = Date.now();
        const result = this.result();
        const cancelledNow = new Set(running.map((state) => state.task.id));
        const spans = result.spans.map((span) => cancelledNow.has(span.id) && span.start !== null
            ? { ...span, notes: [...span.notes], attributes: { ...span.attributes }, outcome: 'cancelled', end: now, durationMs: now - span.start }
            : { ...span, notes: [...span.notes], attributes: { ...span.attributes } });
        return { ...result, spans, results: new Map(result.results), finishedAt: now };
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
                if (state.status !== 'pending')
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
        if (state.task.finalizer)
            return this.finalizersEnded ? 'the finalizers were ended' : undefined;
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
        // Stryker disable next-line OptionalChaining: validateGraph made sure every need is a task
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
        const settlement = await this.settleOrAbandon(state, this.context(state, log, controller.signal), controller.signal);
        clearTimeout(timer);
        state.abandon = undefined;
        if (settlement.kind === 'abandoned') {
            span.notes.push(task.finalizer && this.finalizersEnded
                ? 'abandoned: the finalizers were ended'
                : `did not stop within ${(0,duration/* formatDuration */.a)(this.abandonAfterMs)} of being aborted; abandoned`);
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
    settleOrAbandon(state, ctx, signal) {
        const { task } = state;
        return new Promise((resolve) => {
            let abandonTimer;
            state.abandon = () => {
                clearTimeout(abandonTimer);
                resolve({ kind: 'abandoned' });
            };
            const onAbort = () => {
                abandonTimer = setTimeout(() => resolve({ kind: 'abandoned' }), this.abandonAfterMs);
            };
            // Stryker disable next-line ObjectLiteral,BooleanLiteral: an AbortSignal dispatches 'abort' only once
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
        if (!retry || attempt >= retry.attempts || !this.retriesAllowed(state.task) || !retry.isRetryable(error))
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
        return this.retriesAllowed(state.task);
    }
    fail(state, error) {
        if (state.task.optional)
            return this.settle(state, 'failure', error);
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
            ok: spans.every(countsAsSuccess),
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
// EXTERNAL MODULE: ./src/images/image-tasks.ts
var image_tasks = __webpack_require__(17400);
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
        weight: { memoryMiB: image_tasks/* TRANSFER_MEMORY_MIB */.t$ },
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
var util_bytes = __webpack_require__(1671);
;// CONCATENATED MODULE: ./src/images/load.ts
/**
 * Puts every image of the run into the cluster at once: ONE archive of the built, pulled and
 * dependency images, loaded by kind into every node. The archive is then removed, and so are the
 * images this run left dangling (GitHub-hosted runners have about 14 GB of free disk): those its
 * references named before it rebuilt or pulled them. Other dangling images belong to other runs
 * or to the user and are never touched. The archive is a plain docker-archive, never gzip
 * (Podman 4.3 cannot load a compressed one).
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
                ctx.log.info(`saved ${references.length} images into one archive of ${(0,util_bytes/* formatBytes */.z)(archiveBytes)}`);
                await options.kind.loadImageArchive(archive);
            }
            finally {
                await (0,external_node_fs_promises_.rm)(archive, { force: true });
            }
            const prunedBytes = await pruneQuietly(engine, options.replacedImageIds, ctx.log, ctx.signal);
            const bytesFreed = archiveBytes + prunedBytes;
            ctx.span.set('archiveBytes', archiveBytes);
            ctx.span.set('bytesFreed', bytesFreed);
            ctx.log.info(`loaded ${references.length} images; freed ${(0,util_bytes/* formatBytes */.z)(bytesFreed)} (archive and images this run left dangling)`);
            return { images: references.length, archiveBytes, bytesFreed };
        },
    };
}
/** Pruning is housekeeping: a failure is a warning, not a failed run. */
async function pruneQuietly(engine, ids, log, signal) {
    try {
        return (await engine.removeDangling(ids, { signal })).bytesReclaimed;
    }
    catch (error) {
        log.warning(`could not prune dangling images: ${error.message.split('\n')[0]}`);
        return 0;
    }
}

;// CONCATENATED MODULE: ./src/images/phase.ts




function imagePhaseTasks(options) {
    const { engine, plan, recovery } = options;
    const images = (0,image_tasks/* imageTasks */.y6)({
        engine,
        recovery,
        repoRoot: options.repoRoot,
        images: plan.images,
        decisions: options.decisions,
        cache: { mode: options.cache, registry: plan.registry, localDir: options.localCacheDir, github: options.github },
        push: options.push,
        buildTimeoutMs: options.buildTimeoutMinutes * 60_000,
        pushDeadline: options.pushDeadline,
    });
    const dependencies = dependencyTasks({ engine, recovery, dependencies: plan.dependencies });
    if (options.load === undefined)
        return [...images, ...dependencies];
    const toLoad = [...plan.images.map((image) => (0,image_tasks/* imageTaskId */.MK)(image.name)), ...dependencies.map((task) => task.id)];
    return [...images, ...dependencies, loadTask({ ...options.load, engine, imageTasks: toLoad })];
}
function imagePhaseReport(results, options) {
    const outcome = (id) => results.get(id);
    const images = options.plan.images.flatMap((image) => {
        const built = outcome((0,image_tasks/* imageTaskId */.MK)(image.name));
        if (built === undefined)
            return [];
        const pushed = results.get((0,image_tasks/* pushTaskId */.NM)(image.name));
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
/**
 * The image phase in the run's graph: the one way it runs, for a whole run, an images-only run,
 * the benchmarks and the tests.
 */
async function runImagePhase(options) {
    for (const notice of options.push.notice === undefined ? [] : [options.push.notice])
        options.log.notice(notice);
    const imageTasks = imagePhaseTasks(options);
    const tasks = options.withTasks === undefined ? imageTasks : await options.withTasks(imageTasks);
    const { onCancel } = options;
    const graph = await runGraph(tasks, {
        concurrency: options.limits.concurrency,
        memoryBudgetMiB: options.limits.memoryBudgetMiB,
        log: options.log,
        signal: options.signal,
        endFinalizers: options.endFinalizers,
        ...(onCancel === undefined ? {} : { onCancel: (snapshot) => onCancel(snapshot, imagePhaseReport(snapshot.results, options)) }),
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
async function pushDecision(push, run, read = (file) => (0,external_node_fs_promises_.readFile)(file, 'utf8')) {
    if (!push)
        return { allowed: false };
    const event = run.eventName;
    if (event === undefined || !PULL_REQUEST_EVENTS.has(event))
        return { allowed: true };
    const refuse = (why) => ({ allowed: false, notice: `push is on, but images are not pushed: ${why}` });
    let payload;
    try {
        payload = JSON.parse(await read(run.eventPath ?? ''));
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
        (0,util_bytes/* formatBytes */.z)(result.sizeBytes),
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
        paragraphs.push(`Loaded ${report.load.images} images into the cluster from one archive of ${(0,util_bytes/* formatBytes */.z)(report.load.archiveBytes)}; ` +
            `freed ${(0,util_bytes/* formatBytes */.z)(report.load.bytesFreed)} afterwards (archive and dangling images).`);
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

// EXTERNAL MODULE: ./src/collect/artifacts.ts + 1 modules
var artifacts = __webpack_require__(17674);
// EXTERNAL MODULE: ./src/report/plan-render.ts
var plan_render = __webpack_require__(37132);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./src/util/deadline.ts
var deadline = __webpack_require__(84054);
// EXTERNAL MODULE: ./src/util/file-write.ts
var file_write = __webpack_require__(84958);
;// CONCATENATED MODULE: ./src/baseline/cache.ts
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
function baselineKeyPrefix(identity, run) {
    const shard = identity.shard === null ? '' : `${identity.shard.index}/${identity.shard.total}`;
    const stack = (0,external_node_crypto_.createHash)('sha256').update(`${identity.stack}\n${run.job ?? ''}\n${shard}`).digest('hex');
    return `${KEY_PREFIX}${stack.slice(0, 12)}-`;
}
function baselineKey(identity, run) {
    return `${baselineKeyPrefix(identity, run)}${run.runId ?? '0'}-${run.runAttempt ?? '1'}`;
}
/**
 * The cache entry's directory. The cache version hashes this path, so it must be the same in
 * every run: RUNNER_TEMP is (`/home/runner/work/_temp` on hosted runners), and the runner
 * empties it for each job, so nothing stale is ever mistaken for a restored baseline.
 */
function baselineDir() {
    return (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'aianalysis-e2e-timings-baseline');
}
async function restoreBaseline(identity, github, deadlineMs = DEFAULT_DEADLINE_MS) {
    const cache = await github.cache();
    if (cache === undefined)
        return { status: 'none', reason: 'no cache service (not on GitHub Actions)' };
    const dir = baselineDir();
    await (0,external_node_fs_promises_.rm)(dir, { recursive: true, force: true });
    const prefix = baselineKeyPrefix(identity, github.run);
    // The prefix is also given as a restore key: restore keys are prefix-matched by definition.
    const key = await (0,deadline/* withDeadline */.N)(cache.restore([dir], prefix, [prefix]), deadlineMs, 'Restoring the timing baseline');
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
async function saveBaseline(identity, timings, github, deadlineMs = DEFAULT_DEADLINE_MS) {
    const cache = await github.cache();
    if (cache === undefined)
        return { saved: false, reason: 'no cache service (not on GitHub Actions)' };
    const dir = baselineDir();
    await (0,external_node_fs_promises_.rm)(dir, { recursive: true, force: true });
    await (0,external_node_fs_promises_.mkdir)(dir, { recursive: true });
    const stored = {
        schemaVersion: 1,
        runId: github.run.runId ?? '',
        runAttempt: github.run.runAttempt ?? '',
        ref: github.run.ref ?? '',
        savedAt: new Date().toISOString(),
        timings,
    };
    await (0,file_write/* writeNamedFile */.Bl)((0,external_node_path_.join)(dir, FILE_NAME), `${JSON.stringify(stored, null, 2)}\n`);
    const key = baselineKey(identity, github.run);
    const id = await (0,deadline/* withDeadline */.N)(cache.save([dir], key), deadlineMs, 'Saving the timing baseline');
    return id === -1
        ? { saved: false, reason: 'the cache service did not store it (see the cache client’s message above)' }
        : { saved: true, key };
}

;// CONCATENATED MODULE: ./src/baseline/comparison.ts
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
const WARNING_TITLE = 'Slower than the baseline';
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
function describeBaseline(baseline, workflow) {
    const run = `${workflow.serverUrl || 'https://github.com'}/${workflow.repository}/actions/runs/${baseline.runId}`;
    const branch = baseline.ref.replace(/^refs\/heads\//, '');
    return `Baseline: [run ${baseline.runId}](${run}) on \`${branch}\`, saved ${baseline.savedAt}.`;
}
/** Whether this run may become the baseline: it succeeded, on the repository's default branch. */
async function baselineSaveRefusal(result, run) {
    if (!run.actions)
        return 'baselines are kept only on GitHub Actions';
    if (result !== 'success')
        return `the run did not succeed (${result})`;
    let defaultBranch;
    try {
        const event = JSON.parse(await (0,external_node_fs_promises_.readFile)(run.eventPath ?? '', 'utf8'));
        defaultBranch = event.repository?.default_branch;
    }
    catch {
        return 'the event payload (GITHUB_EVENT_PATH) does not say which branch is the default';
    }
    if (typeof defaultBranch !== 'string' || defaultBranch === '') {
        return 'the event payload does not name the default branch';
    }
    if (run.ref !== `refs/heads/${defaultBranch}`) {
        return `only runs on the default branch ${defaultBranch} are saved (this is ${run.ref ?? 'no ref'})`;
    }
    return undefined;
}
/** Restores the baseline, compares, warns about slow phases, and saves this run when it qualifies. */
async function reportAgainstBaseline(current, options) {
    const { identity, slowdownRatio, log, github } = options;
    const paragraphs = [];
    let table;
    let slower = [];
    let phases;
    const restored = await restoreBaseline(identity, github).catch((error) => {
        const reason = `the cache service failed: ${comparison_messageOf(error)}`;
        log.warning(`The timing baseline could not be restored: ${reason}`, { title: WARNING_TITLE });
        return { status: 'none', reason };
    });
    if (restored.status === 'found') {
        const comparisons = comparePhases(restored.baseline.timings.phases, current.phases, slowdownRatio);
        slower = comparisons.filter((c) => c.slower);
        for (const c of slower) {
            log.warning(`Phase ${c.phase} took ${durationCell(c.currentMs)}, ${c.ratio?.toFixed(2)}× its baseline of ` +
                `${durationCell(c.baselineMs)} (flagged above ${slowdownRatio}× and ${(0,duration/* formatDuration */.a)(SLOWDOWN_FLOOR_MS)} slower).`, { title: WARNING_TITLE });
        }
        paragraphs.push(describeBaseline(restored.baseline, github.run));
        table = comparisonTable(comparisons);
        phases = { phases: restored.baseline.timings.phases, slower: slower.map((c) => c.phase) };
    }
    else if (restored.status === 'unreadable') {
        log.warning(`The timing baseline ${restored.key} is unreadable and was ignored: ${restored.reason}`, { title: WARNING_TITLE });
        paragraphs.push('No comparison: the saved baseline could not be read.');
    }
    else {
        paragraphs.push(`No timing baseline to compare with: ${restored.reason}.`);
    }
    const refusal = await baselineSaveRefusal(current.result, github.run);
    if (refusal !== undefined) {
        paragraphs.push(`This run is not saved as the baseline: ${refusal}.`);
    }
    else {
        const saved = await saveBaseline(identity, current, github).catch((error) => ({ saved: false, reason: comparison_messageOf(error) }));
        if (saved.saved) {
            paragraphs.push('This run is the new baseline.');
        }
        else {
            log.warning(`This run could not be saved as the timing baseline: ${saved.reason}`, { title: WARNING_TITLE });
            paragraphs.push(`This run could not be saved as the baseline: ${saved.reason}.`);
        }
    }
    return { section: { heading: HEADING, paragraphs, table }, slower, phases };
}
function comparison_messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}

// EXTERNAL MODULE: ./src/report/summary-page.ts + 15 modules
var summary_page = __webpack_require__(23856);
// EXTERNAL MODULE: ./src/report/summary.ts + 1 modules
var summary = __webpack_require__(30434);
;// CONCATENATED MODULE: ./src/scheduler/timings.ts
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
        result: run.cancelled ? 'cancelled' : spans.every(countsAsSuccess) ? 'success' : 'failure',
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
    await (0,file_write/* writeNamedFile */.Bl)(file, `${JSON.stringify(timings, null, 2)}\n`);
}

// EXTERNAL MODULE: ./src/pipeline/cluster.ts + 1 modules
var pipeline_cluster = __webpack_require__(53168);
// EXTERNAL MODULE: ./src/pipeline/deploy.ts + 10 modules
var deploy = __webpack_require__(5044);
// EXTERNAL MODULE: ./src/collect/coverage.ts + 4 modules
var collect_coverage = __webpack_require__(42514);
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

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/kube/client.ts
var client = __webpack_require__(31934);
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

// EXTERNAL MODULE: ./src/kube/errors.ts
var kube_errors = __webpack_require__(23646);
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
        await (0,file_write/* writeNamedFile */.Bl)(file, (0,secrets/* redact */.E$)(text));
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
                    await (0,file_write/* writeNamedFile */.Bl)(file, redacted);
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
        await (0,file_write/* writeNamedFile */.Bl)(file, (0,secrets/* redact */.E$)(`${this.errors.join('\n')}\n`));
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
        await (0,deadline/* withDeadline */.N)(Promise.all(sources), timeoutMs, 'the logs bundle');
    }
    catch (error) {
        if (!(error instanceof deadline/* DeadlineError */.j))
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

// EXTERNAL MODULE: ./src/collect/coverage-section.ts
var coverage_section = __webpack_require__(98944);
// EXTERNAL MODULE: ./src/collect/coverage-profile.ts
var coverage_profile = __webpack_require__(71970);
;// CONCATENATED MODULE: ./src/collect/suite-evidence.ts
/**
 * What a suite that sets up its own stack leaves behind (kubernaut's must-gather, its kind log
 * export, the coverage it collects itself) copied into the run's evidence. Only what this run's
 * suite wrote is kept: a path last written before the suite started is a leftover of an earlier
 * run and is named, not kept. Nothing at the source is removed or changed.
 */





/** Clock steps between the file system and this process. */
const CLOCK_SLACK_MS = 2_000;
/** Entries looked at to find the newest write below a folder. */
const WALK_LIMIT = 20_000;
async function keepSuiteEvidence(request) {
    const files = [];
    const notes = [];
    for (const configured of request.paths) {
        for (const source of await expand(external_node_path_default().resolve(request.repoRoot, configured))) {
            if ((await newestWrite(source)) < request.since - CLOCK_SLACK_MS) {
                notes.push(`${source} is older than this run's suite: a leftover, not kept`);
                continue;
            }
            const inside = external_node_path_default().relative(request.repoRoot, source);
            const name = inside.startsWith('..') || external_node_path_default().isAbsolute(inside) ? external_node_path_default().join('tmp', external_node_path_default().basename(source)) : inside;
            const target = external_node_path_default().join(request.workDir, 'suite', name);
            await (0,file_write/* writingTo */.gC)(target, () => (0,external_node_fs_promises_.cp)(source, target, { recursive: true, dereference: false }));
            files.push(target);
        }
    }
    return { files, notes };
}
/** The path itself, or the entries of its folder matching a `*` pattern in its last name. */
async function expand(absolute) {
    const name = external_node_path_default().basename(absolute);
    if (!name.includes('*'))
        return (await exists(absolute)) ? [absolute] : [];
    const pattern = new RegExp(`^${name.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    const dir = external_node_path_default().dirname(absolute);
    const entries = await (0,external_node_fs_promises_.readdir)(dir).catch(() => []);
    return entries.filter((entry) => pattern.test(entry)).sort().map((entry) => external_node_path_default().join(dir, entry));
}
async function exists(file) {
    return (0,external_node_fs_promises_.stat)(file).then(() => true, () => false);
}
/** The latest modification time of the path or anything below it (bounded walk). */
async function newestWrite(source) {
    let newest = 0;
    let seen = 0;
    const pending = [source];
    while (pending.length > 0 && seen < WALK_LIMIT) {
        const current = pending.pop();
        const info = await (0,external_node_fs_promises_.stat)(current).catch(() => undefined);
        seen += 1;
        if (info === undefined)
            continue;
        newest = Math.max(newest, info.mtimeMs);
        if (info.isDirectory())
            pending.push(...(await (0,external_node_fs_promises_.readdir)(current)).map((entry) => external_node_path_default().join(current, entry)));
    }
    return newest;
}
/** The total of the coverage profile the suite wrote, when it wrote one in this run. */
async function suiteCoverage(profile, since) {
    const info = await (0,external_node_fs_promises_.stat)(profile).catch(() => undefined);
    if (info === undefined || info.mtimeMs < since - CLOCK_SLACK_MS)
        return undefined;
    const totals = (0,coverage_profile/* measureCoverage */.jt)((0,coverage_profile/* parseProfile */.jZ)(await (0,external_node_fs_promises_.readFile)(profile, 'utf8'), profile));
    return {
        section: (0,coverage_section/* coverageSection */.EA)({ totals, deployments: [], warnings: [] }),
        outputs: totals.percent === undefined ? {} : { 'coverage-percent': (0,coverage_profile/* formatPercent */.l9)(totals.percent) },
    };
}

;// CONCATENATED MODULE: ./src/pipeline/evidence.ts
// The finalizers that keep the evidence, whatever happened before them. For a deployed stack:
// the logs bundle (on a failure, or always when asked) and then coverage; logs come first, since
// coverage scales the instrumented Deployments to zero and their pods' logs go with them. For a
// suite that set up its own stack: kind's logs while its cluster still stands, then what the
// suite left (must-gather, its coverage profile and data).





const API_CALL_TIMEOUT_MS = 30_000;
const FINALIZER_TIMEOUT_MS = 15 * 60_000;
function evidenceTasks(options) {
    return options.plan.setup === 'suite' ? suiteLeftovers(options) : deployedStackEvidence(options);
}
/** An evidence finalizer: it runs after `needs` whatever their outcome, within its own limit. */
function finalizer(id, title, needs, run) {
    return { id, title, phase: 'evidence', needs: [needs], finalizer: true, timeoutMs: FINALIZER_TIMEOUT_MS, run };
}
/** Files of the run's own evidence, kept relative to the work directory. */
function keeper(state, workDir) {
    return (files) => state.evidence.push(...files.map((file) => (0,external_node_path_.relative)(workDir, file)));
}
/** The outcome of the task `after` as a run result. */
function resultOf(ctx, after) {
    const outcome = ctx.outcome(after);
    return outcome === 'success' ? 'success' : outcome === 'cancelled' ? 'cancelled' : 'failure';
}
function suiteLeftovers(options) {
    const { config, plan, host, state } = options;
    const keep = keeper(state, host.workDir);
    const kindLogs = finalizer('kind-logs', 'Export the kind logs', options.after, async (ctx) => {
        if (!logsBundleWanted(resultOf(ctx, options.after), config.report.logsOnSuccess))
            return ctx.span.note('not wanted: the run succeeded');
        if (!state.kind || !(await state.kind.clusterExists()))
            return ctx.span.note('no cluster left: the suite deleted it');
        const dir = (0,external_node_path_.join)(host.workDir, 'logs', 'kind');
        await state.kind.exportLogs(dir);
        keep([dir]);
    });
    const leftovers = finalizer('suite-evidence', 'Keep what the suite left', kindLogs.id, async (ctx) => {
        if (state.suiteStartedAt === undefined)
            return ctx.span.note('the suite did not start');
        const since = state.suiteStartedAt;
        const kept = await keepSuiteEvidence({ paths: plan.suite.evidence, repoRoot: host.repoRoot, workDir: host.workDir, since });
        for (const note of kept.notes)
            ctx.log.info(note);
        keep(kept.files);
        const coverage = plan.coverage.profile ? await suiteCoverage((0,external_node_path_.resolve)(host.repoRoot, plan.coverage.profile), since) : undefined;
        if (coverage) {
            state.coverageProfile = (0,external_node_path_.resolve)(host.repoRoot, plan.coverage.profile);
            state.addSections('coverage', coverage.section);
            Object.assign(state.outputs, coverage.outputs);
        }
        return { kept: kept.files.length, coverage: coverage?.outputs['coverage-percent'] };
    });
    return [kindLogs, leftovers];
}
function deployedStackEvidence(options) {
    const { config, host, state } = options;
    const kube = (signal) => state.kubeconfig ? (0,client/* connectKube */.mS)(state.kubeconfig, { callTimeoutMs: API_CALL_TIMEOUT_MS, signal }) : undefined;
    const keep = keeper(state, host.workDir);
    const logs = finalizer('logs-bundle', 'Collect the logs bundle', options.after, async (ctx) => {
        if (!logsBundleWanted(resultOf(ctx, options.after), config.report.logsOnSuccess))
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
    });
    const coverage = finalizer('coverage', 'Collect coverage', logs.id, async (ctx) => {
        const clients = kube(ctx.signal);
        if (!options.plan.coverage.enabled)
            return ctx.span.note('coverage is off');
        if (!clients || !state.kind)
            return ctx.span.note('no cluster: nothing ran to measure');
        const result = await (0,collect_coverage/* collectCoverage */.fm)((0,collect_coverage/* coverageRequestFrom */.gf)(config, {
            kube: clients,
            repoRoot: host.repoRoot,
            workDir: host.workDir,
            nodes: await state.kind.nodeNames(),
            engine: state.kind.provider,
            log: ctx.log,
            signal: ctx.signal,
        }));
        keep(result.files);
        state.coverageProfile = result.profile;
        state.addSections('coverage', result.section);
        Object.assign(state.outputs, result.outputs);
    });
    return [logs, coverage];
}

// EXTERNAL MODULE: ./src/pipeline/handoff.ts + 2 modules
var handoff = __webpack_require__(18946);
// EXTERNAL MODULE: ./src/config/index.ts + 15 modules
var config = __webpack_require__(65424);
;// CONCATENATED MODULE: ./src/images/artifact-manifest.ts
/**
 * The manifest that travels with the images of a workflow run in their one workflow artifact:
 * per image its reference (which carries the content tag), the engine's image id and, when it
 * went to a registry, the registry's digest; per docker-archive of the artifact its file, its
 * size and the images it holds, in the order of the artifact's zip. The manifest is the zip's first
 * entry, so a job that loads the artifact knows each archive's size before it arrives and can load
 * it as soon as it is complete. The jobs check what they loaded against it, so an image that was
 * swapped, lost, damaged or made from other inputs stops the run.
 */


const MANIFEST_FILE = 'images.json';
const FORMAT = 'aianalysis-e2e-images/2';
/** The docker-archive of one image in the artifact (image names are DNS labels). */
const archiveFileOf = (image) => `${image}.tar`;
const sha256 = schemas/* string */.YjP().regex(/^sha256:[0-9a-f]{64}$/);
const archiveSchema = schemas/* strictObject */.rej({
    /** A file at the artifact's top level, never a path. */
    file: schemas/* string */.YjP().regex(/^[a-z0-9][a-z0-9._-]*\.tar$/),
    /** Its size, by which a job sees that the download has written all of it. */
    bytes: schemas/* number */.aig().int().positive(),
    /** The names of the images it holds. */
    images: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).min(1),
});
const manifestSchema = schemas/* strictObject */.rej({
    format: schemas/* literal */.euz(FORMAT),
    /** The docker-archives in the artifact, in the order of its zip: smallest first. */
    archives: schemas/* array */.YOg(archiveSchema).min(1),
    images: schemas/* array */.YOg(schemas/* strictObject */.rej({
        name: schemas/* string */.YjP().min(1),
        reference: schemas/* string */.YjP().min(1),
        /** The content tag of the reference, on its own for people and tools. */
        contentTag: schemas/* string */.YjP().min(1),
        /** The engine's image id: the digest of the image's configuration. */
        id: sha256,
        /** The registry's manifest digest, when the image came from or went to a registry. */
        digest: sha256.nullable(),
    }))
        .min(1),
});
function manifestOf(images, archives) {
    return {
        format: FORMAT,
        archives: [...archives],
        images: images.map((image) => ({
            name: image.name,
            reference: image.reference,
            contentTag: (0,config/* parseReference */.F2)(image.reference).tag ?? '',
            id: image.id,
            digest: image.digest,
        })),
    };
}
/** The manifest as read from an artifact; `where` names the file in errors. */
function parseManifest(text, where) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${where} is not JSON (${error.message}): the images artifact is damaged; run the images job again`);
    }
    const parsed = manifestSchema.safeParse(data);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${where} is not a manifest of format ${FORMAT} (${issue.path.join('.') || 'top level'}: ${issue.message}): ` +
            'the artifact was written by another version of the action or by something else; run the images job again');
    }
    const manifest = parsed.data;
    const names = manifest.images.map((image) => image.name);
    const held = manifest.archives.flatMap((archive) => archive.images);
    const files = manifest.archives.map((archive) => archive.file);
    const unheld = names.filter((name) => !held.includes(name));
    const strangers = held.filter((name) => !names.includes(name));
    if (unheld.length > 0 || strangers.length > 0 || new Set(held).size !== held.length || new Set(files).size !== files.length) {
        throw new Error(`${where} does not put every image in exactly one archive file (${[...unheld.map((n) => `'${n}' in none`), ...strangers.map((n) => `'${n}' not listed`)].join(', ') || 'an image or a file twice'}): ` +
            'the images artifact is damaged; run the images job again');
    }
    return manifest;
}
/**
 * What is wrong with the images an engine holds after loading the archive, one line per image:
 * missing, or a different image id than the manifest records. Empty when every image checks out.
 */
function loadProblems(manifest, held) {
    return manifest.images.flatMap((image) => {
        const info = held.get(image.reference);
        if (info === undefined)
            return [`${image.reference} (image '${image.name}') is not in the engine after loading the archive`];
        if (info.id !== image.id)
            return [`${image.reference} (image '${image.name}') has id ${info.id}; the manifest records ${image.id}`];
        return [];
    });
}

// EXTERNAL MODULE: ./src/github/services.ts
var services = __webpack_require__(31463);
;// CONCATENATED MODULE: ./src/images/artifact-transfer.ts


const TRANSFER_DEADLINE_MS = 20 * 60 * 1000;
/**
 * Fast deflate: Go binaries shrink to about 45% at level 1, and on a runner the download goes over
 * the network, where the bytes cost more than the inflate, which runs beside the loads. (Level 0
 * only wins where the transfer is local and the payload does not compress.)
 */
const COMPRESSION_LEVEL = 1;
/** Outside GitHub Actions there is no artifact service: the images come from elsewhere. */
const INSTEAD = 'outside GitHub Actions leave images-artifact empty';
async function uploadImagesArtifact(request, github) {
    const client = (0,services/* requireArtifacts */.H)(github, `Writing the images artifact '${request.name}'`, INSTEAD);
    const upload = client.uploadArtifact(request.name, request.files, request.rootDir, {
        retentionDays: request.retentionDays,
        compressionLevel: COMPRESSION_LEVEL,
    });
    const response = await (0,deadline/* withDeadline */.N)(upload, TRANSFER_DEADLINE_MS, `The upload of the images artifact '${request.name}'`);
    if (response.id === undefined)
        throw new Error(`the artifact service returned no id for the images artifact '${request.name}'`);
    return { id: response.id, size: response.size ?? 0 };
}
/** Downloads and unpacks the artifact into `dir`, checking its digest; returns its size in bytes. */
async function downloadImagesArtifact(request, github) {
    const client = (0,services/* requireArtifacts */.H)(github, `Loading the images artifact '${request.name}'`, INSTEAD);
    const findBy = otherRun(request, github.run);
    const where = findBy === undefined ? 'this workflow run' : `workflow run ${request.runId}`;
    const { artifact } = await client.getArtifact(request.name, findBy === undefined ? {} : { findBy }).catch((error) => {
        if (findBy !== undefined && (error.status === 401 || error.status === 403)) {
            throw new Error(`the token in 'github-token' may not read the artifacts of workflow run ${request.runId} (HTTP ${error.status}: ${error.message.split('\n')[0]}): ` +
                'give the workflow `permissions: actions: read` and pass `github-token: ${{ github.token }}`');
        }
        throw new Error(`no artifact '${request.name}' in ${where} (${error.message.split('\n')[0]}): the images job must run first ` +
            "(needs: in the workflow) with the same input 'images-artifact', and the artifact must not have expired");
    });
    const download = client.downloadArtifact(artifact.id, { path: request.dir, ...(artifact.digest ? { expectedHash: artifact.digest } : {}), ...(findBy ? { findBy } : {}) });
    const { digestMismatch } = await (0,deadline/* withDeadline */.N)(download, TRANSFER_DEADLINE_MS, `The download of the images artifact '${request.name}'`).catch((error) => {
        if (error.message.includes(`'${request.name}'`))
            throw error;
        throw new Error(`the download of the images artifact '${request.name}' of ${where} failed: ${error.message}`);
    });
    if (digestMismatch)
        throw new Error(`the images artifact '${request.name}' of ${where} does not match its recorded digest ${artifact.digest}: it was damaged on the way; run the job again`);
    return { size: artifact.size };
}
function otherRun(request, run) {
    if (request.runId === 0)
        return undefined;
    const [owner, repo] = (run.repository ?? '').split('/');
    if (!request.token)
        throw new Error(`the images artifact of workflow run ${request.runId} can only be read with a token: set the input 'github-token' (the workflow needs permissions: actions: read)`);
    if (!owner || !repo)
        throw new Error('the workflow run names no repository (GITHUB_REPOSITORY is not set): the images artifact of another workflow run cannot be found');
    return { token: request.token.reveal(), workflowRunId: request.runId, repositoryOwner: owner, repositoryName: repo };
}

;// CONCATENATED MODULE: ./src/images/artifact-publish.ts
/**
 * The images job's hand-on: once every image of the run is there (and pushed, where pushing is
 * allowed), each is saved as its own docker-archive and all are uploaded with their manifest as
 * ONE workflow artifact, which every E2E job of the run loads instead of resolving the images
 * again. The files go to the toolkit manifest first, then the archives smallest first, and its zip
 * keeps that order as far as its concurrent file reads finish in order: a job that loads the
 * artifact loads each archive as soon as the download has written it (and the manifest), while
 * the rest arrives; any order still loads, only with less overlap.
 */






const IMAGES_ARTIFACT_TASK_ID = 'images-artifact';
function imagesArtifactTask(options) {
    const needs = options.after.map((task) => task.id);
    return {
        id: IMAGES_ARTIFACT_TASK_ID,
        title: `Write the images artifact ${options.name}`,
        phase: 'images',
        needs,
        run: async (ctx) => {
            const results = options.images.map((image) => {
                const { result } = ctx.result((0,image_tasks/* imageTaskId */.MK)(image.name));
                const pushed = needs.includes((0,image_tasks/* pushTaskId */.NM)(image.name)) ? ctx.result((0,image_tasks/* pushTaskId */.NM)(image.name)).digest : null;
                return { ...result, digest: pushed ?? result.digest };
            });
            await (0,external_node_fs_promises_.mkdir)(options.dir, { recursive: true });
            try {
                const { files, bytes } = await writeArtifactFiles(options.engine, results, options.dir, { signal: ctx.signal, log: ctx.log });
                const uploaded = await uploadImagesArtifact({ name: options.name, rootDir: options.dir, files, retentionDays: options.retentionDays }, options.github);
                ctx.span.note(`${results.length} images, archives ${(0,util_bytes/* formatBytes */.z)(bytes)}, uploaded ${(0,util_bytes/* formatBytes */.z)(uploaded.size)}`);
                return { name: options.name, id: uploaded.id, archiveBytes: bytes, uploadedBytes: uploaded.size };
            }
            finally {
                await (0,external_node_fs_promises_.rm)(options.dir, { recursive: true, force: true });
            }
        },
    };
}
/**
 * Saves each image as its own docker-archive in `dir` and writes the manifest; returns the files
 * in the order the artifact's zip must hold them (the client zips them in the order given):
 * the manifest, then the archives smallest first, so the first loads start soonest.
 */
async function writeArtifactFiles(engine, images, dir, options = {}) {
    const archives = [];
    for (const image of images) {
        const file = archiveFileOf(image.name);
        const { bytes } = await engine.save([image.reference], (0,external_node_path_.join)(dir, file), options);
        archives.push({ file, bytes, images: [image.name] });
    }
    archives.sort((a, b) => a.bytes - b.bytes);
    await (0,external_node_fs_promises_.writeFile)((0,external_node_path_.join)(dir, MANIFEST_FILE), `${JSON.stringify(manifestOf(images, archives), null, 2)}\n`);
    return {
        files: [MANIFEST_FILE, ...archives.map((archive) => archive.file)].map((file) => (0,external_node_path_.join)(dir, file)),
        bytes: archives.reduce((sum, archive) => sum + archive.bytes, 0),
    };
}

;// CONCATENATED MODULE: ./src/images/artifact-arrival.ts
/**
 * Files of an artifact while the toolkit's client downloads it: the client unpacks the zip's
 * entries to their files in order as the stream arrives and says nothing until the end, so the
 * files are watched: a file is there once it has the size its manifest records.
 */


/** How often a file being written is looked at: small against the seconds an image's load takes. */
const POLL_MS = 50;
/** A download under way: whether it has ended, and a promise that settles (never rejects) when it does. */
class Download {
    result;
    running = true;
    ended;
    constructor(result) {
        this.result = result;
        const end = () => {
            this.running = false;
        };
        this.ended = result.then(end, end);
    }
    get isRunning() {
        return this.running;
    }
}
/**
 * What `look` finds, looked at again until it finds something or the download has ended (then
 * one last look, at what the download left).
 */
async function watch(download, look) {
    for (;;) {
        const ended = !download.isRunning;
        const found = await look();
        if (found !== undefined || ended)
            return found;
        await Promise.race([(0,promises_.setTimeout)(POLL_MS), download.ended]);
    }
}
/** The size of a file, or undefined while it does not exist. */
async function sizeOf(path) {
    return (0,external_node_fs_promises_.stat)(path).then((stats) => stats.size, () => undefined);
}
/** The text of a JSON file once it is whole (it parses); undefined while it is missing or part-written. */
async function wholeJson(path) {
    const text = await (0,external_node_fs_promises_.readFile)(path, 'utf8').catch(() => undefined);
    if (text === undefined)
        return undefined;
    try {
        JSON.parse(text);
        return text;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/images/artifact-restore.ts
/**
 * An E2E job's images, from the images job's artifact: the artifact client downloads and unpacks
 * it while each docker-archive in it is loaded into the engine as soon as the download has written
 * all of it (the manifest, the zip's first entry, gives each one's size), one load at a time; once
 * the download is whole and its digest checked, every image is checked against the manifest. What
 * was loaded is then what the run's source decisions find (image source `artifact`); nothing is built.
 */





async function restoreImagesArtifact(request) {
    const started = Date.now();
    const { engine, log, signal, name, dir } = request;
    await (0,external_node_fs_promises_.mkdir)(dir, { recursive: true });
    const download = new Download(downloadImagesArtifact({ name, runId: request.runId, token: request.token, dir }, request.github));
    try {
        const manifest = await arrivedManifest(download, name, dir);
        const damaged = (archive, error) => new Error(`loading ${archive.file} of the images artifact '${name}' failed: ${error.message}\nThe artifact is damaged; run the images job again.`);
        // A load that fails while the download goes on is tried again once it has ended: the client
        // starts the download over when the stream breaks, rewriting the files it had written.
        const again = [];
        let loadedDuringDownload = 0;
        for (const archive of manifest.archives) {
            signal?.throwIfAborted();
            const path = (0,external_node_path_.join)(dir, archive.file);
            const whole = await watch(download, async () => ((await sizeOf(path)) === archive.bytes ? true : undefined));
            if (whole === undefined) {
                await download.result;
                const size = await sizeOf(path);
                throw new Error(`${archive.file} of the images artifact '${name}' is ${size === undefined ? 'missing' : `${size} bytes`}; ` +
                    `its manifest records ${archive.bytes} bytes: the artifact is damaged; run the images job again`);
            }
            const during = download.isRunning;
            log.info(`Loading ${archive.file} (${archive.images.join(', ')}) into ${engine.name}${during ? ' while the download goes on' : ''}`);
            try {
                await engine.load(path, { signal, log });
                if (during)
                    loadedDuringDownload += 1;
            }
            catch (error) {
                if (!during)
                    throw damaged(archive, error);
                again.push(archive);
            }
        }
        const { size } = await download.result;
        log.info(`Downloaded the images artifact '${name}' (${size} bytes), its digest checked`);
        for (const archive of again) {
            log.info(`Loading ${archive.file} again, now that the download has ended`);
            await engine.load((0,external_node_path_.join)(dir, archive.file), { signal, log }).catch((error) => {
                throw damaged(archive, error);
            });
        }
        const references = manifest.images.map((image) => image.reference);
        const problems = loadProblems(manifest, await engine.localImages(references, { signal, log }));
        if (problems.length > 0) {
            throw new Error([`the images loaded from the artifact '${name}' do not match its manifest:`, ...problems.map((p) => `  - ${p}`), 'Run the images job again.'].join('\n'));
        }
        log.info(`Loaded and checked ${references.length} images from the artifact '${name}' into ${engine.name}: ${references.join(', ')}`);
        return { manifest, downloadedBytes: size, loadedDuringDownload, seconds: (Date.now() - started) / 1000 };
    }
    finally {
        // The client cannot be stopped; its files go only once it is done writing them.
        await download.ended;
        await (0,external_node_fs_promises_.rm)(dir, { recursive: true, force: true });
    }
}
/** The manifest, as soon as the download has written it whole (it is the zip's first entry). */
async function arrivedManifest(download, name, dir) {
    const path = (0,external_node_path_.join)(dir, MANIFEST_FILE);
    const where = `${MANIFEST_FILE} of the images artifact '${name}'`;
    const text = await watch(download, () => wholeJson(path));
    if (text !== undefined)
        return parseManifest(text, where);
    await download.result;
    const left = await (0,external_node_fs_promises_.readFile)(path, 'utf8').catch(() => {
        throw new Error(`the images artifact '${name}' has no ${MANIFEST_FILE}: it was not written by an images-only run of this action`);
    });
    return parseManifest(left, where);
}

;// CONCATENATED MODULE: ./src/images/image-cache.ts
/**
 * Images kept across workflow runs in the GitHub cache, one entry per image keyed by its content
 * tag, for repositories without a registry (or runs that may not push to it): the images job of
 * the next run restores an image it would otherwise build. The cache's limits apply (10 GB per
 * repository, entries evicted after 7 days unused; a pull request reads its own entries and the
 * default branch's).
 */





const image_cache_KEY_PREFIX = 'aianalysis-e2e-image';
const imageCacheTaskId = (name) => `cache-image-${name}`;
/** The cache key of one image: its name and the content tag of its reference. */
function imageCacheKey(image, reference) {
    return `${image_cache_KEY_PREFIX}-${image}-${(0,config/* parseReference */.F2)(reference).tag ?? ''}`;
}
const archiveOf = (dir, image) => (0,external_node_path_.join)(dir, `${image}.tar`);
/** Loads the image from the GitHub cache into the engine; false when the cache has no entry for it (or there is no cache here). */
async function restoreCachedImage(options, image, reference, log) {
    const cache = await options.github.cache();
    if (cache === undefined)
        return false;
    const archive = archiveOf(options.dir, image);
    const key = imageCacheKey(image, reference);
    await (0,external_node_fs_promises_.mkdir)(options.dir, { recursive: true });
    try {
        if ((await cache.restore([archive], key)) === undefined)
            return false;
        await options.engine.load(archive, { log });
        const held = await options.engine.localImages([reference], { log });
        if (!held.has(reference))
            throw new Error(`the cache entry ${key} does not hold ${reference}`);
        log.info(`image ${image}: restored ${reference} from the GitHub cache (${key})`);
        return true;
    }
    catch (error) {
        log.warning(`image ${image}: could not restore it from the GitHub cache, it is built instead: ${error.message}`);
        return false;
    }
    finally {
        await (0,external_node_fs_promises_.rm)(archive, { force: true });
    }
}
/** A task that keeps a built image in the GitHub cache for the next runs; never fails the run. */
function cacheImageTask(options, image) {
    return {
        id: imageCacheTaskId(image),
        title: `Keep image ${image} in the GitHub cache`,
        phase: 'images',
        needs: [(0,image_tasks/* imageTaskId */.MK)(image)],
        weight: { memoryMiB: image_tasks/* TRANSFER_MEMORY_MIB */.t$ },
        run: async (ctx) => {
            const cache = await options.github.cache();
            if (cache === undefined)
                return ctx.span.note('no GitHub cache here');
            const { reference } = ctx.result((0,image_tasks/* imageTaskId */.MK)(image)).result;
            const archive = archiveOf(options.dir, image);
            const key = imageCacheKey(image, reference);
            await (0,external_node_fs_promises_.mkdir)(options.dir, { recursive: true });
            try {
                await options.engine.save([reference], archive, { signal: ctx.signal, log: ctx.log });
                await cache.save([archive], key);
                ctx.span.note(`saved as ${key}`);
            }
            catch (error) {
                if (error instanceof services/* CacheEntryExistsError */.V)
                    ctx.span.note(`${key} exists already`);
                else
                    ctx.log.warning(`image ${image}: not kept in the GitHub cache: ${error.message}`);
            }
            finally {
                await (0,external_node_fs_promises_.rm)(archive, { force: true });
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/pipeline/images-artifact.ts
// The images of a workflow run as one artifact (build.imagesArtifact): an images-only run ends
// with writing it; a run with image source `artifact` starts by loading it, before the source
// decisions, which then find every image in the engine and build none. The images job also keeps
// what it builds in the GitHub cache by content tag, and takes from there what it would build.





/** Whether this run is an images job: images only, handing them on as an artifact. */
const isImagesJob = (config) => config.run.imagesOnly && config.build.imagesArtifact.name !== '';
/** The images job's GitHub cache of whole images (src/images/image-cache.ts). */
const imageCacheOf = (host, engine) => ({ engine, dir: (0,external_node_path_.join)(host.workDir, 'image-cache'), github: host.github });
/** The source probe of an images job that takes an image it would build from the GitHub cache. */
function imagesJobRestore(config, host, engine) {
    if (!isImagesJob(config))
        return {};
    return { restore: (image, reference) => restoreCachedImage(imageCacheOf(host, engine), image, reference, host.log) };
}
/**
 * The image phase's tasks of an images-only run; for an images job, followed by keeping each
 * built image in the GitHub cache and by the artifact.
 */
function withImagesArtifact(config, host, engine, images, decisions, tasks) {
    if (!isImagesJob(config))
        return tasks;
    const dir = (0,external_node_path_.join)(host.workDir, 'images-artifact-out');
    const built = decisions.filter((decision) => decision.source === 'build');
    const caching = built.map((decision) => cacheImageTask(imageCacheOf(host, engine), decision.image));
    const { name } = config.build.imagesArtifact;
    return [...tasks, ...caching, imagesArtifactTask({ engine, images, after: tasks, name, retentionDays: config.report.retentionDays, dir, github: host.github })];
}
/** Loads the images artifact when the image source is `artifact`: what it held, and the summary's account of it. */
async function loadImagesArtifact(config, host, engine, signal) {
    if (config.build.imageSource !== 'artifact')
        return { sections: [] };
    const { name, runId } = config.build.imagesArtifact;
    const restored = await host.log.group(`Load the images artifact ${name}`, () => restoreImagesArtifact({ engine, name, runId, token: config.githubToken, dir: (0,external_node_path_.join)(host.workDir, 'images-artifact-in'), log: host.log, signal, github: host.github }));
    const from = runId === 0 ? 'this workflow run' : `workflow run ${runId}`;
    const section = {
        heading: 'Images artifact',
        paragraphs: [
            `${restored.manifest.images.length} images from artifact \`${name}\` of ${from} (${(0,util_bytes/* formatBytes */.z)(restored.downloadedBytes)}), ` +
                `downloaded, loaded into ${engine.name} and checked against its manifest in ${restored.seconds.toFixed(1)} s ` +
                `(${restored.loadedDuringDownload} of ${restored.manifest.archives.length} archives loaded while the download went on); none built.`,
        ],
    };
    return { images: restored.manifest.images, sections: [section] };
}

// EXTERNAL MODULE: ./src/pipeline/preflight.ts
var preflight = __webpack_require__(48489);
;// CONCATENATED MODULE: ./src/pipeline/push-deadline.ts
// Pushing the images in a run that tests them is side work: once the suite has ended, the run's
// result is known, and a push still going (a registry refusing pushes is retried for minutes by
// the engine and by the image task) gets a minute more; then it is stopped, and reported apart
// from the suite's result.

const PUSH_GRACE_AFTER_SUITE_MS = 60_000;
class PushDeadline {
    graceMs;
    controller = new AbortController();
    timer;
    constructor(graceMs = PUSH_GRACE_AFTER_SUITE_MS) {
        this.graceMs = graceMs;
    }
    /** Aborted `graceMs` after the suite ended. */
    get signal() {
        return this.controller.signal;
    }
    /** The suite has ended: the pushes' clock starts. */
    suiteEnded() {
        if (this.timer !== undefined)
            return;
        const reason = new Error(`pushing was stopped: not done ${(0,duration/* formatDuration */.a)(this.graceMs)} after the suite ended (the suite's result stands)`);
        this.timer = setTimeout(() => this.controller.abort(reason), this.graceMs);
    }
    dispose() {
        clearTimeout(this.timer);
    }
}

// EXTERNAL MODULE: ./src/pipeline/coverage-artifacts.ts + 2 modules
var coverage_artifacts = __webpack_require__(72821);
// EXTERNAL MODULE: ./src/pipeline/pending-evidence.ts
var pending_evidence = __webpack_require__(4939);
// EXTERNAL MODULE: ./src/pipeline/sources.ts + 1 modules
var sources = __webpack_require__(76812);
// EXTERNAL MODULE: ./src/pipeline/state-keys.ts
var state_keys = __webpack_require__(41828);
;// CONCATENATED MODULE: ./src/pipeline/state.ts
/** The summary's sections in this order, whatever order the tasks finish in. */
const SLOTS = ['images', 'deploy', 'tests', 'coverage', 'evidence', 'baseline'];
class PipelineState {
    kind;
    kubeconfig;
    /** Folders of the tools the action installed (kind), put first on the suite's PATH. */
    toolDirs = [];
    /** How the suite finds the images (setup suite). */
    handoff;
    /** How focus, label and the JUnit report reach the suite, once read from its Makefile. */
    suiteContract;
    /** When the suite process started: what it leaves behind is newer. */
    suiteStartedAt;
    /** The run's Go coverage profile (absolute), once written and measured. */
    coverageProfile;
    /** Files of this run's own evidence (JUnit, coverage, logs bundle), relative to the work dir. */
    evidence = [];
    outputs = {};
    sections = new Map();
    addSections(slot, ...sections) {
        this.sections.set(slot, [...(this.sections.get(slot) ?? []), ...sections]);
    }
    /** The sections in summary order, with `extra` after a slot's own (a report written before the run ends). */
    orderedSections(extra = {}) {
        return SLOTS.flatMap((slot) => [...(this.sections.get(slot) ?? []), ...(extra[slot] ?? [])]);
    }
    /** The cluster, once its task has made it; a task that needs it declares that dependency. */
    requireKind() {
        if (!this.kind)
            throw new Error('the cluster has not been created');
        return this.kind;
    }
}

// EXTERNAL MODULE: ./src/pipeline/suite.ts + 6 modules
var pipeline_suite = __webpack_require__(31920);
;// CONCATENATED MODULE: ./src/pipeline/index.ts
// One real run as a task graph: images and the cluster (overlapped unless build-first), loading,
// deploy, suite; coverage and the logs bundle as finalizers; then evidence upload, timing
// baseline and the report. Everything that can be checked is checked before the graph starts,
// the runner's tools first (preflight.ts).
// An images-only run stops after the images (and their pushes).






























/**
 * The engine the run uses, logged in to the registry when credentials were given. The login goes
 * to the run's private auth folder (see registry-auth), which the post step removes if the run
 * does not get to.
 */
async function prepareEngine(config, host, signal) {
    const { prefix, username, password } = config.registry;
    const login = prefix && password ? { registry: prefix.split('/')[0], username, password } : undefined;
    const auth = login ? await (0,registry_auth/* createRegistryAuth */.O)(host.workDir) : undefined;
    if (auth)
        host.saveState(state_keys/* REGISTRY_AUTH_STATE_KEY */.by, auth.dir);
    const { engine, reason } = await (0,detect/* selectEngine */.X)(config.engine, {
        log: host.log,
        signal,
        env: auth?.env,
        dockerRestartCommand: config.build.engineRestartCommand ?? undefined,
        stallMs: config.build.stallSeconds * 1000,
    });
    host.log.info(`Container engine: ${engine.name} (${reason})`);
    if (login)
        await engine.login(login, { signal });
    return { engine, auth };
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
    const { config, host } = options;
    const signal = AbortSignal.any([
        ...(options.signal ? [options.signal] : []),
        AbortSignal.timeout(config.run.timeoutMinutes * 60_000),
    ]);
    const { engine, auth } = await prepareEngine(config, host, signal);
    try {
        const checks = await (0,preflight/* checkRunner */.RI)((0,preflight/* runnerNeeds */.um)(config, options.plan, host.repoRoot, engine.provider), { repoRoot: host.repoRoot, signal });
        for (const warning of (0,preflight/* requireReady */.VF)(checks))
            host.log.warning(warning, { title: 'Runner setup' });
        return await runWithEngine(options, engine, signal);
    }
    finally {
        if (auth)
            await (0,registry_auth/* removeRegistryAuth */.o)(auth.dir);
    }
}
async function runWithEngine(options, engine, signal) {
    const { config, plan, host } = options;
    const { log } = host;
    const artifact = await loadImagesArtifact(config, host, engine, signal);
    const { hashes, decisions } = await (0,sources/* resolveSources */.l)(config, plan, {
        repoRoot: host.repoRoot,
        localImages: (references) => engine.localImages(references, { signal }),
        log,
        artifact: artifact.images,
        ...imagesJobRestore(config, host, engine),
    });
    for (const decision of decisions)
        log.info(`image ${decision.image}: ${decision.source} ${decision.reference} (${decision.reason})`);
    const state = new PipelineState();
    const recovery = new EngineRecovery(engine, { signal });
    const push = await pushDecision(config.registry.push, host.github.run);
    const pushDeadline = plan.imagesOnly ? undefined : new PushDeadline();
    const images = {
        engine,
        plan,
        decisions,
        repoRoot: host.repoRoot,
        cache: config.build.cache,
        localCacheDir: (0,external_node_path_.join)(host.workDir, 'build-cache'),
        github: host.github,
        buildTimeoutMinutes: config.build.timeoutMinutes,
        push,
        pushDeadline: pushDeadline?.signal,
        recovery,
    };
    const stack = plan.imagesOnly ? undefined : await stackTasks({ ...options, signal, state, images, push, pushDeadline: pushDeadline });
    const imagesReport = (resolved) => ({
        sections: [...artifact.sections, (0,plan_render/* sourcesSection */.Mx)(decisions, hashes), imagesSection(resolved)],
        output: imagesOutput(resolved),
    });
    let reportedAtOnce;
    const { graph, report: resolved } = await runImagePhase({
        ...images,
        load: stack?.load,
        log,
        limits: imageLimits(config.build),
        signal,
        withTasks: (imageTasks) => stack === undefined ? withImagesArtifact(config, host, engine, plan.images, decisions, imageTasks) : [...imageTasks, ...stack.tasks],
        endFinalizers: options.endCollection,
        // The runner may kill a cancelled step any moment: the report goes out before the evidence is collected.
        onCancel: (snapshot, report) => {
            reportedAtOnce = reportAtOnce(snapshot, { ...options, state, signal, images: imagesReport(report) });
        },
    });
    await reportedAtOnce;
    pushDeadline?.dispose();
    const sideFailures = sideWorkFailures(graph);
    for (const failure of sideFailures)
        log.warning(failure, { title: 'Apart from the result' });
    const imagesPart = imagesReport(resolved);
    state.addSections('images', ...imagesPart.sections);
    state.outputs.images = imagesPart.output;
    const timings = toTimings(graph);
    if (await writeReportFile(host, state, () => writeTimings((0,external_node_path_.join)(host.workDir, TIMINGS_FILE), timings)))
        state.evidence.push(TIMINGS_FILE);
    // Before the upload, so that the summary page in the evidence has the baseline beside the run;
    // not after the runner's cancel, which leaves no time to wait on the cache service.
    const baseline = (0,urgent_stop/* stoppedUrgently */.wJ)(signal)
        ? undefined
        : await reportAgainstBaseline(timings, {
            identity: { stack: config.cluster.name, shard: config.suite.shard },
            slowdownRatio: config.report.baselineSlowdownRatio,
            log,
            github: host.github,
        });
    if (baseline)
        state.addSections('baseline', baseline.section);
    const report = () => ({
        result: timings.result,
        plan,
        error: firstError(graph, signal),
        timings,
        baseline: baseline?.phases,
        kubeconfig: state.kubeconfig,
        sideFailures,
        sections: state.orderedSections(),
        outputs: state.outputs,
    });
    if (await writeReportFile(host, state, () => (0,summary_page/* writeSummaryPage */.x)(host.workDir, (0,summary/* buildSummary */.f)(report()))))
        state.evidence.push(summary_page/* SUMMARY_PAGE */.b);
    await publishEvidence(config, host, state);
    await (0,coverage_artifacts.publishCiCoverage)(config, host, state);
    return report();
}
const TIMINGS_FILE = 'timings.json';
/** The side work (pushes in a run that tests) that failed, one line each: reported apart from the result. */
function sideWorkFailures(graph) {
    return graph.spans
        .filter((span) => span.optional && span.outcome === 'failure')
        .map((span) => `${span.title} failed: ${(span.error ?? 'no reason given').split('\n')[0]}`);
}
/**
 * Writes one of the run's report files. One that cannot be written (a full disk) is named in the
 * log and the summary; the summary, the outputs and the upload of the rest go on without it (like
 * all evidence, it does not turn the job red).
 */
async function writeReportFile(host, state, write) {
    try {
        await write();
        return true;
    }
    catch (error) {
        const message = error.message;
        host.log.warning(message, { title: 'Report file not written' });
        state.addSections('evidence', { paragraphs: [`⚠️ ${message}`] });
        return false;
    }
}
const COLLECTING_SECTION = {
    heading: 'Evidence',
    paragraphs: [
        'The run was cancelled: this report was written first; the evidence is being collected and uploaded ' +
            'by this step, or by the post step when this one is stopped before the upload.',
    ],
};
/**
 * The report of a cancelled run as it stands when the cancel arrives: timings.json, the summary
 * and the outputs, and the evidence so far handed to the post step. A failure here is logged:
 * the collection and the final report still follow.
 */
async function reportAtOnce(snapshot, context) {
    const { config, plan, host, state, images } = context;
    try {
        const timings = toTimings(snapshot);
        await writeTimings((0,external_node_path_.join)(host.workDir, TIMINGS_FILE), timings);
        (0,pending_evidence.savePendingEvidence)(host, pendingEvidence(config, [...state.evidence, TIMINGS_FILE], false));
        await host.publish({
            result: timings.result,
            plan,
            error: firstError(snapshot, context.signal),
            timings,
            kubeconfig: state.kubeconfig,
            sections: state.orderedSections({ images: images.sections, evidence: [COLLECTING_SECTION] }),
            outputs: { ...state.outputs, images: images.output },
        });
    }
    catch (error) {
        host.log.warning(`The report of the cancelled run could not be written at once: ${error.message}`);
    }
}
/**
 * Everything after the images. The suite's contract is read while the images resolve. For a
 * suite that sets up its own stack: the hand-off once every image is there, the cluster made
 * ahead (or a stale one cleared), the suite, what it leaves. For a deployed stack: the cluster
 * (while the images build, unless build-first), the one load, deploy, suite and the evidence
 * finalizers; its manifests are loaded before any task starts.
 */
async function stackTasks(options) {
    const { config, plan, host, state, images, signal, pushDeadline } = options;
    // The pushes' minute starts when the suite ends, however it ends.
    const boundPushes = (suite) => ({ ...suite, run: (ctx) => suite.run(ctx).finally(() => pushDeadline.suiteEnded()) });
    const imageIds = plan.images.map((image) => (0,image_tasks/* imageTaskId */.MK)(image.name));
    const cluster = {
        config,
        plan,
        host,
        state,
        provider: config.cluster.provider === 'auto' ? images.engine.provider : config.cluster.provider,
        needs: config.build.order === 'build-first' ? imageIds : [],
    };
    const suite = { config, plan, decisions: images.decisions, repoRoot: host.repoRoot, workDir: host.workDir, state };
    const common = [(0,pipeline_suite/* suiteContractTask */.An)(suite), ...evidenceTasks({ config, plan, host, state, after: pipeline_suite/* SUITE_TASK_ID */.Zr })];
    if (plan.setup === 'suite') {
        return {
            tasks: [
                (0,handoff/* handoffTask */.ei)({ ...suite, engine: images.engine, push: options.push }),
                (0,pipeline_cluster/* clusterTask */.WI)(cluster),
                boundPushes((0,pipeline_suite/* suiteTask */.eL)({ ...suite, needs: [handoff/* HANDOFF_TASK_ID */.VY, pipeline_cluster/* CLUSTER_TASK_ID */.NI] })),
                ...common,
            ],
        };
    }
    const deployPlan = await (0,deploy/* prepareDeploy */.hz)(config, plan, images.decisions, host.repoRoot);
    // The run's own outputs go to the work directory, never into the repository: a report left in
    // the build context would change the images' content hashes on the next run.
    const coverageDir = plan.coverage.enabled ? (0,external_node_path_.join)(host.workDir, config.cluster.coverageHostDir) : undefined;
    // The images the run's references name now: its builds and pulls may leave these dangling.
    const references = [...images.decisions.map((decision) => decision.reference), ...plan.dependencies.map((dependency) => dependency.image)];
    const replaced = await images.engine.localImages(references, { signal });
    return {
        load: {
            kind: { loadImageArchive: (archive) => state.requireKind().loadImageArchive(archive) },
            workDir: (0,external_node_path_.join)(host.workDir, 'images'),
            needs: [pipeline_cluster/* CLUSTER_TASK_ID */.NI],
            replacedImageIds: [...replaced.values()].map((image) => image.id),
        },
        tasks: [
            (0,pipeline_cluster/* clusterTask */.WI)({ ...cluster, coverageDir }),
            (0,deploy/* deployTask */.ln)({ deployPlan, state, workDir: host.workDir, needs: [LOAD_TASK_ID] }),
            boundPushes((0,pipeline_suite/* suiteTask */.eL)({ ...suite, needs: [deploy/* DEPLOY_TASK_ID */.Ik] })),
            ...common,
        ],
    };
}
function pendingEvidence(config, paths, uploadStarted) {
    const { artifactName, retentionDays } = config.report;
    return { paths: [...paths], artifactName, retentionDays, shard: config.suite.shard, uploadStarted };
}
/** Uploads the evidence; until the upload has been tried, the post step holds the request. */
async function publishEvidence(config, host, state) {
    const pending = pendingEvidence(config, state.evidence, true);
    (0,pending_evidence.savePendingEvidence)(host, pending);
    const outcome = await (0,artifacts/* uploadEvidence */.di)({ rootDir: host.workDir, ...pending }, host.log, host.github);
    (0,pending_evidence.clearPendingEvidence)(host);
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


/***/ }),

/***/ 4939:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   POST_NAME_SUFFIX: () => (/* binding */ POST_NAME_SUFFIX),
/* harmony export */   clearPendingEvidence: () => (/* binding */ clearPendingEvidence),
/* harmony export */   parsePendingEvidence: () => (/* binding */ parsePendingEvidence),
/* harmony export */   savePendingEvidence: () => (/* binding */ savePendingEvidence),
/* harmony export */   uploadPendingEvidence: () => (/* binding */ uploadPendingEvidence)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _collect_artifacts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17674);
/* harmony import */ var _state_keys_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41828);
/* harmony import */ var _saved_state_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24417);
// The evidence upload handed to the post step. GitHub's runner kills a cancelled main step ten
// seconds after the first signal, often before its upload is done, and then still runs post.
// So main saves what it would upload before it starts uploading and clears that once it has tried;
// post uploads a request still pending. The state is read back from a file of the runner: post
// validates it, takes the files only from the run's own work folder and never follows a path out.




const POST_NAME_SUFFIX = '-post';
function savePendingEvidence(host, pending) {
    host.saveState(_state_keys_js__WEBPACK_IMPORTED_MODULE_2__/* .PENDING_EVIDENCE_STATE_KEY */ .Cp, JSON.stringify(pending));
}
/** Main has uploaded the evidence, or tried and reported why not: nothing is left for post. */
function clearPendingEvidence(host) {
    host.saveState(_state_keys_js__WEBPACK_IMPORTED_MODULE_2__/* .PENDING_EVIDENCE_STATE_KEY */ .Cp, '');
}
/** A path inside the work folder: relative, without a `..` step. */
function insideWorkDir(path) {
    return typeof path === 'string' && path !== '' && !(0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(path) && !(0,node_path__WEBPACK_IMPORTED_MODULE_0__.normalize)(path).split('/').includes('..');
}
/** The request in `saved`, or an Error naming the field that is not valid. */
function parsePendingEvidence(saved) {
    const value = (0,_saved_state_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSavedObject */ .o)(saved);
    const { paths, artifactName, retentionDays, shard, uploadStarted } = value;
    if (!Array.isArray(paths) || !paths.every(insideWorkDir))
        throw new Error('paths are not all relative paths inside the work folder');
    if (typeof artifactName !== 'string' || artifactName === '')
        throw new Error('artifactName is not a name');
    if (typeof retentionDays !== 'number' || !Number.isInteger(retentionDays) || retentionDays < 0)
        throw new Error('retentionDays is not a whole number');
    if (shard !== null && !validShard(shard))
        throw new Error('shard is neither null nor an index and total');
    if (typeof uploadStarted !== 'boolean')
        throw new Error('uploadStarted is not true or false');
    return { paths, artifactName, retentionDays, shard, uploadStarted };
}
function validShard(shard) {
    if (typeof shard !== 'object' || shard === null)
        return false;
    const { index, total } = shard;
    return Number.isInteger(index) && Number.isInteger(total) && index >= 1 && index <= total;
}
/**
 * Post's part: uploads a pending request from the run's work folder; returns the artifact's
 * Markdown line for post's summary, or undefined when nothing was uploaded (each reason logged).
 */
async function uploadPendingEvidence(saved, workDir, log, github) {
    let pending;
    try {
        pending = parsePendingEvidence(saved);
    }
    catch (error) {
        log.warning(`aianalysis-e2e: the saved evidence state is not valid (${error.message}); nothing is uploaded`);
        return undefined;
    }
    log.info('aianalysis-e2e: the main step ended before it uploaded its evidence; uploading it now');
    const artifactName = pending.uploadStarted ? `${pending.artifactName}${POST_NAME_SUFFIX}` : pending.artifactName;
    const { artifact } = await (0,_collect_artifacts_js__WEBPACK_IMPORTED_MODULE_1__/* .uploadEvidence */ .di)({ rootDir: workDir, ...pending, artifactName }, log, github);
    return artifact && `Evidence of the stopped run, uploaded by the post step: artifact [${artifact.name}](${artifact.url}).`;
}


/***/ }),

/***/ 24417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ parseSavedObject)
/* harmony export */ });
// The first check of a record read back from the runner's state file (which a step could have
// written to): JSON of an object, its fields still unknown, each to be checked by the caller.
/** The object in `saved`, or an Error saying why it is not one. */
function parseSavedObject(saved) {
    let value;
    try {
        value = JSON.parse(saved);
    }
    catch {
        throw new Error('it is not JSON');
    }
    if (typeof value !== 'object' || value === null)
        throw new Error('it is not an object');
    return value;
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
