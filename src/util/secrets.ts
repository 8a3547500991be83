/**
 * The process-wide registry of secret values and the redaction every printed line goes through.
 *
 * Values shorter than MIN_SECRET_LENGTH are ignored: replacing a one- or two-character value
 * would turn most of the log into `***` while protecting nothing (such a value is guessable).
 * GitHub itself masks any non-empty value it is given, so short values are not sent there either.
 */
export const MIN_SECRET_LENGTH = 4;

const MASK = '***';

const secrets = new Set<string>();
const listeners = new Set<(secret: string) => void>();
/** Longest first, so a secret that contains another is replaced as a whole. */
let longestFirst: string[] = [];

/**
 * Registers a value that must never be printed. A multi-line value is also registered line by
 * line, because logs are written one line at a time.
 */
export function registerSecret(value: string): void {
  const candidates = [...new Set([value, ...value.split(/\r?\n/)])].filter(
    (candidate) => candidate.length >= MIN_SECRET_LENGTH && !secrets.has(candidate),
  );
  for (const secret of candidates) {
    secrets.add(secret);
    for (const listener of listeners) listener(secret);
  }
  if (candidates.length > 0) longestFirst = [...secrets].sort((a, b) => b.length - a.length);
}

/** Replaces every registered secret in `text` with `***`. */
export function redact(text: string): string {
  let result = text;
  for (const secret of longestFirst) {
    if (result.includes(secret)) result = result.split(secret).join(MASK);
  }
  return result;
}

/**
 * Calls `listener` for every secret registered so far and every one registered later (a log
 * that must tell its host about secrets, such as the GitHub runner). Returns an unsubscribe.
 */
export function onSecretRegistered(listener: (secret: string) => void): () => void {
  for (const secret of secrets) listener(secret);
  listeners.add(listener);
  return () => listeners.delete(listener);
}
