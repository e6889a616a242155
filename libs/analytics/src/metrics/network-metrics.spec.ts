import { chainGrowth, computeMetrics, networkMetrics, toGraphology } from './network-metrics';
import { edge, mixedNetworkFixture, networkFixture, org, orgGraph, origin, person, workshop } from './network-fixture.spec-helper';

const byId = <T extends { id: string }>(rows: T[]): Record<string, T> => Object.fromEntries(rows.map((row) => [row.id, row]));

describe('toGraphology', () => {
  it('merges the typed edges of a pair into one undirected tie whose weight is their sum', () => {
    const sut = toGraphology(mixedNetworkFixture());

    expect(sut.type).toBe('undirected');
    expect(sut.multi).toBe(false);
    expect(sut.order).toBe(7);
    // 7 typed edges, co-organised + pledged join the same pair.
    expect(sut.size).toBe(6);
    const tie = sut.getEdgeAttributes(sut.edge('org:a', 'workshop:w1') as string);
    expect(tie.weight).toBe(3);
    expect(tie.types).toEqual(['co-organised', 'pledged']);
    expect(tie.weightsByType).toEqual({ 'co-organised': 1, pledged: 2 });
    expect(tie.edgeIds).toEqual(['co-organised:org:a|workshop:w1', 'pledged:org:a|workshop:w1']);
    expect(tie.createdBy.position).toBe('4');
  });

  it('carries node attributes over', () => {
    const sut = toGraphology(mixedNetworkFixture());

    expect(sut.getNodeAttributes('org:c')).toMatchObject({ type: 'organization', label: 'Kävelykadun Paahtimo Oy', sector: null, region: 'Uusimaa' });
    expect(sut.getNodeAttributes('workshop:w2')).toMatchObject({ type: 'workshop', order: 1, startsAt: '2023-06-14T08:00:00.000Z' });
  });

  it('refuses an edge whose end is not a node of the answer', () => {
    const answer = networkFixture([org('a')], [edge('co-attendance', 'org:a', 'org:ghost')]);

    expect(() => toGraphology(answer)).toThrow();
  });
});

describe('computeMetrics', () => {
  it('gives the middle of a path all the betweenness (normalised: 1 for the middle of three nodes)', () => {
    const sut = computeMetrics(toGraphology(orgGraph(['a', 'b', 'c'], [['a', 'b'], ['b', 'c']])));

    const nodes = byId(sut.nodes);
    expect(nodes['org:b']?.betweenness).toBe(1);
    expect(nodes['org:a']?.betweenness).toBe(0);
    expect(nodes['org:c']?.betweenness).toBe(0);
  });

  it('on a path of four, each inner node lies on 2 of the 3 paths between other pairs', () => {
    const sut = computeMetrics(toGraphology(orgGraph(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['c', 'd']])));

    const nodes = byId(sut.nodes);
    expect(nodes['org:b']?.betweenness).toBeCloseTo(2 / 3, 10);
    expect(nodes['org:c']?.betweenness).toBeCloseTo(2 / 3, 10);
    expect(nodes['org:a']?.degree).toBe(1);
    expect(nodes['org:b']?.degree).toBe(2);
  });

  it('ignores weights for betweenness: a strong tie is not a long path', () => {
    const answer = networkFixture(
      [org('a'), org('b'), org('c')],
      [edge('co-attendance', 'org:a', 'org:b', { weight: 5 }), edge('co-attendance', 'org:b', 'org:c'), edge('co-attendance', 'org:a', 'org:c')],
    );

    const sut = computeMetrics(toGraphology(answer));

    expect(sut.nodes.map((node) => node.betweenness)).toEqual([0, 0, 0]);
    expect(byId(sut.nodes)['org:a']?.weightedDegree).toBe(6);
  });

  it('finds two communities in two cliques joined by one edge, with the modularity of that split', () => {
    const left = ['a1', 'a2', 'a3', 'a4'];
    const right = ['b1', 'b2', 'b3', 'b4'];
    const clique = (ids: string[]): Array<[string, string]> => ids.flatMap((a, i) => ids.slice(i + 1).map((b): [string, string] => [a, b]));
    const answer = orgGraph([...left, ...right], [...clique(left), ...clique(right), ['a4', 'b1']]);

    const sut = computeMetrics(toGraphology(answer));

    const community = (id: string) => byId(sut.nodes)[`org:${id}`]?.community;
    expect(sut.network.communities).toBe(2);
    expect(new Set(left.map(community)).size).toBe(1);
    expect(new Set(right.map(community)).size).toBe(1);
    expect(community('a1')).not.toBe(community('b1'));
    // m = 13 edges; each side: 6 inner edges, degree sum 13 → Q = 2 × (6/13 − (13/26)²) = 12/13 − 1/2.
    expect(sut.network.modularity).toBeCloseTo(12 / 13 - 1 / 2, 10);
  });

  it('measures density, components and the largest component', () => {
    const triangle = computeMetrics(toGraphology(orgGraph(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['a', 'c']])));
    const split = computeMetrics(toGraphology(orgGraph(['a', 'b', 'c', 'd', 'e'], [['a', 'b'], ['b', 'c'], ['a', 'c'], ['d', 'e']])));

    expect(triangle.network.density).toBe(1);
    expect(triangle.network.components).toBe(1);
    expect(triangle.network.largestComponentShare).toBe(1);
    // 4 of 10 possible pairs.
    expect(split.network.density).toBeCloseTo(0.4, 10);
    expect(split.network.components).toBe(2);
    expect(split.network.largestComponentShare).toBeCloseTo(3 / 5, 10);
  });

  it('counts cross-sector and cross-region organisation ties, leaving unknown ends out of the denominator', () => {
    const answer = networkFixture(
      [
        org('a', { sector: 'ngo', region: 'Satakunta' }),
        org('b', { sector: 'ngo', region: 'Lappi' }),
        org('c', { sector: 'sme', region: 'Satakunta' }),
        org('d', { sector: null, region: 'Satakunta' }),
        workshop('w1'),
        person('p'),
      ],
      [
        edge('co-attendance', 'org:a', 'org:b'), // same sector, cross region
        edge('collaboration', 'org:a', 'org:b'), // same pair: still one tie
        edge('co-attendance', 'org:a', 'org:c'), // cross sector, same region
        edge('collaboration', 'org:b', 'org:c'), // cross sector, cross region
        edge('co-attendance', 'org:a', 'org:d'), // sector unknown, same region
        edge('pledged', 'org:c', 'workshop:w1'), // not an organisation–organisation tie
        edge('participated', 'person:p', 'workshop:w1'),
      ],
    );

    const sut = computeMetrics(toGraphology(answer));

    expect(sut.network.organizationTies).toBe(4);
    expect(sut.network.crossSector).toEqual({ known: 3, crossing: 2, share: 2 / 3 });
    expect(sut.network.crossRegion).toEqual({ known: 4, crossing: 2, share: 1 / 2 });
  });

  it('answers an empty network without dividing by zero', () => {
    const sut = computeMetrics(toGraphology(networkFixture([])));

    expect(sut.network).toMatchObject({ nodes: 0, edges: 0, density: 0, components: 0, largestComponentShare: 0, communities: 0, modularity: null });
    expect(sut.network.crossSector.share).toBeNull();
  });

  it('has no modularity for nodes without ties, each its own community', () => {
    const sut = computeMetrics(toGraphology(orgGraph(['a', 'b'], [])));

    expect(sut.network.modularity).toBeNull();
    expect(sut.network.communities).toBe(2);
    expect(sut.network.components).toBe(2);
  });

  it('is deterministic: the same input gives the same communities run after run', () => {
    // A ring of 12 with chords: several near-equal partitions, so an unseeded Louvain would wander.
    const ids = Array.from({ length: 12 }, (_, i) => `n${i}`);
    const pairs = ids.map((id, i): [string, string] => [id, ids[(i + 1) % ids.length] as string]);
    pairs.push(['n0', 'n6'], ['n3', 'n9']);
    const answer = orgGraph(ids, pairs);

    const runs = Array.from({ length: 5 }, () => computeMetrics(toGraphology(answer)).nodes.map((node) => node.community));

    for (const run of runs) expect(run).toEqual(runs[0]);
  });
});

describe('chainGrowth', () => {
  it('gives one row per workshop in chain order with new ties, new organisations and returning participants', () => {
    const w1 = origin('w1', '2023-04-19T10:00:00.000Z');
    const w2 = origin('w2', '2023-06-14T08:00:00.000Z');
    const w3 = origin('w3', '2023-09-12T09:00:00.000Z');
    // Listed out of order: the rows follow `order`, not the answer.
    const answer = networkFixture(
      [
        workshop('w3', { title: 'Kemi', order: 2, startsAt: '2023-09-12T09:00:00.000Z' }),
        workshop('w1', { title: 'Rauma', order: 0, startsAt: '2023-04-19T10:00:00.000Z' }),
        workshop('w2', { title: 'Pori', order: 1, startsAt: '2023-06-14T08:00:00.000Z' }),
        org('a', { by: w1 }),
        org('b', { by: w2 }),
        org('c', { by: w2 }),
        person('p1', w1),
        person('p2', w2),
        person('p3', w3),
      ],
      [
        edge('participated', 'person:p1', 'workshop:w1', { by: w1 }),
        edge('co-organised', 'org:a', 'workshop:w1', { by: w1 }),
        edge('participated', 'person:p2', 'workshop:w2', { by: w2 }),
        edge('co-attendance', 'org:b', 'org:c', { by: w2 }),
        edge('participated', 'person:p1', 'workshop:w3', { by: w3 }),
        edge('participated', 'person:p2', 'workshop:w3', { by: w3 }),
        edge('participated', 'person:p3', 'workshop:w3', { by: w3 }),
        edge('co-attendance', 'org:a', 'org:b', { by: w3 }),
      ],
    );

    const sut = chainGrowth(answer);

    expect(sut).toEqual([
      {
        workshopId: 'w1', chainId: 'chain-1', title: 'Rauma', order: 0, date: '2023-04-19T10:00:00.000Z',
        newTies: 2, newTiesByType: { participated: 1, 'co-organised': 1 }, newOrganizations: 1, participants: 1, returningParticipants: 0,
      },
      {
        workshopId: 'w2', chainId: 'chain-1', title: 'Pori', order: 1, date: '2023-06-14T08:00:00.000Z',
        newTies: 2, newTiesByType: { participated: 1, 'co-attendance': 1 }, newOrganizations: 2, participants: 1, returningParticipants: 0,
      },
      {
        workshopId: 'w3', chainId: 'chain-1', title: 'Kemi', order: 2, date: '2023-09-12T09:00:00.000Z',
        newTies: 4, newTiesByType: { participated: 3, 'co-attendance': 1 }, newOrganizations: 0, participants: 3, returningParticipants: 2,
      },
    ]);
  });

  it('counts participants only: the organisers, hosts and speakers who ran a workshop neither participate nor return', () => {
    const w1 = origin('w1');
    const w2 = origin('w2', '2023-06-14T08:00:00.000Z');
    const answer = networkFixture(
      [workshop('w1', { order: 0 }), workshop('w2', { order: 1 }), person('core', w1, ['organiser']), person('p1', w1, ['participant'])],
      [
        edge('participated', 'person:core', 'workshop:w1', { by: w1, role: 'organiser' }),
        edge('participated', 'person:p1', 'workshop:w1', { by: w1, role: 'participant' }),
        edge('participated', 'person:core', 'workshop:w2', { by: w2, role: 'organiser' }),
        edge('participated', 'person:p1', 'workshop:w2', { by: w2 }),
      ],
    );

    const sut = chainGrowth(answer);

    expect(sut.map((row) => [row.workshopId, row.participants, row.returningParticipants])).toEqual([
      ['w1', 1, 0],
      ['w2', 1, 1],
    ]);
  });

  it('orders workshops without a place in the chain by start, after the placed ones', () => {
    const answer = networkFixture([
      workshop('late', { order: null, startsAt: '2023-12-01T10:00:00.000Z' }),
      workshop('early', { order: null, startsAt: '2023-01-01T10:00:00.000Z' }),
      workshop('first', { order: 0, startsAt: '2023-06-01T10:00:00.000Z' }),
      workshop('undated', { order: null, startsAt: null, by: origin('undated', '2022-12-01T00:00:00.000Z') }),
    ]);

    const sut = chainGrowth(answer);

    expect(sut.map((row) => row.workshopId)).toEqual(['first', 'early', 'late', 'undated']);
    expect(sut[3]?.date).toBe('2022-12-01T00:00:00.000Z');
  });
});

describe('networkMetrics', () => {
  it('answers graph metrics and growth for a mixed network', () => {
    const sut = networkMetrics(mixedNetworkFixture());

    expect(sut.chainId).toBe('chain-1');
    expect(sut.network).toMatchObject({ nodes: 7, edges: 6, typedEdges: 7, components: 1, largestComponentShare: 1 });
    expect(byId(sut.nodes)['org:a']).toMatchObject({ type: 'organization', label: 'Rauman kaupunki', sector: 'public-administration', degree: 2, weightedDegree: 5 });
    // a–b known on both ends (public-administration vs ngo); b–c has no sector for c.
    expect(sut.network.crossSector).toEqual({ known: 1, crossing: 1, share: 1 });
    expect(sut.network.crossRegion).toEqual({ known: 2, crossing: 1, share: 1 / 2 });
    // p-2 spoke at w2: a speaker runs the workshop and is no participant.
    expect(sut.growth.map((row) => [row.workshopId, row.participants, row.returningParticipants])).toEqual([
      ['w1', 1, 0],
      ['w2', 1, 1],
    ]);
  });
});
