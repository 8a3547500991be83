import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { INPUTS } from '../../src/config/index.js';
import { OUTPUT_NAMES } from '../../src/report/outputs.js';
import { actionErrors } from './github-parser.js';

const root = join(import.meta.dirname, '../..');
const actionFile = join(root, 'action.yml');
const action = parse(readFileSync(actionFile, 'utf8'));

describe('action.yml', () => {
  it('is valid for GitHub\'s own parser', () => {
    expect(actionErrors(actionFile)).toEqual([]);
  });

  it('is rejected by that parser when it is broken, so the check above means something', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'action-')), 'action.yml');
    writeFileSync(broken, readFileSync(actionFile, 'utf8').replace('using: node24', 'using: node22'));
    expect(actionErrors(broken).join('\n')).toMatch(/node22/);
  });

  it('runs the bundled entries on node24 with a post step that always runs', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post.js', 'post-if': 'always()' });
  });

  it('declares exactly the inputs the engine reads, each with a description and a default', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(INPUTS.map((input) => input.name).sort());
    for (const [name, input] of Object.entries<{ description?: string; default?: unknown }>(action.inputs)) {
      expect({ name, description: typeof input.description }).toEqual({ name, description: 'string' });
      expect({ name, hasDefault: 'default' in input }).toEqual({ name, hasDefault: true });
    }
  });

  it('leaves inputs that the config file can set empty by default, naming the key they fall back to', () => {
    for (const input of INPUTS.filter((spec) => 'fileKey' in spec)) {
      const declared = action.inputs[input.name];
      expect({ name: input.name, default: declared.default }).toEqual({ name: input.name, default: '' });
      expect(declared.description).toContain(`\`${(input as { fileKey: string }).fileKey}\``);
    }
  });

  it('declares exactly the outputs the engine sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
  });
});
