// What a failed `image inspect` printed, as the engines print it: only "missing" lines make it an
// answer. Captured from docker 20.10 and 28.2 clients and podman 4.3 on this testbed, plus
// podman's rootless warning, which the testbed (running as root) does not print.
import { onlyMissingImages } from '../../src/engine/cli-engine.js';
import { DOCKER_MISSING_IMAGE } from '../../src/engine/docker.js';
import { PODMAN_MISSING_IMAGE } from '../../src/engine/podman.js';

describe('onlyMissingImages', () => {
  it.each([
    ['docker 20.10', DOCKER_MISSING_IMAGE, 'Error: No such image: localhost/a:1\nError: No such image: localhost/b:1\n'],
    ['docker 28.2', DOCKER_MISSING_IMAGE, 'Error response from daemon: no such image: localhost/a:1: No such image: localhost/a:1\n'],
    ['podman 4.3', PODMAN_MISSING_IMAGE, 'error inspecting object: localhost/a:1: image not known\nError: inspecting object: localhost/b:1: image not known\n'],
    [
      'podman rootless, with a warning first',
      PODMAN_MISSING_IMAGE,
      'WARN[0000] "/" is not a shared mount, this could cause issues or missing mounts with rootless containers\nError: inspecting object: localhost/a:1: image not known\n',
    ],
  ])('%s: missing images are an answer', (_engine, missing, stderr) => {
    expect(onlyMissingImages(stderr, missing)).toBe(true);
  });

  it.each([
    ['docker without its daemon', DOCKER_MISSING_IMAGE, 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n'],
    ['docker, one missing and the daemon failing', DOCKER_MISSING_IMAGE, 'Error: No such image: localhost/a:1\nError response from daemon: layer does not exist\n'],
    ['podman with a broken store', PODMAN_MISSING_IMAGE, 'Error: inspecting object: invalid reference format\n'],
    ['nothing said at all', DOCKER_MISSING_IMAGE, ''],
    ['only a warning', PODMAN_MISSING_IMAGE, 'WARN[0000] cannot read cgroup\n'],
  ])('%s: a failure, never "absent"', (_case, missing, stderr) => {
    expect(onlyMissingImages(stderr, missing)).toBe(false);
  });
});
