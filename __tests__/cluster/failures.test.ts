import { classifyKindFailure, type FailureClass } from '../../src/cluster/failures.js';

// Real output of kind, Podman, Docker and kubeadm (reports of failed runs, kind's sources and issues).
const CASES: [string, FailureClass, string, number | null][] = [
  [
    'ERROR: failed to create cluster: failed to read logs:\n' +
      'command "podman logs -f aianalysis-e2e-control-plane" failed with error: exit status 125\n\n' +
      "Command Output: Error: failed to obtain logs for Container 'aianalysis-e2e-control-plane':\n" +
      'no container with ID e0b4fa08c34f25ce2903763513cafc0cb1687196e2a808cd0a3a0648883bee1a\nfound in database: no such container',
    'transient',
    'podman-lost-container',
    1,
  ],
  ['Cluster already exists, reusing...\nERROR: container state improper', 'transient', 'container-state-improper', 1],
  [
    'ERROR: failed to create cluster: could not find a log line that matches "Reached target .*Multi-User System.*|detected cgroup v1"',
    'transient',
    'node-boot-timeout',
    1,
  ],
  [
    'ERROR: failed to create cluster: failed to init node with kubeadm: command "podman exec --privileged kind-control-plane kubeadm init" failed with error: exit status 1\n' +
      "[kubelet-check] It seems like the kubelet isn't running or healthy.\n\nUnfortunately, an error has occurred:\n\ttimed out waiting for the condition",
    'transient',
    'control-plane-timeout',
    1,
  ],
  ['[kubelet-check] The kubelet is not healthy after 4m0s', 'transient', 'control-plane-timeout', 1],
  [
    'ERROR: failed to create cluster: node(s) already exist for a cluster with the name "aianalysis-e2e"',
    'transient',
    'cluster-exists',
    1,
  ],
  ['Error: server probably quit: unexpected EOF', 'transient', 'engine-crash', 125],
  [
    'ERROR: failed to create cluster: command "docker run --name kind-control-plane --publish=0.0.0.0:80:80/TCP kindest/node" failed with error: exit status 125\n' +
      'Command Output: docker: Error response from daemon: driver failed programming external connectivity on endpoint kind-control-plane: Bind for 0.0.0.0:80 failed: port is already allocated.',
    'permanent',
    'port-in-use',
    1,
  ],
  ['Error: rootlessport listen tcp 0.0.0.0:8084: bind: address already in use', 'permanent', 'port-in-use', 1],
  [
    'ERROR: failed to create cluster: failed to pull image "kindest/node@sha256:69860bda5563ac81e3c0057d654b5253219618a22ec3a346306239bba8cfa1a6": ' +
      'command "podman pull kindest/node@sha256:69860bda5563ac81e3c0057d654b5253219618a22ec3a346306239bba8cfa1a6" failed with error: exit status 125\n' +
      'Command Output: Error: short-name resolution enforced but cannot prompt without a TTY',
    'permanent',
    'node-image-unavailable',
    1,
  ],
  ['ERROR: image: "docker.io/lab/pricing" not present locally', 'permanent', 'node-image-unavailable', 1],
  ['ERROR: unknown flag: --wiat', 'permanent', 'unknown-flag', 1],
  [
    'ERROR: failed to create cluster: unable to decode config: yaml: unmarshal errors:\n  line 5: field extraPortMapping not found in type v1alpha4.Node',
    'permanent',
    'invalid-config',
    1,
  ],
  ['ERROR: failed to create cluster: unknown apiVersion: kind.sigs.k8s.io/v1alpha3', 'permanent', 'invalid-config', 1],
  ['ERROR: no nodes found for cluster "aianalysis-e2e"', 'permanent', 'unknown-cluster', 1],
];

describe('classifyKindFailure', () => {
  it.each(CASES)('%#: %s is %s (%s)', (output, expectedClass, rule, exitCode) => {
    const classification = classifyKindFailure({ output, exitCode });
    expect(classification.class).toBe(expectedClass);
    expect(classification.rule).toBe(rule);
  });

  it('gives every permanent failure a hint', () => {
    for (const [output, , , exitCode] of CASES.filter(([, kind]) => kind === 'permanent')) {
      expect(classifyKindFailure({ output, exitCode }).hint).toEqual(expect.any(String));
    }
  });

  it('treats a hung command as transient', () => {
    expect(classifyKindFailure({ output: 'Creating cluster "e2e" ...', exitCode: null, timedOut: true })).toMatchObject({
      class: 'transient',
      rule: 'timeout',
    });
  });

  it('treats a bare exit code 125 as an engine failure', () => {
    expect(classifyKindFailure({ output: '', exitCode: 125 }).rule).toBe('engine-crash');
  });

  it('leaves an unrecognised failure unknown', () => {
    expect(classifyKindFailure({ output: 'ERROR: something new', exitCode: 1 })).toMatchObject({ class: 'unknown' });
    expect(classifyKindFailure({ output: 'ERROR: something new', exitCode: 1 }).rule).toBeUndefined();
  });
});
