/** Turning a child's byte stream into lines as they arrive, and keeping a bounded copy of it. */
import type { ChildProcess } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import type { Log } from './log.js';
import { redact } from './secrets.js';

export type OutputStream = 'stdout' | 'stderr';

/** A line longer than this is passed on in pieces, so output without newlines cannot grow a buffer. */
const MAX_LINE_CHARS = 64 * 1024;

/** Calls `onLine` for every complete line (without `\n` or `\r\n`) as soon as it is complete. */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    this.feed(this.decoder.write(chunk));
  }

  /** Passes on the last line even when it has no newline. */
  end(): void {
    this.feed(this.decoder.end());
    if (this.partial !== '') this.onLine(this.partial);
    this.partial = '';
  }

  private feed(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
    while (this.partial.length > MAX_LINE_CHARS) {
      this.onLine(this.partial.slice(0, MAX_LINE_CHARS));
      this.partial = this.partial.slice(MAX_LINE_CHARS);
    }
  }
}

/** Keeps the first `limitBytes` bytes of a stream and remembers whether more arrived. */
export class BoundedCapture {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  truncated = false;

  constructor(private readonly limitBytes: number) {}

  push(chunk: Buffer): void {
    const room = this.limitBytes - this.size;
    if (chunk.length > room) this.truncated = true;
    if (room <= 0) return;
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    this.chunks.push(kept);
    this.size += kept.length;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** The last `size` items pushed, oldest first. */
export class Tail<T> {
  private readonly items: T[] = [];

  constructor(private readonly size: number) {}

  push(item: T): void {
    if (this.size <= 0) return;
    this.items.push(item);
    if (this.items.length > this.size) this.items.shift();
  }

  toArray(): T[] {
    return [...this.items];
  }
}

export interface CommandOutputOptions {
  /** How many lines `tail` keeps. */
  tailLines: number;
  /** Bytes of each stream kept. */
  maxCaptureBytes: number;
  /** Called with every line (redacted) as it arrives. */
  onLine?: (line: string, stream: OutputStream) => void;
  /** Gets every line (redacted) as it arrives. */
  printer?: Log;
}

export interface CapturedOutput {
  /** Raw, at most maxCaptureBytes of each stream; not redacted (callers parse it). */
  stdout: string;
  stderr: string;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  /** The last lines of both streams in arrival order, redacted. */
  tail: string[];
}

/** The program's output: captured (bounded), split into redacted lines for the log, the tail and onLine. */
export class CommandOutput {
  private readonly tail: Tail<string>;
  private readonly capture: Record<OutputStream, BoundedCapture>;
  private readonly splitters: LineSplitter[] = [];

  constructor(private readonly options: CommandOutputOptions) {
    this.tail = new Tail<string>(options.tailLines);
    this.capture = { stdout: new BoundedCapture(options.maxCaptureBytes), stderr: new BoundedCapture(options.maxCaptureBytes) };
  }

  read(child: ChildProcess, streams: readonly OutputStream[]): void {
    for (const stream of streams) {
      const splitter = new LineSplitter((raw) => {
        const line = redact(raw);
        this.tail.push(line);
        this.options.printer?.info(line);
        this.options.onLine?.(line, stream);
      });
      child[stream]?.on('data', (chunk: Buffer) => {
        this.capture[stream].push(chunk);
        splitter.push(chunk);
      });
      this.splitters.push(splitter);
    }
  }

  /** Passes on the last lines, which may have no newline. */
  end(): void {
    for (const splitter of this.splitters) splitter.end();
  }

  captured(): CapturedOutput {
    return {
      stdout: this.capture.stdout.text(),
      stderr: this.capture.stderr.text(),
      stdoutTruncated: this.capture.stdout.truncated,
      stderrTruncated: this.capture.stderr.truncated,
      tail: this.tail.toArray(),
    };
  }
}
