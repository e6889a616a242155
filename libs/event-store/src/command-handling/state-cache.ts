/** Bounded LRU of aggregate state by stream, so a hot stream is not re-read on every command. */
export interface CachedState<S> {
  state: S;
  /** Revision of the last event folded into `state`; -1 for a stream with no events. */
  revision: number;
  /** Global position of that last event, when known. */
  position: bigint | null;
}

export class StateCache {
  private readonly entries = new Map<string, CachedState<unknown>>();

  constructor(private readonly capacity = 10_000) {}

  get<S>(stream: string): CachedState<S> | undefined {
    const entry = this.entries.get(stream);
    if (entry) {
      // Map keeps insertion order: re-insert to mark as most recently used.
      this.entries.delete(stream);
      this.entries.set(stream, entry);
    }
    return entry as CachedState<S> | undefined;
  }

  set<S>(stream: string, entry: CachedState<S>): void {
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  delete(stream: string): void {
    this.entries.delete(stream);
  }

  get size(): number {
    return this.entries.size;
  }
}
