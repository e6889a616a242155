import { MongoClient, type AnyBulkWriteOperation, type Collection, type Db, type Filter } from 'mongodb';
import type { Checkpoint, ListOptions, Page, ReadStore, UnitOfWork, ViewDocument } from '../read-store.port';
import { assertCollection, assertId, assertIndexName, assertLimit } from './read-store-arguments';
import { isEmpty, runStagedTransaction, type StagedWrites } from './staged-unit-of-work';
import { decodeCursor, encodeCursor } from './view-cursor';

export interface MongoReadStoreOptions {
  /** e.g. `mongodb://localhost:27017/kuhina?replicaSet=rs0`. Transactions need a replica set (a single-node one will do). */
  url: string;
  /** Database name; default: the one in the URL, else `kuhina`. */
  database?: string;
}

/** One view document in its collection `view_<collection>`. */
interface ViewRow {
  _id: string;
  doc: ViewDocument;
  sortKey: string;
  /** Index values by index name: `idx.<name>` is the indexed field. */
  idx: Record<string, string>;
}

interface CheckpointRow {
  _id: string;
  /** Decimal text: log positions may exceed 2^53, which a BSON double cannot hold exactly. */
  position: string | null;
  versions: Record<string, number>;
}

const VIEW_PREFIX = 'view_';
const CHECKPOINTS = 'projector_checkpoints';
const NAMESPACE_EXISTS = 48;
const NAMESPACE_NOT_FOUND = 26;

/**
 * The production read store, through the official driver. Every view collection is a MongoDB collection
 * `view_<name>`; a unit of work commits with `session.withTransaction` (a bulkWrite per collection plus
 * the checkpoint upsert), so views and checkpoint are atomic.
 *
 * Multi-document transactions need a replica set or sharded cluster: a standalone mongod refuses them.
 * docker/compose.yaml runs a single-node replica set (rs0) for this reason.
 */
export class MongoReadStore implements ReadStore {
  readonly name = 'mongodb';
  readonly database: string;
  private readonly client: MongoClient;
  private readonly db: Db;
  /** Collections and indexes already ensured by this process (both are idempotent, but a round trip per commit is waste). */
  private readonly ensured = new Set<string>();

  constructor(options: MongoReadStoreOptions) {
    // The driver connects lazily on the first operation, so constructing a store never blocks or fails on the network.
    this.client = new MongoClient(options.url);
    this.database = options.database ?? databaseFromUrl(options.url) ?? 'kuhina';
    this.db = this.client.db(this.database);
  }

  async get<T extends ViewDocument>(collection: string, id: string): Promise<T | null> {
    assertCollection(collection);
    assertId(id);
    const row = await this.view(collection).findOne({ _id: id }, { projection: { doc: 1 } });
    return row ? (row.doc as T) : null;
  }

  async list<T extends ViewDocument>(collection: string, options: ListOptions): Promise<Page<T>> {
    assertCollection(collection);
    assertLimit(options.limit);
    if (options.where) assertIndexName(options.where.index);
    const { where, limit } = options;
    const after = decodeCursor(options.after, collection, where);

    const filter: Record<string, unknown> = {};
    if (where) filter[`idx.${where.index}`] = where.value;
    if (after) filter.$or = [{ sortKey: { $gt: after.sortKey } }, { sortKey: after.sortKey, _id: { $gt: after.id } }];
    // One row more than asked tells whether there is a next page.
    const rows = await this.view(collection)
      .find(filter as Filter<ViewRow>, { projection: { doc: 1, sortKey: 1 } })
      .sort({ sortKey: 1, _id: 1 })
      .limit(limit + 1)
      .toArray();

    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({ id: row._id, doc: row.doc as T })),
      next: rows.length > limit && last ? encodeCursor(collection, where, { sortKey: last.sortKey, id: last._id }) : null,
    };
  }

  async checkpoint(projector: string): Promise<Checkpoint | null> {
    const row = await this.checkpoints().findOne({ _id: projector });
    if (!row) return null;
    return { position: row.position === null ? null : BigInt(row.position), versions: { ...row.versions } };
  }

  transaction<R>(work: (uow: UnitOfWork) => Promise<R>): Promise<R> {
    return runStagedTransaction(
      (collection, id) => this.get(collection, id),
      work,
      (staged) => this.commit(staged),
    );
  }

  async drop(collections: string[]): Promise<void> {
    for (const collection of collections) assertCollection(collection);
    for (const collection of collections) {
      // Dropping is one operation whatever the size (a deleteMany in a transaction would hit its time and size limits).
      await this.view(collection)
        .drop()
        .catch((error: unknown) => {
          if ((error as { code?: unknown }).code !== NAMESPACE_NOT_FOUND) throw error;
        });
      // Its indexes went with it: make them again on the next write.
      for (const key of [...this.ensured]) if (key.startsWith(`${collection}\u0000`)) this.ensured.delete(key);
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async commit(staged: StagedWrites): Promise<void> {
    if (isEmpty(staged)) return;
    // Indexes are made before the transaction: DDL inside one is restricted, and they are idempotent anyway.
    await this.ensureIndexes(staged);

    const session = this.client.startSession();
    try {
      // withTransaction retries the callback on transient errors (e.g. a write conflict); it only replays
      // blind writes of staged data, so a retry writes the same thing.
      await session.withTransaction(
        async () => {
          for (const collection of staged.cleared) await this.view(collection).deleteMany({}, { session });
          for (const [collection, writes] of staged.documents) {
            const operations: AnyBulkWriteOperation<ViewRow>[] = [];
            for (const [id, write] of writes) {
              if (write === null) operations.push({ deleteOne: { filter: { _id: id } } });
              else {
                const replacement = { doc: JSON.parse(write.json) as ViewDocument, sortKey: write.sortKey, idx: { ...write.indexes } };
                operations.push({ replaceOne: { filter: { _id: id }, replacement, upsert: true } });
              }
            }
            if (operations.length > 0) await this.view(collection).bulkWrite(operations, { session, ordered: false });
          }
          for (const [projector, checkpoint] of staged.checkpoints) {
            const row = { position: checkpoint.position === null ? null : checkpoint.position.toString(), versions: { ...checkpoint.versions } };
            await this.checkpoints().replaceOne({ _id: projector }, row, { upsert: true, session });
          }
        },
        // Nothing is read inside the transaction, so the default read concern will do; majority makes the commit durable.
        { writeConcern: { w: 'majority' }, readPreference: 'primary' },
      );
    } finally {
      await session.endSession();
    }
  }

  private async ensureIndexes(staged: StagedWrites): Promise<void> {
    if (staged.checkpoints.size > 0 && !this.ensured.has(CHECKPOINTS)) {
      // Created up front like the view collections, so the transaction never has to create a collection.
      await this.db.createCollection(CHECKPOINTS).catch((error: unknown) => {
        if ((error as { code?: unknown }).code !== NAMESPACE_EXISTS) throw error;
      });
      this.ensured.add(CHECKPOINTS);
    }
    for (const [collection, writes] of staged.documents) {
      const names = new Set<string>();
      for (const write of writes.values()) if (write) for (const name in write.indexes) names.add(name);
      await this.ensureIndex(collection, null);
      for (const name of names) await this.ensureIndex(collection, name);
    }
  }

  /** (sortKey, _id) for whole-collection listings; (idx.<name>, sortKey, _id) for listings by that index. */
  private async ensureIndex(collection: string, name: string | null): Promise<void> {
    const key = `${collection}\u0000${name ?? ''}`;
    if (this.ensured.has(key)) return;
    const spec: Record<string, 1> = name === null ? { sortKey: 1, _id: 1 } : { [`idx.${name}`]: 1, sortKey: 1, _id: 1 };
    await this.view(collection).createIndex(spec);
    this.ensured.add(key);
  }

  private view(collection: string): Collection<ViewRow> {
    return this.db.collection<ViewRow>(`${VIEW_PREFIX}${collection}`);
  }

  private checkpoints(): Collection<CheckpointRow> {
    return this.db.collection<CheckpointRow>(CHECKPOINTS);
  }
}

/** The database in a connection string (`mongodb://host1,host2/db?opts`), if it names one. */
export function databaseFromUrl(url: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]*)/.exec(url);
  const name = match?.[1] ? decodeURIComponent(match[1]) : '';
  return name.length > 0 ? name : undefined;
}
