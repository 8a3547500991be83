export { splitCommandLine, CommandLineError } from './argv.js';
export { BUILT_IN_MANIFESTS, DEFAULT_CONFIG_FILE } from './defaults.js';
export { describeConfig } from './describe.js';
export { ConfigError, problemLocation, type ConfigProblem, type ProblemSource } from './errors.js';
export type { Shard } from './fields.js';
export { INPUTS, INPUT_NAMES, type InputName, type InputSpec, type Inputs } from './inputs.js';
export { defaultConfig, loadConfig, type Config, type LoadConfigOptions, type RegistrySettings } from './load.js';
export * from './reference.js';
export { BUILD_ORDERS, CACHE_MODES, CONTAINER_ENGINES, IMAGE_SOURCES, INPUTS_MODES, type InputsMode } from './schema.js';
export { Secret } from './secret.js';
export type {
  BuildSettings,
  ClusterSettings,
  CoverageSettings,
  DependencySpec,
  DeploySettings,
  ImageSpec,
  KnownFailure,
  PortMapping,
  ReportSettings,
  RunSettings,
  Stage,
  SuiteSettings,
} from './types.js';
