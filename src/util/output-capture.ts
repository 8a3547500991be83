/** Turning a child's byte stream into lines as they arrive, and keeping a bounded copy of it. */
import { StringDecoder } from 'node:string_decoder';

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
