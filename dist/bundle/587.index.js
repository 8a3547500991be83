export const id = 587;
export const ids = [587];
export const modules = {

/***/ 60587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dryRun: () => (/* binding */ dryRun)
/* harmony export */ });
/* harmony import */ var _engine_detect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62374);
/* harmony import */ var _plan_render_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(30031);
/* harmony import */ var _deploy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5044);
/* harmony import */ var _sources_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(26364);




async function dryRun(config, plan, host) {
    const notes = [];
    const engine = await (0,_engine_detect_js__WEBPACK_IMPORTED_MODULE_0__/* .selectEngine */ .X)(config.engine, { log: host.log }).then((selected) => selected.engine, (error) => {
        notes.push(`Local images were not looked for: ${error.message}`);
        return undefined;
    });
    const { hashes, decisions } = await (0,_sources_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveSources */ .l)(config, plan, {
        repoRoot: host.repoRoot,
        localImages: async (references) => (engine ? engine.localImages(references) : new Set()),
        log: host.log,
    });
    if (!plan.imagesOnly) {
        const deployPlan = await (0,_deploy_js__WEBPACK_IMPORTED_MODULE_1__/* .prepareDeploy */ .hz)(config, plan, decisions, host.repoRoot);
        const objects = deployPlan.crds.length + deployPlan.stages.reduce((sum, stage) => sum + stage.objects.length, 0);
        notes.push(`The manifests are valid: ${objects} objects in ${deployPlan.stages.length} stages.`);
    }
    const sources = (0,_plan_render_js__WEBPACK_IMPORTED_MODULE_3__/* .sourcesSection */ .M)(decisions, hashes);
    return {
        result: 'dry-run',
        plan,
        sections: [{ ...sources, paragraphs: notes }],
        outputs: { images: JSON.stringify(decisions) },
    };
}


/***/ })

};
