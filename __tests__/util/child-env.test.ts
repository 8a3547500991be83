import { childEnvironment, passToChildren } from '../../src/util/child-env.js';
import { registerSecret } from '../../src/util/secrets.js';

const parent = {
  PATH: '/usr/bin',
  HOME: '/home/runner',
  'INPUT_REGISTRY-PASSWORD': 'hunter2-hunter2',
  INPUT_SHARD: '1/2',
  AIANALYSIS_E2E_REGISTRY_PASSWORD: 'hunter2-hunter2',
  GITHUB_OUTPUT: '/runner/_temp/output',
  GITHUB_STATE: '/runner/_temp/state',
  GITHUB_ENV: '/runner/_temp/env',
  GITHUB_PATH: '/runner/_temp/path',
  GITHUB_STEP_SUMMARY: '/runner/_temp/summary',
  ACTIONS_RUNTIME_TOKEN: 'eyJ0eXAiOi',
  GITHUB_SHA: 'abc123',
  MY_TOKEN_COPY: 'prefix-registered-secret-value',
};

registerSecret('registered-secret-value');
afterEach(() => passToChildren([]));

describe('the environment of child processes', () => {
  it("withholds the action's inputs, its secrets and the runner's command files", () => {
    expect(childEnvironment(parent)).toEqual({ PATH: '/usr/bin', HOME: '/home/runner', GITHUB_SHA: 'abc123' });
  });

  it('passes on the variables suite.passEnv names, and only those', () => {
    passToChildren(['GITHUB_STEP_SUMMARY', 'INPUT_SHARD']);
    const env = childEnvironment(parent);
    expect(env.GITHUB_STEP_SUMMARY).toBe('/runner/_temp/summary');
    expect(env.INPUT_SHARD).toBe('1/2');
    expect(env.GITHUB_OUTPUT).toBeUndefined();
    passToChildren([]);
    expect(childEnvironment(parent).GITHUB_STEP_SUMMARY).toBeUndefined();
  });
});
