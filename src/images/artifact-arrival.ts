/**
 * Files of an artifact while the toolkit's client downloads it: the client unpacks the zip's
 * entries to their files in order as the stream arrives and says nothing until the end, so the
 * files are watched: a file is there once it has the size its manifest records.
 */
import { readFile, stat } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';

/** How often a file being written is looked at: small against the seconds an image's load takes. */
const POLL_MS = 50;

/** A download under way: whether it has ended, and a promise that settles (never rejects) when it does. */
export class Download<T> {
  private running = true;
  readonly ended: Promise<void>;

  constructor(readonly result: Promise<T>) {
    const end = () => {
      this.running = false;
    };
    this.ended = result.then(end, end);
  }

  get isRunning(): boolean {
    return this.running;
  }
}

/**
 * What `look` finds, looked at again until it finds something or the download has ended (then
 * one last look, at what the download left).
 */
export async function watch<T>(download: Download<unknown>, look: () => Promise<T | undefined>): Promise<T | undefined> {
  for (;;) {
    const ended = !download.isRunning;
    const found = await look();
    if (found !== undefined || ended) return found;
    await Promise.race([delay(POLL_MS), download.ended]);
  }
}

/** The size of a file, or undefined while it does not exist. */
export async function sizeOf(path: string): Promise<number | undefined> {
  return stat(path).then(
    (stats) => stats.size,
    () => undefined,
  );
}

/** The text of a JSON file once it is whole (it parses); undefined while it is missing or part-written. */
export async function wholeJson(path: string): Promise<string | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    JSON.parse(text);
    return text;
  } catch {
    return undefined;
  }
}
