// The hand-off to a suite that sets up its own stack: from the last image resolved to the suite
// being able to start, for four images of kubernaut's sizes (~100-200 MB each), in podman's
// store as localhost/<service>:<tag>.
//
// Candidates: a whole Node process (node24) running the hand-off code bundled with ncc, as the
// action ships it (handoff-process.ts), (a) with the images in docker (moved to podman in one archive, verified) and
// (b) with the images already in podman (tagged, verified).
// Baselines: the same hand-off by hand, `docker save | podman load` of the same four images (two
// processes, one pipe); and `podman save | podman load`, what kubernaut's own CI does with its
// image artifacts, against which both candidates are also given.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { testbedEnv } from '../__tests__/testbed/env.js';
import { alternate, bundleEntry, timePipe, timeProcess, type Figure } from './measure.js';

export const SIZES_MIB: Record<string, number> = { datastorage: 120, kubernautagent: 160, aianalysis: 140, 'mock-llm': 100 };
const RUNS = 5;
const node = process.execPath;

export function must(program: string, args: string[], env: NodeJS.ProcessEnv): void {
  const done = spawnSync(program, args, { env, encoding: 'utf8' });
  if (done.status !== 0) throw new Error(`${program} ${args.join(' ')}: ${done.stderr}`);
}

/** Builds the four padded images in one engine, tagged `sha256-<tag>`; returns their references. */
export async function buildImages(engine: string, base: string, work: string, env: NodeJS.ProcessEnv, tag = basename(engine)): Promise<string[]> {
  const references: string[] = [];
  const which = tag;
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

/** `<engine> save` into `podman load` through one pipe: the hand-off done by hand. */
function saveLoad(engine: string, references: string[], env: NodeJS.ProcessEnv): () => Promise<number> {
  const flags = basename(engine) === 'podman' ? ['--format', 'docker-archive', '--multi-image-archive'] : [];
  return () => timePipe({ program: engine, args: ['save', ...flags, ...references] }, { program: 'podman', args: ['load'] }, { env });
}

export async function handoff(root: string): Promise<Figure> {
  const testbed = await testbedEnv();
  const env = { ...process.env, ...testbed.processEnv };
  const work = await mkdtemp(join(tmpdir(), 'aianalysis-e2e-bench-handoff-'));
  try {
    const inDocker = await buildImages(testbed.docker, testbed.baseImage, work, env);
    const inPodman = await buildImages('podman', testbed.baseImage, work, env);
    const bundle = bundleEntry(root, new URL('./handoff-process.ts', import.meta.url).href, join(work, 'bundle'));
    const candidate = (engine: string, references: string[]) => () =>
      timeProcess(node, [bundle, engine, ...references], env);
    const [byHand, fromDocker] = await alternate(RUNS, saveLoad(testbed.docker, inDocker, env), candidate(testbed.docker, inDocker));
    const [podmanByHand, fromPodman] = await alternate(RUNS, saveLoad('podman', inPodman, env), candidate('podman', inPodman));
    const total = Object.values(SIZES_MIB).reduce((sum, mib) => sum + mib, 0);
    const ratio = (ms: number) => (ms / podmanByHand).toFixed(2);
    return {
      name: `hand-off of four images (${total} MiB) to the suite, docker→podman`,
      baseline: { label: 'docker save | podman load', ms: byHand },
      candidate: { label: 'hand-off (node process)', ms: fromDocker },
      maxRatio: 1.1,
      extra:
        `against podman save | podman load (${podmanByHand.toFixed(0)} ms): docker→podman ${ratio(fromDocker)}, ` +
        `podman-only hand-off ${fromPodman.toFixed(0)} ms ${ratio(fromPodman)}`,
    };
  } finally {
    spawnSync('podman', ['image', 'prune', '-f', '--filter', 'label=none'], { env });
    await rm(work, { recursive: true, force: true });
  }
}

