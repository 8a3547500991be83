import { inspect } from 'node:util';
import { ConfigError, describeConfig, loadConfig, Secret, type Inputs } from '../../src/config/index.js';
import { tempTree, type TempTree } from './temp-repo.js';

const PASSWORD = 'ghp_s3cr3t-Value_4711';

let repo: TempTree;
beforeEach(() => (repo = tempTree()));
afterEach(() => repo.remove());

function errorMessage(inputs: Inputs, yaml?: string): string {
  if (yaml !== undefined) repo.write('.github/aianalysis-e2e.yaml', yaml);
  try {
    loadConfig({ inputs, repoRoot: repo.root });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [error.message, JSON.stringify(error.problems), inspect(error)].join('\n');
  }
  throw new Error('the configuration was accepted');
}

describe('the registry password', () => {
  test('is kept, but prints, serialises and inspects as ***', () => {
    const config = loadConfig({
      inputs: { registry: 'ghcr.io/kubernaut', 'registry-username': 'bot', 'registry-password': PASSWORD },
      repoRoot: repo.root,
    });
    expect(config.registry.password?.reveal()).toBe(PASSWORD);
    for (const shown of [describeConfig(config), JSON.stringify(config), inspect(config, { depth: Infinity }), `${config.registry.password}`]) {
      expect(shown).not.toContain(PASSWORD);
    }
    expect(describeConfig(config)).toContain('password: "***"');
    expect(describeConfig(config)).toContain('username: bot');
  });

  test('is in no error message, whatever else is wrong', () => {
    const message = errorMessage({ 'registry-password': PASSWORD, push: 'maybe', 'test-command': 'a |' }, 'imagse: {}\n');
    expect(message).toContain("input 'registry-password': given without input 'registry-username'");
    expect(message).toContain("input 'push'");
    expect(message).not.toContain(PASSWORD);
  });

  test('is not shown when passed under a mistyped input name', () => {
    const message = errorMessage({ 'registry-pasword': PASSWORD, 'registry-username': 'bot' });
    expect(message).toContain("input 'registry-pasword': unknown input; did you mean 'registry-password'?");
    expect(message).not.toContain(PASSWORD);
  });

  test('cannot be put in the configuration file', () => {
    const message = errorMessage({}, `registry:\n  password: ${PASSWORD}\n`);
    expect(message).toContain('registry.password (line 2): unknown key');
    expect(message).not.toContain(PASSWORD);
  });

  test('keeps surrounding whitespace, which may be part of it', () => {
    const config = loadConfig({ inputs: { 'registry-username': 'bot', 'registry-password': ` ${PASSWORD} ` }, repoRoot: repo.root });
    expect(config.registry.password?.reveal()).toBe(` ${PASSWORD} `);
  });
});

test('Secret never shows its value', () => {
  const secret = new Secret(PASSWORD);
  expect(String(secret)).toBe('***');
  expect(JSON.stringify({ secret })).toBe('{"secret":"***"}');
  expect(inspect(secret)).toBe('Secret(***)');
  expect(secret.reveal()).toBe(PASSWORD);
});
