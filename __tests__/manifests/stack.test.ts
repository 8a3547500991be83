import type {
  V1ClusterRole,
  V1ClusterRoleBinding,
  V1ConfigMap,
  V1Container,
  V1Deployment,
  V1Job,
  V1Probe,
  V1Service,
} from '@kubernetes/client-node';
import { parse } from 'yaml';
import { loadManifestSet, manifestFiles } from './manifest-set.js';
import {
  StackModel,
  containersOf,
  quantity,
  recordsIn,
  stringsIn,
  volumeSource,
  type Workload,
} from './stack-model.js';

const NAMESPACE = 'kubernaut-system';
const LOGICAL_IMAGES = ['postgresql', 'redis', 'datastorage', 'holmesgpt-api', 'aianalysis'];
const PLACEHOLDER = /^aianalysis-e2e\.local\/([a-z0-9-]+)$/;
const CLUSTER_SCOPED_KINDS = ['Namespace', 'ClusterRole', 'ClusterRoleBinding'];

/**
 * Node ports of the stack (KUBERNAUT.md): the kind config maps the first five to the host
 * (8091, 8088, 8084, 9184, 8184). Data Storage's metrics port is pinned too but not mapped.
 */
const NODE_PORTS = [
  '30081 -> datastorage:8080',
  '30088 -> holmesgpt-api:8080',
  '30084 -> aianalysis-controller:8080',
  '30184 -> aianalysis-controller:9090',
  '30284 -> aianalysis-controller:8081',
  '30181 -> datastorage:9181',
];

/** CPU the stack may request on a 2-core runner: kind's control plane requests most of the other core. */
const CPU_REQUEST_BUDGET_MILLICORES = 1000;

const stack = new StackModel(loadManifestSet().map(({ object }) => object));
const workloads = stack.workloads();
const deployments = workloads.filter((workload) => workload.kind === 'Deployment');
const everyContainer = workloads.flatMap((workload) =>
  containersOf(workload).map((container) => ({ workload, container, where: `${workload.name}/${container.name}` })),
);

function workload(name: string): Workload {
  const found = workloads.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no Deployment or Job ${name} in the manifests`);
  return found;
}

describe('the manifest set', () => {
  it('is one file per concern of the stack', () => {
    expect(manifestFiles()).toEqual([
      'aianalysis.yaml',
      'datastorage-migrations.yaml',
      'datastorage.yaml',
      'holmesgpt-api.yaml',
      'namespace.yaml',
      'postgresql.yaml',
      'redis.yaml',
    ]);
  });

  it('keeps every namespaced object in the stack namespace, which it creates', () => {
    expect(stack.find('Namespace', NAMESPACE)).toBeDefined();
    const misplaced = stack.objects
      .filter((object) =>
        CLUSTER_SCOPED_KINDS.includes(object.kind)
          ? object.metadata.namespace !== undefined
          : object.metadata.namespace !== NAMESPACE,
      )
      .map((object) => `${object.kind}/${object.metadata.name} in ${object.metadata.namespace ?? '(no namespace)'}`);
    expect(misplaced).toEqual([]);
  });

  it('names no object twice', () => {
    const identities = stack.objects.map(
      (object) => `${object.kind} ${object.metadata.namespace ?? ''}/${object.metadata.name}`,
    );
    expect(identities.filter((identity, index) => identities.indexOf(identity) !== index)).toEqual([]);
  });
});

describe('images', () => {
  it('are the placeholders of the logical images, pulled only when absent', () => {
    const wrong = everyContainer
      .filter(({ container }) => {
        const logical = PLACEHOLDER.exec(container.image ?? '')?.[1];
        return !logical || !LOGICAL_IMAGES.includes(logical) || container.imagePullPolicy !== 'IfNotPresent';
      })
      .map(({ where, container }) => `${where}: ${container.image} (${container.imagePullPolicy})`);
    expect(wrong).toEqual([]);
  });

  it('give every logical image a container to run in', () => {
    const used = new Set(everyContainer.map(({ container }) => PLACEHOLDER.exec(container.image ?? '')?.[1]));
    expect(LOGICAL_IMAGES.filter((logical) => !used.has(logical))).toEqual([]);
  });
});

describe('services', () => {
  it('expose exactly the pinned node ports', () => {
    const nodePorts = stack
      .ofKind<V1Service>('Service')
      .filter((service) => service.spec?.type === 'NodePort')
      .flatMap((service) =>
        service.spec!.ports!.map((port) => `${port.nodePort} -> ${service.metadata.name}:${port.port}`),
      );
    expect(nodePorts.sort()).toEqual([...NODE_PORTS].sort());
  });

  it('front Deployments whose selectors match their own pod templates', () => {
    const strays = stack
      .ofKind<V1Deployment>('Deployment')
      .filter((deployment) => {
        const selector = deployment.spec!.selector.matchLabels ?? {};
        return !selects(selector, deployment.spec!.template.metadata?.labels ?? {});
      })
      .map((deployment) => deployment.metadata.name);
    expect(strays).toEqual([]);
  });

  it('select the pods of a Deployment and target ports those pods declare', () => {
    const problems = stack.ofKind<V1Service>('Service').flatMap((service) => {
      const selector = service.spec?.selector ?? {};
      const target = deployments.find(
        (candidate) => candidate.namespace === service.metadata.namespace && selects(selector, candidate.podLabels),
      );
      if (!target) return [`Service ${service.metadata.name}: no Deployment pod matches ${JSON.stringify(selector)}`];
      return (service.spec?.ports ?? [])
        .map((port) => port.targetPort ?? port.port)
        .filter((port) => !declaresPort(target.pod.containers, port))
        .map((port) => `Service ${service.metadata.name}: ${target.name} declares no port ${port}`);
    });
    expect(problems).toEqual([]);
  });

  it('are what the stack addresses in its configuration', () => {
    const unresolved = inClusterAddresses()
      .filter(({ host, port }) => !serviceHasPort(host, port))
      .map(({ where, host, port }) => `${where}: ${host}:${port}`);
    expect(unresolved).toEqual([]);
  });
});

describe('containers', () => {
  it('request and limit CPU and memory, requests within limits', () => {
    const problems = everyContainer.flatMap(({ where, container }) =>
      (['cpu', 'memory'] as const).flatMap((resource) => {
        const request = container.resources?.requests?.[resource];
        const limit = container.resources?.limits?.[resource];
        if (request === undefined || limit === undefined) return [`${where}: ${resource} request and limit required`];
        const withinLimit = quantity(resource, request) <= quantity(resource, limit);
        return withinLimit ? [] : [`${where}: ${resource} request above limit`];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('fit the stack on a 2-core runner, with HolmesGPT-API the largest', () => {
    const cpuRequests = deployments
      .flatMap(({ pod }) => pod.containers)
      .reduce((total, container) => total + quantity('cpu', container.resources!.requests!.cpu!), 0);
    expect(cpuRequests).toBeLessThanOrEqual(CPU_REQUEST_BUDGET_MILLICORES);
    for (const resource of ['cpu', 'memory'] as const) {
      const [largest] = everyContainer
        .map(({ workload, container }) => ({
          name: workload.name,
          limit: quantity(resource, container.resources!.limits![resource]!),
        }))
        .sort((a, b) => b.limit - a.limit);
      expect({ resource, largest: largest?.name }).toEqual({ resource, largest: 'holmesgpt-api' });
    }
  });

  it('of long-running services have readiness and liveness probes on ports they declare', () => {
    const problems = deployments.flatMap(({ name, pod }) =>
      pod.containers.flatMap((container) => {
        const where = `${name}/${container.name}`;
        const probes: [string, V1Probe | undefined][] = [
          ['readinessProbe', container.readinessProbe],
          ['livenessProbe', container.livenessProbe],
          ['startupProbe', container.startupProbe],
        ];
        return probes.flatMap(([field, probe]) => {
          if (!probe) return field === 'startupProbe' ? [] : [`${where}: no ${field}`];
          const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
          return port !== undefined && !declaresPort([container], port)
            ? [`${where}: ${field} on undeclared port ${port}`]
            : [];
        });
      }),
    );
    expect(problems).toEqual([]);
  });

  it('of run-to-completion Jobs are bounded by retries and a deadline, not probes, and kept for inspection', () => {
    const jobs = stack.ofKind<V1Job>('Job');
    expect(jobs.map((job) => job.metadata.name)).toEqual(['datastorage-migrations']);
    for (const job of jobs) {
      expect({
        backoffLimit: job.spec?.backoffLimit,
        deadline: job.spec?.activeDeadlineSeconds,
        ttl: job.spec?.ttlSecondsAfterFinished,
        restartPolicy: job.spec?.template.spec?.restartPolicy,
      }).toEqual({
        backoffLimit: expect.any(Number),
        deadline: expect.any(Number),
        ttl: undefined,
        restartPolicy: 'Never',
      });
    }
  });
});

describe('configuration references', () => {
  it('name ConfigMaps, Secrets and keys that exist', () => {
    const problems = workloads.flatMap((owner) => [
      ...(owner.pod.volumes ?? []).flatMap((volume) => {
        const source = volumeSource(owner, volume.name);
        if (!source) return [];
        const keys = (source.items ?? []).map((item) => item.key);
        return missing(owner, `volume ${volume.name}`, source.kind, source.name, keys);
      }),
      ...containersOf(owner).flatMap((container) => [
        ...(container.env ?? []).flatMap(({ name, valueFrom }) => {
          const { configMapKeyRef: configMap, secretKeyRef: secret } = valueFrom ?? {};
          if (configMap) return missing(owner, `env ${name}`, 'ConfigMap', configMap.name!, [configMap.key]);
          if (secret) return missing(owner, `env ${name}`, 'Secret', secret.name!, [secret.key]);
          return [];
        }),
        ...(container.envFrom ?? []).flatMap(({ configMapRef, secretRef }) => [
          ...(configMapRef ? missing(owner, 'envFrom', 'ConfigMap', configMapRef.name!, []) : []),
          ...(secretRef ? missing(owner, 'envFrom', 'Secret', secretRef.name!, []) : []),
        ]),
      ]),
    ]);
    expect(problems).toEqual([]);
  });

  it('point every configured file path at a mounted key', () => {
    const problems = everyContainer.flatMap(({ workload: owner, container, where }) =>
      configuredPaths(owner, container)
        .filter(({ path }) => !stack.mountedSource(owner, container, path))
        .map(({ origin, path }) => `${where}: ${origin} ${path} is not provided by a mounted ConfigMap or Secret key`),
    );
    expect(problems).toEqual([]);
  });

  it.each([
    ['datastorage', '/etc/datastorage/config.yaml', 'datastorage-config', 'config.yaml'],
    ['aianalysis-controller', '/etc/aianalysis/config/config.yaml', 'aianalysis-config', 'config.yaml'],
    ['aianalysis-controller', '/etc/aianalysis/policies/approval.rego', 'aianalysis-policies', 'approval.rego'],
    ['holmesgpt-api', '/etc/holmesgpt/config.yaml', 'holmesgpt-api-config', 'config.yaml'],
  ])('give %s the file %s from ConfigMap %s', (name, path, configMap, key) => {
    const owner = workload(name);
    const source = stack.mountedSource(owner, owner.pod.containers[0]!, path);
    expect(source).toEqual({ kind: 'ConfigMap', name: configMap, key });
  });

  it('give the controller the Rego package and decisions it evaluates', () => {
    const policy = stack.textOf('ConfigMap', 'aianalysis-policies', NAMESPACE, 'approval.rego');
    expect(policy).toMatch(/^package aianalysis\.approval$/m);
    expect(policy).toMatch(/^default require_approval := false$/m);
    expect(policy).toMatch(/^default reason := /m);
  });

  it('run HolmesGPT-API on its mock LLM', () => {
    const config = stack.get<V1ConfigMap>('ConfigMap', 'holmesgpt-api-config', NAMESPACE);
    const mockMode = workload('holmesgpt-api').pod.containers[0]!.env?.find(({ name }) => name === 'MOCK_LLM_MODE');
    expect(mockMode?.valueFrom?.configMapKeyRef).toEqual({ name: 'holmesgpt-api-config', key: 'MOCK_LLM_MODE' });
    expect(config.data?.MOCK_LLM_MODE).toBe('true');
  });
});

describe('credentials', () => {
  const { stringData: postgres } = stack.get<{ stringData: Record<string, string> }>(
    'Secret',
    'postgresql-secret',
    NAMESPACE,
  );

  it('are the fixture credentials the suite expects', () => {
    expect({ user: postgres.POSTGRES_USER, database: postgres.POSTGRES_DB }).toEqual({
      user: 'slm_user',
      database: 'action_history',
    });
  });

  it('let Data Storage log in as the user the database was initialised with', () => {
    const secretFile = parse(stack.textOf('Secret', 'datastorage-secret', NAMESPACE, 'db-secrets.yaml')) as Record<
      string,
      unknown
    >;
    const { database } = parse(stack.textOf('ConfigMap', 'datastorage-config', NAMESPACE, 'config.yaml')) as {
      database: Record<string, unknown>;
    };
    // Compared as booleans so that a failure never prints a password.
    expect({
      username: secretFile.username === postgres.POSTGRES_USER,
      password: secretFile.password === postgres.POSTGRES_PASSWORD,
      configUser: database.user === postgres.POSTGRES_USER,
      configDatabase: database.name === postgres.POSTGRES_DB,
    }).toEqual({ username: true, password: true, configUser: true, configDatabase: true });
  });

  it('are what the PostgreSQL probes check', () => {
    const container = workload('postgresql').pod.containers[0]!;
    for (const probe of [container.readinessProbe, container.livenessProbe]) {
      expect(probe?.exec?.command?.slice(0, 3)).toEqual(['pg_isready', '-U', postgres.POSTGRES_USER]);
    }
  });
});

describe('controller RBAC', () => {
  const serviceAccount = workload('aianalysis-controller').pod.serviceAccountName;
  const binding = stack.get<V1ClusterRoleBinding>('ClusterRoleBinding', 'aianalysis-controller');
  const role = stack.get<V1ClusterRole>('ClusterRole', binding.roleRef.name);

  it('binds the ClusterRole to the ServiceAccount the controller runs as', () => {
    expect(stack.find('ServiceAccount', serviceAccount!, NAMESPACE)).toBeDefined();
    expect(binding.subjects).toContainEqual({ kind: 'ServiceAccount', name: serviceAccount, namespace: NAMESPACE });
  });

  it.each([
    ['kubernaut.ai', 'aianalyses', ['get', 'list', 'watch', 'update', 'patch']],
    ['kubernaut.ai', 'aianalyses/status', ['get', 'update', 'patch']],
    ['kubernaut.ai', 'aianalyses/finalizers', ['update']],
    ['', 'events', ['create', 'patch']],
    ['coordination.k8s.io', 'leases', ['get', 'create', 'update']],
  ])('allows %s %s: %j', (group, resource, verbs) => {
    const grants = (verb: string) =>
      (role.rules ?? []).some(
        (rule) => rule.apiGroups?.includes(group) && rule.resources?.includes(resource) && rule.verbs.includes(verb),
      );
    expect(verbs.filter((verb) => !grants(verb))).toEqual([]);
  });
});

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([label, value]) => labels[label] === value);
}

function declaresPort(containers: V1Container[], port: number | string): boolean {
  return containers.some((container) =>
    (container.ports ?? []).some((declared) => declared.containerPort === port || declared.name === port),
  );
}

function missing(
  owner: Workload,
  what: string,
  kind: 'ConfigMap' | 'Secret',
  name: string,
  keys: string[],
): string[] {
  const present = stack.keysOf(kind, name, owner.namespace);
  if (!present) return [`${owner.name}: ${what} refers to missing ${kind} ${name}`];
  return keys
    .filter((key) => !present.includes(key))
    .map((key) => `${owner.name}: ${what} refers to missing key ${kind} ${name}/${key}`);
}

/** Files a container is told to read: CONFIG_PATH, a -config argument, and paths inside its mounted YAML files. */
function configuredPaths(owner: Workload, container: V1Container): { origin: string; path: string }[] {
  const configPath = container.env?.find(({ name }) => name === 'CONFIG_PATH')?.value;
  const args = container.args ?? [];
  const configArgument = args[args.findIndex((arg) => arg === '-config' || arg === '--config') + 1];
  const configFlagGiven = args.includes('-config') || args.includes('--config');
  const mountDirectories = (container.volumeMounts ?? []).map(({ mountPath }) => `${mountPath.replace(/\/$/, '')}/`);
  return [
    ...(configPath ? [{ origin: 'CONFIG_PATH', path: configPath }] : []),
    ...(configFlagGiven ? [{ origin: 'argument -config', path: configArgument ?? '(missing)' }] : []),
    ...stack.mountedYamlFiles(owner, container).flatMap(({ file, content }) =>
      stringsIn(content)
        .filter((value) => mountDirectories.some((directory) => value.startsWith(directory)))
        .map((path) => ({ origin: file, path })),
    ),
  ];
}

/** host:port pairs the configuration points at: URLs, libpq DSNs, and host/port or addr settings. */
function inClusterAddresses(): { where: string; host: string; port: number }[] {
  const configTexts = stack.ofKind<V1ConfigMap>('ConfigMap').flatMap((configMap) =>
    Object.entries(configMap.data ?? {}).map(([key, text]) => ({
      where: `ConfigMap ${configMap.metadata.name}/${key}`,
      key,
      text,
    })),
  );
  const envTexts = everyContainer.flatMap(({ where, container }) =>
    (container.env ?? [])
      .filter(({ value }) => value !== undefined)
      .map(({ name, value }) => ({ where: `${where} env ${name}`, text: value! })),
  );
  const patterns = [/\bhttps?:\/\/([a-z0-9.-]+):(\d+)/g, /\bhost=([a-z0-9.-]+) port=(\d+)/g];
  const fromText = [...configTexts, ...envTexts].flatMap(({ where, text }) =>
    patterns.flatMap((pattern) =>
      [...text.matchAll(pattern)].map((match) => ({ where, host: match[1]!, port: Number(match[2]) })),
    ),
  );
  const fromSettings = configTexts
    .filter(({ key }) => /\.ya?ml$/.test(key))
    .flatMap(({ where, text }) =>
      recordsIn(parse(text)).flatMap((settings) => {
        const addr = typeof settings.addr === 'string' ? /^([a-z][a-z0-9.-]*):(\d+)$/.exec(settings.addr) : null;
        if (addr) return [{ where, host: addr[1]!, port: Number(addr[2]) }];
        // A host that starts with a digit is a listen address (0.0.0.0), not a destination.
        if (typeof settings.host === 'string' && /^[a-z]/.test(settings.host) && typeof settings.port === 'number') {
          return [{ where, host: settings.host, port: settings.port }];
        }
        return [];
      }),
    );
  return [...fromText, ...fromSettings];
}

/** Whether a Service of the stack answers at host:port, host being `name`, `name.namespace` or its svc forms. */
function serviceHasPort(host: string, port: number): boolean {
  const [name, namespace = NAMESPACE, ...rest] = host.split('.');
  if (namespace !== NAMESPACE || !['', 'svc', 'svc.cluster.local'].includes(rest.join('.'))) return false;
  const service = stack.find<V1Service>('Service', name!, NAMESPACE);
  return (service?.spec?.ports ?? []).some((declared) => declared.port === port);
}
