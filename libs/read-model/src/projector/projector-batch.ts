import type { ReadAllOptions, RecordedEvent } from '@kuhina/event-store';
import type { Projection, ViewLookup } from '../projection';
import { lowestPosition, type Checkpoint, type ReadStore, type UnitOfWork, type ViewDocument } from '../read-store.port';
import type { ProjectorChainCheck } from './chain-check';
import { WrittenIds } from './written-ids';

/**
 * What the projector needs of the event store: pages of the log, and a signal when it grows. A log may ignore
 * `options.types` (the projector routes by type anyway); honouring it spares reading the events no projection handles.
 */
export interface EventLog {
  readAll(after: bigint | null, maxCount: number, options?: ReadAllOptions): Promise<RecordedEvent[]>;
  headPosition(): Promise<bigint | null>;
  subscribe(listener: (position: bigint) => void): () => void;
}

const maxPosition = (a: bigint | null, b: bigint): bigint => (a !== null && a > b ? a : b);

/** A document of the batch: parsed once, changed by every event of the batch, written once at the end. */
interface WorkingDocument {
  /** The projection that last changed it (its `indexesOf` is used at the write); null while only looked up. */
  projection: Projection | null;
  /** undefined: the projection deleted it (or it does not exist). */
  doc: ViewDocument | undefined;
  /** Some event of the batch changed it: write (or delete) it at the end. */
  dirty: boolean;
}

/** collection → id → document; undefined: known not to exist. */
type Documents = Map<string, Map<string, ViewDocument | undefined>>;

/** collection → the ids written to it since it was empty (a filter: it may say "maybe" for more, never "no" for one written). */
type WrittenByCollection = Map<string, WrittenIds>;

/**
 * The documents of one batch (and the lookups into them), over the documents the previous batch committed
 * (`carried`) and the unit of work. Every document is read and parsed at most once per batch.
 */
class BatchDocuments {
  private readonly working = new Map<string, Map<string, WorkingDocument>>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly carried: Documents | null,
    /** Collections known to hold only the ids in their set (see BatchRunner.written); null: none known. */
    private readonly written: WrittenByCollection | null,
  ) {}

  /** The batch's entry for a document if it is at hand without reading the store, else undefined. */
  at(collection: string, id: string): WorkingDocument | undefined {
    let documents = this.working.get(collection);
    const entry = documents?.get(id);
    if (entry !== undefined) return entry;
    const kept = this.carried?.get(collection);
    const known = kept !== undefined && kept.has(id);
    // Never written since the collection was empty: known not to exist, without a read.
    const absent = !known && this.written?.get(collection)?.mayHave(id) === false;
    if (!known && !absent) return undefined;
    if (documents === undefined) this.working.set(collection, (documents = new Map()));
    const found: WorkingDocument = { projection: null, doc: known ? kept.get(id) : undefined, dirty: false };
    documents.set(id, found);
    return found;
  }

  /** The batch's entry for a document, read from the unit of work the first time. */
  async entry(collection: string, id: string): Promise<WorkingDocument> {
    const entry = this.at(collection, id);
    if (entry !== undefined) return entry;
    const stored = await this.uow.get(collection, id);
    let documents = this.working.get(collection);
    if (documents === undefined) this.working.set(collection, (documents = new Map()));
    // Another event of the batch may have loaded it while this read was pending: keep that one.
    const loaded = documents.get(id);
    if (loaded !== undefined) return loaded;
    const fresh: WorkingDocument = { projection: null, doc: stored ?? undefined, dirty: false };
    documents.set(id, fresh);
    return fresh;
  }

  readonly lookup: ViewLookup = {
    get: async <T extends ViewDocument>(collection: string, id: string): Promise<T | null> => ((await this.entry(collection, id)).doc ?? null) as T | null,
    peek: <T extends ViewDocument>(collection: string, id: string): T | null | undefined => {
      const entry = this.at(collection, id);
      return entry === undefined ? undefined : ((entry.doc ?? null) as T | null);
    },
  };

  /** Stages every changed document in the unit of work; returns all documents of the batch, as they are now. */
  stage(): Documents {
    const all: Documents = new Map();
    for (const [collection, documents] of this.working) {
      const docs = new Map<string, ViewDocument | undefined>();
      all.set(collection, docs);
      const ids = this.written?.get(collection);
      for (const [id, { projection, doc, dirty }] of documents) {
        docs.set(id, doc);
        if (!dirty) continue;
        if (doc === undefined) this.uow.delete(collection, id);
        else {
          this.uow.put(collection, id, doc, projection?.indexesOf?.(doc, id));
          ids?.add(id);
        }
      }
    }
    return all;
  }
}

/**
 * The projector's batches: reads the log page by page from the lowest checkpoint, applies each event to every
 * projection that has not seen it, and commits the changed views together with every projection's checkpoint in
 * one unit of work. Moves the projector's checkpoints (in memory) once the unit of work is committed.
 */
export class BatchRunner {
  // Hot path: asked for every event of a rebuild. Event type → the projections handling it, in array order.
  private readonly routes = new Map<string, readonly Projection[]>();
  /**
   * The documents as the last batch committed them (the projector owns these objects): the next batch of the same
   * catch-up starts from them instead of reading and parsing them again (a chain's large document is touched by
   * every batch while its workshops come in). Valid only while nothing else wrote the views since that commit, so
   * kept within one `catchUp` (which holds the lease, when there is one) and dropped by `reset` and by a failed batch.
   */
  private carried: Documents | null = null;
  /**
   * The collections whose projections had applied nothing (checkpoint null: their collection is empty, as a reset, a
   * version bump and a side-by-side rebuild leave it) when this catch-up began, with every id written to them since.
   * An id not in its set does not exist: a rebuild writing a new document per registration would otherwise read the
   * store once per document to learn that. Kept, like `carried`, only while nothing else writes the views.
   */
  private written: WrittenByCollection | null = null;

  constructor(
    private readonly log: EventLog,
    private readonly store: ReadStore,
    private readonly projections: readonly Projection[],
    /** Projection name → its position (null: nothing applied yet); the projector's own map, moved at each commit. */
    private readonly checkpoints: Map<string, bigint | null>,
    private readonly batchSize: number,
    private readonly pageSize: number,
    /** Called once a batch is committed and the checkpoints moved: the events read and the head the batch read to. */
    private readonly onCommit: (events: number, head: bigint) => void,
    /** Checks each event's hash link before it is projected; null: not checked. */
    private readonly chainCheck: ProjectorChainCheck | null = null,
    /** Makes each batch's unit of work commit only while the projector's lease is held, and keeps it alive meanwhile (see ProjectorLease). */
    private readonly lease: { fence(uow: UnitOfWork): void; keepAlive(): Promise<void> } | null = null,
  ) {
    for (const projection of projections) {
      for (const type of new Set(projection.eventTypes)) this.routes.set(type, [...(this.routes.get(type) ?? []), projection]);
    }
  }

  /** Lowest position every projection has reached (null: none has applied anything yet). */
  get position(): bigint | null {
    return lowestPosition(this.checkpoints.values());
  }

  /** Forgets the documents the last batch committed: another writer may change the views from now on. */
  dropCarried(): void {
    this.carried = null;
    this.written = null;
  }

  /** The collections all of whose projections have applied nothing yet (empty ones), each with no id written yet. */
  private emptyCollections(): WrittenByCollection {
    const empty = new Map<string, boolean>();
    for (const projection of this.projections) {
      const unapplied = (this.checkpoints.get(projection.name) ?? null) === null;
      empty.set(projection.collection, (empty.get(projection.collection) ?? true) && unapplied);
    }
    return new Map([...empty].filter(([, isEmpty]) => isEmpty).map(([collection]) => [collection, new WrittenIds()]));
  }

  /** Runs one batch; returns the events read (0: the checkpoints reached the head, or were there already). */
  async run(): Promise<number> {
    const from = this.position;
    // The batch reads no further than the head as it is now: a projection already there needs nothing of this batch,
    // so its types need not be read, and an event appended meanwhile is left to the next batch for every projection.
    await this.lease?.keepAlive();
    const head = await this.log.headPosition();
    if (head === null || (from !== null && head <= from)) return 0;
    // Checkpoints at the start of the batch: a projection skips the events it has seen (one rebuilt while the others carry on).
    const seen = new Map<Projection, bigint | null>();
    const types = new Set<string>();
    for (const projection of this.projections) {
      const checkpoint = this.checkpoints.get(projection.name) ?? null;
      seen.set(projection, checkpoint);
      if (checkpoint === null || checkpoint < head) for (const type of projection.eventTypes) types.add(type);
    }
    // Only the events some projection behind the head handles: the others (people's records, the access log, seals)
    // are skipped by the store itself.
    const wanted = { types: [...types] };
    let asked = Math.min(this.pageSize, this.batchSize);
    let page = await this.log.readAll(from, asked, wanted);
    // Taken, not shared: if this batch fails, the documents it changed in place must not be used again.
    const carried = this.carried;
    this.carried = null;
    // Taken too: a failed batch may have added ids it never wrote (harmless: one read too many), and the next batch
    // starts from the checkpoints again.
    const written = this.written ?? this.emptyCollections();
    this.written = null;
    let committed: Documents | null = null;
    let read = 0;
    // How far the batch has seen the log: the last event read, or the head once no event of the types is left before it.
    let reached: bigint | null = from;
    await this.store.transaction(async (uow) => {
      // The batch works on parsed documents and writes each changed one once, at the end: a large view
      // touched by thousands of events of the batch is parsed once and serialised once, not per event.
      // The batch owns its documents (a store hands out copies; carried ones are the projector's own), so
      // mutator projections (`apply`) change them in place, with no copy per event.
      const batch = new BatchDocuments(uow, carried, written);
      for (;;) {
        // Appended after the head was read: the next batch's (a projection at the head did not ask for its type).
        let end = page.length;
        while (end > 0 && page[end - 1]!.position > head) end--;
        // Inline, awaiting only what is really asynchronous: on a rebuild's hot path most events need no promise at all.
        for (let i = 0; i < end; i++) {
          const event = page[i]!;
          const projections = this.routes.get(event.type);
          if (projections === undefined) continue;
          // A broken link stops this stream here; the batch (and the checkpoints) go on with the others.
          if (this.chainCheck !== null && !this.chainCheck.admit(event)) continue;
          for (const projection of projections) {
            const checkpoint = seen.get(projection)!;
            if (checkpoint !== null && event.position <= checkpoint) continue;
            const routed = projection.keysOf(event, batch.lookup);
            const keys = Array.isArray(routed) ? routed : await routed;
            for (const key of keys) {
              const entry = batch.at(projection.collection, key) ?? (await batch.entry(projection.collection, key));
              const current = entry.doc;
              if (projection.apply) {
                entry.doc = projection.apply(current, event, key, batch.lookup);
                // A mutator may have changed `current` in place: only "nothing before, nothing after" is surely unchanged.
                if (current === undefined && entry.doc === undefined) continue;
              } else {
                const updated = projection.project(current, event, key, batch.lookup);
                if (updated === current) continue;
                entry.doc = updated;
              }
              entry.dirty = true;
              entry.projection = projection;
            }
          }
        }
        read += end;
        if (end > 0) reached = page[end - 1]!.position;
        // An empty page (not merely a short one: a log may return fewer than asked before its end), or one reaching
        // past the head: every event of the types up to the head has been read.
        if (page.length === 0 || end < page.length) {
          reached = head;
          break;
        }
        if (read >= this.batchSize) break;
        asked = Math.min(this.pageSize, this.batchSize - read);
        await this.lease?.keepAlive();
        page = await this.log.readAll(reached, asked, wanted);
      }
      await this.lease?.keepAlive();
      committed = batch.stage();
      this.lease?.fence(uow);
      for (const projection of this.projections) {
        const checkpoint: Checkpoint = { position: maxPosition(seen.get(projection)!, reached!), versions: { [projection.name]: projection.version } };
        uow.setCheckpoint(projection.name, checkpoint);
      }
    });
    this.carried = committed;
    this.written = written;
    for (const projection of this.projections) this.checkpoints.set(projection.name, maxPosition(seen.get(projection)!, reached!));
    this.onCommit(read, head);
    // 0: the batch only moved the checkpoints to the head (no event of the types was left): the catch-up is done.
    return read;
  }
}
