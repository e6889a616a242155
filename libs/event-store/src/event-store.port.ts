/**
 * The event store port. Two layers:
 *  - `EventStorage` is what an adapter (SQLite, KurrentDB) implements: durable, ordered storage of
 *    already-chained events, with an optimistic-concurrency check on the stream head.
 *  - `EventStore` is what the application uses; `ChainedEventStore` implements it over any
 *    `EventStorage` and computes the hash chain, so every adapter gets the same tamper evidence.
 */

export type StreamName = string;

/** `no-stream`: must not exist; `exists`: must exist; `any`: no check; a number: the revision of the stream's last event. */
export type ExpectedRevision = 'no-stream' | 'exists' | 'any' | number;

export interface EventMetadata {
  /** Business time (ISO 8601): when the fact happened in the world. */
  occurredAt: string;
  /** System time (ISO 8601): when the fact was recorded. */
  recordedAt: string;
  /** Who recorded it (API key name, `cli`, `seed`, `retention`, ...). */
  actor: string;
  correlationId: string;
  causationId: string | null;
  schemaVersion: number;
}

export interface EventToAppend<Type extends string = string, Data = unknown> {
  /** UUID. Appending an event whose id is already in the stream is a no-op. */
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

/** An event with its place in its stream and its link in the stream's hash chain (not yet its global position). */
export interface ChainedEvent<Type extends string = string, Data = unknown> extends EventToAppend<Type, Data> {
  stream: StreamName;
  /** 0-based per stream. */
  revision: number;
  /** Hash of the previous event of the same stream; null for revision 0. */
  prevHash: string | null;
  /** SHA-256 (hex) over the canonical JSON of id, stream, revision, type, data, metadata, prevHash. */
  hash: string;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> extends ChainedEvent<Type, Data> {
  /** Global, monotonic position in the whole log (commit position on KurrentDB). */
  position: bigint;
}

/**
 * A domain event type (or a union of them) as read back from the log: `Recorded<ExpenseRecorded>` has the event's own
 * `type` and `data` and the log's id, stream, revision, position and metadata. Distributes over unions.
 */
export type Recorded<E> = E extends { type: infer T extends string; data: infer D } ? RecordedEvent<T, D> : never;

/** A log position as the API and the views write it: a decimal string (bigint does not survive JSON); null stays null. */
export const positionText = (position: bigint | null): string | null => (position === null ? null : position.toString());

export interface AppendResult {
  stream: StreamName;
  /** Revision of the last event of the append (the stream's new head). */
  revision: number;
  /** Global position of the last event of the append. */
  position: bigint;
  /** True when every event id was already stored: nothing was written, the original result is returned. */
  duplicate: boolean;
}

export interface StreamHead {
  revision: number;
  hash: string;
}

/** Options of a read of the whole log. */
export interface ReadAllOptions {
  /**
   * Only events of these types (the store skips the others itself: on SQLite before a row reaches JavaScript, on
   * KurrentDB on the server). A projector asks only for what its projections handle. Absent: every event.
   */
  types?: readonly string[];
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive). Default 0. */
  fromRevision?: number;
  maxCount?: number;
}

export type Unsubscribe = () => void;

/** Raised when the expected revision does not match the stream. */
export class WrongExpectedRevisionError extends Error {
  readonly code = 'STREAM.WRONG_EXPECTED_REVISION';
  constructor(
    readonly stream: StreamName,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no-stream',
  ) {
    super(`Stream ${stream}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Raised when an append mixes ids already stored with new ones, or reuses an id in another stream. */
export class EventIdConflictError extends Error {
  readonly code = 'STREAM.EVENT_ID_CONFLICT';
  constructor(readonly stream: StreamName, readonly eventIds: string[]) {
    super(`Stream ${stream}: event ids ${eventIds.join(', ')} were partly or elsewhere stored already`);
    this.name = 'EventIdConflictError';
  }
}

/** Refused before anything was written: the append is larger than one atomic write of the storage may be (KurrentDB's MaxAppendSize). */
export class AppendTooLargeError extends Error {
  readonly code = 'STREAM.APPEND_TOO_LARGE';
  constructor(readonly stream: StreamName, readonly bytes: number, readonly limitBytes: number) {
    super(`Stream ${stream}: the append is ${bytes} bytes, more than the ${limitBytes} bytes one atomic write may hold; nothing was written`);
    this.name = 'AppendTooLargeError';
  }
}

/** The stream was deleted in the storage (outside Kuhina): it is not continued, nothing was written. */
export class DeletedStreamError extends Error {
  readonly code = 'STREAM.DELETED';
  constructor(readonly stream: StreamName, readonly how: 'soft-deleted' | 'tombstoned') {
    super(`Stream ${stream} was ${how} in the event store; Kuhina does not continue a deleted stream`);
    this.name = 'DeletedStreamError';
  }
}

/**
 * A request's idempotency key, claimed in the same transaction as the events it appends (where the storage keeps claims):
 * the same key later with another request (`fingerprint`) is refused. `scope` is whose key it is (the API user).
 */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  fingerprint: string;
  /** When it was first used (ISO 8601, system time). */
  at: string;
}

/** The key was claimed by another request (another fingerprint): nothing of this one was written. */
export class IdempotencyClaimConflictError extends Error {
  readonly code = 'IDEMPOTENCY.KEY_REUSED';
  constructor(readonly scope: string, readonly key: string) {
    super('This Idempotency-Key was already used with a different request; use a new key for a new request.');
    this.name = 'IdempotencyClaimConflictError';
  }
}

export interface AppendOptions {
  /** Claimed with the events, in their transaction (storages with `findClaim`); ignored by the others. */
  claim?: IdempotencyClaim;
}

/** What `EventStorage.appendBuilt`'s builder returns: the chained events and the revision they expect. */
export interface BuiltAppend {
  events: ChainedEvent[];
  expected: number | 'no-stream';
  /** Each event's data and metadata as the canonical JSON texts it was hashed over: stored as they are (no second writing). */
  json?: ReadonlyArray<{ data: string; metadata: string }>;
}

/**
 * A stored event as its row holds it, data and metadata as their stored JSON text (not parsed): what `appendBuilt`'s
 * builder gets, so that a row it has seen before is known by its text, not re-parsed and re-hashed.
 */
export interface StoredEventRow {
  id: string;
  stream: StreamName;
  revision: number;
  type: string;
  dataJson: string;
  metadataJson: string;
  prevHash: string | null;
  hash: string;
}

/** What an adapter implements. It stores chained events verbatim and never recomputes hashes. */

export interface EventStorage {
  readonly name: string;
  /**
   * Append chained events whose revisions start at `expected + 1` (or 0 for `no-stream`).
   * Must be atomic: all events or none. Throws WrongExpectedRevisionError if the head moved.
   */
  appendChained(stream: StreamName, events: ChainedEvent[], expected: number | 'no-stream', options?: AppendOptions): Promise<AppendResult>;
  /**
   * The fingerprint an idempotency key was claimed with, or null. Only a storage that commits claims with its events
   * (the embedded SQLite) has it; without it the API keeps the keys in a store of their own.
   */
  findClaim?(scope: string, key: string): Promise<string | null>;
  /** The stored events of `stream` carrying these ids (any order), for idempotent retries. */
  findByIds(stream: StreamName, eventIds: string[]): Promise<RecordedEvent[]>;
  /** The event with this id, in whatever stream, or null (an audit trace starts from one). */
  findEvent(eventId: string): Promise<RecordedEvent | null>;
  streamHead(stream: StreamName): Promise<StreamHead | null>;
  readStream(stream: StreamName, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * The last `count` events of `stream` in revision order (none: no stream). Optional: the head and the events the append
   * guard re-checks in one read instead of two (without it: `streamHead`, then `readStream`).
   */
  readStreamTail?(stream: StreamName, count: number): Promise<RecordedEvent[]>;
  /**
   * Optional: `appendChained` whose events are chained inside the write's own transaction. `build` gets the stream's
   * last `tailCount` events as the transaction sees them, and returns the events chained onto them with the revision
   * they expect (or throws: that append is refused, the others of its group commit go on). One read in the write
   * transaction instead of a read before it: the append's head can never be stale, and a write saves a round trip.
   */
  appendBuilt?(stream: StreamName, tailCount: number, build: (tail: StoredEventRow[]) => BuiltAppend, options?: AppendOptions): Promise<AppendResult>;
  /**
   * True when `appendChained` refuses, atomically with the write, any event id already stored in any stream
   * (EventIdConflictError): the store then looks for an earlier identical append only when an append is refused,
   * instead of before every append.
   */
  readonly refusesStoredIds?: boolean;
  /**
   * Events with position strictly greater than `after` (null: from the start), in log order; at most `maxCount`
   * of them, counting only the events of `options.types` when given.
   */
  readAll(after: bigint | null, maxCount: number, options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** All stream names, for verification. */
  listStreams(): AsyncIterable<StreamName>;
  /** Position of the last event in the log, or null when empty. */
  headPosition(): Promise<bigint | null>;
  /** Called with the new head position whenever events are appended (by this or another process). */
  subscribe(listener: (position: bigint) => void): Unsubscribe;
  close(): Promise<void>;
}

/** What the application uses. */
export interface EventStore {
  append(stream: StreamName, events: EventToAppend[], expected: ExpectedRevision, options?: AppendOptions): Promise<AppendResult>;
  readStream(stream: StreamName, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(after: bigint | null, maxCount: number, options?: ReadAllOptions): Promise<RecordedEvent[]>;
  streamHead(stream: StreamName): Promise<StreamHead | null>;
  findByIds(stream: StreamName, eventIds: string[]): Promise<RecordedEvent[]>;
  /** The event with this id, in whatever stream, or null. */
  findEvent(eventId: string): Promise<RecordedEvent | null>;
  headPosition(): Promise<bigint | null>;
  subscribe(listener: (position: bigint) => void): Unsubscribe;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
