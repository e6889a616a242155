import { EventEmitter } from 'node:events';
import type { RecordedEvent } from '@kuhina/event-store';
import type { Projection, ViewLookup } from '../projection';
import type { Checkpoint, ReadStore, ViewDocument } from '../read-store.port';
import type { ProjectorLease } from './projector-lease';

/** What the projector needs of the event store: pages of the log, and a signal when it grows. */
export interface EventLog {
  readAll(after: bigint | null, maxCount: number): Promise<RecordedEvent[]>;
  headPosition(): Promise<bigint | null>;
  subscribe(listener: (position: bigint) => void): () => void;
}

export interface ProjectorOptions {
  projections: readonly Projection[];
  /** Events per unit of work: larger batches commit less often (faster rebuilds), smaller ones show changes sooner. */
  batchSize?: number;
  /** Called after each committed batch (progress bars, metrics). */
  onBatch?: (progress: ProjectorProgress) => void;
  /**
   * Shared with other processes (e.g. `kuhina projections rebuild` while the API runs): the projector writes
   * only while it holds the lease, lets go of it when it is idle, and re-reads the checkpoints when it takes it back.
   */
  lease?: ProjectorLease;
  /** How often to try again for a lease held elsewhere (ms). */
  leaseRetryMs?: number;
}

export interface ProjectorProgress {
  /** Lowest checkpoint over all projections after this batch. */
  position: bigint | null;
  /** Events read in this batch. */
  events: number;
  /** Head of the log when the batch started (for an ETA). */
  head: bigint | null;
}

const positionText = (p: bigint | null): string | null => (p === null ? null : p.toString());

interface WorkingDocument {
  projection: Projection;
  key: string;
  /** undefined: the projection deleted it. */
  doc: ViewDocument | undefined;
}
const workingKey = (collection: string, id: string): string => `${collection}\u0000${id}`;

/**
 * Reads the log from the lowest checkpoint of its projections in batches, applies each event to every
 * projection that has not seen it, and commits the changed views together with every projection's
 * checkpoint in one unit of work: after a crash at any point each event's effect is there exactly once.
 * Each projection keeps its own checkpoint and version, so one projection can be rebuilt (or re-versioned)
 * while the others carry on.
 */
export class Projector {
  private readonly batchSize: number;
  private readonly byName = new Map<string, Projection>();
  // Hot path: asked for every event and projection of a rebuild.
  private readonly handles = new Map<Projection, ReadonlySet<string>>();
  private readonly checkpoints = new Map<string, bigint | null>();
  private readonly committed = new EventEmitter();
  private running: Promise<void> | null = null;
  private again = false;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;
  private loaded = false;
  private lastError: unknown = null;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly log: EventLog,
    private readonly store: ReadStore,
    private readonly options: ProjectorOptions,
  ) {
    this.batchSize = options.batchSize ?? 2000;
    for (const projection of options.projections) {
      if (this.byName.has(projection.name)) throw new Error(`Two projections are named ${projection.name}`);
      this.byName.set(projection.name, projection);
      this.handles.set(projection, new Set(projection.eventTypes));
    }
    this.committed.setMaxListeners(0);
  }

  /** Lowest position every projection has reached (null: none has applied anything yet). */
  get position(): bigint | null {
    let lowest: bigint | undefined;
    for (const value of this.checkpoints.values()) {
      if (value === null) return null;
      if (lowest === undefined || value < lowest) lowest = value;
    }
    return lowest ?? null;
  }

  get error(): unknown {
    return this.lastError;
  }

  /** Loads checkpoints; resets any projection whose version changed (it is then rebuilt from the log). */
  async load(): Promise<void> {
    const stale: Projection[] = [];
    for (const projection of this.options.projections) {
      const checkpoint = await this.store.checkpoint(projection.name);
      if (checkpoint && checkpoint.versions[projection.name] === projection.version) {
        this.checkpoints.set(projection.name, checkpoint.position);
      } else {
        if (checkpoint) stale.push(projection);
        this.checkpoints.set(projection.name, null);
      }
    }
    if (stale.length > 0) await this.reset(stale.map((p) => p.name));
    this.loaded = true;
  }

  /** Catches up, then follows the log: wakes on every append signal. */
  async start(): Promise<void> {
    if (!this.loaded) await this.load();
    this.stopped = false;
    this.unsubscribe = this.log.subscribe(() => this.trigger());
    this.trigger();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.running;
    this.options.lease?.release();
  }

  /** Runs batches until the projector has reached the head of the log; returns the events applied. */
  async catchUp(): Promise<number> {
    if (!this.loaded) await this.load();
    let applied = 0;
    for (;;) {
      const n = await this.runBatch();
      applied += n;
      if (n === 0 || this.stopped) return applied;
    }
  }

  /** Resolves true once every projection has reached `position`, false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    const reached = () => {
      const current = this.position;
      return current !== null && current >= position;
    };
    if (reached()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const onCommit = () => {
        if (!reached()) return;
        clearTimeout(timer);
        this.committed.off('commit', onCommit);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.committed.off('commit', onCommit);
        resolve(false);
      }, timeoutMs);
      this.committed.on('commit', onCommit);
    });
  }

  /** Drops the views of these projections and resets their checkpoints, atomically; the loop then replays them. */
  async reset(names: string[]): Promise<void> {
    const projections = names.map((name) => {
      const projection = this.byName.get(name);
      if (!projection) throw new Error(`Unknown projection ${name}; known: ${[...this.byName.keys()].join(', ')}`);
      return projection;
    });
    await this.store.transaction(async (uow) => {
      uow.clear([...new Set(projections.map((p) => p.collection))]);
      for (const p of projections) uow.setCheckpoint(p.name, { position: null, versions: { [p.name]: p.version } });
    });
    for (const p of projections) this.checkpoints.set(p.name, null);
  }

  private trigger(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      try {
        const lease = this.options.lease;
        if (lease && !lease.tryAcquire()) {
          // Another process (a rebuild) writes the views now: try again later, then start from its checkpoints.
          this.loaded = false;
          this.retryTimer = setTimeout(() => this.trigger(), this.options.leaseRetryMs ?? 500);
          this.retryTimer.unref();
          return;
        }
        if (!this.loaded) await this.load();
        do {
          this.again = false;
          await this.catchUp();
          this.lastError = null;
        } while (this.again && !this.stopped);
        lease?.release();
      } catch (error) {
        // Nothing of the failed batch was committed; the next signal (or restart) retries from the checkpoint.
        this.lastError = error;
        process.emitWarning(`Projector batch failed: ${error instanceof Error ? error.message : String(error)}`, 'KuhinaProjectorWarning');
      } finally {
        this.running = null;
        // A signal that came while this run was finishing must not be lost.
        if (this.again && !this.stopped && !this.lastError) this.trigger();
      }
    })();
  }

  private async runBatch(): Promise<number> {
    const from = this.position;
    const head = this.options.onBatch ? await this.log.headPosition() : null;
    const events = await this.log.readAll(from, this.batchSize);
    if (events.length === 0) return 0;
    const next = new Map(this.checkpoints);
    await this.store.transaction(async (uow) => {
      // The batch works on parsed documents and writes each changed one once, at the end: a large view
      // touched by thousands of events of the batch is parsed once and serialised once, not per event.
      const working = new Map<string, WorkingDocument>();
      const read = async (collection: string, id: string): Promise<ViewDocument | null> => {
        const entry = working.get(workingKey(collection, id));
        if (entry) return entry.doc ?? null;
        return uow.get(collection, id);
      };
      const lookup: ViewLookup = { get: <T extends ViewDocument>(collection: string, id: string) => read(collection, id) as Promise<T | null> };
      for (const event of events) {
        for (const projection of this.options.projections) {
          const seen = next.get(projection.name) ?? null;
          if (seen !== null && event.position <= seen) continue;
          if (this.handles.get(projection)!.has(event.type)) {
            for (const key of await projection.keysOf(event, lookup)) {
              const current = (await read(projection.collection, key)) ?? undefined;
              const updated = projection.project(current, event, key);
              if (updated !== current) working.set(workingKey(projection.collection, key), { projection, key, doc: updated });
            }
          }
          next.set(projection.name, event.position);
        }
      }
      for (const { projection, key, doc } of working.values()) {
        if (doc === undefined) uow.delete(projection.collection, key);
        else uow.put(projection.collection, key, doc, projection.indexesOf?.(doc, key));
      }
      for (const projection of this.options.projections) {
        const checkpoint: Checkpoint = { position: next.get(projection.name) ?? null, versions: { [projection.name]: projection.version } };
        uow.setCheckpoint(projection.name, checkpoint);
      }
    });
    for (const [name, position] of next) this.checkpoints.set(name, position);
    this.committed.emit('commit');
    this.options.onBatch?.({ position: this.position, events: events.length, head });
    return events.length;
  }

  /** For diagnostics and the read-your-writes header. */
  describe(): { position: string | null; projections: Record<string, string | null> } {
    return { position: positionText(this.position), projections: Object.fromEntries([...this.checkpoints].map(([k, v]) => [k, positionText(v)])) };
  }
}
