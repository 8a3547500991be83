import type { V1Deployment, V1Job, V1StatefulSet } from '@kubernetes/client-node';
import {
  crdReadiness, daemonSetReadiness, deploymentReadiness, jobReadiness, readiness, statefulSetReadiness,
} from '../../src/kube/readiness.js';

function dep(generation: number, spec: Partial<V1Deployment['spec']>, status: V1Deployment['status']): V1Deployment {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'ds', generation },
    spec: { selector: {}, template: {}, ...spec }, status };
}

describe('deployment readiness (kubectl rollout status rules)', () => {
  test('waits until the spec update is observed', () => {
    expect(deploymentReadiness(dep(2, { replicas: 1 }, { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1 })))
      .toEqual({ state: 'waiting', reason: expect.stringContaining('spec update') });
  });

  test('waits for new replicas to be updated, old ones to go, updated ones to be available', () => {
    expect(deploymentReadiness(dep(1, { replicas: 2 }, { observedGeneration: 1, updatedReplicas: 1, replicas: 1 })).state).toBe('waiting');
    expect(deploymentReadiness(dep(1, { replicas: 1 }, { observedGeneration: 1, updatedReplicas: 1, replicas: 2, availableReplicas: 1 })))
      .toEqual({ state: 'waiting', reason: '1 old replicas are pending termination' });
    expect(deploymentReadiness(dep(1, { replicas: 1 }, { observedGeneration: 1, updatedReplicas: 1, replicas: 1 })))
      .toEqual({ state: 'waiting', reason: '0 of 1 updated replicas are available' });
  });

  test('is ready when updated == replicas == available; zero counters may be omitted', () => {
    expect(deploymentReadiness(dep(3, { replicas: 1 }, { observedGeneration: 3, updatedReplicas: 1, replicas: 1, availableReplicas: 1 })).state)
      .toBe('ready');
    expect(deploymentReadiness(dep(2, { replicas: 0 }, { observedGeneration: 2 })).state).toBe('ready');
  });

  test('fails when the progress deadline is exceeded', () => {
    const d = dep(1, { replicas: 1 }, { observedGeneration: 1, conditions: [
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "ds-1" has timed out progressing.' }] });
    expect(deploymentReadiness(d)).toEqual({ state: 'failed', reason: expect.stringContaining('has timed out progressing') });
  });
});

describe('statefulset readiness', () => {
  const sts = (status: Partial<NonNullable<V1StatefulSet['status']>>, strategy?: NonNullable<V1StatefulSet['spec']>['updateStrategy']): V1StatefulSet => ({
    apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'pg', generation: 1 },
    spec: { replicas: 2, selector: {}, serviceName: 'pg', template: {}, updateStrategy: strategy },
    status: { replicas: 2, ...status },
  });

  test('needs the generation observed, the pods ready and the revisions converged', () => {
    expect(statefulSetReadiness(sts({})).state).toBe('waiting');
    expect(statefulSetReadiness(sts({ observedGeneration: 1, readyReplicas: 1 })))
      .toEqual({ state: 'waiting', reason: '1 of 2 pods are ready' });
    expect(statefulSetReadiness(sts({ observedGeneration: 1, readyReplicas: 2, currentRevision: 'a', updateRevision: 'b', updatedReplicas: 1 })).state)
      .toBe('waiting');
    expect(statefulSetReadiness(sts({ observedGeneration: 1, readyReplicas: 2, currentRevision: 'b', updateRevision: 'b' })).state).toBe('ready');
  });

  test('a partitioned rolling update is done when the pods above the partition are updated', () => {
    const strategy = { type: 'RollingUpdate', rollingUpdate: { partition: 1 } };
    expect(statefulSetReadiness(sts({ observedGeneration: 1, readyReplicas: 2, updatedReplicas: 0, currentRevision: 'a', updateRevision: 'b' }, strategy)).state)
      .toBe('waiting');
    expect(statefulSetReadiness(sts({ observedGeneration: 1, readyReplicas: 2, updatedReplicas: 1, currentRevision: 'a', updateRevision: 'b' }, strategy)).state)
      .toBe('ready');
  });

  test('OnDelete only needs ready pods', () => {
    expect(statefulSetReadiness(sts({ observedGeneration: 1, readyReplicas: 2, currentRevision: 'a', updateRevision: 'b' }, { type: 'OnDelete' })).state)
      .toBe('ready');
  });
});

test('daemonset readiness counts updated and available pods', () => {
  const ds = (status: object) => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'x', generation: 1 },
    status: { currentNumberScheduled: 1, numberMisscheduled: 0, numberReady: 0, desiredNumberScheduled: 1, observedGeneration: 1, ...status } });
  expect(daemonSetReadiness(ds({ updatedNumberScheduled: 0 })).state).toBe('waiting');
  expect(daemonSetReadiness(ds({ updatedNumberScheduled: 1, numberAvailable: 0 })).state).toBe('waiting');
  expect(daemonSetReadiness(ds({ updatedNumberScheduled: 1, numberAvailable: 1 })).state).toBe('ready');
});

test('a Job is ready when Complete and failed when Failed', () => {
  const job = (conditions: NonNullable<V1Job['status']>['conditions']): V1Job =>
    ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate' }, spec: { template: {}, completions: 1 }, status: { conditions } });
  expect(jobReadiness(job([])).state).toBe('waiting');
  expect(jobReadiness(job([{ type: 'Complete', status: 'True' }])).state).toBe('ready');
  expect(jobReadiness(job([{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }])))
    .toEqual({ state: 'failed', reason: 'failed: BackoffLimitExceeded (Job has reached the specified backoff limit)' });
});

test('a CRD is ready when Established and failed when its names are refused', () => {
  const crd = (conditions: { type: string; status: string; message?: string }[]) =>
    ({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'a.b' },
      spec: { group: 'b', names: { kind: 'A', plural: 'a' }, scope: 'Namespaced', versions: [] }, status: { conditions } });
  expect(crdReadiness(crd([])).state).toBe('waiting');
  expect(crdReadiness(crd([{ type: 'Established', status: 'True' }])).state).toBe('ready');
  expect(crdReadiness(crd([{ type: 'NamesAccepted', status: 'False', message: '"a" is already in use' }])).state).toBe('failed');
});

test('readiness dispatches on group and kind; other objects are ready once they exist', () => {
  expect(readiness({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }).state).toBe('ready');
  // Same kind name in another group is not a workload.
  expect(readiness({ apiVersion: 'example.com/v1', kind: 'Deployment', metadata: { name: 'x', generation: 5 } } as never).state).toBe('ready');
  expect(readiness({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x', generation: 5 } } as never).state).toBe('waiting');
});
