import type { ImagePhaseReport } from '../../src/images/phase.js';
import { imagesOutput, imagesSection } from '../../src/images/summary.js';
import { renderMarkdown } from '../../src/document/document.js';

const DIGEST = `sha256:${'0123456789ab'.repeat(5)}abcd`;

const REPORT: ImagePhaseReport = {
  images: [
    { name: 'datastorage', reference: 'ghcr.io/k/ds:sha256-1', digest: DIGEST, id: 'sha256:1', source: 'pulled', seconds: 12.5, sizeBytes: 81_200_000 },
    { name: 'aianalysis', reference: 'ghcr.io/k/aa:sha256-2', digest: null, id: 'sha256:2', source: 'built-from-cache', seconds: 3, sizeBytes: 65_000_000 },
  ],
  dependencies: [
    { name: 'redis', reference: 'docker.io/library/redis:7-alpine', digest: null, id: 'sha256:3', source: 'reused', seconds: 0.2, sizeBytes: 41_000_000 },
  ],
  load: { images: 3, archiveBytes: 187_000_000, bytesFreed: 190_500_000 },
  crashes: [],
  notices: ['push is on, but images are not pushed: this pull request comes from the fork someone/kubernaut'],
};

describe('imagesSection', () => {
  const markdown = renderMarkdown([imagesSection(REPORT)]);

  it('has a row per image and per dependency with source, reference, short digest, size and time', () => {
    expect(markdown).toContain('| datastorage | pulled | ghcr.io/k/ds:sha256-1 | sha256:0123456789ab | 81.2 MB | 12.5s |');
    expect(markdown).toContain('| aianalysis | built-from-cache | ghcr.io/k/aa:sha256-2 | — | 65.0 MB | 3.0s |');
    expect(markdown).toContain('| redis (dependency) | reused |');
  });

  it('explains built-from-cache, the load and the refused push', () => {
    expect(markdown).toMatch(/built-from-cache\*\*: the build ran, but every step came from the layer cache/);
    expect(markdown).toContain('Loaded 3 images into the cluster from one archive of 187 MB; freed 191 MB afterwards');
    expect(markdown).toContain('fork someone/kubernaut');
  });

  it('leaves the explanation out when no image was built from the cache', () => {
    const built = { ...REPORT, images: [REPORT.images[0]], load: undefined, notices: [] };
    expect(imagesSection(built).paragraphs).toBeUndefined();
  });
});

describe('imagesOutput', () => {
  it('is the images (not the dependencies) as JSON', () => {
    expect(JSON.parse(imagesOutput(REPORT))).toEqual(REPORT.images);
  });
});
