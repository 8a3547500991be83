/** The resource types the double serves, and the discovery documents built from them. */

export interface ResourceType {
  group: string; // '' for the core group
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  subresources?: ('status' | 'scale' | 'log')[];
  /** Stored under another resource and converted on the way out (events.k8s.io Events). */
  storedAs?: { group: string; plural: string };
}

const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function core(plural: string, kind: string, namespaced: boolean, extra: Partial<ResourceType> = {}): ResourceType {
  return { group: '', version: 'v1', plural, singular: kind.toLowerCase(), kind, namespaced, ...extra };
}

function grouped(group: string, version: string, plural: string, kind: string, namespaced: boolean,
  extra: Partial<ResourceType> = {}): ResourceType {
  return { group, version, plural, singular: kind.toLowerCase(), kind, namespaced, ...extra };
}

export const BUILTIN_RESOURCES: readonly ResourceType[] = [
  core('namespaces', 'Namespace', false, { shortNames: ['ns'], subresources: ['status'] }),
  core('pods', 'Pod', true, { shortNames: ['po'], subresources: ['status', 'log'] }),
  core('services', 'Service', true, { shortNames: ['svc'], subresources: ['status'] }),
  core('configmaps', 'ConfigMap', true, { shortNames: ['cm'] }),
  core('secrets', 'Secret', true),
  core('serviceaccounts', 'ServiceAccount', true, { shortNames: ['sa'] }),
  core('persistentvolumeclaims', 'PersistentVolumeClaim', true, { shortNames: ['pvc'], subresources: ['status'] }),
  core('events', 'Event', true, { shortNames: ['ev'] }),
  core('nodes', 'Node', false, { shortNames: ['no'], subresources: ['status'] }),
  grouped('apps', 'v1', 'deployments', 'Deployment', true, { shortNames: ['deploy'], subresources: ['status', 'scale'] }),
  grouped('apps', 'v1', 'statefulsets', 'StatefulSet', true, { shortNames: ['sts'], subresources: ['status', 'scale'] }),
  grouped('apps', 'v1', 'replicasets', 'ReplicaSet', true, { shortNames: ['rs'], subresources: ['status', 'scale'] }),
  grouped('apps', 'v1', 'daemonsets', 'DaemonSet', true, { shortNames: ['ds'], subresources: ['status'] }),
  grouped('batch', 'v1', 'jobs', 'Job', true, { subresources: ['status'] }),
  grouped('batch', 'v1', 'cronjobs', 'CronJob', true, { shortNames: ['cj'], subresources: ['status'] }),
  grouped('rbac.authorization.k8s.io', 'v1', 'roles', 'Role', true),
  grouped('rbac.authorization.k8s.io', 'v1', 'rolebindings', 'RoleBinding', true),
  grouped('rbac.authorization.k8s.io', 'v1', 'clusterroles', 'ClusterRole', false),
  grouped('rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', 'ClusterRoleBinding', false),
  grouped('apiextensions.k8s.io', 'v1', 'customresourcedefinitions', 'CustomResourceDefinition', false,
    { shortNames: ['crd', 'crds'], subresources: ['status'] }),
  grouped('events.k8s.io', 'v1', 'events', 'Event', true, { shortNames: ['ev'], storedAs: { group: '', plural: 'events' } }),
];

export function apiVersionOf(r: { group: string; version: string }): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** `deployments.apps`, or `pods` for the core group: how the API server names a resource in messages. */
export function qualifiedName(r: ResourceType): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/** `Deployment.apps`, or `Pod`: the qualified kind used in Invalid messages. */
export function qualifiedKind(r: ResourceType): string {
  return r.group ? `${r.kind}.${r.group}` : r.kind;
}

/** The storage identity of a resource: events.k8s.io Events share the core Events. */
export function storageKey(r: ResourceType): string {
  const target = r.storedAs ?? r;
  return `${target.group}/${target.plural}`;
}

export function apiResourceList(group: string, version: string, resources: ResourceType[]): object {
  const entries: object[] = [];
  for (const r of resources) {
    entries.push({
      name: r.plural, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: RW,
      ...(r.shortNames ? { shortNames: r.shortNames } : {}),
      storageVersionHash: Buffer.from(`${r.group}/${r.plural}`).toString('base64').slice(0, 11),
    });
    for (const sub of r.subresources ?? []) {
      const kind = sub === 'scale' ? 'Scale' : r.kind;
      const verbs = sub === 'log' ? ['get'] : ['get', 'patch', 'update'];
      entries.push({
        name: `${r.plural}/${sub}`, singularName: '', namespaced: r.namespaced, kind, verbs,
        ...(sub === 'scale' ? { group: 'autoscaling', version: 'v1' } : {}),
      });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf({ group, version }), resources: entries };
}

export function apiGroupList(resources: ResourceType[]): object {
  const versions = new Map<string, Set<string>>();
  for (const r of resources) {
    if (!r.group) continue;
    const set = versions.get(r.group) ?? new Set<string>();
    set.add(r.version);
    versions.set(r.group, set);
  }
  const groups = [...versions].map(([name, vs]) => {
    const list = [...vs].map((version) => ({ groupVersion: `${name}/${version}`, version }));
    return { name, versions: list, preferredVersion: list[0] };
  });
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}
