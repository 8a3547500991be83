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
import { statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { DEFAULT_CONFIG_FILE, type Config } from '../config/index.js';
import { byCodeUnit, listContext } from './context.js';
import { ContextFiles } from './context-files.js';
import { ContextIndex, parentOf } from './context-index.js';
import { ignoreFileCandidates, ignoreRules } from './dockerignore.js';
import { goClosure, UnresolvedInputsError } from './go-closure.js';
import { hashImage } from './hash.js';
import { closureWatches } from './inputs.js';
import { makePlan } from '../plan/plan.js';
import { fileWatch, filesInWatch, pathWatches, renderWatches, treeWatch, under, type PathKind, type Watch } from './watch.js';

/** The shipped workflows are named so; a copy renamed otherwise is not watched. */
export const WORKFLOW_FILES = '.github/workflows/aianalysis-e2e-*.yml';

export interface PathsFilter {
  /** The `paths` entries, sorted. */
  readonly paths: string[];
  /** What widened the filter, and why. */
  readonly notes: string[];
}

export async function pathsFilter(config: Config, repoRoot: string): Promise<PathsFilter> {
  const notes: string[] = [];
  const watches = configWatches(config, (path) => kindOnDisk(join(repoRoot, path)));
  const limits = { warnMiB: config.build.contextWarnMiB, limitMiB: config.build.contextLimitMiB };
  for (const image of makePlan(config).images) {
    const { inputs } = await hashImage(repoRoot, image, limits);
    if (inputs.fallback) notes.push(`image '${image.name}': inputs '${inputs.requested}' fell back to '${inputs.mode}': ${inputs.fallback}`);
    watches.push(...inputs.watch().map((watch) => under(image.context, watch)));
  }
  watches.push(...(await suiteClosureWatches(config, repoRoot, notes)));
  return { paths: renderFilter(watches), notes };
}

/** The entries rendered, with the workflow files. */
export function renderFilter(watches: Iterable<Watch>): string[] {
  return [...renderWatches(watches), WORKFLOW_FILES].sort(byCodeUnit);
}

/**
 * What the configuration names, which needs no look at the repository's content beyond telling a
 * file from a folder: the configuration file, each image's Dockerfile and the ignore files that
 * could apply to it, the suite's package folders, the files and folders it reads, its kind
 * config, and with setup action the manifests the action deploys.
 */
export function configWatches(config: Config, kindOf: PathKind): Watch[] {
  const named = [...config.suite.inputs, config.cluster.kindConfig];
  if (config.setup === 'action') {
    named.push(config.deploy.manifestsDir, ...config.deploy.crds, ...config.deploy.extraManifests, ...Object.values(config.deploy.replaceManifests));
  }
  return [
    fileWatch(config.configFile ?? DEFAULT_CONFIG_FILE),
    ...Object.values(config.images).flatMap((image) => [image.dockerfile, ...ignoreFileCandidates(image.context, image.dockerfile)].map((path) => fileWatch(posix.normalize(path)))),
    ...suiteRoots(config).map(({ dir, recursive }) => (recursive ? treeWatch(dir) : filesInWatch(dir))),
    ...named.filter((path) => path !== '').flatMap((path) => pathWatches(path, kindOf)),
  ];
}

/** The directories of the suite's Go packages, repository-relative; `recursive` for a `/...` pattern. */
function suiteRoots(config: Config): { dir: string; recursive: boolean }[] {
  return config.suite.ginkgoPackages.map((pattern) => {
    const recursive = pattern === '...' || pattern.endsWith('/...');
    const dir = posix.normalize(posix.join(config.suite.workingDirectory, pattern.replace(/\/?\.\.\.$/, '') || '.'));
    return { dir: dir === '.' ? '' : dir, recursive };
  });
}

/**
 * When the suite's packages hold Go: the closure ginkgo compiles, their _test.go files and every
 * package they import from the module.
 */
async function suiteClosureWatches(config: Config, repoRoot: string, notes: string[]): Promise<Watch[]> {
  // The files `go` reads: no ignore file applies.
  const listing = await listContext(repoRoot, { name: 'suite', context: '.', dockerfile: '' }, undefined, ignoreRules([], undefined));
  const index = new ContextIndex(listing.entries);
  const hasGo = (dir: string) => index.filesIn(dir).some((entry) => entry.path.endsWith('.go'));
  const packages = suiteRoots(config).flatMap(({ dir, recursive }) => {
    const below = recursive ? index.below(dir).map((entry) => parentOf(entry.path)) : [];
    return [...new Set([dir, ...below])].filter(hasGo);
  });
  if (packages.length === 0) return [];
  try {
    const closure = goClosure(index, new ContextFiles(listing.dir), { mainPackages: packages, vendorWhenPresent: true, withTests: true });
    return closureWatches(index, closure, packages, true);
  } catch (error) {
    if (!(error instanceof UnresolvedInputsError)) throw error;
    notes.push(`the suite's Go packages: ${error.reason}; the whole repository is watched`);
    return [treeWatch('')];
  }
}

function kindOnDisk(path: string): 'file' | 'directory' | undefined {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch {
    return undefined;
  }
}
