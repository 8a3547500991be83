/**
 * The files a `go build` of some main packages (or the test build of some packages) reads from
 * the build context, computed from the source alone: the import closure of those packages within
 * the module (and within modules replaced by local directories, and vendor/ when it is used),
 * each package's non-test Go files (and the _test.go files of the packages under test)
 * and the files the compiler takes beside them (cgo and assembly sources, .syso objects), the
 * files their `//go:embed` patterns name, go.mod and go.sum, and a main package's default.pgo.
 *
 * Files of every GOOS/GOARCH are kept: the build's platform may select any of them, and a file
 * too many only costs a rebuild. Whatever cannot be resolved exactly (an import in the module
 * with no directory, a source that does not parse, a go.work, cgo that reaches outside its
 * directory, a local replacement outside the context) throws UnresolvedInputsError: the caller
 * then falls back to a coarser mode rather than risk a stale image.
 */
import { posix } from 'node:path';
import type { ContextEntry } from './context.js';
import { parentOf, type ContextIndex } from './context-index.js';
import { EmbedPatternError, embeddedFiles } from './go-embed.js';
import { GoModError, parseGoMod } from './go-module.js';
import { GoParseError, type GoFileInfo } from './go-source.js';

/** Files beside the Go files that `go build` compiles or links into the package. */
const COMPILED_BESIDE_GO = /\.(c|cc|cpp|cxx|h|hh|hpp|hxx|m|s|S|sx|f|F|for|f90|syso|swig|swigcxx)$/;

export class UnresolvedInputsError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnresolvedInputsError';
  }
}

/** Reads context files: Go sources parsed, other files as text. */
export interface ContextReader {
  goFile(entry: ContextEntry): GoFileInfo;
  text(entry: ContextEntry): string;
}

export interface GoClosureRequest {
  /** Context-relative directories of the main packages. */
  mainPackages: readonly string[];
  /**
   * Whether `go build` reads vendor/ when the module has vendor/modules.txt: false when every
   * build passes -mod=mod or -mod=readonly.
   */
  vendorWhenPresent: boolean;
  /** Also the main packages' _test.go files and what they import: the closure of a test binary. */
  withTests?: boolean;
}

export interface GoClosure {
  /** Context-relative directory of the main module's go.mod. */
  moduleRoot: string;
  /** Context-relative package directories, sorted. */
  packages: string[];
  /** Context path → why it is an input. */
  files: Map<string, string>;
  /** Each `//go:embed` pattern of the closure, with the directory of its package. */
  embeds: { dir: string; pattern: string }[];
}

interface Module {
  path: string;
  dir: string;
}

export function goClosure(index: ContextIndex, reader: ContextReader, request: GoClosureRequest): GoClosure {
  const files = new Map<string, string>();
  const embeds: GoClosure['embeds'] = [];
  const root = moduleRoot(index, request.mainPackages[0]);
  refuseWorkspace(index, root);
  const modules = modulesOf(index, reader, root, files);
  const vendored = request.vendorWhenPresent && index.get(join(root, 'vendor/modules.txt')) !== undefined;
  if (vendored) add(files, join(root, 'vendor/modules.txt'), 'vendor/modules.txt');
  if (index.get(join(root, 'go.sum'))) add(files, join(root, 'go.sum'), 'go.sum');

  const seen = new Set<string>();
  const tested = new Set(request.withTests ? request.mainPackages : []);
  const pending = request.mainPackages.map((dir) => ({ dir, importedAs: `main package ./${dir}` }));
  for (const main of request.mainPackages) {
    if (index.get(join(main, 'default.pgo'))) add(files, join(main, 'default.pgo'), 'profile for -pgo=auto');
  }
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next.dir)) continue;
    seen.add(next.dir);
    const sources = goFilesIn(index, next.dir, next.importedAs, tested.has(next.dir));
    for (const entry of index.filesIn(next.dir)) {
      if (COMPILED_BESIDE_GO.test(entry.path)) add(files, entry.path, `compiled with package ${next.importedAs}`);
    }
    for (const entry of sources) {
      add(files, entry.path, `package in closure: ${next.importedAs}`);
      const info = parse(reader, entry);
      if (info.cgoReachesOutside) {
        throw new UnresolvedInputsError(`${entry.path}: cgo directives refer to files outside the package directory (\${SRCDIR} or #include "../")`);
      }
      for (const pattern of info.embeds) {
        embed(index, next.dir, pattern, entry.path, files);
        embeds.push({ dir: next.dir, pattern });
      }
      for (const path of info.imports) {
        const dir = resolveImport(index, modules, root, vendored, path, entry.path);
        if (dir !== undefined && !seen.has(dir)) pending.push({ dir, importedAs: path });
      }
    }
  }
  return { moduleRoot: root, packages: [...seen].sort(), files, embeds };
}

/** The directory of the go.mod governing `dir`: `dir` itself or its nearest ancestor inside the context. */
function moduleRoot(index: ContextIndex, dir: string): string {
  for (let candidate = dir; ; candidate = parentOf(candidate)) {
    if (index.get(join(candidate, 'go.mod'))) return candidate;
    if (candidate === '') break;
  }
  throw new UnresolvedInputsError(`no go.mod at or above ./${dir} inside the build context`);
}

function refuseWorkspace(index: ContextIndex, root: string): void {
  for (let dir = root; ; dir = parentOf(dir)) {
    const work = join(dir, 'go.work');
    if (index.get(work)) {
      throw new UnresolvedInputsError(`${work}: Go workspaces are not followed; leave go.work out of the context (.dockerignore) or use inputs 'dockerfile'`);
    }
    if (dir === '') return;
  }
}

/** The main module and the modules replaced by directories inside the context; their go.mod files are inputs. */
function modulesOf(index: ContextIndex, reader: ContextReader, root: string, files: Map<string, string>): Module[] {
  const goModPath = join(root, 'go.mod');
  add(files, goModPath, 'go.mod');
  const goMod = readGoMod(index, reader, goModPath);
  const modules: Module[] = [{ path: goMod.modulePath, dir: root }];
  for (const [path, target] of goMod.localReplacements) {
    const dir = posix.normalize(join(root, target));
    if (dir === '..' || dir.startsWith('../') || posix.isAbsolute(target)) {
      throw new UnresolvedInputsError(`${goModPath}: replace ${path} => ${target} points outside the build context`);
    }
    const replacedGoMod = join(dir === '.' ? '' : dir, 'go.mod');
    if (!index.get(replacedGoMod)) throw new UnresolvedInputsError(`${goModPath}: replace ${path} => ${target}: ${replacedGoMod} is not in the build context`);
    add(files, replacedGoMod, `go.mod of ${path} (replace in ${goModPath})`);
    modules.push({ path, dir: dir === '.' ? '' : dir });
  }
  // Longest module path first: a nested module's packages belong to it, not to its parent.
  return modules.sort((a, b) => b.path.length - a.path.length);
}

function readGoMod(index: ContextIndex, reader: ContextReader, path: string) {
  try {
    return parseGoMod(path, reader.text(index.get(path)!));
  } catch (error) {
    if (error instanceof GoModError) throw new UnresolvedInputsError(error.message);
    throw error;
  }
}

/**
 * The context directory of an imported package, or undefined when the build takes it from
 * outside the context (the standard library, a module from the module cache).
 */
function resolveImport(index: ContextIndex, modules: readonly Module[], root: string, vendored: boolean, path: string, importer: string): string | undefined {
  if (path === 'C') return undefined;
  const module = modules.find((m) => path === m.path || path.startsWith(`${m.path}/`));
  if (module) {
    const dir = join(module.dir, path.slice(module.path.length + 1));
    if (!insideNestedModule(index, module.dir, dir)) return requirePackage(index, dir, path, importer);
  }
  if (!path.split('/')[0].includes('.') && !module) return undefined; // the standard library
  return vendored ? requirePackage(index, join(root, `vendor/${path}`), path, importer) : undefined;
}

function requirePackage(index: ContextIndex, dir: string, path: string, importer: string): string {
  if (index.below(dir).length === 0) {
    throw new UnresolvedInputsError(`${importer} imports ${path}, but ./${dir} is not in the build context`);
  }
  return dir;
}

/** True when a go.mod between the module's root (exclusive) and `dir` (inclusive) makes `dir` another module's. */
function insideNestedModule(index: ContextIndex, moduleDir: string, dir: string): boolean {
  for (let candidate = dir; candidate !== moduleDir && candidate !== ''; candidate = parentOf(candidate)) {
    if (index.get(join(candidate, 'go.mod'))) return true;
  }
  return false;
}

/** The package's Go files: `go build` skips names starting with `.` or `_`, and _test.go unless it builds the tests. */
function goFilesIn(index: ContextIndex, dir: string, importedAs: string, withTests: boolean): ContextEntry[] {
  const sources = index.filesIn(dir).filter((entry) => {
    const name = entry.path.slice(entry.path.lastIndexOf('/') + 1);
    return name.endsWith('.go') && (withTests || !name.endsWith('_test.go')) && !name.startsWith('.') && !name.startsWith('_');
  });
  if (sources.length === 0) throw new UnresolvedInputsError(`package ${importedAs}: no Go files in ./${dir}`);
  const linked = sources.find((entry) => entry.kind !== 'file');
  if (linked) throw new UnresolvedInputsError(`${linked.path} is a ${linked.kind === 'symlink' ? 'symbolic link' : 'special file'}; only regular Go files are followed`);
  return sources;
}

function parse(reader: ContextReader, entry: ContextEntry): GoFileInfo {
  try {
    return reader.goFile(entry);
  } catch (error) {
    if (error instanceof GoParseError) throw new UnresolvedInputsError(`cannot parse ${error.message}`);
    throw error;
  }
}

function embed(index: ContextIndex, dir: string, pattern: string, source: string, files: Map<string, string>): void {
  try {
    for (const entry of embeddedFiles(index, dir, pattern)) {
      add(files, entry.path, `embedded by ${source} (${pattern})`);
    }
  } catch (error) {
    if (error instanceof EmbedPatternError) throw new UnresolvedInputsError(`${source}: ${error.message}`);
    throw error;
  }
}

/** Records the first reason a file is an input. */
function add(files: Map<string, string>, path: string, reason: string): void {
  if (!files.has(path)) files.set(path, reason);
}

/** Joins context-relative paths; '' is the context's root and adds nothing (a module's root package is its directory). */
function join(dir: string, path: string): string {
  return dir === '' ? path : path === '' ? dir : `${dir}/${path}`;
}
