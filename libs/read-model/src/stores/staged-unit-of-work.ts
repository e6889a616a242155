import type { Checkpoint, PutOptions, UnitOfWork, ViewDocument } from '../read-store.port';
import { assertCollection, assertId, assertStorableSize, checkedCheckpoint, checkedIndexes, serializeDocument } from './read-store-arguments';

/** A document as written by `put`: already JSON text, so later changes to the caller's object cannot leak in. */
export interface StagedDocument {
  readonly json: string;
  readonly sortKey: string;
  readonly indexes: Readonly<Record<string, string>>;
}

/** Everything one unit of work wrote, in the form an adapter applies at commit. */
export interface StagedWrites {
  /** Collections to empty first (their later writes in `documents` are applied after). */
  readonly cleared: ReadonlySet<string>;
  /** Last write per collection and id; null deletes. */
  readonly documents: ReadonlyMap<string, ReadonlyMap<string, StagedDocument | null>>;
  readonly checkpoints: ReadonlyMap<string, Checkpoint>;
  /** Lease name → owner: the commit writes only while each is held by its owner (compare-and-set in the same transaction). */
  readonly leases: ReadonlyMap<string, string>;
}

export type ReadCommitted = (collection: string, id: string) => Promise<ViewDocument | null>;

/**
 * The unit of work of every adapter: writes are staged in memory (reads see them first) and handed to
 * the adapter's commit only when the work has succeeded. Nothing touches the store before that, so a
 * throwing unit of work, or a crash before commit, leaves the store as it was.
 */
export class StagedUnitOfWork implements UnitOfWork {
  private readonly cleared = new Set<string>();
  private readonly documents = new Map<string, Map<string, StagedDocument | null>>();
  private readonly checkpoints = new Map<string, Checkpoint>();
  private readonly leases = new Map<string, string>();
  private finished = false;

  constructor(private readonly readCommitted: ReadCommitted) {}

  async get<T extends ViewDocument>(collection: string, id: string): Promise<T | null> {
    this.assertOpen();
    assertCollection(collection);
    assertId(id);
    const staged = this.documents.get(collection)?.get(id);
    if (staged !== undefined) return staged === null ? null : (JSON.parse(staged.json) as T);
    if (this.cleared.has(collection)) return null;
    return (await this.readCommitted(collection, id)) as T | null;
  }

  put(collection: string, id: string, doc: ViewDocument, options: PutOptions = {}): void {
    this.assertOpen();
    assertCollection(collection);
    assertId(id);
    const sortKey = options.sortKey ?? id;
    if (typeof sortKey !== 'string') throw new TypeError('sortKey must be a string');
    const json = serializeDocument(doc);
    // Here, not at commit: the error names the view and key, and nothing of the batch is written.
    assertStorableSize(collection, id, json);
    const staged: StagedDocument = { json, sortKey, indexes: checkedIndexes(options.indexes) };
    this.writesOf(collection).set(id, staged);
  }

  delete(collection: string, id: string): void {
    this.assertOpen();
    assertCollection(collection);
    assertId(id);
    this.writesOf(collection).set(id, null);
  }

  clear(collections: string[]): void {
    this.assertOpen();
    for (const collection of collections) {
      assertCollection(collection);
      this.cleared.add(collection);
      // Writes staged before the clear are dropped with the rest of the collection.
      this.documents.delete(collection);
    }
  }

  setCheckpoint(projector: string, checkpoint: Checkpoint): void {
    this.assertOpen();
    this.checkpoints.set(projector, checkedCheckpoint(projector, checkpoint));
  }

  requireLease(name: string, owner: string): void {
    this.assertOpen();
    if (typeof name !== 'string' || name.length === 0 || typeof owner !== 'string' || owner.length === 0) throw new TypeError('A lease needs a non-empty name and owner');
    this.leases.set(name, owner);
  }

  /** Ends the unit of work (later calls throw, so no write is silently lost) and returns what it staged. */
  finish(): StagedWrites {
    this.finished = true;
    return { cleared: this.cleared, documents: this.documents, checkpoints: this.checkpoints, leases: this.leases };
  }

  private writesOf(collection: string): Map<string, StagedDocument | null> {
    let writes = this.documents.get(collection);
    if (!writes) {
      writes = new Map();
      this.documents.set(collection, writes);
    }
    return writes;
  }

  private assertOpen(): void {
    if (this.finished) throw new Error('This unit of work has ended: use the one passed to the running transaction');
  }
}

/** Runs `work` on a fresh staged unit of work and commits what it staged only if it succeeded. */
export async function runStagedTransaction<R>(
  readCommitted: ReadCommitted,
  work: (uow: UnitOfWork) => Promise<R>,
  commit: (staged: StagedWrites) => void | Promise<void>,
): Promise<R> {
  const uow = new StagedUnitOfWork(readCommitted);
  let result: R;
  try {
    result = await work(uow);
  } finally {
    uow.finish();
  }
  await commit(uow.finish());
  return result;
}

/** Nothing to write. A required lease alone still goes to the adapter's commit: a fenced unit of work fails when the lease is lost, even an empty one. */
export function isEmpty(staged: StagedWrites): boolean {
  return staged.leases.size === 0 && staged.cleared.size === 0 && staged.documents.size === 0 && staged.checkpoints.size === 0;
}
