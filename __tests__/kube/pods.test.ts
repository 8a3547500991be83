import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import { describePodProblem, podProblem, selectorString } from '../../src/kube/pods.js';

function pod(statuses: Partial<V1ContainerStatus>[], deleting = false): V1Pod {
  return {
    metadata: { name: 'ds-abc-x1', ...(deleting ? { deletionTimestamp: new Date() } : {}) },
    status: { containerStatuses: statuses.map((s) => ({ name: 'ds', image: 'i', imageID: '', ready: false, restartCount: 0, ...s })) },
  };
}

describe('podProblem', () => {
  test.each(['CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'ErrImageNeverPull', 'CreateContainerConfigError'])(
    'waiting reason %s is fatal', (reason) => {
      expect(podProblem(pod([{ state: { waiting: { reason, message: 'm' } } }]))).toMatchObject({ pod: 'ds-abc-x1', container: 'ds', reason });
    });

  test('ContainerCreating is not a problem, nor is a running container', () => {
    expect(podProblem(pod([{ state: { waiting: { reason: 'ContainerCreating' } } }]))).toBeUndefined();
    expect(podProblem(pod([{ state: { running: {} } }]))).toBeUndefined();
  });

  test('an OOM kill in the last state is reported with its exit code', () => {
    const p = podProblem(pod([{ restartCount: 1, state: { running: {} }, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } } }]));
    expect(p).toMatchObject({ reason: 'OOMKilled', exitCode: 137, restartCount: 1 });
    expect(describePodProblem(p!)).toBe('pod ds-abc-x1 container ds: OOMKilled (restarts 1, exit code 137)');
  });

  test('init containers count; terminating pods do not', () => {
    const init: V1Pod = { metadata: { name: 'p' }, status: { initContainerStatuses: [
      { name: 'migrate', image: 'i', imageID: '', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } }] } };
    expect(podProblem(init)).toMatchObject({ container: 'migrate', reason: 'CrashLoopBackOff' });
    expect(podProblem(pod([{ state: { waiting: { reason: 'CrashLoopBackOff' } } }], true))).toBeUndefined();
  });
});

test('selectorString renders matchLabels and matchExpressions', () => {
  expect(selectorString({ matchLabels: { app: 'ds', tier: 'db' } })).toBe('app=ds,tier=db');
  expect(selectorString({ matchExpressions: [
    { key: 'env', operator: 'In', values: ['a', 'b'] }, { key: 'x', operator: 'NotIn', values: ['c'] },
    { key: 'y', operator: 'Exists' }, { key: 'z', operator: 'DoesNotExist' }] })).toBe('env in (a,b),x notin (c),y,!z');
});
