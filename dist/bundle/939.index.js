export const id = 939;
export const ids = [939];
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
