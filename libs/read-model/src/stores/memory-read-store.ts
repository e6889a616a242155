import { LeaseLostError, type Checkpoint, type ListOptions, type Page, type LeasedReadStore, type UnitOfWork, type ViewDocument } from '../read-store.port';
import { assertCollection, assertId, assertIndexName, assertLease, assertLimit } from './read-store-arguments';
import { runStagedTransaction, type StagedDocument, type StagedWrites } from './staged-unit-of-work';
import { comparePositions, decodeCursor, encodeCursor, type CursorPosition } from './view-cursor';

/**
 * Views in Maps, for unit tests and throw-away replays (e.g. "the network as of a date").
 * Documents are kept as JSON text, so what goes in and what comes out are copies: a caller can
 * never change stored state by mutating an object, and round trips are JSON-equal as in the other adapters.
 */
export class MemoryReadStore implements LeasedReadStore {
  readonly name = 'memory';
  private readonly collections = new Map<string, Map<string, StagedDocument>>();
  private readonly checkpoints = new Map<string, Checkpoint>();
  private readonly leases = new Map<string, { owner: string; expiresAt: number }>();
  private closed = false;

  async get<T extends ViewDocument>(collection: string, id: string): Promise<T | null> {
    this.assertOpen();
    assertCollection(collection);
    assertId(id);
    const stored = this.collections.get(collection)?.get(id);
    return stored ? (JSON.parse(stored.json) as T) : null;
  }

  async list<T extends ViewDocument>(collection: string, options: ListOptions): Promise<Page<T>> {
    this.assertOpen();
    assertCollection(collection);
    assertLimit(options.limit);
    if (options.where) assertIndexName(options.where.index);
    const after = decodeCursor(options.after, collection, options.where);
    const { where, limit } = options;

    const matching: Array<CursorPosition & { json: string }> = [];
    for (const [id, stored] of this.collections.get(collection) ?? []) {
      if (where && stored.indexes[where.index] !== where.value) continue;
      const position = { sortKey: stored.sortKey, id };
      if (after && comparePositions(position, after) <= 0) continue;
      matching.push({ ...position, json: stored.json });
    }
    matching.sort(comparePositions);

    const page = matching.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((item) => ({ id: item.id, doc: JSON.parse(item.json) as T })),
      next: matching.length > limit && last ? encodeCursor(collection, where, last) : null,
    };
  }

  async checkpoint(projector: string): Promise<Checkpoint | null> {
    this.assertOpen();
    const stored = this.checkpoints.get(projector);
    return stored ? { position: stored.position, versions: { ...stored.versions } } : null;
  }

  transaction<R>(work: (uow: UnitOfWork) => Promise<R>): Promise<R> {
    this.assertOpen();
    return runStagedTransaction((collection, id) => this.get(collection, id), work, (staged) => this.apply(staged));
  }

  async drop(collections: string[]): Promise<void> {
    this.assertOpen();
    for (const collection of collections) assertCollection(collection);
    for (const collection of collections) this.collections.delete(collection);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  async acquireLease(name: string, owner: string, ttlMs: number, renewOnly = false): Promise<boolean> {
    this.assertOpen();
    assertLease(name, owner, ttlMs);
    const now = Date.now();
    const current = this.leases.get(name);
    const free = !current || current.expiresAt <= now;
    if (renewOnly ? free || current.owner !== owner : !free && current.owner !== owner) return false;
    this.leases.set(name, { owner, expiresAt: now + ttlMs });
    return true;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    this.assertOpen();
    if (this.leases.get(name)?.owner === owner) this.leases.delete(name);
  }

  async leaseHolder(name: string): Promise<string | null> {
    this.assertOpen();
    const current = this.leases.get(name);
    return current && current.expiresAt > Date.now() ? current.owner : null;
  }

  /** Synchronous, so no reader can observe half of a unit of work. */
  private apply(staged: StagedWrites): void {
    this.assertOpen();
    const now = Date.now();
    for (const [name, owner] of staged.leases) {
      const current = this.leases.get(name);
      if (current?.owner !== owner || current.expiresAt <= now) throw new LeaseLostError(name, owner);
    }
    for (const collection of staged.cleared) this.collections.delete(collection);
    for (const [collection, writes] of staged.documents) {
      let stored = this.collections.get(collection);
      if (!stored) {
        stored = new Map();
        this.collections.set(collection, stored);
      }
      for (const [id, write] of writes) {
        if (write === null) stored.delete(id);
        else stored.set(id, write);
      }
    }
    for (const [projector, checkpoint] of staged.checkpoints) this.checkpoints.set(projector, checkpoint);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('MemoryReadStore is closed');
  }
}
