/**
 * Which files of a build context are an image's inputs, by the image's inputs mode:
 * - `context`: every file the engine receives;
 * - `dockerfile`: the files the Dockerfile's COPY/ADD (and bind mounts) take from the context;
 * - `go`: the files `go build` of the image's main package reads (go-closure.ts), plus whatever
 *   else the Dockerfile copies from the context besides the Go source tree.
 * An input missed means an image built from old sources, so `go` never guesses: when the main
 * package or its closure cannot be worked out, the image falls back to `dockerfile` with the
 * reason, and the caller shows it.
 * Each mode also says where a change could alter the inputs (watch.ts): the paths filter of a
 * workflow is made from that.
 */
import type { InputsMode } from '../config/index.js';
import { byCodeUnit, type ContextEntry } from './context.js';
import { parentOf, type ContextIndex } from './context-index.js';
import type { ContextSource, DockerfileInputs } from './dockerfile-inputs.js';
import { goClosure, UnresolvedInputsError, type ContextReader, type GoClosure } from './go-closure.js';
import { GlobError, globRegExp, matchingPrefixLengths } from './path-glob.js';
import { fileWatch, filesInWatch, globWatches, treeWatch, type Watch } from './watch.js';


export interface InputFile {
  readonly entry: ContextEntry;
  /** Why it is an input: "package in closure: …", "embedded by …", "go.mod", "copied by the Dockerfile (line 4)". */
  readonly reason: string;
}

export interface ImageInputs {
  readonly requested: InputsMode;
  /** The mode the files were found with: `requested`, or `dockerfile` after a fallback. */
  readonly mode: InputsMode;
  /** Why `mode` differs from `requested`. */
  readonly fallback?: string;
  /** Sorted by path, as in the listing. */
  readonly files: readonly InputFile[];
  /**
   * Context-relative: where the files are, and where a change could add one. Worked out when
   * asked (the paths filter), not for every hash.
   */
  readonly watch: () => readonly Watch[];
}

const COPIED = 'copied by the Dockerfile';
const COPIED_FROM_STAGE = 'copied out of a build stage by the Dockerfile';

/** What a content tag was computed from: the mode used and the full sha256 (hex) of the inputs. */
export interface InputsIdentity {
  readonly mode: InputsMode;
  readonly digest: string;
}

export interface InputsRequest {
  name: string;
  inputs: InputsMode;
  /** Context-relative directory of the main package; '' to read it from the Dockerfile. */
  goPackage: string;
}

export async function selectInputs(index: ContextIndex, reader: ContextReader, dockerfile: string, image: InputsRequest): Promise<ImageInputs> {
  const requested = image.inputs;
  if (requested === 'context') {
    return { requested, mode: 'context', files: index.entries.map((entry) => ({ entry, reason: 'in the build context' })), watch: () => [treeWatch('')] };
  }
  // Loaded only here: the Dockerfile parser is most of what hashing loads, and `context` needs none of it.
  const { readDockerfileInputs } = await import('./dockerfile-inputs.js');
  const instructions = readDockerfileInputs(dockerfile);
  // Matched only where used: for `COPY . .` it is the whole context, which `go` does not need.
  const copied = () => ({ files: copiedFiles(index, instructions), watch: () => sourceWatches(index, [...instructions.copies, ...instructions.fromStages]) });
  if (requested === 'dockerfile') return { requested, mode: 'dockerfile', ...copied() };
  try {
    return { requested, mode: 'go', ...goInputs(index, reader, instructions, image) };
  } catch (error) {
    if (!(error instanceof UnresolvedInputsError)) throw error;
    return { requested, mode: 'dockerfile', fallback: error.reason, ...copied() };
  }
}

function goInputs(index: ContextIndex, reader: ContextReader, instructions: DockerfileInputs, image: InputsRequest): Pick<ImageInputs, 'files' | 'watch'> {
  const [other] = instructions.otherCommands;
  const runs = other && `runs \`${other.command}\` (line ${other.line}), which may read any file of the context`;
  const mainPackages = withBlocker(() => mainPackagesOf(index, instructions, image), runs && `the Dockerfile also ${runs}`);
  if (runs) throw new UnresolvedInputsError(`the Dockerfile ${runs}`);
  const vendorWhenPresent = !(instructions.goBuilds.length > 0 && instructions.goBuilds.every((build) => build.mod === 'mod' || build.mod === 'readonly'));
  const closure = goClosure(index, reader, { mainPackages, vendorWhenPresent });
  // Sources that hold the module are the Go source tree: the closure accounts for them.
  const explicit = instructions.copies.filter((copy) => !holds(copy.source, closure.moduleRoot));
  return {
    files: inListingOrder(index, closure.files, matchedFiles(index, explicit, COPIED), matchedFiles(index, instructions.fromStages, COPIED_FROM_STAGE)),
    watch: () => [...closureWatches(index, closure, mainPackages, vendorWhenPresent), ...sourceWatches(index, [...explicit, ...instructions.fromStages])],
  };
}

/** `find`, with `also` added to the reason it cannot be found: a user then sees every blocker at once. */
function withBlocker<T>(find: () => T, also: string | undefined): T {
  try {
    return find();
  } catch (error) {
    if (also === undefined || !(error instanceof UnresolvedInputsError)) throw error;
    throw new UnresolvedInputsError(`${error.reason}; ${also}`);
  }
}

/**
 * The closure's files, its packages' directories (a new file there joins the build), the trees
 * its embed patterns reach, and the files whose appearance would change the build: go.sum,
 * vendor/modules.txt, a go.work at or above the module, a main package's default.pgo.
 */
export function closureWatches(index: ContextIndex, closure: GoClosure, mainPackages: readonly string[], vendorWhenPresent: boolean): Watch[] {
  const root = (path: string) => (closure.moduleRoot === '' ? path : `${closure.moduleRoot}/${path}`);
  const workspaces: string[] = [];
  for (let dir = closure.moduleRoot; ; dir = parentOf(dir)) {
    workspaces.push(dir === '' ? 'go.work' : `${dir}/go.work`);
    if (dir === '') break;
  }
  return [
    ...[...closure.files.keys()].map(fileWatch),
    ...closure.packages.map(filesInWatch),
    ...closure.embeds.flatMap(({ dir, pattern }) => globWatches(posixJoin(dir, pattern.replace(/^all:/, '')), (path) => index.kindOf(path))),
    ...[root('go.sum'), ...(vendorWhenPresent ? [root('vendor/modules.txt')] : []), ...workspaces].map(fileWatch),
    ...mainPackages.map((dir) => fileWatch(posixJoin(dir, 'default.pgo'))),
  ];
}

function sourceWatches(index: ContextIndex, sources: readonly ContextSource[]): Watch[] {
  return sources.flatMap(({ source }) => globWatches(source, (path) => index.kindOf(path)));
}

function posixJoin(dir: string, path: string): string {
  return dir === '' ? path : `${dir}/${path}`;
}

/** The main packages: the configured one and every one the Dockerfile's `go build` commands name. */
function mainPackagesOf(index: ContextIndex, instructions: DockerfileInputs, image: InputsRequest): string[] {
  const configured = image.goPackage === '' ? [] : [image.goPackage];
  const unreadable = instructions.goBuilds.find((build) => build.packages === undefined);
  if (unreadable && configured.length === 0) {
    throw new UnresolvedInputsError(`the \`go build\` on line ${unreadable.line} cannot be followed (${unreadable.unreadable}); set images.${image.name}.goPackage`);
  }
  const named = [...new Set(instructions.goBuilds.flatMap((build) => build.packages ?? []))].filter((dir) => index.below(dir).length > 0);
  if (configured.length === 0 && named.length === 0) {
    throw new UnresolvedInputsError(`the Dockerfile has no \`go build\` of a package copied from the context; set images.${image.name}.goPackage`);
  }
  if (configured.length === 0 && named.length > 1) {
    throw new UnresolvedInputsError(`the Dockerfile builds several packages (${named.map((dir) => `./${dir}`).join(', ')}); set images.${image.name}.goPackage`);
  }
  return [...new Set([...configured, ...named])];
}

function holds(source: string, dir: string): boolean {
  return source === '' || dir === source || dir.startsWith(`${source}/`);
}

function copiedFiles(index: ContextIndex, instructions: DockerfileInputs): InputFile[] {
  return inListingOrder(index, matchedFiles(index, instructions.copies, COPIED), matchedFiles(index, instructions.fromStages, COPIED_FROM_STAGE));
}

/** The listed entries that some group names, each with the first reason given for it. */
function inListingOrder(index: ContextIndex, ...groups: Iterable<readonly [string, string]>[]): InputFile[] {
  const reasons = new Map<string, string>();
  for (const group of groups) for (const [path, reason] of group) if (!reasons.has(path)) reasons.set(path, reason);
  return [...reasons.keys()]
    .sort(byCodeUnit)
    .flatMap((path) => {
      const entry = index.get(path);
      return entry ? [{ entry, reason: reasons.get(path)! }] : [];
    });
}

/**
 * Paths a source names, with the reason: the path itself, a directory's whole content, or glob
 * matches and what is below them. A glob that cannot be read names the whole context.
 */
function matchedFiles(index: ContextIndex, sources: readonly ContextSource[], why: string): [string, string][] {
  return sources.flatMap(({ source, line, note }) => {
    const reason = `${why} (line ${line}${note === undefined ? '' : `: ${note}`})`;
    const named = (entries: readonly ContextEntry[]) => entries.map((entry): [string, string] => [entry.path, reason]);
    if (source === '') return named(index.entries);
    if (!/[*?[\\]/.test(source)) {
      const exact = index.get(source);
      return named([...(exact ? [exact] : []), ...index.below(source)]);
    }
    const matcher = copyMatcher(source);
    return named(matcher ? index.entries.filter((entry) => matchingPrefixLengths(matcher, entry.path.split('/')).length > 0) : index.entries);
  });
}

function copyMatcher(source: string): RegExp | undefined {
  try {
    return globRegExp(source);
  } catch (error) {
    if (error instanceof GlobError) return undefined;
    throw error;
  }
}
