import path from 'node:path';
import { parse } from 'yaml';
import { COVERAGE_CONTAINER_PATH, renderKindConfig, type KindConfigOptions } from '../../src/cluster/config.js';

const PINNED = 'kindest/node:v1.34.0@sha256:7416a61b42b1662ca6ca89f02028ac133a309a2a30ba309614e8ec94d976dc5a';
const NODE_PORTS = [
  { containerPort: 30084, hostPort: 8084 },
  { containerPort: 30088, hostPort: 8088 },
];

type Node = {
  role: string;
  image: string;
  extraPortMappings?: Record<string, unknown>[];
  extraMounts?: { hostPath: string; containerPath: string }[];
  labels?: Record<string, string>;
};

function render(options: Partial<KindConfigOptions> = {}) {
  const rendered = renderKindConfig({ nodeImage: PINNED, portMappings: NODE_PORTS, ...options });
  return { ...rendered, config: parse(rendered.yaml) as Record<string, unknown> & { nodes: Node[] } };
}

function user(text: string) {
  return { userConfig: { text, source: 'e2e/kind.yaml' } };
}

describe('renderKindConfig', () => {
  it('renders a kind Cluster with one control-plane node on the pinned image', () => {
    const { config, warnings } = render();
    expect(config.kind).toBe('Cluster');
    expect(config.apiVersion).toBe('kind.x-k8s.io/v1alpha4');
    expect(config.nodes).toHaveLength(1);
    expect(config.nodes[0]).toMatchObject({ role: 'control-plane', image: PINNED });
    expect(warnings).toEqual([]);
  });

  it('maps the NodePorts to localhost', () => {
    expect(render().config.nodes[0].extraPortMappings).toEqual([
      { containerPort: 30084, hostPort: 8084, listenAddress: '127.0.0.1', protocol: 'TCP' },
      { containerPort: 30088, hostPort: 8088, listenAddress: '127.0.0.1', protocol: 'TCP' },
    ]);
  });

  it('mounts the coverage folder, as an absolute path, only when coverage is on', () => {
    expect(render().config.nodes[0].extraMounts).toBeUndefined();
    expect(render({ coverageDir: 'coverdata' }).config.nodes[0].extraMounts).toEqual([
      { hostPath: path.resolve('coverdata'), containerPath: COVERAGE_CONTAINER_PATH },
    ]);
  });

  it('tunes the control plane for a short-lived cluster', () => {
    const patches = render().config.kubeadmConfigPatches as string[];
    const parsed = patches.map((patch) => parse(patch));
    const cluster = parsed.find((patch) => patch.kind === 'ClusterConfiguration');
    expect(cluster.controllerManager.extraArgs['node-monitor-grace-period']).toBe('20s');
    expect(cluster.apiServer.extraArgs['default-unreachable-toleration-seconds']).toBe('30');
    expect(parsed.find((patch) => patch.kind === 'KubeletConfiguration').nodeStatusUpdateFrequency).toBe('4s');
  });

  it('warns when the node image is not pinned by digest', () => {
    const { warnings } = render({ nodeImage: 'kindest/node:v1.34.0' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"kindest/node:v1.34.0" is not pinned by digest');
  });

  it('rejects a port that is not a port', () => {
    expect(() => render({ portMappings: [{ containerPort: 30084, hostPort: 70000 }] })).toThrow(
      'port mapping 1: hostPort 70000 is not a port number (1-65535)',
    );
  });

  describe('with a user kind config', () => {
    it('adds its control-plane mappings, labels and patches to ours', () => {
      const { config } = render(
        user(`kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
  - role: control-plane
    labels: {ingress-ready: "true"}
    extraPortMappings:
      - {containerPort: 80, hostPort: 8080}
kubeadmConfigPatches:
  - |
    kind: InitConfiguration
networking:
  podSubnet: 10.250.0.0/16
`),
      );
      expect(config.nodes).toHaveLength(1);
      expect(config.nodes[0].labels).toEqual({ 'ingress-ready': 'true' });
      expect(config.nodes[0].extraPortMappings?.map((mapping) => mapping.hostPort)).toEqual([8084, 8088, 8080]);
      const patches = config.kubeadmConfigPatches as string[];
      expect(patches).toHaveLength(3);
      expect(patches[2]).toBe('kind: InitConfiguration\n');
      expect(config.networking).toEqual({ podSubnet: '10.250.0.0/16' });
    });

    it('adds its workers with our image and the coverage mount', () => {
      const { config } = render({
        coverageDir: '/tmp/cover',
        ...user('nodes:\n  - role: worker\n    labels: {tier: db}\n  - role: worker\n'),
      });
      expect(config.nodes.map((node) => node.role)).toEqual(['control-plane', 'worker', 'worker']);
      for (const node of config.nodes) {
        expect(node.image).toBe(PINNED);
        expect(node.extraMounts).toEqual([{ hostPath: '/tmp/cover', containerPath: COVERAGE_CONTAINER_PATH }]);
      }
      expect(config.nodes[1].labels).toEqual({ tier: 'db' });
    });

    it('keeps one copy of a mount the user repeats', () => {
      const { config } = render({
        coverageDir: '/tmp/cover',
        ...user('nodes:\n  - role: control-plane\n    extraMounts:\n      - {hostPath: /tmp/cover, containerPath: /coverdata}\n'),
      });
      expect(config.nodes[0].extraMounts).toHaveLength(1);
    });

    it('names both sides of a host port conflict', () => {
      expect(() =>
        render(user('nodes:\n  - role: worker\n    extraPortMappings:\n      - {containerPort: 31000, hostPort: 8088}\n')),
      ).toThrow(
        "hostPort 8088/TCP is mapped twice: by the action's port mapping 2 (containerPort 30088) and by " +
          'e2e/kind.yaml nodes[0].extraPortMappings[0] (containerPort 31000)',
      );
    });

    it('allows the same host port on different addresses or protocols', () => {
      const { config } = render(
        user(`nodes:
  - role: control-plane
    extraPortMappings:
      - {containerPort: 31000, hostPort: 8084, listenAddress: 127.0.0.2}
      - {containerPort: 31001, hostPort: 8088, protocol: UDP}
`),
      );
      expect(config.nodes[0].extraPortMappings).toHaveLength(4);
    });

    it('rejects a coverage path mounted from another host folder', () => {
      expect(() =>
        render({
          coverageDir: '/tmp/cover',
          ...user('nodes:\n  - role: control-plane\n    extraMounts:\n      - {hostPath: /elsewhere, containerPath: /coverdata}\n'),
        }),
      ).toThrow('e2e/kind.yaml nodes[0]: /coverdata is mounted twice, from /tmp/cover and from /elsewhere');
    });

    it('rejects a node image that differs from the pinned one', () => {
      expect(() => render(user('nodes:\n  - role: worker\n    image: kindest/node:v1.29.0\n'))).toThrow(
        'e2e/kind.yaml nodes[0].image is "kindest/node:v1.29.0" but the node image is',
      );
    });

    it.each([
      ['kind: Pod\n', 'e2e/kind.yaml: kind is "Pod", a kind config has kind: Cluster'],
      ['apiVersion: kind.x-k8s.io/v1alpha3\n', 'only kind.x-k8s.io/v1alpha4 is supported'],
      ['nodes: {role: worker}\n', 'e2e/kind.yaml: nodes must be a list of nodes'],
      ['nodes:\n  - role: etcd\n', 'e2e/kind.yaml nodes[0]: role "etcd" is not one of control-plane, worker'],
      ['- just\n- a list\n', 'e2e/kind.yaml: a kind config must be a YAML mapping'],
      ['nodes: [\n', 'e2e/kind.yaml: not valid YAML'],
    ])('rejects %j', (text, message) => {
      expect(() => render(user(text))).toThrow(message);
    });
  });

  it('writes YAML without anchors, which kind configs do not use', () => {
    const { yaml } = render({ coverageDir: '/tmp/cover', ...user('nodes:\n  - role: worker\n  - role: worker\n') });
    expect(yaml).not.toMatch(/[&*]a\d/);
  });
});
