import { ManifestError } from '../../src/deploy/manifests.js';
import { type PlanOptions, planDeploy } from '../../src/deploy/plan.js';
import { IMAGES, configMap, crd, deployment, job, manifestSet, namespace } from './fixtures.js';

function problemsOf(options: PlanOptions): readonly string[] {
  try {
    planDeploy(options);
  } catch (error) {
    if (error instanceof ManifestError) return error.problems;
    throw error;
  }
  return [];
}

const manifests = manifestSet({
  'ns.yaml': [namespace()],
  'db.yaml': [deployment('postgresql'), configMap('init-sql')],
  'services.yaml': [deployment('datastorage'), deployment('aianalysis')],
}, [crd()]);

const stages = [
  { name: 'namespace', files: ['ns.yaml'], timeoutSeconds: 30 },
  { name: 'databases', files: ['db.yaml'], timeoutSeconds: 120 },
  { name: 'services', files: ['services.yaml'], timeoutSeconds: 300 },
];

test('plans the CRDs and the stages in order, with images substituted, without touching the manifest set', () => {
  const plan = planDeploy({ manifests, stages, images: IMAGES });
  expect(plan.crds.map((p) => p.object.metadata.name)).toEqual(['aianalyses.kubernaut.ai']);
  expect(plan.stages.map((s) => [s.name, s.timeoutSeconds, s.objects.map((o) => o.object.metadata.name)])).toEqual([
    ['namespace', 30, ['kubernaut-system']],
    ['databases', 120, ['postgresql', 'init-sql']],
    ['services', 300, ['datastorage', 'aianalysis']],
  ]);
  expect(plan.stages[1].objects[1].source).toBe('/manifests/db.yaml: document 2');
  expect(JSON.stringify(plan.stages[2].objects[0].object)).toContain('"image":"localhost/kubernaut/datastorage:abc123"');
  expect(JSON.stringify(manifests.files.get('services.yaml')!.documents[0])).toContain('aianalysis-e2e.local/datastorage');
});

test('coverage off leaves the Deployments exactly as written (images aside)', () => {
  const plan = planDeploy({ manifests, stages, images: IMAGES });
  const expected = deployment('datastorage', IMAGES.datastorage.reference, { imagePullPolicy: 'Never' });
  expect(plan.stages[2].objects[0].object).toEqual(expected);
});

test('coverage on instruments only the named Deployments', () => {
  const plan = planDeploy({ manifests, stages, images: IMAGES, coverage: { deployments: ['datastorage'], podDir: '/coverdata' } });
  const [ds, ai] = plan.stages[2].objects.map((o) => JSON.stringify(o.object));
  expect(ds).toContain('"GOCOVERDIR"');
  expect(ds).toContain('"hostPath":{"path":"/coverdata","type":"DirectoryOrCreate"}');
  expect(ai).not.toContain('GOCOVERDIR');
});

test('stage, coverage and image problems are all reported before anything runs', () => {
  const problems = problemsOf({
    manifests: manifestSet({ 'a.yaml': [deployment('datastorage'), deployment('mock-llm')], 'b.yaml': [configMap('c')],
      'c.yaml': [configMap('c')], 'orphan.yaml': [configMap('o')] }, [crd()]),
    stages: [
      { name: 'one', files: ['a.yaml', 'b.yaml'], timeoutSeconds: 0 },
      { name: 'one', files: ['b.yaml', 'c.yaml', 'nope.yaml'], timeoutSeconds: 10 },
      { name: 'crds', files: [], timeoutSeconds: 10 },
    ],
    images: IMAGES,
    coverage: { deployments: ['holmesgpt-api'], podDir: 'coverdata' },
  });
  expect(problems).toEqual([
    'stages[0] ("one"): timeoutSeconds must be a positive number, got 0',
    'stages[1] ("one"): the name "one" is used twice',
    'stages[1] ("one"): "b.yaml" is already deployed by stage "one"',
    'stages[1] ("one"): "nope.yaml" is not in the manifest set; it holds: a.yaml, b.yaml, c.yaml, orphan.yaml',
    'stages[2] ("crds"): files is empty',
    'manifest "orphan.yaml" is in no stage, so it would never be applied',
    'stages: the name "crds" is reserved for the CRD step',
    expect.stringContaining('Deployment mock-llm, container mock-llm: image placeholder "aianalysis-e2e.local/mock-llm" names no known image'),
    '/manifests/c.yaml: document 1: ConfigMap c is also defined at /manifests/b.yaml: document 1',
    'coverage podDir "coverdata" must be an absolute path',
    'coverage: no Deployment named "holmesgpt-api"; the Deployments are: datastorage, mock-llm',
  ]);
});

test('no stages at all is a problem', () => {
  expect(problemsOf({ manifests: manifestSet({}), stages: [], images: IMAGES })).toEqual(['stages: at least one stage is needed']);
});

test('a Job and a custom resource plan like anything else', () => {
  const plan = planDeploy({ manifests: manifestSet({ 'j.yaml': [job('migrate')] }), stages: [{ name: 'j', files: ['j.yaml'], timeoutSeconds: 5 }],
    images: IMAGES });
  expect(JSON.stringify(plan.stages[0].objects[0].object)).toContain('localhost/kubernaut/migrate:abc123');
});
