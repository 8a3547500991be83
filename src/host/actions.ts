// The GitHub Action face: inputs from INPUT_* variables, outputs to $GITHUB_OUTPUT, the summary
// to $GITHUB_STEP_SUMMARY, state for the post step.
import * as core from '@actions/core';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { INPUTS } from '../config/index.js';
import { publishedReport } from '../report/published.js';
import { actionsLog, registerSecret, type Log } from '../util/log.js';
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

export function actionsHost(log: Log = actionsLog()): Host {
  return {
    log,
    inputs: readInputs(),
    repoRoot: process.env.GITHUB_WORKSPACE || process.cwd(),
    workDir: join(process.env.RUNNER_TEMP || tmpdir(), 'aianalysis-e2e'),
    async publish(report) {
      const published = publishedReport(report);
      // The log gets the summary too: it is what people read first when a job is red.
      await log.group('Summary', async () => log.info(published.text));
      for (const [name, value] of Object.entries(published.outputs)) core.setOutput(name, value);
      if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(published.markdown).write();
    },
    saveState(key, value) {
      core.saveState(key, value);
    },
    addPath(directory) {
      core.addPath(directory);
    },
  };
}
