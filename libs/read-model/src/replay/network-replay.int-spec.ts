import type { RecordedEvent } from '@kuhina/event-store';
import { eventStoreHarness, writeSyntheticHistory, type EventStoreHarness } from '@kuhina/testing';
import { PROJECTIONS } from '../projections.registry';
import { Projector, type EventLog } from '../projector/projector';
import { MemoryReadStore } from '../stores/memory-read-store';
import { NETWORK_REPLAY_PROJECTIONS, asOfLimit, networkOf, networkStreamsOf, replayNetworkFromLog, replayNetworkFromStreams } from './network-replay';

/** The real log, as it stood at `cap`: what the live projector had seen then. */
const cappedLog = (source: EventLog, cap: () => bigint): EventLog => ({
  readAll: async (after, max) => (await source.readAll(after, max)).filter((event) => event.position <= cap()),
  headPosition: async () => cap(),
  subscribe: () => () => undefined,
});

describe('Network time travel over a real SQLite log (3 chains, interleaved)', () => {
  let harness: EventStoreHarness;
  let chainIds: string[];
  let all: RecordedEvent[];
  beforeAll(async () => {
    harness = await eventStoreHarness();
    ({ chainIds } = await writeSyntheticHistory(harness.store, { chains: 3, workshopsPerChain: 4, people: 120, organizations: 25, registrationsPerWorkshop: 12, attendance: 0.8, feedbackPerWorkshop: 2, seed: 7 }));
    all = await harness.store.readAll(null, 100_000);
  }, 60_000);
  afterAll(() => harness.cleanup());

  it('at every tenth of the log, a replay (whole log or only the chain streams) equals what the live projector held then', async () => {
    const live = new MemoryReadStore();
    let cap = 0n;
    const projector = new Projector(cappedLog(harness.store, () => cap), live, { projections: PROJECTIONS });
    const edgeCounts: number[] = [];
    for (let tenth = 1; tenth <= 10; tenth++) {
      cap = all[Math.floor((all.length * tenth) / 10) - 1]!.position;
      await projector.catchUp();
      for (const chainId of chainIds) {
        const expected = await networkOf(live, chainId);
        const fromLog = await replayNetworkFromLog(harness.store, chainId, { untilPosition: cap });
        const fromStreams = await replayNetworkFromStreams(harness.store, await networkStreamsOf(live, chainId), chainId, { untilPosition: cap });

        expect(fromLog).toEqual(expected);
        expect(fromStreams).toEqual(expected);
        if (chainId === chainIds[0]) edgeCounts.push(Object.keys(expected.network.edges).length);
      }
    }
    // The comparison means something only if the network grew along the way.
    expect(edgeCounts[0]).toBeLessThan(edgeCounts[9]!);
    expect(edgeCounts[9]).toBeGreaterThan(10);
  }, 120_000);

  it('asOf leaves out what happened after that business date; a bare date covers its whole day', async () => {
    const chainId = chainIds[1]!;
    const dates = [...new Set(all.map((event) => event.metadata.occurredAt.slice(0, 10)))].sort();
    const middle = dates[Math.floor(dates.length / 2)]!;

    const { network } = await replayNetworkFromLog(harness.store, chainId, { asOf: middle });
    const { network: everything } = await replayNetworkFromLog(harness.store, chainId);

    const created = [...Object.values(network.nodes), ...Object.values(network.edges)].map((item) => item.createdBy.date.slice(0, 10));
    expect(created.length).toBeGreaterThan(0);
    expect(created.every((date) => date <= middle)).toBe(true);
    expect(created).toContain(middle);
    expect(Object.keys(network.edges).length).toBeLessThan(Object.keys(everything.edges).length);
  });

  it('reads only the events of the network projections\' types, reports progress while it reads, and refuses a date that is not ISO', async () => {
    const seen: Array<{ read: number; position: bigint; target: bigint | null }> = [];
    await replayNetworkFromLog(harness.store, chainIds[0]!, {}, (read, position, target) => seen.push({ read, position, target }));

    const types = new Set(NETWORK_REPLAY_PROJECTIONS.flatMap((projection) => projection.eventTypes));
    const ofTypes = all.filter((event) => types.has(event.type));
    // The log holds others (people's records, organisations' details): the store leaves them out.
    expect(ofTypes.length).toBeLessThan(all.length);
    expect(seen.at(-1)!.read).toBe(ofTypes.length);
    expect(seen.at(-1)!.position).toBe(ofTypes.at(-1)!.position);
    expect(seen.at(-1)!.target).toBe(all.at(-1)!.position);
    await expect(replayNetworkFromLog(harness.store, chainIds[0]!, { asOf: 'yesterday' })).rejects.toThrow(RangeError);
  });

  it('takes an ISO date (to the end of that day, UTC) or date-time of a real day, and nothing else', () => {
    expect(asOfLimit('2023-05-31')).toBe(Date.parse('2023-05-31T23:59:59.999Z'));
    expect(asOfLimit('2024-02-29')).toBe(Date.parse('2024-02-29T23:59:59.999Z'));
    expect(asOfLimit('2023-05-31T10:15:00+03:00')).toBe(Date.parse('2023-05-31T07:15:00Z'));
    expect(asOfLimit('2023-05-31T10:15:00.250Z')).toBe(Date.parse('2023-05-31T10:15:00.250Z'));
    for (const bad of ['2023-02-30', '2023-02-29', '2023-13-01', '2023-04-31T10:00:00Z', 'March 5, 2023', '2023/05/31', '31.5.2023', '', ' 2023-05-31', '2023-05-31T25:00:00Z']) {
      expect(() => asOfLimit(bad)).toThrow(RangeError);
    }
  });
});
