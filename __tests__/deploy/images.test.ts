import { imageTagProblem, substituteImages } from '../../src/deploy/images.js';
import type { KubeObject } from '../../src/kube/types.js';
import { IMAGES, deployment } from './fixtures.js';

test('placeholders become the resolved reference and pull policy, in init and app containers', () => {
  const d = deployment('datastorage');
  const spec = (d.spec as { template: { spec: Record<string, unknown> } }).template.spec;
  spec.initContainers = [{ name: 'wait-db', image: 'aianalysis-e2e.local/postgresql', imagePullPolicy: 'Always' }];
  expect(substituteImages(d, IMAGES, 'f.yaml: document 1')).toEqual([]);
  expect(spec.initContainers).toEqual([{ name: 'wait-db', image: 'postgres:16-alpine', imagePullPolicy: 'IfNotPresent' }]);
  expect(spec.containers).toEqual([{ name: 'datastorage', image: 'localhost/kubernaut/datastorage:abc123', imagePullPolicy: 'Never' }]);
});

test('a CronJob and a bare Pod are substituted too', () => {
  const cron: KubeObject = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' },
    spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'aianalysis-e2e.local/redis' }] } } } } } };
  const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'p', image: 'aianalysis-e2e.local/redis' }] } };
  expect([...substituteImages(cron, IMAGES, 'x'), ...substituteImages(pod, IMAGES, 'x')]).toEqual([]);
  expect(JSON.stringify(cron)).toContain('"image":"redis:7-alpine"');
  expect(JSON.stringify(pod)).toContain('"image":"redis:7-alpine"');
});

test('an unresolved placeholder names the file, object and container, and the known names', () => {
  const problems = substituteImages(deployment('mock-llm'), { redis: IMAGES.redis }, 'stack.yaml: document 4');
  expect(problems).toEqual(['stack.yaml: document 4: Deployment mock-llm, container mock-llm: image placeholder '
    + '"aianalysis-e2e.local/mock-llm" names no known image; known logical names: redis']);
});

test('a placeholder with a tag is malformed', () => {
  expect(substituteImages(deployment('x', 'aianalysis-e2e.local/redis:7'), IMAGES, 'f'))
    .toEqual([expect.stringContaining('image placeholder "aianalysis-e2e.local/redis:7" is malformed')]);
});

test('images without a tag or with :latest are refused, after substitution too', () => {
  const latest = { redis: { reference: 'redis:latest', pullPolicy: 'IfNotPresent' as const } };
  expect(substituteImages(deployment('redis'), latest, 'f')).toEqual(
    ['f: Deployment redis, container redis: image "redis:latest" uses the tag :latest; pin a tag or a digest']);
  expect(substituteImages(deployment('pg', 'docker.io/library/postgres'), IMAGES, 'f')).toEqual(
    ['f: Deployment pg, container pg: image "docker.io/library/postgres" has no tag (it would mean :latest); pin a tag or a digest']);
  expect(substituteImages(deployment('pg', 'postgres:16-alpine'), IMAGES, 'f')).toEqual([]);
});

test('tags and digests', () => {
  expect(imageTagProblem('registry:5000/team/app')).toContain('has no tag');
  expect(imageTagProblem('registry:5000/team/app:1.2')).toBeUndefined();
  expect(imageTagProblem('app@sha256:0123')).toBeUndefined();
  expect(imageTagProblem('app:latest')).toContain(':latest');
});

test('objects without pods are left alone', () => {
  const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { image: 'aianalysis-e2e.local/nothing' } };
  expect(substituteImages(cm, IMAGES, 'f')).toEqual([]);
  expect(cm.data).toEqual({ image: 'aianalysis-e2e.local/nothing' });
});
