// What the engine needs from the face it runs behind (the GitHub Action or the local command):
// where its inputs come from, where its log, summary and outputs go, and GitHub's services.
import type { Inputs } from '../config/index.js';
import type { RunReport } from '../report/run-report.js';
import type { Log } from '../util/log.js';
import type { GitHubServices } from '../github/services.js';

export interface Host {
  log: Log;
  inputs: Inputs;
  /** The calling repository's root. */
  repoRoot: string;
  /** Scratch space of this run: kubeconfig, logs bundle, reports. */
  workDir: string;
  /**
   * Writes the summary and the outputs of a finished (or dry) run. A cancelled run publishes at
   * once and again when its evidence is collected: the last call's summary and outputs stand.
   */
  publish(report: RunReport): Promise<void>;
  /** Keeps a value for the post step (the action) or for the end of the run (the local command). */
  saveState(key: string, value: string): void;
  /** Puts a directory on PATH for the job's later steps (the action); the local command has none. */
  addPath(directory: string): void;
  /** GitHub's services: the workflow run, artifacts, the cache and the tool cache. */
  github: GitHubServices;
}
