import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A throw-away directory tree: a stand-in for the calling repository and its surroundings. */
export interface TempTree {
  readonly root: string;
  write(relativePath: string, content: string): string;
  remove(): void;
}

export function tempTree(): TempTree {
  const root = mkdtempSync(path.join(tmpdir(), 'aianalysis-e2e-config-'));
  return {
    root,
    write(relativePath, content) {
      const target = path.join(root, relativePath);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
      return target;
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
