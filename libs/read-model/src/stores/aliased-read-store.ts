import type { LeaseStore, Checkpoint, ListOptions, Page, PutOptions, ReadStore, LeasedReadStore, UnitOfWork, ViewDocument } from '../read-store.port';
import { assertCollection } from './read-store-arguments';
import { decodeCursor, encodeCursor } from './view-cursor';

/** Where the aliases are kept: one document in a collection no projection writes. */
export const ALIASES_COLLECTION = 'kuhina.aliases';
const ALIASES_ID = 'aliases';

type Aliases = Record<string, string>;

/** A unit of work that can also point a collection at the documents of another one (a side-by-side rebuild's switch). */
export interface AliasingUnitOfWork extends UnitOfWork {
  /**
   * From the commit of this unit on, `collection` reads and writes the documents stored as `physical` (one level: the
   * alias of `physical` itself does not matter). `alias(c, c)` removes the alias. The documents stored under the old
   * name stay where they are until `AliasedReadStore.dropPhysical` empties them.
   */
  alias(collection: string, physical: string): void;
}

/**
 * Any read store, with collections that can be switched atomically to another set of documents: a rebuild writes a
 * projection's views under another name while readers keep reading the complete old ones, then one unit of work points
 * the collection at the new documents and moves the checkpoint, together. Readers never see a half-built view.
 *
 * The aliases are a document of the store itself, written in the same unit of work as the views and checkpoints, so
 * every adapter (SQLite, MongoDB, memory) gets the same atomic switch. A read resolves the alias, then reads; a read
 * that resolved just before a switch reads the old documents, which the rebuild empties only a while later.
 * Alias changes must come from the lease holder (as all projector writes do): two at once could lose one.
 */
export class AliasedReadStore implements LeasedReadStore {
  readonly name: string;

  constructor(readonly inner: ReadStore) {
    this.name = inner.name;
  }

  /** Where `collection`'s documents are stored now. */
  async physicalOf(collection: string): Promise<string> {
    return resolve(await this.aliases(), collection);
  }

  /** Where each of these collections' documents are stored now, in their order (the aliases read once). */
  async physicalNames(collections: readonly string[]): Promise<string[]> {
    const aliases = await this.aliases();
    return collections.map((collection) => resolve(aliases, collection));
  }

  async get<T extends ViewDocument>(collection: string, id: string): Promise<T | null> {
    return this.inner.get<T>(await this.physicalOf(collection), id);
  }

  async list<T extends ViewDocument>(collection: string, options: ListOptions): Promise<Page<T>> {
    const physical = await this.physicalOf(collection);
    if (physical === collection) return this.inner.list<T>(collection, options);
    // Cursors name the collection they list: a client's cursor names the one it asked for, whatever it is stored as,
    // so that a listing goes on across a switch (from the same place in the new documents).
    const position = decodeCursor(options.after, collection, options.where);
    const page = await this.inner.list<T>(physical, { ...options, after: position && encodeCursor(physical, options.where, position) });
    const next = decodeCursor(page.next, physical, options.where);
    return { items: page.items, next: next && encodeCursor(collection, options.where, next) };
  }

  checkpoint(projector: string): Promise<Checkpoint | null> {
    return this.inner.checkpoint(projector);
  }

  transaction<R>(work: (uow: AliasingUnitOfWork) => Promise<R>): Promise<R> {
    return this.inner.transaction(async (uow) => {
      const stored = await uow.get<{ aliases: Aliases }>(ALIASES_COLLECTION, ALIASES_ID);
      return work(new AliasingUnitOfWorkOver(uow, { ...stored?.aliases }));
    });
  }

  async drop(collections: string[]): Promise<void> {
    const aliases = await this.aliases();
    await this.inner.drop(collections.map((collection) => resolve(aliases, collection)));
  }

  /** Empties these collections as they are stored, whatever alias points to them or away from them (outside any unit of work). */
  dropPhysical(collections: string[]): Promise<void> {
    for (const collection of collections) resolve({}, collection);
    return this.inner.drop(collections);
  }

  acquireLease(name: string, owner: string, ttlMs: number, renewOnly?: boolean): Promise<boolean> {
    return leasesOf(this.inner).acquireLease(name, owner, ttlMs, renewOnly);
  }

  releaseLease(name: string, owner: string): Promise<void> {
    return leasesOf(this.inner).releaseLease(name, owner);
  }

  leaseHolder(name: string): Promise<string | null> {
    return leasesOf(this.inner).leaseHolder(name);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async aliases(): Promise<Aliases> {
    const stored = await this.inner.get<{ aliases: Aliases }>(ALIASES_COLLECTION, ALIASES_ID);
    return stored?.aliases ?? {};
  }
}

function leasesOf(store: ReadStore): LeaseStore {
  if (!store.acquireLease || !store.releaseLease || !store.leaseHolder) throw new TypeError(`The ${store.name} read store keeps no leases`);
  return store as LeaseStore;
}

function resolve(aliases: Aliases, collection: string): string {
  assertCollection(collection);
  if (collection === ALIASES_COLLECTION) throw new TypeError(`${ALIASES_COLLECTION} is kept by the store itself: change it with alias()`);
  return Object.hasOwn(aliases, collection) ? aliases[collection]! : collection;
}

class AliasingUnitOfWorkOver implements AliasingUnitOfWork {
  constructor(
    private readonly inner: UnitOfWork,
    private readonly aliases: Aliases,
  ) {}

  get<T extends ViewDocument>(collection: string, id: string): Promise<T | null> {
    return this.inner.get<T>(resolve(this.aliases, collection), id);
  }

  put(collection: string, id: string, doc: ViewDocument, options?: PutOptions): void {
    this.inner.put(resolve(this.aliases, collection), id, doc, options);
  }

  delete(collection: string, id: string): void {
    this.inner.delete(resolve(this.aliases, collection), id);
  }

  clear(collections: string[]): void {
    this.inner.clear(collections.map((collection) => resolve(this.aliases, collection)));
  }

  setCheckpoint(projector: string, checkpoint: Checkpoint): void {
    this.inner.setCheckpoint(projector, checkpoint);
  }

  requireLease(name: string, owner: string): void {
    if (!this.inner.requireLease) throw new TypeError('This read store keeps no leases: its commits cannot be fenced');
    this.inner.requireLease(name, owner);
  }

  alias(collection: string, physical: string): void {
    resolve({}, collection);
    resolve({}, physical);
    if (collection === physical) delete this.aliases[collection];
    else this.aliases[collection] = physical;
    this.inner.put(ALIASES_COLLECTION, ALIASES_ID, { aliases: { ...this.aliases } });
  }
}
