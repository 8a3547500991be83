/**
 * Digests many files of a context on two threads: this one and a worker thread. Reading a file
 * is four system calls (open, read, close, and the listing's lstat) that Node makes one after
 * another on one core; with a worker, the machine's second core reads as well.
 *
 * The two share a counter and claim chunks of files from it, so neither waits for the other: the
 * worker joins whenever it has started, and this thread never waits for it to start. Each digest
 * is written into shared memory with a flag saying it is there. What the worker could not read
 * (a file gone or unreadable) is left unflagged and read again here, where it fails as it would
 * without a worker, with the file's name.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TimeSlices } from './slices.js';

/** Below this, starting a thread costs more than it saves. */
const MIN_FILES = 256;
const CHUNK = 32;
const DIGEST_BYTES = 32;
const READ_BUFFER_BYTES = 256 * 1024;
/** Checks between waits whether a worker that stopped mid-chunk is gone. */
const WAIT_MS = 100;

/** Int32 slots at the start of the shared memory. */
const NEXT = 0;
const IN_FLIGHT = 1;
const HEADER_SLOTS = 2;

export interface FileToDigest {
  /** Absolute path. */
  readonly path: string;
  /** The listed size: a first read this short that completes it is the last one. */
  readonly size: number;
}

/**
 * The worker: a plain script (workers of a bundled action cannot load a module by path), claiming
 * chunks until none is left. It reads as digestOne below does: whole buffers, a short read that
 * completes the size ends the file.
 */
const WORKER_SOURCE = `
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { workerData } = require('node:worker_threads');
const { files, shared, chunk, digestBytes, bufferBytes, headerSlots } = workerData;
const counters = new Int32Array(shared, 0, headerSlots);
const done = new Uint8Array(shared, headerSlots * 4, files.length);
const digests = new Uint8Array(shared, headerSlots * 4 + files.length);
const buffer = Buffer.allocUnsafe(bufferBytes);
function digest({ path, size }) {
  const fd = openSync(path, 'r');
  try {
    const hash = createHash('sha256');
    let read = readSync(fd, buffer);
    hash.update(buffer.subarray(0, read));
    if (read < buffer.length && read >= size) return hash.digest();
    while (read > 0) {
      read = readSync(fd, buffer);
      hash.update(buffer.subarray(0, read));
    }
    return hash.digest();
  } finally {
    closeSync(fd);
  }
}
for (;;) {
  Atomics.add(counters, ${IN_FLIGHT}, 1);
  const start = Atomics.add(counters, ${NEXT}, chunk);
  for (let i = start; i < Math.min(start + chunk, files.length); i++) {
    try {
      digests.set(digest(files[i]), i * digestBytes);
      Atomics.store(done, i, 1);
    } catch {
      // Left unflagged: the main thread reads it again and reports the error.
    }
  }
  Atomics.sub(counters, ${IN_FLIGHT}, 1);
  Atomics.notify(counters, ${IN_FLIGHT});
  if (start >= files.length) break;
}
`;

/**
 * The sha256 (hex) of each file, in order. `digestOne` digests a file on this thread; it is used
 * for this thread's share and for whatever the worker left undone.
 */
export async function digestFiles(files: readonly FileToDigest[], digestOne: (index: number) => string, slices: TimeSlices): Promise<string[]> {
  const digests: string[] = new Array<string>(files.length);
  if (files.length < MIN_FILES || availableParallelism() < 2) {
    for (let i = 0; i < files.length; i++) {
      digests[i] = digestOne(i);
      if (slices.due()) await slices.release();
    }
    return digests;
  }

  const shared = new SharedArrayBuffer(HEADER_SLOTS * 4 + files.length * (1 + DIGEST_BYTES));
  const counters = new Int32Array(shared, 0, HEADER_SLOTS);
  const done = new Uint8Array(shared, HEADER_SLOTS * 4, files.length);
  const workerDigests = new Uint8Array(shared, HEADER_SLOTS * 4 + files.length);
  const worker = startWorker(files, shared);
  let workerGone = worker === undefined;
  worker?.once('exit', () => (workerGone = true));
  try {
    for (;;) {
      const start = Atomics.add(counters, NEXT, CHUNK);
      if (start >= files.length) break;
      for (let i = start; i < Math.min(start + CHUNK, files.length); i++) digests[i] = digestOne(i);
      if (slices.due()) await slices.release();
    }
    // Every chunk is claimed: wait only for one the worker is still reading (or for its end).
    for (let inFlight = Atomics.load(counters, IN_FLIGHT); inFlight > 0 && !workerGone; inFlight = Atomics.load(counters, IN_FLIGHT)) {
      await Atomics.waitAsync(counters, IN_FLIGHT, inFlight, WAIT_MS).value;
    }
  } finally {
    void worker?.terminate();
  }
  for (let i = 0; i < files.length; i++) {
    if (digests[i] !== undefined) continue;
    digests[i] = Atomics.load(done, i) === 1 ? Buffer.from(workerDigests.subarray(i * DIGEST_BYTES, (i + 1) * DIGEST_BYTES)).toString('hex') : digestOne(i);
  }
  return digests;
}

/** The worker, or undefined when no thread can be started (this thread then does it all). */
function startWorker(files: readonly FileToDigest[], shared: SharedArrayBuffer): Worker | undefined {
  try {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { files, shared, chunk: CHUNK, digestBytes: DIGEST_BYTES, bufferBytes: READ_BUFFER_BYTES, headerSlots: HEADER_SLOTS },
    });
    // A worker that fails only leaves its files unflagged; they are read here.
    worker.on('error', () => undefined);
    return worker;
  } catch {
    return undefined;
  }
}
