/**
 * What a failed container-engine command means. Transient failures (the engine died, the network
 * dropped, the registry had a bad moment, a build step was killed for memory) are worth another
 * attempt; permanent ones (a Dockerfile step failed, the registry refused the credentials, the
 * image does not exist, the disk is full) fail the same way every time and are reported at once,
 * with what to do.
 *
 * Rules are matched in order against the command's output; the first match wins:
 *  0. the engine's socket refused this user (permanent, though it looks like a dead daemon);
 *  1. the engine itself died: whatever else the output says, the command never really ran;
 *  2. a build step killed with exit code 137 (out of memory, usually from builds running beside it);
 *  3. a full disk, then the permanent build failures: they carry the step's own output, which may
 *     mention network words (`connection reset`) that must not make a broken Dockerfile look transient;
 *  4. network and registry hiccups;
 *  5. the remaining permanent failures (a missing image before refused access: Docker Hub says
 *     `pull access denied … repository does not exist`), the generic `failed to solve` last.
 * An exit code alone decides nothing: Podman exits 125 for a Dockerfile parse error as well as
 * for a crash.
 */

import type { Classification as CommandClassification, CommandFailure } from '../util/failure.js';

export type { FailureClass } from '../util/failure.js';

/**
 * How a retry can help a transient failure: `engine` — check the engine and build fewer images at
 * once; `memory` — build fewer images at once; `backoff` — wait and try again.
 */
export type Recovery = 'engine' | 'memory' | 'backoff';

export interface Classification extends CommandClassification {
  /** Transient failures only. */
  recovery?: Recovery;
}

type Rule =
  | { id: string; class: 'transient'; pattern: RegExp; reason: string; recovery: Recovery }
  | { id: string; class: 'permanent'; pattern: RegExp; reason: string; hint: string };

const anyOf = (...patterns: string[]) => new RegExp(patterns.join('|'), 'i');

const RULES: readonly Rule[] = [
  {
    id: 'engine-permission',
    class: 'permanent',
    pattern: anyOf('permission denied while trying to connect to the Docker daemon', 'sock: connect: permission denied'),
    reason: "this user may not use the container engine's socket",
    hint: 'add the user to the docker group (or run rootful Podman as root), or choose the other engine with container-engine',
  },
  {
    id: 'engine-unreachable',
    class: 'transient',
    pattern: anyOf(
      'Cannot connect to the Docker daemon',
      'Is the docker daemon running',
      'error during connect',
      'unable to connect to Podman socket',
      'Cannot connect to Podman',
      'dial unix \\S+\\.sock: connect: (connection refused|no such file or directory)',
    ),
    reason: 'the container engine did not answer (its daemon or service is down)',
    recovery: 'engine',
  },
  {
    id: 'engine-crash',
    class: 'transient',
    pattern: anyOf(
      'server probably quit',
      'rpc error: code = Unavailable',
      'error reading from server: EOF',
      'transport is closing',
    ),
    reason: 'the container engine crashed during the command',
    recovery: 'engine',
  },
  {
    id: 'step-killed',
    class: 'transient',
    pattern: anyOf('did not complete successfully: exit code: 137', 'executor failed running .*: exit code: 137', 'exit status 137'),
    reason: 'a build step was killed (exit code 137), most likely out of memory',
    recovery: 'memory',
  },
  {
    id: 'no-space',
    class: 'permanent',
    pattern: anyOf('no space left on device'),
    reason: 'the disk is full',
    hint: 'free disk space before the run (remove unused images, e.g. `docker system prune`); GitHub-hosted runners have about 14 GB free',
  },
  {
    id: 'dockerfile-syntax',
    class: 'permanent',
    pattern: anyOf(
      'dockerfile parse error',
      'unknown instruction',
      'failed to parse (dockerfile|stage name)',
      'parsing main Dockerfile',
      'failed to read dockerfile',
      'no such file or directory.*Dockerfile|Dockerfile.*no such file or directory',
    ),
    reason: 'the Dockerfile cannot be read or parsed',
    hint: 'fix the Dockerfile at the line named above (or the dockerfile path in the configuration)',
  },
  {
    id: 'copy-source-missing',
    class: 'permanent',
    pattern: anyOf(
      'failed to compute cache key: .*not found',
      'failed to calculate checksum of ref',
      'building at STEP "(COPY|ADD) [^"]*": checking on sources',
      'COPY failed: ',
    ),
    reason: 'a COPY/ADD source is not in the build context',
    hint: 'check the path in the Dockerfile against the build context, and that .dockerignore does not exclude it',
  },
  {
    id: 'step-failed',
    class: 'permanent',
    pattern: anyOf(
      'executor failed running',
      'did not complete successfully: exit code',
      'building at STEP "[^"]*": .*(exit status|exit code)',
    ),
    reason: 'a Dockerfile step failed',
    hint: 'fix the failing step named above; its output is in the build log',
  },
  {
    id: 'connection-reset',
    class: 'transient',
    pattern: anyOf('connection reset by peer', 'broken pipe', 'connection refused', 'unexpected EOF', 'use of closed network connection'),
    reason: 'the connection to the registry broke',
    recovery: 'backoff',
  },
  {
    id: 'registry-unavailable',
    class: 'transient',
    pattern: anyOf(
      'received unexpected HTTP status: 5\\d\\d',
      'status(?: code)?:? 5\\d\\d\\b',
      '5\\d\\d (Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)',
      'toomanyrequests',
      '429 Too Many Requests',
    ),
    reason: 'the registry answered with a server error or asked to slow down',
    recovery: 'backoff',
  },
  {
    id: 'tls-handshake-timeout',
    class: 'transient',
    pattern: anyOf('TLS handshake timeout'),
    reason: 'the TLS handshake with the registry timed out',
    recovery: 'backoff',
  },
  {
    id: 'network-timeout',
    class: 'transient',
    pattern: anyOf('i/o timeout', 'context deadline exceeded', 'Client\\.Timeout exceeded', 'net/http: request canceled', 'temporary failure in name resolution'),
    reason: 'a network call timed out',
    recovery: 'backoff',
  },
  {
    id: 'image-not-found',
    class: 'permanent',
    pattern: anyOf('manifest unknown', 'manifest for \\S+ not found', 'name unknown', 'repository does not exist', 'not found: manifest'),
    reason: 'the image is not in the registry',
    hint:
      'check the reference (registry, repository, tag) and that the credentials may read it; image-source auto or build builds what the registry lacks',
  },
  {
    id: 'access-denied',
    class: 'permanent',
    pattern: anyOf(
      'unauthorized',
      'authentication required',
      'incorrect username or password',
      'invalid username/password',
      'no basic auth credentials',
      'denied',
      'status(?: code)?:? 40[13]\\b',
      '40[13] (Unauthorized|Forbidden)',
    ),
    reason: 'the registry refused access',
    hint: 'check registry-username and registry-password, and that the account may pull and push this repository',
  },
  {
    id: 'registry-speaks-http',
    class: 'permanent',
    pattern: anyOf('server gave HTTP response to HTTPS client'),
    reason: 'the registry speaks plain HTTP but was contacted over HTTPS',
    hint: "serve the registry over HTTPS, or list it as insecure in the engine's configuration (Docker: insecure-registries; Podman: registries.conf)",
  },
  {
    id: 'invalid-reference',
    class: 'permanent',
    pattern: anyOf('invalid reference format', 'invalid tag', 'repository name must be lowercase'),
    reason: 'the engine rejected an image reference',
    hint: 'check the registry, repository and tag in the configuration',
  },
  {
    id: 'no-such-image',
    class: 'permanent',
    pattern: anyOf('No such image', 'image not known', 'reference does not exist'),
    reason: 'the image is not in local storage',
    hint: 'build or pull the image first',
  },
  {
    id: 'build-failed',
    class: 'permanent',
    pattern: anyOf('failed to solve', 'error building', 'Build error'),
    reason: 'the build failed',
    hint: 'read the build log above for the cause',
  },
];

/** Classifies one failed engine command. Pure; see RULES for the table. */
export function classifyEngineFailure(failure: CommandFailure): Classification {
  const rule = RULES.find((candidate) => candidate.pattern.test(failure.output));
  if (rule?.class === 'transient') {
    return { class: 'transient', rule: rule.id, reason: rule.reason, recovery: rule.recovery };
  }
  if (rule?.class === 'permanent') return { class: 'permanent', rule: rule.id, reason: rule.reason, hint: rule.hint };
  if (failure.timedOut) {
    return { class: 'transient', rule: 'timeout', reason: 'the command did not finish in time (a hung engine call)', recovery: 'engine' };
  }
  return { class: 'unknown', reason: `the command failed (exit code ${failure.exitCode}) in a way that is not classified` };
}
