/** Server-side apply of one object, under the one field manager the action uses. */
import type { KubernetesObject } from '@kubernetes/client-node';
import type { KubeClients } from './client.js';
import { describeKubeError } from './errors.js';
import { type KubeObject, type ObjectRef, describeRef, refOf } from './types.js';

export const FIELD_MANAGER = 'aianalysis-e2e';

export class ApplyError extends Error {
  constructor(readonly ref: ObjectRef, reason: string) {
    super(`cannot apply ${describeRef(ref)}: ${reason}`);
    this.name = 'ApplyError';
  }
}

/** Creates or updates the object; forces ownership, since this action is the only writer of its manifests. */
export async function applyObject(kube: KubeClients, obj: KubeObject): Promise<KubernetesObject> {
  try {
    return await kube.objects.serverSideApply(obj, FIELD_MANAGER);
  } catch (error) {
    kube.signal?.throwIfAborted();
    throw new ApplyError(refOf(obj), describeKubeError(error, kube.callTimeoutMs));
  }
}
