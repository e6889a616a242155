import { errorMessage } from '../error-message';
import { mkdirSync } from 'node:fs';
import { restrictSqliteFiles } from '../owner-only';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  EventIdConflictError,
  IdempotencyClaimConflictError,
  WrongExpectedRevisionError,
  type AppendOptions,
  type AppendResult,
  type BuiltAppend,
  type ChainedEvent,
  type EventMetadata,
  type EventStorage,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamHead,
  type StoredEventRow,
  type StreamName,
  type Unsubscribe,
} from '../event-store.port';
import { migrate } from './sqlite-migrations';
import { GroupCommit, type Outcome } from './group-commit';
import { LimitedStatements } from './limited-statements';

export interface SqliteEventStorageOptions {
  /** Database file (its folder is created if missing), or `:memory:`. */
  file: string;
  /** FULL (default) survives power loss after each append; NORMAL in WAL mode may lose the last appends, never corrupts. */
  synchronous?: 'FULL' | 'NORMAL';
  /** How often to look for appends by other processes while someone is subscribed (ms). Default 250. */
  pollIntervalMs?: number;
  /** How long to wait for another process's write lock before failing (ms). Default 5000. */
  busyTimeoutMs?: number;
}

/**
 * A row of COLUMNS as an array (the statements are `raw`): better-sqlite3 builds a plain array per row far more
 * cheaply than an object with named keys (reading the whole log: ~2.0 s → ~1.1 s per million events here).
 */
type EventRow = [position: bigint, id: string, stream: string, revision: bigint, type: string, data: string, metadata: string, prevHash: string | null, hash: string];

const COLUMNS = 'position, id, stream, revision, type, data, metadata, prev_hash, hash';
const STREAM_PAGE = 500;

/** One append waiting for its transaction. */
interface PendingAppend {
  stream: StreamName;
  events: ChainedEvent[];
  expected: number | 'no-stream';
  claim?: AppendOptions['claim'];
  /** appendBuilt: the events are chained in the transaction, onto the stream's last `tailCount` events as it sees them. */
  build?: { tailCount: number; chain: (tail: StoredEventRow[]) => BuiltAppend };
}

/**
 * The embedded event storage: one SQLite file in WAL mode (readers never block the writer).
 * Positions are SQLite rowids, read as bigint. Appends are group-committed (group-commit.ts): those submitted in one
 * turn of the event loop share an IMMEDIATE transaction and its fsync, each in its own savepoint that re-reads the
 * stream head, so two appends (or two processes on the same file) can never both write revision n.
 */
export class SqliteEventStorage implements EventStorage {
  readonly name = 'sqlite';
  /** The unique index on events.id refuses a stored id inside the append's own transaction. */
  readonly refusesStoredIds = true;
  readonly file: string;
  private readonly db: Database.Database;
  private readonly pollIntervalMs: number;
  private readonly listeners = new Set<(position: bigint) => void>();
  private pollTimer: NodeJS.Timeout | null = null;
  private lastDataVersion = 0;
  private lastNotified = 0n;
  private closed = false;

  private readonly statements: {
    head: Database.Statement<[string], { revision: bigint; hash: string }>;
    insert: Database.Statement<[string, string, number, string, string, string, string | null, string]>;
    readTail: LimitedStatements<[string], EventRow>;
    readStream: LimitedStatements<[string, number], EventRow>;
    readAll: LimitedStatements<[bigint], EventRow>;
    readAllOfTypes: LimitedStatements<[bigint, string], EventRow>;
    findByIds: Database.Statement<[string, string], EventRow>;
    findEvent: Database.Statement<[string], EventRow>;
    headPosition: Database.Statement<[], { position: bigint | null }>;
    streamsAfter: Database.Statement<[string], { stream: string }>;
    claim: Database.Statement<[string, string, string, string]>;
    findClaim: Database.Statement<[string, string], { fingerprint: string }>;
  };
  private readonly groupCommit: GroupCommit<PendingAppend, AppendResult>;

  constructor(options: SqliteEventStorageOptions) {
    this.file = options.file;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
    this.db = new Database(options.file, { timeout: options.busyTimeoutMs ?? 5000 });
    try {
      // 0600 before WAL mode makes the -wal/-shm (SQLite gives them this file's mode); fixes the looser ones already there.
      restrictSqliteFiles(options.file);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
      migrate(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }

    const rows = <Params extends unknown[]>(sql: string) => new LimitedStatements<Params, EventRow>(sql, (text) => this.db.prepare<Params, EventRow>(text).safeIntegers(true).raw(true));
    this.statements = {
      head: this.db.prepare<[string], { revision: bigint; hash: string }>('SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1').safeIntegers(true),
      insert: this.db.prepare('INSERT INTO events (id, stream, revision, type, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').safeIntegers(true),
      // Limits written into the statements, not bound (limited-statements.ts says why).
      readTail: rows(`SELECT ${COLUMNS} FROM events WHERE stream = ? ORDER BY revision DESC LIMIT`),
      readStream: rows(`SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT`),
      readAll: rows(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT`),
      // Still one scan in log order (no index on type): SQLite drops the other types before a row reaches JavaScript,
      // so they cost neither a row object nor a JSON parse.
      readAllOfTypes: rows(`SELECT ${COLUMNS} FROM events WHERE position > ? AND type IN (SELECT value FROM json_each(?)) ORDER BY position LIMIT`),
      // By the unique index on id, never by the stream's: `+stream` keeps SQLite from planning on (stream, revision), which
      // scanned the whole stream on every command (52 % of the API's CPU filling a 10,000-person webinar).
      findByIds: this.db
        .prepare<[string, string], EventRow>(`SELECT ${COLUMNS} FROM events WHERE +stream = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY revision`)
        .safeIntegers(true)
        .raw(true),
      // The unique index on id makes this one lookup.
      findEvent: this.db.prepare<[string], EventRow>(`SELECT ${COLUMNS} FROM events WHERE id = ?`).safeIntegers(true).raw(true),
      headPosition: this.db.prepare<[], { position: bigint | null }>('SELECT max(position) AS position FROM events').safeIntegers(true),
      // Keyset paging, so that listing never holds a statement open while the caller reads streams.
      streamsAfter: this.db.prepare<[string], { stream: string }>(`SELECT DISTINCT stream FROM events WHERE stream > ? ORDER BY stream LIMIT ${STREAM_PAGE}`),
      claim: this.db.prepare('INSERT INTO idempotency_claims (scope, key, fingerprint, first_used_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING'),
      findClaim: this.db.prepare<[string, string], { fingerprint: string }>('SELECT fingerprint FROM idempotency_claims WHERE scope = ? AND key = ?'),
    };

    const writeOne = (pending: PendingAppend): { position: bigint; revision: number } => {
      const { stream, claim } = pending;
      let { events, expected } = pending;
      let json: BuiltAppend['json'];
      if (pending.build) {
        // Chained here, onto the tail as this transaction sees it (a savepoint of a group sees the appends before it).
        ({ events, expected, json } = pending.build.chain(this.statements.readTail.limit(pending.build.tailCount).all(stream).reverse().map(toStoredRow)));
        checkChainedAt(stream, events, expected);
      }
      if (claim && this.statements.claim.run(claim.scope, claim.key, claim.fingerprint, claim.at).changes === 0) {
        // Claimed already: by this request (a retry, or its earlier append) it may go on; by another it may not.
        if (this.statements.findClaim.get(claim.scope, claim.key)?.fingerprint !== claim.fingerprint) throw new IdempotencyClaimConflictError(claim.scope, claim.key);
      }
      // A built append was chained onto the head this transaction read just now: no second look.
      const head = pending.build ? null : this.statements.head.get(stream);
      const actual = pending.build ? expected : head ? Number(head.revision) : 'no-stream';
      if (actual !== expected) throw new WrongExpectedRevisionError(stream, expected, actual);
      let position = 0n;
      for (let i = 0; i < events.length; i++) {
        const event = events[i]!;
        try {
          // The canonical text the builder hashed parses to the same value as JSON.stringify's: either may be stored.
          const text = json?.[i];
          const info = this.statements.insert.run(
            event.id,
            stream,
            event.revision,
            event.type,
            text?.data ?? JSON.stringify(event.data),
            text?.metadata ?? JSON.stringify(event.metadata),
            event.prevHash,
            event.hash,
          );
          position = BigInt(info.lastInsertRowid);
        } catch (error) {
          if (isUniqueViolation(error, 'events.id')) throw new EventIdConflictError(stream, [event.id]);
          if (isUniqueViolation(error, 'events.stream')) throw new WrongExpectedRevisionError(stream, expected, actual);
          throw error;
        }
      }
      return { position, revision: events[events.length - 1]!.revision };
    };
    // Called inside the batch's transaction, so better-sqlite3 runs it in a savepoint: a refused append is rolled back
    // alone and the others commit.
    const appendOne = this.db.transaction(writeOne);
    const appendBatch = this.db.transaction((batch: PendingAppend[]): Array<Outcome<AppendResult>> =>
      batch.map((pending): Outcome<AppendResult> => {
        try {
          return { ok: true, value: { stream: pending.stream, ...appendOne(pending), duplicate: false } };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    ).immediate;
    // A batch of one (the usual case at low load) needs no savepoint: its refusal rolls back the whole transaction.
    let refusal: unknown = null;
    const appendAlone = this.db.transaction((pending: PendingAppend): { position: bigint; revision: number } => {
      try {
        return writeOne(pending);
      } catch (error) {
        refusal = error;
        throw error;
      }
    }).immediate;
    const commit = (batch: PendingAppend[]): Array<Outcome<AppendResult>> => {
      if (batch.length !== 1) return appendBatch(batch);
      const pending = batch[0]!;
      refusal = null;
      try {
        return [{ ok: true, value: { stream: pending.stream, ...appendAlone(pending), duplicate: false } }];
      } catch (error) {
        // The append's own refusal is its outcome; a failure of BEGIN or COMMIT fails the batch, as in appendBatch.
        if (refusal !== null && error === refusal) return [{ ok: false, error }];
        throw error;
      }
    };
    this.groupCommit = new GroupCommit(commit, (results) => {
      const last = results.reduce<bigint | null>((max, result) => (max === null || result.position > max ? result.position : max), null);
      if (last !== null) this.notify(last);
    });
  }

  async appendChained(stream: StreamName, events: ChainedEvent[], expected: number | 'no-stream', options: AppendOptions = {}): Promise<AppendResult> {
    checkChainedAt(stream, events, expected);
    if (this.closed) throw new Error('SqliteEventStorage is closed');
    return this.groupCommit.submit({ stream, events, expected, claim: options.claim });
  }

  // Not async: the group commit's own promise, without one more turn of the microtask queue on every append.
  appendBuilt(stream: StreamName, tailCount: number, chain: (tail: StoredEventRow[]) => BuiltAppend, options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('SqliteEventStorage is closed'));
    // `events` and `expected` are the builder's, once the transaction has run it.
    return this.groupCommit.submit({ stream, events: [], expected: 'no-stream', claim: options.claim, build: { tailCount, chain } });
  }

  /** Transactions committed by this process and the appends they carried (group commit). */
  get commitStats(): Readonly<{ transactions: number; appends: number }> {
    return this.groupCommit.stats;
  }

  async findClaim(scope: string, key: string): Promise<string | null> {
    return this.statements.findClaim.get(scope, key)?.fingerprint ?? null;
  }

  async findByIds(stream: StreamName, eventIds: string[]): Promise<RecordedEvent[]> {
    if (eventIds.length === 0) return [];
    return this.statements.findByIds.all(stream, JSON.stringify(eventIds)).map(toRecordedEvent);
  }

  async findEvent(eventId: string): Promise<RecordedEvent | null> {
    const row = this.statements.findEvent.get(eventId);
    return row ? toRecordedEvent(row) : null;
  }

  async streamHead(stream: StreamName): Promise<StreamHead | null> {
    const head = this.statements.head.get(stream);
    return head ? { revision: Number(head.revision), hash: head.hash } : null;
  }

  async readStreamTail(stream: StreamName, count: number): Promise<RecordedEvent[]> {
    if (count < 1) return [];
    return this.statements.readTail.limit(count).all(stream).reverse().map(toRecordedEvent);
  }

  async readStream(stream: StreamName, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const fromRevision = Math.max(0, options.fromRevision ?? 0);
    const maxCount = options.maxCount ?? -1;
    if (maxCount === 0) return [];
    // LIMIT -1: no limit (as SQLite reads any negative one).
    return this.statements.readStream.limit(maxCount < 0 ? -1 : maxCount).all(stream, fromRevision).map(toRecordedEvent);
  }

  async readAll(after: bigint | null, maxCount: number, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    if (!Number.isSafeInteger(maxCount) || maxCount < 0) throw new RangeError(`maxCount must be an integer >= 0, got ${maxCount}`);
    if (maxCount === 0) return [];
    if (options.types !== undefined) {
      if (options.types.length === 0) return [];
      return this.statements.readAllOfTypes.limit(maxCount).all(after ?? 0n, JSON.stringify(options.types)).map(toRecordedEvent);
    }
    return this.statements.readAll.limit(maxCount).all(after ?? 0n).map(toRecordedEvent);
  }

  async *listStreams(): AsyncIterable<StreamName> {
    let after = '';
    for (;;) {
      const page = this.statements.streamsAfter.all(after);
      for (const row of page) yield row.stream;
      if (page.length < STREAM_PAGE) return;
      after = page[page.length - 1]!.stream;
    }
  }

  async headPosition(): Promise<bigint | null> {
    return this.currentHead();
  }

  subscribe(listener: (position: bigint) => void): Unsubscribe {
    if (this.closed) throw new Error('SqliteEventStorage is closed');
    this.listeners.add(listener);
    this.startPolling();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopPolling();
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // What was submitted before close commits (or fails) before the database closes: nothing waits for ever.
    this.groupCommit.flush();
    this.closed = true;
    this.stopPolling();
    this.listeners.clear();
    this.db.close();
  }

  private currentHead(): bigint | null {
    return this.statements.headPosition.get()?.position ?? null;
  }

  private startPolling(): void {
    if (this.pollTimer) return;
    this.lastDataVersion = this.dataVersion();
    const head = this.currentHead();
    if (head !== null && head > this.lastNotified) this.lastNotified = head;
    this.pollTimer = setInterval(() => this.poll(), this.pollIntervalMs);
    // Polling must never keep a process alive on its own.
    this.pollTimer.unref();
  }

  private stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }

  /** data_version changes only when another connection commits: cheap to ask every few hundred ms. */
  private poll(): void {
    if (this.closed) return;
    const version = this.dataVersion();
    if (version === this.lastDataVersion) return;
    this.lastDataVersion = version;
    const head = this.currentHead();
    if (head !== null) this.notify(head);
  }

  private dataVersion(): number {
    return Number(this.db.pragma('data_version', { simple: true }));
  }

  private notify(position: bigint): void {
    if (position <= this.lastNotified) return;
    this.lastNotified = position;
    for (const listener of [...this.listeners]) {
      try {
        listener(position);
      } catch (error) {
        // A failing subscriber must not turn a committed append into an error for the writer.
        process.emitWarning(`Event store subscriber failed: ${errorMessage(error)}`, 'KuhinaEventStoreWarning');
      }
    }
  }
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  const [position, id, stream, revision, type, data, metadata, prevHash, hash] = row;
  return {
    id,
    stream,
    revision: Number(revision),
    position,
    type,
    data: JSON.parse(data) as unknown,
    metadata: JSON.parse(metadata) as EventMetadata,
    prevHash,
    hash,
  };
}

function toStoredRow(row: EventRow): StoredEventRow {
  const [, id, stream, revision, type, dataJson, metadataJson, prevHash, hash] = row;
  return { id, stream, revision: Number(revision), type, dataJson, metadataJson, prevHash, hash };
}

// Duck-typed on purpose: better-sqlite3's native addon creates SqliteError in the first JS realm that
// loaded it, so under Jest (one realm per test file) `instanceof Error` is false in the other realms.
function isUniqueViolation(error: unknown, column: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes(column);
}

/** The events are chained as the revisions after `expected`, in `stream` (a programming error otherwise). */
function checkChainedAt(stream: StreamName, events: readonly ChainedEvent[], expected: number | 'no-stream'): void {
  if (events.length === 0) throw new Error('appendChained needs at least one event');
  const first = expected === 'no-stream' ? 0 : expected + 1;
  events.forEach((event, index) => {
    if (event.stream !== stream || event.revision !== first + index) {
      throw new Error(`Event ${event.id} is chained as ${event.stream}@${event.revision}, expected ${stream}@${first + index}`);
    }
  });
}
