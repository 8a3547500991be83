/**
 * Look-ups over a context listing by directory: the files directly in a directory, every entry
 * below one, whether a path is listed. The listing is sorted by code unit, so the entries below a
 * directory are one contiguous run found by binary search.
 */
import type { ContextEntry } from './context.js';

export class ContextIndex {
  private readonly byPath = new Map<string, ContextEntry>();
  private readonly children = new Map<string, ContextEntry[]>();

  /** `entries`: sorted with byCodeUnit, as listContext returns them. */
  constructor(readonly entries: readonly ContextEntry[]) {
    for (const entry of entries) {
      this.byPath.set(entry.path, entry);
      const dir = parentOf(entry.path);
      const siblings = this.children.get(dir);
      if (siblings) siblings.push(entry);
      else this.children.set(dir, [entry]);
    }
  }

  get(path: string): ContextEntry | undefined {
    return this.byPath.get(path);
  }

  /** A listed file (or link), a directory with something below it, or undefined. */
  kindOf(path: string): 'file' | 'directory' | undefined {
    if (this.byPath.has(path)) return 'file';
    return this.below(path).length > 0 ? 'directory' : undefined;
  }

  /** Entries directly in `dir` ('' for the context's root). */
  filesIn(dir: string): readonly ContextEntry[] {
    return this.children.get(dir) ?? [];
  }

  /** Every entry below `dir` ('' for all), in listing order. */
  below(dir: string): readonly ContextEntry[] {
    if (dir === '') return this.entries;
    const prefix = `${dir}/`;
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.entries[mid].path < prefix) low = mid + 1;
      else high = mid;
    }
    let end = low;
    while (end < this.entries.length && this.entries[end].path.startsWith(prefix)) end++;
    return this.entries.slice(low, end);
  }
}

/** The directory part of a context path: '' for a file at the root. */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
