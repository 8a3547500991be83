/**
 * The kind cluster config (kind.x-k8s.io/v1alpha4 Cluster) of an E2E run: a control-plane node
 * on the pinned node image, the NodePorts the suite talks to mapped to localhost, the coverage
 * folder mounted on every node, control-plane timings that suit a short-lived test cluster, and
 * whatever the calling repository's own kind config adds.
 */
import path from 'node:path';
import { parse, stringify } from 'yaml';

export const KIND_API_VERSION = 'kind.x-k8s.io/v1alpha4';
/** Where the nodes see the coverage folder; pods mount it from the node with a hostPath. */
export const COVERAGE_CONTAINER_PATH = '/coverdata';

export type PortProtocol = 'TCP' | 'UDP' | 'SCTP';

export interface PortMapping {
  containerPort: number;
  hostPort: number;
  /** Default 127.0.0.1: the suite runs on the same machine, nothing else needs the ports. */
  listenAddress?: string;
  protocol?: PortProtocol;
}

export interface UserKindConfig {
  /** The YAML text of a kind Cluster config. */
  text: string;
  /** Where it came from (a file name), for error messages. */
  source: string;
}

export interface KindConfigOptions {
  nodeImage: string;
  /** Mapped on the control-plane node. */
  portMappings?: PortMapping[];
  /** Host folder mounted at /coverdata on every node; leave out when coverage is off. */
  coverageDir?: string;
  /** Merged into the rendered config: its nodes, patches and mappings are added to ours. */
  userConfig?: UserKindConfig;
}

export interface RenderedKindConfig {
  yaml: string;
  warnings: string[];
}

type YamlMap = Record<string, unknown>;

/**
 * Control-plane tuning for a cluster that lives for one test run. No apiVersion on purpose: kind
 * then applies the patch to whichever kubeadm API it generates, converting map-style extraArgs
 * for kubeadm v1beta4.
 */
const E2E_TUNING_PATCHES: readonly string[] = [
  `# A test cluster should report a lost node within seconds, not minutes.
kind: ClusterConfiguration
controllerManager:
  extraArgs:
    # Check node heartbeats every 2s and call a silent node NotReady after 20s
    # (defaults 5s and 40-50s).
    node-monitor-period: "2s"
    node-monitor-grace-period: "20s"
apiServer:
  extraArgs:
    # Evict pods from a NotReady or unreachable node after 30s instead of 5 minutes,
    # so they are rescheduled while the suite is still waiting for them.
    default-not-ready-toleration-seconds: "30"
    default-unreachable-toleration-seconds: "30"
`,
  `kind: KubeletConfiguration
# Several heartbeats fit in the 20s grace period above (default every 10s).
nodeStatusUpdateFrequency: "4s"
`,
];

const DIGEST_PINNED = /@sha256:[0-9a-f]{64}$/;

export function renderKindConfig(options: KindConfigOptions): RenderedKindConfig {
  const warnings: string[] = [];
  const nodeImage = options.nodeImage.trim();
  if (nodeImage === '') throw new Error('node image is empty: give a kindest/node image, pinned by digest');
  if (!DIGEST_PINNED.test(nodeImage)) {
    warnings.push(
      `node image "${nodeImage}" is not pinned by digest: kind node images are built for a kind release and ` +
        'a tag can be rebuilt; use the image@sha256:… reference from the kind release notes',
    );
  }

  const ours = (options.portMappings ?? []).map((mapping, index) => ourMapping(mapping, index));
  const coverageMount =
    options.coverageDir === undefined
      ? undefined
      : { hostPath: path.resolve(options.coverageDir), containerPath: COVERAGE_CONTAINER_PATH };
  const userConfig = options.userConfig === undefined ? undefined : parseUserConfig(options.userConfig);
  const source = options.userConfig?.source ?? '';
  const userNodes = checkedNodes(userConfig?.nodes, source, nodeImage);

  checkPortConflicts([
    ...ours.map((mapping, index) => ({ value: mapping, where: `the action's port mapping ${index + 1}` })),
    ...userNodes.flatMap(({ node, where }) =>
      asList(node.extraPortMappings).map((mapping, index) => ({
        value: asMap(mapping, `${where}.extraPortMappings[${index}]`),
        where: `${where}.extraPortMappings[${index}]`,
      })),
    ),
  ]);

  const controlPlane: YamlMap = { role: 'control-plane', image: nodeImage };
  if (ours.length > 0) controlPlane.extraPortMappings = ours;
  if (coverageMount) controlPlane.extraMounts = [coverageMount];
  const base: YamlMap = {
    kind: 'Cluster',
    apiVersion: KIND_API_VERSION,
    nodes: [controlPlane],
    kubeadmConfigPatches: [...E2E_TUNING_PATCHES],
  };
  const config =
    userConfig === undefined ? base : mergeUserConfig(base, userConfig, userNodes, { nodeImage, coverageMount });

  const header = '# kind cluster config rendered by aianalysis-e2e\n';
  return { yaml: header + stringify(config, { lineWidth: 0, aliasDuplicateObjects: false }), warnings };
}

/**
 * A suite's own kind config, used as it is (the suite reuses a cluster only by its name, so the
 * cluster made ahead must be the one it would have made): only relative host paths of mounts
 * are made absolute against the repository, where the suite runs kind from. Checked as the
 * rendered config is: nodes, roles, host ports mapped twice, digest pinning.
 */
export function repositoryKindConfig(options: { userConfig: UserKindConfig; repoRoot: string }): RenderedKindConfig {
  const config = parseUserConfig(options.userConfig);
  const { source } = options.userConfig;
  const warnings: string[] = [];
  const nodes = asList(config.nodes).map((raw, index) => {
    const where = `${source} nodes[${index}]`;
    const node = asMap(raw, where);
    const image = node.image === undefined ? undefined : String(node.image);
    if (image !== undefined && !DIGEST_PINNED.test(image)) warnings.push(`${where}.image "${image}" is not pinned by digest`);
    const extraMounts = asList(node.extraMounts).map((mount, mountIndex) => {
      const entry = asMap(mount, `${where}.extraMounts[${mountIndex}]`);
      return { ...entry, hostPath: path.resolve(options.repoRoot, String(entry.hostPath)) };
    });
    return { node: extraMounts.length > 0 ? withMounts({ ...node, extraMounts }, where) : node, where };
  });
  checkPortConflicts(
    nodes.flatMap(({ node, where }) =>
      asList(node.extraPortMappings).map((mapping, index) => ({
        value: asMap(mapping, `${where}.extraPortMappings[${index}]`),
        where: `${where}.extraPortMappings[${index}]`,
      })),
    ),
  );
  const rendered = { ...config, kind: 'Cluster', apiVersion: KIND_API_VERSION, ...(nodes.length > 0 ? { nodes: nodes.map(({ node }) => node) } : {}) };
  const header = `# ${source}, host paths made absolute by aianalysis-e2e\n`;
  return { yaml: header + stringify(rendered, { lineWidth: 0, aliasDuplicateObjects: false }), warnings };
}

function ourMapping(mapping: PortMapping, index: number): YamlMap {
  for (const field of ['containerPort', 'hostPort'] as const) {
    const value = mapping[field];
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
      throw new Error(`port mapping ${index + 1}: ${field} ${value} is not a port number (1-65535)`);
    }
  }
  return {
    containerPort: mapping.containerPort,
    hostPort: mapping.hostPort,
    listenAddress: mapping.listenAddress ?? '127.0.0.1',
    protocol: mapping.protocol ?? 'TCP',
  };
}

function parseUserConfig({ text, source }: UserKindConfig): YamlMap {
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (error) {
    throw new Error(`${source}: not valid YAML: ${(error as Error).message}`);
  }
  if (!isMap(parsed)) throw new Error(`${source}: a kind config must be a YAML mapping (kind: Cluster …)`);
  if (parsed.kind !== undefined && parsed.kind !== 'Cluster') {
    throw new Error(`${source}: kind is "${String(parsed.kind)}", a kind config has kind: Cluster`);
  }
  if (parsed.apiVersion !== undefined && parsed.apiVersion !== KIND_API_VERSION) {
    throw new Error(`${source}: apiVersion is "${String(parsed.apiVersion)}", only ${KIND_API_VERSION} is supported`);
  }
  return parsed;
}

interface UserNode {
  node: YamlMap;
  role: 'control-plane' | 'worker';
  /** `file nodes[i]`, for error messages. */
  where: string;
}

/** The user's nodes, each checked to be a node that can join our cluster. */
function checkedNodes(nodes: unknown, source: string, nodeImage: string): UserNode[] {
  if (nodes === undefined) return [];
  if (!Array.isArray(nodes)) throw new Error(`${source}: nodes must be a list of nodes`);
  return nodes.map((raw, index) => {
    const where = `${source} nodes[${index}]`;
    const node = asMap(raw, where);
    // kind's own default for a node without a role
    const role = node.role ?? 'control-plane';
    if (role !== 'control-plane' && role !== 'worker') {
      throw new Error(`${where}: role "${String(role)}" is not one of control-plane, worker`);
    }
    if (node.image !== undefined && node.image !== nodeImage) {
      throw new Error(
        `${where}.image is "${String(node.image)}" but the node image is "${nodeImage}": ` +
          'set the node image in one place',
      );
    }
    return { node, role, where };
  });
}

interface NodeDefaults {
  nodeImage: string;
  coverageMount: YamlMap | undefined;
}

/**
 * Lists are added to (ours first, so the user's patches apply last), maps are merged, a scalar
 * from the user wins. The user's first control-plane node is merged into ours instead of adding
 * a second control plane; their other nodes are added with our image and the coverage mount.
 */
function mergeUserConfig(base: YamlMap, user: YamlMap, userNodes: UserNode[], defaults: NodeDefaults): YamlMap {
  const merged: YamlMap = { ...base };
  for (const [key, value] of Object.entries(user)) {
    if (key === 'kind' || key === 'apiVersion' || key === 'nodes') continue;
    merged[key] = deepMerge(base[key], value);
  }
  const [controlPlane] = base.nodes as YamlMap[];
  const mergedInto = userNodes.find(({ role }) => role === 'control-plane');
  const nodes = [
    mergedInto === undefined
      ? controlPlane
      : withMounts(deepMerge(controlPlane, mergedInto.node) as YamlMap, mergedInto.where),
  ];
  for (const userNode of userNodes) {
    if (userNode === mergedInto) continue;
    const { node, role, where } = userNode;
    const extraMounts = [...(defaults.coverageMount ? [defaults.coverageMount] : []), ...asList(node.extraMounts)];
    const added: YamlMap = { ...node, role, image: defaults.nodeImage };
    if (extraMounts.length > 0) added.extraMounts = extraMounts;
    nodes.push(withMounts(added, where));
  }
  merged.nodes = nodes;
  return merged;
}

/** Drops repeated mounts; the same container path from two host paths is an error. */
function withMounts(node: YamlMap, where: string): YamlMap {
  const byContainerPath = new Map<string, string>();
  const unique: YamlMap[] = [];
  asList(node.extraMounts).forEach((raw, index) => {
    const mount = asMap(raw, `${where}.extraMounts[${index}]`);
    const containerPath = String(mount.containerPath);
    const hostPath = String(mount.hostPath);
    const earlier = byContainerPath.get(containerPath);
    if (earlier === undefined) {
      byContainerPath.set(containerPath, hostPath);
      unique.push(mount);
    } else if (earlier !== hostPath) {
      throw new Error(`${where}: ${containerPath} is mounted twice, from ${earlier} and from ${hostPath}`);
    }
  });
  return unique.length > 0 ? { ...node, extraMounts: unique } : node;
}

function deepMerge(ours: unknown, theirs: unknown): unknown {
  if (Array.isArray(ours) && Array.isArray(theirs)) return [...ours, ...theirs];
  if (isMap(ours) && isMap(theirs)) {
    const merged: YamlMap = { ...ours };
    for (const [key, value] of Object.entries(theirs)) merged[key] = key in ours ? deepMerge(ours[key], value) : value;
    return merged;
  }
  return theirs;
}

interface LocatedMapping {
  value: YamlMap;
  /** Who asked for it, for error messages. */
  where: string;
}

/** Two mappings of one host port collide whichever nodes they are on: the ports are the host's. */
function checkPortConflicts(mappings: LocatedMapping[]): void {
  mappings.forEach((current, index) => {
    const hostPort = Number(current.value.hostPort ?? 0);
    if (hostPort === 0) return; // kind picks a free port
    const clash = mappings
      .slice(0, index)
      .find(
        (earlier) =>
          Number(earlier.value.hostPort) === hostPort &&
          protocolOf(earlier.value) === protocolOf(current.value) &&
          addressesOverlap(earlier.value.listenAddress, current.value.listenAddress),
      );
    if (clash) {
      throw new Error(
        `hostPort ${hostPort}/${protocolOf(current.value)} is mapped twice: by ${clash.where} ` +
          `(containerPort ${String(clash.value.containerPort)}) and by ${current.where} ` +
          `(containerPort ${String(current.value.containerPort)})`,
      );
    }
  });
}

function protocolOf(mapping: YamlMap): string {
  return String(mapping.protocol ?? 'TCP').toUpperCase();
}

/** An unset listen address means all addresses (kind's default), which overlaps any other. */
function addressesOverlap(a: unknown, b: unknown): boolean {
  const wildcard = (address: unknown) =>
    address === undefined || address === '' || address === '0.0.0.0' || address === '::';
  return wildcard(a) || wildcard(b) || a === b;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asMap(value: unknown, where: string): YamlMap {
  if (!isMap(value)) throw new Error(`${where}: expected a mapping, got ${JSON.stringify(value)}`);
  return value;
}

function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
