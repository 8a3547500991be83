// The hand-off as the action ships it, for the benchmark's candidate process:
// `node index.js <engine program> <references…>` (bundled with ncc by bench/handoff.ts).
import { DockerEngine } from '../src/engine/docker.js';
import { PodmanEngine } from '../src/engine/podman.js';
import type { ContainerEngine } from '../src/engine/types.js';
import { handOver, planHandoff } from '../src/handoff/handoff.js';
import { consoleLog } from '../src/util/log.js';

const [program, ...references] = process.argv.slice(2);
const names = ['datastorage', 'kubernautagent', 'aianalysis', 'mock-llm'];
const log = consoleLog({ write: () => undefined });
const engine: ContainerEngine = program === 'podman' ? new PodmanEngine({ log }) : new DockerEngine({ program, log, builder: 'classic' });
const images = references.map((reference, index) => ({ name: names[index]!, repository: names[index]!, reference }));
const { how } = await handOver({
  handoff: planHandoff('artifact-tag', images, ''),
  images,
  engine,
  podman: engine.kind === 'podman' ? engine : new PodmanEngine({ log }),
  registryHas: async () => false,
  pushAllowed: false,
  log,
});
console.log(how);
