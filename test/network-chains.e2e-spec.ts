import { parse } from 'csv-parse/sync';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import type { NetworkAnswer, NetworkMetrics } from '@kuhina/analytics';
import { DEMO_CHAIN_ID } from '@kuhina/application';
import { apiHarness, type ApiHarness, type Problem, type Written } from './support/api-harness';

// Analysts across chains (issue 18, point 6): the 2023 demo chain and a 2024 chain in which two of the demo's
// organisations meet again, with one organisation new to the network.
const CHAIN_2024 = {
  name: 'Kehittämistyöpajat 2024',
  fundingProgramme: 'European Social Fund Plus (ESF+) 2021–2027',
  esfOperationId: 'DEMO-ESF-2024-002',
  periodStart: '2024-01-01',
  periodEnd: '2024-12-31',
  description: 'One workshop with partners met in 2023.',
};
const WORKSHOP_2024 = {
  title: 'Kehittämistyöpaja 2024-03-14',
  theme: 'Social innovation in municipalities',
  method: 'Futures workshop',
  kind: 'co-development',
  format: 'in-person',
  location: { venue: 'Kaupungintalo', municipality: 'Rauma', region: 'Satakunta' },
  startsAt: '2024-03-14T09:00:00+02:00',
  endsAt: '2024-03-14T15:00:00+02:00',
  targetGroups: ['NGO workers'],
  access: 'open',
  capacity: 30,
};

type Edge = NetworkAnswer['edges'][number];

describe('GET /network and /network/metrics across chains', () => {
  let api: ApiHarness;
  let demo: NetworkAnswer;
  let chain2024: string;
  let shared: Edge;
  let newcomer: string;
  let before2024: string;
  let head: string;

  const written = async (url: string, body: unknown): Promise<Written> => {
    const answer = await api.post<Written>(url, body);
    if (answer.status >= 300) throw new Error(`${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const both = () => `chainId=${DEMO_CHAIN_ID}&chainId=${chain2024}`;

  beforeAll(async () => {
    api = await apiHarness({ demo: true });
    before2024 = await api.headPosition();
    demo = (await api.get<NetworkAnswer>(`/network?chainId=${DEMO_CHAIN_ID}&consistentWith=${before2024}`, { as: 'analyst' })).body;
    // The strongest organisation pair of 2023 meets again in 2024.
    shared = demo.edges.filter((edge) => edge.type === 'co-attendance').sort((a, b) => b.weight - a.weight)[0]!;
    const [x, y] = [shared.source, shared.target].map((id) => id.replace(/^org:/, ''));
    newcomer = (await written('/organizations', { name: 'Rauman Seudun Kehitys (fictitious)', sector: 'ngo', municipality: 'Rauma', region: 'Satakunta' })).id;
    chain2024 = (await written('/chains', CHAIN_2024)).id;
    const workshop = (await written('/workshops', { ...WORKSHOP_2024, chainId: chain2024 })).id;
    await written(`/workshops/${workshop}/registration/open`, {});
    const registrations: string[] = [];
    for (const [name, organizationId] of [['Anna Virtanen', x], ['Bertta Mäki', y], ['Cecilia Koski', newcomer]] as const) {
      registrations.push((await written(`/workshops/${workshop}/registrations`, { person: { name, organizationId }, organizationId, attendanceMode: 'on-site' })).id);
    }
    await written(`/workshops/${workshop}/held`, { heldOn: '2024-03-14' });
    await written(`/workshops/${workshop}/attendance`, { attendees: registrations.map((registrationId) => ({ registrationId, mode: 'on-site' })) });
    head = await api.headPosition();
  }, 90_000);
  afterAll(() => api.close());

  it('merges two chains: each node once, a tie made in both one edge with the chains that made it and their weights', async () => {
    const answer = await api.get<NetworkAnswer>(`/network?${both()}&consistentWith=${head}`, { as: 'analyst' });
    const alone = await api.get<NetworkAnswer>(`/network?chainId=${chain2024}`, { as: 'analyst' });

    expect(answer.status).toBe(200);
    const { body } = answer;
    expect(body).toMatchObject({ chainId: null, chainIds: [DEMO_CHAIN_ID, chain2024], people: true });
    const ids = body.nodes.map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set([...demo.nodes, ...alone.body.nodes].map((node) => node.id)));
    expect(body.edges.filter((edge) => edge.id === shared.id)).toEqual([
      expect.objectContaining({ weight: shared.weight + 1, chains: [DEMO_CHAIN_ID, chain2024], chainWeights: { [DEMO_CHAIN_ID]: shared.weight, [chain2024]: 1 } }),
    ]);
    expect(body.nodes.find((node) => node.id === shared.source)!.chains).toEqual([DEMO_CHAIN_ID, chain2024]);
    expect(body.nodes.find((node) => node.id === `org:${newcomer}`)).toMatchObject({ chains: [chain2024], label: 'Rauman Seudun Kehitys (fictitious)' });
    // Every tie of either chain is in, with the weight the two chains give it together.
    for (const edge of demo.edges.filter((e) => e.id !== shared.id)) expect(body.edges.find((e) => e.id === edge.id)?.weight).toBe(edge.weight);
    // One chain's own answer says which chain made what, too.
    expect(alone.body.edges.every((edge) => edge.chains?.[0] === chain2024)).toBe(true);
  });

  it('answers every chain with scope=all: organisations and workshops, people only when asked', async () => {
    const chains = (await api.get<{ items: Array<{ chainId: string }> }>('/chains?limit=100', { as: 'analyst' })).body.items.map((c) => c.chainId);
    const all = await api.get<NetworkAnswer>('/network?scope=all', { as: 'analyst' });
    const withPeople = await api.get<NetworkAnswer>('/network?scope=all&people=true', { as: 'analyst' });

    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ chainId: null, scope: 'all', people: false });
    expect([...all.body.chainIds!].sort()).toEqual([...chains].sort());
    expect(all.body.nodes.some((node) => node.type === 'person')).toBe(false);
    expect(all.body.edges.some((edge) => edge.type === 'participated')).toBe(false);
    expect(all.body.edges.find((edge) => edge.id === shared.id)?.chains).toEqual(expect.arrayContaining([DEMO_CHAIN_ID, chain2024]));
    expect(withPeople.body.people).toBe(true);
    expect(withPeople.body.nodes.filter((node) => node.type === 'person').length).toBeGreaterThan(3);
    expect(withPeople.body.nodes.filter((node) => node.type !== 'person').map((node) => node.id).sort()).toEqual(all.body.nodes.map((node) => node.id).sort());
  });

  it('travels in time across chains: as of 2023 and as the log stood before the 2024 chain, only the 2023 ties', async () => {
    const asOf = await api.get<NetworkAnswer>(`/network?${both()}&asOf=2023-12-31`, { as: 'analyst' });
    const byPosition = await api.get<NetworkAnswer>(`/network?${both()}&untilPosition=${before2024}`, { as: 'analyst' });
    const now = await api.get<NetworkAnswer>(`/network?${both()}`, { as: 'analyst' });
    const ties = (answer: NetworkAnswer) => answer.edges.map((edge) => `${edge.id}=${edge.weight}`).sort();

    expect(asOf.status).toBe(200);
    expect(byPosition.status).toBe(200);
    expect(ties(asOf.body)).toEqual(ties(demo));
    expect(ties(byPosition.body)).toEqual(ties(demo));
    expect(ties(now.body)).not.toEqual(ties(demo));
  });

  it('measures the merged network; the growth curve runs by date across the chains', async () => {
    const metrics = await api.get<NetworkMetrics>(`/network/metrics?${both()}`, { as: 'analyst' });
    const merged = (await api.get<NetworkAnswer>(`/network?${both()}`, { as: 'analyst' })).body;

    expect(metrics.status).toBe(200);
    expect(metrics.body.chainIds).toEqual([DEMO_CHAIN_ID, chain2024]);
    expect(metrics.body.network.nodes).toBe(merged.nodes.length);
    expect(metrics.body.network.typedEdges).toBe(merged.edges.length);
    expect(metrics.body.growth.map((row) => row.chainId)).toEqual([...Array<string>(metrics.body.growth.length - 1).fill(DEMO_CHAIN_ID), chain2024]);
    expect(metrics.body.growth.at(-1)).toMatchObject({ newOrganizations: 1, participants: 3 });
  });

  it('shows people as pseudonyms to analysts and auditors, by id to the backoffice; no key, no network', async () => {
    const analyst = await api.get<NetworkAnswer>(`/network?${both()}`, { as: 'analyst' });
    const auditor = await api.get<NetworkAnswer>(`/network?${both()}`, { as: 'auditor' });
    const office = await api.get<NetworkAnswer>(`/network?${both()}`, { as: 'backoffice' });
    const anonymous = await api.get<Problem>(`/network?${both()}`, { as: null });
    const people = (answer: NetworkAnswer) => answer.nodes.filter((node) => node.type === 'person');

    expect(auditor.status).toBe(200);
    expect(people(analyst.body).every((node) => node.label === node.entityId)).toBe(true);
    expect(people(office.body).every((node) => node.label === null)).toBe(true);
    expect(people(office.body).map((node) => node.id)).not.toEqual(people(analyst.body).map((node) => node.id));
    expect(anonymous.status).toBe(401);
  });

  it('exports the merged network with the chains of every tie, named after its chains', async () => {
    const gexf = await api.request('GET', `/network?${both()}&format=gexf`, { as: 'analyst' });
    const csv = await api.request('GET', `/network?${both()}&format=csv-edges`, { as: 'analyst' });
    const all = await api.request('GET', '/network?scope=all&format=kumu', { as: 'analyst' });

    expect(gexf.status).toBe(200);
    expect(String(gexf.headers['content-disposition'])).toBe('attachment; filename="network-2-chains.gexf"');
    expect(String(gexf.body)).toContain(`<attvalue for="chainWeights" value="[&quot;${DEMO_CHAIN_ID}:${shared.weight}&quot;, &quot;${chain2024}:1&quot;]"/>`);
    // Read back by a reader that is not ours: one edge per tie, with both chains.
    const graph = parseGexf(Graph, String(gexf.body), { allowUndeclaredAttributes: true });
    expect(graph.size).toBe((await api.get<NetworkAnswer>(`/network?${both()}`, { as: 'analyst' })).body.edges.length);
    expect(String(graph.getEdgeAttribute(shared.id, 'chains'))).toContain(chain2024);
    const rows: Array<Record<string, string>> = parse(String(csv.body), { columns: true });
    expect(rows.find((row) => row.id === shared.id)).toMatchObject({ chains: `${DEMO_CHAIN_ID};${chain2024}`, chain_weights: `${DEMO_CHAIN_ID}:${shared.weight};${chain2024}:1` });
    expect(String(all.headers['content-disposition'])).toBe('attachment; filename="network-all-chains.kumu.json"');
  });

  it('answers no ETag (organisation names change without the network moving) and is not cached', async () => {
    const answer = await api.get(`/network?${both()}`, { as: 'analyst' });

    expect(answer.headers.etag).toBeUndefined();
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['x-projection-position']).toBeDefined();
  });

  it('refuses bad selections with 400 problem+json naming the field, an unknown chain among several with 404', async () => {
    const problem = async (query: string) => {
      const answer = await api.get<Problem>(`/network?${query}`, { as: 'analyst' });
      expect({ query, status: answer.status, type: answer.headers['content-type'] }).toEqual({ query, status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
      return answer.body.errors!.map((error) => `${error.field}:${error.rule}`);
    };
    const many = Array.from({ length: 21 }, (_, i) => `chainId=00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).join('&');

    expect(await problem('')).toEqual(['query.chainId:isDefined']);
    expect(await problem(`scope=all&chainId=${DEMO_CHAIN_ID}`)).toEqual(['query.scope:scopeWithoutChainId']);
    expect(await problem('scope=some')).toEqual(['query.scope:isIn']);
    expect(await problem(`${both()}&people=maybe`)).toEqual(['query.people:isIn']);
    expect(await problem(`chainId=${DEMO_CHAIN_ID}&chainId=nope`)).toEqual(['query.chainId:isUuid']);
    expect(await problem(many)).toEqual(['query.chainId:arrayMaxSize']);
    expect((await api.get<Problem>(`/network/metrics?scope=all&chainId=${DEMO_CHAIN_ID}`, { as: 'analyst' })).status).toBe(400);
    expect((await api.get<Problem>(`/network?chainId=${DEMO_CHAIN_ID}&chainId=00000000-0000-4000-8000-000000000000`, { as: 'analyst' })).status).toBe(404);
  });
});
