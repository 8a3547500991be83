/**
 * Builds the `covmini` module (next to this file) with `-cover` the way the E2E images build
 * kubernaut's services: in a folder that plays the image's source folder (/opt/app-root/src),
 * with a separate copy playing the repository checkout. Then runs the binaries with GOCOVERDIR,
 * as the pods do, so the tests convert data that Go really wrote.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const MODULE_DIR = fileURLToPath(new URL('./covmini', import.meta.url));
export const MODULE_PATH = 'example.com/covmini';

export type Binary = 'greeter' | 'farewell';

export interface CoverageFixture {
  root: string;
  /** Where the binaries were built: the folder the profile's filesystem paths point into. */
  buildPath: string;
  /** The "checkout": the same module, elsewhere. */
  repoRoot: string;
  go: string;
  /** For go commands: no GOFLAGS or toolchain switch from the caller's environment. */
  goEnv: NodeJS.ProcessEnv;
  binaries: Record<Binary, string>;
}

export async function buildCoverageFixture(go: string): Promise<CoverageFixture> {
  const root = await mkdtemp(join(tmpdir(), 'covmini-'));
  const buildPath = join(root, 'image', 'opt', 'app-root', 'src');
  const repoRoot = join(root, 'repo');
  await cp(MODULE_DIR, buildPath, { recursive: true });
  await cp(MODULE_DIR, repoRoot, { recursive: true });
  const goEnv = { ...process.env, GOFLAGS: '', GOTOOLCHAIN: 'local', GOWORK: 'off', CGO_ENABLED: '0' };
  const binaries = { greeter: join(root, 'bin', 'greeter'), farewell: join(root, 'bin', 'farewell') };
  // A package argument gives import paths; a file argument gives filesystem paths under buildPath.
  await execFileAsync(go, ['build', '-cover', '-o', binaries.greeter, './cmd/greeter'], { cwd: buildPath, env: goEnv });
  await execFileAsync(go, ['build', '-cover', '-o', binaries.farewell, './cmd/farewell/main.go'], { cwd: buildPath, env: goEnv });
  return { root, buildPath, repoRoot, go, goEnv, binaries };
}

/** Runs a binary as an instrumented pod would. `killed`: the greeter kills itself before exiting. */
export async function runInstrumented(fixture: CoverageFixture, binary: Binary, coverDir: string, mode: 'exits' | 'killed' = 'exits'): Promise<void> {
  await mkdir(coverDir, { recursive: true });
  const args = mode === 'killed' ? ['killed'] : [];
  try {
    await execFileAsync(fixture.binaries[binary], args, { env: { ...fixture.goEnv, GOCOVERDIR: coverDir } });
  } catch (error) {
    if (mode !== 'killed' || (error as { signal?: string }).signal !== 'SIGKILL') throw error;
  }
}

export async function removeFixture(fixture: CoverageFixture | undefined): Promise<void> {
  if (fixture) await rm(fixture.root, { recursive: true, force: true });
}
