// An E2E job's image phase as the action ships it, for the artifact-load benchmark's candidate
// process: `node index.js <artifact name> <work dir> [download]` downloads the images artifact of
// this workflow run (the runner's variables point at the service), loads it into podman and checks
// it; with `download`, it only downloads and unpacks it (the transfer's share of the phase).
import { PodmanEngine } from '../src/engine/podman.js';
import { toolkitServices } from '../src/host/toolkit.js';
import { workflowRun } from '../src/host/workflow-run.js';
import { restoreImagesArtifact } from '../src/images/artifact-restore.js';
import { downloadImagesArtifact } from '../src/images/artifact-transfer.js';
import { consoleLog } from '../src/util/log.js';

const [name, dir, mode] = process.argv.slice(2);
const log = consoleLog({ write: () => undefined });
const github = toolkitServices(workflowRun(process.env), log);
if (mode === 'download') {
  const { size } = await downloadImagesArtifact({ name: name!, runId: 0, token: null, dir: dir! }, github);
  console.log(`downloaded ${size} bytes`);
} else {
  const restored = await restoreImagesArtifact({ engine: new PodmanEngine({ log }), name: name!, runId: 0, token: null, dir: dir!, log, github });
  console.log(`${restored.manifest.images.length} images, ${restored.downloadedBytes} bytes, ${restored.loadedDuringDownload} archives loaded during the download`);
}
