import { distance } from 'fastest-levenshtein';

/**
 * The candidate a mistyped `word` most likely meant, or undefined when none is close enough.
 * Case differences are free (`dockerFile` → `dockerfile`); otherwise up to a third of the word
 * may differ (at least 2 edits, so a swapped pair of letters is always caught).
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  // Compared in lower case, a case difference is no edit: the first such candidate wins at distance 0.
  const lower = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** "did you mean 'x'?" when a close candidate exists, else the list of allowed values. */
export function suggestion(word: string, candidates: readonly string[]): string {
  const match = closestMatch(word, candidates);
  if (match !== undefined) return `did you mean '${match}'?`;
  return candidates.length === 0 ? 'nothing is allowed here' : `allowed: ${candidates.map(quote).join(', ')}`;
}

function quote(value: string): string {
  return `'${value}'`;
}
