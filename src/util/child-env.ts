/**
 * The environment every program the run starts gets by default: the process environment without
 * what belongs to the action alone. A program that prints its environment (a test suite dumping
 * it for debugging, base64-encoded or not) must not publish the registry password, and test code
 * must not be able to write the step's outputs, the post step's state, or the job's environment
 * and PATH through the runner's command files.
 *
 * Withheld: the action's inputs (`INPUT_*`, the password among them), the local command's
 * password variable, the runner's command files, the runner's tokens that let a step upload
 * artifacts, write caches or mint identity tokens, and any variable whose value holds a
 * registered secret. `suite.passEnv` names variables to pass on nevertheless.
 */
import { containsSecret } from './secrets.js';

/** Where the local command reads the registry password from. */
export const PASSWORD_VARIABLE = 'AIANALYSIS_E2E_REGISTRY_PASSWORD';

const WITHHELD_NAMES = new Set([
  PASSWORD_VARIABLE,
  'GITHUB_OUTPUT',
  'GITHUB_STATE',
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_STEP_SUMMARY',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
]);

let passedOn = new Set<string>();

/** Sets the names (`suite.passEnv` of the run) that children get even though they would be withheld. */
export function passToChildren(names: readonly string[]): void {
  passedOn = new Set(names);
}

function withheld(name: string, value: string): boolean {
  if (passedOn.has(name)) return false;
  return WITHHELD_NAMES.has(name) || name.startsWith('INPUT_') || containsSecret(value);
}

/** `base` (by default this process's environment) without what children must not see. */
export function childEnvironment(base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(
    Object.entries(base).filter((entry): entry is [string, string] => entry[1] !== undefined && !withheld(entry[0], entry[1])),
  );
}
