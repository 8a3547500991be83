import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { testbedEnv } from './env.js';

const execFileAsync = promisify(execFile);

/** A loopback port that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('testbedEnv', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'testbed-env-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('tells how to bring the testbed up when .env is missing', async () => {
    const file = join(dir, 'missing.env');
    await expect(testbedEnv(file)).rejects.toThrow(
      `the testbed is not up: run bash __tests__/testbed/up.sh (cannot read ${file}: ENOENT)`,
    );
  });

  it('names the key a truncated .env lacks', async () => {
    const file = join(dir, 'truncated.env');
    await writeFile(file, 'TESTBED_READY=1\nDOCKER=/usr/bin/docker\n');
    await expect(testbedEnv(file)).rejects.toThrow(`${file} has no DOCKER_HOST`);
  });

  it('names the service that does not answer', async () => {
    const port = await closedPort();
    const file = join(dir, 'dead-registry.env');
    await writeFile(
      file,
      [
        'TESTBED_READY=1',
        'DOCKER=/usr/bin/docker',
        'DOCKER_HOST=unix:///var/run/docker.sock',
        'PODMAN=/usr/bin/podman',
        `CONTAINERS_CONF=${join(import.meta.dirname, 'containers.conf')}`,
        `CONTAINERS_REGISTRIES_CONF=${join(import.meta.dirname, 'registries.conf')}`,
        `REGISTRY=127.0.0.1:${port}`,
        'TESTBED_BASE_IMAGE=localhost/testbed/busybox:1.35',
        'GO=/usr/bin/go',
        `TESTBED_STATE_DIR=${dir}`,
      ].join('\n'),
    );
    await expect(testbedEnv(file)).rejects.toThrow(/the testbed is not up/);
    await expect(testbedEnv(file)).rejects.toThrow(`registry at 127.0.0.1:${port}`);
  });

  describe('with the testbed up', () => {
    it('gives a Docker client that builds with BuildKit on the daemon at DOCKER_HOST', async () => {
      const env = await testbedEnv();
      const context = await mkdtemp(join(dir, 'context-'));
      await writeFile(join(context, 'Dockerfile'), `FROM ${env.baseImage}\nRUN echo built > /built\n`);
      const tag = `testbed-env-test:${process.pid}`;
      const options = { env: { ...process.env, ...env.processEnv, DOCKER_BUILDKIT: '1' } };
      await execFileAsync(env.docker, ['build', '-q', '--build-arg', 'BUILDKIT_INLINE_CACHE=1', '-t', tag, context], options);
      const { stdout } = await execFileAsync(env.docker, ['run', '--rm', tag, 'cat', '/built'], options);
      await execFileAsync(env.docker, ['rmi', tag], options);
      expect(stdout.trim()).toBe('built');
    });

    it('has the base image in Docker and in Podman without a pull', async () => {
      const env = await testbedEnv();
      const options = { env: { ...process.env, ...env.processEnv } };
      await expect(execFileAsync(env.docker, ['image', 'inspect', env.baseImage], options)).resolves.toBeDefined();
      await expect(execFileAsync(env.podman, ['image', 'exists', env.baseImage], options)).resolves.toBeDefined();
    });

    it('gives Podman the open-files limit the machine allows', async () => {
      const env = await testbedEnv();
      const { stdout } = await execFileAsync(
        env.podman,
        ['run', '--rm', '--network', 'none', env.baseImage, 'sh', '-c', 'ulimit -n'],
        { env: { ...process.env, ...env.processEnv } },
      );
      expect(stdout.trim()).toBe('20000');
    });

    it('gives a Go that builds coverage-instrumented binaries', async () => {
      const env = await testbedEnv();
      const { stdout } = await execFileAsync(env.go, ['tool', '-n', 'covdata']);
      expect(stdout.trim()).toMatch(/covdata$/);
    });
  });
});
