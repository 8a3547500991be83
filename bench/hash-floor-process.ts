// The least a Node process can do to hash a context from scratch, for the hashing benchmarks'
// reference figure: `node index.js <dir> <sent list> <inputs list>` (NUL-separated paths
// relative to <dir>) takes the metadata of every file the context sends (the size and execute
// bit that a tag and the size limit need) and reads and sha256s each input file into one
// digest. No walk, ignore rules, parsing, sorting or bookkeeping: what is left is Node's
// start-up and the system calls and hashing that no implementation can skip, so its ratio to
// `tar | sha256sum` is the lowest a Node implementation can reach on the machine.
import { hash, createHash } from 'node:crypto';
import { closeSync, lstatSync, openSync, readFileSync, readSync } from 'node:fs';

const [dir, sentList, inputsList] = process.argv.slice(2);
const pathsIn = (listFile: string) => readFileSync(listFile, 'utf8').split('\0').filter((path) => path !== '');

const sizes = new Map<string, number>();
let executables = 0;
for (const path of pathsIn(sentList!)) {
  const info = lstatSync(`${dir}/${path}`);
  sizes.set(path, info.size);
  if (info.mode & 0o100) executables += 1;
}

const buffer = Buffer.allocUnsafe(256 * 1024);
const digest = createHash('sha256');
for (const path of pathsIn(inputsList!)) {
  const size = sizes.get(path);
  if (size === undefined) throw new Error(`${path} is an input but not among the files sent`);
  if (size > buffer.length) throw new Error(`${path}: ${size} bytes, above the ${buffer.length} this reference reads in one go`);
  const fd = openSync(`${dir}/${path}`, 'r');
  try {
    digest.update(hash('sha256', buffer.subarray(0, readSync(fd, buffer, 0, size, 0)), 'buffer'));
  } finally {
    closeSync(fd);
  }
}
console.log(`${digest.digest('hex')} (${sizes.size} files sent, ${executables} executable)`);
