import { EventEmitter } from 'node:events';
import { errorMessage, positionText, type ChainIntegrity, type ChainedEventStore } from '@kuhina/event-store';
import type { Projection } from '../projection';
import { checkpointsOf, lowestPosition, type Checkpoint, type ReadStore, type UnitOfWork } from '../read-store.port';
import { BatchRunner, type EventLog } from './projector-batch';
import { ProjectorChainCheck } from './chain-check';
import { StoreLease, type ProjectorLease } from './projector-lease';
import { LeaseTurns } from './lease-turns';
import { AliasedReadStore } from '../stores/aliased-read-store';
import { rebuildSideBySide } from './side-by-side-rebuild';

export type { EventLog } from './projector-batch';

export interface ProjectorOptions {
  projections: readonly Projection[];
  /** Events per unit of work: larger batches commit less often (faster rebuilds), smaller ones show changes sooner. */
  batchSize?: number;
  /**
   * Events per read of the log within a batch (default 1000, at most `batchSize`). A batch reads page after page
   * and is done with each page before the next: the events of a page die young, so a large batch does not keep
   * thousands of parsed events alive (and copied by the garbage collector) until its end.
   */
  pageSize?: number;
  /** Called after each committed batch (progress bars, metrics). */
  onBatch?: (progress: ProjectorProgress) => void;
  /**
   * Shared with other processes (e.g. `kuhina projections rebuild` while the API runs): the projector writes
   * only while it holds the lease, lets go of it when it is idle, and re-reads the checkpoints when it takes it back.
   */
  lease?: ProjectorLease;
  /**
   * The lease every commit of this projector is fenced with (default: `lease`): a projector that lost it writes nothing.
   * A side-by-side rebuild's own projector gives the rebuild's lease here and takes no lease in turns.
   */
  fencedBy?: ProjectorLease;
  /** How often to try again for a lease held elsewhere (ms). */
  leaseRetryMs?: number;
  /**
   * How long the projector keeps its lease once caught up (ms, default 1000; 0: it lets go at once), when the lease
   * tells whether it is still held. The next write's catch-up within that time takes nothing, re-reads no checkpoint
   * and gives nothing up: three round trips to the read store less on every write. Someone waiting for the lease gets
   * it at the projector's next pause, or once this time has passed.
   */
  idleLeaseMs?: number;
  /**
   * After a failed batch, how long to wait before trying again (ms, default 1000); doubled after each failure in a
   * row, up to 30 s. Without it a projector that failed on a passing fault (a busy store, a dropped connection)
   * would wait for the next append, and a quiet log would leave the views behind for good.
   */
  failureRetryMs?: number;
  /**
   * Where a broken hash link found while reading is reported; each event's link is checked as it is read, and a break
   * stops the projection of that stream (see ProjectorChainCheck). Default: the log's own (a ChainedEventStore carries
   * one), so that every projector checks unless told not to; null: nothing is checked (tests of projections alone).
   */
  integrity?: ChainIntegrity | null;
}

const MAX_FAILURE_RETRY_MS = 30_000;

/** The store's views were built by newer projection versions than this process has. */
export class NewerViewsError extends Error {
  override readonly name = 'NewerViewsError';
}

/**
 * Throws NewerViewsError if any of these projections' stored checkpoints (in their order) names a newer version than the
 * code's: a newer Kuhina writes those views, and an older shape written over them would be rebuilt again, over and over.
 */
export function assertNotNewer(projections: readonly Projection[], checkpoints: ReadonlyArray<Checkpoint | null>, advice: string): void {
  const newer = projections.flatMap((projection, i) => {
    const stored = checkpoints[i]?.versions[projection.name];
    return stored !== undefined && stored > projection.version ? [`${projection.name} v${stored} (this process has v${projection.version})`] : [];
  });
  if (newer.length > 0) throw new NewerViewsError(`The views are written by a newer version of Kuhina: ${newer.join(', ')}. ${advice}`);
}

export interface ProjectorProgress {
  /** Lowest checkpoint over all projections after this batch. */
  position: bigint | null;
  /** Events read in this batch. */
  events: number;
  /** Head of the log when the batch started (for an ETA). */
  head: bigint | null;
}

/**
 * Reads the log from the lowest checkpoint of its projections in batches, applies each event to every
 * projection that has not seen it, and commits the changed views together with every projection's
 * checkpoint in one unit of work: after a crash at any point each event's effect is there exactly once.
 * Each projection keeps its own checkpoint and version, so one projection can be rebuilt (or re-versioned)
 * while the others carry on.
 */
export class Projector {
  private readonly batchSize: number;
  private readonly pageSize: number;
  private readonly byName = new Map<string, Projection>();
  private readonly checkpoints = new Map<string, bigint | null>();
  private readonly committed = new EventEmitter();
  /** Reads, applies and commits the batches of the projections run live; moves `checkpoints` at each commit. */
  private batches: BatchRunner;
  private readonly chainCheck: ProjectorChainCheck | null;
  /** The projections run live now: all, but those whose new version is being rebuilt beside their old views. */
  private live: readonly Projection[];
  /** The rebuild beside the live views of projections whose version changed, while it runs. */
  private besideRebuild: Promise<void> | null = null;
  private besideRetryAt = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;
  private loaded = false;
  private lastError: unknown = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failuresInARow = 0;
  /** The last catch-up paused before the head for another process waiting for the lease. */
  private yielded = false;
  /** Taken for a run, kept between runs while writes come, given up when idle or wanted. */
  private readonly turns: LeaseTurns;
  /** `options.lease`, bound to this store when it is kept there. */
  private readonly lease: ProjectorLease | undefined;
  private readonly fence: ProjectorLease | undefined;

  constructor(
    private readonly log: EventLog,
    private readonly store: ReadStore,
    private readonly options: ProjectorOptions,
  ) {
    this.batchSize = options.batchSize ?? 2000;
    // A batch of 0 would read nothing and still move the checkpoints to the head: the views would skip the whole log.
    for (const [name, value] of [['batchSize', this.batchSize], ['pageSize', options.pageSize ?? 1000]] as const) {
      if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`Projector ${name} must be a whole number of 1 or more, got ${String(value)}`);
    }
    this.pageSize = Math.min(options.pageSize ?? 1000, this.batchSize);
    for (const projection of options.projections) {
      if (this.byName.has(projection.name)) throw new Error(`Two projections are named ${projection.name}`);
      this.byName.set(projection.name, projection);
    }
    this.lease = options.lease;
    this.fence = options.fencedBy ?? this.lease;
    // Whoever holds the lease next may write the views: the documents carried between batches are stale then.
    this.turns = new LeaseTurns(this.lease, options.idleLeaseMs ?? 1000, () => this.batches.dropCarried());
    const integrity = options.integrity === undefined ? (log as Partial<Pick<ChainedEventStore, 'integrity'>>).integrity : options.integrity;
    this.chainCheck = integrity ? new ProjectorChainCheck(integrity) : null;
    this.live = options.projections;
    this.batches = this.runnerFor(this.live);
    this.committed.setMaxListeners(0);
  }

  /** Lowest position every projection has reached (null: none has applied anything yet). */
  get position(): bigint | null {
    return lowestPosition(this.checkpoints.values());
  }

  /** The last batch's failure, null once a batch committed. */
  get error(): unknown {
    return this.lastError;
  }

  /** Failed attempts in a row (0 after a success): for health reports. */
  get failures(): number {
    return this.failuresInARow;
  }

  /**
   * Loads checkpoints. A projection whose stored version is older than its own is rebuilt from the log: on an aliased
   * store with a store lease (the production profile: SQLite or MongoDB) beside its live views, which readers keep
   * reading until the switch (see rebuildSideBySide; MongoDB never empties a large collection in a transaction), while
   * the others carry on; otherwise its views are reset and replayed in place. A stored version NEWER than its own means a newer Kuhina writes these views (a rolling update, an old process
   * left running): this projector refuses to run rather than reset them to its older shape, which the newer one would
   * then reset again, over and over.
   */
  async load(): Promise<void> {
    const stale: Projection[] = [];
    // With a lease this runs at every wake-up.
    const checkpoints = await checkpointsOf(this.store, this.options.projections);
    assertNotNewer(this.options.projections, checkpoints, 'Stop or upgrade this process.');
    for (const [i, projection] of this.options.projections.entries()) {
      const checkpoint = checkpoints[i];
      if (checkpoint && checkpoint.versions[projection.name] === projection.version) {
        this.checkpoints.set(projection.name, checkpoint.position);
      } else {
        if (checkpoint) stale.push(projection);
        this.checkpoints.set(projection.name, null);
      }
    }
    const beside = stale.length > 0 && this.store instanceof AliasedReadStore && this.lease instanceof StoreLease;
    if (beside) this.rebuildBeside(stale.map((p) => p.name));
    else if (stale.length > 0) await this.reset(stale.map((p) => p.name));
    // Until the switch, the old views are not this version's to project into: they are left out of the live batches.
    const live = beside ? this.options.projections.filter((p) => !stale.includes(p)) : this.options.projections;
    for (const projection of beside ? stale : []) this.checkpoints.delete(projection.name);
    if (live.length !== this.live.length) {
      this.live = live;
      this.batches = this.runnerFor(live);
    }
    this.loaded = true;
  }

  /** Starts (unless it runs, or failed a moment ago) the rebuild of these projections beside their live views. */
  private rebuildBeside(names: string[]): void {
    if (this.besideRebuild || Date.now() < this.besideRetryAt) return;
    const lease = this.lease as StoreLease;
    const store = this.store as AliasedReadStore;
    this.besideRebuild = rebuildSideBySide({
      log: this.log,
      store,
      projections: this.options.projections,
      names,
      // Another owner than this projector's: the rebuild asks for the lease and this projector lets go of it at a pause.
      lease: new StoreLease(store, lease.name, { ttlMs: lease.ttlMs }),
      rebuildLease: new StoreLease(store, 'rebuild'),
      batchSize: this.batchSize,
      pageSize: this.pageSize,
      integrity: this.options.integrity,
    }).then(
      () => undefined,
      (error: unknown) => {
        // Another process may be rebuilding them (or this one stops): tried again at a later wake-up.
        this.besideRetryAt = Date.now() + MAX_FAILURE_RETRY_MS;
        if (!this.stopped) process.emitWarning(`Rebuild of ${names.join(', ')} beside the live views failed: ${errorMessage(error)}`, 'KuhinaProjectorWarning');
      },
    );
    // Once switched, the next wake-up loads the new versions' checkpoints and runs them live again.
    void this.besideRebuild.finally(() => {
      this.besideRebuild = null;
      this.trigger();
    });
  }

  private runnerFor(projections: readonly Projection[]): BatchRunner {
    return new BatchRunner(this.log, this.store, projections, this.checkpoints, this.batchSize, this.pageSize, (events, head) => this.batchCommitted(events, head), this.chainCheck, this.fenceOf());
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
    await this.turns.letGo();
  }

  /** Runs batches until the projector has reached the head of the log; returns the events applied. */
  async catchUp(): Promise<number> {
    if (!this.loaded) await this.load();
    let applied = 0;
    try {
      for (;;) {
        const n = await this.batches.run();
        applied += n;
        if (n === 0 || this.stopped) return applied;
        // Someone waits for the lease (a rebuild's switch): pause here; the rest follows once they are done.
        if (await this.turns.wanted()) {
          this.yielded = true;
          return applied;
        }
      }
    } finally {
      // Between two catch-ups another process may write the views (it takes the lease meanwhile), unless the lease is kept.
      if (!this.turns.isKept) this.batches.dropCarried();
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
    this.batches.dropCarried();
    await this.store.transaction(async (uow) => {
      this.fence?.fence?.(uow);
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
      // Not one step before `this.running` holds this run: a run that ended at once (the lease held elsewhere) would
      // otherwise clear `running` in its `finally` before being assigned to it, and every later signal would take the
      // projector for busy, for good.
      await Promise.resolve();
      try {
        // Wanted by someone waiting for it, or held elsewhere: not taken (back) now.
        const turn = await this.turns.take();
        if (turn === 'refused') {
          // Another process (a rebuild) writes the views now: try again later, then start from its checkpoints. The
          // timer is the one retry (a pending signal must not start another run at once: that would spin).
          this.again = false;
          if (this.retryTimer) clearTimeout(this.retryTimer);
          this.retryTimer = setTimeout(() => this.trigger(), this.options.leaseRetryMs ?? 500);
          this.retryTimer.unref();
          return;
        }
        // With a lease, another process may have written the views since this one last held it (a rebuild, maybe
        // stopped half-way, even while this projector sat idle and never found the lease taken): its checkpoints in
        // memory are stale, so read them again each time the lease is taken (not when it was kept).
        if (turn === 'taken' || !this.loaded) await this.load();
        let waiter = false;
        do {
          this.again = false;
          await this.catchUp();
          this.lastError = null;
          this.failuresInARow = 0;
        } while (this.again && !this.stopped && !this.yielded && !(waiter = await this.turns.wanted()));
        // Paused for a waiter (before the head, or between two catch-ups): let go now and go on after them (trigger
        // waits while they still want it). Otherwise kept for the next write a while.
        await this.turns.end(this.yielded || waiter || this.stopped, () => this.running !== null);
        if (this.yielded) {
          this.yielded = false;
          this.again = true;
        }
      } catch (error) {
        // Nothing of the failed batch was committed: the next signal, or the retry below, starts again from the checkpoint.
        this.lastError = error;
        this.failuresInARow++;
        // Let another process (a rebuild) write meanwhile; the checkpoints are re-read when the lease is taken back.
        await this.turns.letGo().catch(() => undefined);
        const delay = Math.min((this.options.failureRetryMs ?? 1000) * 2 ** (this.failuresInARow - 1), MAX_FAILURE_RETRY_MS);
        process.emitWarning(`Projector batch failed (${this.failuresInARow} in a row; next try in ${delay} ms): ${errorMessage(error)}`, 'KuhinaProjectorWarning');
        if (!this.stopped) {
          if (this.retryTimer) clearTimeout(this.retryTimer);
          this.retryTimer = setTimeout(() => this.trigger(), delay);
          this.retryTimer.unref();
        }
      } finally {
        this.running = null;
        // A signal that came while this run was finishing must not be lost.
        if (this.again && !this.stopped && !this.lastError) this.trigger();
      }
    })();
  }

  /** The batches' fence: only a lease that fences (a StoreLease) guards the commit; others are only taken in turns. */
  private fenceOf(): { fence(uow: UnitOfWork): void; keepAlive(): Promise<void> } | null {
    const lease = this.fence;
    if (!lease?.fence) return null;
    return { fence: (uow) => lease.fence!(uow), keepAlive: async () => lease.keepAlive?.() };
  }

  /** After each committed batch (the checkpoints already moved). */
  private batchCommitted(events: number, head: bigint): void {
    // A committed batch ends a run of failures (health reports it at once, not at the end of the catch-up).
    this.lastError = null;
    this.failuresInARow = 0;
    this.committed.emit('commit');
    this.options.onBatch?.({ position: this.position, events, head });
  }

  /** For diagnostics and the read-your-writes header. */
  describe(): { position: string | null; projections: Record<string, string | null> } {
    return { position: positionText(this.position), projections: Object.fromEntries([...this.checkpoints].map(([k, v]) => [k, positionText(v)])) };
  }
}
