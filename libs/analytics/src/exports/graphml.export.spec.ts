import Graph from 'graphology';
import { parse } from 'graphology-graphml';
import { NETWORK_EDGE_DIRECTED } from '@kuhina/read-model/projections/network/network.view';
import { mixedNetworkFixture } from '../metrics/network-fixture.spec-helper';
import { toGraphml } from './graphml.export';

describe('toGraphml', () => {
  const answer = mixedNetworkFixture();

  it('declares every data key with its type and an undirected default', () => {
    const sut = toGraphml(answer);

    expect(sut).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"');
    expect(sut).toContain('<graph id="chain-1" edgedefault="undirected">');
    expect(sut).toContain('<key id="n_order" for="node" attr.name="order" attr.type="int"/>');
    expect(sut).toContain('<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>');
    expect(sut).toContain('<key id="e_directed" for="edge" attr.name="directed" attr.type="boolean"/>');
    // NetworkX's read_graphml raises on directed="true" inside an undirected graph.
    expect(sut).not.toContain('directed="true"');
  });

  it('parses back with graphology-graphml: the same nodes with typed attributes and escaped labels', () => {
    const sut = parse(Graph, toGraphml(answer));

    expect(sut.nodes()).toEqual(answer.nodes.map((node) => node.id));
    expect(sut.getNodeAttributes('org:b')).toEqual({
      type: 'organization',
      label: `Tom & Jerry's <"Säätiö"> ö`,
      entity: 'b',
      sector: 'ngo',
      region: 'Satakunta',
      created_date: '2023-04-19T10:00:00.000Z',
      created_workshop: 'w1',
      created_position: 10,
    });
    expect(sut.getNodeAttributes('workshop:w1')).toMatchObject({ label: 'Työpaja 1: Rauma', order: 0, starts_at: '2023-04-19T10:00:00.000Z' });
    expect(sut.getNodeAttributes('person:p-2')).toMatchObject({ roles: 'participant;speaker' });
  });

  it('parses back with every edge, its endpoints, type, weight, direction flag, roles and workshops', () => {
    const sut = parse(Graph, toGraphml(answer));

    expect(sut.type).toBe('undirected');
    expect(sut.multi).toBe(true);
    expect(sut.edges()).toEqual(answer.edges.map((e) => e.id));
    for (const expected of answer.edges) {
      expect(sut.extremities(expected.id)).toEqual([expected.source, expected.target]);
      expect(sut.getEdgeAttributes(expected.id)).toEqual({
        type: expected.type,
        weight: expected.weight,
        directed: NETWORK_EDGE_DIRECTED[expected.type],
        ...(expected.role ? { role: expected.role } : {}),
        ...(expected.sourceRoles ? { source_roles: expected.sourceRoles.join(';'), target_roles: expected.targetRoles!.join(';') } : {}),
        created_date: expected.createdBy.date,
        created_workshop: expected.createdBy.workshopId,
        created_position: Number(expected.createdBy.position),
        workshops: expected.workshops.join(';'),
      });
    }
  });

  it('marks the edges that point at a workshop as directed when asked for a mixed graph (yEd)', () => {
    const sut = parse(Graph, toGraphml(answer, { mixed: true }));

    expect(sut.type).toBe('mixed');
    for (const expected of answer.edges) expect(sut.isDirected(expected.id)).toBe(NETWORK_EDGE_DIRECTED[expected.type]);
  });
});
