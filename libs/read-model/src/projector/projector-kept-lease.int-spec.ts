import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ChainedEventStore, SqliteEventStorage, type EventToAppend, type RecordedEvent } from '@kuhina/event-store';
import { until } from '@kuhina/testing';
import type { Projection } from '../projection';
import { SqliteReadStore } from '../stores/sqlite-read-store';
import { Projector } from './projector';
import { StoreLease } from './projector-lease';

// The projector keeps its lease between the catch-ups of a run of writes (no take, no checkpoint re-read, no release
// per write) and gives it up once idle. The projection counts events: one applied twice, or lost, shows in the count.
type Tally = { count: number };
const tally: Projection<Tally> = {
  name: 'tally',
  version: 1,
  collection: 'tallies',
  eventTypes: ['Ticked'],
  keysOf: (event: RecordedEvent) => [event.stream],
  project: (view) => ({ count: (view?.count ?? 0) + 1 }),
};
const meta = { occurredAt: '2023-04-19T10:00:00.000Z', recordedAt: '2023-04-19T10:00:00.000Z', actor: 't', correlationId: 't', causationId: null, schemaVersion: 1 };
const ticks = (n: number): EventToAppend[] => Array.from({ length: n }, () => ({ id: randomUUID(), type: 'Ticked', data: {}, metadata: meta }));

describe('Projector: the lease kept between catch-ups', () => {
  let dir: string;
  let storage: SqliteEventStorage;
  let log: ChainedEventStore;
  let views: SqliteReadStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-kept-lease-'));
    storage = new SqliteEventStorage({ file: join(dir, 'events.db'), pollIntervalMs: 20 });
    log = new ChainedEventStore(storage);
    views = new SqliteReadStore({ file: join(dir, 'views.db') });
  });
  afterEach(async () => {
    await views.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Counts the calls of a read store method, as another process would see round trips. */
  function count(method: 'acquireLease' | 'releaseLease' | 'checkpoint'): { calls: number } {
    const counter = { calls: 0 };
    const original = views[method].bind(views) as (...args: unknown[]) => unknown;
    (views as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => (counter.calls++, original(...args));
    return counter;
  }

  it('takes its lease once for a run of writes, reads no checkpoint again, and gives it up once idle', async () => {
    const lease = new StoreLease(views, 'projector');
    const sut = new Projector(log, views, { projections: [tally], lease, idleLeaseMs: 300 });
    await sut.start();
    try {
      await log.append('clock-a', ticks(1), 'no-stream');
      await until(() => sut.position !== null);
      const [acquired, released, checkpoints] = [count('acquireLease'), count('releaseLease'), count('checkpoint')];
      for (let revision = 0; revision < 10; revision++) {
        const written = await log.append('clock-a', ticks(1), revision);
        expect(await sut.waitFor(written.position, 5_000)).toBe(true);
      }
      expect(await views.get('tallies', 'clock-a')).toEqual({ count: 11 });
      expect({ acquired: acquired.calls, released: released.calls, checkpoints: checkpoints.calls }).toEqual({ acquired: 0, released: 0, checkpoints: 0 });
      expect(await views.leaseHolder('projector')).toBe(lease.owner);
      // Idle: given up, so that another process (a rebuild, a second API) may write the views.
      await until(async () => (await views.leaseHolder('projector')) === null);
      expect(released.calls).toBe(1);
      // The next write takes it again and re-reads the checkpoints another holder may have moved meanwhile.
      const next = await log.append('clock-a', ticks(1), 10);
      expect(await sut.waitFor(next.position, 5_000)).toBe(true);
      expect(acquired.calls).toBe(1);
      expect(checkpoints.calls).toBeGreaterThan(0);
    } finally {
      await sut.stop();
    }
    expect(await views.leaseHolder('projector')).toBeNull();
  });

  it('a kept lease taken over meanwhile writes nothing: the projector goes on from the new holder checkpoints, each event once', async () => {
    const sut = new Projector(log, views, { projections: [tally], lease: new StoreLease(views, 'projector'), idleLeaseMs: 60_000, failureRetryMs: 20, leaseRetryMs: 20 });
    await sut.start();
    try {
      const first = await log.append('clock-a', ticks(3), 'no-stream');
      expect(await sut.waitFor(first.position, 5_000)).toBe(true);
      // As if this process had stalled past its term: the lease runs out in the file while the projector still keeps it.
      const file = new Database(join(dir, 'views.db'));
      file.prepare("UPDATE leases SET expires_at = 0 WHERE name = 'projector'").run();
      file.close();
      // Another process takes it and projects what came meanwhile.
      const other = new StoreLease(views, 'projector');
      expect(await other.tryAcquire()).toBe(true);
      const meanwhile = await log.append('clock-a', ticks(2), 2);
      await new Projector(log, views, { projections: [tally], fencedBy: other }).catchUp();
      expect(await views.get('tallies', 'clock-a')).toEqual({ count: 5 });
      await other.release();
      // This projector's next commit is refused (the lease is not its any more); it takes the lease again, re-reads the
      // checkpoints, and applies only what the other did not.
      const last = await log.append('clock-a', ticks(4), 4);
      expect(await sut.waitFor(last.position, 5_000)).toBe(true);
      expect(meanwhile.position < last.position).toBe(true);
      expect(await views.get('tallies', 'clock-a')).toEqual({ count: 9 });
    } finally {
      await sut.stop();
    }
  });
});
