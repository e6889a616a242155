import { MongoClient, ReadConcern, ReadPreference, type AnyBulkWriteOperation, type Collection, type Db, type Document, type Filter } from 'mongodb';
import { LeaseLostError, type Checkpoint, type LeasedReadStore, type ListOptions, type Page, type UnitOfWork, type ViewDocument } from '../read-store.port';
import { assertCollection, assertId, assertIndexName, assertLease, assertLimit } from './read-store-arguments';
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

interface LeaseRow {
  _id: string;
  owner: string;
  /** By the server's clock ($$NOW), so that hosts with skewed clocks agree on who holds it. */
  expiresAt: Date;
  /** Written by every fenced commit, so that a take-over racing a commit is a write conflict in the same document. */
  commits?: number;
}

const VIEW_PREFIX = 'view_';
const CHECKPOINTS = 'projector_checkpoints';
const LEASES = 'projector_leases';
const DUPLICATE_KEY = 11000;
/** The most documents a unit of work may empty by `clear` (a deleteMany in its transaction). */
const MAX_CLEARED_DOCUMENTS = 10_000;
/** Held unexpired, by the server's clock. */
const UNEXPIRED = { $expr: { $gt: ['$expiresAt', '$$NOW'] } };
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
export class MongoReadStore implements LeasedReadStore {
  readonly name = 'mongodb';
  readonly database: string;
  private readonly client: MongoClient;
  private readonly db: Db;
  /** Collections and indexes already ensured by this process (both are idempotent, but a round trip per commit is waste). */
  private readonly ensured = new Set<string>();
  /** The replica-set check, once per store (see assertTransactional). */
  private checked: Promise<void> | null = null;

  constructor(options: MongoReadStoreOptions) {
    // The driver connects lazily on the first operation, so constructing a store never blocks or fails on the network.
    this.client = new MongoClient(options.url);
    this.database = options.database ?? databaseFromUrl(options.url) ?? 'kuhina';
    // Whatever the URL says (readPreference=secondary…, readConcernLevel=local): the projector reads the documents its
    // last batch committed (w: majority) and builds on them, so a secondary's or an unacknowledged view would make it
    // apply events to stale documents. The db's options override the client's (driver mongo_client.ts, db(): Object.assign({}, this.options, options)).
    this.db = this.client.db(this.database, { readPreference: new ReadPreference('primary'), readConcern: new ReadConcern('majority') });
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
    // A projector loads its checkpoints first: a standalone server is refused here, with the reason, not at the first commit.
    await this.assertTransactional();
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

  async acquireLease(name: string, owner: string, ttlMs: number, renewOnly = false): Promise<boolean> {
    assertLease(name, owner, ttlMs);
    await this.assertTransactional();
    // The expiry by the server's clock, in an update pipeline ($$NOW, MongoDB 4.2+).
    const update = [{ $set: { owner, expiresAt: { $add: ['$$NOW', ttlMs] } } }];
    if (renewOnly) {
      const renewed = await this.leases().updateOne({ _id: name, owner, ...UNEXPIRED }, update, { writeConcern: { w: 'majority' } });
      return renewed.matchedCount === 1;
    }
    // A lease this owner holds, or one that lapsed. ($expr is refused in an upsert's filter, code 224: DOCS-14158.)
    const taken = await this.leases().updateOne({ _id: name, $or: [{ owner }, { $expr: { $lte: ['$expiresAt', '$$NOW'] } }] }, update, { writeConcern: { w: 'majority' } });
    if (taken.matchedCount === 1) return true;
    try {
      // None yet: inserted. One held by another does not match, and the upsert's insert then fails on the _id: refused.
      await this.leases().updateOne({ _id: name, expiresAt: { $exists: false } }, update, { upsert: true, writeConcern: { w: 'majority' } });
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    await this.leases().deleteOne({ _id: name, owner }, { writeConcern: { w: 'majority' } });
  }

  async leaseHolder(name: string): Promise<string | null> {
    const row = await this.leases().findOne({ _id: name, ...UNEXPIRED });
    return row?.owner ?? null;
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /**
   * Refuses a server that cannot run the transactions every commit needs, at the first use and with the reason: a
   * standalone mongod fails only at the first commit, with "Transaction numbers are only allowed on a replica set
   * member or mongos", which says nothing of what to do.
   */
  private assertTransactional(): Promise<void> {
    this.checked ??= this.client
      .db('admin')
      .command({ hello: 1 })
      .then((hello) => assertReplicaSet(hello))
      .catch((error: unknown) => {
        // Checked again next time (a connection error is no verdict).
        this.checked = null;
        throw error;
      });
    return this.checked;
  }

  private async commit(staged: StagedWrites): Promise<void> {
    if (isEmpty(staged)) return;
    await this.assertTransactional();
    await this.assertClearable(staged.cleared);
    // Indexes are made before the transaction: DDL inside one is restricted, and they are idempotent anyway.
    await this.ensureIndexes(staged);

    const session = this.client.startSession();
    try {
      // withTransaction retries the callback on transient errors (e.g. a write conflict); it only replays
      // blind writes of staged data, so a retry writes the same thing.
      await session.withTransaction(
        async () => {
          // First, and as a write: a take-over of the lease since this transaction began is a write conflict (the
          // transaction is retried, and then finds the lease gone), so a process that lost it cannot commit a batch.
          for (const [name, owner] of staged.leases) {
            const held = await this.leases().updateOne({ _id: name, owner, ...UNEXPIRED }, { $inc: { commits: 1 } }, { session });
            if (held.matchedCount === 0) throw new LeaseLostError(name, owner);
          }
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
        // Only the lease is read inside (by its update); majority makes the commit durable.
        { readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority' }, readPreference: 'primary' },
      );
    } finally {
      await session.endSession();
    }
  }

  /**
   * A clear is a deleteMany inside the transaction: past a few thousand documents it runs into the transaction's time
   * and cache limits, is retried by withTransaction and fails again, for ever. The projector never clears on the
   * production profile (a version bump is rebuilt beside the live views and switched); a large clear is refused at once.
   */
  private async assertClearable(collections: ReadonlySet<string>): Promise<void> {
    for (const collection of collections) {
      const documents = await this.view(collection).estimatedDocumentCount();
      if (documents > MAX_CLEARED_DOCUMENTS) {
        throw new Error(`Refusing to empty view ${collection} (${documents} documents) inside a MongoDB transaction: rebuild it beside the live views (kuhina projections rebuild) instead`);
      }
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

  private leases(): Collection<LeaseRow> {
    return this.db.collection<LeaseRow>(LEASES);
  }
}

/**
 * Throws unless a `hello` reply comes from a replica-set member or a mongos (as the driver tells server types apart:
 * sdam/server_description.ts, parseServerType): transactions need one of them.
 */
export function assertReplicaSet(hello: Document): void {
  if (hello.msg === 'isdbgrid' || (typeof hello.setName === 'string' && hello.setName.length > 0)) return;
  if (hello.isreplicaset) {
    throw new Error('MongoDB runs with --replSet but its replica set is not initiated: run rs.initiate() once (see docker/compose.yaml), then start Kuhina again.');
  }
  throw new Error(
    'MongoDB is a standalone server, not a replica set: the read store commits views and checkpoints in transactions, which only a replica set ' +
      '(a single node will do: mongod --replSet rs0, then rs.initiate()) or a sharded cluster can run. Point MONGODB_URL at one (e.g. ?replicaSet=rs0).',
  );
}

/** The database in a connection string (`mongodb://host1,host2/db?opts`), if it names one. */
export function databaseFromUrl(url: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]*)/.exec(url);
  const name = match?.[1] ? decodeURIComponent(match[1]) : '';
  return name.length > 0 ? name : undefined;
}
