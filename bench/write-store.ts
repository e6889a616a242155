/**
 * The event-store part of `npm run bench:write`: single-event appends spread over 100 streams, each in its own fresh
 * file under a temporary folder, at the same durability (WAL, synchronous=FULL: acknowledged = on disk):
 *  - ours: `createEventStore` (the `ChainedEventStore` over `SqliteEventStorage`, as the API builds it), with the
 *    expected revision of each stream given (as the command handlers do), 1 append in flight and 100 in flight (one
 *    writer per stream: what group commit can share);
 *  - raw: better-sqlite3, one `BEGIN IMMEDIATE; INSERT; COMMIT` per event into a table with the event log's columns and
 *    constraints (no head read, no hash): the floor. Synchronous, so in flight is always 1;
 *  - raw chained (the bound): raw plus, in the same transaction, the stream's last two rows read and the event hashed:
 *    the least a hash-chained append with a tail check does;
 *  - Emmett: `@event-driven-io/emmett-sqlite`'s `getSQLiteEventStore` on a file, with the expected stream version.
 *    Its file store opens and closes its connection around each operation, so appends from one store run one at a
 *    time (two in flight would close the connection under each other). SQLite's default synchronous in WAL is FULL.
 * The events are the same for all: an `OrganizationRegistered`-sized data object and the application's metadata.
 * Each way is warmed up (200 appends), then the ways take turns for BENCH_ROUNDS rounds (so that a change in the load of
 * this shared machine hits all alike); a way's rate is its appends over the seconds of its own turns.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createEventStore, hashEvent, type EventToAppend } from '@kuhina/event-store';

export const STREAMS = 100;

/** The event log's columns and constraints (libs/event-store/src/sqlite/sqlite-migrations.ts, migration 1). */
export function createRawEventTable(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS events (
    position  INTEGER PRIMARY KEY AUTOINCREMENT,
    id        TEXT    NOT NULL UNIQUE,
    stream    TEXT    NOT NULL,
    revision  INTEGER NOT NULL CHECK (revision >= 0),
    type      TEXT    NOT NULL,
    data      TEXT    NOT NULL CHECK (json_valid(data)),
    metadata  TEXT    NOT NULL CHECK (json_valid(metadata)),
    prev_hash TEXT,
    hash      TEXT    NOT NULL,
    UNIQUE (stream, revision)
  ) STRICT`);
}

/** The events every way appends: an `OrganizationRegistered`-sized data object and the application's metadata. */
export function benchEvent(i: number): EventToAppend {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    type: 'OrganizationRegistered',
    data: { name: `Penkki ${i} Oy`, sector: 'public-administration', municipality: 'Pori', region: 'Satakunta', businessId: null, website: null },
    metadata: { occurredAt: now, recordedAt: now, actor: 'bench', correlationId: randomUUID(), causationId: null, schemaVersion: 1 },
  };
}

export const streamName = (s: number): string => `organization-${String(s).padStart(8, '0')}-bench-${s}`;

export interface StoreFigures {
  /** appends/s */
  oursSequential: number;
  oursConcurrent: number;
  raw: number;
  /** The bound: raw plus what any hash-chained append must do (the stream's last two rows read and the event hashed, in the write's transaction). */
  rawChained: number;
  emmett: number | null;
  /** Emmett appends that failed with SQLITE_BUSY and were tried again. */
  emmettBusy: number;
  emmettError: string | null;
}

/** `count` appends spread over STREAMS streams by `inFlight` writers (each its own streams), from the revisions given. */
async function runWriters(count: number, inFlight: number, append: (stream: number, revision: number, i: number) => Promise<void>, revisions: number[]): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async (_, writer) => {
      for (let i = next++; i < count; i = next++) {
        // One writer: round-robin over the streams; else writer w writes stream w only (never two appends in flight on one stream).
        const stream = inFlight === 1 ? i % STREAMS : writer % STREAMS;
        await append(stream, revisions[stream]!, i);
        revisions[stream]! += 1;
      }
    }),
  );
}

/** One way of appending, opened once and run round after round: `append(n)` does n appends and returns their seconds. */
interface Contender {
  append(n: number): Promise<number>;
  close(): Promise<void>;
}

/** Runs `count` appends through `append`, each writer on its own streams; seconds taken. */
function timed(count: number, inFlight: number, append: (stream: number, revision: number, i: number) => Promise<void>, revisions: number[]): Promise<number> {
  const started = process.hrtime.bigint();
  return runWriters(count, inFlight, append, revisions).then(() => Number(process.hrtime.bigint() - started) / 1e9);
}

function ours(dir: string, inFlight: number): Contender {
  const store = createEventStore({ dataDir: dir, synchronous: 'FULL' });
  const revisions = new Array<number>(STREAMS).fill(-1);
  return {
    append: (n) => timed(n, inFlight, (s, revision, i) => store.append(streamName(s), [benchEvent(i)], revision < 0 ? 'no-stream' : revision).then(() => undefined), revisions),
    close: () => store.storage.close(),
  };
}

function raw(file: string): Contender {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  createRawEventTable(db);
  const insert = db.prepare('INSERT INTO events (id, stream, revision, type, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const append = db.transaction((stream: string, revision: number, e: EventToAppend) =>
    insert.run(e.id, stream, revision, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), null, e.id),
  ).immediate;
  const revisions = new Array<number>(STREAMS).fill(-1);
  return {
    append: (n) => timed(n, 1, async (s, revision, i) => void append(streamName(s), revision + 1, benchEvent(i)), revisions),
    close: async () => void db.close(),
  };
}

/**
 * The bound for a hash-chained append, measured beside the floor: in the write's own transaction, the stream's last
 * two rows read (the head to chain onto, and the link a tail check re-verifies) and the event hashed with the log's
 * canonical hash, then the insert. No validation, no idempotency claim, no group commit, no async hop: what is left of
 * ours beyond this is the price of those.
 */
function rawChained(file: string): Contender {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  createRawEventTable(db);
  const tail = db.prepare<[string], { revision: number; hash: string; prev_hash: string | null }>('SELECT revision, hash, prev_hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 2');
  const insert = db.prepare('INSERT INTO events (id, stream, revision, type, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const append = db.transaction((stream: string, e: EventToAppend) => {
    const [head, before] = tail.all(stream);
    if (head !== undefined && before !== undefined && head.prev_hash !== before.hash) throw new Error(`broken link in ${stream}`);
    const revision = head === undefined ? 0 : head.revision + 1;
    const hash = hashEvent({ id: e.id, stream, revision, type: e.type, data: e.data, metadata: e.metadata as never, prevHash: head?.hash ?? null });
    insert.run(e.id, stream, revision, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), head?.hash ?? null, hash);
  }).immediate;
  const revisions = new Array<number>(STREAMS).fill(-1);
  return {
    append: (n) => timed(n, 1, async (s, _revision, i) => void append(streamName(s), benchEvent(i)), revisions),
    close: async () => void db.close(),
  };
}

/**
 * Emmett 0.38.5's file store fails now and then (~0.5 % of appends here) with `SQLITE_BUSY: cannot commit transaction -
 * SQL statements in progress` (node-sqlite3 runs the statements of its fresh connection in parallel) and logs it with
 * console.log; such an append is rolled back and tried again here, and counted.
 */
async function emmett(file: string, busy: { count: number }): Promise<Contender> {
  // Loaded only here, so that the rest of the bench runs where the native sqlite3 module could not be built.
  const { getSQLiteEventStore } = await import('@event-driven-io/emmett-sqlite');
  const store = getSQLiteEventStore({ fileName: file });
  const revisions = new Array<number>(STREAMS).fill(-1);
  const appendOne = async (s: number, revision: number, i: number): Promise<void> => {
    const e = benchEvent(i);
    const appended = { type: e.type, data: e.data as Record<string, unknown>, metadata: e.metadata as unknown as Record<string, unknown> };
    for (let attempt = 1; ; attempt++) {
      try {
        await store.appendToStream(streamName(s), [appended], { expectedStreamVersion: BigInt(revision + 1) });
        return;
      } catch (error) {
        if (!(error instanceof Error && error.message.startsWith('SQLITE_BUSY')) || attempt >= 10) throw error;
        busy.count += 1;
      }
    }
  };
  return {
    append: async (n) => {
      const quiet = console.log;
      console.log = () => undefined; // Emmett logs each failed transaction's error
      try {
        return await timed(n, 1, appendOne, revisions);
      } finally {
        console.log = quiet;
      }
    },
    close: async () => undefined, // its file store holds no connection between operations
  };
}

/** `count` appends each way, in `rounds` rounds that take turns (so that a change in the machine's load hits all alike). */
export async function measureStore(count: number, rounds: number, log: (line: string) => void): Promise<StoreFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'kuhina-bench-write-store-'));
  const busy = { count: 0 };
  const contenders: Array<[keyof typeof seconds, Contender | null]> = [
    ['raw', raw(join(dir, 'raw.db'))],
    ['rawChained', rawChained(join(dir, 'raw-chained.db'))],
    ['oursSequential', ours(join(dir, 'ours-1'), 1)],
    ['oursConcurrent', ours(join(dir, 'ours-100'), STREAMS)],
  ];
  const seconds = { raw: 0, rawChained: 0, oursSequential: 0, oursConcurrent: 0, emmett: 0 };
  let emmettError: string | null = null;
  try {
    contenders.push(['emmett', await emmett(join(dir, 'emmett.db'), busy)]);
  } catch (error) {
    emmettError = error instanceof Error ? error.message : String(error);
  }
  try {
    log(`… event store: ${count} single-event appends to ${STREAMS} streams, each way, in ${rounds} rounds`);
    for (const [, contender] of contenders) await contender!.append(Math.min(200, count)); // warm-up
    const perRound = Math.ceil(count / rounds);
    for (let round = 0; round < rounds; round++) {
      for (const [name, contender] of contenders) {
        if (name === 'emmett' && emmettError !== null) continue;
        try {
          seconds[name] += await contender!.append(perRound);
        } catch (error) {
          if (name !== 'emmett') throw error;
          emmettError = error instanceof Error ? error.message : String(error);
        }
      }
    }
    const rate = (name: keyof typeof seconds): number => (perRound * rounds) / seconds[name];
    return { oursSequential: rate('oursSequential'), oursConcurrent: rate('oursConcurrent'), raw: rate('raw'), rawChained: rate('rawChained'), emmett: emmettError === null ? rate('emmett') : null, emmettBusy: busy.count, emmettError };
  } finally {
    for (const [, contender] of contenders) await contender!.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
