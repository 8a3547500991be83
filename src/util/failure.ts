/**
 * What a failed external command means, shared by the kind and the container-engine rule tables:
 * a transient failure is worth another attempt, a permanent one fails the same way every time.
 * Types only, on purpose: the contract both tables (cluster/, engine/) and their callers speak,
 * kept below both so that neither folder imports the other.
 */
export type FailureClass = 'transient' | 'permanent' | 'unknown';

/** A failed command as the rule tables read it. */
export interface CommandFailure {
  /** Everything the command printed (stdout and stderr). */
  output: string;
  exitCode: number | null;
  timedOut?: boolean;
}

export interface Classification {
  class: FailureClass;
  /** The id of the matching rule; absent for `unknown`. */
  rule?: string;
  /** What happened, in a few words. */
  reason: string;
  /** What the user can do about it (permanent failures). */
  hint?: string;
}
