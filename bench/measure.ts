// Whole-process measurements for the benchmarks. Each figure is a ratio against a baseline
// measured in the same run on the same machine, so machine speed cancels out.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Figure {
  name: string;
  baseline: { label: string; ms: number };
  candidate: { label: string; ms: number };
  /** The figure fails when the ratio (or the difference, for `maxExtraMs`) is above this. */
  maxRatio?: number;
  maxExtraMs?: number;
  extra?: string;
  /** A third process measured in the same run, shown for scale and not judged. */
  reference?: { label: string; ms: number };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Milliseconds from spawning a process to its first line on stdout; the process then runs to its end. */
export function timeToFirstLine(program: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    let firstLineMs: number | undefined;
    const child = spawn(program, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (firstLineMs === undefined && chunk.includes(10)) {
        firstLineMs = Number(process.hrtime.bigint() - started) / 1e6;
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (firstLineMs === undefined) reject(new Error(`${program} ${args.join(' ')} printed no line (exit ${code}): ${stderr}`));
      else resolvePromise(firstLineMs);
    });
  });
}

/** Milliseconds a whole process takes, start to exit; fails when it exits non-zero. */
export function timeProcess(program: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(program, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${program} ${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`));
      else resolvePromise(Number(process.hrtime.bigint() - started) / 1e6);
    });
  });
}

/** Milliseconds two processes take when the first's stdout is the second's stdin (`a | b`). */
export function timePipe(
  first: { program: string; args: string[] },
  second: { program: string; args: string[] },
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const reader = spawn(second.program, second.args, { ...options, stdio: ['pipe', 'ignore', 'inherit'] });
    const writer = spawn(first.program, first.args, { ...options, stdio: ['ignore', reader.stdin, 'inherit'] });
    reader.stdin.destroy(); // the writer holds the write end now; the reader sees EOF when it exits
    let pending = 2;
    const done = (name: string) => (code: number | null) => {
      if (code !== 0) reject(new Error(`${name} exited ${code}`));
      else if (--pending === 0) resolvePromise(Number(process.hrtime.bigint() - started) / 1e6);
    };
    writer.on('error', reject).on('close', done(first.program));
    reader.on('error', reject).on('close', done(second.program));
  });
}

/**
 * Runs the measures in turn, `runs` times over, so drifting machine load hits each alike;
 * returns the median of each, in the order given.
 */
export async function alternate(runs: number, ...measures: (() => Promise<number>)[]): Promise<number[]> {
  const times = measures.map((): number[] => []);
  for (let i = 0; i < runs; i += 1) {
    for (const [index, measure] of measures.entries()) times[index].push(await measure());
  }
  return times.map(median);
}

export function verdict(figure: Figure): { line: string; ok: boolean } {
  const ratio = figure.candidate.ms / figure.baseline.ms;
  const extra = figure.candidate.ms - figure.baseline.ms;
  const ratioOk = figure.maxRatio === undefined || ratio <= figure.maxRatio;
  const extraOk = figure.maxExtraMs === undefined || extra <= figure.maxExtraMs;
  const limits = [
    figure.maxRatio !== undefined ? `ratio <= ${figure.maxRatio}` : '',
    figure.maxExtraMs !== undefined ? `extra <= ${figure.maxExtraMs} ms` : '',
  ].filter(Boolean);
  const line =
    `${figure.name}: ${figure.baseline.label} ${figure.baseline.ms.toFixed(0)} ms, ` +
    `${figure.candidate.label} ${figure.candidate.ms.toFixed(0)} ms, ` +
    `ratio ${ratio.toFixed(2)}, extra ${extra.toFixed(0)} ms` +
    (figure.extra ? `, ${figure.extra}` : '') +
    (figure.reference
      ? `; ${figure.reference.label} ${figure.reference.ms.toFixed(0)} ms, ratio ${(figure.reference.ms / figure.baseline.ms).toFixed(2)}`
      : '') +
    (limits.length > 0 ? ` [${ratioOk && extraOk ? 'ok' : 'OVER'}: ${limits.join(', ')}]` : '');
  return { line, ok: ratioOk && extraOk };
}

/**
 * Writes a freshly generated tree to disk before anything is timed: otherwise the kernel's
 * write-back of it competes with the first runs (`tar | sha256sum` measured 436 ms in place of
 * about 280 while a new 185 MB context was still being written out).
 */
export function flushToDisk(): void {
  const sync = spawnSync('sync', [], { stdio: 'inherit' });
  if (sync.status !== 0) throw new Error(`sync exited ${sync.status ?? sync.signal}`);
}

/**
 * `tar -c` of the listed files (a NUL-separated list file, relative to `dir`) piped into
 * `sha256sum`, both spawned with argument arrays: archiving and hashing with no walk or matching.
 */
export function tarSha256(dir: string, listFile: string): () => Promise<number> {
  return () => timePipe({ program: 'tar', args: ['-c', '-f', '-', '--null', '-T', listFile] }, { program: 'sha256sum', args: [] }, { cwd: dir });
}

/**
 * ncc-bundles a benchmark module (its `import.meta.url`) as the action ships code: the
 * candidate then runs as a whole Node process from one file. Returns the bundle's path.
 */
export function bundleEntry(root: string, moduleUrl: string, outDir: string): string {
  const ncc = spawnSync(
    process.execPath,
    [join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', fileURLToPath(moduleUrl), '-o', outDir, '--quiet'],
    { cwd: root, stdio: 'inherit' },
  );
  if (ncc.status !== 0) throw new Error(`ncc failed with exit code ${ncc.status}`);
  return join(outDir, 'index.js');
}
