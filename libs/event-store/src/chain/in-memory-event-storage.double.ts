import {
  EventIdConflictError,
  WrongExpectedRevisionError,
  type AppendResult,
  type ChainedEvent,
  type EventStorage,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamHead,
  type StreamName,
  type Unsubscribe,
} from '../event-store.port';

/**
 * TEST DOUBLE for unit tests of the generic layer (ChainedEventStore, verify): an array behind
 * the EventStorage interface. It is not a database and no adapter test uses it; the adapters are
 * proven by the contract suite against real stores.
 */
export class InMemoryEventStorageDouble implements EventStorage {
  readonly name = 'in-memory-double';
  /** The stored log, in position order. Tests may edit it to play a tamperer. */
  readonly events: RecordedEvent[] = [];
  appendCalls = 0;
  /** Runs at the start of every appendChained (not re-entrantly): lets a test play another writer. */
  beforeAppend?: (stream: StreamName, call: number) => Promise<void> | void;
  private nextPosition = 1n;
  private inHook = false;
  private readonly listeners = new Set<(position: bigint) => void>();

  async appendChained(stream: StreamName, events: ChainedEvent[], expected: number | 'no-stream'): Promise<AppendResult> {
    this.appendCalls += 1;
    if (this.beforeAppend && !this.inHook) {
      this.inHook = true;
      try {
        await this.beforeAppend(stream, this.appendCalls);
      } finally {
        this.inHook = false;
      }
    }
    const head = await this.streamHead(stream);
    const actual = head ? head.revision : 'no-stream';
    if (actual !== expected) throw new WrongExpectedRevisionError(stream, expected, actual);
    const taken = events.filter((event) => this.events.some((stored) => stored.id === event.id)).map((event) => event.id);
    if (taken.length > 0) throw new EventIdConflictError(stream, taken);
    let position = 0n;
    for (const event of events) {
      position = this.nextPosition++;
      this.events.push({ ...event, position });
    }
    for (const listener of this.listeners) listener(position);
    return { stream, revision: events[events.length - 1]!.revision, position, duplicate: false };
  }

  async findByIds(stream: StreamName, eventIds: string[]): Promise<RecordedEvent[]> {
    return this.events.filter((event) => event.stream === stream && eventIds.includes(event.id));
  }

  async findEvent(eventId: string): Promise<RecordedEvent | null> {
    return this.events.find((event) => event.id === eventId) ?? null;
  }

  async streamHead(stream: StreamName): Promise<StreamHead | null> {
    const last = this.events.filter((event) => event.stream === stream).at(-1);
    return last ? { revision: last.revision, hash: last.hash } : null;
  }

  async readStream(stream: StreamName, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromRevision ?? 0;
    const inStream = this.events.filter((event) => event.stream === stream && event.revision >= from).sort((a, b) => a.revision - b.revision);
    return inStream.slice(0, options.maxCount ?? inStream.length);
  }

  async readAll(after: bigint | null, maxCount: number, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const types = options.types === undefined ? null : new Set(options.types);
    return this.events.filter((event) => (after === null || event.position > after) && (types === null || types.has(event.type))).slice(0, maxCount);
  }

  async *listStreams(): AsyncIterable<StreamName> {
    // Deliberately unsorted (insertion order), so that tests prove verifyAll sorts.
    yield* new Set(this.events.map((event) => event.stream));
  }

  async headPosition(): Promise<bigint | null> {
    return this.events.at(-1)?.position ?? null;
  }

  subscribe(listener: (position: bigint) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
