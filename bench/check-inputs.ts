// `npm run check:inputs -- CHECKOUT [GIT_DIR REV]`: how many image rebuilds kubernaut's typical
// edits and its recent history cause with inputs `context` against inputs `go`, for the four
// images of the AIAnalysis E2E stack. Needs a kubernaut checkout, so it is no part of CI.
//
// Edits: each edit of EDITS is applied to a scratch copy of CHECKOUT; an image rebuilds when its
// planned tag changes. History (with GIT_DIR and REV): each of the COMMITS commits up to REV is
// compared with its first parent, both checked out into a scratch work tree from GIT_DIR.
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashImage } from '../src/image-inputs/hash.js';
import type { InputsMode } from '../src/config/index.js';

const IMAGES = {
  datastorage: 'docker/data-storage.Dockerfile',
  kubernautagent: 'docker/kubernautagent.Dockerfile',
  aianalysis: 'docker/aianalysis.Dockerfile',
  'mock-llm': 'test/services/mock-llm/go.Dockerfile',
};
type Mode = Extract<InputsMode, 'context' | 'go'>;
const MODES: Mode[] = ['context', 'go'];
const COMMITS = 150;
const LIMITS = { warnMiB: 1 << 20, limitMiB: 1 << 21 };

/** Appends a comment in the file's own syntax, or sets its execute bit. */
const EDITS: { what: string; path: string; mode?: true }[] = [
  { what: 'a package in none of the four binaries', path: 'pkg/notification/client.go' },
  { what: 'a test file of the controller package', path: 'pkg/aianalysis/controller_shutdown_test.go' },
  { what: "the controller's Dockerfile", path: 'docker/aianalysis.Dockerfile' },
  { what: "the controller's main package", path: 'cmd/aianalysis/main.go' },
  { what: 'a Data Storage package', path: 'pkg/datastorage/server/server.go' },
  { what: 'a file embedded by a shared package', path: 'pkg/audit/openapi_spec_data.yaml' },
  { what: 'the spec Data Storage copies out of its build stage', path: 'api/openapi/data-storage-v1.yaml' },
  { what: 'the mock LLM', path: 'test/services/mock-llm/cmd/mock-llm/main.go' },
  { what: 'go.mod', path: 'go.mod' },
  { what: 'the execute bit of a script', path: 'hack/verify-helm-defaults-parity.sh', mode: true },
];

type Tags = Record<string, Record<Mode, string | undefined>>;

async function tagsOf(root: string): Promise<Tags> {
  const tags: Tags = {};
  for (const mode of MODES) {
    const hashed = await Promise.all(
      Object.entries(IMAGES).map(async ([name, dockerfile]) => {
        if (!existsSync(join(root, dockerfile))) return [name, undefined] as const;
        const image = { name, dockerfile, context: '.', buildArgs: {}, target: '', platform: 'linux/amd64', inputs: mode, goPackage: '' };
        const result = await hashImage(root, image, LIMITS);
        if (result.inputs.fallback) console.error(`  ${name}: ${result.inputs.fallback}`);
        return [name, result.tag] as const;
      }),
    );
    for (const [name, tag] of hashed) (tags[name] ??= { context: undefined, go: undefined })[mode] = tag;
  }
  return tags;
}

/** Names of the images whose tag differs, per mode. */
function rebuilt(before: Tags, after: Tags): Record<Mode, string[]> {
  const changed = (mode: Mode) => Object.keys(IMAGES).filter((name) => after[name]?.[mode] !== undefined && before[name]?.[mode] !== after[name][mode]);
  return { context: changed('context'), go: changed('go') };
}

function edit(root: string, { path, mode }: (typeof EDITS)[number]): void {
  const file = join(root, path);
  if (!existsSync(file)) throw new Error(`${path} is not in the checkout; update EDITS`);
  if (mode) chmodSync(file, 0o755 ^ 0o100);
  else appendFileSync(file, /\.(go|mod)$/.test(path) ? '\n// edited\n' : '\n# edited\n');
}

async function edits(checkout: string): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'check-inputs-edit-'));
  try {
    const totals = { context: 0, go: 0 };
    for (const change of EDITS) {
      const root = join(scratch, 'tree');
      rmSync(root, { recursive: true, force: true });
      cpSync(checkout, root, { recursive: true, verbatimSymlinks: true });
      const before = await tagsOf(root);
      edit(root, change);
      const result = rebuilt(before, await tagsOf(root));
      totals.context += result.context.length;
      totals.go += result.go.length;
      console.log(`edit ${change.path} (${change.what}): context rebuilds ${result.context.length}, go rebuilds ${result.go.length} [${result.go.join(', ')}]`);
    }
    console.log(`edits: ${EDITS.length}, image rebuilds with context ${totals.context}, with go ${totals.go}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function git(gitDir: string, args: string[], { env = {}, cwd }: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): string {
  const result = spawnSync('git', [`--git-dir=${gitDir}`, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  // A blob missing from a partial mirror only leaves that file out; anything else is fatal.
  if (result.status !== 0 && !/unable to read sha1 file/.test(result.stderr)) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

async function history(gitDir: string, rev: string): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'check-inputs-history-'));
  const tree = join(scratch, 'tree');
  mkdirSync(tree);
  const env = { GIT_INDEX_FILE: join(scratch, 'index') };
  const checkout = async (commit: string) => {
    git(gitDir, [`--work-tree=${tree}`, 'read-tree', '--reset', '-u', commit], { env, cwd: tree });
    return tagsOf(tree);
  };
  try {
    const commits = git(gitDir, ['rev-list', `--max-count=${COMMITS}`, rev]).trim().split('\n');
    const totals = { commits: 0, context: 0, go: 0 };
    for (const commit of commits) {
      const parent = git(gitDir, ['rev-parse', `${commit}^1`]).trim();
      const result = rebuilt(await checkout(parent), await checkout(commit));
      if (result.context.length > 0) totals.commits += 1;
      totals.context += result.context.length;
      totals.go += result.go.length;
      console.log(`${commit.slice(0, 9)}: context ${result.context.length}, go ${result.go.length} [${result.go.join(', ')}]`);
    }
    console.log(`history: ${commits.length} commits, ${totals.commits} change a context tag; image rebuilds with context ${totals.context}, with go ${totals.go}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const [checkout, gitDir, rev] = process.argv.slice(2);
if (!checkout) {
  console.error('usage: npm run check:inputs -- KUBERNAUT_CHECKOUT [GIT_DIR REV]');
  process.exit(2);
}
await edits(checkout);
if (gitDir) await history(gitDir, rev ?? 'HEAD');
