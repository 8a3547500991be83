/**
 * A second distribution registry that requires a password (htpasswd, bcrypt), on a free loopback
 * port, for login tests. The bcrypt entry comes from `htpasswd -B` (apache2-utils) when it is
 * installed, else from Python's crypt module (libxcrypt); the password goes through stdin.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface AuthRegistry {
  /** host:port */
  address: string;
  username: string;
  password: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function runWithInput(program: string, args: string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(program, args, (error, stdout, stderr) =>
      error ? reject(new Error(`${program} failed: ${stderr || error.message}`)) : resolve(stdout),
    );
    child.stdin?.end(input);
  });
}

async function htpasswdLine(username: string, password: string): Promise<string> {
  try {
    return (await runWithInput('htpasswd', ['-niB', username], password)).trim();
  } catch {
    const script = 'import crypt,sys; print(sys.argv[1] + ":" + crypt.crypt(sys.stdin.read(), crypt.mksalt(crypt.METHOD_BLOWFISH)))';
    return (await runWithInput('python3', ['-W', 'ignore', '-c', script, username], password)).trim();
  }
}

async function answers(address: string): Promise<boolean> {
  try {
    const response = await fetch(`http://${address}/v2/`, { signal: AbortSignal.timeout(1000) });
    return response.status === 401;
  } catch {
    return false;
  }
}

export async function startAuthRegistry(): Promise<AuthRegistry> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'auth-registry-'));
  const username = 'e2e-tester';
  const password = `pw-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  await writeFile(path.join(dir, 'htpasswd'), `${await htpasswdLine(username, password)}\n`);
  const address = `127.0.0.1:${await freePort()}`;
  await writeFile(
    path.join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log: { level: error, accesslog: { disabled: true } }',
      `storage: { filesystem: { rootdirectory: ${path.join(dir, 'data')} }, delete: { enabled: true } }`,
      `http: { addr: ${address} }`,
      `auth: { htpasswd: { realm: e2e-tests, path: ${path.join(dir, 'htpasswd')} } }`,
    ].join('\n'),
  );
  const child: ChildProcess = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], { stdio: 'ignore' });
  const deadline = Date.now() + 15_000;
  while (!(await answers(address))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`the password-protected registry did not start on ${address}`);
    }
    await sleep(100);
  }
  return {
    address,
    username,
    password,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
