import type { ChainIntegrity } from '@kuhina/event-store';
import type { Projection, ViewLookup } from '../projection';
import type { AliasedReadStore } from '../stores/aliased-read-store';
import type { ProjectorLease } from './projector-lease';
import { checkpointsOf } from '../read-store.port';
import { assertNotNewer, Projector, type EventLog, type ProjectorProgress } from './projector';

export interface SideBySideRebuildOptions {
  log: EventLog;
  store: AliasedReadStore;
  /** Every projection, in the projector's order (the rebuild takes the ones named, and those they look up). */
  projections: readonly Projection[];
  /** The projections to rebuild. */
  names: readonly string[];
  /** The live projector's lease: taken only for the last events and the switch. */
  lease: ProjectorLease;
  /** Held for the whole rebuild: a second rebuild at the same time would write into the same aside documents. */
  rebuildLease: ProjectorLease;
  batchSize?: number;
  pageSize?: number;
  onBatch?: (progress: ProjectorProgress) => void;
  /** Called once the rebuilt views are complete, before waiting for the lease to switch to them. */
  onBuilt?: () => void;
  /** Called once readers read the rebuilt views (before the old documents are emptied). */
  onSwitched?: () => void;
  /** How long the old documents are kept after the switch, for reads that resolved their collection just before (ms). */
  graceMs?: number;
  /** How long to wait for the lease before giving up (ms); the rebuilt documents are dropped by the next rebuild then. */
  leaseTimeoutMs?: number;
  /** Where the rebuild reports a broken hash link (see ProjectorOptions.integrity; default: the log's own). */
  integrity?: ChainIntegrity | null;
}

export interface SideBySideRebuildResult {
  /** The projections rebuilt: those named, and those whose views they look up. */
  rebuilt: string[];
  /** Where the rebuilt views are now (lowest checkpoint of the rebuilt projections). */
  position: bigint | null;
  /** Events of the rebuilt projections' types read. */
  events: number;
}

/** The stored names a collection's documents alternate between (the collection's own name is the first, before any rebuild). */
export const generationsOf = (collection: string): string[] => [collection, `${collection}.g1`, `${collection}.g2`];

/** The checkpoint of a projection while it is rebuilt beside the live one. */
export const asideCheckpointName = (name: string): string => `${name}.rebuild`;

/** The projections named, and (transitively) those writing the collections they look up, in the projector's order. */
export function withLookedUp(projections: readonly Projection[], names: readonly string[]): Projection[] {
  const writerOf = new Map(projections.map((projection) => [projection.collection, projection]));
  const wanted = new Set<Projection>();
  const add = (projection: Projection): void => {
    if (wanted.has(projection)) return;
    wanted.add(projection);
    for (const collection of projection.readsFrom ?? []) {
      const writer = writerOf.get(collection);
      if (!writer) throw new Error(`${projection.name} looks up ${collection}, which no projection writes`);
      add(writer);
    }
  };
  for (const name of names) {
    const projection = projections.find((p) => p.name === name);
    if (!projection) throw new Error(`Unknown projection ${name}; known: ${projections.map((p) => p.name).join(', ')}`);
    add(projection);
  }
  return projections.filter((projection) => wanted.has(projection));
}

/**
 * `kuhina projections rebuild`, side by side: the projections are replayed from the whole log into documents stored under
 * another name, while the live projector keeps the live views current and readers keep reading them, complete. Once the
 * rebuilt views reach the head, the lease is taken (the live projector lets go of it between two runs), the last events are
 * applied, and one unit of work points each collection at its rebuilt documents and moves the projection's checkpoint
 * there: readers switch from complete old views to complete new ones. The live projector re-reads the checkpoints when it
 * takes the lease back and goes on from there. The old documents are emptied after `graceMs`.
 *
 * Crash-safe at every step: before the switch the live views and checkpoints are untouched (a half-built aside is emptied
 * by the next rebuild); the switch is one unit of work; old documents left by a crash after it are emptied the same way.
 */
export async function rebuildSideBySide(options: SideBySideRebuildOptions): Promise<SideBySideRebuildResult> {
  const { rebuildLease, lease } = options;
  // A rebuild killed a moment ago holds its lease until its term runs out: wait that long; a running one renews it.
  const giveUpAt = Date.now() + (rebuildLease.ttlMs ?? 0) + 1000;
  while (!(await rebuildLease.tryAcquire())) {
    if (rebuildLease.ttlMs === undefined || Date.now() > giveUpAt) throw new RebuildRunningError('Another rebuild of these views is running; wait for it to finish');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    return await rebuildHoldingTheRebuildLease({ ...options, lease, rebuildLease });
  } finally {
    await rebuildLease.release();
  }
}

/** A rebuild was asked for while another runs. */
export class RebuildRunningError extends Error {
  override readonly name = 'RebuildRunningError';
}

async function rebuildHoldingTheRebuildLease(options: SideBySideRebuildOptions): Promise<SideBySideRebuildResult> {
  const { store, lease, rebuildLease } = options;
  const rebuilt = withLookedUp(options.projections, options.names);
  // Views a newer Kuhina wrote are not this process's to replace (its older shape would be rebuilt again, over and over).
  assertNotNewer(rebuilt, await checkpointsOf(store, rebuilt), 'Upgrade this Kuhina to rebuild them.');
  // Where each collection is read from now, and where its rebuild goes: the other generation.
  const live = new Map<string, string>();
  const aside = new Map<string, string>();
  const physicalNames = await store.physicalNames(rebuilt.map((projection) => projection.collection));
  for (const [i, projection] of rebuilt.entries()) {
    const physical = physicalNames[i]!;
    const [, first, second] = generationsOf(projection.collection);
    live.set(projection.collection, physical);
    aside.set(projection.collection, physical === first ? second! : first!);
  }
  const stale = rebuilt.flatMap((projection) => generationsOf(projection.collection).filter((name) => name !== live.get(projection.collection)));
  const asideProjections = rebuilt.map((projection): Projection => {
    const lookup = (outer: ViewLookup): ViewLookup => ({
      get: (collection, id) => outer.get(aside.get(collection) ?? collection, id),
      peek: outer.peek && ((collection, id) => outer.peek!(aside.get(collection) ?? collection, id)),
    });
    const apply = projection.apply;
    return {
      ...projection,
      name: asideCheckpointName(projection.name),
      collection: aside.get(projection.collection)!,
      keysOf: (event, outer) => projection.keysOf(event, lookup(outer)),
      project: (view, event, key, outer) => projection.project(view, event, key, outer && lookup(outer)),
      apply: apply && ((draft, event, key, outer) => apply(draft, event, key, outer && lookup(outer))),
    };
  });

  // Documents left by an earlier rebuild (stopped half-way, or whose old generation was never emptied) go first.
  await store.dropPhysical(stale);
  await store.transaction(async (uow) => {
    rebuildLease.fence?.(uow);
    for (const projection of asideProjections) uow.setCheckpoint(projection.name, { position: null, versions: { [projection.name]: projection.version } });
  });
  const projector = new Projector(options.log, store, { projections: asideProjections, batchSize: options.batchSize, pageSize: options.pageSize, onBatch: options.onBatch, integrity: options.integrity, fencedBy: rebuildLease });
  let events = await projector.catchUp();
  options.onBuilt?.();

  const deadline = Date.now() + (options.leaseTimeoutMs ?? 60_000);
  // Said, so that a live projector busy with a stream of writes lets go of the lease at its next pause.
  await lease.want?.(true);
  let position: bigint | null;
  try {
    for (let polls = 1; !(await lease.tryAcquire()); polls++) {
      if (Date.now() > deadline) throw new Error('The running projector kept the lease too long to switch to the rebuilt views; run the rebuild again');
      await new Promise((resolve) => setTimeout(resolve, 20));
      // Said again now and then: a wish for the lease expires (one left by a killed process must not count for ever).
      if (polls % 250 === 0) await lease.want?.(true);
    }
    await lease.want?.(false);
    // Appended while the views were rebuilt: few, and nobody else writes views now.
    events += await projector.catchUp();
    position = projector.position;
    // The last events may have taken a while: the switch needs the live lease still this rebuild's.
    await lease.keepAlive?.();
    await store.transaction(async (uow) => {
      // The switch writes the live checkpoints: only while both leases are still this rebuild's.
      lease.fence?.(uow);
      rebuildLease.fence?.(uow);
      for (const [i, projection] of rebuilt.entries()) {
        const asideProjection = asideProjections[i]!;
        const checkpoint = await store.checkpoint(asideProjection.name);
        uow.alias(projection.collection, aside.get(projection.collection)!);
        uow.setCheckpoint(projection.name, { position: checkpoint?.position ?? null, versions: { [projection.name]: projection.version } });
        // Back to nothing: a rebuild's own checkpoint is past null only while one runs (or one stopped half-way).
        uow.setCheckpoint(asideProjection.name, { position: null, versions: { [asideProjection.name]: asideProjection.version } });
      }
    });
  } finally {
    await lease.want?.(false);
    await lease.release();
  }
  options.onSwitched?.();

  // Reads that resolved a collection just before the switch may still read its old documents for a moment.
  await new Promise((resolve) => setTimeout(resolve, options.graceMs ?? 1000));
  await store.dropPhysical(rebuilt.map((projection) => live.get(projection.collection)!));
  return { rebuilt: rebuilt.map((projection) => projection.name), position, events };
}
