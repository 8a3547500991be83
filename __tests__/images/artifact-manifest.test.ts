// The images artifact's manifest: written from the run's images, read back strictly, and the
// check of what an engine holds after loading the archive.
import { loadProblems, manifestOf, parseManifest } from '../../src/images/artifact-manifest.js';

const id = (digit: string) => `sha256:${digit.repeat(64)}`;
const images = [
  { name: 'datastorage', reference: 'localhost/kubernaut-datastorage:sha256-aa', digest: null, id: id('a'), source: 'built' as const, seconds: 1, sizeBytes: 10 },
  { name: 'aianalysis', reference: 'ghcr.io/k/kubernaut-aianalysis:sha256-bb', digest: id('d'), id: id('b'), source: 'pulled' as const, seconds: 1, sizeBytes: 10 },
];
const archives = [
  { file: 'aianalysis.tar', bytes: 2048, images: ['aianalysis'] },
  { file: 'datastorage.tar', bytes: 4096, images: ['datastorage'] },
];

describe('the images manifest', () => {
  it('records each image with the content tag of its reference and reads back as written', () => {
    const manifest = manifestOf(images, archives);
    expect(manifest.images.map((image) => image.contentTag)).toEqual(['sha256-aa', 'sha256-bb']);
    expect(parseManifest(JSON.stringify(manifest), 'images.json')).toEqual(manifest);
  });

  it('refuses a manifest of another format or with a malformed id, naming the file and the field', () => {
    const manifest = manifestOf(images, archives);
    expect(() => parseManifest(JSON.stringify({ ...manifest, format: 'other/1' }), 'images.json of x')).toThrow(/images.json of x .*format/);
    const broken = { ...manifest, images: [{ ...manifest.images[0], id: 'sha256:short' }] };
    expect(() => parseManifest(JSON.stringify(broken), 'images.json')).toThrow(/images\.0\.id/);
    expect(() => parseManifest('{', 'images.json')).toThrow(/images.json is not JSON/);
  });

  it('refuses archives that do not hold every image exactly once, or a file name that is a path', () => {
    const manifest = manifestOf(images, archives);
    const refused = (changed: object) => () => parseManifest(JSON.stringify({ ...manifest, ...changed }), 'images.json');
    expect(refused({ archives: [archives[0]] })).toThrow(/images.json does not put every image in exactly one archive file \('datastorage' in none\)/);
    expect(refused({ archives: [...archives, { file: 'x.tar', bytes: 1, images: ['other'] }] })).toThrow(/'other' not listed/);
    expect(refused({ archives: [archives[0], { ...archives[1], images: ['datastorage', 'aianalysis'] }] })).toThrow(/an image or a file twice/);
    expect(refused({ archives: [{ ...archives[0], file: '../aianalysis.tar' }, archives[1]] })).toThrow(/archives\.0\.file/);
  });

  it('names every image that is missing after loading or has another id than recorded', () => {
    const manifest = manifestOf(images, archives);
    expect(loadProblems(manifest, new Map([[images[0].reference, { id: id('a') }], [images[1].reference, { id: id('b') }]]))).toEqual([]);
    const problems = loadProblems(manifest, new Map([[images[1].reference, { id: id('c') }]]));
    expect(problems).toEqual([
      expect.stringMatching(/^localhost\/kubernaut-datastorage:sha256-aa \(image 'datastorage'\) is not in the engine/),
      expect.stringMatching(/has id sha256:c+; the manifest records sha256:b+$/),
    ]);
  });
});
