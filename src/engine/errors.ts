/** A failed engine command, with what the failure means and the end of the command's output. */
import type { Classification } from './failures.js';

export interface EngineErrorDetails {
  /** `<engine name> <operation>`, e.g. `podman build`. */
  command: string;
  /** What the command was about: an image reference, an archive, a registry. */
  subject: string;
  classification: Classification;
  exitCode: number | null;
  timedOut: boolean;
  cancelled: boolean;
  /** A transfer stopped for making no progress (see stall). */
  stalled?: boolean;
  /** The last lines of output, redacted. */
  tail: string[];
  /** A line that locates the failure, such as the Dockerfile step that failed. */
  location?: string;
}

export class EngineError extends Error {
  readonly command: string;
  readonly subject: string;
  readonly classification: Classification;
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly cancelled: boolean;
  readonly tail: string[];
  readonly location?: string;

  constructor(details: EngineErrorDetails) {
    super(describe(details));
    this.name = 'EngineError';
    this.command = details.command;
    this.subject = details.subject;
    this.classification = details.classification;
    this.exitCode = details.exitCode;
    this.timedOut = details.timedOut;
    this.cancelled = details.cancelled;
    this.tail = details.tail;
    this.location = details.location;
  }

  /** Worth another attempt (the engine died, the network dropped…). */
  get transient(): boolean {
    return this.classification.class === 'transient' && !this.cancelled;
  }
}

export function isTransientEngineError(error: unknown): error is EngineError {
  return error instanceof EngineError && error.transient;
}

function describe(details: EngineErrorDetails): string {
  const { classification } = details;
  let how = `exit code ${details.exitCode}`;
  if (details.stalled) how = 'stalled';
  else if (details.timedOut) how = 'timed out';
  else if (details.cancelled) how = 'cancelled';
  else if (details.exitCode === null) how = 'killed by a signal';
  const hint = classification.hint ? `; ${classification.hint}` : '';
  const lines = [`${details.command} ${details.subject} failed (${how}, ${classification.class}): ${classification.reason}${hint}`];
  if (details.location) lines.push(`failed at: ${details.location}`);
  lines.push(
    details.tail.length === 0 ? 'it printed nothing' : `last ${details.tail.length} line(s) of output:`,
    ...details.tail.map((line) => `  ${line}`),
  );
  return lines.join('\n');
}
