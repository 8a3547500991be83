// The hand-off to a suite that sets up its own stack: from the last image resolved to the suite
// being able to start, for four images of kubernaut's sizes (~100-200 MB each), in podman's
// store as localhost/<service>:<tag>.
//
// Candidates: a whole Node process (node24) running the hand-off code bundled with ncc, as the
// action ships it, (a) with the images in docker (moved to podman in one archive, verified) and
// (b) with the images already in podman (tagged, verified).
// Baseline: `podman save | podman load` of the same four images (two processes, one pipe), what
// kubernaut's own CI does with its image artifacts.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testbedEnv } from '../__tests__/testbed/env.js';
import { DockerEngine } from '../src/engine/docker.js';
import { PodmanEngine } from '../src/engine/podman.js';
import type { ContainerEngine } from '../src/engine/types.js';
import { handOver, planHandoff } from '../src/handoff/handoff.js';
import { consoleLog } from '../src/util/log.js';
import { alternate, timeProcess, type Figure } from './measure.js';

const SIZES_MIB: Record<string, number> = { datastorage: 120, kubernautagent: 160, aianalysis: 140, 'mock-llm': 100 };
const RUNS = 5;
const HAND_OVER = '--hand-over';
const node = process.execPath;

function must(program: string, args: string[], env: NodeJS.ProcessEnv): void {
  const done = spawnSync(program, args, { env, encoding: 'utf8' });
  if (done.status !== 0) throw new Error(`${program} ${args.join(' ')}: ${done.stderr}`);
}

/** Builds the four padded images in one engine; returns their references. */
async function buildImages(engine: string, base: string, work: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const references: string[] = [];
  const which = basename(engine);
  for (const [name, mib] of Object.entries(SIZES_MIB)) {
    const dir = join(work, `${which}-${name}`);
    must('mkdir', ['-p', dir], env);
    await writeFile(join(dir, 'Dockerfile'), `FROM ${base}\nRUN head -c ${mib * 2 ** 20} /dev/urandom > /padding-${name}\n`);
    const reference = `localhost/bench-${name}:sha256-${which}`;
    must(engine, ['build', '-q', '-t', reference, dir], env);
    references.push(reference);
  }
  return references;
}

/** `podman save` into `podman load` through one pipe. */
function podmanSaveLoad(references: string[], env: NodeJS.ProcessEnv): () => Promise<number> {
  return () =>
    new Promise((resolvePromise, reject) => {
      const started = process.hrtime.bigint();
      const load = spawn('podman', ['load'], { env, stdio: ['pipe', 'ignore', 'inherit'] });
      const save = spawn('podman', ['save', '--format', 'docker-archive', '--multi-image-archive', ...references], { env, stdio: ['ignore', load.stdin, 'inherit'] });
      load.stdin.destroy();
      let pending = 2;
      const done = (name: string) => (code: number | null) => {
        if (code !== 0) reject(new Error(`${name} exited ${code}`));
        else if (--pending === 0) resolvePromise(Number(process.hrtime.bigint() - started) / 1e6);
      };
      save.on('error', reject).on('close', done('podman save'));
      load.on('error', reject).on('close', done('podman load'));
    });
}

function bundleSelf(root: string, outDir: string): string {
  const ncc = spawnSync(
    node,
    [join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', fileURLToPath(import.meta.url), '-o', outDir, '--quiet', '--transpile-only'],
    { cwd: root, stdio: 'inherit' },
  );
  if (ncc.status !== 0) throw new Error(`ncc failed with exit code ${ncc.status}`);
  return join(outDir, 'index.js');
}

const images = (references: readonly string[]) =>
  Object.keys(SIZES_MIB).map((name, index) => ({ name, repository: name, reference: references[index]! }));

export async function handoff(root: string): Promise<Figure> {
  const testbed = await testbedEnv();
  const env = { ...process.env, ...testbed.processEnv };
  const work = await mkdtemp(join(tmpdir(), 'aianalysis-e2e-bench-handoff-'));
  try {
    const inDocker = await buildImages(testbed.docker, testbed.baseImage, work, env);
    const inPodman = await buildImages('podman', testbed.baseImage, work, env);
    const bundle = bundleSelf(root, join(work, 'bundle'));
    const candidate = (engine: string, references: string[]) => () =>
      timeProcess(node, [bundle, HAND_OVER, engine, join(work, 'archive'), ...references], env);
    const [baseline, fromDocker] = await alternate(RUNS, podmanSaveLoad(inPodman, env), candidate(testbed.docker, inDocker));
    const [, fromPodman] = await alternate(RUNS, podmanSaveLoad(inPodman, env), candidate('podman', inPodman));
    const total = Object.values(SIZES_MIB).reduce((sum, mib) => sum + mib, 0);
    return {
      name: `hand-off of four images (${total} MiB) to the suite, docker→podman`,
      baseline: { label: 'podman save | podman load', ms: baseline },
      candidate: { label: 'hand-off (node process)', ms: fromDocker },
      maxRatio: 1.1,
      extra: `podman-only hand-off ${fromPodman.toFixed(0)} ms (ratio ${(fromPodman / baseline).toFixed(2)})`,
    };
  } finally {
    spawnSync('podman', ['image', 'prune', '-f', '--filter', 'label=none'], { env });
    await rm(work, { recursive: true, force: true });
  }
}

// Entry mode of the bundle: `node index.js --hand-over <engine program> <work dir> <references…>`.
if (process.argv[2] === HAND_OVER) {
  const [program, workDir, ...references] = process.argv.slice(3);
  const log = consoleLog({ write: () => undefined });
  const engine: ContainerEngine = program === 'podman' ? new PodmanEngine({ log }) : new DockerEngine({ program, log, builder: 'classic' });
  const podman = engine.kind === 'podman' ? engine : new PodmanEngine({ log });
  const handed = images(references);
  void handOver({
    handoff: planHandoff('artifact-tag', handed, ''),
    images: handed,
    engine,
    podman,
    registryHas: async () => false,
    pushAllowed: false,
    workDir: workDir!,
    log,
  }).then(({ how }) => console.log(how));
}
