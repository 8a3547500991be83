/** Names for the parts of the configuration, for the modules that take only one part. */
import type { Config } from './load.js';

export type ImageSpec = Config['images'][string];
export type DependencySpec = Config['dependencies'][string];
export type BuildSettings = Config['build'];
export type ClusterSettings = Config['cluster'];
export type PortMapping = ClusterSettings['portMappings'][number];
export type DeploySettings = Config['deploy'];
export type Stage = DeploySettings['stages'][number];
export type SuiteSettings = Config['suite'];
export type KnownFailure = SuiteSettings['knownFailures'][number];
export type CoverageSettings = Config['coverage'];
export type ReportSettings = Config['report'];
export type RunSettings = Config['run'];
