export const id = 39;
export const ids = [39,158];
export const modules = {

/***/ 44158:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {


/**
 * @license
 * Copyright 2020 Balena Ltd.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *    http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 *
 * ------------------------------------------------------------------------
 *
 * Copyright 2018 Zeit, Inc.
 * Licensed under the MIT License. See file LICENSE.md for a full copy.
 *
 * ------------------------------------------------------------------------
 */

/**
 * This module implements the [dockerignore
 * spec](https://docs.docker.com/engine/reference/builder/#dockerignore-file),
 * closely following Docker's (Moby) Golang implementation:
 * https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go
 * https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go
 * https://github.com/moby/moby/blob/v19.03.8/pkg/archive/archive.go#L825
 *
 * Something the spec is not clear about, but we discovered by reading source code
 * and testing against the "docker build" command, is the handling of backslashes and
 * forward slashes as path separators and escape characters in the .dockerignore file
 * across platforms including Windows, Linux and macOS:
 *
 * * On Linux and macOS, only forward slashes can be used as path separators in the
 *   .dockerignore file, and the backslash works as an escape character.
 * * On Windows, both forward slashes and backslashes are allowed as path separators
 *   in the .dockerignore file, and the backslash is not used as an escape character.
 *
 * This is consistent with how Windows works generally: both forward slashes and
 * backslashes are accepted as path separators by the cmd.exe Command Prompt or
 * PowerShell, and by library functions like the Golang filepath.Clean or the
 * Node.js path.normalize.
 *
 * Similarly, path strings provided to the IgnoreBase.ignores() and IgnoreBase.filter()
 * methods can use either forward slashes or backslashes as path separators on Windows,
 * but only forward slashes are accepted as path separators on Linux and macOS.
 */

const path = __webpack_require__(16928);

const factory = options => new IgnoreBase(options); // https://github.com/kaelzhang/node-ignore/blob/5.1.4/index.js#L538-L539
// Fixes typescript module import


factory.default = factory;
module.exports = factory;

function make_array(subject) {
  return Array.isArray(subject) ? subject : [subject];
}

const REGEX_TRAILING_SLASH = /(?<=.)\/$/;
const REGEX_TRAILING_BACKSLASH = /(?<=.)\\$/;
const REGEX_TRAILING_PATH_SEP = path.sep === '\\' ? REGEX_TRAILING_BACKSLASH : REGEX_TRAILING_SLASH;
const KEY_IGNORE = typeof Symbol !== 'undefined' ? Symbol.for('dockerignore') : 'dockerignore'; // An implementation of Go's filepath.Clean
// https://golang.org/pkg/path/filepath/#Clean
// https://github.com/golang/go/blob/master/src/path/filepath/path.go
// Note that, like Go, on Windows this function converts forward slashes
// to backslashes.

function cleanPath(file) {
  return path.normalize(file).replace(REGEX_TRAILING_PATH_SEP, '');
} // Javascript port of Golang's filepath.ToSlash
// https://golang.org/pkg/path/filepath/#ToSlash
// https://github.com/golang/go/blob/master/src/path/filepath/path.go
// Convert any OS-specific path separator to '/'. Backslash is converted
// to forward slash on Windows, but not on Linux/macOS.
// Note that both forward slashes and backslashes are valid path separators on
// Windows. As a result, code such as `pattern.split(path.sep).join('/')` fails
// on Windows when forward slashes are used as path separators.


function toSlash(file) {
  if (path.sep === '/') {
    return file;
  }

  return file.replace(/\\/g, '/');
} // Javascript port of Golang's filepath.FromSlash
// https://github.com/golang/go/blob/master/src/path/filepath/path.go


function fromSlash(file) {
  if (path.sep === '/') {
    return file;
  }

  return file.replace(/\//g, path.sep);
}

class IgnoreBase {
  constructor({
    // https://github.com/kaelzhang/node-ignore/blob/5.1.4/index.js#L372
    ignorecase = true
  } = {}) {
    this._rules = [];
    this._ignorecase = ignorecase;
    this[KEY_IGNORE] = true;

    this._initCache();
  }

  _initCache() {
    this._cache = {};
  } // @param {Array.<string>|string|Ignore} pattern


  add(pattern) {
    this._added = false;

    if (typeof pattern === 'string') {
      pattern = pattern.split(/\r?\n/g);
    }

    make_array(pattern).forEach(this._addPattern, this); // Some rules have just added to the ignore,
    // making the behavior changed.

    if (this._added) {
      this._initCache();
    }

    return this;
  } // legacy


  addPattern(pattern) {
    return this.add(pattern);
  }

  _addPattern(pattern) {
    // https://github.com/kaelzhang/node-ignore/issues/32
    if (pattern && pattern[KEY_IGNORE]) {
      this._rules = this._rules.concat(pattern._rules);
      this._added = true;
      return;
    }

    if (this._checkPattern(pattern)) {
      const rule = this._createRule(pattern.trim());

      if (rule !== null) {
        this._added = true;

        this._rules.push(rule);
      }
    }
  }

  _checkPattern(pattern) {
    // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L34-L40
    return pattern && typeof pattern === 'string' && pattern.indexOf('#') !== 0 && pattern.trim() !== "";
  }

  filter(paths) {
    return make_array(paths).filter(path => this._filter(path));
  }

  createFilter() {
    return path => this._filter(path);
  }

  ignores(path) {
    return !this._filter(path);
  } // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L41-L53
  // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L29-L55


  _createRule(pattern) {
    const origin = pattern;
    let negative = false; // > An optional prefix "!" which negates the pattern;
    // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L43-L46

    if (pattern[0] === '!') {
      negative = true;
      pattern = pattern.substring(1).trim();
    } // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L47-L53


    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      pattern = toSlash(pattern);

      if (pattern.length > 1 && pattern[0] === '/') {
        pattern = pattern.slice(1);
      }
    } // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L54-L55


    if (negative) {
      pattern = '!' + pattern;
    } // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L30


    pattern = pattern.trim();

    if (pattern === "") {
      return null;
    } // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L34
    // convert forward slashes to backslashes on Windows


    pattern = cleanPath(pattern); // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L36-L42

    if (pattern[0] === '!') {
      if (pattern.length === 1) {
        return null;
      }

      negative = true;
      pattern = pattern.substring(1);
    } else {
      negative = false;
    }

    return {
      origin,
      pattern,
      // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L54
      dirs: pattern.split(path.sep),
      negative
    };
  } // @returns `Boolean` true if the `path` is NOT ignored


  _filter(path) {
    if (!path) {
      return false;
    }

    if (path in this._cache) {
      return this._cache[path];
    }

    return this._cache[path] = this._test(path);
  } // @returns {Boolean} true if a file is NOT ignored
  // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L62


  _test(file) {
    file = fromSlash(file); // equivalent to golang filepath.Dir() https://golang.org/src/path/filepath/path.go

    const parentPath = cleanPath(path.dirname(file));
    const parentPathDirs = parentPath.split(path.sep);
    let matched = false;

    this._rules.forEach(rule => {
      let match = this._match(file, rule); // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L80


      if (!match && parentPath !== ".") {
        // Check to see if the pattern matches one of our parent dirs.
        if (rule.dirs.includes('**')) {
          // Ah shucks! We have to test every possible parent path that has 
          // a number of dirs _n_ where 
          // `rule.dirs.filter(doubleStar).length <= _n_ <= parentPathDirs.length`
          // since the ** can imply any number of directories including 0
          for (let i = rule.dirs.filter(x => x !== '**').length; i <= parentPathDirs.length; i++) {
            match = match || this._match(parentPathDirs.slice(0, i).join(path.sep), rule);
          }
        } else if (rule.dirs.length <= parentPathDirs.length) {
          // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L83
          match = this._match(parentPathDirs.slice(0, rule.dirs.length).join(path.sep), rule);
        }
      }

      if (match) {
        matched = !rule.negative;
      }
    });

    return !matched;
  } // @returns {Boolean} true if a file is matched by a rule


  _match(file, rule) {
    return this._compile(rule).regexp.test(file);
  } // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L139


  _compile(rule) {
    if (rule.regexp) {
      return rule;
    }

    let regStr = '^'; // Go through the pattern and convert it to a regexp.

    let escapedSlash = path.sep === '\\' ? '\\\\' : path.sep;

    for (let i = 0; i < rule.pattern.length; i++) {
      const ch = rule.pattern[i];

      if (ch === '*') {
        if (rule.pattern[i + 1] === '*') {
          // is some flavor of "**"
          i++; // Treat **/ as ** so eat the "/"

          if (rule.pattern[i + 1] === path.sep) {
            i++;
          }

          if (rule.pattern[i + 1] === undefined) {
            // is "**EOF" - to align with .gitignore just accept all
            regStr += ".*";
          } else {
            // is "**"
            // Note that this allows for any # of /'s (even 0) because
            // the .* will eat everything, even /'s
            regStr += `(.*${escapedSlash})?`;
          }
        } else {
          // is "*" so map it to anything but "/"
          regStr += `[^${escapedSlash}]*`;
        }
      } else if (ch === '?') {
        // "?" is any char except "/"
        regStr += `[^${escapedSlash}]`;
      } else if (ch === '.' || ch === '$') {
        // Escape some regexp special chars that have no meaning
        // in golang's filepath.Match
        regStr += `\\${ch}`;
      } else if (ch === '\\') {
        // escape next char. Note that a trailing \ in the pattern
        // will be left alone (but need to escape it)
        if (path.sep === '\\') {
          // On windows map "\" to "\\", meaning an escaped backslash,
          // and then just continue because filepath.Match on
          // Windows doesn't allow escaping at all
          regStr += escapedSlash;
          continue;
        }

        if (rule.pattern[i + 1] !== undefined) {
          regStr += '\\' + rule.pattern[i + 1];
          i++;
        } else {
          regStr += '\\';
        }
      } else {
        regStr += ch;
      }
    }

    regStr += "$";
    rule.regexp = new RegExp(regStr, this._ignorecase ? 'i' : '');
    return rule;
  }

}


/***/ }),

/***/ 64952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pathsFilter: () => (/* binding */ pathsFilter)
/* harmony export */ });
/* unused harmony exports WORKFLOW_FILES, renderFilter, configWatches */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65424);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42014);
/* harmony import */ var _context_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9816);
/* harmony import */ var _context_index_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(60011);
/* harmony import */ var _dockerignore_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2523);
/* harmony import */ var _go_closure_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(550);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(24020);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(85736);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(48720);
/* harmony import */ var _watch_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5806);
/**
 * The `paths` filter of the pull-request workflow, made from the configuration: a pull request
 * that changes none of these files changes no image and nothing the suite reads, so its E2E would
 * prove nothing new. Made of
 * - each image's inputs as its inputs mode finds them (inputs.ts: a Go closure's package
 *   directories, what the Dockerfile copies, or the whole context), its Dockerfile and the
 *   ignore files that could apply to it;
 * - the suite: its Go packages with their tests and import closure (what ginkgo compiles), and
 *   the files and folders it reads as it runs (suite.inputs);
 * - the configuration file and the workflow files.
 * Whatever cannot be followed exactly widens to a whole tree, with a note saying why.
 */












/** The shipped workflows are named so; a copy renamed otherwise is not watched. */
const WORKFLOW_FILES = '.github/workflows/aianalysis-e2e-*.yml';
async function pathsFilter(config, repoRoot) {
    const notes = [];
    const watches = configWatches(config, (path) => kindOnDisk((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(repoRoot, path)));
    const limits = { warnMiB: config.build.contextWarnMiB, limitMiB: config.build.contextLimitMiB };
    for (const image of (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_10__.makePlan)(config).images) {
        const { inputs } = await (0,_hash_js__WEBPACK_IMPORTED_MODULE_7__.hashImage)(repoRoot, image, limits);
        if (inputs.fallback)
            notes.push(`image '${image.name}': inputs '${inputs.requested}' fell back to '${inputs.mode}': ${inputs.fallback}`);
        watches.push(...inputs.watch().map((watch) => (0,_watch_js__WEBPACK_IMPORTED_MODULE_9__/* .under */ .hG)(image.context, watch)));
    }
    watches.push(...(await suiteClosureWatches(config, repoRoot, notes)));
    return { paths: renderFilter(watches), notes };
}
/** The entries rendered, with the workflow files. */
function renderFilter(watches) {
    return [...(0,_watch_js__WEBPACK_IMPORTED_MODULE_9__/* .renderWatches */ .q6)(watches), WORKFLOW_FILES].sort(_context_js__WEBPACK_IMPORTED_MODULE_3__/* .byCodeUnit */ .X);
}
/**
 * What the configuration names, which needs no look at the repository's content beyond telling a
 * file from a folder: the configuration file, each image's Dockerfile and the ignore files that
 * could apply to it, the suite's package folders, the files and folders it reads, its kind
 * config, and with setup action the manifests the action deploys.
 */
function configWatches(config, kindOf) {
    const named = [...config.suite.inputs, config.cluster.kindConfig];
    if (config.setup === 'action') {
        named.push(config.deploy.manifestsDir, ...config.deploy.crds, ...config.deploy.extraManifests, ...Object.values(config.deploy.replaceManifests));
    }
    return [
        (0,_watch_js__WEBPACK_IMPORTED_MODULE_9__/* .fileWatch */ .yn)(config.configFile ?? _config_index_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_CONFIG_FILE */ .Cu),
        ...Object.values(config.images).flatMap((image) => [image.dockerfile, ...(0,_dockerignore_js__WEBPACK_IMPORTED_MODULE_5__/* .ignoreFileCandidates */ .PW)(image.context, image.dockerfile)].map((path) => (0,_watch_js__WEBPACK_IMPORTED_MODULE_9__/* .fileWatch */ .yn)(node_path__WEBPACK_IMPORTED_MODULE_1__.posix.normalize(path)))),
        ...suiteRoots(config).map(({ dir, recursive }) => (recursive ? (0,_watch_js__WEBPACK_IMPORTED_MODULE_9__/* .treeWatch */ .yG)(dir) : (0,_watch_js__WEBPACK_IMPORTED_MODULE_9__/* .filesInWatch */ .y$)(dir))),
        ...named.filter((path) => path !== '').flatMap((path) => (0,_watch_js__WEBPACK_IMPORTED_MODULE_9__/* .pathWatches */ .PZ)(path, kindOf)),
    ];
}
/** The directories of the suite's Go packages, repository-relative; `recursive` for a `/...` pattern. */
function suiteRoots(config) {
    return config.suite.ginkgoPackages.map((pattern) => {
        const recursive = pattern === '...' || pattern.endsWith('/...');
        const dir = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_1__.posix.join(config.suite.workingDirectory, pattern.replace(/\/?\.\.\.$/, '') || '.'));
        return { dir: dir === '.' ? '' : dir, recursive };
    });
}
/**
 * When the suite's packages hold Go: the closure ginkgo compiles, their _test.go files and every
 * package they import from the module.
 */
async function suiteClosureWatches(config, repoRoot, notes) {
    // The files `go` reads: no ignore file applies.
    const listing = await (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .listContext */ .Yr)(repoRoot, { name: 'suite', context: '.', dockerfile: '' }, undefined, (0,_dockerignore_js__WEBPACK_IMPORTED_MODULE_5__/* .ignoreRules */ .ep)([], undefined));
    const index = new _context_index_js__WEBPACK_IMPORTED_MODULE_11__/* .ContextIndex */ .e(listing.entries);
    const hasGo = (dir) => index.filesIn(dir).some((entry) => entry.path.endsWith('.go'));
    const packages = suiteRoots(config).flatMap(({ dir, recursive }) => {
        const below = recursive ? index.below(dir).map((entry) => (0,_context_index_js__WEBPACK_IMPORTED_MODULE_11__/* .parentOf */ .g)(entry.path)) : [];
        return [...new Set([dir, ...below])].filter(hasGo);
    });
    if (packages.length === 0)
        return [];
    try {
        const closure = (0,_go_closure_js__WEBPACK_IMPORTED_MODULE_6__/* .goClosure */ .k)(index, new _context_files_js__WEBPACK_IMPORTED_MODULE_4__/* .ContextFiles */ .V(listing.dir), { mainPackages: packages, vendorWhenPresent: true, withTests: true });
        return (0,_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .closureWatches */ .f)(index, closure, packages, true);
    }
    catch (error) {
        if (!(error instanceof _go_closure_js__WEBPACK_IMPORTED_MODULE_6__/* .UnresolvedInputsError */ .F))
            throw error;
        notes.push(`the suite's Go packages: ${error.reason}; the whole repository is watched`);
        return [(0,_watch_js__WEBPACK_IMPORTED_MODULE_9__/* .treeWatch */ .yG)('')];
    }
}
function kindOnDisk(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isDirectory() ? 'directory' : 'file';
    }
    catch {
        return undefined;
    }
}


/***/ })

};
