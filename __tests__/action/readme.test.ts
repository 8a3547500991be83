import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { defaultConfig, loadConfig } from '../../src/config/index.js';
import { withActionTables } from '../../scripts/action-tables.mjs';
import { root } from './entries.js';

const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const readme = read('README.md');

describe('README', () => {
  it('has the input and output tables that action.yml generates (run `npm run docs` after changing action.yml)', () => {
    expect(readme).toBe(withActionTables(readme, read('action.yml')));
  });

  it('would notice an input added to action.yml without regenerating', () => {
    const changed = read('action.yml').replace('inputs:\n', 'inputs:\n  brand-new:\n    description: new\n    default: x\n');
    expect(withActionTables(readme, changed)).not.toBe(readme);
  });

  it('gives a quick start of three YAML lines that uses only declared inputs', () => {
    const quickStart = readme.match(/## Quick start\n\n```yaml\n([\s\S]*?)```/)?.[1] ?? '';
    expect(quickStart.trimEnd().split('\n')).toHaveLength(3);
    const steps = parse(quickStart) as { uses: string; with?: Record<string, string> }[];
    const declared = Object.keys(parse(read('action.yml')).inputs);
    const ours = steps.find((step) => step.uses.startsWith('kubernaut/aianalysis-e2e@'));
    expect(Object.keys(ours?.with ?? {}).filter((name) => !declared.includes(name))).toEqual([]);
  });

  it('documents the configuration file with exactly the built-in defaults', () => {
    const reference = readme.match(/## Configuration file\n[\s\S]*?```yaml\n([\s\S]*?)```/)?.[1] ?? '';
    const repo = mkdtempSync(join(tmpdir(), 'readme-config-'));
    writeFileSync(join(repo, 'e2e.yaml'), reference);
    const { configFile: _file, ...fromReadme } = loadConfig({ inputs: { config: 'e2e.yaml' }, repoRoot: repo });
    const { configFile: _none, ...builtIn } = defaultConfig();
    expect(JSON.parse(JSON.stringify(fromReadme))).toEqual(JSON.parse(JSON.stringify(builtIn)));
  });

  it('names the test command that CI runs', () => {
    const testCommand = readme.match(/Run the tests[\s\S]*?```sh\n(.*)\n```/)?.[1];
    expect(testCommand).toBe('npm install && npm test');
    const ciCommands = read('.ci/run').split('\n').filter((line) => line && !line.startsWith('#') && !line.startsWith('set ') && !line.startsWith('cd '));
    expect(ciCommands.join(' && ').replace('npm install --no-audit --no-fund', 'npm install')).toBe(testCommand);
  });
});
