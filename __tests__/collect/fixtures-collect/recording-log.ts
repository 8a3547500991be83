/** A console log whose lines the test can read. */
import { type Log, consoleLog } from '../../../src/util/log.js';

export interface RecordingLog {
  log: Log;
  lines: string[];
  warnings(): string[];
}

export function recordingLog(): RecordingLog {
  const lines: string[] = [];
  const log = consoleLog({ write: (text: string) => lines.push(...text.trimEnd().split('\n')) }, { debug: true });
  return { log, lines, warnings: () => lines.filter((line) => line.startsWith('warning: ')) };
}
