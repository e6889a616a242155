import type { NetworkEdge, NetworkNode, NetworkOrigin, NetworkView } from '../projections/network/network.view';
import { mergeNetworks } from './network-merge';

const at = (workshopId: string, date: string, position: string): NetworkOrigin => ({ workshopId, date: `${date}T10:00:00.000Z`, position });
const org = (id: string, createdBy: NetworkOrigin): NetworkNode => ({ id: `org:${id}`, type: 'organization', entityId: id, createdBy });
const person = (id: string, createdBy: NetworkOrigin, roles: Array<'participant' | 'speaker'>): NetworkNode => ({ id: `person:${id}`, type: 'person', entityId: id, createdBy, roles });
const workshop = (id: string, createdBy: NetworkOrigin): NetworkNode => ({ id: `workshop:${id}`, type: 'workshop', entityId: id, title: id, startsAt: createdBy.date, heldOn: null, order: 0, cancelled: false, createdBy });
const tie = (type: NetworkEdge['type'], source: string, target: string, joins: NetworkOrigin[], extra: Partial<NetworkEdge> = {}): NetworkEdge => ({
  id: `${type}:${source}|${target}`,
  type,
  source,
  target,
  weight: joins.length,
  createdBy: joins[0]!,
  workshops: [...new Set(joins.map((join) => join.workshopId))],
  joins,
  ...extra,
});
const view = (chainId: string, nodes: NetworkNode[], edges: NetworkEdge[]): NetworkView => ({
  chainId,
  nodes: Object.fromEntries(nodes.map((node) => [node.id, node])),
  edges: Object.fromEntries(edges.map((edge) => [edge.id, edge])),
});

// Chain A (2023): Rauma (w1) and Kemi (w3); chain B (2024): one workshop (w9) where the same two organisations meet again.
const w1 = at('w1', '2023-04-19', '10');
const w3 = at('w3', '2023-09-12', '30');
const w9 = at('w9', '2024-03-01', '90');
const chainA = view(
  'a',
  [workshop('w1', w1), org('x', w1), org('y', w1), person('p', w1, ['participant']), workshop('w3', w3)],
  [
    tie('participated', 'person:p', 'workshop:w1', [w1], { role: 'participant', organization: 'org:x' }),
    tie('co-attendance', 'org:x', 'org:y', [w1, w3], { sourceRoles: ['participant'], targetRoles: ['participant'] }),
  ],
);
const chainB = view(
  'b',
  [workshop('w9', w9), org('y', w9), org('x', w9), person('p', w9, ['speaker'])],
  [
    tie('participated', 'person:p', 'workshop:w9', [w9], { role: 'speaker', organization: 'org:x' }),
    tie('co-attendance', 'org:x', 'org:y', [w9], { sourceRoles: ['speaker'], targetRoles: ['participant'] }),
  ],
);

describe('mergeNetworks', () => {
  it('keeps each organisation, person and workshop once, created by its earliest fact, with the chains that brought it in', () => {
    const sut = mergeNetworks([chainB, chainA]);

    expect(sut.chainIds).toEqual(['b', 'a']);
    expect(Object.keys(sut.nodes).sort()).toEqual(['org:x', 'org:y', 'person:p', 'workshop:w1', 'workshop:w3', 'workshop:w9']);
    expect(sut.nodes['org:x']).toMatchObject({ createdBy: w1, chains: ['b', 'a'] });
    expect(sut.nodes['person:p']).toMatchObject({ createdBy: w1, roles: ['participant', 'speaker'] });
    expect(sut.nodes['workshop:w9']!.chains).toEqual(['b']);
    // In the order they joined any of the networks, whatever order the chains were named in.
    expect(Object.keys(sut.nodes)).toEqual(['workshop:w1', 'person:p', 'org:x', 'org:y', 'workshop:w3', 'workshop:w9']);
  });

  it('makes a tie made in two chains one edge: the joins of both, with the chains that made it and their weights', () => {
    const sut = mergeNetworks([chainB, chainA]);
    const coAttendance = sut.edges['co-attendance:org:x|org:y']!;

    expect(coAttendance).toMatchObject({
      weight: 3,
      createdBy: w1,
      joins: [w1, w3, w9],
      workshops: ['w1', 'w3', 'w9'],
      sourceRoles: ['participant', 'speaker'],
      targetRoles: ['participant'],
      chains: ['b', 'a'],
      chainWeights: { b: 1, a: 2 },
    });
    expect(sut.edges['participated:person:p|workshop:w9']).toMatchObject({ weight: 1, chains: ['b'], chainWeights: { b: 1 }, organization: 'org:x' });
  });

  it('leaves people and their participations out when asked, organisation ties stay', () => {
    const sut = mergeNetworks([chainA, chainB], { people: false });

    expect(Object.values(sut.nodes).some((node) => node.type === 'person')).toBe(false);
    expect(Object.keys(sut.edges)).toEqual(['co-attendance:org:x|org:y']);
  });

  it("keeps one chain's network as it is, only saying which chain made each node and tie", () => {
    const sut = mergeNetworks([chainA]);

    expect(Object.keys(sut.nodes)).toEqual(Object.keys(chainA.nodes));
    expect(Object.values(sut.edges).map(({ chains, chainWeights, ...edge }) => ({ edge, chains, chainWeights }))).toEqual(
      Object.values(chainA.edges).map((edge) => ({ edge, chains: ['a'], chainWeights: { a: edge.weight } })),
    );
  });

  it('is the same whichever way round two chains are merged, but for the order of `chains`', () => {
    const ab = mergeNetworks([chainA, chainB]);
    const ba = mergeNetworks([chainB, chainA]);
    const strip = (merged: typeof ab) => ({
      nodes: Object.values(merged.nodes).map(({ chains, ...node }) => ({ ...node, chains: [...chains].sort() })),
      edges: Object.values(merged.edges).map(({ chains, ...edge }) => ({ ...edge, chains: [...chains].sort() })),
    });

    expect(strip(ab)).toEqual(strip(ba));
  });
});
