/**
 * The views must not depend on how the projector cut the log into work: any batch size, any page size, restarts
 * between batches (a new projector picking up from the checkpoints), and one projection reset and replayed while
 * the others carry on must all end in exactly the views of one pass over the whole log. Checked on the demo's own
 * log (corrections, voids, cancellations, waitlists, reschedules, collaborations), with fast-check choosing the cuts.
 */
import fc from 'fast-check';
import { canonicalJson, type RecordedEvent } from '@kuhina/event-store';
import { MemoryReadStore, PROJECTIONS, Projector, SqliteReadStore, type EventLog, type ReadStore } from '@kuhina/read-model';
import { join } from 'node:path';
import { apiHarness, type ApiHarness } from './support/api-harness';
import { allViewDocuments } from '@kuhina/testing';

/**
 * The demo's events, served page by page as the store serves them (the projector's only view of a log); with
 * `honourTypes`, only the types the projector asks for, as the real stores do (a log may also ignore them).
 */
const logOf = (all: readonly RecordedEvent[], honourTypes = false): EventLog => ({
  async readAll(after, maxCount, options) {
    const types = honourTypes && options?.types ? new Set(options.types) : null;
    const events = types ? all.filter((event) => types.has(event.type)) : all;
    const from = after === null ? 0 : events.findIndex((event) => event.position > after);
    return from < 0 ? [] : events.slice(from, from + maxCount);
  },
  async headPosition() {
    return all.length === 0 ? null : all[all.length - 1]!.position;
  },
  subscribe: () => () => undefined,
});

const viewsOf = async (store: ReadStore): Promise<string> => canonicalJson(await allViewDocuments(store));

interface Cut {
  batchSize: number;
  pageSize: number;
  /** Stop and start a new projector after this many batches (0: never). */
  restartEvery: number;
  /** After the first restart, reset this projection: it replays from the start while the others go on. */
  reset: string | null;
  /** The log hands out only the types asked for (as the stores do) rather than every event. */
  filtered?: boolean;
}

/** Runs the projector over the log as `cut` says, restarting and resetting along the way; returns the batches run. */
async function project(log: EventLog, store: ReadStore, cut: Cut): Promise<number> {
  let batches = 0;
  let resetDone = cut.reset === null;
  for (let runs = 0; runs < 10_000; runs++) {
    let inThisRun = 0;
    const projector: Projector = new Projector(log, store, {
      projections: PROJECTIONS,
      batchSize: cut.batchSize,
      pageSize: cut.pageSize,
      onBatch: () => {
        batches++;
        // Stopping inside onBatch ends catchUp right after this committed batch: a restart between two batches.
        if (cut.restartEvery > 0 && ++inThisRun >= cut.restartEvery) void projector.stop();
      },
    });
    await projector.load();
    if (runs > 0 && !resetDone) {
      await projector.reset([cut.reset!]);
      resetDone = true;
    }
    const applied = await projector.catchUp();
    if (applied === 0 && resetDone) return batches;
  }
  throw new Error('the projector never reached the head of the log');
}

describe('Views do not depend on how the projector cut the log (demo log, fast-check)', () => {
  let api: ApiHarness;
  let log: EventLog;
  let expected: string;
  let events: RecordedEvent[];

  beforeAll(async () => {
    api = await apiHarness({ demo: true });
    events = await api.store().readAll(null, 100_000);
    log = logOf(events);
    const whole = new MemoryReadStore();
    await new Projector(log, whole, { projections: PROJECTIONS, batchSize: 1_000_000, pageSize: 1_000_000 }).catchUp();
    expected = await viewsOf(whole);
  }, 120_000);
  afterAll(() => api?.close());

  it('starts from a log and views worth checking', () => {
    expect(events.length).toBeGreaterThan(900);
    expect(new Set(events.map((e) => e.type)).size).toBeGreaterThanOrEqual(25);
    expect(expected.length).toBeGreaterThan(50_000);
  });

  it('ends in the same views for any batch and page size, restarts between batches, and a projection reset midway', async () => {
    const cuts = fc
      .record({
        batchSize: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 13, max: 400 })),
        pageFraction: fc.double({ min: 0.01, max: 1, noNaN: true }),
        restartEvery: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })),
        reset: fc.option(fc.constantFrom(...PROJECTIONS.map((p) => p.name)), { nil: null }),
        filtered: fc.boolean(),
      })
      .map(({ batchSize, pageFraction, restartEvery, reset, filtered }): Cut => ({
        filtered,
        batchSize,
        pageSize: Math.max(1, Math.round(batchSize * pageFraction)),
        // A reset needs a restart to happen at.
        restartEvery: reset !== null && restartEvery === 0 ? 5 : restartEvery,
        reset,
      }));
    await fc.assert(
      fc.asyncProperty(cuts, async (cut) => {
        const store = new MemoryReadStore();
        await project(cut.filtered ? logOf(events, true) : log, store, cut);
        expect(await viewsOf(store)).toBe(expected);
      }),
      { numRuns: 30, seed: 20261127 },
    );
  }, 600_000);

  it('ends in the same views reading the real SQLite log, which hands out only the types the projections ask for', async () => {
    let handed = 0;
    const store = api.store();
    const counting: EventLog = {
      readAll: async (after, maxCount, options) => {
        const page = await store.readAll(after, maxCount, options);
        handed += page.length;
        return page;
      },
      headPosition: () => store.headPosition(),
      subscribe: () => () => undefined,
    };
    const views = new MemoryReadStore();
    await project(counting, views, { batchSize: 37, pageSize: 7, restartEvery: 3, reset: null });
    expect(await viewsOf(views)).toBe(expected);
    // Each event of the projections' types was handed out once; the demo's people's records (and any other type no
    // projection handles) never left the store.
    const handledTypes = new Set(PROJECTIONS.flatMap((p) => p.eventTypes));
    const ofTypes = events.filter((event) => handledTypes.has(event.type)).length;
    expect(ofTypes).toBeLessThan(events.length);
    expect(handed).toBe(ofTypes);

    const again = new MemoryReadStore();
    await project(counting, again, { batchSize: 37, pageSize: 7, restartEvery: 3, reset: 'workshop-chain' });
    expect(await viewsOf(again)).toBe(expected);
  }, 300_000);

  it('ends in the same views on the SQLite store, one event per batch, restarting every batch', async () => {
    const store = new SqliteReadStore({ file: join(api.dataDir, 'batches-views.db') });
    try {
      const batches = await project(log, store, { batchSize: 1, pageSize: 1, restartEvery: 1, reset: null });
      expect(batches).toBe(events.length);
      expect(await viewsOf(store)).toBe(expected);
    } finally {
      await store.close();
    }
  }, 300_000);
});
