import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ChainedEventStore, SqliteEventStorage, type EventToAppend, type RecordedEvent } from '@kuhina/event-store';
import { until } from '@kuhina/testing';
import { lookupThen, type Projection } from '../projection';
import type { ViewDocument } from '../read-store.port';
import { SqliteReadStore } from '../stores/sqlite-read-store';
import { NewerViewsError, Projector } from './projector';
import { StoreLease } from './projector-lease';

// A deliberately NON-idempotent projection (it counts events): any event applied twice, or lost, shows in the count.
type Tally = { stream: string; count: number; types: string[] };
const tally = (version = 1, failOn?: string): Projection<Tally> => ({
  name: 'tally',
  version,
  collection: 'tallies',
  eventTypes: ['Ticked', 'Tocked'],
  keysOf: (event) => [event.stream],
  project: (view, event: RecordedEvent) => {
    if (event.type === failOn) throw new Error('projection bug');
    return { stream: event.stream, count: (view?.count ?? 0) + 1, types: [...(view?.types ?? []), event.type] };
  },
  indexesOf: (view) => ({ indexes: { stream: view.stream } }),
});
const totals: Projection<{ total: number }> = {
  name: 'totals',
  version: 1,
  collection: 'totals',
  eventTypes: ['Ticked'],
  keysOf: () => ['all'],
  project: (view) => ({ total: (view?.total ?? 0) + 1 }),
};

// The same count as a mutator (`apply` changes the draft it is given, as the projector's batch documents allow):
// a document carried from one batch to the next, or kept from a failed batch, shows in the count.
const mutatorTally = (failOn?: () => boolean): Projection<Tally> => ({
  ...tally(),
  apply: (draft, event: RecordedEvent) => {
    const doc = draft ?? { stream: event.stream, count: 0, types: [] };
    doc.count += 1;
    doc.types.push(event.type);
    // Fails after changing the draft: nothing of that change may survive the failed batch.
    if (failOn?.()) throw new Error('projection bug after a change');
    return doc;
  },
});

const meta = { occurredAt: '2023-04-19T10:00:00.000Z', recordedAt: '2023-04-19T10:00:00.000Z', actor: 't', correlationId: 't', causationId: null, schemaVersion: 1 };
const events = (n: number, type = 'Ticked'): EventToAppend[] => Array.from({ length: n }, () => ({ id: randomUUID(), type, data: {}, metadata: meta }));

describe('Projector over real SQLite stores', () => {
  let dir: string;
  let storage: SqliteEventStorage;
  let log: ChainedEventStore;
  let views: SqliteReadStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-projector-'));
    storage = new SqliteEventStorage({ file: join(dir, 'events.db'), pollIntervalMs: 20 });
    log = new ChainedEventStore(storage);
    views = new SqliteReadStore({ file: join(dir, 'views.db') });
  });
  afterEach(async () => {
    await views.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies every event once in batches and saves each projection checkpoint with the views', async () => {
    await log.append('clock-a', events(25), 'no-stream');
    await log.append('clock-b', events(10, 'Tocked'), 'no-stream');
    const sut = new Projector(log, views, { projections: [tally(), totals], batchSize: 7 });

    const applied = await sut.catchUp();

    expect(applied).toBe(35);
    expect(await views.get('tallies', 'clock-a')).toMatchObject({ count: 25 });
    expect(await views.get('tallies', 'clock-b')).toMatchObject({ count: 10 });
    expect(await views.get('totals', 'all')).toEqual({ total: 25 });
    const head = await log.headPosition();
    expect(sut.position).toBe(head);
    expect(await views.checkpoint('tally')).toEqual({ position: head, versions: { tally: 1 } });
  });

  it('refuses a batch or page size that is not a whole number of 1 or more (a batch of 0 would skip the log)', async () => {
    for (const size of [0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new Projector(log, views, { projections: [tally()], batchSize: size })).toThrow(RangeError);
      expect(() => new Projector(log, views, { projections: [tally()], pageSize: size })).toThrow(RangeError);
    }
    await log.append('clock-a', events(3), 'no-stream');
    expect(await new Projector(log, views, { projections: [tally()], batchSize: 1, pageSize: 1 }).catchUp()).toBe(3);
    expect(await views.get('tallies', 'clock-a')).toMatchObject({ count: 3 });
  });

  it('resumes from its checkpoint after a restart: nothing applied twice, nothing lost', async () => {
    await log.append('clock-a', events(12), 'no-stream');
    await new Projector(log, views, { projections: [tally()], batchSize: 5 }).catchUp();
    await log.append('clock-a', events(8), 11);

    const sut = new Projector(log, views, { projections: [tally()], batchSize: 5 });
    const applied = await sut.catchUp();

    expect(applied).toBe(8);
    expect(await views.get('tallies', 'clock-a')).toMatchObject({ count: 20 });
  });

  it('commits nothing of a failing batch: views and checkpoint stay as they were', async () => {
    await log.append('clock-a', events(3), 'no-stream');
    await new Projector(log, views, { projections: [tally()] }).catchUp();
    const before = await views.checkpoint('tally');
    await log.append('clock-a', [...events(2), ...events(1, 'Tocked')], 2);

    await expect(new Projector(log, views, { projections: [tally(1, 'Tocked')] }).catchUp()).rejects.toThrow('projection bug');

    expect(await views.get('tallies', 'clock-a')).toMatchObject({ count: 3 });
    expect(await views.checkpoint('tally')).toEqual(before);
  });

  it('rebuilds a projection whose version changed, leaving the others alone', async () => {
    await log.append('clock-a', events(6), 'no-stream');
    await new Projector(log, views, { projections: [tally(1), totals] }).catchUp();

    const sut = new Projector(log, views, { projections: [tally(2), totals] });
    const applied = await sut.catchUp();

    expect(applied).toBe(6); // replayed for tally v2 only
    expect(await views.get('tallies', 'clock-a')).toMatchObject({ count: 6 });
    expect(await views.get('totals', 'all')).toEqual({ total: 6 });
    expect(await views.checkpoint('tally')).toMatchObject({ versions: { tally: 2 } });
  });

  it('refuses to run over views of a newer projection version, leaving them as they are (no reset ping-pong in a rolling update)', async () => {
    await log.append('clock-a', events(6), 'no-stream');
    await new Projector(log, views, { projections: [tally(2), totals] }).catchUp();
    const before = { tally: await views.checkpoint('tally'), doc: await views.get('tallies', 'clock-a') };
    await log.append('clock-a', events(1), 5);

    const older = new Projector(log, views, { projections: [tally(1), totals] });
    await expect(older.catchUp()).rejects.toThrow(NewerViewsError);
    await expect(older.catchUp()).rejects.toThrow('tally v2 (this process has v1)');

    expect(await views.checkpoint('tally')).toEqual(before.tally);
    expect(await views.get('tallies', 'clock-a')).toEqual(before.doc);
    // The newer version carries on from where it was.
    await new Projector(log, views, { projections: [tally(2), totals] }).catchUp();
    expect(await views.get('tallies', 'clock-a')).toMatchObject({ count: 7 });
  });

  it('reset(name) drops the views and replays them from the log', async () => {
    await log.append('clock-a', events(4), 'no-stream');
    const sut = new Projector(log, views, { projections: [tally(), totals] });
    await sut.catchUp();

    await sut.reset(['tally']);
    expect(await views.get('tallies', 'clock-a')).toBeNull();
    await sut.catchUp();

    expect(await views.get('tallies', 'clock-a')).toMatchObject({ count: 4 });
    expect(await views.get('totals', 'all')).toEqual({ total: 4 });
  });

  it('applies a mutator projection once per event over many batches, its documents carried from batch to batch', async () => {
    await log.append('clock-a', events(23), 'no-stream');
    await log.append('clock-b', events(4, 'Tocked'), 'no-stream');
    const sut = new Projector(log, views, { projections: [mutatorTally(), totals], batchSize: 4 });

    expect(await sut.catchUp()).toBe(27);

    expect(await views.get('tallies', 'clock-a')).toMatchObject({ count: 23 });
    expect(await views.get('tallies', 'clock-b')).toEqual({ stream: 'clock-b', count: 4, types: ['Tocked', 'Tocked', 'Tocked', 'Tocked'] });
    expect(await views.get('totals', 'all')).toEqual({ total: 23 });
  });

  it('drops what a failed batch changed in place: the next catch-up starts from the committed documents', async () => {
    await log.append('clock-a', events(9), 'no-stream');
    let seen = 0;
    let failing = true;
    // Fails on the 8th event (in the third batch of 3), after the first two batches committed.
    const sut = new Projector(log, views, { projections: [mutatorTally(() => failing && ++seen === 8)], batchSize: 3 });

    await expect(sut.catchUp()).rejects.toThrow('projection bug after a change');
    expect(await views.get('tallies', 'clock-a')).toMatchObject({ count: 6 });

    failing = false;
    expect(await sut.catchUp()).toBe(3);
    expect(await views.get('tallies', 'clock-a')).toMatchObject({ count: 9 });
  });

  it('routes through documents of earlier batches and of this one (an index written by an earlier projection)', async () => {
    // owners: stream → its owner, from the first event of each stream; owned: a count per owner, routed through owners.
    type Owner = { owner: string };
    const owners: Projection<Owner> = {
      name: 'owners',
      version: 1,
      collection: 'owners',
      eventTypes: ['Ticked'],
      keysOf: (event) => [event.stream],
      project: (view, event) => view ?? { owner: `owner-of-${event.stream}` },
    };
    const owned: Projection<{ count: number }> = {
      name: 'owned',
      version: 1,
      collection: 'owned',
      eventTypes: ['Ticked'],
      keysOf: (event, lookup) => lookupThen<Owner, string[]>(lookup, 'owners', event.stream, (entry) => (entry === null ? [] : [entry.owner])),
      project: (view) => ({ count: (view?.count ?? 0) + 1 }),
      apply: (draft) => {
        const doc = draft ?? { count: 0 };
        doc.count += 1;
        return doc;
      },
    };
    await log.append('clock-a', events(5), 'no-stream');
    await log.append('clock-b', events(2), 'no-stream');
    await new Projector(log, views, { projections: [owners, owned], batchSize: 2 }).catchUp();
    await log.append('clock-a', events(3), 4);

    // A new projector reads the index from the store; within its batches it finds it at hand.
    await new Projector(log, views, { projections: [owners, owned], batchSize: 2 }).catchUp();

    expect(await views.get('owned', 'owner-of-clock-a')).toEqual({ count: 8 });
    expect(await views.get('owned', 'owner-of-clock-b')).toEqual({ count: 2 });
  });

  it('reset(name) of a mutator projection replays it from the log, not from documents it kept', async () => {
    await log.append('clock-a', events(4), 'no-stream');
    const sut = new Projector(log, views, { projections: [mutatorTally()], batchSize: 3 });
    await sut.catchUp();

    await sut.reset(['tally']);
    await sut.catchUp();

    expect(await views.get('tallies', 'clock-a')).toMatchObject({ count: 4 });
  });

  it('rebuilding into empty views reads no document that does not exist, and still finds those written by earlier batches', async () => {
    // One document per event (new ids): each would cost a read that finds nothing, unless the projector knows the
    // collection was empty and which ids it has written since.
    const perEvent: Projection<{ id: string; count: number; lastPosition: string }> = {
      name: 'per-event',
      version: 1,
      collection: 'per-event',
      eventTypes: ['Ticked'],
      keysOf: (event) => [event.stream],
      project: (view, event) => ({ id: event.stream, count: (view?.count ?? 0) + 1, lastPosition: event.position.toString() }),
    };
    await log.append('a', events(3), 'no-stream');
    await log.append('b', events(2), 'no-stream');
    await log.append('a', events(2), 'any');
    let misses = 0;
    let reads = 0;
    const counted: typeof views = Object.create(views);
    counted.transaction = (work) =>
      views.transaction((uow) =>
        work({
          ...uow,
          put: uow.put.bind(uow),
          delete: uow.delete.bind(uow),
          clear: uow.clear.bind(uow),
          setCheckpoint: uow.setCheckpoint.bind(uow),
          get: async <T extends ViewDocument>(collection: string, id: string) => {
            reads++;
            const doc = await uow.get<T>(collection, id);
            if (doc === null) misses++;
            return doc;
          },
        }),
      );
    // Batches of one event, and a fresh projector for the second half: carried documents cannot answer for the store.
    const sut = new Projector(log, counted, { projections: [perEvent], batchSize: 1 });
    await sut.catchUp();
    expect(await views.get('per-event', 'a')).toMatchObject({ count: 5 });
    expect(await views.get('per-event', 'b')).toMatchObject({ count: 2 });
    expect(misses).toBe(0);
    // Not empty any more: a new projector (a restart) reads before it writes, and finds what the first wrote.
    await log.append('c', events(1), 'no-stream');
    await log.append('a', events(1), 'any');
    await new Projector(log, counted, { projections: [perEvent], batchSize: 1 }).catchUp();
    expect(await views.get('per-event', 'a')).toMatchObject({ count: 6 });
    expect(await views.get('per-event', 'c')).toMatchObject({ count: 1 });
    expect({ misses, readsSomething: reads > 0 }).toEqual({ misses: 1, readsSomething: true });
  });

  it('reads only the types its projections handle, and still reaches the head when the log ends with others', async () => {
    await log.append('clock-a', events(4), 'no-stream');
    await log.append('person-1', events(30, 'PersonCreated'), 'no-stream');
    await log.append('clock-a', events(2, 'Tocked'), 3);
    // The last appends are of a type no projection handles (a read-your-writes wait on them must still end).
    const last = await log.append('person-1', events(5, 'PersonCreated'), 29);
    const handed: RecordedEvent[] = [];
    const counting = {
      readAll: async (after: bigint | null, max: number, options?: { types?: readonly string[] }) => {
        const page = await log.readAll(after, max, options);
        handed.push(...page);
        return page;
      },
      headPosition: () => log.headPosition(),
      subscribe: (listener: (position: bigint) => void) => log.subscribe(listener),
    };
    const sut = new Projector(counting, views, { projections: [tally(), totals], batchSize: 4, pageSize: 2 });

    expect(await sut.catchUp()).toBe(6);

    expect(handed.map((event) => event.type).sort()).toEqual(['Ticked', 'Ticked', 'Ticked', 'Ticked', 'Tocked', 'Tocked']);
    expect(sut.position).toBe(last.position);
    expect(await views.checkpoint('totals')).toEqual({ position: last.position, versions: { totals: 1 } });
    expect(await sut.waitFor(last.position, 10)).toBe(true);
    expect(await views.get('tallies', 'clock-a')).toMatchObject({ count: 6 });
    // Caught up: the next catch-up reads nothing and moves nothing.
    handed.length = 0;
    expect(await sut.catchUp()).toBe(0);
    expect(handed).toEqual([]);
  });

  it('leaves an event appended after the batch read the head to the next batch, for a projection that was at the head', async () => {
    await log.append('clock-a', events(5), 'no-stream');
    const sut = new Projector(log, views, { projections: [tally(), totals] });
    await sut.catchUp();
    const head = (await log.headPosition())!;
    // totals is rebuilt (it asks for Ticked only); tally is at the head, so this batch does not ask for its Tocked.
    await sut.reset(['totals']);
    // Appended "while" the batch runs: the batch saw the old head, its reads see these.
    await log.append('clock-a', [...events(1, 'Tocked'), ...events(1)], 4);
    const staleHead = { readAll: log.readAll.bind(log), headPosition: async () => head, subscribe: log.subscribe.bind(log) };
    const rebuilding = new Projector(staleHead, views, { projections: [tally(), totals] });
    await rebuilding.catchUp();

    // The new Ticked lies past the head the batch saw: it was left out, so tally's checkpoint stays before the Tocked.
    expect(await views.get('totals', 'all')).toEqual({ total: 5 });
    expect((await views.checkpoint('tally'))!.position).toBe(head);
    await new Projector(log, views, { projections: [tally(), totals] }).catchUp();
    expect(await views.get('tallies', 'clock-a')).toMatchObject({ count: 7, types: [...Array(5).fill('Ticked'), 'Tocked', 'Ticked'] });
    expect(await views.get('totals', 'all')).toEqual({ total: 6 });
  });

  it('lets go of its lease at its next pause when another waits for it, and takes it back only once they are done', async () => {
    // Two owners of one lease kept in the store, as two processes would hold it.
    const own = new StoreLease(views, 'projector');
    const waiter = new StoreLease(views, 'projector');
    let batches = 0;
    const sut = new Projector(log, views, { projections: [tally()], batchSize: 10, pageSize: 10, lease: own, leaseRetryMs: 10, onBatch: () => batches++ });
    await sut.start();
    try {
      await log.append('clock-a', events(5), 'no-stream');
      await until(() => sut.position === 5n);
      // Busy: many batches to do. Someone wants the lease after the first of them.
      const busy = await log.append('clock-a', events(200), 4);
      await waiter.want(true);
      expect(await own.wanted()).toBe(true);
      expect(await waiter.wanted()).toBe(false);
      await until(() => waiter.tryAcquire());
      const stoppedAt = sut.position!;
      expect(stoppedAt < busy.position).toBe(true);
      // While the waiter holds it (and still says it wants it), the projector does not write, whatever is appended.
      await log.append('clock-a', events(3), 204);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(sut.position).toBe(stoppedAt);
      expect((await views.checkpoint('tally'))?.position).toBe(stoppedAt);
      // Done: the projector takes the lease back and catches up, each event once.
      await waiter.want(false);
      await waiter.release();
      const head = (await log.headPosition())!;
      expect(await sut.waitFor(head, 5_000)).toBe(true);
      expect(await views.get('tallies', 'clock-a')).toMatchObject({ count: 208 });
      expect(batches).toBeGreaterThan(5);
    } finally {
      await sut.stop();
    }
  });

  it('carries on once a lease held elsewhere is free, however many signals came meanwhile (it used to stay "busy" for good)', async () => {
    const other = new StoreLease(views, 'projector');
    expect(await other.tryAcquire()).toBe(true);
    const sut = new Projector(log, views, { projections: [tally()], lease: new StoreLease(views, 'projector'), leaseRetryMs: 10 });
    await sut.start();
    try {
      await log.append('clock-a', events(3), 'no-stream');
      await log.append('clock-a', events(2), 2);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(sut.position).toBeNull();
      await other.release();
      expect(await sut.waitFor((await log.headPosition())!, 3_000)).toBe(true);
      expect(await views.get('tallies', 'clock-a')).toMatchObject({ count: 5 });
    } finally {
      await sut.stop();
    }
  });

  it('follows new appends once started, and waitFor resolves when a position is reached (false on time-out)', async () => {
    const sut = new Projector(log, views, { projections: [tally()] });
    await sut.start();
    try {
      const result = await log.append('clock-a', events(3), 'no-stream');

      expect(await sut.waitFor(result.position, 5_000)).toBe(true);
      expect(await views.get('tallies', 'clock-a')).toMatchObject({ count: 3 });
      expect(await sut.waitFor(result.position + 1000n, 50)).toBe(false);
    } finally {
      await sut.stop();
    }
  });

  it('tries a failed batch again on its own (no new append needed), and reports the failure until then', async () => {
    await views.close();
    views = new SqliteReadStore({ file: join(dir, 'views.db'), busyTimeoutMs: 20 });
    // Another connection holds the write lock: every commit of the projector fails with SQLITE_BUSY meanwhile.
    const blocker = new Database(join(dir, 'views.db'));
    blocker.exec('BEGIN IMMEDIATE');
    const sut = new Projector(log, views, { projections: [tally()], failureRetryMs: 10 });
    try {
      const result = await log.append('clock-a', events(4), 'no-stream');
      await sut.start();
      await until(() => sut.failures >= 3);
      expect(sut.error).toMatchObject({ code: 'SQLITE_BUSY' });
      expect(sut.position).toBeNull();

      blocker.exec('ROLLBACK');
      // Nothing is appended any more: only the retry can bring the views up to the log.
      expect(await sut.waitFor(result.position, 5_000)).toBe(true);
      expect(sut.error).toBeNull();
      expect(await views.get('tallies', 'clock-a')).toMatchObject({ count: 4 });
      expect(sut.failures).toBe(0);
    } finally {
      await sut.stop();
      if (blocker.inTransaction) blocker.exec('ROLLBACK');
      blocker.close();
    }
  });
});
