import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson, ChainedEventStore, SqliteEventStorage } from '@kuhina/event-store';
import { allViewDocuments, writeSyntheticHistory } from '@kuhina/testing';
import type { Projection, ViewLookup } from '../projection';
import { PROJECTIONS } from '../projections.registry';
import { AliasedReadStore } from '../stores/aliased-read-store';
import { MemoryReadStore } from '../stores/memory-read-store';
import { SqliteReadStore } from '../stores/sqlite-read-store';
import { NewerViewsError, Projector, type EventLog } from './projector';
import { StoreLease, type ProjectorLease } from './projector-lease';
import { generationsOf, rebuildSideBySide, RebuildRunningError, withLookedUp } from './side-by-side-rebuild';

const HISTORY = { chains: 2, workshopsPerChain: 4, people: 300, organizations: 40, registrationsPerWorkshop: 20, attendance: 0.8, feedbackPerWorkshop: 5 };
const names = (projections: readonly Projection[]) => projections.map((p) => p.name);

describe('Side-by-side rebuild (kuhina projections rebuild) over real SQLite stores', () => {
  let dir: string;
  let storage: SqliteEventStorage;
  let log: ChainedEventStore;
  let views: AliasedReadStore;
  let live: Projector;

  /** The views of one clean pass over the whole log, as canonical JSON. */
  const cleanRebuild = async (): Promise<string> => {
    const fresh = new MemoryReadStore();
    await new Projector(log, fresh, { projections: PROJECTIONS }).catchUp();
    return canonicalJson(await allViewDocuments(fresh));
  };
  const current = async (): Promise<string> => canonicalJson(await allViewDocuments(views));
  /** Documents stored under each generation's name, as the store holds them (aliases aside). */
  const stored = async (collection: string): Promise<number[]> =>
    Promise.all(generationsOf(collection).map(async (name) => (await views.inner.list(name, { limit: 1000 })).items.length));
  const rebuild = (names: string[], extra: Partial<Parameters<typeof rebuildSideBySide>[0]> = {}) =>
    rebuildSideBySide({
      log,
      store: views,
      projections: PROJECTIONS,
      names,
      // As another process would (the CLI): another owner of the leases kept in the store than the live projector.
      lease: new StoreLease(views, 'projector'),
      rebuildLease: new StoreLease(views, 'rebuild'),
      batchSize: 50,
      graceMs: 0,
      ...extra,
    });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-side-by-side-'));
    storage = new SqliteEventStorage({ file: join(dir, 'events.db'), pollIntervalMs: 20 });
    log = new ChainedEventStore(storage);
    await writeSyntheticHistory(log, { ...HISTORY, seed: 7 });
    views = new AliasedReadStore(new SqliteReadStore({ file: join(dir, 'views.db') }));
    live = new Projector(log, views, { projections: PROJECTIONS, batchSize: 100, lease: new StoreLease(views, 'projector'), leaseRetryMs: 10 });
    await live.start();
    const head = (await log.headPosition())!;
    expect(await live.waitFor(head, 10_000)).toBe(true);
  });

  afterEach(async () => {
    await live.stop();
    await views.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers from the complete live views all along, kept current by the live projector, then switches to complete rebuilt ones', async () => {
    const all = PROJECTIONS.map((p) => p.name);
    const before = await current();
    const samples: string[] = [];
    let whileRebuilding: { views: string; clean: string } | null = null;
    let pages = 0;
    // The rebuild's own reads of the log are where a reader's request can fall between two of its batches: take one there.
    const sampling: EventLog = {
      readAll: async (after, maxCount, options) => {
        pages++;
        if (pages < 8) samples.push(await current());
        if (pages === 8) {
          // Writes during the rebuild: the live projector (it does not wait for the rebuild) shows them at once.
          await writeSyntheticHistory(log, { ...HISTORY, chains: 1, workshopsPerChain: 1, seed: 8 });
          expect(await live.waitFor((await log.headPosition())!, 10_000)).toBe(true);
          whileRebuilding = { views: await current(), clean: await cleanRebuild() };
        }
        return log.readAll(after, maxCount, options);
      },
      headPosition: () => log.headPosition(),
      subscribe: (listener) => log.subscribe(listener),
    };

    const result = await rebuild(all, { log: sampling });

    expect(result.rebuilt).toEqual(all);
    expect(pages).toBeGreaterThan(8);
    expect(samples).toHaveLength(7);
    for (const sample of samples) expect(sample).toBe(before);
    expect(whileRebuilding).not.toBeNull();
    expect(whileRebuilding!.views).not.toBe(before);
    expect(whileRebuilding!.views).toBe(whileRebuilding!.clean);
    // After the switch: the rebuilt views, at the head (the writes above included), and the live projector goes on.
    expect(result.position).toBe(await log.headPosition());
    expect(await current()).toBe(await cleanRebuild());
    await writeSyntheticHistory(log, { ...HISTORY, chains: 1, workshopsPerChain: 1, seed: 10 });
    expect(await live.waitFor((await log.headPosition())!, 10_000)).toBe(true);
    expect(await current()).toBe(await cleanRebuild());
    // Only the generation read now holds documents: the old one was emptied after the switch; no rebuild is under way.
    for (const projection of PROJECTIONS) {
      expect(await views.checkpoint(`${projection.name}.rebuild`)).toEqual({ position: null, versions: { [`${projection.name}.rebuild`]: projection.version } });
      expect(await views.physicalOf(projection.collection)).toBe(`${projection.collection}.g1`);
      expect((await stored(projection.collection)).map((n) => n > 0)).toEqual([false, true, false]);
    }
    // And a second rebuild goes to the other generation.
    await rebuild(['chain-list']);
    expect(await views.physicalOf('chain-list')).toBe('chain-list.g2');
    expect(await current()).toBe(await cleanRebuild());
  }, 60_000);

  it('leaves the live views as they were when it stops half-way, and the next rebuild clears what it left', async () => {
    const before = await current();
    const physicalBefore = await Promise.all(PROJECTIONS.map((p) => views.physicalOf(p.collection)));
    let batches = 0;
    await expect(
      rebuild(['workshop-chain'], {
        onBatch: () => {
          if (++batches === 2) throw new Error('killed half-way');
        },
      }),
    ).rejects.toThrow('killed half-way');
    expect(await current()).toBe(before);
    expect(await Promise.all(PROJECTIONS.map((p) => views.physicalOf(p.collection)))).toEqual(physicalBefore);
    // The half-built documents are there, beside the live ones...
    expect((await stored('workshop-chains')).filter((n) => n > 0).length).toBe(2);

    const done = await rebuild(['workshop-chain']);
    expect(done.rebuilt).toEqual(['workshop-chain-index', 'workshop-chain']);
    expect(await current()).toBe(before);
    expect((await stored('workshop-chains')).filter((n) => n > 0).length).toBe(1);
    expect(await views.physicalOf('workshop-chains')).not.toBe('workshop-chains');
  }, 60_000);

  it('refuses a second rebuild while one runs (both would write the same aside documents), and the first completes', async () => {
    const before = await current();
    // One lease object for both, refusing at once (a StoreLease would first wait out a term, for a killed holder).
    let held = false;
    const rebuildLease: ProjectorLease = { tryAcquire: () => !held && (held = true), release: () => void (held = false) };
    let second: Promise<unknown> | null = null;
    const first = await rebuild(['workshop-chain'], {
      rebuildLease,
      onBatch: () => {
        second ??= rebuild(['workshop-chain'], { rebuildLease }).then(
          () => 'switched',
          (error: unknown) => error,
        );
      },
    });
    expect(await second).toBeInstanceOf(RebuildRunningError);
    expect(first.rebuilt).toEqual(['workshop-chain-index', 'workshop-chain']);
    expect(await current()).toBe(before);
    // Free again once it is done.
    expect(held).toBe(false);
    await rebuild(['chain-list'], { rebuildLease });
    expect(await current()).toBe(before);
  }, 60_000);

  it('switches while writes keep coming, and the live views then catch up with every one of them', async () => {
    let writing = true;
    let writes = 0;
    const writer = (async () => {
      while (writing) {
        // Small writes, so that several land while the rebuild runs on a slow or busy machine too.
        await writeSyntheticHistory(log, { ...HISTORY, chains: 1, workshopsPerChain: 1, registrationsPerWorkshop: 2, feedbackPerWorkshop: 0, people: 10, organizations: 4, seed: 100 + writes++ });
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    try {
      // Long enough for the stream to be under way at the switch (the live projector lets go of the lease when it is
      // wanted: see the projector's own spec).
      // (At least 300 ms and two writes: a fixed wait alone left the writes racing the rebuild on a busy machine.)
      for (const started = Date.now(); Date.now() - started < 300 || writes < 2; ) await new Promise((resolve) => setTimeout(resolve, 10));
      const result = await rebuild(['workshop-chain'], { leaseTimeoutMs: 5000 });
      expect(result.rebuilt).toEqual(['workshop-chain-index', 'workshop-chain']);
      // A fast rebuild may switch before many writes: a few more after the switch, which the live views must catch up with too.
      while (writes < 4) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      writing = false;
      await writer;
    }
    expect(writes).toBeGreaterThan(3);
    expect(await live.waitFor((await log.headPosition())!, 10_000)).toBe(true);
    expect(await current()).toBe(await cleanRebuild());
  }, 60_000);

  it('refuses to replace views a newer Kuhina wrote, and changes nothing', async () => {
    await views.transaction(async (uow) => uow.setCheckpoint('chain-list', { position: (await views.checkpoint('chain-list'))!.position, versions: { 'chain-list': 99 } }));
    const before = await current();
    await expect(rebuild(['chain-list'])).rejects.toBeInstanceOf(NewerViewsError);
    expect(await current()).toBe(before);
    expect(await views.physicalOf('chain-list')).toBe('chain-list');
  }, 60_000);
});

describe('withLookedUp: what a side-by-side rebuild of some projections takes with them', () => {
  it('adds the projections whose views the named ones look up, in the projector order', () => {
    expect(names(withLookedUp(PROJECTIONS, ['chain-list']))).toEqual(['chain-list']);
    expect(names(withLookedUp(PROJECTIONS, ['workshop-chain']))).toEqual(['workshop-chain-index', 'workshop-chain']);
    expect(names(withLookedUp(PROJECTIONS, ['network-collaborations']))).toEqual(['workshop-chain-index', 'collaboration-workshop-index', 'network-collaborations']);
    expect(names(withLookedUp(PROJECTIONS, PROJECTIONS.map((p) => p.name)))).toEqual(PROJECTIONS.map((p) => p.name));
    expect(() => withLookedUp(PROJECTIONS, ['no-such-view'])).toThrow('Unknown projection no-such-view');
  });

  it('relies on readsFrom being complete: over a whole history each projection looks up only the views it declares', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kuhina-reads-from-'));
    const storage = new SqliteEventStorage({ file: join(dir, 'events.db') });
    try {
      const log = new ChainedEventStore(storage);
      await writeSyntheticHistory(log, { ...HISTORY, seed: 9 });
      const seen = new Map<string, Set<string>>();
      const spied = PROJECTIONS.map((projection): Projection => {
        const record = (collection: string) => seen.set(projection.name, (seen.get(projection.name) ?? new Set()).add(collection));
        const spy = (lookup: ViewLookup): ViewLookup => ({
          get: (collection, id) => (record(collection), lookup.get(collection, id)),
          peek: lookup.peek && ((collection, id) => (record(collection), lookup.peek!(collection, id))),
        });
        const apply = projection.apply;
        return {
          ...projection,
          keysOf: (event, lookup) => projection.keysOf(event, spy(lookup)),
          project: (view, event, key, lookup) => projection.project(view, event, key, lookup && spy(lookup)),
          apply: apply && ((draft, event, key, lookup) => apply(draft, event, key, lookup && spy(lookup))),
        };
      });
      await new Projector(log, new MemoryReadStore(), { projections: spied }).catchUp();
      // Looking up an undeclared view is what would break a rebuild (it would read the live view, maybe behind). Its own
      // collection is always rebuilt with it (the chain view keeps fact documents there).
      const declared = (projection: Projection, collection: string) => (projection.readsFrom ?? []).find((c) => c === collection) ?? (collection === projection.collection ? collection : '(not declared)');
      for (const projection of PROJECTIONS) for (const collection of seen.get(projection.name) ?? []) expect(`${projection.name} → ${collection}`).toBe(`${projection.name} → ${declared(projection, collection)}`);
      // The spy sees the lookups at all (this history has no partner added to a collaboration: the other index goes unread).
      expect([...(seen.get('workshop-chain') ?? [])].sort()).toEqual(['workshop-chain-index', 'workshop-chains']);
      expect([...(seen.get('network') ?? [])]).toEqual(['workshop-chain-index']);
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
