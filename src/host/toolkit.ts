// GitHub's services through the toolkit's own clients, which find the services by the variables
// the runner sets (ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN, ACTIONS_CACHE_URL, RUNNER_TOOL_CACHE):
// what the action uses, and what a test points at its doubles of the services.
import { DefaultArtifactClient } from '@actions/artifact';
import * as tc from '@actions/tool-cache';
import os from 'node:os';
import path from 'node:path';
import type { Log } from '../util/log.js';
import { CacheEntryExistsError, type CacheService, type GitHubServices, type ToolCache, type WorkflowRun } from '../github/services.js';

/** The artifact service, when the runner gave this step its token and address. */
function artifactService() {
  return process.env.ACTIONS_RUNTIME_TOKEN && process.env.ACTIONS_RESULTS_URL ? new DefaultArtifactClient() : undefined;
}

/** @actions/cache is loaded on first use: it is large, and most runs never need it. */
async function cacheService(): Promise<CacheService | undefined> {
  const cache = await import('@actions/cache');
  if (!cache.isFeatureAvailable()) return undefined;
  return {
    restore: (paths, key, restoreKeys) => cache.restoreCache(paths, key, restoreKeys),
    async save(paths, key) {
      try {
        return await cache.saveCache(paths, key);
      } catch (error) {
        throw error instanceof cache.ReserveCacheError ? new CacheEntryExistsError(error.message) : error;
      }
    },
  };
}

/**
 * The runner's tool cache (RUNNER_TOOL_CACHE). Without a runner (the local command) it is a
 * per-user cache, which also makes later runs skip the download. Downloads land in `scratchDir`,
 * by default the runner's temp folder (RUNNER_TEMP, else the system's).
 */
export function toolkitToolCache(log: Log, scratchDir?: string): ToolCache {
  const ensureRoot = () => {
    if (process.env.RUNNER_TOOL_CACHE) return;
    process.env.RUNNER_TOOL_CACHE = path.join(os.homedir(), '.cache', 'aianalysis-e2e', 'tools');
    log.debug(`RUNNER_TOOL_CACHE is not set; caching tools in ${process.env.RUNNER_TOOL_CACHE}`);
  };
  return {
    find(tool, version, arch) {
      ensureRoot();
      return tc.find(tool, version, arch);
    },
    cacheFile(sourceFile, targetFile, tool, version, arch) {
      ensureRoot();
      return tc.cacheFile(sourceFile, targetFile, tool, version, arch);
    },
    download: (url, name) => tc.downloadTool(url, path.join(scratchDir ?? (process.env.RUNNER_TEMP || os.tmpdir()), name)),
  };
}

export function toolkitServices(run: WorkflowRun, log: Log): GitHubServices {
  return { run, artifacts: artifactService, cache: cacheService, toolCache: toolkitToolCache(log) };
}
