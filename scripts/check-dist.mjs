// Proves that the committed dist/ is exactly what src/ builds to.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');

function listFiles(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path)];
  });
}

const fresh = mkdtempSync(join(tmpdir(), 'aianalysis-e2e-dist-'));
try {
  build(fresh);
  const committed = join(root, 'dist');
  const want = new Set(listFiles(fresh));
  const have = new Set(statSync(committed, { throwIfNoEntry: false }) ? listFiles(committed) : []);
  const problems = [];
  for (const file of want) {
    if (!have.has(file)) problems.push(`missing: dist/${file}`);
    else if (!readFileSync(join(fresh, file)).equals(readFileSync(join(committed, file)))) {
      problems.push(`differs: dist/${file}`);
    }
  }
  for (const file of have) if (!want.has(file)) problems.push(`not built from src: dist/${file}`);
  if (problems.length > 0) {
    console.error(`dist/ does not match src/:\n  ${problems.join('\n  ')}\nRun \`npm run build\` and commit dist/.`);
    process.exitCode = 1;
  } else {
    console.log(`dist/ matches src/ (${want.size} files)`);
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
