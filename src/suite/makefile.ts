/**
 * kubernaut's Makefile as the suite's interface, used as it is. Its `test-e2e-%` recipe runs
 * `$(GINKGO) … --focus='$(GINKGO_FOCUS)' --label-filter='$(GINKGO_LABEL)'` (the January
 * generation passes no filter at all) and has no JUnit flag. So:
 *  - the JUnit report: GINKGO names a small wrapper that runs the repository's own ginkgo with
 *    `--junit-report` added; `-o` keeps make from "installing" the wrapper through the
 *    `$(GINKGO): $(LOCALBIN)` rule, which would delete it;
 *  - which variables the recipe really reads is asked of make itself (`make -n` with marker
 *    values), so a generation without filters is known before anything runs;
 *  - the repository's ginkgo is found (and installed by its own `ginkgo` target) through make.
 */
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from '../util/log.js';
import { runChecked } from '../util/process.js';
import { makeSafeFocus } from './make-quoting.js';
import { writeNamedFile } from '../util/file-write.js';

/** What the make target passes on to ginkgo, as `make -n` shows it. */
export interface MakefileFilters {
  /** The ginkgo command is `$(GINKGO)`, so a wrapper can add the JUnit report. */
  ginkgoVariable: boolean;
  focus: boolean;
  label: boolean;
}

/** Read by the wrapper; named in the plan. */
export const WRAPPER_GINKGO_ENV = 'AIANALYSIS_E2E_GINKGO';
export const WRAPPER_JUNIT_ENV = 'AIANALYSIS_E2E_JUNIT_REPORT';

const PRINT_TARGET = 'aianalysis-e2e-print-ginkgo';
const MARKER = { ginkgo: '/aianalysis-e2e-probe/ginkgo', focus: 'aianalysis-e2e-probe-focus', label: 'aianalysis-e2e-probe-label' };
const MAKE_TIMEOUT_MS = 2 * 60_000;
/** make splits a variable's value used as a prerequisite on white space. */
const MAKE_SAFE_PATH = /^[A-Za-z0-9_./+@-]+$/;

export interface MakeCall {
  /** The suite command: make and its targets. */
  command: readonly string[];
  cwd: string;
  log: Log;
  signal?: AbortSignal;
}

function split(command: readonly string[]): { program: string; rest: string[] } {
  const [program, ...rest] = command;
  if (program === undefined) throw new Error('suite.command is empty');
  return { program, rest };
}

/** The make command line of the suite: the wrapper as GINKGO (kept from being remade), the filters. */
export function makeArguments(command: readonly string[], options: { wrapper: string; focus: string; label: string }): { program: string; args: string[] } {
  const { program, rest } = split(command);
  if (!MAKE_SAFE_PATH.test(options.wrapper)) {
    throw new Error(`the ginkgo wrapper's path ${JSON.stringify(options.wrapper)} has characters make splits or expands: use a work folder whose path has only letters, digits and ._+@-/`);
  }
  return {
    program,
    args: [
      '-o',
      options.wrapper,
      ...rest,
      `GINKGO=${options.wrapper}`,
      ...(options.focus ? [`GINKGO_FOCUS=${makeSafeFocus(options.focus)}`] : []),
      ...(options.label ? [`GINKGO_LABEL=${options.label}`] : []),
    ],
  };
}

/** Asks `make -n` which of GINKGO, GINKGO_FOCUS and GINKGO_LABEL reach the target's recipe. */
export async function probeMakefile(call: MakeCall): Promise<MakefileFilters> {
  const { program, args } = makeArguments(call.command, { wrapper: MARKER.ginkgo, focus: MARKER.focus, label: MARKER.label });
  const result = await runChecked(program, ['-n', ...args], {
    cwd: call.cwd,
    log: call.log,
    quiet: true,
    timeoutMs: MAKE_TIMEOUT_MS,
    signal: call.signal,
    installHint: 'install make (kubernaut runs its suite through its Makefile)',
  }).catch((error: Error) => {
    throw new Error(`could not read what ${call.command.join(' ')} runs (make -n): ${error.message}`);
  });
  const recipe = result.stdout;
  return { ginkgoVariable: recipe.includes(MARKER.ginkgo), focus: recipe.includes(MARKER.focus), label: recipe.includes(MARKER.label) };
}

/**
 * The repository's ginkgo, as its Makefile's GINKGO names it. `install` runs the Makefile's own
 * `ginkgo` target first (what `make test-e2e-…` would have done); without it nothing is run but
 * make reading its variables.
 */
export async function repositoryGinkgo(call: MakeCall & { install: boolean }): Promise<string> {
  const { program } = split(call.command);
  const rule = `${PRINT_TARGET}:${call.install ? ' ginkgo' : ''}\n\t@echo '$(GINKGO)'`;
  const result = await runChecked(program, ['-s', '--no-print-directory', `--eval=${rule}`, PRINT_TARGET], {
    cwd: call.cwd,
    log: call.log,
    quiet: !call.install,
    group: call.install ? 'Installing the repository\'s ginkgo (make ginkgo)' : undefined,
    timeoutMs: call.install ? 15 * 60_000 : MAKE_TIMEOUT_MS,
    signal: call.signal,
  });
  const lines = result.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
  const ginkgo = lines.at(-1);
  if (ginkgo === undefined) throw new Error(`the Makefile in ${call.cwd} names no GINKGO: it has no ginkgo variable to run the suite with`);
  return path.resolve(call.cwd, ginkgo);
}

/** Writes the wrapper that runs the ginkgo named in its environment with a JUnit report added. */
export async function writeGinkgoWrapper(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const wrapper = path.join(dir, 'ginkgo');
  const script = [
    '#!/bin/sh',
    '# Runs the repository\'s ginkgo with the JUnit report aianalysis-e2e reads; both paths come',
    '# from the environment, nothing is pasted into this script.',
    `exec "$${WRAPPER_GINKGO_ENV}" --junit-report="$${WRAPPER_JUNIT_ENV}" "$@"`,
    '',
  ].join('\n');
  await writeNamedFile(wrapper, script);
  await chmod(wrapper, 0o755);
  return wrapper;
}
