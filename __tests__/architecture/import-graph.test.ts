// The folders of src/ are the run's flow, so every import between two folders points one way:
// no folder imports a folder that imports it back, directly or around a loop, and no file does
// either. Imports are read with TypeScript's own scanner, type-only imports included: a type
// cycle ties two modules together as much as a value cycle does.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const src = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Each file of src/ (relative, `.ts`) with the files of src/ it imports. */
function fileGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((imported) => imported.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => relative(src, resolve(dirname(file), name)).replace(/\.js$/, '.ts'));
    graph.set(relative(src, file), targets);
  }
  return graph;
}

/** `a/b.ts` → `a`; a file at the top of src/ is an entry, outside every folder. */
const folderOf = (file: string): string | undefined => (file.includes('/') ? file.slice(0, file.indexOf('/')) : undefined);

function folderGraph(files: Map<string, string[]>): Map<string, string[]> {
  const graph = new Map<string, Set<string>>();
  for (const [file, targets] of files) {
    const from = folderOf(file);
    if (from === undefined) continue;
    const edges = graph.get(from) ?? graph.set(from, new Set()).get(from)!;
    for (const target of targets) {
      const to = folderOf(target);
      if (to !== undefined && to !== from) edges.add(to);
    }
  }
  return new Map([...graph].map(([folder, edges]) => [folder, [...edges].sort()]));
}

/** Every cycle found by a depth-first walk, each as the path around it (first node repeated). */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next) && graph.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

describe('the import graph of src/', () => {
  const files = fileGraph();

  it('is read from the whole engine, with the imports between its folders', () => {
    const folders = folderGraph(files);
    expect(files.size).toBeGreaterThan(100);
    expect(folders.get('pipeline')).toEqual(expect.arrayContaining(['scheduler', 'images', 'suite']));
  });

  it('has no folder that imports a folder importing it back', () => {
    expect(cycles(folderGraph(files)).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('has no file that imports a file importing it back', () => {
    expect(cycles(files).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });
});
