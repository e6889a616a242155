import type { WorkshopRole } from '@kuhina/domain';
import { assembleNetwork as sut } from './network-assembly';
import type { NetworkAttendance, NetworkCollaborationView, NetworkEdge, NetworkOrigin, NetworkView, NetworkWorkshopView } from './network.view';

const CHAIN = 'chain-1';
const W1 = 'w1';
const W2 = 'w2';
const W3 = 'w3';
// Ids chosen so that lexical order differs from arrival order (undirected edges sort their ends).
const ALPHA = 'alpha';
const BETA = 'beta';
const GAMMA = 'gamma';

// Each workshop's start; everything it brought in is dated by it (UTC, as the network writes dates).
const STARTS: Record<string, string> = { [W1]: '2023-06-10T09:00:00+03:00', [W2]: '2023-09-14T09:00:00+03:00', [W3]: '2023-10-01T09:00:00+03:00' };
const DATES: Record<string, string> = { [W1]: '2023-06-10T06:00:00.000Z', [W2]: '2023-09-14T06:00:00.000Z', [W3]: '2023-10-01T06:00:00.000Z' };

/** A fact of workshop `workshopId` at log `position`, dated by the workshop. */
const at = (workshopId: string, position: number): NetworkOrigin => ({ workshopId, date: DATES[workshopId]!, position: String(position) });
/** A collaboration partner's own date. */
const on = (workshopId: string, position: number, date: string): NetworkOrigin => ({ workshopId, date, position: String(position) });
const attendance = (organizationId: string | null, position: number, role: WorkshopRole = 'participant'): NetworkAttendance => ({ organizationId, role, position: String(position) });

const workshop = (workshopId: string, createdAt: number, facts: Partial<NetworkWorkshopView> = {}): NetworkWorkshopView => ({
  workshopId,
  chainId: CHAIN,
  title: `Workshop ${workshopId}`,
  startsAt: STARTS[workshopId]!,
  heldOn: null,
  order: null,
  cancelled: false,
  // The event's own business time: only stands in while the start is unknown.
  createdBy: { workshopId, date: '2026-11-27T08:00:00.000Z', position: String(createdAt) },
  attendances: {},
  coOrganizers: {},
  pledges: {},
  registrationOrganizations: {},
  lastPosition: String(createdAt),
  ...facts,
});

const collaboration = (collaborationId: string, workshopId: string, partners: Record<string, NetworkOrigin>): NetworkCollaborationView => ({
  collaborationId,
  chainId: CHAIN,
  workshopId,
  title: `Collaboration ${collaborationId}`,
  partners,
  lastPosition: '0',
});

const edgesOf = (view: NetworkView, type: NetworkEdge['type']) => Object.values(view.edges).filter((edge) => edge.type === type);

/** Beta and alpha attend W1 (alpha arrives at 12) and W2 (alpha arrives at 22); gamma attends W2 only. */
const twoSharedWorkshops = () => [
  workshop(W1, 1, { attendances: { b1: attendance(BETA, 11), a1: attendance(ALPHA, 12) } }),
  workshop(W2, 2, { attendances: { b2: attendance(BETA, 21), a2: attendance(ALPHA, 22), g2: attendance(GAMMA, 23) } }),
];

describe('assembleNetwork', () => {
  it("makes a workshop node from each workshop document, with its fields, dated by the workshop's start", () => {
    const doc = workshop(W1, 1, { order: 2, cancelled: true });

    const view = sut(CHAIN, [doc], []);

    expect(view).toEqual({
      chainId: CHAIN,
      nodes: {
        [`workshop:${W1}`]: {
          id: `workshop:${W1}`,
          type: 'workshop',
          entityId: W1,
          title: `Workshop ${W1}`,
          startsAt: STARTS[W1],
          heldOn: null,
          order: 2,
          cancelled: true,
          createdBy: at(W1, 1),
        },
      },
      edges: {},
    });
  });

  it('dates everything of a held workshop by the day it was held, at its start time of day', () => {
    const view = sut(CHAIN, [workshop(W1, 1, { heldOn: '2023-06-11', attendances: { p1: attendance(ALPHA, 5) } })], []);

    expect(view.nodes[`workshop:${W1}`]?.createdBy.date).toBe('2023-06-11T06:00:00.000Z');
    expect(view.nodes['person:p1']?.createdBy.date).toBe('2023-06-11T06:00:00.000Z');
  });

  it('a workshop whose start is unknown is dated by the event that brought it in', () => {
    const view = sut(CHAIN, [workshop(W1, 1, { startsAt: null, title: null })], []);

    expect(view.nodes[`workshop:${W1}`]?.createdBy.date).toBe('2026-11-27T08:00:00.000Z');
  });

  it('co-organisers get an organisation node and a co-organised edge to the workshop', () => {
    const view = sut(CHAIN, [workshop(W1, 1, { coOrganizers: { [BETA]: '1', [ALPHA]: '5' } })], []);

    expect(view.nodes[`org:${ALPHA}`]).toEqual({ id: `org:${ALPHA}`, type: 'organization', entityId: ALPHA, createdBy: at(W1, 5) });
    expect(edgesOf(view, 'co-organised')).toEqual([
      { id: `co-organised:org:${BETA}|workshop:${W1}`, type: 'co-organised', source: `org:${BETA}`, target: `workshop:${W1}`, weight: 1, createdBy: at(W1, 1), workshops: [W1], joins: [at(W1, 1)] },
      { id: `co-organised:org:${ALPHA}|workshop:${W1}`, type: 'co-organised', source: `org:${ALPHA}`, target: `workshop:${W1}`, weight: 1, createdBy: at(W1, 5), workshops: [W1], joins: [at(W1, 5)] },
    ]);
  });

  it('participants get a person node with the roles they had, created by their first attendance, and a participated edge with their role per workshop', () => {
    const docs = [workshop(W1, 1, { attendances: { p1: attendance(null, 10) } }), workshop(W2, 2, { attendances: { p1: attendance(null, 20, 'speaker') } })];

    const view = sut(CHAIN, docs, []);

    expect(view.nodes['person:p1']).toEqual({ id: 'person:p1', type: 'person', entityId: 'p1', createdBy: at(W1, 10), roles: ['participant', 'speaker'] });
    expect(edgesOf(view, 'participated')).toEqual([
      { id: `participated:person:p1|workshop:${W1}`, type: 'participated', source: 'person:p1', target: `workshop:${W1}`, weight: 1, createdBy: at(W1, 10), workshops: [W1], joins: [at(W1, 10)], role: 'participant' },
      { id: `participated:person:p1|workshop:${W2}`, type: 'participated', source: 'person:p1', target: `workshop:${W2}`, weight: 1, createdBy: at(W2, 20), workshops: [W2], joins: [at(W2, 20)], role: 'speaker' },
    ]);
  });

  it('a participated edge names the organisation the person came for (what folds people into organisations), none when they came for none', () => {
    const view = sut(CHAIN, [workshop(W1, 1, { attendances: { p1: attendance(ALPHA, 10), p2: attendance(null, 11) } })], []);

    expect(edgesOf(view, 'participated').map((edge) => [edge.source, edge.organization])).toEqual([
      ['person:p1', `org:${ALPHA}`],
      ['person:p2', undefined],
    ]);
  });

  it("organisations attending the same workshop get one undirected co-attendance edge, created by the later attendance, with each end's roles", () => {
    const view = sut(CHAIN, [workshop(W1, 1, { attendances: { b1: attendance(BETA, 11, 'host'), a1: attendance(ALPHA, 12), a2: attendance(ALPHA, 13, 'organiser') } })], []);

    expect(edgesOf(view, 'co-attendance')).toEqual([
      {
        id: `co-attendance:org:${ALPHA}|org:${BETA}`,
        type: 'co-attendance',
        source: `org:${ALPHA}`,
        target: `org:${BETA}`,
        weight: 1,
        createdBy: at(W1, 12),
        workshops: [W1],
        joins: [at(W1, 12)],
        sourceRoles: ['participant', 'organiser'],
        targetRoles: ['host'],
      },
    ]);
    expect(view.nodes[`org:${BETA}`]?.createdBy).toEqual(at(W1, 11));
  });

  it('co-attendance weight is 2 after two shared workshops, created by the first, whatever order the documents come in', () => {
    const view = sut(CHAIN, twoSharedWorkshops().reverse(), []);

    expect(view.edges[`co-attendance:org:${ALPHA}|org:${BETA}`]).toMatchObject({ weight: 2, workshops: [W1, W2], createdBy: at(W1, 12) });
    expect(view.edges[`co-attendance:org:${ALPHA}|org:${GAMMA}`]).toMatchObject({ weight: 1, workshops: [W2], createdBy: at(W2, 23) });
    expect(edgesOf(view, 'co-attendance')).toHaveLength(3);
  });

  it('dates by the workshop, not by when facts were typed in: an earlier workshop entered later still comes first', () => {
    // W2's facts reached the log first (positions 1–3); W1, three months earlier, was entered afterwards (10–12).
    const docs = [
      workshop(W2, 1, { attendances: { b2: attendance(BETA, 2), a2: attendance(ALPHA, 3) } }),
      workshop(W1, 10, { attendances: { b1: attendance(BETA, 11), a1: attendance(ALPHA, 12) } }),
    ];

    const view = sut(CHAIN, docs, []);

    expect(Object.keys(view.nodes)).toEqual([`workshop:${W1}`, 'person:b1', `org:${BETA}`, 'person:a1', `org:${ALPHA}`, `workshop:${W2}`, 'person:b2', 'person:a2']);
    expect(view.nodes[`org:${ALPHA}`]?.createdBy).toEqual(at(W1, 12));
    expect(view.edges[`co-attendance:org:${ALPHA}|org:${BETA}`]).toMatchObject({ createdBy: at(W1, 12), workshops: [W1, W2], joins: [at(W1, 12), at(W2, 3)] });
  });

  it('pledges give a pledged edge whose weight counts them, created by the first', () => {
    const pledges = { pl2: { organizationId: GAMMA, position: '31' }, pl1: { organizationId: GAMMA, position: '30' }, pl3: { organizationId: BETA, position: '32' } };

    const view = sut(CHAIN, [workshop(W1, 1, { pledges })], []);

    expect(edgesOf(view, 'pledged')).toEqual([
      { id: `pledged:org:${GAMMA}|workshop:${W1}`, type: 'pledged', source: `org:${GAMMA}`, target: `workshop:${W1}`, weight: 2, createdBy: at(W1, 30), workshops: [W1], joins: [at(W1, 30), at(W1, 31)] },
      { id: `pledged:org:${BETA}|workshop:${W1}`, type: 'pledged', source: `org:${BETA}`, target: `workshop:${W1}`, weight: 1, createdBy: at(W1, 32), workshops: [W1], joins: [at(W1, 32)] },
    ]);
  });

  it('a collaboration joins every pair of its partners, each pair created when the later partner joined (its own dates)', () => {
    const day = '2023-11-01T12:00:00.000Z';
    const docs = [collaboration('col1', W1, { [GAMMA]: on(W1, 40, day), [BETA]: on(W1, 40, day), [ALPHA]: on(W1, 45, day) })];

    const view = sut(CHAIN, [workshop(W1, 1)], docs);

    expect(edgesOf(view, 'collaboration')).toEqual([
      { id: `collaboration:org:${BETA}|org:${GAMMA}`, type: 'collaboration', source: `org:${BETA}`, target: `org:${GAMMA}`, weight: 1, createdBy: on(W1, 40, day), workshops: [W1], joins: [on(W1, 40, day)] },
      { id: `collaboration:org:${ALPHA}|org:${GAMMA}`, type: 'collaboration', source: `org:${ALPHA}`, target: `org:${GAMMA}`, weight: 1, createdBy: on(W1, 45, day), workshops: [W1], joins: [on(W1, 45, day)] },
      { id: `collaboration:org:${ALPHA}|org:${BETA}`, type: 'collaboration', source: `org:${ALPHA}`, target: `org:${BETA}`, weight: 1, createdBy: on(W1, 45, day), workshops: [W1], joins: [on(W1, 45, day)] },
    ]);
  });

  it('two collaborations of the same pair give a collaboration edge of weight 2, created by the first', () => {
    const first = '2023-11-01T12:00:00.000Z';
    const second = '2023-12-01T12:00:00.000Z';
    const docs = [collaboration('col2', W2, { [ALPHA]: on(W2, 60, second), [BETA]: on(W2, 60, second) }), collaboration('col1', W1, { [BETA]: on(W1, 50, first), [ALPHA]: on(W1, 50, first) })];

    const view = sut(CHAIN, [workshop(W1, 1), workshop(W2, 2)], docs);

    expect(edgesOf(view, 'collaboration')).toEqual([
      { id: `collaboration:org:${ALPHA}|org:${BETA}`, type: 'collaboration', source: `org:${ALPHA}`, target: `org:${BETA}`, weight: 2, createdBy: on(W1, 50, first), workshops: [W1, W2], joins: [on(W1, 50, first), on(W2, 60, second)] },
    ]);
  });

  it('an organisation node is created by its earliest fact of any kind, by date', () => {
    const docs = [workshop(W1, 1, { attendances: { a1: attendance(ALPHA, 20) }, pledges: { pl1: { organizationId: ALPHA, position: '15' } } })];

    const view = sut(CHAIN, docs, [collaboration('col1', W1, { [ALPHA]: on(W1, 9, '2023-11-01T12:00:00.000Z'), [BETA]: on(W1, 9, '2023-11-01T12:00:00.000Z') })]);

    expect(view.nodes[`org:${ALPHA}`]?.createdBy).toEqual(at(W1, 15));
  });

  it('lists nodes and edges in the order they were created', () => {
    const view = sut(CHAIN, twoSharedWorkshops(), []);

    expect(Object.keys(view.nodes).filter((id) => !id.startsWith('person:'))).toEqual([`workshop:${W1}`, `org:${BETA}`, `org:${ALPHA}`, `workshop:${W2}`, `org:${GAMMA}`]);
    expect(edgesOf(view, 'co-attendance').map((edge) => edge.createdBy.position)).toEqual(['12', '23', '23']);
  });

  it('ignores documents of other chains', () => {
    const foreign = { ...workshop(W3, 3, { attendances: { p1: attendance(null, 4) } }), chainId: 'chain-2' };
    const foreignCollaboration = { ...collaboration('col9', W3, { [ALPHA]: at(W3, 5), [BETA]: at(W3, 5) }), chainId: 'chain-2' };

    expect(sut(CHAIN, [foreign], [foreignCollaboration])).toEqual({ chainId: CHAIN, nodes: {}, edges: {} });
  });

  describe('filter', () => {
    it('until a date keeps the workshops dated by then with all they brought in, and the collaborations partners who had joined; weights count the kept joins', () => {
      const docs = [...twoSharedWorkshops(), workshop(W3, 3, { attendances: { a3: attendance(ALPHA, 31), b3: attendance(BETA, 32) } })];
      const collaborations = [collaboration('col1', W1, { [ALPHA]: on(W1, 40, '2023-07-01T12:00:00.000Z'), [GAMMA]: on(W1, 41, '2023-10-15T12:00:00.000Z') })];

      const summer = sut(CHAIN, docs, collaborations, { until: Date.parse('2023-06-30T23:59:59.999Z') });
      const autumn = sut(CHAIN, docs, collaborations, { until: Date.parse('2023-09-30T23:59:59.999Z') });

      expect(Object.keys(summer.nodes)).toEqual([`workshop:${W1}`, 'person:b1', `org:${BETA}`, 'person:a1', `org:${ALPHA}`]);
      expect(Object.keys(summer.edges).filter((id) => id.startsWith('co-attendance'))).toEqual([`co-attendance:org:${ALPHA}|org:${BETA}`]);
      expect(summer.edges[`co-attendance:org:${ALPHA}|org:${BETA}`]).toMatchObject({ weight: 1, workshops: [W1] });
      expect(autumn.edges[`co-attendance:org:${ALPHA}|org:${BETA}`]).toMatchObject({ weight: 2, workshops: [W1, W2] });
      expect(autumn.nodes[`workshop:${W3}`]).toBeUndefined();
      // Gamma joined the collaboration only on 15 October: no collaboration tie yet.
      expect(edgesOf(autumn, 'collaboration')).toEqual([]);
    });

    it('roles keep only the attendances of those roles: ties made only through organisers disappear, co-organising stays', () => {
      const doc = workshop(W1, 1, {
        coOrganizers: { [GAMMA]: '2' },
        attendances: { org1: attendance(GAMMA, 10, 'organiser'), p1: attendance(ALPHA, 11), p2: attendance(BETA, 12), org2: attendance(BETA, 13, 'organiser') },
      });

      const all = sut(CHAIN, [doc], []);
      const participants = sut(CHAIN, [doc], [], { roles: ['participant'] });

      expect(edgesOf(all, 'co-attendance')).toHaveLength(3);
      expect(all.edges[`co-attendance:org:${BETA}|org:${GAMMA}`]).toMatchObject({ sourceRoles: ['participant', 'organiser'], targetRoles: ['organiser'] });
      expect(Object.keys(participants.nodes).filter((id) => id.startsWith('person:'))).toEqual(['person:p1', 'person:p2']);
      expect(edgesOf(participants, 'co-attendance')).toEqual([expect.objectContaining({ source: `org:${ALPHA}`, target: `org:${BETA}`, sourceRoles: ['participant'], targetRoles: ['participant'] })]);
      expect(edgesOf(participants, 'co-organised')).toHaveLength(1);
    });
  });
});
