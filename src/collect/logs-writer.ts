/**
 * The logs bundle's folder. Every text goes through redact() on its way to disk and every file is
 * recorded; a source that fails is noted (for bundle-errors.txt) instead of stopping the others.
 * Once closed, because the collection ran out of time, late writes are dropped, so the file list
 * stays what the bundle holds.
 */
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describeKubeError } from '../kube/errors.js';
import { redact } from '../util/secrets.js';
import { writeNamedFile } from '../util/file-write.js';

export const ERRORS_FILE = 'bundle-errors.txt';

/** Bytes looked at to tell a binary file (a NUL byte among them) from a text file. */
const BINARY_SNIFF_BYTES = 8000;

export class BundleWriter {
  /** Absolute paths of the files in the bundle. */
  readonly files: string[] = [];
  /** `<source>: <what went wrong>`, redacted. */
  readonly errors: string[] = [];
  private readonly pending = new Set<string>();
  private closed = false;

  constructor(readonly dir: string) {}

  /** Writes `text`, redacted, to `path` (relative to the bundle). */
  async write(path: string, text: string): Promise<void> {
    if (this.closed) return;
    const file = join(this.dir, path);
    await mkdir(dirname(file), { recursive: true });
    await writeNamedFile(file, redact(text));
    this.files.push(file);
  }

  /**
   * Takes in the files another program wrote under `dir` (inside the bundle), redacting text files
   * in place. A binary file cannot be redacted without corrupting it and is left as it is.
   */
  async adopt(dir: string): Promise<void> {
    for (const entry of (await readdir(dir, { recursive: true })).sort()) {
      const file = join(dir, entry);
      if (this.closed) return;
      if (!(await stat(file)).isFile()) continue;
      const content = await readFile(file);
      if (!content.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
        const text = content.toString('utf8');
        const redacted = redact(text);
        if (redacted !== text) await writeNamedFile(file, redacted);
      }
      this.files.push(file);
    }
  }

  /** Runs one source of evidence; its failure is noted, not thrown. */
  async source(name: string, collect: () => Promise<void>): Promise<void> {
    this.pending.add(name);
    try {
      await collect();
    } catch (error) {
      this.note(name, error);
    } finally {
      this.pending.delete(name);
    }
  }

  note(source: string, error: unknown): void {
    if (this.closed) return;
    this.errors.push(redact(`${source}: ${describeError(error)}`));
  }

  /** Stops taking files; the sources still running are noted as unfinished. */
  close(reason: string): void {
    if (this.pending.size > 0) this.errors.push(`${reason}; not finished: ${[...this.pending].join(', ')}`);
    this.closed = true;
  }

  /** Writes bundle-errors.txt when a source failed; returns its path. */
  async writeErrors(): Promise<string | undefined> {
    if (this.errors.length === 0) return undefined;
    const file = join(this.dir, ERRORS_FILE);
    await writeNamedFile(file, redact(`${this.errors.join('\n')}\n`));
    this.files.push(file);
    return file;
  }
}

/** What the API server answered, or the error's message. */
function describeError(error: unknown): string {
  if (error instanceof Error) return describeKubeError(error);
  // An error thrown by Node itself can come from another realm (a vm context) and fail `instanceof Error`.
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
