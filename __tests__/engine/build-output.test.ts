import { BuildOutputReader } from '../../src/engine/build-output.js';

function read(output: string): BuildOutputReader {
  const reader = new BuildOutputReader();
  output.split('\n').forEach(reader.push);
  return reader;
}

// Docker 20.10 with DOCKER_BUILDKIT=1 --progress plain, a rebuild with nothing changed; the cache
// import failure (#7) is a warning BuildKit prints in successful builds too.
const BUILDKIT_ALL_CACHED = `#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 31B done
#1 DONE 0.0s
#7 importing cache manifest from 127.0.0.1:5000/exp/cache:buildcache
#7 ERROR: 127.0.0.1:5000/exp/cache:buildcache: not found
#4 [1/3] COPY busybox /bin/busybox
#4 sha256:e812b6a07efa4f1a5e63f2743b8c523ff5aad983bf65a860dfb77dd3f299ff00
#4 CACHED
#5 [builder 2/3] RUN ["/bin/busybox", "--install", "-s", "/bin"]
#5 CACHED
#6 [3/3] RUN echo 1 > /x
#6 CACHED
#8 exporting to image
#8 writing image sha256:ed09898fe55b64001f64a148b755ee1a9c83a6ea2a794fdcfd129a536dd1ad52 done`;

const BUILDKIT_FAILED = `#4 [2/3] RUN ["/bin/busybox", "--install", "-s", "/bin"]
#4 CACHED
#5 [3/3] RUN echo about to fail && exit 3
#5 0.218 about to fail
#5 ERROR: executor failed running [/bin/sh -c echo about to fail && exit 3]: exit code: 3
------
 > [3/3] RUN echo about to fail && exit 3:
------
executor failed running [/bin/sh -c echo about to fail && exit 3]: exit code: 3`;

// Podman 4.3, a rebuild where only the last step changed.
const BUILDAH_PARTLY_CACHED = `STEP 1/5: FROM scratch
STEP 2/5: COPY busybox /bin/busybox
--> Using cache c5bd35f184731da88f957affe5fed5e022b502774cc08fe65cf4f0243445a7d6
--> c5bd35f1847
STEP 3/5: RUN ["/bin/busybox", "--install", "-s", "/bin"]
--> Using cache da9c6db64207fc8b1bb4aebd5d56d13bc54e5dcd7c50041e45ee01c33b04a1f3
--> da9c6db6420
STEP 4/5: ARG X=1
--> Using cache e7bddaa5be76f1e79859d8192976ed836ba1b636d2289036f4171f4215ff4639
--> e7bddaa5be7
STEP 5/5: RUN echo $X > /x
COMMIT exp:1
--> 6b4a8c06a67
Successfully tagged localhost/exp:1`;

describe('BuildOutputReader', () => {
  it('sees a BuildKit build whose every step was cached, without counting internal vertices', () => {
    const reader = read(BUILDKIT_ALL_CACHED);
    expect([reader.steps, reader.cachedSteps, reader.fromCache]).toEqual([3, 3, true]);
  });

  it('sees a buildah build that ran a step', () => {
    const reader = read(BUILDAH_PARTLY_CACHED);
    expect([reader.steps, reader.cachedSteps, reader.fromCache]).toEqual([4, 3, false]);
  });

  it('counts nothing as cached in a build that printed no steps', () => {
    expect(read('Successfully tagged localhost/exp:1').fromCache).toBe(false);
  });

  it('names the failed step from BuildKit’s error block', () => {
    expect(read(BUILDKIT_FAILED).failingStep).toBe('[3/3] RUN echo about to fail && exit 3');
  });

  it('names the step buildah was at when it failed', () => {
    const output = `${BUILDAH_PARTLY_CACHED.split('COMMIT')[0]}Error: building at STEP "RUN echo $X > /x": while running runtime: exit status 1`;
    expect(read(output).failingStep).toBe('STEP 5/5: RUN echo $X > /x');
  });
});
