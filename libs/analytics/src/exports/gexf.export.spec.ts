import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { edge, mixedNetworkFixture, networkFixture, org } from '../metrics/network-fixture.spec-helper';
import { gexfDay, toGexf } from './gexf.export';

/** `start` of each node or edge, read from the XML: graphology's parser does not keep dynamics. */
function starts(xml: string, element: 'node' | 'edge'): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of xml.matchAll(new RegExp(`<${element} id="([^"]*)"[^>]*? start="([^"]*)"`, 'g'))) {
    found[match[1] as string] = match[2] as string;
  }
  return found;
}

describe('toGexf', () => {
  const answer = mixedNetworkFixture();

  it('writes a dynamic GEXF 1.3 graph dated by day, which NetworkX reads', () => {
    const sut = toGexf(answer);

    expect(sut).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    expect(sut).toMatch(/<gexf xmlns="http:\/\/gexf\.net\/1\.3"[^>]* version="1\.3">/);
    // NetworkX 3.6's read_gexf has no dateTime (KeyError) and refuses a directed edge in an undirected graph.
    expect(sut).toContain('<graph mode="dynamic" defaultedgetype="undirected" timeformat="date" timezone="UTC">');
    expect(sut).not.toContain('type="directed"');
    expect(sut).toContain('<meta lastmodifieddate="2023-08-01">');
  });

  it('dates by the UTC day, the day from which GET /network?asOf= includes it', () => {
    expect(gexfDay('2023-04-26T09:00:00.000Z')).toBe('2023-04-26');
    expect(gexfDay('2023-04-26T23:59:59.999Z')).toBe('2023-04-26');
    expect(gexfDay('2023-04-27T01:30:00+03:00')).toBe('2023-04-26');
    expect(gexfDay('2023-04-26')).toBe('2023-04-26');
    expect(() => gexfDay('soon')).toThrow(RangeError);
  });

  it('writes arrows for Gephi only when asked (mixed)', () => {
    const sut = parse(Graph, toGexf(answer, { mixed: true }));

    expect(sut.type).toBe('mixed');
    for (const expected of answer.edges) expect(sut.isDirected(expected.id)).toBe(['participated', 'co-organised', 'pledged'].includes(expected.type));
  });

  it('parses back with graphology-gexf: the same nodes, with their attributes and awkward labels intact', () => {
    // The parser throws on any attvalue whose attribute was not declared in <attributes>.
    const sut = parse(Graph, toGexf(answer));

    expect(sut.nodes()).toEqual(answer.nodes.map((node) => node.id));
    expect(sut.getNodeAttributes('org:b')).toEqual({
      label: `Tom & Jerry's <"Säätiö"> ö`,
      type: 'organization',
      entity: 'b',
      sector: 'ngo',
      region: 'Satakunta',
      workshop: 'w1',
      created: '2023-04-19T10:00:00.000Z',
      position: 10,
    });
    expect(sut.getNodeAttributes('workshop:w2')).toMatchObject({ label: 'Työpaja 2: Pori', type: 'workshop', order: 1, startsAt: '2023-06-14T08:00:00.000Z' });
    expect(sut.getNodeAttributes('person:p-2')).toMatchObject({ roles: ['participant', 'speaker'] });
    // No sector: no attvalue rather than an empty one.
    expect(sut.getNodeAttributes('org:c')).not.toHaveProperty('sector');
  });

  it('parses back with every edge: endpoints, direction, kind, weight and attributes (roles and joins included)', () => {
    const sut = parse(Graph, toGexf(answer));

    expect(sut.type).toBe('undirected');
    expect(sut.multi).toBe(true);
    expect(sut.edges()).toEqual(answer.edges.map((e) => e.id));
    for (const expected of answer.edges) {
      expect([sut.source(expected.id), sut.target(expected.id)]).toEqual([expected.source, expected.target]);
      expect(sut.getEdgeAttributes(expected.id)).toEqual({
        kind: expected.type,
        type: expected.type,
        directed: ['participated', 'co-organised', 'pledged'].includes(expected.type),
        ...(expected.role ? { role: expected.role } : {}),
        ...(expected.sourceRoles ? { sourceRoles: expected.sourceRoles, targetRoles: expected.targetRoles } : {}),
        weight: expected.weight,
        workshops: expected.workshops,
        workshop: expected.createdBy.workshopId,
        created: expected.createdBy.date,
        position: Number(expected.createdBy.position),
        joins: expected.joins.map((join) => join.date),
      });
    }
  });

  it('starts every node and edge on the day of the business date that created it, for the timeline', () => {
    const sut = toGexf(answer);

    expect(starts(sut, 'node')).toEqual(Object.fromEntries(answer.nodes.map((node) => [node.id, node.createdBy.date.slice(0, 10)])));
    expect(starts(sut, 'edge')).toEqual(Object.fromEntries(answer.edges.map((e) => [e.id, e.createdBy.date.slice(0, 10)])));
  });

  it('keeps labels with line breaks and drops characters XML cannot hold', () => {
    const sut = parse(Graph, toGexf(networkFixture([org('x', { label: 'Rivi 1\nRivi 2\u0001 🙂' })])));

    expect(sut.getNodeAttribute('org:x', 'label')).toBe('Rivi 1\nRivi 2 🙂');
  });

  it('lists workshop ids that hold list syntax as one value each', () => {
    const answerWithOddIds = networkFixture(
      [org('a'), org('b')],
      [edge('co-attendance', 'org:a', 'org:b', { workshops: ['w, 1', 'w "2"', '[w3]'] })],
    );

    const sut = parse(Graph, toGexf(answerWithOddIds));

    expect(sut.getEdgeAttribute('co-attendance:org:a|org:b', 'workshops')).toEqual(['w, 1', 'w "2"', '[w3]']);
  });
});
