export const id = 587;
export const ids = [587];
export const modules = {

/***/ 60587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dryRun: () => (/* binding */ dryRun)
/* harmony export */ });
/* harmony import */ var _engine_detect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43383);
/* harmony import */ var _report_plan_render_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37132);
/* harmony import */ var _suite_invocation_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39104);
/* harmony import */ var _cluster_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53168);
/* harmony import */ var _deploy_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5044);
/* harmony import */ var _preflight_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(48489);
/* harmony import */ var _handoff_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(18946);
/* harmony import */ var _sources_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(76812);
/* harmony import */ var _suite_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(31920);









async function dryRun(config, plan, host) {
    const notes = [];
    const engine = await (0,_engine_detect_js__WEBPACK_IMPORTED_MODULE_0__/* .selectEngine */ .X)(config.engine, { log: host.log }).then((selected) => selected.engine, (error) => {
        notes.push(`Local images were not looked for: ${error.message}`);
        return undefined;
    });
    const { hashes, decisions } = await (0,_sources_js__WEBPACK_IMPORTED_MODULE_7__/* .resolveSources */ .l)(config, plan, {
        repoRoot: host.repoRoot,
        localImages: async (references) => (engine ? engine.localImages(references) : new Set()),
        log: host.log,
    });
    const checks = await (0,_preflight_js__WEBPACK_IMPORTED_MODULE_5__/* .checkRunner */ .RI)((0,_preflight_js__WEBPACK_IMPORTED_MODULE_5__/* .runnerNeeds */ .um)(config, plan, host.repoRoot, engine?.provider), { repoRoot: host.repoRoot });
    notes.push(...(0,_preflight_js__WEBPACK_IMPORTED_MODULE_5__/* .requireReady */ .VF)(checks));
    const sections = [(0,_report_plan_render_js__WEBPACK_IMPORTED_MODULE_1__/* .sourcesSection */ .Mx)(decisions, hashes)];
    if (!plan.imagesOnly) {
        const kindConfig = await (0,_cluster_js__WEBPACK_IMPORTED_MODULE_3__/* .kindConfigOf */ .Gk)(config, plan, host.repoRoot);
        notes.push(`The kind config is valid${kindConfig.warnings.length > 0 ? ` (${kindConfig.warnings.join('; ')})` : ''}.`);
        if (plan.setup === 'action') {
            const deployPlan = await (0,_deploy_js__WEBPACK_IMPORTED_MODULE_4__/* .prepareDeploy */ .hz)(config, plan, decisions, host.repoRoot);
            const objects = deployPlan.crds.length + deployPlan.stages.reduce((sum, stage) => sum + stage.objects.length, 0);
            notes.push(`The manifests are valid: ${objects} objects in ${deployPlan.stages.length} stages.`);
        }
        const contract = await (0,_suite_js__WEBPACK_IMPORTED_MODULE_8__/* .readSuiteContract */ .B4)(plan, { repoRoot: host.repoRoot, workDir: host.workDir, log: host.log, install: false });
        const settings = (0,_suite_js__WEBPACK_IMPORTED_MODULE_8__/* .suiteSettings */ ._7)(plan, contract, host.workDir);
        const problem = (0,_suite_invocation_js__WEBPACK_IMPORTED_MODULE_2__/* .contractProblem */ .ks)(settings);
        if (problem)
            throw new Error(problem);
        const handoff = plan.setup === 'suite' ? (0,_handoff_js__WEBPACK_IMPORTED_MODULE_6__/* .handoffOf */ .y4)(plan, decisions) : undefined;
        const { program, args } = (0,_suite_invocation_js__WEBPACK_IMPORTED_MODULE_2__/* .suiteCommand */ .m0)(settings, settings.focus);
        const env = (0,_suite_invocation_js__WEBPACK_IMPORTED_MODULE_2__/* .suiteEnvironment */ .aS)(settings, { handoffEnv: handoff?.env, provider: plan.setup === 'suite' ? planProvider(plan, engine?.provider) : undefined }, settings.junitReport);
        sections.push((0,_report_plan_render_js__WEBPACK_IMPORTED_MODULE_1__/* .suiteInvocationSection */ .aw)({ program, args, env, contract, handoff, shard: plan.suite.shard }));
    }
    return {
        result: 'dry-run',
        plan,
        sections: [{ ...sections[0], paragraphs: notes }, ...sections.slice(1), ...(checks.length > 0 ? [(0,_preflight_js__WEBPACK_IMPORTED_MODULE_5__/* .runnerSection */ .k4)(checks)] : [])],
        outputs: { images: JSON.stringify(decisions) },
    };
}
function planProvider(plan, engineProvider) {
    return plan.cluster.provider === 'auto' ? engineProvider : plan.cluster.provider;
}


/***/ })

};
