// The GitHub Action face: inputs from INPUT_* variables, outputs to $GITHUB_OUTPUT, the summary
// to $GITHUB_STEP_SUMMARY, state for the post step, GitHub's services through the toolkit's clients.
import * as core from '@actions/core';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { INPUTS } from '../config/index.js';
import { publishedReport } from '../report/published.js';
import { writingTo } from '../util/file-write.js';
import { actionsLog, registerSecret, type Log } from '../util/log.js';
import { toolkitServices } from './toolkit.js';
import { workflowRun } from './workflow-run.js';
import type { Host } from './host.js';

function readInputs(): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const input of INPUTS) {
    const value = core.getInput(input.name, { trimWhitespace: !('secret' in input) });
    if ('secret' in input) registerSecret(value);
    inputs[input.name] = value;
  }
  return inputs;
}

/** The run's work folder: the same for the main and the post step of one job. */
export function actionsWorkDir(): string {
  return join(process.env.RUNNER_TEMP || tmpdir(), 'aianalysis-e2e');
}

/** Registers the secret inputs (the post step, which reads no other input, needs them masked too). */
export function registerSecretInputs(): void {
  readInputs();
}

export function actionsHost(log: Log = actionsLog()): Host {
  return {
    log,
    inputs: readInputs(),
    repoRoot: process.env.GITHUB_WORKSPACE || process.cwd(),
    workDir: actionsWorkDir(),
    async publish(report) {
      const published = publishedReport(report);
      // The log gets the summary too: it is what people read first when a job is red.
      await log.group('Summary', async () => log.info(published.text));
      // Each apart: a file that cannot be written (a full disk) does not keep the other from being written.
      const writes = await Promise.allSettled([
        writingTo(process.env.GITHUB_OUTPUT || 'GITHUB_OUTPUT', () => {
          for (const [name, value] of Object.entries(published.outputs)) core.setOutput(name, value);
        }),
        // Overwritten, not appended: a cancelled run publishes at once and again when it has collected.
        ...(process.env.GITHUB_STEP_SUMMARY
          ? [writingTo(process.env.GITHUB_STEP_SUMMARY, () => core.summary.emptyBuffer().addRaw(published.markdown).write({ overwrite: true }))]
          : []),
      ]);
      const failures = writes.flatMap((write) => (write.status === 'rejected' ? [(write.reason as Error).message] : []));
      if (failures.length > 0) throw new Error(failures.join('; '));
    },
    saveState(key, value) {
      core.saveState(key, value);
    },
    addPath(directory) {
      core.addPath(directory);
    },
    github: toolkitServices(workflowRun(process.env), log),
  };
}
