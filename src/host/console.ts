// The local command's face: inputs from flags, the summary as text on the terminal, outputs in
// a JSON file of the work directory, state kept in memory (the command cleans up itself). Of
// GitHub's services it has only the tool cache: no artifact and no cache service.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Inputs } from '../config/index.js';
import { publishedReport } from '../report/published.js';
import type { Log } from '../util/log.js';
import type { GitHubServices, WorkflowRun } from '../github/services.js';
import type { Host } from './host.js';
import { toolkitToolCache } from './toolkit.js';
import { writeNamedFile } from '../util/file-write.js';

export interface ConsoleHost extends Host {
  state: Map<string, string>;
}

export interface ConsoleHostOptions {
  log: Log;
  inputs: Inputs;
  repoRoot: string;
  workDir: string;
  print?: (text: string) => void;
  /** The workflow run the command runs in (a `run:` step), if any: it decides whether images may be pushed. */
  run?: WorkflowRun;
}

/**
 * What the local command has of GitHub's services: the tool cache (a per-user one without a
 * runner), downloading into the work folder.
 */
function localServices(log: Log, workDir: string, run: WorkflowRun = { actions: false }): GitHubServices {
  return { run, artifacts: () => undefined, cache: async () => undefined, toolCache: toolkitToolCache(log, join(workDir, 'downloads')) };
}

export function consoleHost(options: ConsoleHostOptions): ConsoleHost {
  const print = options.print ?? ((text: string) => process.stdout.write(text));
  const state = new Map<string, string>();
  return {
    log: options.log,
    inputs: options.inputs,
    repoRoot: options.repoRoot,
    workDir: options.workDir,
    state,
    async publish(report) {
      const published = publishedReport(report);
      print(`\n${published.text}`);
      await mkdir(options.workDir, { recursive: true });
      const file = join(options.workDir, 'outputs.json');
      await writeNamedFile(file, `${JSON.stringify(published.outputs, null, 2)}\n`);
      print(`Outputs written to ${file}\n`);
    },
    saveState(key, value) {
      state.set(key, value);
    },
    // The run calls the tools it installs by their paths; there are no later steps to tell.
    addPath() {},
    github: localServices(options.log, options.workDir, options.run),
  };
}
