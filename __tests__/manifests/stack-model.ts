/** Typed views over the loaded manifest set, for the stack-level checks. */
import type { V1Container, V1Deployment, V1Job, V1KeyToPath, V1PodSpec } from '@kubernetes/client-node';
import { parse } from 'yaml';
import type { KubeObject } from './manifest-set.js';

export interface Workload {
  kind: 'Deployment' | 'Job';
  name: string;
  namespace: string | undefined;
  podLabels: Record<string, string>;
  pod: V1PodSpec;
}

export class StackModel {
  constructor(readonly objects: KubeObject[]) {}

  ofKind<T>(kind: string): (T & KubeObject)[] {
    return this.objects.filter((object) => object.kind === kind) as (T & KubeObject)[];
  }

  find<T>(kind: string, name: string, namespace?: string): (T & KubeObject) | undefined {
    return this.ofKind<T>(kind).find(
      (object) => object.metadata.name === name && object.metadata.namespace === namespace,
    );
  }

  get<T>(kind: string, name: string, namespace?: string): T & KubeObject {
    const found = this.find<T>(kind, name, namespace);
    if (!found) throw new Error(`no ${kind} ${namespace ? `${namespace}/` : ''}${name} in the manifests`);
    return found;
  }

  workloads(): Workload[] {
    const deployments = this.ofKind<V1Deployment>('Deployment').map((deployment) => ({
      kind: 'Deployment' as const,
      object: deployment,
      template: deployment.spec!.template,
    }));
    const jobs = this.ofKind<V1Job>('Job').map((job) => ({
      kind: 'Job' as const,
      object: job,
      template: job.spec!.template,
    }));
    return [...deployments, ...jobs].map(({ kind, object, template }) => ({
      kind,
      name: object.metadata.name,
      namespace: object.metadata.namespace,
      podLabels: template.metadata?.labels ?? {},
      pod: template.spec!,
    }));
  }

  /** Keys of a ConfigMap or Secret (data, binaryData and stringData alike); undefined when it does not exist. */
  keysOf(kind: 'ConfigMap' | 'Secret', name: string, namespace: string | undefined): string[] | undefined {
    const source = this.find<{ data?: object; binaryData?: object; stringData?: object }>(kind, name, namespace);
    if (!source) return undefined;
    return [source.data, source.binaryData, source.stringData].flatMap((entries) => Object.keys(entries ?? {}));
  }

  /** Text of a ConfigMap or Secret key (stringData or ConfigMap data). */
  textOf(kind: 'ConfigMap' | 'Secret', name: string, namespace: string | undefined, key: string): string {
    type TextSource = { data?: Record<string, string>; stringData?: Record<string, string> };
    const source = this.get<TextSource>(kind, name, namespace);
    const text = kind === 'Secret' ? source.stringData?.[key] : source.data?.[key];
    if (text === undefined) throw new Error(`${kind} ${name} has no text key ${key}`);
    return text;
  }

  /**
   * The ConfigMap or Secret key that a file path inside a container comes from, following
   * the container's mounts the way the kubelet lays them out; undefined when no mounted
   * key provides that file.
   */
  mountedSource(workload: Workload, container: V1Container, path: string): MountedFile | undefined {
    const mount = (container.volumeMounts ?? [])
      .filter((candidate) => path.startsWith(`${directory(candidate.mountPath)}/`))
      .sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
    const source = mount && volumeSource(workload, mount.name);
    if (!mount || !source) return undefined;
    const relative = path.slice(directory(mount.mountPath).length + 1);
    const key = source.items ? source.items.find((item) => item.path === relative)?.key : relative;
    const keys = this.keysOf(source.kind, source.name, workload.namespace) ?? [];
    return key !== undefined && keys.includes(key) ? { kind: source.kind, name: source.name, key } : undefined;
  }

  /** The parsed YAML of every ConfigMap and Secret key that a container has mounted. */
  mountedYamlFiles(workload: Workload, container: V1Container): { file: string; content: unknown }[] {
    return (container.volumeMounts ?? []).flatMap((mount) => {
      const source = volumeSource(workload, mount.name);
      if (!source) return [];
      const projected =
        source.items?.map((item) => item.key) ?? this.keysOf(source.kind, source.name, workload.namespace);
      return (projected ?? [])
        .filter((key) => /\.ya?ml$/.test(key))
        .map((key) => ({
          file: `${source.kind} ${source.name}/${key}`,
          content: parse(this.textOf(source.kind, source.name, workload.namespace, key)) as unknown,
        }));
    });
  }
}

export interface VolumeSource {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  items: V1KeyToPath[] | undefined;
}

/** The ConfigMap or Secret behind a pod volume; undefined for other volume types. */
export function volumeSource(workload: Workload, volumeName: string): VolumeSource | undefined {
  const volume = (workload.pod.volumes ?? []).find((candidate) => candidate.name === volumeName);
  if (volume?.configMap) return { kind: 'ConfigMap', name: volume.configMap.name!, items: volume.configMap.items };
  if (volume?.secret) return { kind: 'Secret', name: volume.secret.secretName!, items: volume.secret.items };
  return undefined;
}

function directory(mountPath: string): string {
  return mountPath.replace(/\/$/, '');
}

export interface MountedFile {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  key: string;
}

export function containersOf(workload: Workload): V1Container[] {
  return [...(workload.pod.initContainers ?? []), ...workload.pod.containers];
}

/** Every string found anywhere inside a parsed YAML value. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Every object found anywhere inside a parsed YAML value, the value itself included. */
export function recordsIn(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(recordsIn);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  return [record, ...Object.values(record).flatMap(recordsIn)];
}

/** CPU in millicores; memory in bytes. Only the suffixes the manifests use are accepted. */
export function quantity(resource: 'cpu' | 'memory', value: string | number): number {
  const text = String(value);
  const cpu = /^(\d+(?:\.\d+)?)(m?)$/.exec(text);
  if (resource === 'cpu' && cpu) return Number(cpu[1]) * (cpu[2] === 'm' ? 1 : 1000);
  const memory = /^(\d+)(Ki|Mi|Gi)?$/.exec(text);
  if (resource === 'memory' && memory) {
    return Number(memory[1]) * 1024 ** ['', 'Ki', 'Mi', 'Gi'].indexOf(memory[2] ?? '');
  }
  throw new Error(`unsupported ${resource} quantity "${text}": use cores or 500m for cpu, Ki/Mi/Gi for memory`);
}
