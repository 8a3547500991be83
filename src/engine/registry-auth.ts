/**
 * The run's private registry credentials. `docker login` and `podman login` store what they are
 * given in the user's own files (`~/.docker/config.json`, the containers auth file), where it
 * would outlive the run; the run points the engine at a folder of its own instead
 * (`DOCKER_CONFIG` for docker, `REGISTRY_AUTH_FILE` for podman) and removes it at the end, and
 * the post step removes it again if the main step never got there.
 *
 * So that docker still reaches the same daemon with the same plugins, the private config names
 * the user's current context, links the user's contexts, and lists the user's plugin folder.
 * The folder carries a marker file: the cleanup removes only a folder that has it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, symlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeNamedFile } from '../util/file-write.js';

const FOLDER = 'registry-auth';
const MARKER = '.aianalysis-e2e-registry-auth';

export interface RegistryAuth {
  dir: string;
  /** For every engine command of the run. */
  env: { DOCKER_CONFIG: string; REGISTRY_AUTH_FILE: string };
}

function userDockerConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || join(homedir(), '.docker');
}

async function currentContextOf(userDir: string): Promise<string | undefined> {
  try {
    const parsed = JSON.parse(await readFile(join(userDir, 'config.json'), 'utf8')) as { currentContext?: unknown };
    return typeof parsed.currentContext === 'string' ? parsed.currentContext : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the run's auth folder under `workDir` (replacing one a killed run left behind). */
export async function createRegistryAuth(workDir: string, env: NodeJS.ProcessEnv = process.env): Promise<RegistryAuth> {
  const dir = join(workDir, FOLDER);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeNamedFile(join(dir, MARKER), 'registry credentials of one aianalysis-e2e run; removed when it ends\n');
  const userDir = userDockerConfigDir(env);
  const currentContext = await currentContextOf(userDir);
  const config = { auths: {}, ...(currentContext ? { currentContext } : {}), cliPluginsExtraDirs: [join(userDir, 'cli-plugins')] };
  await writeNamedFile(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  if (existsSync(join(userDir, 'contexts'))) await symlink(join(userDir, 'contexts'), join(dir, 'contexts'));
  return { dir, env: { DOCKER_CONFIG: dir, REGISTRY_AUTH_FILE: join(dir, 'auth.json') } };
}

/**
 * Removes the auth folder `dir` if it is one (it has the marker). Returns whether it removed
 * anything; a path that is not an auth folder is left alone.
 */
export async function removeRegistryAuth(dir: string): Promise<boolean> {
  if (!existsSync(join(dir, MARKER))) return false;
  await rm(dir, { recursive: true, force: true });
  return true;
}
