/** When objects were applied and became ready, on this process's monotonic clock (performance.now()). */

function key(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

export class Marks {
  private readonly applied = new Map<string, number>();
  private readonly ready = new Map<string, { at: number; generation: number | undefined }>();

  markApplied(kind: string, namespace: string | undefined, name: string): void {
    this.applied.set(key(kind, namespace, name), performance.now());
  }

  /** Records the first time an object is ready at a given generation. */
  markReady(kind: string, namespace: string | undefined, name: string, generation?: number): void {
    const k = key(kind, namespace, name);
    const previous = this.ready.get(k);
    if (!previous || previous.generation !== generation) this.ready.set(k, { at: performance.now(), generation });
  }

  appliedAt(kind: string, namespace: string | undefined, name: string): number | undefined {
    return this.applied.get(key(kind, namespace, name));
  }

  readyAt(kind: string, namespace: string | undefined, name: string): number | undefined {
    return this.ready.get(key(kind, namespace, name))?.at;
  }
}
