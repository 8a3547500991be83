import { decideSources, imageReference, MissingImagesError, type SourceProbes } from '../../src/images/source.js';
import { RegistryAccessDeniedError, RegistryUnavailableError } from '../../src/engine/registry.js';

const TAG = 'sha256-0123456789abcdef0123456789abcdef';
const images = [
  { name: 'datastorage', repository: 'kubernaut-datastorage', tag: TAG },
  { name: 'aianalysis', repository: 'kubernaut-aianalysis', tag: TAG },
];
const GHCR = 'ghcr.io/kubernaut';
const ref = (repository: string, registry = GHCR) => imageReference(registry, repository, TAG);

type RegistryAnswer = { present: boolean; detail?: string } | Error;

/** Probes answering from tables; every question is recorded. */
function fakeProbes(local: string[], registry: Record<string, RegistryAnswer>): SourceProbes & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    localImages: async (references) => {
      asked.push(`local ${references.join(' ')}`);
      return new Set(references.filter((reference) => local.includes(reference)));
    },
    registryHas: async (reference) => {
      asked.push(`registry ${reference}`);
      const answer = registry[reference] ?? { present: false };
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

describe('imageReference', () => {
  it.each([
    ['ghcr.io/kubernaut', 'kubernaut-datastorage', `ghcr.io/kubernaut/kubernaut-datastorage:${TAG}`],
    ['127.0.0.1:5000', 'team/app', `127.0.0.1:5000/team/app:${TAG}`],
    ['kubernaut', 'app', `kubernaut/app:${TAG}`],
    ['', 'kubernaut-datastorage', `localhost/kubernaut-datastorage:${TAG}`],
  ])('under %j: %s → %s', (registry, repository, expected) => {
    expect(imageReference(registry, repository, TAG)).toBe(expected);
  });
});

describe('decideSources', () => {
  const cases: {
    title: string;
    mode: 'auto' | 'pull' | 'build';
    registry: string;
    local?: string[];
    remote?: Record<string, RegistryAnswer>;
    expected: [string, string, string][];
    asked?: string[];
  }[] = [
    {
      title: 'auto asks the engine once about all images, reuses what it holds and asks no registry about those',
      mode: 'auto',
      registry: GHCR,
      local: [ref('kubernaut-datastorage'), ref('kubernaut-aianalysis')],
      expected: [
        ['reuse', ref('kubernaut-datastorage'), 'local image present'],
        ['reuse', ref('kubernaut-aianalysis'), 'local image present'],
      ],
      asked: [`local ${ref('kubernaut-datastorage')} ${ref('kubernaut-aianalysis')}`],
    },
    {
      title: 'auto pulls what the registry has and builds what it lacks',
      mode: 'auto',
      registry: GHCR,
      remote: { [ref('kubernaut-datastorage')]: { present: true } },
      expected: [
        ['pull', ref('kubernaut-datastorage'), `registry has ${ref('kubernaut-datastorage')}`],
        ['build', ref('kubernaut-aianalysis'), 'not in the registry'],
      ],
    },
    {
      title: 'auto passes on why the registry could not tell',
      mode: 'auto',
      registry: GHCR,
      remote: { [ref('kubernaut-aianalysis')]: { present: false, detail: 'the registry refuses anonymous reads' } },
      expected: [
        ['build', ref('kubernaut-datastorage'), 'not in the registry'],
        ['build', ref('kubernaut-aianalysis'), 'not in the registry (the registry refuses anonymous reads)'],
      ],
    },
    {
      title: 'auto builds when the registry stays unreachable',
      mode: 'auto',
      registry: GHCR,
      remote: {
        [ref('kubernaut-datastorage')]: new RegistryUnavailableError('ghcr.io', 'kubernaut/kubernaut-datastorage', 'HTTP 503', 4),
      },
      expected: [
        [
          'build',
          ref('kubernaut-datastorage'),
          'registry unreachable (registry ghcr.io did not answer for kubernaut/kubernaut-datastorage after 4 attempt(s): HTTP 503)',
        ],
        ['build', ref('kubernaut-aianalysis'), 'not in the registry'],
      ],
    },
    {
      title: 'auto without a registry checks local images under localhost/, then builds',
      mode: 'auto',
      registry: '',
      local: [ref('kubernaut-aianalysis', '')],
      expected: [
        ['build', ref('kubernaut-datastorage', ''), 'no registry configured'],
        ['reuse', ref('kubernaut-aianalysis', ''), 'local image present'],
      ],
      asked: [`local ${ref('kubernaut-datastorage', '')} ${ref('kubernaut-aianalysis', '')}`],
    },
    {
      title: 'pull takes every image from the registry, even one present locally',
      mode: 'pull',
      registry: GHCR,
      local: [ref('kubernaut-datastorage')],
      remote: { [ref('kubernaut-datastorage')]: { present: true }, [ref('kubernaut-aianalysis')]: { present: true } },
      expected: [
        ['pull', ref('kubernaut-datastorage'), `registry has ${ref('kubernaut-datastorage')}`],
        ['pull', ref('kubernaut-aianalysis'), `registry has ${ref('kubernaut-aianalysis')}`],
      ],
      asked: [`registry ${ref('kubernaut-datastorage')}`, `registry ${ref('kubernaut-aianalysis')}`],
    },
    {
      title: 'build builds everything without asking anyone',
      mode: 'build',
      registry: GHCR,
      local: [ref('kubernaut-datastorage')],
      remote: { [ref('kubernaut-aianalysis')]: { present: true } },
      expected: [
        ['build', ref('kubernaut-datastorage'), "image-source is 'build'"],
        ['build', ref('kubernaut-aianalysis'), "image-source is 'build'"],
      ],
      asked: [],
    },
  ];

  it.each(cases)('$title', async ({ mode, registry, local = [], remote = {}, expected, asked }) => {
    const probes = fakeProbes(local, remote);
    const decisions = await decideSources({ mode, registry }, images, probes);
    expect(decisions.map((d) => [d.source, d.reference, d.reason])).toEqual(expected);
    expect(decisions.map((d) => d.image)).toEqual(['datastorage', 'aianalysis']);
    if (asked !== undefined) expect(probes.asked).toEqual(asked);
  });

  it('pull names every missing image at once and what to do', async () => {
    const probes = fakeProbes([], {
      [ref('kubernaut-aianalysis')]: { present: false, detail: 'the registry refuses anonymous reads' },
    });
    const attempt = decideSources({ mode: 'pull', registry: GHCR }, [...images, { name: 'hapi', repository: 'kubernaut-hapi', tag: TAG }], probes);
    await expect(attempt).rejects.toThrow(MissingImagesError);
    await expect(attempt).rejects.toThrow(
      [
        "image-source is 'pull' but the registry lacks 3 image(s):",
        `  - ${ref('kubernaut-datastorage')} (image 'datastorage')`,
        `  - ${ref('kubernaut-aianalysis')} (image 'aianalysis': the registry refuses anonymous reads)`,
        `  - ${ref('kubernaut-hapi')} (image 'hapi')`,
        "Publish them for this commit (run the image publishing workflow), or set image-source to 'auto' to build what the registry lacks.",
      ].join('\n'),
    );
  });

  it.each(['auto', 'pull'] as const)('%s fails at once when the registry refuses the credentials', async (mode) => {
    const denied = new RegistryAccessDeniedError('ghcr.io', 'kubernaut/kubernaut-datastorage', 403);
    const probes = fakeProbes([], { [ref('kubernaut-datastorage')]: denied });
    await expect(decideSources({ mode, registry: GHCR }, images, probes)).rejects.toBe(denied);
  });

  it('pull fails when the registry stays unreachable', async () => {
    const unavailable = new RegistryUnavailableError('ghcr.io', 'kubernaut/kubernaut-datastorage', 'HTTP 502', 4);
    const probes = fakeProbes([], { [ref('kubernaut-datastorage')]: unavailable, [ref('kubernaut-aianalysis')]: { present: true } });
    await expect(decideSources({ mode: 'pull', registry: GHCR }, images, probes)).rejects.toBe(unavailable);
  });

  it('pull without a registry says which input to set', async () => {
    await expect(decideSources({ mode: 'pull', registry: '' }, images, fakeProbes([], {}))).rejects.toThrow(
      "image-source is 'pull' but no registry is configured: set the input 'registry'",
    );
  });
});
