/**
 * Runs the commands of one engine program: every call has a timeout and an abort signal, and a
 * failure comes back as an EngineError that says whether it is worth another attempt.
 */
import type { Writable } from 'node:stream';
import type { Log } from '../util/log.js';
import { run, type OutputStream, type RunResult } from '../util/process.js';
import { EngineError } from './errors.js';
import { classifyEngineFailure, type Classification } from './failures.js';
import { stalledClassification, StallWatch } from './stall.js';
import type { OperationOptions } from './types.js';

/** How long each kind of engine call may take unless the caller says otherwise. */
export const DEFAULT_TIMEOUTS_MS = {
  build: 60 * 60_000,
  pull: 20 * 60_000,
  push: 20 * 60_000,
  save: 20 * 60_000,
  prune: 5 * 60_000,
  login: 2 * 60_000,
  /** tag, inspect, remove, info, version. */
  query: 60_000,
} as const;

export type TimeoutKind = keyof typeof DEFAULT_TIMEOUTS_MS;

export interface EngineCall {
  /** Names the call in messages: `build`, `pull`, `image inspect`… */
  operation: string;
  subject: string;
  args: string[];
  timeout: TimeoutKind;
  env?: Record<string, string | undefined>;
  /** Written to stdin (a password). */
  input?: string;
  /** Called with stdin once the program runs (an image archive is written into it). */
  onStdin?: (stdin: Writable) => void;
  /** Where stdout goes as raw bytes (an image archive), instead of into the result. */
  stdoutTo?: Writable;
  /** Output shown live in a collapsible group (builds, pulls, pushes); otherwise only captured. */
  showOutput?: boolean;
  /** A transfer: stopped as stalled when it prints nothing for the engine's `stallMs`. */
  transfer?: boolean;
  onLine?: (line: string, stream: OutputStream) => void;
  /** Tells a non-zero exit that is an answer from a failure (`image inspect` of a missing image). */
  isAnswer?: (result: RunResult) => boolean;
  /** Finds the line that locates a failure (the failed Dockerfile step). */
  locate?: (result: RunResult) => string | undefined;
}

export interface EngineCliOptions {
  /** For messages: `docker`, `podman`. */
  name: string;
  /** The program to run: a name on PATH or a path. */
  program: string;
  log: Log;
  /** Environment for every call (merged over the process environment). */
  env?: Record<string, string | undefined>;
  installHint: string;
  /** How long a transfer may print nothing before it is stopped as stalled; none: no limit. */
  stallMs?: number;
}

export class EngineCli {
  constructor(readonly options: EngineCliOptions) {}

  /** Runs the call; resolves with its result when it succeeded (or its exit was an answer). */
  async call(call: EngineCall, options: OperationOptions = {}): Promise<RunResult> {
    const { stallMs } = this.options;
    const stall = call.transfer && stallMs !== undefined ? new StallWatch(stallMs) : undefined;
    const signal = stall && options.signal ? AbortSignal.any([options.signal, stall.signal]) : (stall?.signal ?? options.signal);
    const result = await this.execute(call, { ...options, signal }, stall);
    stall?.stop();
    const ended = !result.timedOut && !result.cancelled && result.exitCode !== null;
    if (ended && (result.exitCode === 0 || call.isAnswer?.(result))) return result;
    throw this.failure(call, result, stall?.stalled ? stallMs : undefined);
  }

  /** Runs the call and returns whatever happened, never throwing for a failed command (probes). */
  async probe(args: string[], options: OperationOptions = {}): Promise<RunResult> {
    return this.execute({ operation: args[0] ?? '', subject: '', args, timeout: 'query' }, options);
  }

  private execute(call: EngineCall, options: OperationOptions, stall?: StallWatch): Promise<RunResult> {
    const log = options.log ?? this.options.log;
    const title = `${this.options.name} ${call.operation} ${call.subject}`.trim();
    return run(this.options.program, call.args, {
      env: { ...this.options.env, ...call.env },
      input: call.input,
      onStdin: call.onStdin,
      stdoutTo: call.stdoutTo,
      log,
      group: call.showOutput ? title : undefined,
      quiet: !call.showOutput,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUTS_MS[call.timeout],
      signal: options.signal,
      onLine: (line, stream) => {
        stall?.progress();
        call.onLine?.(line, stream);
      },
      installHint: this.options.installHint,
    });
  }

  /** `stalledAfterMs`: the call was stopped for printing nothing that long. */
  private failure(call: EngineCall, result: RunResult, stalledAfterMs?: number): EngineError {
    const stalled = stalledAfterMs !== undefined;
    const classification = stalled ? stalledClassification(stalledAfterMs) : result.cancelled ? CANCELLED : classifyEngineFailure(failureOf(result));
    return new EngineError({
      command: `${this.options.name} ${call.operation}`,
      subject: call.subject,
      classification,
      exitCode: result.exitCode,
      timedOut: result.timedOut,
      cancelled: result.cancelled && !stalled,
      stalled,
      tail: result.tail,
      location: call.locate?.(result),
    });
  }
}

const CANCELLED: Classification = { class: 'unknown', rule: 'cancelled', reason: 'the command was cancelled' };

function failureOf(result: RunResult) {
  return { output: `${result.stdout}\n${result.stderr}`, exitCode: result.exitCode, timedOut: result.timedOut };
}
