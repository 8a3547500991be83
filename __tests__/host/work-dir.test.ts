import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWithHost } from '../../src/app.js';
import { consoleHost } from '../../src/host/console.js';
import { claimWorkDir, WORK_DIR_MARKER } from '../../src/host/work-dir.js';
import { consoleLog } from '../../src/util/log.js';
import { fixtureRepo } from '../action/entries.js';

const scratch = mkdtempSync(join(tmpdir(), 'work-dir-'));

function localRun(workDir: string) {
  let logged = '';
  let printed = '';
  const host = consoleHost({
    log: consoleLog({ write: (text: string) => (logged += text) }),
    inputs: { 'dry-run': 'true' },
    repoRoot: fixtureRepo,
    workDir,
    print: (text) => (printed += text),
  });
  return { host, logged: () => logged, printed: () => printed };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('the work folder', () => {
  it("is refused when it holds a user's files, which stay untouched", async () => {
    const userDir = join(scratch, 'user-project');
    mkdirSync(join(userDir, 'logs'), { recursive: true });
    writeFileSync(join(userDir, 'logs', 'today.log'), 'my own log\n');
    const local = localRun(userDir);

    const report = await runWithHost(local.host);

    expect(report).toBeUndefined();
    expect(process.exitCode).toBe(1);
    expect(local.logged()).toContain(`error: Work folder refused: the work folder ${userDir} is not empty and is not one aianalysis-e2e made`);
    expect(local.logged()).toContain(join(userDir, 'aianalysis-e2e'));
    expect(readFileSync(join(userDir, 'logs', 'today.log'), 'utf8')).toBe('my own log\n');
    expect(existsSync(join(userDir, 'outputs.json'))).toBe(false);
    expect(existsSync(join(userDir, WORK_DIR_MARKER))).toBe(false);
  });

  it('is created and marked when new, and accepted again by the next run', async () => {
    const workDir = join(scratch, 'new', 'work');
    const first = localRun(workDir);
    expect((await runWithHost(first.host))?.result).toBe('dry-run');
    expect(existsSync(join(workDir, WORK_DIR_MARKER))).toBe(true);
    expect(existsSync(join(workDir, 'outputs.json'))).toBe(true);

    const second = localRun(workDir);
    expect((await runWithHost(second.host))?.result).toBe('dry-run');
  });

  it('marks an empty folder it is given', async () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    await claimWorkDir(empty);
    expect(existsSync(join(empty, WORK_DIR_MARKER))).toBe(true);
  });

  it('refuses a file in place of the folder', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'x');
    await expect(claimWorkDir(file)).rejects.toThrow(`the work folder ${file} is not a folder`);
  });
});
