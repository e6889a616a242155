import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainedEventStore, SqliteEventStorage, type EventToAppend } from '@kuhina/event-store';
import type { Projection } from '../projection';
import { AliasedReadStore } from '../stores/aliased-read-store';
import { SqliteReadStore } from '../stores/sqlite-read-store';
import { Projector } from './projector';
import { StoreLease } from './projector-lease';

// A projection's version bump on the production profile (an aliased store, a store lease): rebuilt beside the live views
// and switched, as `projections rebuild` does, never emptied in place (on MongoDB that was a deleteMany in a transaction).
type Tally = { count: number; shape?: number };
const tally = (version: number): Projection<Tally> => ({
  name: 'tally',
  version,
  collection: 'tallies',
  eventTypes: ['Ticked'],
  keysOf: (event) => [event.stream],
  project: (view) => (version === 1 ? { count: (view?.count ?? 0) + 1 } : { count: (view?.count ?? 0) + 1, shape: version }),
});
const other: Projection<{ total: number }> = {
  name: 'totals',
  version: 1,
  collection: 'totals',
  eventTypes: ['Ticked'],
  keysOf: () => ['all'],
  project: (view) => ({ total: (view?.total ?? 0) + 1 }),
};
const meta = { occurredAt: '2023-04-19T10:00:00.000Z', recordedAt: '2023-04-19T10:00:00.000Z', actor: 't', correlationId: 't', causationId: null, schemaVersion: 1 };
const ticks = (n: number): EventToAppend[] => Array.from({ length: n }, () => ({ id: randomUUID(), type: 'Ticked', data: {}, metadata: meta }));

describe('a projection version bump on an aliased store with a store lease', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kuhina-bump-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is rebuilt beside the live views while the others carry on, then switched to; readers never see it empty', async () => {
    const storage = new SqliteEventStorage({ file: join(dir, 'events.db'), pollIntervalMs: 10 });
    const log = new ChainedEventStore(storage);
    const views = new AliasedReadStore(new SqliteReadStore({ file: join(dir, 'views.db') }));
    try {
      for (let i = 0; i < 20; i++) await log.append(`clock-${i}`, ticks(30), 'no-stream');
      const v1 = new Projector(log, views, { projections: [tally(1), other], lease: new StoreLease(views, 'projector'), leaseRetryMs: 5 });
      await v1.start();
      expect(await v1.waitFor((await log.headPosition())!, 10_000)).toBe(true);
      await v1.stop();
      expect(await views.get('tallies', 'clock-0')).toEqual({ count: 30 });

      const v2 = new Projector(log, views, { projections: [tally(2), other], batchSize: 50, pageSize: 50, lease: new StoreLease(views, 'projector'), leaseRetryMs: 5 });
      const seen: Array<Tally | null> = [];
      let reading = true;
      const reader = (async () => {
        while (reading) {
          seen.push(await views.get<Tally>('tallies', 'clock-7'));
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      })();
      await v2.start();
      try {
        // The others go on meanwhile.
        await log.append('clock-0', ticks(5), 29);
        for (const deadline = Date.now() + 20_000; (await views.checkpoint('tally'))?.versions.tally !== 2; ) {
          if (Date.now() > deadline) throw new Error('not switched');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(await v2.waitFor((await log.headPosition())!, 10_000)).toBe(true);
      } finally {
        reading = false;
        await reader;
        await v2.stop();
      }
      expect(await views.physicalOf('tallies')).not.toBe('tallies');
      expect(await views.get('tallies', 'clock-0')).toEqual({ count: 35, shape: 2 });
      expect(await views.get('tallies', 'clock-7')).toEqual({ count: 30, shape: 2 });
      expect(await views.get('totals', 'all')).toEqual({ total: 605 });
      // Complete old views, then complete new ones: never missing, never half-counted.
      expect(seen.every((view) => view !== null && view.count === 30)).toBe(true);
      expect(seen[0]).toEqual({ count: 30 });
    } finally {
      await views.close();
      await storage.close();
    }
  }, 60_000);
});
