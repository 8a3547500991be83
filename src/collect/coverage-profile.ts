/**
 * The text coverage profile Go writes (`go tool covdata textfmt`, `go test -coverprofile`):
 *
 *   mode: set
 *   <file>:<startLine>.<startCol>,<endLine>.<endCol> <statements> <count>
 *
 * `<file>` is an import path (`github.com/org/repo/pkg/x/file.go`) for packages built in module
 * mode, and a filesystem path for files named on the `go build` command line
 * (`go build ./cmd/x/main.go`): inside a build image, that path lies under the image's WORKDIR.
 * This module moves such paths to the repository and measures statement coverage per package and
 * in total. Pure: no files, no processes.
 */
import { posix } from 'node:path';

export interface ProfileBlock {
  file: string;
  /** `startLine.startCol,endLine.endCol` */
  position: string;
  statements: number;
  count: number;
}

export interface CoverageProfile {
  /** `set`, `count` or `atomic`. */
  mode: string;
  blocks: ProfileBlock[];
}

export interface PackageCoverage {
  /** The directory part of the profile's file paths: an import path, or `./dir` for repository-relative ones. */
  package: string;
  statements: number;
  covered: number;
  percent: number;
}

export interface CoverageTotals {
  statements: number;
  covered: number;
  /** Undefined when the profile has no statements. */
  percent: number | undefined;
  /** Packages with at least one statement, by name. */
  packages: PackageCoverage[];
}

export interface BuildPathRewrite {
  profile: CoverageProfile;
  /** Blocks whose file was under the build path. */
  rewritten: number;
  /** Absolute file paths outside the build path: a sign that the configured build path is not the images' WORKDIR. */
  foreign: string[];
}

const MODE_LINE = /^mode: (\S+)$/;
const BLOCK_LINE = /^(.+):(\d+\.\d+,\d+\.\d+) (\d+) (\d+)$/;

/** Throws an error naming `source` and the line when the text is not a coverage profile. */
export function parseProfile(text: string, source: string): CoverageProfile {
  const lines = text.split('\n').map((line) => line.trimEnd());
  const mode = MODE_LINE.exec(lines[0] ?? '')?.[1];
  if (mode === undefined) {
    throw new Error(`${source}: not a Go coverage profile: the first line is "${lines[0] ?? ''}", expected "mode: set|count|atomic"`);
  }
  const blocks: ProfileBlock[] = [];
  lines.slice(1).forEach((line, index) => {
    if (line === '') return;
    const match = BLOCK_LINE.exec(line);
    if (match === null) {
      throw new Error(`${source}:${index + 2}: "${line}" is not a profile line (<file>:<line>.<col>,<line>.<col> <statements> <count>)`);
    }
    blocks.push({ file: match[1], position: match[2], statements: Number(match[3]), count: Number(match[4]) });
  });
  return { mode, blocks };
}

export function formatProfile(profile: CoverageProfile): string {
  const lines = profile.blocks.map((b) => `${b.file}:${b.position} ${b.statements} ${b.count}`);
  return [`mode: ${profile.mode}`, ...lines].join('\n') + '\n';
}

/**
 * Replaces the build path prefix of filesystem paths with `target`: the repository's module path
 * (the file then reads like the import paths around it), or `.` (a path relative to the
 * repository root, which `go tool cover` resolves from there). Import paths are left as they are.
 */
export function rewriteBuildPath(profile: CoverageProfile, buildPath: string, target: string): BuildPathRewrite {
  const normalized = posix.normalize(buildPath);
  const prefix = normalized.endsWith('/') ? normalized : `${normalized}/`;
  const foreign = new Set<string>();
  let rewritten = 0;
  const blocks = profile.blocks.map((block) => {
    if (block.file.startsWith(prefix)) {
      rewritten++;
      return { ...block, file: `${target}/${block.file.slice(prefix.length)}` };
    }
    if (block.file.startsWith('/')) foreign.add(block.file);
    return block;
  });
  return { profile: { ...profile, blocks }, rewritten, foreign: [...foreign].sort() };
}

/**
 * Statement coverage as `go tool cover -func` counts it: a block counts once however often it is
 * listed (profiles of several binaries may list a shared package's blocks each), and is covered
 * when any listing ran it.
 */
export function measureCoverage(profile: CoverageProfile): CoverageTotals {
  const blocks = new Map<string, { file: string; statements: number; covered: boolean }>();
  for (const b of profile.blocks) {
    const key = `${b.file}:${b.position}`;
    const known = blocks.get(key);
    if (known === undefined) blocks.set(key, { file: b.file, statements: b.statements, covered: b.count > 0 });
    else known.covered ||= b.count > 0;
  }
  const byPackage = new Map<string, { statements: number; covered: number }>();
  for (const b of blocks.values()) {
    const name = posix.dirname(b.file);
    const entry = byPackage.get(name) ?? { statements: 0, covered: 0 };
    entry.statements += b.statements;
    if (b.covered) entry.covered += b.statements;
    byPackage.set(name, entry);
  }
  const packages = [...byPackage]
    .filter(([, entry]) => entry.statements > 0)
    .map(([name, entry]) => ({ package: name, ...entry, percent: percentOf(entry.covered, entry.statements) }))
    .sort((a, b) => (a.package < b.package ? -1 : a.package > b.package ? 1 : 0));
  const statements = packages.reduce((sum, p) => sum + p.statements, 0);
  const covered = packages.reduce((sum, p) => sum + p.covered, 0);
  return { statements, covered, percent: statements === 0 ? undefined : percentOf(covered, statements), packages };
}

/** One decimal, as Go prints coverage. */
export function formatPercent(percent: number): string {
  return percent.toFixed(1);
}

function percentOf(covered: number, statements: number): number {
  return (covered / statements) * 100;
}
