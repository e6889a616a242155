import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainedEventStore, SqliteEventStorage, type EventToAppend, type RecordedEvent } from '@kuhina/event-store';
import type { Projection } from '../projection';
import { LeaseLostError } from '../read-store.port';
import { MemoryReadStore } from '../stores/memory-read-store';
import { SqliteReadStore } from '../stores/sqlite-read-store';
import { Projector } from './projector';
import { StoreLease } from './projector-lease';

// Counts events: any event applied twice, or lost, shows in the count.
const tally: Projection<{ count: number; last: number }> = {
  name: 'tally',
  version: 1,
  collection: 'tallies',
  eventTypes: ['Ticked'],
  keysOf: (event) => [event.stream],
  project: (view, event: RecordedEvent) => ({ count: (view?.count ?? 0) + 1, last: Number(event.position) }),
};
const meta = { occurredAt: '2023-04-19T10:00:00.000Z', recordedAt: '2023-04-19T10:00:00.000Z', actor: 't', correlationId: 't', causationId: null, schemaVersion: 1 };
const ticks = (n: number): EventToAppend[] => Array.from({ length: n }, () => ({ id: randomUUID(), type: 'Ticked', data: {}, metadata: meta }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('StoreLease', () => {
  it('renews itself while held: another owner is refused well past the first term, and takes it once released', async () => {
    const store = new MemoryReadStore();
    const a = new StoreLease(store, 'projector', { ttlMs: 150 });
    const b = new StoreLease(store, 'projector', { ttlMs: 150 });
    expect(await a.tryAcquire()).toBe(true);
    await sleep(500);
    expect(await b.tryAcquire()).toBe(false);
    expect(a.isHeld).toBe(true);
    await a.release();
    expect(await b.tryAcquire()).toBe(true);
    await b.release();
  });

  it('fences units of work: a holder that lost its lease (taken over after its term) cannot commit', async () => {
    const store = new MemoryReadStore();
    const a = new StoreLease(store, 'projector', { ttlMs: 60_000 });
    expect(await a.tryAcquire()).toBe(true);
    await store.transaction(async (uow) => {
      a.fence(uow);
      uow.put('tallies', 's', { count: 1 });
    });
    // Another process takes it over (as after a's term ran out while it stalled).
    await a.release();
    const b = new StoreLease(store, 'projector');
    expect(await b.tryAcquire()).toBe(true);
    const late = store.transaction(async (uow) => {
      a.fence(uow);
      uow.put('tallies', 's', { count: 99 });
    });
    await expect(late).rejects.toBeInstanceOf(LeaseLostError);
    expect(await store.get('tallies', 's')).toEqual({ count: 1 });
    await b.release();
  });

  it('says it is wanted to its holder only, until the waiter says it no longer waits', async () => {
    const store = new MemoryReadStore();
    const holder = new StoreLease(store, 'projector');
    const waiter = new StoreLease(store, 'projector');
    expect(await holder.wanted()).toBe(false);
    await waiter.want(true);
    expect(await holder.wanted()).toBe(true);
    expect(await waiter.wanted()).toBe(false);
    await waiter.want(false);
    expect(await holder.wanted()).toBe(false);
  });

  it('StoreLease.of names a lease kept in the store, and refuses a store that keeps none', () => {
    const bound = StoreLease.of(new MemoryReadStore(), 'projector');
    expect(bound).toBeInstanceOf(StoreLease);
    expect(bound.name).toBe('projector');
    expect(() => StoreLease.of({ name: 'discarding' } as never, 'projector')).toThrow(TypeError);
  });
});

describe('two projectors on one views file, taking the store lease in turns', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kuhina-lease-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('apply every event exactly once while appends keep coming', async () => {
    const storage = new SqliteEventStorage({ file: join(dir, 'events.db'), pollIntervalMs: 10 });
    const log = new ChainedEventStore(storage);
    const stores = [new SqliteReadStore({ file: join(dir, 'views.db') }), new SqliteReadStore({ file: join(dir, 'views.db') })];
    const projectors = stores.map((store) => new Projector(log, store, { projections: [tally], batchSize: 7, pageSize: 7, lease: new StoreLease(store, 'projector'), leaseRetryMs: 5 }));
    try {
      await Promise.all(projectors.map((projector) => projector.start()));
      const revisions = new Map<string, number>();
      for (let round = 0; round < 40; round++) {
        const stream = `clock-${round % 4}`;
        const result = await log.append(stream, ticks(5), revisions.get(stream) ?? 'no-stream');
        revisions.set(stream, result.revision);
        if (round % 8 === 0) await sleep(5);
      }
      const head = (await log.headPosition())!;
      const caughtUp = async () => (await stores[0]!.checkpoint('tally'))?.position === head;
      for (const deadline = Date.now() + 20_000; !(await caughtUp()); ) {
        if (Date.now() > deadline) throw new Error('not caught up');
        await sleep(20);
      }
      for (let i = 0; i < 4; i++) expect(await stores[0]!.get('tallies', `clock-${i}`)).toMatchObject({ count: 50 });
    } finally {
      for (const projector of projectors) await projector.stop();
      for (const store of stores) await store.close();
      await storage.close();
    }
  }, 30_000);
});
