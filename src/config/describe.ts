import { stringify } from 'yaml';
import type { Config } from './load.js';

/** The configuration as YAML, for logs and reports; secrets appear as '***'. */
export function describeConfig(config: Config): string {
  // JSON first: Secret serialises itself as '***', and YAML then sees plain data only.
  return stringify(JSON.parse(JSON.stringify(config)));
}
