import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainedEventStore, SqliteEventStorage, type EventToAppend, type RecordedEvent } from '@kuhina/event-store';
import type { Projection } from '../projection';
import { SqliteReadStore } from '../stores/sqlite-read-store';
import { Projector } from './projector';

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
});
