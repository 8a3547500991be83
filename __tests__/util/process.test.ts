import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleLog, registerSecret } from '../../src/util/log.js';
import { ProcessError, ProgramNotFoundError, run, runChecked } from '../../src/util/process.js';
import { UrgentStop } from '../../src/util/urgent-stop.js';

const node = process.execPath;
const SH = '/bin/sh';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'process-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A log writing into an array, one entry per printed line. */
function capturedLog(): { log: ReturnType<typeof consoleLog>; lines: string[] } {
  const lines: string[] = [];
  const log = consoleLog({ write: (text: string) => lines.push(...text.split('\n').slice(0, -1)) });
  return { log, lines };
}

/** Alive = exists and is not a zombie (an unreaped zombie holds no resources and cannot run). */
function alive(pid: number): boolean {
  if (!existsSync(`/proc/${pid}/stat`)) return false;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}

/** A node program that prints `first`, waits until `flag` exists, then prints `second`. */
const printWaitPrint = `
  const fs = require('node:fs');
  console.log('first');
  const timer = setInterval(() => { if (fs.existsSync(process.argv[1])) { clearInterval(timer); console.log('second'); } }, 10);
`;

describe('run', () => {
  it('streams each line while the program is still running', async () => {
    const flag = join(dir, 'flag');
    const { log, lines } = capturedLog();
    const seen: string[] = [];
    const result = await run(node, ['-e', printWaitPrint, flag], {
      log,
      onLine: (line) => {
        seen.push(line);
        // The program cannot print `second` until this runs: `first` must arrive before it ends.
        if (line === 'first') writeFileSync(flag, '');
      },
    });
    expect(seen).toEqual(['first', 'second']);
    expect(lines.slice(1)).toEqual(['first', 'second']);
    expect(lines[0]).toMatch(/^\$ .*node -e /);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('first\nsecond\n');
  });

  it('keeps the last lines of stdout and stderr in arrival order', async () => {
    const script = `
      const fs = require('node:fs');
      const waitFor = (f, then) => { const t = setInterval(() => { if (fs.existsSync(f)) { clearInterval(t); then(); } }, 10); };
      for (let i = 1; i <= 5; i++) console.log('out ' + i);
      waitFor(process.argv[1], () => { console.error('err 1'); waitFor(process.argv[2], () => console.log('out 6')); });
    `;
    const [outDone, errDone] = [join(dir, 'out-done'), join(dir, 'err-done')];
    const result = await run(node, ['-e', script, outDone, errDone], {
      tailLines: 3,
      onLine: (line) => {
        if (line === 'out 5') writeFileSync(outDone, '');
        if (line === 'err 1') writeFileSync(errDone, '');
      },
    });
    expect(result.tail).toEqual(['out 5', 'err 1', 'out 6']);
    expect(result.stderr).toBe('err 1\n');
  });

  it('passes the last line even without a trailing newline', async () => {
    const result = await run(node, ['-e', "process.stdout.write('a\\r\\nb')"]);
    expect(result.tail).toEqual(['a', 'b']);
  });

  it('writes input to stdin and merges env over the environment', async () => {
    const echo = await run(node, ['-e', 'process.stdin.pipe(process.stdout)'], { input: 'hello\n' });
    expect(echo.stdout).toBe('hello\n');

    const script = 'console.log(process.env.EXTRA_VAR, process.env.HOME === undefined)';
    const merged = await run(node, ['-e', script], { env: { EXTRA_VAR: 'extra', HOME: undefined } });
    expect(merged.stdout.trim()).toBe('extra true');
    const replaced = await run(node, ['-e', 'console.log(Object.keys(process.env).join(","))'], {
      env: { ONLY: '1' },
      replaceEnv: true,
    });
    expect(replaced.stdout.trim()).toBe('ONLY');
  });

  it('bounds the captured output and says so', async () => {
    const result = await run(node, ['-e', "for (let i = 0; i < 2000; i++) console.log('x'.repeat(99))"], {
      maxCaptureBytes: 1000,
    });
    expect(result.stdout).toHaveLength(1000);
    expect(result.stdoutTruncated).toBe(true);
    expect(result.stderrTruncated).toBe(false);
    expect(result.tail).toHaveLength(40);
  });

  it('stops the whole process tree on timeout, escalating to SIGKILL when SIGTERM is ignored', async () => {
    // The shell and its background job both ignore SIGTERM (an ignored signal is inherited).
    const result = await run(SH, ['-c', 'trap "" TERM; sleep 100 & echo $!; wait'], {
      timeoutMs: 300,
      killGraceMs: 200,
    });
    const grandchild = Number(result.tail[0]);
    expect(grandchild).toBeGreaterThan(0);
    expect(result.timedOut).toBe(true);
    expect(result.signal).toBe('SIGKILL');
    expect(alive(grandchild)).toBe(false);
    expect(alive(result.pid as number)).toBe(false);
  });

  it('gives a program that ignores SIGTERM only the short grace when the stop is urgent (the runner kills the step in seconds)', async () => {
    const controller = new AbortController();
    const started = run(SH, ['-c', 'trap "" TERM; echo ready; sleep 1000 & wait'], {
      signal: controller.signal,
      // Far beyond this test's limit: only the urgent grace can end it in time.
      killGraceMs: 10 * 60_000,
      onLine: () => controller.abort(new UrgentStop('the run was cancelled by SIGINT')),
    });
    const result = await started;
    expect(result.cancelled).toBe(true);
    expect(result.signal).toBe('SIGKILL');
  }, 30_000);

  it('stops the whole process tree when cancelled', async () => {
    const controller = new AbortController();
    const { log, lines } = capturedLog();
    let grandchild = 0;
    const result = await run(SH, ['-c', 'sleep 100 & echo $!; sleep 100'], {
      signal: controller.signal,
      log,
      onLine: (line) => {
        grandchild = Number(line);
        controller.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.timedOut).toBe(false);
    expect(result.signal).toBe('SIGTERM');
    expect(alive(grandchild)).toBe(false);
    expect(lines).toContain(`${SH} was cancelled: stopping it and its child processes`);
  });

  it('does not start a program when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const marker = join(dir, 'ran');
    const result = await run(node, ['-e', `require('node:fs').writeFileSync(${JSON.stringify(marker)}, '')`], {
      signal: controller.signal,
    });
    expect(result.cancelled).toBe(true);
    expect(result.pid).toBeUndefined();
    expect(existsSync(marker)).toBe(false);
  });

  it('returns when the program exits even if a background process keeps its output open', async () => {
    const result = await run(SH, ['-c', 'sleep 100 & echo $!']);
    const leftover = Number(result.tail[0]);
    try {
      expect(result.exitCode).toBe(0);
      expect(alive(leftover)).toBe(true); // left alone: only timeouts and cancellation stop the tree
    } finally {
      process.kill(leftover, 'SIGKILL');
    }
  });

  it('explains a missing program instead of failing with ENOENT', async () => {
    const failure = run('no-such-program-aianalysis', ['x'], { installHint: 'install it or set the tool-path input' });
    await expect(failure).rejects.toBeInstanceOf(ProgramNotFoundError);
    await expect(failure).rejects.toThrow(
      /^no-such-program-aianalysis was not found on PATH: install it or set the tool-path input \(PATH=/,
    );
    await expect(run(join(dir, 'missing-tool'), [])).rejects.toThrow(`${join(dir, 'missing-tool')} does not exist`);
    await expect(run(node, ['-e', ''], { cwd: join(dir, 'gone') })).rejects.toThrow(
      `its working directory ${join(dir, 'gone')} does not exist`,
    );
  });

  it('puts the command and its output in a group', async () => {
    const { log, lines } = capturedLog();
    await run(node, ['-e', "console.log('inside')"], { log, group: 'Say hello' });
    expect(lines[0]).toBe('▶ Say hello');
    expect(lines[2]).toBe('inside');
    expect(lines[3]).toMatch(/^◀ Say hello \(\d+\.\ds\)$/);
  });

  it('prints nothing but the debug command line when quiet', async () => {
    const lines: string[] = [];
    const log = consoleLog({ write: (text: string) => lines.push(text) }, { debug: true });
    const result = await run(node, ['-e', "console.log('captured')"], { log, quiet: true });
    expect(result.stdout).toBe('captured\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^debug: \$ .*node -e /);
  });
});

describe('runChecked', () => {
  it('throws a ProcessError with the exit code and the tail', async () => {
    const failure = runChecked(node, ['-e', "console.log('compiling'); console.error('boom'); process.exit(3)"]);
    await expect(failure).rejects.toBeInstanceOf(ProcessError);
    const error = (await failure.catch((e: unknown) => e)) as ProcessError;
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(/ failed with exit code 3 after /);
    expect(error.message).toContain('  boom');
    expect(error.tail).toContain('compiling');
  });

  it('accepts the allowed exit codes', async () => {
    const result = await runChecked(node, ['-e', 'process.exit(3)'], { allowedExitCodes: [0, 3] });
    expect(result.exitCode).toBe(3);
  });

  it('throws on timeout and on cancellation', async () => {
    await expect(runChecked(SH, ['-c', 'sleep 100'], { timeoutMs: 100, killGraceMs: 100 })).rejects.toThrow(
      /timed out after/,
    );
    const controller = new AbortController();
    controller.abort();
    await expect(runChecked(SH, ['-c', 'true'], { signal: controller.signal })).rejects.toThrow(
      'was cancelled before it started',
    );
  });
});

describe('secrets', () => {
  const secret = 'pr0cess-t0ken-value';
  beforeAll(() => registerSecret(secret));

  it('never prints a secret given in args or env, nor puts it in the tail or an error', async () => {
    const { log, lines } = capturedLog();
    const failure = runChecked(
      node,
      ['-e', "console.log('arg', process.argv[1]); console.error('env', process.env.TOKEN); process.exit(1)", secret],
      { log, env: { TOKEN: secret } },
    );
    const error = (await failure.catch((e: unknown) => e)) as ProcessError;
    expect(error).toBeInstanceOf(ProcessError);
    expect(error.message).not.toContain(secret);
    expect(error.message).toContain('arg ***');
    expect(error.command).toContain('***');
    expect(error.tail.join('\n')).not.toContain(secret);
    expect(lines.join('\n')).not.toContain(secret);
    expect(lines).toContain('env ***');
  });

  it('keeps the raw output for callers to parse', async () => {
    const result = await run(node, ['-e', 'console.log(process.argv[1])', secret]);
    expect(result.stdout).toBe(`${secret}\n`);
    expect(result.tail).toEqual(['***']);
  });
});
