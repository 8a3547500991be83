export const id = 382;
export const ids = [382];
export const modules = {

/***/ 87382:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cleanupCluster: () => (/* binding */ cleanupCluster)
/* harmony export */ });
/* harmony import */ var _cluster_kind_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(18443);
// Deleting the run's cluster at the very end: the action's post step (which also runs after a
// cancelled or crashed main step) and the local command's last act share this.

/** `saved` is the cluster record the cluster task saved. */
async function cleanupCluster(saved, log) {
    const cluster = JSON.parse(saved);
    if (cluster.keep) {
        log.info(`aianalysis-e2e: keeping cluster ${cluster.name} (keep-cluster is on); delete it with: kind delete cluster --name ${cluster.name}`);
        return;
    }
    try {
        await new _cluster_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .Kind */ .b8({ clusterName: cluster.name, provider: cluster.provider, workDir: cluster.workDir, kindPath: cluster.kindPath, log }).deleteCluster();
        log.info(`aianalysis-e2e: deleted cluster ${cluster.name}`);
    }
    catch (error) {
        // A cluster left behind is found stale and replaced by the next run: no reason to fail the job.
        log.warning(`aianalysis-e2e: cluster ${cluster.name} could not be deleted: ${error.message}`);
    }
}


/***/ })

};
