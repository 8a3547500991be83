/**
 * Lets long synchronous file work share the event loop. Hashing a context is thousands of small
 * reads: done synchronously they cost a few microseconds each, while each asynchronous call pays
 * a thread-pool round trip that costs more than the read itself (measured: 10,000 source files,
 * 81 MiB, 130 ms synchronous against 200-700 ms with 8-64 asynchronous reads in flight, and
 * 180-330 ms over 2-4 worker threads, on 2 cores). So the work runs synchronously in slices and
 * hands the loop back between them: timers, output streams and cancellation still run.
 */
import { setImmediate } from 'node:timers/promises';

const SLICE_MS = 10;

/** Use: `if (slices.due()) await slices.release();` between units of work (no promise otherwise). */
export class TimeSlices {
  private sliceStart = performance.now();

  /** True once the current slice has held the event loop for its share. */
  due(): boolean {
    return performance.now() - this.sliceStart >= SLICE_MS;
  }

  /** Gives the event loop back, then starts a new slice. */
  async release(): Promise<void> {
    await setImmediate();
    this.sliceStart = performance.now();
  }
}
