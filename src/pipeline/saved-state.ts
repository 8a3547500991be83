// The first check of a record read back from the runner's state file (which a step could have
// written to): JSON of an object, its fields still unknown, each to be checked by the caller.

/** The object in `saved`, or an Error saying why it is not one. */
export function parseSavedObject<T>(saved: string): Partial<Record<keyof T, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(saved);
  } catch {
    throw new Error('it is not JSON');
  }
  if (typeof value !== 'object' || value === null) throw new Error('it is not an object');
  return value as Partial<Record<keyof T, unknown>>;
}
