// The local command's terminal gets the toolkit's `::debug::` lines only as debug lines of its
// log (--verbose); @actions/core and @actions/tool-cache are the real ones.
import { jest } from '@jest/globals';
import * as core from '@actions/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routeToolkitDebug } from '../../src/host/toolkit-debug.js';
import { toolkitToolCache } from '../../src/host/toolkit.js';
import { consoleLog } from '../../src/util/log.js';

let stdout: string;
let logged: string;
const savedToolCache = process.env.RUNNER_TOOL_CACHE;
let scratch: string;

beforeEach(() => {
  stdout = '';
  logged = '';
  scratch = mkdtempSync(join(tmpdir(), 'toolkit-debug-'));
  process.env.RUNNER_TOOL_CACHE = scratch;
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
});

afterEach(() => {
  jest.restoreAllMocks();
  process.env.RUNNER_TOOL_CACHE = savedToolCache;
  rmSync(scratch, { recursive: true, force: true });
});

function withRoute(verbose: boolean, fn: () => void): void {
  const log = consoleLog({ write: (text: string) => (logged += text) }, { debug: verbose });
  const unroute = routeToolkitDebug(log);
  try {
    fn();
  } finally {
    unroute();
  }
}

describe("the toolkit's debug lines on a terminal", () => {
  it('are not printed without --verbose', () => {
    withRoute(false, () => toolkitToolCache(consoleLog({ write: () => true })).find('kind', 'v0.31.0', 'amd64'));

    expect(stdout).toBe('');
    expect(logged).toBe('');
  });

  it('are debug lines of the log with --verbose, unescaped', () => {
    withRoute(true, () => {
      toolkitToolCache(consoleLog({ write: () => true })).find('kind', 'v0.31.0', 'amd64');
      core.debug('two\nlines with 100%');
    });

    expect(stdout).toBe('');
    expect(logged).toMatch(/^debug: checking cache: .*kind\/0\.31\.0\/amd64$/m);
    expect(logged).toContain('debug: two\nlines with 100%\n');
  });

  it('leave every other write alone, and the stream is itself again after the run', () => {
    withRoute(true, () => process.stdout.write('plain output\n'));
    core.debug('after the run');

    expect(stdout).toBe('plain output\n::debug::after the run\n');
    expect(logged).toBe('');
  });
});
