import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileWriteError, writeNamedFile, writingTo } from '../../src/util/file-write.js';

describe('writes that name their file', () => {
  it('says which file met a full disk (/dev/full answers every write with ENOSPC)', async () => {
    const failure = writeNamedFile('/dev/full', 'timings\n');
    await expect(failure).rejects.toThrow(FileWriteError);
    await expect(failure).rejects.toThrow('cannot write /dev/full: the disk is full (no space left on the device): free some space (ENOSPC)');
  });

  it('says which file could not be made when a part of its path is a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'file-write-'));
    writeFileSync(join(dir, 'logs'), 'a file where a folder is expected\n');
    const target = join(dir, 'logs', 'events.txt');
    await expect(writeNamedFile(target, 'x')).rejects.toThrow(`cannot write ${target}: a part of the path is a file, not a folder (ENOTDIR)`);
  });

  it('keeps the message of an error it has no advice for, and does not wrap a named failure twice', async () => {
    await expect(writingTo('/some/file', () => Promise.reject(new Error('the service went away')))).rejects.toThrow(
      'cannot write /some/file: the service went away',
    );
    const inner = new FileWriteError('/inner', Object.assign(new Error('x'), { code: 'EROFS' }));
    await expect(writingTo('/outer', () => Promise.reject(inner))).rejects.toBe(inner);
  });
});
