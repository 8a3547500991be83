/**
 * OCI distribution image references (the grammar of distribution/reference):
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [ registry "/" ] path
 *   registry  := host [ ":" port ]
 *   path      := component ( "/" component )*
 *   component := [a-z0-9]+ ( ( "." | "_" | "__" | "-"+ ) [a-z0-9]+ )*
 *   tag       := [\w][\w.-]{0,127}
 *   digest    := algorithm ":" hex
 */

export interface ImageReference {
  /** Registry host with optional port (`ghcr.io`, `localhost:5000`); undefined means Docker Hub. */
  readonly registry?: string;
  /** Repository path below the registry (`kubernaut/datastorage`, `library/postgres` is written `postgres`). */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

export interface RepositoryPrefix {
  readonly registry?: string;
  /** Namespace path under the registry; undefined when the prefix is a bare registry host. */
  readonly path?: string;
}

export class InvalidReferenceError extends Error {
  constructor(
    readonly text: string,
    readonly reason: string,
  ) {
    super(`invalid image reference '${text}': ${reason}`);
    this.name = 'InvalidReferenceError';
  }
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const REGISTRY = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]+)?$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
/** Lengths the registries enforce for the algorithms they know. */
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha512: 128 };
const MAX_NAME_LENGTH = 255;

const REFERENCE_SHAPE = 'a reference like registry.example:5000/team/name:tag or name@sha256:<64 hex>';

export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}

/** Why `text` is not a valid image reference, or undefined when it is. */
export function referenceProblem(text: string): string | undefined {
  return analyseReference(text).problem;
}

/** Why `text` is not a valid repository path (no registry, tag or digest), or undefined. */
export function repositoryPathProblem(text: string): string | undefined {
  if (text === '') return 'the repository path is empty';
  const bad = text.split('/').find((component) => !PATH_COMPONENT.test(component));
  if (bad !== undefined) return componentProblem(bad);
  if (text.length > MAX_NAME_LENGTH) return `the repository path is longer than ${MAX_NAME_LENGTH} characters`;
  return undefined;
}

/**
 * Like repositoryPathProblem, for a repository that may be written without a registry in front:
 * its first component must not be read as a registry host (`ghcr.io/x/app`).
 */
export function standaloneRepositoryProblem(text: string): string | undefined {
  const problem = repositoryPathProblem(text);
  if (problem !== undefined) return problem;
  const slash = text.indexOf('/');
  if (slash !== -1 && looksLikeRegistry(text.slice(0, slash))) {
    return `'${text.slice(0, slash)}' would be read as a registry host; the registry is set apart from the repository`;
  }
  return undefined;
}

export function parseReference(text: string): ImageReference {
  const { reference, problem } = analyseReference(text);
  if (reference === undefined) throw new InvalidReferenceError(text, problem ?? REFERENCE_SHAPE);
  return reference;
}

export function formatReference(reference: ImageReference): string {
  const name = reference.registry === undefined ? reference.path : `${reference.registry}/${reference.path}`;
  const tagged = reference.tag === undefined ? name : `${name}:${reference.tag}`;
  return reference.digest === undefined ? tagged : `${tagged}@${reference.digest}`;
}

/**
 * A place under which repositories are pushed/pulled: `ghcr.io/kubernaut`, `localhost:5000`,
 * or a Docker Hub namespace such as `kubernaut`.
 */
export function parseRepositoryPrefix(text: string): RepositoryPrefix {
  const problem = repositoryPrefixProblem(text);
  if (problem !== undefined) throw new InvalidReferenceError(text, problem);
  return splitPrefix(text);
}

export function repositoryPrefixProblem(text: string): string | undefined {
  if (text === '') return 'the registry is empty';
  const { registry, path } = splitPrefix(text);
  if (registry !== undefined && !REGISTRY.test(registry)) return `'${registry}' is not a valid registry host[:port]`;
  if (path === undefined) return undefined;
  if (/[:@]/.test(path)) return 'a registry prefix takes no tag or digest';
  return repositoryPathProblem(path);
}

/** The image reference of `repository` under `prefix` (empty prefix: the bare repository). */
export function referenceUnder(prefix: string, repository: string, tag?: string): ImageReference {
  const { registry, path } = prefix === '' ? {} : parseRepositoryPrefix(prefix);
  const fullPath = path === undefined ? repository : `${path}/${repository}`;
  return { ...(registry === undefined ? {} : { registry }), path: fullPath, ...(tag === undefined ? {} : { tag }) };
}

function splitPrefix(text: string): RepositoryPrefix {
  const slash = text.indexOf('/');
  const first = slash === -1 ? text : text.slice(0, slash);
  if (!looksLikeRegistry(first)) return { path: text };
  return slash === -1 ? { registry: first } : { registry: first, path: text.slice(slash + 1) };
}

/** Docker's rule: the first component names a registry when it could not be a path component. */
function looksLikeRegistry(component: string): boolean {
  return component === 'localhost' || /[.:]/.test(component) || /[A-Z]/.test(component) || component.startsWith('[');
}

function analyseReference(text: string): { reference?: ImageReference; problem?: string } {
  if (text === '') return { problem: 'the reference is empty' };
  const at = text.indexOf('@');
  const digest = at === -1 ? undefined : text.slice(at + 1);
  const nameAndTag = at === -1 ? text : text.slice(0, at);
  if (digest !== undefined) {
    const problem = digestProblem(digest);
    if (problem !== undefined) return { problem };
  }

  const lastSlash = nameAndTag.lastIndexOf('/');
  const colon = nameAndTag.indexOf(':', lastSlash + 1);
  const tag = colon === -1 ? undefined : nameAndTag.slice(colon + 1);
  const name = colon === -1 ? nameAndTag : nameAndTag.slice(0, colon);
  if (tag !== undefined && !TAG.test(tag)) {
    return { problem: `tag '${tag}' must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}` };
  }
  if (name.length > MAX_NAME_LENGTH) return { problem: `the name is longer than ${MAX_NAME_LENGTH} characters` };

  const slash = name.indexOf('/');
  const first = slash === -1 ? name : name.slice(0, slash);
  const hasRegistry = slash !== -1 && looksLikeRegistry(first);
  const registry = hasRegistry ? first : undefined;
  const path = hasRegistry ? name.slice(slash + 1) : name;
  if (registry !== undefined && !REGISTRY.test(registry)) {
    return { problem: `'${registry}' is not a valid registry host[:port]` };
  }
  const pathProblem = repositoryPathProblem(path);
  if (pathProblem !== undefined) return { problem: pathProblem };

  return {
    reference: {
      ...(registry === undefined ? {} : { registry }),
      path,
      ...(tag === undefined ? {} : { tag }),
      ...(digest === undefined ? {} : { digest }),
    },
  };
}

function digestProblem(digest: string): string | undefined {
  if (!DIGEST.test(digest)) return `digest '${digest}' must look like sha256:<64 hex digits>`;
  const [algorithm, hex] = digest.split(':') as [string, string];
  const expected = DIGEST_HEX_LENGTH[algorithm];
  if (expected !== undefined && !new RegExp(`^[a-f0-9]{${expected}}$`).test(hex)) {
    return `digest '${digest}': a ${algorithm} digest is ${expected} lowercase hex digits`;
  }
  return undefined;
}

function componentProblem(component: string): string {
  if (component === '') return 'the path has an empty component (a leading, trailing or doubled /)';
  return `path component '${component}' must be lowercase letters and digits, separated by '.', '_', '__' or '-'`;
}
