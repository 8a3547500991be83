// parseGoFile against go/parser (the Go toolchain the testbed installs) on every Go file of the
// toolchain's own source tree: thousands of files written by many hands, with cgo preambles,
// //go:embed, escapes in strings and test data made to be odd. Both must read the same import
// paths from each file, and refuse the same files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGoFile } from '../../src/image-inputs/go-source.js';

const ORACLE_SOURCE = fileURLToPath(new URL('./go-parser-oracle', import.meta.url));
const GO_ENV = { ...process.env, GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOWORK: 'off' };

function run(program: string, args: string[], cwd?: string): string {
  const result = spawnSync(program, args, { cwd, env: GO_ENV, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Each file's import paths as go/parser reads them, null where it refuses the file. */
function goParserImports(root: string): Map<string, string[] | null> {
  const work = mkdtempSync(join(tmpdir(), 'go-parser-oracle-'));
  try {
    const binary = join(work, 'oracle');
    run('go', ['build', '-o', binary, '.'], ORACLE_SOURCE);
    return new Map(Object.entries(JSON.parse(run(binary, [root])) as Record<string, string[] | null>));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function ourImports(path: string): string[] | null {
  try {
    return [...parseGoFile(path, readFileSync(path, 'utf8')).imports];
  } catch {
    return null;
  }
}

describe('parseGoFile against go/parser', () => {
  it("reads the same imports as go/parser from every file of the Go toolchain's source, and refuses the same files", () => {
    const goroot = run('go', ['env', 'GOROOT']).trim();
    // Debian's GOROOT/src is a symbolic link, which a walk does not enter.
    const oracle = goParserImports(realpathSync(join(goroot, 'src')));
    expect(oracle.size).toBeGreaterThan(5000);
    const differences: string[] = [];
    for (const [path, expected] of oracle) {
      // go/parser lists a repeated import twice; parseGoFile lists each path once.
      const wanted = expected === null ? null : [...new Set(expected)];
      const got = ourImports(path);
      if (JSON.stringify(got) !== JSON.stringify(wanted)) differences.push(`${path}: go/parser ${JSON.stringify(wanted)}, parseGoFile ${JSON.stringify(got)}`);
    }
    expect(differences).toEqual([]);
    // Both kinds of file are there: some that go/parser refuses, and cgo files.
    expect([...oracle.values()].filter((imports) => imports === null).length).toBeGreaterThan(0);
    expect([...oracle.values()].filter((imports) => imports?.includes('C')).length).toBeGreaterThan(10);
  });
});
