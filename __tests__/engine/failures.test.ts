import { classifyEngineFailure, type FailureClass } from '../../src/engine/failures.js';

// Output of real failed commands: Docker 20.10 (classic BuildKit), docker buildx, Podman 4.3, the
// distribution registry, and the crash reports of kubernaut's E2E runs.
const CASES: [output: string, exitCode: number, expected: FailureClass, rule: string][] = [
  ['Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', 1, 'transient', 'engine-unreachable'],
  ['Error: server probably quit: unexpected EOF', 125, 'transient', 'engine-crash'],
  [
    'Cannot connect to Podman. Please verify your connection to the Linux system using `podman system connection list`\n' +
      'Error: unable to connect to Podman socket: Get "http://d/v4.3.1/libpod/_ping": dial unix /run/podman/podman.sock: connect: no such file or directory',
    125,
    'transient',
    'engine-unreachable',
  ],
  ['ERROR: failed to solve: rpc error: code = Unavailable desc = error reading from server: EOF', 1, 'transient', 'engine-crash'],
  [
    'Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: ' +
      'Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/info": dial unix /var/run/docker.sock: connect: permission denied',
    1,
    'permanent',
    'engine-permission',
  ],
  [
    '#9 [builder 4/4] RUN pip install -r requirements.txt\n#9 41.2 Collecting fastapi\n' +
      'ERROR: failed to solve: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 137',
    1,
    'transient',
    'step-killed',
  ],
  ['Error: building at STEP "RUN make build": while running runtime: exit status 137', 137, 'transient', 'step-killed'],
  [
    '#5 [3/3] RUN echo about to fail && exit 3\n#5 0.218 about to fail\n' +
      '#5 ERROR: executor failed running [/bin/sh -c echo about to fail && exit 3]: exit code: 3\n------\n' +
      ' > [3/3] RUN echo about to fail && exit 3:\n------\nexecutor failed running [/bin/sh -c echo about to fail && exit 3]: exit code: 3',
    1,
    'permanent',
    'step-failed',
  ],
  [
    'STEP 4/4: RUN echo about to fail && exit 3\nabout to fail\n' +
      'Error: building at STEP "RUN echo about to fail && exit 3": while running runtime: exit status 3',
    3,
    'permanent',
    'step-failed',
  ],
  // A step whose own output mentions the network still failed for its own reasons.
  [
    '#7 [2/2] RUN curl https://example.invalid\n#7 0.4 curl: (56) Recv failure: Connection reset by peer\n' +
      'ERROR: failed to solve: process "/bin/sh -c curl https://example.invalid" did not complete successfully: exit code: 56',
    1,
    'permanent',
    'step-failed',
  ],
  [
    'failed to solve with frontend dockerfile.v0: failed to create LLB definition: dockerfile parse error line 2: unknown instruction: FROBNICATE',
    1,
    'permanent',
    'dockerfile-syntax',
  ],
  ['Error: building at STEP "FROBNICATE ": Build error: Unknown instruction: "FROBNICATE"', 125, 'permanent', 'dockerfile-syntax'],
  [
    '#4 [1/1] COPY missing.txt /x\n#4 ERROR: "/missing.txt" not found: not found\nfailed to compute cache key: "/missing.txt" not found: not found',
    1,
    'permanent',
    'copy-source-missing',
  ],
  [
    'Error: building at STEP "COPY missing.txt /x": checking on sources under "/tmp/ctx": copier: stat: "/missing.txt": no such file or directory',
    125,
    'permanent',
    'copy-source-missing',
  ],
  ['Error response from daemon: Get "https://ghcr.io/v2/": read tcp 10.1.0.4:45678->140.82.114.33:443: read: connection reset by peer', 1, 'transient', 'connection-reset'],
  [
    'Error: initializing source docker://ghcr.io/kubernaut/datastorage:1: reading manifest 1 in ghcr.io/kubernaut/datastorage: received unexpected HTTP status: 502 Bad Gateway',
    125,
    'transient',
    'registry-unavailable',
  ],
  ['Error response from daemon: received unexpected HTTP status: 503 Service Unavailable', 1, 'transient', 'registry-unavailable'],
  ['Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: TLS handshake timeout', 1, 'transient', 'tls-handshake-timeout'],
  ['Error response from daemon: Get "https://ghcr.io/v2/": dial tcp 140.82.112.34:443: i/o timeout', 1, 'transient', 'network-timeout'],
  ['Error response from daemon: Get "https://registry-1.docker.io/v2/": context deadline exceeded', 1, 'transient', 'network-timeout'],
  ['write /var/lib/docker/tmp/GetImageBlob1234: no space left on device', 1, 'permanent', 'no-space'],
  ['denied: requested access to the resource is denied', 1, 'permanent', 'access-denied'],
  ['Error response from daemon: login attempt to http://127.0.0.1:5011/v2/ failed with status: 401 Unauthorized', 1, 'permanent', 'access-denied'],
  ['Error: logging into "127.0.0.1:5011": invalid username/password', 125, 'permanent', 'access-denied'],
  ['Error response from daemon: Head "http://127.0.0.1:5011/v2/x/y/manifests/1": no basic auth credentials', 1, 'permanent', 'access-denied'],
  [
    'Error: initializing source docker://127.0.0.1:5011/x/y:1: reading manifest 1 in 127.0.0.1:5011/x/y: unauthorized: authentication required',
    125,
    'permanent',
    'access-denied',
  ],
  [
    'Error response from daemon: manifest for 127.0.0.1:5000/exp/nothere:1 not found: manifest unknown: manifest unknown',
    1,
    'permanent',
    'image-not-found',
  ],
  [
    "Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    1,
    'permanent',
    'image-not-found',
  ],
  [
    'Error: trying to reuse blob sha256:4342 at destination: pinging container registry 127.0.0.1:5000: Get "https://127.0.0.1:5000/v2/": http: server gave HTTP response to HTTPS client',
    125,
    'permanent',
    'registry-speaks-http',
  ],
  ['invalid argument "Kubernaut/DS:1" for "-t, --tag" flag: invalid reference format: repository name must be lowercase', 125, 'permanent', 'invalid-reference'],
  ['Error: No such image: nope:1', 1, 'permanent', 'no-such-image'],
];

describe('classifyEngineFailure', () => {
  it.each(CASES.map(([output, exitCode, expected, rule]) => ({ output, exitCode, expected, rule })))(
    'case $# is $expected: $rule',
    ({ output, exitCode, expected, rule }) => {
    const classification = classifyEngineFailure({ output, exitCode });
    expect(classification.class).toBe(expected);
    expect(classification.rule).toBe(rule);
    },
  );

  it('says what to do about every permanent failure and how to recover from every transient one', () => {
    for (const [output, exitCode] of CASES) {
      const classification = classifyEngineFailure({ output, exitCode });
      if (classification.class === 'permanent') expect(classification.hint).toMatch(/\w{3,}/);
      if (classification.class === 'transient') expect(['engine', 'memory', 'backoff']).toContain(classification.recovery);
    }
  });

  it('takes an engine crash as a reason to lower build concurrency, a network error as a reason to wait', () => {
    expect(classifyEngineFailure({ output: 'Error: server probably quit: unexpected EOF', exitCode: 125 }).recovery).toBe('engine');
    expect(classifyEngineFailure({ output: 'read: connection reset by peer', exitCode: 1 }).recovery).toBe('backoff');
  });

  it('does not call exit code 125 alone a crash: podman exits 125 for many permanent errors', () => {
    expect(classifyEngineFailure({ output: 'Error: something new went wrong', exitCode: 125 })).toMatchObject({ class: 'unknown' });
  });

  it('takes a hung command that printed nothing known as transient', () => {
    expect(classifyEngineFailure({ output: 'Pulling fs layer', exitCode: null, timedOut: true })).toMatchObject({
      class: 'transient',
      rule: 'timeout',
    });
  });
});
