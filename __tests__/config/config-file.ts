/**
 * The configuration file of a throw-away repository, loaded as the action loads it: one fresh
 * repository for each test of the file that calls configFileRepo().
 */
import { ConfigError, loadConfig, problemLocation, type Config, type Inputs } from '../../src/config/index.js';
import { tempTree, type TempTree } from './temp-repo.js';

export const FILE = '.github/aianalysis-e2e.yaml';

export interface ConfigFileRepo {
  /** The current test's repository. */
  readonly tree: TempTree;
  /** Writes `yaml` as the configuration file (none when undefined) and loads the configuration. */
  load(yaml: string | undefined, inputs?: Inputs): Config;
  /** What loading throws; fails the test when the configuration is accepted. */
  failure(yaml: string | undefined, inputs?: Inputs): ConfigError;
  /** Every problem as `location: message`. */
  problems(yaml: string | undefined, inputs?: Inputs): string[];
}

export function configFileRepo(): ConfigFileRepo {
  let tree: TempTree;
  beforeEach(() => (tree = tempTree()));
  afterEach(() => tree.remove());

  const load = (yaml: string | undefined, inputs: Inputs = {}): Config => {
    if (yaml !== undefined) tree.write(FILE, yaml);
    return loadConfig({ inputs, repoRoot: tree.root });
  };
  const failure = (yaml: string | undefined, inputs: Inputs = {}): ConfigError => {
    try {
      load(yaml, inputs);
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
    throw new Error('the configuration was accepted');
  };
  return {
    get tree() {
      return tree;
    },
    load,
    failure,
    problems: (yaml, inputs) => failure(yaml, inputs).problems.map((problem) => `${problemLocation(problem)}: ${problem.message}`),
  };
}
