export const id = 975;
export const ids = [975];
export const modules = {

/***/ 3975:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pathsDrift: () => (/* binding */ pathsDrift),
/* harmony export */   pathsYaml: () => (/* binding */ pathsYaml),
/* harmony export */   workflowPathsLists: () => (/* binding */ workflowPathsLists)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/**
 * The `paths` lists of a workflow file, and how they differ from the filter the configuration
 * makes: what `aianalysis-e2e paths --check` reports, so a list that no longer matches the
 * inputs is found before a pull request skips the E2E it needed.
 */

/** The `on.<event>.paths` lists of a workflow, in the order of its events. */
function workflowPathsLists(text) {
    const document = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text);
    const on = isRecord(document) ? document.on : undefined;
    if (!isRecord(on))
        return [];
    return Object.entries(on).flatMap(([event, filters]) => {
        const paths = isRecord(filters) ? filters.paths : undefined;
        return Array.isArray(paths) ? [{ event, paths: paths.map(String) }] : [];
    });
}
/** Each list that differs from `expected`, with what it lacks and what it has more. */
function pathsDrift(lists, expected) {
    return lists.flatMap(({ event, paths }) => {
        const missing = expected.filter((path) => !paths.includes(path));
        const extra = paths.filter((path) => !expected.includes(path));
        const reordered = missing.length === 0 && extra.length === 0 && paths.join('\n') !== expected.join('\n');
        return missing.length > 0 || extra.length > 0 || reordered ? [{ event, missing, extra }] : [];
    });
}
/** The filter as a YAML `paths:` key, ready to go under `on.pull_request` or `on.push`. */
function pathsYaml(paths) {
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)({ paths }, { lineWidth: 0 });
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ })

};
