/**
 * Reads the files of one context listing, each at most once: the content digest that the hash
 * needs and, for Go sources, what the import closure needs come from the same read. Images that
 * share a context share one of these, so a file in several closures is read once.
 */
import { hash as oneShotHash, createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type { ContextEntry } from './context.js';
import type { ContextReader } from './go-closure.js';
import { parseGoFile, type GoFileInfo } from './go-source.js';

const READ_BUFFER_BYTES = 256 * 1024;

export class ContextFiles implements ContextReader {
  private readonly digests = new Map<string, string>();
  private readonly goFiles = new Map<string, GoFileInfo>();
  private readonly buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);

  /** `dir`: the absolute context directory the listing's paths are relative to. */
  constructor(readonly dir: string) {}

  /** sha256 (hex) of a file's bytes. */
  digest(entry: ContextEntry): string {
    const known = this.digests.get(entry.path);
    if (known !== undefined) return known;
    const digest = this.streamDigest(entry);
    this.digests.set(entry.path, digest);
    return digest;
  }

  goFile(entry: ContextEntry): GoFileInfo {
    const known = this.goFiles.get(entry.path);
    if (known) return known;
    const bytes = this.whole(entry);
    const info = parseGoFile(entry.path, bytes.toString('utf8'));
    this.goFiles.set(entry.path, info);
    this.digests.set(entry.path, sha256(bytes));
    return info;
  }

  text(entry: ContextEntry): string {
    return this.whole(entry).toString('utf8');
  }

  private absolute(entry: ContextEntry): string {
    return `${this.dir}/${entry.path}`; // listing paths are clean, no join needed
  }

  /** The file's bytes: in the shared buffer when they fit in one read (valid until the next read). */
  private whole(entry: ContextEntry): Buffer {
    return this.read(
      entry,
      (bytes) => bytes,
      (chunks) => Buffer.concat(Array.from(chunks, (chunk) => Buffer.from(chunk))),
    );
  }

  /** sha256 of the file, streamed in buffer-sized reads: memory stays bounded whatever its size. */
  private streamDigest(entry: ContextEntry): string {
    return this.read(entry, sha256, (chunks) => {
      const hash = createHash('sha256');
      for (const chunk of chunks) hash.update(chunk);
      return hash.digest('hex');
    });
  }

  /**
   * Reads a file into the shared buffer: no allocation and no size query per file, since the
   * listing knows the size. A short read that completes the listed size is the end, so most files
   * take one read and go to `inOneRead`; a bigger one (or one that grew since the listing) goes to
   * `inChunks` chunk by chunk, each chunk valid until the next is read.
   */
  private read<T>(entry: ContextEntry, inOneRead: (bytes: Buffer) => T, inChunks: (chunks: Iterable<Buffer>) => T): T {
    const fd = openSync(this.absolute(entry), 'r');
    try {
      const buffer = this.buffer;
      const first = readSync(fd, buffer);
      if (first < buffer.length && first >= entry.size) return inOneRead(buffer.subarray(0, first));
      return inChunks(
        (function* () {
          yield buffer.subarray(0, first);
          for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) yield buffer.subarray(0, read);
        })(),
      );
    } finally {
      closeSync(fd);
    }
  }
}

export function sha256(bytes: Buffer): string {
  return oneShotHash('sha256', bytes);
}
