import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { parse as parseCsv } from 'csv-parse/sync';
import { apiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import type { KumuBlueprint } from '../exports/kumu.export';
import { exportNetwork } from '../exports';
import type { NetworkAnswer } from '../network-graph';
import { networkMetrics } from './network-metrics';

/**
 * The real 2023 demo chain, served by the whole app on real embedded stores: metrics and exports on a realistic
 * network (parallel typed edges, Finnish labels, unknown regions) rather than hand-built fixtures.
 */
const DEMO_CHAIN = 'cd5bcce9-37e6-8ac0-9d1d-27d8a256df93';

describe('metrics and exports of the demo network', () => {
  let harness: ApiHarness;
  let answer: NetworkAnswer;

  beforeAll(async () => {
    harness = await apiHarness({ demo: true });
    const response = await harness.get<NetworkAnswer>(`/network?chainId=${DEMO_CHAIN}`, { as: 'analyst' });
    expect(response.status).toBe(200);
    answer = response.body;
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('grows along the five workshops of the chain, accounting for every edge and organisation', () => {
    const sut = networkMetrics(answer);

    expect(sut.growth.map((row) => row.order)).toEqual([0, 1, 2, 3, 4]);
    expect(sut.growth.map((row) => row.date)).toEqual([...sut.growth.map((row) => row.date)].sort());
    expect(sut.growth.reduce((sum, row) => sum + row.newTies, 0)).toBe(answer.edges.length);
    expect(sut.growth.reduce((sum, row) => sum + row.newOrganizations, 0)).toBe(answer.nodes.filter((node) => node.type === 'organization').length);
    expect(sut.growth.some((row) => row.returningParticipants > 0)).toBe(true);
  });

  it('finds one connected network split into several communities, the same on every run', () => {
    const sut = networkMetrics(answer);

    expect(sut.network.nodes).toBe(answer.nodes.length);
    expect(sut.network.typedEdges).toBe(answer.edges.length);
    expect(sut.network.components).toBe(1);
    expect(sut.network.communities).toBeGreaterThan(1);
    expect(sut.network.modularity).toBeGreaterThan(0.3);
    expect(sut.network.crossSector.share).toBeGreaterThan(0);
    expect(networkMetrics(answer)).toEqual(sut);
  });

  it('exports the same nodes and edges in every format', () => {
    const nodeIds = answer.nodes.map((node) => node.id);
    const edgeIds = answer.edges.map((e) => e.id);

    const gexf = parseGexf(Graph, exportNetwork(answer, 'gexf').body);
    const graphml = parseGraphml(Graph, exportNetwork(answer, 'graphml').body);
    const csvNodes: Array<Record<string, string>> = parseCsv(exportNetwork(answer, 'csv-nodes').body, { columns: true });
    const csvEdges: Array<Record<string, string>> = parseCsv(exportNetwork(answer, 'csv-edges').body, { columns: true });
    const kumu = JSON.parse(exportNetwork(answer, 'kumu').body) as KumuBlueprint;

    expect(gexf.nodes()).toEqual(nodeIds);
    expect(gexf.edges()).toEqual(edgeIds);
    expect(graphml.nodes()).toEqual(nodeIds);
    expect(graphml.edges()).toEqual(edgeIds);
    expect(csvNodes.map((row) => row.id)).toEqual(nodeIds);
    expect(csvEdges.map((row) => row.id)).toEqual(edgeIds);
    expect(kumu.elements.map((element) => element.id)).toEqual(nodeIds);
    expect(kumu.connections.map((connection) => connection.id)).toEqual(edgeIds);
    expect(new Set(kumu.elements.map((element) => element.label)).size).toBe(nodeIds.length);
  });
});
