/**
 * The read-store port: JSON documents ("views") in named collections, listed by an indexed key with
 * cursor pagination, written only inside a unit of work that also saves the projector's checkpoint —
 * views and checkpoint commit together or not at all (exactly-once effect after any crash).
 * Adapters: SQLite (embedded default), MongoDB (transactions: needs a replica set), memory (tests, throw-away replays).
 */

/** A view document: any JSON object (no bigint, no undefined inside arrays). */
export type ViewDocument = Record<string, unknown>;

export interface Checkpoint {
  /** Position of the last event whose effect is in the views (null: nothing applied yet). */
  position: bigint | null;
  /** Version of each projection the views were built with; a changed version means: rebuild that projection. */
  versions: Record<string, number>;
}

export interface PutOptions {
  /** Values of indexed keys for `list` (e.g. `{ chainId: '…' }`). Replaces the document's previous index values. */
  indexes?: Record<string, string>;
  /** Order within a listing (default: the id). Documents list by (sortKey, id). */
  sortKey?: string;
}

export interface ListOptions {
  /** List only documents whose index `name` has `value`; omit to list the whole collection. */
  where?: { index: string; value: string };
  /** Opaque cursor from a previous page's `next`. */
  after?: string | null;
  /** 1..1000. */
  limit: number;
}

export interface Page<T> {
  items: Array<{ id: string; doc: T }>;
  /** Cursor for the next page, or null when this was the last one. */
  next: string | null;
}

/** Reads and writes of one projector batch; nothing is visible to readers before `commit`. */
export interface UnitOfWork {
  /** Sees this unit's own writes first. */
  get<T extends ViewDocument>(collection: string, id: string): Promise<T | null>;
  put(collection: string, id: string, doc: ViewDocument, options?: PutOptions): void;
  delete(collection: string, id: string): void;
  /** Drop every document of these collections (rebuild of a projection), inside the same atomic commit. */
  clear(collections: string[]): void;
  setCheckpoint(projector: string, checkpoint: Checkpoint): void;
  /**
   * The commit writes only if lease `name` is held by `owner` and not expired at that moment, checked in the same
   * transaction as the writes (a compare-and-set): a process that lost its lease cannot write a batch. Else the commit
   * throws LeaseLostError and writes nothing.
   */
  requireLease?(name: string, owner: string): void;
}

/**
 * Leases kept in the store itself (owner id + expiry), so that they hold across processes, containers and hosts: only
 * one projector writes the views at a time. Expiry is measured by the store's clock where it has one (MongoDB's).
 */
export interface LeaseStore {
  /**
   * Takes lease `name` for `owner` for `ttlMs` if it is free, expired or already `owner`'s; true if `owner` holds it now.
   * With `renewOnly`, only extends a lease `owner` still holds unexpired: a holder that lost it must not take it back
   * unawares (its batch under way was read before another wrote), only by a fresh take that re-reads the checkpoints.
   */
  acquireLease(name: string, owner: string, ttlMs: number, renewOnly?: boolean): Promise<boolean>;
  /** Gives the lease up if `owner` holds it (nothing otherwise). */
  releaseLease(name: string, owner: string): Promise<void>;
  /** Who holds lease `name` now (null: free or expired). */
  leaseHolder(name: string): Promise<string | null>;
}

/** Every adapter of this library keeps leases (optional in the port only for bench stores that keep nothing). */
export interface ReadStore extends Partial<LeaseStore> {
  readonly name: string;
  get<T extends ViewDocument>(collection: string, id: string): Promise<T | null>;
  list<T extends ViewDocument>(collection: string, options: ListOptions): Promise<Page<T>>;
  checkpoint(projector: string): Promise<Checkpoint | null>;
  /**
   * Runs `work` with a fresh unit of work and commits everything it wrote (documents and checkpoint)
   * atomically. If `work` throws, nothing is written.
   */
  transaction<R>(work: (uow: UnitOfWork) => Promise<R>): Promise<R>;
  /**
   * Empties these collections at once, outside any unit of work (MongoDB drops them rather than delete each document in
   * a transaction). Only for collections no reader or projector uses: a rebuild's leftovers.
   */
  drop(collections: string[]): Promise<void>;
  close(): Promise<void>;
}

/** A read store that keeps leases: SQLite, MongoDB, memory, and the aliased store over any of them. */
export type LeasedReadStore = ReadStore & LeaseStore;

export const READ_STORE = Symbol('READ_STORE');

/** The stored checkpoint of each of these projections, in their order; read together (on MongoDB each is a round trip). */
export const checkpointsOf = (store: Pick<ReadStore, 'checkpoint'>, projections: ReadonlyArray<{ name: string }>): Promise<Array<Checkpoint | null>> =>
  Promise.all(projections.map((projection) => store.checkpoint(projection.name)));

/** How far views are that need all these positions: the lowest, or null while any is null (nothing applied yet). */
export function lowestPosition(positions: Iterable<bigint | null>): bigint | null {
  let lowest: bigint | null = null;
  for (const position of positions) {
    if (position === null) return null;
    if (lowest === null || position < lowest) lowest = position;
  }
  return lowest;
}

/** A commit required a lease its owner no longer holds (expired, taken over or given up): nothing was written. */
export class LeaseLostError extends Error {
  readonly code = 'READ.LEASE_LOST';
  constructor(
    readonly lease: string,
    readonly owner: string,
  ) {
    super(`Lease ${lease} is no longer held by ${owner}: another process writes the views now; nothing of this batch was written`);
    this.name = 'LeaseLostError';
  }
}

/** The largest view document (its BSON size) any adapter stores: MongoDB's 16 MiB limit, less room for the row's id, sort key and index values. */
export const MAX_VIEW_DOCUMENT_BYTES = 15 * 1024 * 1024;

/** A view document too large to store, refused at `put` (before anything is written) on every adapter alike. */
export class ViewDocumentTooLargeError extends Error {
  readonly code = 'READ.VIEW_DOCUMENT_TOO_LARGE';
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly bytes: number,
  ) {
    super(`View ${collection} document ${JSON.stringify(id)} is ${bytes} bytes as BSON, over the limit of ${MAX_VIEW_DOCUMENT_BYTES} (MongoDB stores at most 16 MiB): shape this view so that one key holds less`);
    this.name = 'ViewDocumentTooLargeError';
  }
}

export class InvalidCursorError extends Error {
  readonly code = 'READ.INVALID_CURSOR';
  constructor() {
    super('The cursor is not one this API gave (or it belongs to another listing).');
    this.name = 'InvalidCursorError';
  }
}
