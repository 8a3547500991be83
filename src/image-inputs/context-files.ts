/**
 * Reads the files of one context listing, each at most once: the content digest that the hash
 * needs and, for Go sources, what the import closure needs come from the same read. Images that
 * share a context share one of these, so a file in several closures is read once.
 */
import { hash as oneShotHash, createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
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
    const bytes = readFileSync(this.absolute(entry));
    const info = parseGoFile(entry.path, bytes.toString('utf8'));
    this.goFiles.set(entry.path, info);
    this.digests.set(entry.path, sha256(bytes));
    return info;
  }

  text(entry: ContextEntry): string {
    return readFileSync(this.absolute(entry), 'utf8');
  }

  private absolute(entry: ContextEntry): string {
    return `${this.dir}/${entry.path}`; // listing paths are clean, no join needed
  }

  /**
   * Streams the file through sha256 in buffer-sized reads: memory stays bounded whatever its size.
   * A short read that completes the listed size is the end: most files fit one read, which saves
   * the read that would only return 0, and they are hashed in one call.
   */
  private streamDigest(entry: ContextEntry): string {
    const fd = openSync(this.absolute(entry), 'r');
    try {
      const first = readSync(fd, this.buffer);
      if (first < this.buffer.length && first >= entry.size) return sha256(this.buffer.subarray(0, first));
      const hash = createHash('sha256').update(this.buffer.subarray(0, first));
      for (let read = first; read > 0; ) {
        read = readSync(fd, this.buffer);
        hash.update(this.buffer.subarray(0, read));
      }
      return hash.digest('hex');
    } finally {
      closeSync(fd);
    }
  }
}

export function sha256(bytes: Buffer): string {
  return oneShotHash('sha256', bytes);
}
