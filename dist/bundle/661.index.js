export const id = 661;
export const ids = [661];
export const modules = {

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

/***/ 11661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanupCluster: () => (/* binding */ cleanupCluster),
  cleanupRegistryAuth: () => (/* binding */ cleanupRegistryAuth)
});

// EXTERNAL MODULE: ./src/cluster/install.ts + 1 modules
var install = __webpack_require__(58899);
// EXTERNAL MODULE: ./src/cluster/kind.ts + 2 modules
var kind = __webpack_require__(18443);
// EXTERNAL MODULE: ./src/cluster/ownership.ts
var ownership = __webpack_require__(90203);
// EXTERNAL MODULE: ./src/engine/registry-auth.ts
var registry_auth = __webpack_require__(22250);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/pipeline/saved-state.ts
var saved_state = __webpack_require__(24417);
;// CONCATENATED MODULE: ./src/pipeline/cluster-record.ts
// The cluster record the cluster task saves for the post step (and the local command's cleanup),
// and its validation: the state is read back from a file of the runner, so every field is
// checked before anything acts on it, and a bad record is reported, never a stack trace.


const CLUSTER_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** The record in `saved`, or an Error naming the field that is not valid. */
function parseClusterRecord(saved) {
    const value = (0,saved_state/* parseSavedObject */.o)(saved);
    const { name, provider, kindPath, workDir, keep, runId } = value;
    if (typeof name !== 'string' || !CLUSTER_NAME.test(name))
        throw new Error('name is not a kind cluster name');
    if (provider !== 'docker' && provider !== 'podman')
        throw new Error("provider is neither 'docker' nor 'podman'");
    if (typeof kindPath !== 'string' || !(0,external_node_path_.isAbsolute)(kindPath))
        throw new Error('kindPath is not an absolute path');
    if (typeof workDir !== 'string' || !(0,external_node_path_.isAbsolute)(workDir))
        throw new Error('workDir is not an absolute path');
    if (typeof keep !== 'boolean')
        throw new Error('keep is not true or false');
    if (typeof runId !== 'string' || runId === '')
        throw new Error('runId is missing');
    return { name, provider, kindPath, workDir, keep, runId };
}

;// CONCATENATED MODULE: ./src/pipeline/cleanup.ts
// The end of a run: removing its private registry credentials and deleting its cluster. The
// action's post step (which also runs after a cancelled or crashed main step) and the local
// command's last act share this.





/** `saved` is the auth folder the run saved; the folder is removed only if it is one. */
async function cleanupRegistryAuth(saved, log) {
    try {
        if (await (0,registry_auth/* removeRegistryAuth */.o)(saved))
            log.info(`aianalysis-e2e: removed the run's registry credentials (${saved})`);
    }
    catch (error) {
        log.warning(`aianalysis-e2e: the run's registry credentials in ${saved} could not be removed: ${error.message}; delete that folder`);
    }
}
/**
 * `saved` is the cluster record the cluster task saved. The cluster is deleted only when the
 * record is valid, names a kind binary the action runs, and the cluster is still this run's.
 */
async function cleanupCluster(saved, log) {
    let cluster;
    try {
        cluster = parseClusterRecord(saved);
    }
    catch (error) {
        log.warning(`aianalysis-e2e: the saved cluster state is not valid (${error.message}); no cluster is deleted`);
        return;
    }
    if (cluster.keep) {
        log.info(`aianalysis-e2e: keeping cluster ${cluster.name} (keep-cluster is on); delete it with: kind delete cluster --name ${cluster.name}`);
        return;
    }
    if (!(await (0,ownership/* ownedBy */.LW)(cluster.provider, cluster.name, cluster.runId))) {
        log.warning(`aianalysis-e2e: cluster ${cluster.name} is not this run's (another run owns it now): left alone`);
        return;
    }
    if (!(await (0,install/* isTrustedKind */.go)(cluster.kindPath))) {
        log.warning(`aianalysis-e2e: the saved kind path ${cluster.kindPath} is neither the kind on PATH nor one the action installed: ` +
            `not run, cluster ${cluster.name} is left; delete it with: kind delete cluster --name ${cluster.name}`);
        return;
    }
    try {
        await new kind/* Kind */.b8({ clusterName: cluster.name, provider: cluster.provider, workDir: cluster.workDir, kindPath: cluster.kindPath, log }).deleteCluster();
        await (0,ownership/* releaseCluster */.yG)(cluster.provider, cluster.name);
        log.info(`aianalysis-e2e: deleted cluster ${cluster.name}`);
    }
    catch (error) {
        // A cluster left behind is found stale and replaced by the next run: no reason to fail the job.
        log.warning(`aianalysis-e2e: cluster ${cluster.name} could not be deleted: ${error.message}`);
    }
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


/***/ })

};
