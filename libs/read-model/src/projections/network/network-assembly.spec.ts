import { assembleNetwork as sut } from './network-assembly';
import type { NetworkCollaborationView, NetworkEdge, NetworkOrigin, NetworkView, NetworkWorkshopView } from './network.view';

const CHAIN = 'chain-1';
const W1 = 'w1';
const W2 = 'w2';
const W3 = 'w3';
// Ids chosen so that lexical order differs from arrival order (undirected edges sort their ends).
const ALPHA = 'alpha';
const BETA = 'beta';
const GAMMA = 'gamma';

/** A fact of workshop `workshopId` at log `position`, business date 1 June 2023 + `position` hours unless given. */
const at = (workshopId: string, position: number, date?: string): NetworkOrigin => ({
  workshopId,
  date: date ?? new Date(Date.UTC(2023, 5, 1) + position * 3_600_000).toISOString(),
  position: String(position),
});

const workshop = (workshopId: string, createdAt: number, facts: Partial<NetworkWorkshopView> = {}): NetworkWorkshopView => ({
  workshopId,
  chainId: CHAIN,
  title: `Workshop ${workshopId}`,
  startsAt: '2023-06-10T09:00:00+03:00',
  order: null,
  cancelled: false,
  createdBy: at(workshopId, createdAt),
  attendingOrganizations: {},
  participants: {},
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

/** Alpha and beta attend W1 (beta joins at 12) and W2 (alpha joins at 22); gamma attends W2 only. */
const twoSharedWorkshops = () => [
  workshop(W1, 1, { attendingOrganizations: { [BETA]: at(W1, 11), [ALPHA]: at(W1, 12) } }),
  workshop(W2, 2, { attendingOrganizations: { [BETA]: at(W2, 21), [ALPHA]: at(W2, 22), [GAMMA]: at(W2, 23) } }),
];

describe('assembleNetwork', () => {
  it('makes a workshop node from each workshop document, with its fields and origin', () => {
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
          startsAt: '2023-06-10T09:00:00+03:00',
          order: 2,
          cancelled: true,
          createdBy: at(W1, 1),
        },
      },
      edges: {},
    });
  });

  it('co-organisers get an organisation node and a co-organised edge to the workshop', () => {
    const view = sut(CHAIN, [workshop(W1, 1, { coOrganizers: { [BETA]: at(W1, 1), [ALPHA]: at(W1, 5) } })], []);

    expect(view.nodes[`org:${ALPHA}`]).toEqual({ id: `org:${ALPHA}`, type: 'organization', entityId: ALPHA, createdBy: at(W1, 5) });
    expect(edgesOf(view, 'co-organised')).toEqual([
      { id: `co-organised:org:${BETA}|workshop:${W1}`, type: 'co-organised', source: `org:${BETA}`, target: `workshop:${W1}`, weight: 1, createdBy: at(W1, 1), workshops: [W1], joins: [at(W1, 1)] },
      { id: `co-organised:org:${ALPHA}|workshop:${W1}`, type: 'co-organised', source: `org:${ALPHA}`, target: `workshop:${W1}`, weight: 1, createdBy: at(W1, 5), workshops: [W1], joins: [at(W1, 5)] },
    ]);
  });

  it('participants get a person node, created by their first attendance anywhere, and a participated edge per workshop', () => {
    const docs = [workshop(W1, 1, { participants: { p1: at(W1, 10) } }), workshop(W2, 2, { participants: { p1: at(W2, 20) } })];

    const view = sut(CHAIN, docs, []);

    expect(view.nodes['person:p1']).toEqual({ id: 'person:p1', type: 'person', entityId: 'p1', createdBy: at(W1, 10) });
    expect(edgesOf(view, 'participated')).toEqual([
      { id: `participated:person:p1|workshop:${W1}`, type: 'participated', source: 'person:p1', target: `workshop:${W1}`, weight: 1, createdBy: at(W1, 10), workshops: [W1], joins: [at(W1, 10)] },
      { id: `participated:person:p1|workshop:${W2}`, type: 'participated', source: 'person:p1', target: `workshop:${W2}`, weight: 1, createdBy: at(W2, 20), workshops: [W2], joins: [at(W2, 20)] },
    ]);
  });

  it('organisations attending the same workshop get one undirected co-attendance edge, created by the later attendance', () => {
    const view = sut(CHAIN, [workshop(W1, 1, { attendingOrganizations: { [BETA]: at(W1, 11), [ALPHA]: at(W1, 12) } })], []);

    expect(edgesOf(view, 'co-attendance')).toEqual([
      { id: `co-attendance:org:${ALPHA}|org:${BETA}`, type: 'co-attendance', source: `org:${ALPHA}`, target: `org:${BETA}`, weight: 1, createdBy: at(W1, 12), workshops: [W1], joins: [at(W1, 12)] },
    ]);
    expect(view.nodes[`org:${BETA}`]?.createdBy).toEqual(at(W1, 11));
  });

  it('co-attendance weight is 2 after two shared workshops, created by the first, whatever order the documents come in', () => {
    const view = sut(CHAIN, twoSharedWorkshops().reverse(), []);

    expect(view.edges[`co-attendance:org:${ALPHA}|org:${BETA}`]).toMatchObject({ weight: 2, workshops: [W1, W2], createdBy: at(W1, 12) });
    expect(view.edges[`co-attendance:org:${ALPHA}|org:${GAMMA}`]).toMatchObject({ weight: 1, workshops: [W2], createdBy: at(W2, 23) });
    expect(edgesOf(view, 'co-attendance')).toHaveLength(3);
  });

  it('pledges give a pledged edge whose weight counts them, created by the first', () => {
    const pledges = { pl2: { organizationId: GAMMA, origin: at(W1, 31) }, pl1: { organizationId: GAMMA, origin: at(W1, 30) }, pl3: { organizationId: BETA, origin: at(W1, 32) } };

    const view = sut(CHAIN, [workshop(W1, 1, { pledges })], []);

    expect(edgesOf(view, 'pledged')).toEqual([
      { id: `pledged:org:${GAMMA}|workshop:${W1}`, type: 'pledged', source: `org:${GAMMA}`, target: `workshop:${W1}`, weight: 2, createdBy: at(W1, 30), workshops: [W1], joins: [at(W1, 30), at(W1, 31)] },
      { id: `pledged:org:${BETA}|workshop:${W1}`, type: 'pledged', source: `org:${BETA}`, target: `workshop:${W1}`, weight: 1, createdBy: at(W1, 32), workshops: [W1], joins: [at(W1, 32)] },
    ]);
  });

  it('a collaboration joins every pair of its partners, each pair created when the later partner joined', () => {
    const docs = [collaboration('col1', W1, { [GAMMA]: at(W1, 40), [BETA]: at(W1, 40), [ALPHA]: at(W1, 45) })];

    const view = sut(CHAIN, [workshop(W1, 1)], docs);

    expect(edgesOf(view, 'collaboration')).toEqual([
      { id: `collaboration:org:${BETA}|org:${GAMMA}`, type: 'collaboration', source: `org:${BETA}`, target: `org:${GAMMA}`, weight: 1, createdBy: at(W1, 40), workshops: [W1], joins: [at(W1, 40)] },
      { id: `collaboration:org:${ALPHA}|org:${GAMMA}`, type: 'collaboration', source: `org:${ALPHA}`, target: `org:${GAMMA}`, weight: 1, createdBy: at(W1, 45), workshops: [W1], joins: [at(W1, 45)] },
      { id: `collaboration:org:${ALPHA}|org:${BETA}`, type: 'collaboration', source: `org:${ALPHA}`, target: `org:${BETA}`, weight: 1, createdBy: at(W1, 45), workshops: [W1], joins: [at(W1, 45)] },
    ]);
  });

  it('two collaborations of the same pair give a collaboration edge of weight 2, created by the first', () => {
    const docs = [collaboration('col2', W2, { [ALPHA]: at(W2, 60), [BETA]: at(W2, 60) }), collaboration('col1', W1, { [BETA]: at(W1, 50), [ALPHA]: at(W1, 50) })];

    const view = sut(CHAIN, [workshop(W1, 1), workshop(W2, 2)], docs);

    expect(edgesOf(view, 'collaboration')).toEqual([
      { id: `collaboration:org:${ALPHA}|org:${BETA}`, type: 'collaboration', source: `org:${ALPHA}`, target: `org:${BETA}`, weight: 2, createdBy: at(W1, 50), workshops: [W1, W2], joins: [at(W1, 50), at(W2, 60)] },
    ]);
  });

  it('an organisation node is created by its earliest fact of any kind', () => {
    const docs = [workshop(W1, 1, { attendingOrganizations: { [ALPHA]: at(W1, 20) }, pledges: { pl1: { organizationId: ALPHA, origin: at(W1, 15) } } })];

    const view = sut(CHAIN, docs, [collaboration('col1', W1, { [ALPHA]: at(W1, 9), [BETA]: at(W1, 9) })]);

    expect(view.nodes[`org:${ALPHA}`]?.createdBy).toEqual(at(W1, 9));
  });

  it('lists nodes and edges in the order they were created', () => {
    const view = sut(CHAIN, twoSharedWorkshops(), []);

    expect(Object.keys(view.nodes)).toEqual([`workshop:${W1}`, `workshop:${W2}`, `org:${BETA}`, `org:${ALPHA}`, `org:${GAMMA}`]);
    expect(Object.values(view.edges).map((edge) => edge.createdBy.position)).toEqual(['12', '23', '23']);
  });

  it('ignores documents of other chains', () => {
    const foreign = { ...workshop(W3, 3, { participants: { p1: at(W3, 4) } }), chainId: 'chain-2' };
    const foreignCollaboration = { ...collaboration('col9', W3, { [ALPHA]: at(W3, 5), [BETA]: at(W3, 5) }), chainId: 'chain-2' };

    expect(sut(CHAIN, [foreign], [foreignCollaboration])).toEqual({ chainId: CHAIN, nodes: {}, edges: {} });
  });
});
