/**
 * What a failed kind command means: a transient failure (a Podman/kind race, a node that booted
 * too slowly, a crashed engine call) is worth another attempt on a clean slate; a permanent one
 * (a taken port, a bad config, a missing node image, a flag this kind does not know) fails the
 * same way every time and must be reported at once with what to do.
 *
 * The rules are matched in order against kind's output. Permanent rules come first: several
 * permanent failures also carry `exit status 125` (Docker refusing a taken port, Podman failing
 * to pull), which on its own would look like an engine crash.
 */

import type { Classification, CommandFailure } from '../util/failure.js';

export type { Classification, FailureClass } from '../util/failure.js';

interface FailureRule {
  id: string;
  class: 'transient' | 'permanent';
  pattern: RegExp;
  /** Also matches a command that exited with this code, whatever it printed. */
  exitCode?: number;
  reason: string;
  hint?: string;
}

const RULES: readonly FailureRule[] = [
  {
    id: 'port-in-use',
    class: 'permanent',
    pattern: /port is already allocated|address already in use/i,
    reason: 'a host port of the cluster config is already taken',
    hint:
      'stop whatever listens on that port (often a cluster left by another run) or change the extraPortMappings hostPort',
  },
  {
    id: 'node-image-unavailable',
    class: 'permanent',
    pattern: /failed to pull image|not present locally|image not known|manifest unknown/i,
    reason: 'the node image could not be found locally nor pulled',
    hint: 'check the node image reference and digest, or pull/load it into the container engine before the run',
  },
  {
    id: 'unknown-flag',
    class: 'permanent',
    pattern: /unknown (shorthand )?flag|unknown command/i,
    reason: 'this kind binary does not know a flag or command that was used',
    hint: 'check `kind version` against the kind version this action pins',
  },
  {
    id: 'invalid-config',
    class: 'permanent',
    pattern: new RegExp(
      [
        'unable to decode config',
        'unknown apiVersion',
        'could not determine kind / apiVersion',
        'invalid configuration',
        'error reading file',
        'yaml: (line \\d+|unmarshal errors)',
        'field \\S+ not found in type',
      ].join('|'),
      'i',
    ),
    reason: 'kind rejected the cluster config',
    hint: 'fix the kind cluster config (the error above names the field)',
  },
  {
    id: 'unknown-cluster',
    class: 'permanent',
    pattern: /no nodes found for cluster|unknown cluster|could not locate any control plane nodes/i,
    reason: 'the cluster does not exist',
    hint: 'create the cluster first (or check the cluster name)',
  },
  {
    id: 'podman-lost-container',
    class: 'transient',
    pattern: /no container with (ID|name)( or ID)?\s+\S+\s+found in database/i,
    reason: 'Podman lost track of a node container while kind was using it (a known Podman/kind race)',
  },
  {
    id: 'container-state-improper',
    class: 'transient',
    pattern: /container state improper/i,
    reason: 'a node container is in a state the engine cannot act on (stopped or half-created)',
  },
  {
    id: 'log-read-failed',
    class: 'transient',
    pattern: /failed to read logs/i,
    reason: "kind could not follow a node container's logs while it booted",
  },
  {
    id: 'node-boot-timeout',
    class: 'transient',
    pattern: /could not find a log line that matches/i,
    reason: 'a node container did not finish booting (systemd never reached multi-user) in time',
  },
  {
    id: 'control-plane-timeout',
    class: 'transient',
    pattern:
      /timed out waiting for the condition|timed out waiting for .*node|(kubelet|API server) is not healthy after/i,
    reason: 'kubeadm timed out waiting for the node or control plane to come up',
  },
  {
    id: 'cluster-exists',
    class: 'transient',
    pattern: /node\(s\) already exist for a cluster with the name/i,
    reason: 'a cluster with this name already exists (left over from an earlier attempt)',
  },
  {
    id: 'engine-crash',
    class: 'transient',
    pattern: /exit status 125|server probably quit|unexpected EOF/i,
    // the code Podman and Docker exit with when the engine itself fails
    exitCode: 125,
    reason: 'the container engine failed or crashed during the call',
  },
];

/** Classifies one failed kind command. Pure; see RULES for the table. */
export function classifyKindFailure(failure: CommandFailure): Classification {
  const rule = RULES.find(
    (candidate) => candidate.pattern.test(failure.output) || candidate.exitCode === failure.exitCode,
  );
  if (rule !== undefined) {
    return { class: rule.class, rule: rule.id, reason: rule.reason, ...(rule.hint ? { hint: rule.hint } : {}) };
  }
  if (failure.timedOut) {
    return { class: 'transient', rule: 'timeout', reason: 'kind did not finish in time (a hung engine call)' };
  }
  return { class: 'unknown', reason: 'kind failed in a way that is not classified' };
}
