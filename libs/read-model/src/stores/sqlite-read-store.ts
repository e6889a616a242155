import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { LimitedStatements, restrictSqliteFiles } from '@kuhina/event-store';
import { LeaseLostError, type Checkpoint, type ListOptions, type Page, type LeasedReadStore, type UnitOfWork, type ViewDocument } from '../read-store.port';
import { assertCollection, assertId, assertIndexName, assertLease, assertLimit } from './read-store-arguments';
import { migrateReadStore } from './sqlite-read-store-migrations';
import { isEmpty, runStagedTransaction, type StagedWrites } from './staged-unit-of-work';
import { decodeCursor, encodeCursor } from './view-cursor';

/**
 * Page size of a new views file: SQLite's 4 KiB. A live batch (a few documents, their index entries and the
 * checkpoints) dirties ~15 pages and the WAL takes each whole: with the 64 KiB pages used until issue 17 that was
 * ~1 MiB per commit and a 64 MiB checkpoint every ~125 commits on the event loop (1.5 ms a live commit and p99 spikes
 * of ~90 ms, against 0.46 ms at 4 KiB; a full rebuild was no more than ~10 % faster with them).
 */
const PAGE_SIZE = 4096;

export interface SqliteReadStoreOptions {
  /** Database file (its folder is created if missing), or `:memory:`. */
  file: string;
  /**
   * NORMAL (default): in WAL mode a power loss may drop the last commits, never half of one; views and
   * checkpoint go together, so the projector simply redoes those batches. FULL also syncs every commit.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** How long to wait for another connection's write lock before failing (ms). Default 5000. */
  busyTimeoutMs?: number;
}

interface ListRow {
  id: string;
  doc: string;
  sortKey: string;
}

type ListAllFirst = [collection: string];
type ListAllAfter = [collection: string, sortKey: string, id: string];
type ListIndexFirst = [collection: string, name: string, value: string];
type ListIndexAfter = [collection: string, name: string, value: string, sortKey: string, id: string];

/**
 * The embedded read store: JSON documents in one SQLite file in WAL mode, so API readers (same process
 * or another) are never blocked by the projector's commits. A unit of work stages its writes in memory
 * and commits them with the checkpoint in ONE IMMEDIATE transaction of prepared statements: a batch of
 * thousands of events costs one commit.
 */
export class SqliteReadStore implements LeasedReadStore {
  readonly name = 'sqlite';
  readonly file: string;
  private readonly db: Database.Database;
  private closed = false;

  private readonly statements: {
    get: Database.Statement<[string, string], { doc: string }>;
    listAllFirst: LimitedStatements<ListAllFirst, ListRow>;
    listAllAfter: LimitedStatements<ListAllAfter, ListRow>;
    listIndexFirst: LimitedStatements<ListIndexFirst, ListRow>;
    listIndexAfter: LimitedStatements<ListIndexAfter, ListRow>;
    checkpoint: Database.Statement<[string], { position: string | null; versions: string }>;
    upsertDocument: Database.Statement<[string, string, string, string]>;
    deleteDocument: Database.Statement<[string, string]>;
    deleteIndexesOf: Database.Statement<[string, string]>;
    insertIndex: Database.Statement<[string, string, string, string, string]>;
    clearDocuments: Database.Statement<[string]>;
    clearIndexes: Database.Statement<[string]>;
    upsertCheckpoint: Database.Statement<[string, string | null, string]>;
    lease: Database.Statement<[string], { owner: string; expiresAt: number }>;
    upsertLease: Database.Statement<[string, string, number]>;
    releaseLease: Database.Statement<[string, string]>;
  };
  private readonly commitTransaction: (staged: StagedWrites) => void;
  private readonly acquireTransaction: (name: string, owner: string, ttlMs: number, renewOnly: boolean) => boolean;

  constructor(options: SqliteReadStoreOptions) {
    this.file = options.file;
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
    this.db = new Database(options.file, { timeout: options.busyTimeoutMs ?? 5000 });
    try {
      // 0600 before WAL mode makes the -wal/-shm (SQLite gives them this file's mode); fixes the looser ones already there.
      restrictSqliteFiles(options.file);
      // Only a new (empty) file takes it; an existing one keeps its page size (the README says how to move one).
      this.db.pragma(`page_size = ${PAGE_SIZE}`);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
      migrateReadStore(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }

    const listColumns = 'SELECT d.id AS id, d.doc AS doc, d.sort_key AS sortKey FROM documents d';
    const indexColumns = 'SELECT i.id AS id, d.doc AS doc, i.sort_key AS sortKey FROM document_indexes i JOIN documents d ON d.collection = i.collection AND d.id = i.id';
    const indexWhere = 'WHERE i.collection = ? AND i.name = ? AND i.value = ?';
    const limited = <Params extends unknown[]>(sql: string) => new LimitedStatements<Params, ListRow>(sql, (text) => this.db.prepare<Params, ListRow>(text));
    this.statements = {
      get: this.db.prepare('SELECT doc FROM documents WHERE collection = ? AND id = ?'),
      // Keyset paging on (sort_key, id): each page is one range scan of an index, however deep the page. The limit is
      // written into the statement, not bound (LimitedStatements says why).
      listAllFirst: limited(`${listColumns} WHERE d.collection = ? ORDER BY d.sort_key, d.id LIMIT`),
      listAllAfter: limited(`${listColumns} WHERE d.collection = ? AND (d.sort_key, d.id) > (?, ?) ORDER BY d.sort_key, d.id LIMIT`),
      listIndexFirst: limited(`${indexColumns} ${indexWhere} ORDER BY i.sort_key, i.id LIMIT`),
      listIndexAfter: limited(`${indexColumns} ${indexWhere} AND (i.sort_key, i.id) > (?, ?) ORDER BY i.sort_key, i.id LIMIT`),
      checkpoint: this.db.prepare('SELECT position, versions FROM checkpoints WHERE projector = ?'),
      upsertDocument: this.db.prepare(
        'INSERT INTO documents (collection, id, doc, sort_key) VALUES (?, ?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc, sort_key = excluded.sort_key',
      ),
      deleteDocument: this.db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?'),
      deleteIndexesOf: this.db.prepare('DELETE FROM document_indexes WHERE collection = ? AND id = ?'),
      insertIndex: this.db.prepare('INSERT INTO document_indexes (collection, name, value, sort_key, id) VALUES (?, ?, ?, ?, ?)'),
      clearDocuments: this.db.prepare('DELETE FROM documents WHERE collection = ?'),
      clearIndexes: this.db.prepare('DELETE FROM document_indexes WHERE collection = ?'),
      upsertCheckpoint: this.db.prepare(
        'INSERT INTO checkpoints (projector, position, versions) VALUES (?, ?, ?) ON CONFLICT (projector) DO UPDATE SET position = excluded.position, versions = excluded.versions',
      ),
      lease: this.db.prepare('SELECT owner, expires_at AS expiresAt FROM leases WHERE name = ?'),
      upsertLease: this.db.prepare('INSERT INTO leases (name, owner, expires_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at'),
      releaseLease: this.db.prepare('DELETE FROM leases WHERE name = ? AND owner = ?'),
    };

    // IMMEDIATE takes the write lock up front: a concurrent writer waits (busy timeout) instead of failing mid-commit.
    this.commitTransaction = this.db.transaction((staged: StagedWrites) => this.applyStaged(staged)).immediate;
    // Read and write under the write lock: two processes taking a free lease at once cannot both get it.
    this.acquireTransaction = this.db.transaction((name: string, owner: string, ttlMs: number, renewOnly: boolean): boolean => {
      const now = Date.now();
      const current = this.statements.lease.get(name);
      const free = !current || current.expiresAt <= now;
      if (renewOnly ? free || current.owner !== owner : !free && current.owner !== owner) return false;
      this.statements.upsertLease.run(name, owner, now + ttlMs);
      return true;
    }).immediate;
  }

  async get<T extends ViewDocument>(collection: string, id: string): Promise<T | null> {
    assertCollection(collection);
    assertId(id);
    const row = this.statements.get.get(collection, id);
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  async list<T extends ViewDocument>(collection: string, options: ListOptions): Promise<Page<T>> {
    assertCollection(collection);
    assertLimit(options.limit);
    if (options.where) assertIndexName(options.where.index);
    const { where, limit } = options;
    const after = decodeCursor(options.after, collection, where);
    // One row more than asked tells whether there is a next page, so the last page never points at an empty one.
    const fetch = limit + 1;
    let rows: ListRow[];
    if (where) {
      rows = after
        ? this.statements.listIndexAfter.limit(fetch).all(collection, where.index, where.value, after.sortKey, after.id)
        : this.statements.listIndexFirst.limit(fetch).all(collection, where.index, where.value);
    } else {
      rows = after ? this.statements.listAllAfter.limit(fetch).all(collection, after.sortKey, after.id) : this.statements.listAllFirst.limit(fetch).all(collection);
    }
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({ id: row.id, doc: JSON.parse(row.doc) as T })),
      next: rows.length > limit && last ? encodeCursor(collection, where, last) : null,
    };
  }

  async checkpoint(projector: string): Promise<Checkpoint | null> {
    const row = this.statements.checkpoint.get(projector);
    if (!row) return null;
    return { position: row.position === null ? null : BigInt(row.position), versions: JSON.parse(row.versions) as Record<string, number> };
  }

  transaction<R>(work: (uow: UnitOfWork) => Promise<R>): Promise<R> {
    return runStagedTransaction(
      (collection, id) => this.get(collection, id),
      work,
      (staged) => {
        if (!isEmpty(staged)) this.commitTransaction(staged);
      },
    );
  }

  async drop(collections: string[]): Promise<void> {
    for (const collection of collections) assertCollection(collection);
    this.db.transaction(() => collections.forEach((collection) => this.empty(collection))).immediate();
  }

  async acquireLease(name: string, owner: string, ttlMs: number, renewOnly = false): Promise<boolean> {
    assertLease(name, owner, ttlMs);
    return this.acquireTransaction(name, owner, ttlMs, renewOnly);
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    this.statements.releaseLease.run(name, owner);
  }

  async leaseHolder(name: string): Promise<string | null> {
    const current = this.statements.lease.get(name);
    return current && current.expiresAt > Date.now() ? current.owner : null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  /** Every document of a collection and its index entries (inside the caller's transaction). */
  private empty(collection: string): void {
    this.statements.clearIndexes.run(collection);
    this.statements.clearDocuments.run(collection);
  }

  private applyStaged(staged: StagedWrites): void {
    const s = this.statements;
    // Checked under the write lock the whole commit holds: a lease taken over meanwhile makes this commit write nothing.
    const now = Date.now();
    for (const [name, owner] of staged.leases) {
      const current = s.lease.get(name);
      if (current?.owner !== owner || current.expiresAt <= now) throw new LeaseLostError(name, owner);
    }
    for (const collection of staged.cleared) this.empty(collection);
    for (const [collection, writes] of staged.documents) {
      // After a clear there are no old index entries to remove: a rebuild skips one DELETE per document.
      const fresh = staged.cleared.has(collection);
      for (const [id, write] of writes) {
        if (!fresh) s.deleteIndexesOf.run(collection, id);
        if (write === null) {
          s.deleteDocument.run(collection, id);
          continue;
        }
        s.upsertDocument.run(collection, id, write.json, write.sortKey);
        for (const name in write.indexes) s.insertIndex.run(collection, name, write.indexes[name]!, write.sortKey, id);
      }
    }
    for (const [projector, checkpoint] of staged.checkpoints) {
      s.upsertCheckpoint.run(projector, checkpoint.position === null ? null : checkpoint.position.toString(), JSON.stringify(checkpoint.versions));
    }
  }
}
