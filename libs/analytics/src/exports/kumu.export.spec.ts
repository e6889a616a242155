import { mixedNetworkFixture, networkFixture, org, person } from '../metrics/network-fixture.spec-helper';
import { type KumuBlueprint, toKumu } from './kumu.export';

describe('toKumu', () => {
  const answer = mixedNetworkFixture();

  it('parses back with JSON.parse to one element per node, with its fields', () => {
    const sut = JSON.parse(toKumu(answer)) as KumuBlueprint;

    expect(sut.elements.map((element) => element.id)).toEqual(answer.nodes.map((node) => node.id));
    expect(sut.elements.find((element) => element.id === 'org:b')).toEqual({
      id: 'org:b',
      label: `Tom & Jerry's <"Säätiö"> ö`,
      type: 'organization',
      sector: 'ngo',
      region: 'Satakunta',
      'entity id': 'b',
      created: '2023-04-19T10:00:00.000Z',
      'created by workshop': 'w1',
      'log position': '10',
    });
    expect(sut.elements.find((element) => element.id === 'workshop:w2')).toMatchObject({ 'starts at': '2023-06-14T08:00:00.000Z', 'chain order': 1 });
    expect(sut.elements.find((element) => element.id === 'person:p-2')).toMatchObject({ roles: ['participant', 'speaker'] });
  });

  it('has one connection per edge, joined to elements by id, with type, direction, weight and roles', () => {
    const sut = JSON.parse(toKumu(answer)) as KumuBlueprint;

    expect(sut.connections).toEqual(
      answer.edges.map((e) => ({
        id: e.id,
        from: e.source,
        to: e.target,
        type: e.type,
        direction: ['participated', 'co-organised', 'pledged'].includes(e.type) ? 'directed' : 'undirected',
        weight: e.weight,
        ...(e.role ? { role: e.role } : {}),
        ...(e.sourceRoles ? { 'from roles': e.sourceRoles, 'to roles': e.targetRoles } : {}),
        created: e.createdBy.date,
        'created by workshop': e.createdBy.workshopId,
        'log position': e.createdBy.position,
        workshops: e.workshops,
      })),
    );
    const elementIds = new Set(sut.elements.map((element) => element.id));
    for (const connection of sut.connections) {
      expect(elementIds.has(connection.from)).toBe(true);
      expect(elementIds.has(connection.to)).toBe(true);
    }
    // Kumu requires ids unique across elements and connections.
    const allIds = [...sut.elements, ...sut.connections].map((item) => item.id);
    expect(new Set(allIds).size).toBe(allIds.length);
  });

  it('makes labels unique and falls back to the entity id when a node has no label', () => {
    const withTwins = networkFixture([
      org('a', { label: 'Osuuskunta' }),
      org('b', { label: 'Osuuskunta' }),
      org('c', { label: 'Osuuskunta (2)' }),
      { ...person('p-9'), label: null },
    ]);

    const sut = JSON.parse(toKumu(withTwins)) as KumuBlueprint;

    expect(sut.elements.map((element) => element.label)).toEqual(['Osuuskunta', 'Osuuskunta (2)', 'Osuuskunta (2) (2)', 'p-9']);
  });
});
