/** An in-memory build context for the Go closure and embed tests: entries listed as listContext lists them. */
import type { ContextEntry } from '../../src/image-inputs/context.js';
import { byCodeUnit } from '../../src/image-inputs/context.js';
import { ContextIndex } from '../../src/image-inputs/context-index.js';
import type { ContextReader } from '../../src/image-inputs/go-closure.js';
import { parseGoFile } from '../../src/image-inputs/go-source.js';

/** `files`: path → content; `kinds`: paths that are symbolic links or special files instead. */
export function memoryContext(files: Record<string, string>, kinds: Record<string, 'symlink' | 'special'> = {}): { index: ContextIndex; reader: ContextReader } {
  const entries: ContextEntry[] = Object.keys(files)
    .sort(byCodeUnit)
    .map((path) => ({ path, kind: kinds[path] ?? 'file', executable: false, size: Buffer.byteLength(files[path]) }));
  const reader: ContextReader = {
    goFile: (entry) => parseGoFile(entry.path, files[entry.path]),
    text: (entry) => files[entry.path],
  };
  return { index: new ContextIndex(entries), reader };
}
