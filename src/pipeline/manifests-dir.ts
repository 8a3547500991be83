// The action's own manifests/ folder. This file sits two folders below the action's root both
// as source (src/pipeline/) and bundled (dist/bundle/), so one relative path serves both.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const builtInManifestsDir = (): string => resolve(dirname(fileURLToPath(import.meta.url)), '../../manifests');
