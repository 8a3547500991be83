/**
 * Field schemas shared by the configuration schema. Each carries one sentence saying what is
 * allowed; problem messages put the bad value in front of it ("got '32'; expected …").
 */
import { posix } from 'node:path';
import { z } from 'zod';
import { COMMAND_LINE_RULE, CommandLineError, splitCommandLine } from './argv.js';
import { referenceProblem, repositoryPrefixProblem, standaloneRepositoryProblem } from './reference.js';

const DNS_LABEL = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_SHARDS = 64;

export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `expected one of ${values.map((v) => `'${v}'`).join(', ')}` });
}

export function flag() {
  return z.boolean({ error: 'expected true or false' });
}

export function integer(min: number, max: number) {
  return z.int({ error: `expected an integer from ${min} to ${max}` }).min(min).max(max);
}

export function integerOrAuto(min: number, max: number) {
  const allowed = `expected 'auto' or an integer from ${min} to ${max}`;
  return z.union([z.literal('auto', { error: allowed }), z.int({ error: allowed }).min(min).max(max)], {
    error: allowed,
  });
}

export function text() {
  return z.string({ error: 'expected text' });
}

/** A directory relative to a build context, `/`-separated: `./cmd/app/` becomes `cmd/app`; '' stays ''. */
export function contextDirectory(what: string) {
  const allowed = `expected ${what}: a relative path that stays inside the context`;
  return z.string({ error: allowed }).transform((value, ctx) => {
    const normal = posix.normalize(value === '' ? '.' : value).replace(/\/+$/, '');
    if (value.includes('\\') || posix.isAbsolute(normal) || normal === '..' || normal.startsWith('../')) {
      ctx.issues.push({ code: 'custom', message: allowed, input: value });
      return z.NEVER;
    }
    return normal === '.' ? '' : normal;
  });
}

export function nonEmptyText(what: string) {
  return z.string({ error: `expected ${what}` }).min(1);
}

export function dnsLabel(what: string) {
  return z
    .string({ error: `expected ${what}: lowercase letters, digits and '-', starting and ending alphanumeric, at most 63 characters` })
    .regex(DNS_LABEL);
}

export function dnsSubdomain(what: string) {
  return z
    .string({ error: `expected ${what}: a Kubernetes object name (lowercase letters, digits, '-' and '.')` })
    .regex(DNS_SUBDOMAIN);
}

export function variableName(what: string) {
  return z.string({ error: `expected ${what}: letters, digits and '_', not starting with a digit` }).regex(VARIABLE_NAME);
}

/** Values are passed to programs as strings; YAML numbers and booleans (CGO_ENABLED: 0) are accepted as their text. */
export function stringMap(keyWhat: string) {
  const value = z
    .union([z.string(), z.number(), z.boolean()], { error: 'expected a text, number or boolean value' })
    .transform(String);
  return z.record(variableName(keyWhat), value);
}

export function absolutePosixPath(what: string) {
  return z
    .string({ error: `expected ${what}: an absolute path inside the container, without '..'` })
    .refine((p) => posix.isAbsolute(p) && !p.split('/').includes('..'));
}

/**
 * Something the suite leaves behind: an absolute path (its temp folders) or one relative to the
 * repository, without '..'; a `*` may stand in the last name only.
 */
export function evidencePath() {
  const allowed = "expected a file or folder the suite writes: absolute or relative to the repository, without '..', '*' only in the last name";
  return z.string({ error: allowed }).superRefine((value, ctx) => {
    const parts = value.split('/');
    const problem =
      value.trim() === ''
        ? 'the path is empty'
        : parts.includes('..')
          ? "'..' is not allowed"
          : parts.slice(0, -1).some((part) => part.includes('*'))
            ? "'*' stands only in the last name"
            : undefined;
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `${problem}; ${allowed}`, input: value });
  });
}

export function isoDate(what: string) {
  return z.iso.date({ error: `expected ${what}: a real calendar date written YYYY-MM-DD` });
}

function checked(allowed: string, problemOf: (value: string) => string | undefined) {
  return z.string({ error: `expected ${allowed}` }).superRefine((value, ctx) => {
    const problem = problemOf(value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `${problem}; expected ${allowed}`, input: value });
  });
}

export function imageReference() {
  return checked('an image reference such as postgres:16-alpine or ghcr.io/org/name@sha256:<64 hex>', referenceProblem);
}

export function repositoryPath() {
  return checked('an image repository path such as kubernaut-datastorage (no registry, tag or digest)', standaloneRepositoryProblem);
}

/** Empty = no registry. */
export function repositoryPrefix() {
  return checked('a registry prefix such as ghcr.io/kubernaut or localhost:5000, or empty for none', (value) =>
    value === '' ? undefined : repositoryPrefixProblem(value),
  );
}

export function kindVersion() {
  return z.string({ error: 'expected a kind release version such as v0.33.0' }).regex(/^v\d+\.\d+\.\d+$/);
}

export function platform() {
  return z
    .string({ error: 'expected an OCI platform such as linux/amd64 or linux/arm64/v8' })
    .regex(/^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/);
}

const COMMAND_ALLOWED = `expected a command: a list of words, or a command line (${COMMAND_LINE_RULE})`;

function commandWords(allowed: string) {
  return z.array(z.string({ error: allowed }).min(1, { error: 'expected a non-empty word' }), { error: allowed }).min(1);
}

function splitLine(value: string, ctx: z.core.$RefinementCtx<string>, allowed: string): string[] {
  try {
    return splitCommandLine(value);
  } catch (error) {
    if (!(error instanceof CommandLineError)) throw error;
    ctx.issues.push({ code: 'custom', message: `${error.message}; ${allowed}`, input: value });
    return z.NEVER;
  }
}

/** A list of words, or a command line split by the rule in argv.ts. */
export function command() {
  const line = z.string({ error: COMMAND_ALLOWED }).transform((value, ctx) => splitLine(value, ctx, COMMAND_ALLOWED));
  return z.union([commandWords(COMMAND_ALLOWED), line], { error: COMMAND_ALLOWED });
}

/** Like command(), or an empty line for none (null); `emptyMeans` says what none stands for. */
export function optionalCommand(emptyMeans: string) {
  const allowed = `${COMMAND_ALLOWED}, or empty for ${emptyMeans}`;
  const line = z
    .string({ error: allowed })
    .transform((value, ctx) => (value.trim() === '' ? null : splitLine(value, ctx, allowed)));
  return z.union([commandWords(allowed), line], { error: allowed });
}

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly total: number;
}

/** `i/n` → { index: i, total: n }; empty → not sharded (null). */
export function shard() {
  const allowed = `expected i/n with 1 <= i <= n <= ${MAX_SHARDS} (such as 2/4), or empty for no sharding`;
  return z.string({ error: allowed }).transform((value, ctx): Shard | null => {
    if (value === '') return null;
    const match = /^(\d+)\/(\d+)$/.exec(value);
    const index = Number(match?.[1]);
    const total = Number(match?.[2]);
    if (match === null || index < 1 || index > total || total > MAX_SHARDS) {
      ctx.issues.push({ code: 'custom', message: allowed, input: value });
      return z.NEVER;
    }
    return { index, total };
  });
}

export type PathResolution = { readonly path: string } | { readonly problem: string };

/** Normalises a path written in the configuration to repository-relative form, or says why it is refused. */
export type PathResolver = (path: string) => PathResolution;

/** A path inside the calling repository, normalised to repository-relative POSIX form ('.' for the root). */
export function repoPath(resolve: PathResolver, what: string, options: { optional?: boolean } = {}) {
  const allowed = `expected ${what}: a path inside the repository, relative to its root${options.optional ? ', or empty' : ''}`;
  return z.string({ error: allowed }).transform((value, ctx) => {
    if (value === '' && options.optional) return '';
    const resolution = value === '' ? { problem: 'the path is empty' } : resolve(value);
    if ('path' in resolution) return resolution.path;
    ctx.issues.push({ code: 'custom', message: `${resolution.problem}; ${allowed}`, input: value });
    return z.NEVER;
  });
}
