/** What the API server does to an object before storing it: defaulting, then validation. */
import { invalidNameMessage, randomSuffix } from './names.js';
import type { ResourceType } from './resources.js';
import type { KObject } from './store.js';
import type { StatusCause } from './status.js';

type Spec = Record<string, any>;

function hasUsableTag(image: string): boolean {
  if (image.includes('@')) return true;
  const lastSlash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > lastSlash && image.slice(colon + 1) !== 'latest';
}

function defaultPodSpec(spec: Spec | undefined, restartPolicy = 'Always'): void {
  if (!spec) return;
  spec.restartPolicy ??= restartPolicy;
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.serviceAccountName ??= spec.serviceAccount ?? 'default';
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    if (typeof c.image === 'string') c.imagePullPolicy ??= hasUsableTag(c.image) ? 'IfNotPresent' : 'Always';
    c.terminationMessagePath ??= '/dev/termination-log';
    c.terminationMessagePolicy ??= 'File';
    for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  }
}

let nextClusterIp = 10;
let nextNodePort = 30000;

function defaultService(obj: KObject, existing: KObject | undefined): void {
  const spec = (obj.spec ??= {});
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  spec.clusterIP ??= existing?.spec?.clusterIP ?? `10.96.${Math.floor(nextClusterIp / 250)}.${(nextClusterIp++ % 250) + 1}`;
  spec.clusterIPs ??= [spec.clusterIP];
  spec.ipFamilies ??= ['IPv4'];
  spec.ipFamilyPolicy ??= 'SingleStack';
  const previousPorts: Spec[] = existing?.spec?.ports ?? [];
  for (const port of spec.ports ?? []) {
    port.protocol ??= 'TCP';
    port.targetPort ??= port.port;
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
      port.nodePort ??= previousPorts.find((p) => p.port === port.port)?.nodePort ?? nextNodePort++;
    }
  }
  obj.status ??= { loadBalancer: {} };
}

const DEFAULTERS: Record<string, (obj: KObject, existing: KObject | undefined) => void> = {
  Namespace(obj) {
    obj.metadata.labels = { ...obj.metadata.labels, 'kubernetes.io/metadata.name': obj.metadata.name };
    obj.spec ??= { finalizers: ['kubernetes'] };
    obj.status ??= { phase: 'Active' };
  },
  Secret(obj) {
    obj.type ??= 'Opaque';
    if (obj.stringData) {
      const encoded = Object.fromEntries(Object.entries(obj.stringData as Record<string, string>)
        .map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
      obj.data = { ...obj.data, ...encoded };
      delete obj.stringData;
    }
  },
  Service: defaultService,
  Pod(obj) {
    defaultPodSpec(obj.spec);
  },
  Deployment(obj) {
    const spec = (obj.spec ??= {});
    spec.replicas ??= 1;
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    spec.strategy ??= { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
    defaultPodSpec(spec.template?.spec);
  },
  StatefulSet(obj) {
    const spec = (obj.spec ??= {});
    spec.replicas ??= 1;
    spec.podManagementPolicy ??= 'OrderedReady';
    spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { partition: 0 } };
    spec.revisionHistoryLimit ??= 10;
    defaultPodSpec(spec.template?.spec);
  },
  DaemonSet(obj) {
    const spec = (obj.spec ??= {});
    spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } };
    defaultPodSpec(spec.template?.spec);
  },
  ReplicaSet(obj) {
    defaultPodSpec(obj.spec?.template?.spec);
  },
  Job(obj, existing) {
    const spec = (obj.spec ??= {});
    spec.backoffLimit ??= 6;
    spec.completions ??= 1;
    spec.parallelism ??= 1;
    spec.completionMode ??= 'NonIndexed';
    // The Job controller owns the selector: it keys on the Job's uid, fixed at creation.
    const uid = existing?.metadata.uid ?? obj.metadata.uid;
    if (uid && !spec.selector) {
      spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
      const template = (spec.template ??= {});
      template.metadata = { ...template.metadata };
      template.metadata.labels = {
        ...template.metadata.labels,
        'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': obj.metadata.name,
        'controller-uid': uid, 'job-name': obj.metadata.name,
      };
    }
    defaultPodSpec(spec.template?.spec, 'Never');
  },
};

export function applyDefaults(obj: KObject, existing: KObject | undefined): void {
  if (obj.metadata.generateName && !obj.metadata.name) obj.metadata.name = obj.metadata.generateName + randomSuffix();
  DEFAULTERS[obj.kind]?.(obj, existing);
}

function required(field: string): StatusCause {
  return { reason: 'FieldValueRequired', message: 'Required value', field };
}

function invalidValue(field: string, message: string): StatusCause {
  return { reason: 'FieldValueInvalid', message, field };
}

function podSpecCauses(spec: Spec | undefined, at: string): StatusCause[] {
  if (!spec) return [required(at)];
  const containers: Spec[] = spec.containers ?? [];
  if (containers.length === 0) return [required(`${at}.containers`)];
  const causes: StatusCause[] = [];
  containers.forEach((c, i) => {
    if (!c.name) causes.push(required(`${at}.containers[${i}].name`));
    if (!c.image) causes.push(required(`${at}.containers[${i}].image`));
  });
  return causes;
}

function workloadCauses(obj: KObject): StatusCause[] {
  const spec = obj.spec ?? {};
  const causes = podSpecCauses(spec.template?.spec, 'spec.template.spec');
  const matchLabels: Record<string, string> | undefined = spec.selector?.matchLabels;
  if (!spec.selector) return [required('spec.selector'), ...causes];
  const labels: Record<string, string> = spec.template?.metadata?.labels ?? {};
  const mismatch = Object.entries(matchLabels ?? {}).some(([k, v]) => labels[k] !== v);
  if (mismatch) {
    causes.push(invalidValue('spec.template.metadata.labels',
      `Invalid value: ${JSON.stringify(labels)}: \`selector\` does not match template \`labels\``));
  }
  return causes;
}

const VALIDATORS: Record<string, (obj: KObject) => StatusCause[]> = {
  Pod: (obj) => podSpecCauses(obj.spec, 'spec'),
  Deployment: workloadCauses,
  StatefulSet: workloadCauses,
  DaemonSet: workloadCauses,
  ReplicaSet: workloadCauses,
  Job(obj) {
    const causes = podSpecCauses(obj.spec?.template?.spec, 'spec.template.spec');
    const policy = obj.spec?.template?.spec?.restartPolicy;
    if (policy !== 'Never' && policy !== 'OnFailure') {
      causes.push({ reason: 'FieldValueNotSupported', field: 'spec.template.spec.restartPolicy',
        message: `Unsupported value: "${policy}": supported values: "OnFailure", "Never"` });
    }
    return causes;
  },
  CustomResourceDefinition(obj) {
    const spec = obj.spec ?? {};
    const causes: StatusCause[] = [];
    if (!spec.group) causes.push(required('spec.group'));
    if (!spec.names?.plural) causes.push(required('spec.names.plural'));
    if (!spec.names?.kind) causes.push(required('spec.names.kind'));
    if (!Array.isArray(spec.versions) || spec.versions.length === 0) causes.push(required('spec.versions'));
    if (spec.group && spec.names?.plural && obj.metadata.name !== `${spec.names.plural}.${spec.group}`) {
      causes.push(invalidValue('metadata.name',
        `Invalid value: "${obj.metadata.name}": must be spec.names.plural+"."+spec.group`));
    }
    return causes;
  },
};

/** Fields an update may not change, as the API server enforces them (a Job's pod template, for one). */
const selector = (obj: KObject) => ({ 'spec.selector': obj.spec?.selector });
const IMMUTABLE: Record<string, (obj: KObject) => Record<string, unknown>> = {
  Job: (obj) => ({ 'spec.template': obj.spec?.template }),
  Deployment: selector,
  StatefulSet: selector,
  DaemonSet: selector,
  ReplicaSet: selector,
};

/** The causes of refusing `next` over `existing` for changing an immutable field; `same` compares two values. */
export function immutableCauses(r: ResourceType, next: KObject, existing: KObject, same: (a: unknown, b: unknown) => boolean): StatusCause[] {
  const fields = IMMUTABLE[r.kind];
  if (!fields) return [];
  const before = fields(existing);
  return Object.entries(fields(next))
    .filter(([field, value]) => !same(value, before[field]))
    .map(([field, value]) => invalidValue(field, `Invalid value: ${JSON.stringify(value)}: field is immutable`));
}

export function validate(r: ResourceType, obj: KObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const nameProblem = invalidNameMessage(obj.metadata.name ?? '');
  if (!obj.metadata.name) causes.push(required('metadata.name'));
  else if (nameProblem) causes.push(invalidValue('metadata.name', nameProblem));
  return [...causes, ...(VALIDATORS[r.kind]?.(obj) ?? [])];
}
