// An E2E job's image phase as the action ships it, for the artifact-load benchmark's candidate
// process: `node index.js <artifact name> <work dir>` downloads the images artifact of this
// workflow run (the runner's variables point at the service), loads it into podman and checks it.
import { PodmanEngine } from '../src/engine/podman.js';
import { restoreImagesArtifact } from '../src/images/artifact-restore.js';
import { consoleLog } from '../src/util/log.js';

const [name, dir] = process.argv.slice(2);
const log = consoleLog({ write: () => undefined });
const restored = await restoreImagesArtifact({ engine: new PodmanEngine({ log }), name: name!, runId: 0, token: null, dir: dir!, log });
console.log(`${restored.manifest.images.length} images, ${restored.downloadedBytes} bytes`);
