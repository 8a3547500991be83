/**
 * The process-wide registry of secret values and the one redaction every rendering goes through:
 * log lines and annotations (util/log), the job summary and outputs (report/published), evidence
 * files (collect/artifact-files). A secret is registered with its encoded forms (base64 at every
 * alignment, base64url, URL encoding: see secret-encodings), so those are masked as well.
 *
 * Values shorter than MIN_SECRET_LENGTH are ignored: replacing a one- or two-character value
 * would turn most of the log into `***` while protecting nothing (such a value is guessable).
 * GitHub itself masks any non-empty value it is given, so short values are not sent there either.
 */
export const MIN_SECRET_LENGTH = 4;

import { encodedForms } from './secret-encodings.js';

const MASK = '***';

const secrets = new Set<string>();
const listeners = new Set<(secret: string) => void>();
/** Longest first, so a secret that contains another is replaced as a whole. */
let longestFirst: string[] = [];

/**
 * Registers a value that must never be printed, with its encoded forms. A multi-line value is
 * also registered line by line, because logs are written one line at a time.
 */
export function registerSecret(value: string): void {
  const plain = [...new Set([value, ...value.split(/\r?\n/)])].filter((candidate) => candidate.length >= MIN_SECRET_LENGTH);
  const candidates = [...new Set([...plain, ...plain.flatMap(encodedForms)])].filter((candidate) => !secrets.has(candidate));
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

/** Whether `text` holds a registered secret in any of its registered forms. */
export function containsSecret(text: string): boolean {
  return longestFirst.some((secret) => text.includes(secret));
}
