import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../src/config/index.js';
import { makePlan } from '../../src/plan/plan.js';
import { runOutputs } from '../../src/report/outputs.js';
import { VERSION } from '../../src/version.js';

const plan = makePlan(defaultConfig());

describe('run outputs', () => {
  it('sets every declared output, empty when its phase did not run', () => {
    const outputs = runOutputs({ result: 'failure', plan, sections: [], outputs: { 'tests-failed': '3' } });
    expect(outputs.result).toBe('failure');
    expect(outputs['tests-failed']).toBe('3');
    expect(outputs['coverage-percent']).toBe('');
  });

  it('refuses an output that action.yml does not declare', () => {
    expect(() => runOutputs({ result: 'success', plan, sections: [], outputs: { 'test-passed': '1' } })).toThrow(/'test-passed' is not declared/);
  });
});

it('reports the version package.json has', () => {
  expect(VERSION).toBe(JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')).version);
});
