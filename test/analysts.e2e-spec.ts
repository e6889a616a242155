import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { parse as parseCsv } from 'csv-parse/sync';
import type { NetworkAnswer, NetworkMetrics } from '@kuhina/analytics';
import { DEMO_CHAIN_ID } from '@kuhina/application';
import { apiHarness, type ApiHarness, type Problem } from './support/api-harness';

const chain = DEMO_CHAIN_ID;
type ChainAnswer = { workshops: Array<{ workshopId: string; returningParticipants: number }> };

describe('Analysts on the 2023 demo: metrics, exports, privacy', () => {
  let api: ApiHarness;
  let network: NetworkAnswer;
  beforeAll(async () => {
    api = await apiHarness({ demo: true });
    network = (await api.get<NetworkAnswer>(`/network?chainId=${chain}&consistentWith=${await api.headPosition()}`, { as: 'analyst' })).body;
  }, 60_000);
  afterAll(() => api.close());

  describe('GET /network/metrics', () => {
    it('measures the whole network and grows along the chain as the chain view counts it', async () => {
      const metrics = await api.get<NetworkMetrics>(`/network/metrics?chainId=${chain}`, { as: 'analyst' });
      const chainView = await api.get<ChainAnswer>(`/chains/${chain}`, { as: 'analyst' });

      expect(metrics.status).toBe(200);
      const { network: summary, nodes, growth } = metrics.body;
      expect(summary.nodes).toBe(network.nodes.length);
      expect(summary.typedEdges).toBe(network.edges.length);
      expect(nodes.map((node) => node.id).sort()).toEqual(network.nodes.map((node) => node.id).sort());
      expect(summary.density).toBeGreaterThan(0);
      expect(summary.density).toBeLessThan(1);
      expect(summary.largestComponentShare).toBeGreaterThan(0.5);
      expect(summary.communities).toBeGreaterThan(1);
      expect(summary.modularity).toBeGreaterThan(0);
      expect(summary.crossSector.share).toBeGreaterThan(0);
      expect(nodes.some((node) => node.betweenness > 0)).toBe(true);
      // The growth curve: one row per workshop, in chain order, with the returning participants the chain view reports.
      expect(growth.map((row) => row.workshopId)).toEqual(chainView.body.workshops.map((w) => w.workshopId));
      expect(growth.map((row) => row.returningParticipants)).toEqual(chainView.body.workshops.map((w) => w.returningParticipants));
      expect(growth[0]!.newOrganizations).toBeGreaterThan(0);
      expect(growth.every((row) => row.newTies > 0)).toBe(true);
    });

    it('answers the metrics of the network as it stood at a date', async () => {
      const firstDay = network.nodes.find((node) => node.type === 'workshop' && node.order === 0)!.startsAt!.slice(0, 10);
      const then = await api.get<NetworkMetrics>(`/network/metrics?chainId=${chain}&asOf=${firstDay}`, { as: 'analyst' });
      const thenNetwork = await api.get<NetworkAnswer>(`/network?chainId=${chain}&asOf=${firstDay}`, { as: 'analyst' });

      expect(then.status).toBe(200);
      expect(then.body.network.nodes).toBe(thenNetwork.body.nodes.length);
      expect(then.body.network.nodes).toBeLessThan(network.nodes.length);
    });

    it('refuses a bad chain id and a bad date with 400, an unknown chain with 404', async () => {
      expect((await api.get<Problem>('/network/metrics?chainId=nope', { as: 'analyst' })).body.errors).toEqual([expect.objectContaining({ field: 'query.chainId', rule: 'isUuid' })]);
      expect((await api.get<Problem>(`/network/metrics?chainId=${chain}&asOf=31.5.2023`, { as: 'analyst' })).status).toBe(400);
      expect((await api.get<Problem>('/network/metrics?chainId=00000000-0000-4000-8000-000000000000', { as: 'analyst' })).status).toBe(404);
    });
  });

  describe('GET /network?format=', () => {
    const download = async (format: string) => {
      const answer = await api.request('GET', `/network?chainId=${chain}&format=${format}`, { as: 'analyst' });
      expect(answer.status).toBe(200);
      expect(String(answer.headers['content-disposition'])).toMatch(/^attachment; filename="network-[0-9a-f-]+.*\.\w+"$/);
      return { type: String(answer.headers['content-type']), text: typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body) };
    };
    const edgeKey = (source: string, target: string) => [source, target].sort().join('|');

    it('GEXF (for Gephi) parses back with the same nodes and ties', async () => {
      const { type, text } = await download('gexf');
      const graph = parseGexf(Graph, text, { allowUndeclaredAttributes: true });

      expect(type).toMatch(/^application\/gexf\+xml/);
      expect(text).toContain('version="1.3"');
      expect(graph.nodes().sort()).toEqual(network.nodes.map((node) => node.id).sort());
      expect(graph.size).toBe(network.edges.length);
    });

    it('GraphML (for NetworkX and yEd) parses back with the same nodes and ties', async () => {
      const { type, text } = await download('graphml');
      const graph = parseGraphml(Graph, text);

      expect(type).toMatch(/^application\/graphml\+xml/);
      expect(graph.order).toBe(network.nodes.length);
      expect(graph.size).toBe(network.edges.length);
    });

    it('CSV node and edge lists parse back with the same rows (format=csv&list=nodes|edges, or csv-nodes / csv-edges)', async () => {
      const nodes = await download('csv&list=nodes');
      const edges = await download('csv');
      expect(nodes.text).toBe((await download('csv-nodes')).text);
      expect(edges.text).toBe((await download('csv-edges')).text);
      const nodeRows = parseCsv(nodes.text, { columns: true }) as Array<Record<string, string>>;
      const edgeRows = parseCsv(edges.text, { columns: true }) as Array<Record<string, string>>;

      expect(nodes.type).toMatch(/^text\/csv/);
      expect(nodeRows.map((row) => row.id).sort()).toEqual(network.nodes.map((node) => node.id).sort());
      expect(edgeRows.map((row) => edgeKey(row.source!, row.target!)).sort()).toEqual(network.edges.map((edge) => edgeKey(edge.source, edge.target)).sort());
    });

    it("Kumu's JSON blueprint has an element per node and a connection per edge", async () => {
      const { text } = await download('kumu');
      const blueprint = JSON.parse(text) as { elements: unknown[]; connections: unknown[] };

      expect(blueprint.elements).toHaveLength(network.nodes.length);
      expect(blueprint.connections).toHaveLength(network.edges.length);
    });

    it('refuses an unknown format, naming the allowed ones', async () => {
      const answer = await api.get<Problem>(`/network?chainId=${chain}&format=xlsx`, { as: 'analyst' });

      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'query.format', rule: 'isIn' })]);
    });
  });

  it('no analyst answer or export holds a name, an e-mail, a phone number or a person id of the demo', async () => {
    // The backoffice sees people's ids; their personal data comes from their records.
    const office = await api.get<NetworkAnswer>(`/network?chainId=${chain}`);
    const personIds = office.body.nodes.filter((node) => node.type === 'person').map((node) => node.entityId);
    expect(personIds.length).toBeGreaterThan(100);
    const secrets: string[] = [...personIds];
    for (const id of personIds) {
      const { body } = await api.get<{ name: string | null; email: string | null; phone: string | null }>(`/people/${id}`);
      for (const value of [body.name, body.email, body.phone]) if (value) secrets.push(value);
    }
    expect(secrets.length).toBeGreaterThan(2 * personIds.length);

    const workshopIds = network.nodes.filter((node) => node.type === 'workshop').map((node) => node.entityId);
    const firstDay = network.nodes.find((node) => node.type === 'workshop' && node.order === 0)!.startsAt!.slice(0, 10);
    const urls = [
      `/network?chainId=${chain}`,
      `/network?chainId=${chain}&asOf=${firstDay}`,
      `/network?chainId=${chain}&untilPosition=300`,
      `/network/metrics?chainId=${chain}`,
      `/network/metrics?chainId=${chain}&asOf=${firstDay}`,
      ...['json', 'gexf', 'graphml', 'csv-nodes', 'csv-edges', 'kumu'].map((format) => `/network?chainId=${chain}&format=${format}`),
      `/chains/${chain}`,
      '/chains',
      '/organizations?limit=200',
      ...workshopIds.flatMap((id) => [`/workshops/${id}`, `/workshops/${id}/feedback`]),
    ];
    for (const url of urls) {
      const answer = await api.request('GET', url, { as: 'analyst' });
      expect([url, answer.status]).toEqual([url, 200]);
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      const leaked = secrets.filter((secret) => text.includes(secret));
      expect([url, leaked]).toEqual([url, []]);
    }
    // Personal data stays behind the backoffice role.
    expect((await api.get(`/people/${personIds[0]}`, { as: 'analyst' })).status).toBe(403);
    expect((await api.get(`/workshops/${workshopIds[0]}/registrations`, { as: 'analyst' })).status).toBe(403);
  }, 120_000);
});
