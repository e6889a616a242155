import type { NetworkAnswer } from '@kuhina/analytics';
import { DEMO_CHAIN_ID, NetworkReader } from '@kuhina/application';
import type { RecordedEvent } from '@kuhina/event-store';
import { asOfLimit, MemoryReadStore, networkOf, PROJECTIONS, Projector, replayNetworkFromLog, type EventLog } from '@kuhina/read-model';
import { apiHarness, type ApiHarness, type Problem } from './support/api-harness';

const chain = DEMO_CHAIN_ID;

describe('Time travel on the 2023 demo chain: GET /network?asOf= / ?untilPosition=', () => {
  let api: ApiHarness;
  let head: string;
  let log: RecordedEvent[];
  let live: NetworkAnswer;
  beforeAll(async () => {
    api = await apiHarness({ demo: true });
    head = await api.headPosition();
    log = await api.store().readAll(null, 100_000);
    live = (await api.get<NetworkAnswer>(`/network?chainId=${chain}&consistentWith=${head}`)).body;
  }, 60_000);
  afterAll(() => api.close());

  it('for every workshop of the chain, the network replayed until its last event equals what the live view held right then', async () => {
    const workshops = live.nodes.filter((node) => node.type === 'workshop').sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    expect(workshops).toHaveLength(5);

    // The live projector (every projection, as in the API) over the log as it grew, stopped after each workshop's events.
    let cap = 0n;
    const grown: EventLog = {
      readAll: async (after, max) => (await api.store().readAll(after, max)).filter((event) => event.position <= cap),
      headPosition: async () => cap,
      subscribe: () => () => undefined,
    };
    const views = new MemoryReadStore();
    const projector = new Projector(grown, views, { projections: PROJECTIONS });
    const reader = api.app.get(NetworkReader);
    const edgeCounts: number[] = [];
    for (const workshop of workshops) {
      cap = log.filter((event) => event.stream === `workshop-${workshop.entityId}`).at(-1)!.position;
      await projector.catchUp();
      const heldThen = await networkOf(views, chain);
      const expected = await reader.render(heldThen, { revealPeople: true });

      const byPosition = await api.get<NetworkAnswer>(`/network?chainId=${chain}&untilPosition=${cap}`);
      const replayedFromLog = await replayNetworkFromLog(api.store(), chain, { untilPosition: cap });

      expect(byPosition.status).toBe(200);
      expect(byPosition.body).toEqual(expected);
      expect(replayedFromLog).toEqual(heldThen);
      edgeCounts.push(expected.edges.length);
    }
    for (let k = 1; k < edgeCounts.length; k++) expect(edgeCounts[k]).toBeGreaterThan(edgeCounts[k - 1]!);
    // After the last workshop's events come the follow-up collaborations: the live network is larger still.
    expect(live.edges.length).toBeGreaterThan(edgeCounts.at(-1)!);
  }, 120_000);

  it("for every workshop date, asOf gives the live network kept to what is dated by then — a workshop's facts by the workshop's own date: that workshop attended, later ones not", async () => {
    const workshops = live.nodes.filter((node) => node.type === 'workshop').sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    const reader = api.app.get(NetworkReader);
    // The live projector over the whole log: asOf cuts by the dates of nodes and ties, not by when events were recorded
    // (the demo, like the back-office, records some facts after the fact).
    const views = new MemoryReadStore();
    await new Projector({ readAll: async (after, max) => api.store().readAll(after, max), headPosition: async () => log.at(-1)!.position, subscribe: () => () => undefined }, views, { projections: PROJECTIONS }).catchUp();
    const nodeCounts: number[] = [];
    for (const [k, workshop] of workshops.entries()) {
      const day = workshop.createdBy.date.slice(0, 10);
      const expected = await reader.render(await networkOf(views, chain, { until: asOfLimit(day) }), { revealPeople: true });

      const byDate = await api.get<NetworkAnswer>(`/network?chainId=${chain}&asOf=${day}`);

      expect(byDate.status).toBe(200);
      expect(byDate.body).toEqual(expected);
      const attended = new Set(byDate.body.edges.filter((edge) => edge.type === 'participated').map((edge) => edge.target));
      expect(attended.has(workshop.id)).toBe(true);
      for (const later of workshops.slice(k + 1)) expect(attended.has(later.id)).toBe(false);
      expect([...byDate.body.nodes, ...byDate.body.edges].every((item) => item.createdBy.date.slice(0, 10) <= day)).toBe(true);
      // Everything this workshop brought in carries its date, whenever it was typed in.
      const own = byDate.body.edges.filter((edge) => edge.type !== 'collaboration' && edge.createdBy.workshopId === workshop.entityId);
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((edge) => edge.createdBy.date === workshop.createdBy.date)).toBe(true);
      nodeCounts.push(byDate.body.nodes.length);
    }
    for (let k = 1; k < nodeCounts.length; k++) expect(nodeCounts[k]).toBeGreaterThan(nodeCounts[k - 1]!);
  }, 120_000);

  it('analysts get the same time travel with people as pseudonyms, and the cut is in the answer', async () => {
    const firstDay = live.nodes.find((node) => node.type === 'workshop' && node.order === 0)!.startsAt!.slice(0, 10);
    const asAnalyst = await api.get<NetworkAnswer>(`/network?chainId=${chain}&asOf=${firstDay}`, { as: 'analyst' });
    const asOffice = await api.get<NetworkAnswer>(`/network?chainId=${chain}&asOf=${firstDay}`);

    expect(asAnalyst.status).toBe(200);
    expect(asAnalyst.body.nodes).toHaveLength(asOffice.body.nodes.length);
    expect(asAnalyst.body.nodes.length).toBeLessThan(live.nodes.length);
    const people = asAnalyst.body.nodes.filter((node) => node.type === 'person');
    const officePeople = new Set(asOffice.body.nodes.filter((node) => node.type === 'person').map((node) => node.entityId));
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((node) => !officePeople.has(node.entityId) && node.label === node.entityId)).toBe(true);
    expect([...asAnalyst.body.nodes, ...asAnalyst.body.edges].every((item) => item.createdBy.date.slice(0, 10) <= firstDay)).toBe(true);
  });

  it('refuses a cut that is not a date or a position, naming the field and the rule', async () => {
    const badDate = await api.get<Problem>(`/network?chainId=${chain}&asOf=last-summer`);
    const badPosition = await api.get<Problem>(`/network?chainId=${chain}&untilPosition=-3`);

    expect(badDate.status).toBe(400);
    expect(badDate.body.errors).toEqual([expect.objectContaining({ field: 'query.asOf', rule: 'isIso8601' })]);
    expect(badPosition.status).toBe(400);
    expect(badPosition.body.errors).toEqual([expect.objectContaining({ field: 'query.untilPosition', rule: 'matches' })]);
    // ISO 8601 in forms the cut does not read (week and ordinal dates, basic format, no-colon offsets), and days
    // that do not exist: each a 400 naming asOf, never a 500 and never another day.
    for (const asOf of ['2023-W22', '2023-151', '20230531', '2023-05-31T10:15:00+0300', '2023-02-30', '2023-02-29T10:00:00Z']) {
      const refused = await api.get<Problem>(`/network?chainId=${chain}&asOf=${encodeURIComponent(asOf)}`);
      expect({ asOf, status: refused.status }).toEqual({ asOf, status: 400 });
      expect(refused.body.errors?.[0]).toMatchObject({ field: 'query.asOf' });
    }
    expect((await api.get(`/network?chainId=${chain}&asOf=${encodeURIComponent('2023-05-31T10:15:00+03:00')}`)).status).toBe(200);
  });

  it('before the first event of the chain the network is empty, and an unknown chain is 404', async () => {
    const before = await api.get<NetworkAnswer>(`/network?chainId=${chain}&asOf=2001-01-01`);
    const unknown = await api.get<Problem>('/network?chainId=00000000-0000-4000-8000-000000000000&asOf=2023-06-01');

    expect(before.status).toBe(200);
    expect(before.body.nodes).toEqual([]);
    expect(before.body.edges).toEqual([]);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('CHAIN.NOT_FOUND');
  });
});
