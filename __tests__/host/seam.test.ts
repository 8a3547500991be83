// GitHub's services reach the engine only through its host: below the entries (main, post, cli)
// and src/host/, no file reads GitHub's variables or loads a toolkit client of a service.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from '../action/entries.js';

const src = join(root, 'src');
const ENTRIES = new Set(['main.ts', 'post.ts', 'cli.ts']);

function belowTheEntries(): string[] {
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !ENTRIES.has(file) && !file.startsWith(`host/`))
    .map((file) => join(src, file));
}

describe('the host seam', () => {
  const files = belowTheEntries();

  it('reads the whole engine, not an empty folder', () => {
    expect(files.length).toBeGreaterThan(150);
  });

  it.each([
    ['reads a GitHub variable', /\benv(\.|\[['"])GITHUB_/],
    // Type imports load nothing; the interfaces of src/github/services.ts use the toolkit's types.
    ['loads a toolkit service client', /^import (?!type\b)[^;]*from '@actions\/(artifact|cache|tool-cache)'|import\('@actions\/(artifact|cache|tool-cache)'\)/m],
  ])('leaves no file below the entries that %s', (_, pattern) => {
    const offending = files.filter((file) => pattern.test(readFileSync(file, 'utf8'))).map((file) => relative(src, file));
    expect(offending).toEqual([]);
  });
});
