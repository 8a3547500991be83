/**
 * Checks the action against a real kubernaut checkout (not part of CI: no checkout there).
 *
 *   npm run check:kubernaut -- PATH [--example kubernaut-2026-01]
 *
 * 1. The dry run of the bundled local command on that tree (with the built-in configuration,
 *    or a shipped example): image sources and content tags, the kind config, the hand-off and
 *    the exact suite command line and environment.
 * 2. The Makefile as the suite's interface: what `make -n` shows it passes on, then the real
 *    `make test-e2e-aianalysis` with GINKGO pointing at a stub that prints the arguments it
 *    receives, a focus holding an apostrophe, a dollar and a double quote. `generate` and the
 *    coverage folder targets are kept from running (-o): they need Go tools and delete folders.
 *
 * 3. The `paths` lists of the shipped pull-request and publish workflows against the filter the
 *    local command makes from that tree (`aianalysis-e2e paths --check`).
 *
 * The example config is copied into the checkout for the dry run and removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeArguments, probeMakefile } from '../src/suite/makefile.js';
import { consoleLog } from '../src/util/log.js';

const root = path.resolve(fileURLToPath(import.meta.url), '../..');
const args = process.argv.slice(2);
const checkout = args.find((arg) => !arg.startsWith('--'));
const exampleIndex = args.indexOf('--example');
const example = exampleIndex >= 0 ? args[exampleIndex + 1] : undefined;
if (!checkout) {
  console.error('usage: npm run check:kubernaut -- PATH [--example kubernaut-2026-01]');
  process.exit(2);
}
const repo = path.resolve(checkout);
const command = ['make', 'test-e2e-aianalysis'];
const focus = `Dispatch E2E KA's real dispatch capacity should admit "parallel" investigations up to \\$MAX`;

function show(title: string, program: string, argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  console.log(`\n### ${title}\n$ ${[program, ...argv].join(' ')}`);
  const result = spawnSync(program, argv, { cwd: options.cwd ?? repo, env: options.env ?? process.env, encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`.trimEnd();
  console.log(output);
  console.log(`(exit ${result.status})`);
  return output;
}

const configFile = example ? path.join(repo, '.aianalysis-e2e-check.yaml') : undefined;
if (configFile) copyFileSync(path.join(root, 'docs/examples', `${example}.yaml`), configFile);
const workDir = mkdtempSync(path.join(tmpdir(), 'check-kubernaut-'));
try {
  if (existsSync(path.join(repo, '.git'))) show('commit', 'git', ['-C', repo, 'log', '-1', '--format=%H %cd']);
  show(
    'dry run of the bundled local command',
    process.execPath,
    [path.join(root, 'dist/cli.js'), 'run', '--repo', repo, '--dry-run', '--work-dir', path.join(workDir, 'run'), ...(configFile ? ['--config', path.basename(configFile)] : [])],
    { cwd: root },
  );

  show(
    'the shipped workflows\' paths filter against this tree',
    process.execPath,
    [
      path.join(root, 'dist/cli.js'),
      'paths',
      '--repo',
      repo,
      ...(configFile ? ['--config', path.basename(configFile)] : []),
      ...['aianalysis-e2e-pr.yml', 'aianalysis-e2e-publish-images.yml'].flatMap((name) => ['--check', path.join(root, 'workflows', name)]),
    ],
    { cwd: root },
  );

  console.log('\n### what the Makefile passes on to ginkgo (make -n with marker values)');
  const filters = await probeMakefile({ command, cwd: repo, log: consoleLog() });
  console.log(JSON.stringify(filters));

  const stub = path.join(workDir, 'bin', 'ginkgo');
  spawnSync('mkdir', ['-p', path.dirname(stub)]);
  writeFileSync(stub, '#!/bin/sh\nfor a in "$@"; do printf \'ginkgo got [%s]\\n\' "$a"; done\n');
  chmodSync(stub, 0o755);
  const invocation = makeArguments(command, { wrapper: stub, focus: filters.focus ? focus : '', label: '' });
  const keptOld = ['generate', 'ensure-coverage-dirs', 'ensure-coverdata'].flatMap((target) => ['-o', target]);
  const output = show('the real make target, GINKGO a stub that prints its arguments', invocation.program, [...keptOld, ...invocation.args]);
  const received = /ginkgo got \[--focus=(.*)\]/.exec(output)?.[1];
  if (filters.focus) {
    console.log(`\nfocus sent (Go regexp): ${focus}\nfocus ginkgo received: ${received}`);
    const roundTrip = received !== undefined && new RegExp(received.replace(/\\x\{([0-9a-f]+)\}/g, '\\u{$1}'), 'u').test(focus.replace('\\$', '$'));
    console.log(`the received focus matches the spec text: ${roundTrip}`);
  } else {
    console.log(`\nthis Makefile passes no GINKGO_FOCUS: ${received === undefined ? 'no --focus reached ginkgo, as expected' : 'UNEXPECTED --focus'}`);
  }
} finally {
  if (configFile) rmSync(configFile, { force: true });
  rmSync(workDir, { recursive: true, force: true });
}
