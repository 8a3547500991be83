/** Throw-away build contexts for the hashing tests: a directory, files written by path, removal. */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ImagePlan } from '../../src/plan/plan.js';

export interface ContextTree {
  readonly root: string;
  /** Writes `content` at `relativePath`, creating its directories; `mode` as for chmod. */
  write(relativePath: string, content: string | Buffer, mode?: number): void;
  link(relativePath: string, target: string): void;
  read(relativePath: string): string;
  chmod(relativePath: string, mode: number): void;
  remove(): void;
}

export function contextTree(files: Record<string, string> = {}): ContextTree {
  const root = mkdtempSync(join(tmpdir(), 'plan-context-'));
  const tree: ContextTree = {
    root,
    write(relativePath, content, mode) {
      const target = join(root, relativePath);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      if (mode !== undefined) chmodSync(target, mode);
    },
    link(relativePath, target) {
      const path = join(root, relativePath);
      mkdirSync(dirname(path), { recursive: true });
      rmSync(path, { force: true });
      symlinkSync(target, path);
    },
    chmod(relativePath, mode) {
      chmodSync(join(root, relativePath), mode);
    },
    read(relativePath) {
      return readFileSync(join(root, relativePath), 'utf8');
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  for (const [path, content] of Object.entries(files)) tree.write(path, content);
  return tree;
}

/** An image built from `Dockerfile` with the repository root as context. */
export function imageAt(overrides: Partial<ImagePlan> = {}): ImagePlan {
  return {
    name: 'app',
    repository: 'app',
    dockerfile: 'Dockerfile',
    context: '.',
    buildArgs: {},
    target: '',
    platform: 'linux/amd64',
    memoryMiB: 512,
    heavy: false,
    inputs: 'context',
    goPackage: '',
    ...overrides,
  };
}

/** Limits no test context reaches. */
export const roomyLimits = { warnMiB: 100, limitMiB: 200 };
