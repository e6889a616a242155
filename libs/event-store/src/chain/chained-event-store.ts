import {
  EventIdConflictError,
  IdempotencyClaimConflictError,
  WrongExpectedRevisionError,
  type AppendOptions,
  type AppendResult,
  type BuiltAppend,
  type ChainedEvent,
  type EventStorage,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoredEventRow,
  type StreamHead,
  type StreamName,
  type Unsubscribe,
} from '../event-store.port';
import { assertExpectedRevision, assertStreamName, normalizeEventsToAppend, type NormalizedEvent } from './append-validation';
import { AppendGuard } from './append-guard';
import { ChainIntegrity } from './chain-integrity';
import { hashEventJson } from './event-hash';
import { OneAtATime } from '../one-at-a-time';

export interface ChainedEventStoreOptions {
  /**
   * How many times one append may run when other writers keep moving the head under an
   * `any`/`exists` append (each run re-reads the head). Default 5.
   */
  maxAttempts?: number;
  /** Upper bound of the random pause between two attempts, growing with the attempt number (ms). Default 5. */
  retryJitterMs?: number;
  /** Where known breaks are kept (shared with the projector and `/health`). Default: one of its own. */
  integrity?: ChainIntegrity;
}

/**
 * The application's event store: validates appends, makes them idempotent by event id, checks the
 * expected revision, links every event to its predecessor with a SHA-256 hash, and delegates the
 * durable, atomic write to an `EventStorage` adapter.
 */
export class ChainedEventStore implements EventStore {
  private readonly maxAttempts: number;
  private readonly retryJitterMs: number;
  // Appends to one stream from this process queue up here: they would only collide in the storage otherwise.
  private readonly streamLocks = new OneAtATime<StreamName>();
  /** Breaks of the hash chain known to this process: appends to those streams are refused. */
  readonly integrity: ChainIntegrity;
  private readonly guard: AppendGuard;

  constructor(
    readonly storage: EventStorage,
    options: ChainedEventStoreOptions = {},
  ) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.retryJitterMs = Math.max(0, options.retryJitterMs ?? 5);
    this.integrity = options.integrity ?? new ChainIntegrity();
    this.guard = new AppendGuard(storage, this.integrity);
  }

  async append(stream: StreamName, events: EventToAppend[], expected: ExpectedRevision, options: AppendOptions = {}): Promise<AppendResult> {
    assertStreamName(stream);
    assertExpectedRevision(stream, expected);
    const normalized = normalizeEventsToAppend(stream, events);
    return this.streamLocks.run(stream, () => (normalized.length === 0 ? this.emptyAppend(stream, expected) : this.appendNew(stream, normalized, expected, options)));
  }

  /** The fingerprint a key was claimed with (see EventStorage.findClaim); undefined when the storage keeps no claims. */
  findClaim(scope: string, key: string): Promise<string | null> | undefined {
    return this.storage.findClaim?.(scope, key);
  }

  readStream(stream: StreamName, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.storage.readStream(stream, options);
  }

  readAll(after: bigint | null, maxCount: number, options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.storage.readAll(after, maxCount, options);
  }

  streamHead(stream: StreamName): Promise<StreamHead | null> {
    return this.storage.streamHead(stream);
  }

  findByIds(stream: StreamName, eventIds: string[]): Promise<RecordedEvent[]> {
    return this.storage.findByIds(stream, eventIds.map((id) => id.toLowerCase()));
  }

  findEvent(eventId: string): Promise<RecordedEvent | null> {
    return this.storage.findEvent(eventId.toLowerCase());
  }

  headPosition(): Promise<bigint | null> {
    return this.storage.headPosition();
  }

  subscribe(listener: (position: bigint) => void): Unsubscribe {
    return this.storage.subscribe(listener);
  }

  close(): Promise<void> {
    return this.storage.close();
  }

  private appendNew(stream: StreamName, events: NormalizedEvent[], expected: ExpectedRevision, options: AppendOptions): Promise<AppendResult> {
    const ids = events.map((event) => event.id);
    if (this.storage.appendBuilt && this.storage.refusesStoredIds === true) {
      return this.appendInTransaction(stream, events, ids, expected, options).then((built) => (built !== TAIL_CANNOT_TELL ? built : this.appendReadFirst(stream, events, ids, expected, options)));
    }
    return this.appendReadFirst(stream, events, ids, expected, options);
  }

  /** The append that reads the stream's head and tail first, checks them, and asks the storage to write onto that head. */
  private async appendReadFirst(stream: StreamName, events: NormalizedEvent[], ids: string[], expected: ExpectedRevision, options: AppendOptions): Promise<AppendResult> {
    // A storage that refuses stored ids itself lets a retry be recognised when it is refused (below): one read less per append.
    const lookFirst = this.storage.refusesStoredIds !== true;
    for (let attempt = 1; ; attempt++) {
      // (a) A retry of an append that already happened is answered, not refused, whatever `expected` says now.
      if (lookFirst) {
        const duplicate = await this.findDuplicate(stream, ids);
        if (duplicate) return duplicate;
      }

      // (b)
      let head: StreamHead | null;
      try {
        // A stream expected not to exist is chained from nothing unread: the storage checks `no-stream` in its transaction,
        // and where it refuses stored ids a retry is still recognised on the refusal (one read less for every creation).
        const tail = expected === 'no-stream' && !lookFirst ? [] : this.storage.readStreamTail ? await this.storage.readStreamTail(stream, 2) : undefined;
        head = tail ? headOf(tail) : await this.storage.streamHead(stream);
        checkExpected(stream, expected, head);
        // Never chain onto a broken stream: the new event's link would vouch for the forged part.
        await this.guard.assertIntact(stream, head, tail);
      } catch (error) {
        const stored = lookFirst ? null : await this.findDuplicate(stream, ids);
        if (stored) return stored;
        throw error;
      }

      // (c)
      const chained = chain(stream, events, head);

      // (d)
      try {
        const result = await this.storage.appendChained(stream, chained, head ? head.revision : 'no-stream', options);
        const top = chained[chained.length - 1]!;
        this.guard.remember(stream, { revision: top.revision, hash: top.hash });
        return { ...result, duplicate: false };
      } catch (error) {
        if (error instanceof EventIdConflictError || (!lookFirst && error instanceof IdempotencyClaimConflictError)) {
          // Raced by (or itself) an identical retry, all ids stored here; or an id used in another stream.
          const raced = await this.findDuplicate(stream, ids);
          if (raced) return raced;
          throw error;
        }
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        const mayRetry = expected === 'any' || (expected === 'exists' && error.actual !== 'no-stream');
        if (!mayRetry || attempt >= this.maxAttempts) {
          const raced = await this.findDuplicate(stream, ids);
          if (raced) return raced;
          // Report the caller's expectation, not the head this attempt computed from it.
          throw new WrongExpectedRevisionError(stream, expected, error.actual);
        }
        await pause(Math.random() * this.retryJitterMs * attempt);
      }
    }
  }

  /**
   * The append chained inside the storage's write transaction (appendBuilt): the expected revision checked, the tail
   * checked by the guard and the events chained onto the head, all on what that transaction reads, with no read before
   * it. TAIL_CANNOT_TELL when the guard needs more than the tail (the first write to a stream here, or several events
   * appended elsewhere since): then the append goes the way that reads first.
   */
  // A chain of promises rather than async functions: every turn of the microtask queue is paid on every append.
  private appendInTransaction(stream: StreamName, events: NormalizedEvent[], ids: string[], expected: ExpectedRevision, options: AppendOptions): Promise<AppendResult | typeof TAIL_CANNOT_TELL> {
    const json = events.map((event) => ({ data: event.dataJson, metadata: event.metadataJson }));
    // The rows as stored once the append commits (the tail it was checked on, then its own): what the guard remembers.
    let rows: StoredEventRow[] = [];
    const build = (tail: StoredEventRow[]): BuiltAppend => {
      const head = headOf(tail);
      checkExpected(stream, expected, head);
      if (!this.guard.checkTail(stream, tail)) throw new TailCannotTell();
      const chained = chain(stream, events, head);
      rows = [...tail, ...chained.map((event, i) => ({ id: event.id, stream, revision: event.revision, type: event.type, dataJson: json[i]!.data, metadataJson: json[i]!.metadata, prevHash: event.prevHash, hash: event.hash }))];
      return { events: chained, expected: head ? head.revision : 'no-stream', json };
    };
    return this.storage.appendBuilt!(stream, 2, build, options).then(
      (result) => {
        const top = rows[rows.length - 1]!;
        this.guard.remember(stream, { revision: top.revision, hash: top.hash }, rows);
        return result;
      },
      async (error: unknown) => {
        if (error instanceof TailCannotTell) return TAIL_CANNOT_TELL;
        // A retry of an append that already happened is answered, not refused, whatever `expected` says now.
        const stored = await this.findDuplicate(stream, ids);
        if (stored) return stored;
        throw error;
      },
    );
  }

  /** All ids stored in this stream: the original result. Some: a conflict. None: null. */
  private async findDuplicate(stream: StreamName, ids: string[]): Promise<AppendResult | null> {
    const found = await this.storage.findByIds(stream, ids);
    if (found.length === 0) return null;
    const foundIds = new Set(found.map((event) => event.id.toLowerCase()));
    if (foundIds.size !== ids.length || !ids.every((id) => foundIds.has(id))) {
      throw new EventIdConflictError(stream, ids.filter((id) => foundIds.has(id)));
    }
    const last = found.reduce((a, b) => (b.revision > a.revision ? b : a));
    return { stream, revision: last.revision, position: last.position, duplicate: true };
  }

  /** Nothing to write: still honour `expected`, and answer with the stream's head. */
  private async emptyAppend(stream: StreamName, expected: ExpectedRevision): Promise<AppendResult> {
    const head = await this.storage.streamHead(stream);
    checkExpected(stream, expected, head);
    if (!head) {
      // No stream, so no event to point at: the log head is the position a reader must reach to see "nothing".
      return { stream, revision: -1, position: (await this.storage.headPosition()) ?? 0n, duplicate: false };
    }
    const [last] = await this.storage.readStream(stream, { fromRevision: head.revision, maxCount: 1 });
    return { stream, revision: head.revision, position: last?.position ?? (await this.storage.headPosition()) ?? 0n, duplicate: false };
  }

}

/** The guard could not tell from the tail alone (thrown inside the transaction, so that nothing is written). */
class TailCannotTell extends Error {}
const TAIL_CANNOT_TELL = Symbol('tail cannot tell');

function headOf(tail: ReadonlyArray<Pick<RecordedEvent, 'revision' | 'hash'>>): StreamHead | null {
  const last = tail[tail.length - 1];
  return last ? { revision: last.revision, hash: last.hash } : null;
}

function checkExpected(stream: StreamName, expected: ExpectedRevision, head: StreamHead | null): void {
  const actual = head ? head.revision : 'no-stream';
  const ok = expected === 'any' || (expected === 'no-stream' ? head === null : expected === 'exists' ? head !== null : head?.revision === expected);
  if (!ok) throw new WrongExpectedRevisionError(stream, expected, actual);
}

function chain(stream: StreamName, events: NormalizedEvent[], head: StreamHead | null): ChainedEvent[] {
  let prevHash = head ? head.hash : null;
  let revision = head ? head.revision + 1 : 0;
  return events.map((event) => {
    const fields = { id: event.id, stream, revision, type: event.type, data: event.data, metadata: event.metadata, prevHash };
    // Hashed over the canonical texts the validation wrote: the data is not walked again.
    const linked: ChainedEvent = { ...fields, hash: hashEventJson(fields, event.dataJson, event.metadataJson) };
    prevHash = linked.hash;
    revision += 1;
    return linked;
  });
}

function pause(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
