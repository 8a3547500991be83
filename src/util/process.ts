/**
 * The process runner: every external program the engine uses runs through here. Programs get an
 * argument array, never a shell; their output streams live, line by line, into a Log; a timeout
 * or cancellation stops the program's whole process tree.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Socket } from 'node:net';
import type { Writable } from 'node:stream';
import { childEnvironment } from './child-env.js';
import { formatDuration } from './duration.js';
import type { Log } from './log.js';
import { CommandOutput, type OutputStream } from './output-capture.js';
import { TreeStopper } from './process-tree.js';
import { redact } from './secrets.js';

export const DEFAULT_TAIL_LINES = 40;
export const DEFAULT_KILL_GRACE_MS = 10_000;
/** Per stream; the rest of a chattier stream is dropped (see RunResult.stdoutTruncated). */
export const DEFAULT_MAX_CAPTURE_BYTES = 16 * 1024 * 1024;
/**
 * After the program exits, how long to wait for its output pipes to close. A background process
 * it left behind can hold them open forever; the run then stops reading instead of hanging.
 */
const LEFTOVER_OUTPUT_WAIT_MS = 2_000;

export type { OutputStream } from './output-capture.js';

export interface RunOptions {
  cwd?: string;
  /**
   * Merged over the children's environment (process.env without the action's inputs, secrets and
   * the runner's command files: see child-env), unless `replaceEnv`; `undefined` removes a variable.
   */
  env?: Record<string, string | undefined>;
  /** Use `env` alone instead of merging it over process.env. */
  replaceEnv?: boolean;
  /** Written to the program's stdin, which is then closed. Without it (or onStdin) stdin is /dev/null. */
  input?: string | Buffer;
  /** Called with the program's stdin once it runs: the caller writes into it and closes it. */
  onStdin?: (stdin: Writable) => void;
  /**
   * The program's stdout goes here as raw bytes (an image archive into another program), not
   * into the result or the log; stderr is still captured and logged. Another program's stdin is
   * handed over as it is, so the two talk through one pipe as in `a | b`.
   */
  stdoutTo?: Writable;
  /** Receives the command line and every output line as it arrives. Without it output is only captured. */
  log?: Log;
  /** Puts the command line and its output in a collapsible group with this title (not when quiet). */
  group?: string;
  /** Capture only: the command line goes to `log.debug`, the output is not printed. */
  quiet?: boolean;
  /** Stops the process tree after this long; the result then has `timedOut`. */
  timeoutMs?: number;
  /** Stops the process tree when aborted; the result then has `cancelled`. */
  signal?: AbortSignal;
  /**
   * Time between SIGTERM and SIGKILL when stopping the tree. Default 10 s; at most a few seconds
   * when `signal` was aborted by an UrgentStop (see urgent-stop).
   */
  killGraceMs?: number;
  /** How many output lines `RunResult.tail` keeps. Default 40. */
  tailLines?: number;
  /** Bytes of stdout and of stderr kept in the result. Default 16 MiB each. */
  maxCaptureBytes?: number;
  /** Called with every output line (redacted) as it arrives. */
  onLine?: (line: string, stream: OutputStream) => void;
  /** Completes "`<program>` was not found on PATH: …". Default: install it or add its directory to PATH. */
  installHint?: string;
}

export interface RunResult {
  /** The command line as shown in logs (redacted). */
  command: string;
  pid: number | undefined;
  /** `null` when the program was ended by a signal or never started (cancelled before start). */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  durationMs: number;
  timedOut: boolean;
  cancelled: boolean;
  /** Raw output, at most `maxCaptureBytes` of each stream; not redacted (callers parse it). */
  stdout: string;
  stderr: string;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  /** The last `tailLines` lines of stdout and stderr in arrival order, redacted. */
  tail: string[];
}

export interface CheckedRunOptions extends RunOptions {
  /** Exit codes that count as success. Default [0]. */
  allowedExitCodes?: number[];
}

/** A program that ran but failed: non-zero exit, killed by a signal, timed out or cancelled. */
export class ProcessError extends Error {
  readonly command: string;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly cancelled: boolean;
  readonly durationMs: number;
  readonly tail: string[];

  constructor(result: RunResult) {
    super(`${result.command} ${describeFailure(result)}\n${describeTail(result.tail)}`);
    this.name = 'ProcessError';
    this.command = result.command;
    this.exitCode = result.exitCode;
    this.signal = result.signal;
    this.timedOut = result.timedOut;
    this.cancelled = result.cancelled;
    this.durationMs = result.durationMs;
    this.tail = result.tail;
  }
}

/** The program does not exist (or is not on PATH). */
export class ProgramNotFoundError extends Error {
  constructor(readonly program: string, hint: string, searchPath: string | undefined) {
    super(
      redact(
        program.includes('/')
          ? `${program} does not exist: ${hint}`
          : `${program} was not found on PATH: ${hint} (PATH=${searchPath ?? ''})`,
      ),
    );
    this.name = 'ProgramNotFoundError';
  }
}

function describeFailure(result: RunResult): string {
  const after = formatDuration(result.durationMs);
  if (result.timedOut) return `timed out after ${after}`;
  if (result.cancelled) return result.pid === undefined ? 'was cancelled before it started' : `was cancelled after ${after}`;
  if (result.signal !== null) return `was killed by ${result.signal} after ${after}`;
  return `failed with exit code ${result.exitCode} after ${after}`;
}

function describeTail(tail: string[]): string {
  if (tail.length === 0) return '(it printed nothing)';
  return [`last ${tail.length} line(s) of output:`, ...tail.map((line) => `  ${line}`)].join('\n');
}

/**
 * The command line for logs: each word redacted (before quoting, which would hide a secret
 * containing a quote), quoted when needed, newlines shown as `\n` so it stays one line.
 */
export function displayCommand(program: string, args: readonly string[]): string {
  const quote = (word: string) =>
    /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`).replace(/\r?\n/g, '\\n')}'`;
  return [program, ...args].map((word) => quote(redact(word))).join(' ');
}

/**
 * Runs `program` with `args` and resolves when it has ended, whatever its exit code. Throws only
 * when the program cannot be started (ProgramNotFoundError for a missing program).
 */
export async function run(program: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const { log, group, quiet } = opts;
  if (log !== undefined && group !== undefined && !quiet) return log.group(group, () => spawnAndWatch(program, args, opts));
  return spawnAndWatch(program, args, opts);
}

/** Like `run`, but a failure (see ProcessError) is thrown instead of returned. */
export async function runChecked(
  program: string,
  args: readonly string[],
  opts: CheckedRunOptions = {},
): Promise<RunResult> {
  const result = await run(program, args, opts);
  const allowed = opts.allowedExitCodes ?? [0];
  if (result.timedOut || result.cancelled || result.exitCode === null || !allowed.includes(result.exitCode)) {
    throw new ProcessError(result);
  }
  return result;
}

async function spawnAndWatch(program: string, args: readonly string[], opts: RunOptions): Promise<RunResult> {
  const command = displayCommand(program, args);
  const startedAt = Date.now();
  const printer = opts.quiet ? undefined : opts.log;
  if (opts.quiet) opts.log?.debug(`$ ${command}`);
  printer?.info(`$ ${command}`);

  const output = new CommandOutput({
    tailLines: opts.tailLines ?? DEFAULT_TAIL_LINES,
    maxCaptureBytes: opts.maxCaptureBytes ?? DEFAULT_MAX_CAPTURE_BYTES,
    onLine: opts.onLine,
    printer,
  });
  const finish = (fields: Pick<RunResult, 'pid' | 'exitCode' | 'signal' | 'timedOut' | 'cancelled'>): RunResult => ({
    command,
    ...fields,
    durationMs: Date.now() - startedAt,
    ...output.captured(),
  });
  if (opts.signal?.aborted) {
    return finish({ pid: undefined, exitCode: null, signal: null, timedOut: false, cancelled: true });
  }

  const { child, env, directStdout } = spawnProgram(program, args, opts);
  output.read(child, opts.stdoutTo ? ['stderr'] : ['stdout', 'stderr']);
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.once('exit', (code, sig) => resolve([code, sig])),
  );
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  await started(child, program, opts, env.PATH);
  // The program has its own copy of the other program's stdin: the reader sees the end when it exits.
  directStdout?.destroy();
  feedStdin(child, opts);

  const pid = child.pid as number;
  const stopper = new TreeStopper({
    pid,
    program,
    timeoutMs: opts.timeoutMs,
    signal: opts.signal,
    killGraceMs: opts.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
    printer,
  });
  const [exitCode, signal] = await exited;
  const drained = await settlesWithin(closed, LEFTOVER_OUTPUT_WAIT_MS);
  stopper.dispose();
  if (!drained) {
    opts.log?.debug(`${program} exited but left a process holding its output open; no longer reading it`);
    child.stdout?.destroy();
    child.stderr?.destroy();
  }
  await stopper.stopped();
  output.end();
  return finish({ pid, exitCode, signal, timedOut: stopper.timedOut, cancelled: stopper.cancelled });
}

/** Starts the program in its own process group, without a shell, its stdout where opts say. */
function spawnProgram(program: string, args: readonly string[], opts: RunOptions) {
  const env = opts.replaceEnv ? definedOnly(opts.env ?? {}) : definedOnly({ ...childEnvironment(), ...opts.env });
  const directStdout = opts.stdoutTo instanceof Socket ? opts.stdoutTo : undefined;
  const child = spawn(program, args, {
    cwd: opts.cwd,
    env,
    stdio: [opts.input === undefined && opts.onStdin === undefined ? 'ignore' : 'pipe', directStdout ?? 'pipe', 'pipe'],
    // Its own process group, so a timeout or cancellation can stop the whole tree.
    detached: true,
    shell: false,
  });
  if (opts.stdoutTo && !directStdout) child.stdout?.pipe(opts.stdoutTo);
  return { child, env, directStdout };
}

function feedStdin(child: ChildProcess, opts: RunOptions): void {
  if (!child.stdin) return;
  child.stdin.on('error', () => {}); // the program may exit without reading its input
  if (opts.input !== undefined) child.stdin.end(opts.input);
  if (opts.onStdin) opts.onStdin(child.stdin);
}

/** Resolves once the program is running; turns a failed start into an error that says what to do. */
function started(child: ChildProcess, program: string, opts: RunOptions, searchPath: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' && opts.cwd !== undefined && !existsSync(opts.cwd)) {
        reject(new Error(redact(`cannot run ${program}: its working directory ${opts.cwd} does not exist`)));
      } else if (error.code === 'ENOENT') {
        reject(new ProgramNotFoundError(program, opts.installHint ?? 'install it or add its directory to PATH', searchPath));
      } else if (error.code === 'EACCES') {
        reject(new Error(redact(`cannot run ${program}: it is not executable (permission denied)`)));
      } else {
        reject(new Error(redact(`cannot run ${program}: ${error.message}`)));
      }
    });
  });
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), expired]);
  } finally {
    clearTimeout(timer);
  }
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
