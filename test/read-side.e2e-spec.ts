import { DEMO_CHAIN_ID } from '@kuhina/application';
import { EVENT_STORE, type EventStore } from '@kuhina/event-store';
import { apiHarness, type ApiHarness } from './support/api-harness';

type ChainAnswer = {
  name: string;
  workshops: Array<{ workshopId: string; title: string; format: string; location: { municipality: string } | null; expenses: { totalCents: number }; returningParticipants: number; registrations: { registered: number; waitlisted: number; cancelled: number }; staff: Record<'organiser' | 'host' | 'speaker', { registered: number; attended: number }> }>;
  totals: { workshops: number; uniqueParticipants: number; returningParticipants: number };
};
type NetworkAnswer = { nodes: Array<{ id: string; type: string; entityId: string; label: string | null }>; edges: Array<{ type: string; source: string; target: string; createdBy: { workshopId: string; date: string; position: string } }> };

describe('Read side on the 2023 demo: views, read-your-writes, roles', () => {
  let api: ApiHarness;
  let head: string;
  beforeAll(async () => {
    api = await apiHarness({ demo: true });
    head = String(await api.app.get<EventStore>(EVENT_STORE).headPosition());
  }, 60_000);
  afterAll(() => api.close());

  it('GET /chains/:id shows five workshops in Rauma, Pori, Kemi, Helsinki and online, from 0 € to 2,600 €, returning participants at every later workshop that has participants', async () => {
    const answer = await api.get<ChainAnswer>(`/chains/${DEMO_CHAIN_ID}?consistentWith=${head}`, { as: 'analyst' });

    expect(answer.status).toBe(200);
    expect(answer.headers['x-projection-position']).toBe(head);
    const { workshops, totals } = answer.body;
    expect(workshops.map((w) => w.location?.municipality ?? 'online')).toEqual(['Rauma', 'Pori', 'Kemi', 'Helsinki', 'online']);
    const costs = workshops.map((w) => w.expenses.totalCents);
    expect(Math.min(...costs)).toBe(0);
    expect(Math.max(...costs)).toBe(260_000);
    expect(workshops[0]!.returningParticipants).toBe(0);
    // Pori's bench café registered no participants (its citizens are a tally): nobody returns there.
    const withParticipants = workshops.slice(1).filter((w) => w.registrations.registered > 0);
    expect(withParticipants.map((w) => w.location?.municipality ?? 'online')).toEqual(['Kemi', 'Helsinki', 'online']);
    expect(withParticipants.every((w) => w.returningParticipants > 0)).toBe(true);
    expect(totals.workshops).toBe(5);
    expect(totals.uniqueParticipants).toBeGreaterThan(100);
  });

  it('GET /chains lists the demo chain; GET /organizations pages by cursor and filters by sector', async () => {
    const chains = await api.get<{ items: Array<{ chainId: string }>; next: string | null }>(`/chains?consistentWith=${head}`);
    const first = await api.get<{ items: Array<{ name: string; sector: string }>; next: string }>(`/organizations?limit=10&consistentWith=${head}`);
    const second = await api.get<{ items: Array<{ name: string }>; next: string | null }>(`/organizations?limit=10&cursor=${encodeURIComponent(first.body.next)}`);
    const ngos = await api.get<{ items: Array<{ sector: string }> }>('/organizations?sector=ngo&limit=200');

    expect(chains.body.items.map((c) => c.chainId)).toContain(DEMO_CHAIN_ID);
    expect(first.body.items).toHaveLength(10);
    expect(second.body.items).toHaveLength(10);
    expect(new Set([...first.body.items, ...second.body.items].map((o) => o.name)).size).toBe(20);
    expect(ngos.body.items.length).toBeGreaterThan(3);
    expect(ngos.body.items.every((o) => o.sector === 'ngo')).toBe(true);
    expect((await api.get('/organizations?cursor=garbage')).status).toBe(400);
  });

  it('GET /network shows the collaborations and co-attendance, each edge with the workshop, date and position that created it; people as pseudonyms for analysts', async () => {
    const analyst = await api.get<NetworkAnswer>(`/network?chainId=${DEMO_CHAIN_ID}&consistentWith=${head}`, { as: 'analyst' });
    const office = await api.get<NetworkAnswer>(`/network?chainId=${DEMO_CHAIN_ID}`, { as: 'backoffice' });

    expect(analyst.status).toBe(200);
    const collaborations = analyst.body.edges.filter((e) => e.type === 'collaboration');
    expect(collaborations.length).toBeGreaterThanOrEqual(3);
    expect(analyst.body.edges.some((e) => e.type === 'co-attendance')).toBe(true);
    for (const edge of analyst.body.edges) expect(edge.createdBy).toEqual({ workshopId: expect.any(String), date: expect.any(String), position: expect.stringMatching(/^\d+$/) });
    const people = analyst.body.nodes.filter((n) => n.type === 'person');
    const realIds = new Set(office.body.nodes.filter((n) => n.type === 'person').map((n) => n.entityId));
    expect(people.length).toBe(realIds.size);
    expect(people.some((p) => realIds.has(p.entityId))).toBe(false);
    expect(analyst.body.nodes.filter((n) => n.type === 'organization').every((n) => typeof n.label === 'string')).toBe(true);
  });

  it('GET /workshops/:id/registrations is backoffice only and names people; feedback has a summary', async () => {
    const chain = await api.get<ChainAnswer>(`/chains/${DEMO_CHAIN_ID}?consistentWith=${head}`);
    const rauma = chain.body.workshops[0]!.workshopId;

    const asAnalyst = await api.get(`/workshops/${rauma}/registrations`, { as: 'analyst' });
    const asOffice = await api.get<{ registrations: Array<{ role: string; person: { name: string | null } }> }>(`/workshops/${rauma}/registrations`);
    const feedback = await api.get<{ summary: { count: number; average: number } }>(`/workshops/${rauma}/feedback`, { as: 'auditor' });

    expect(asAnalyst.status).toBe(403);
    expect(asOffice.status).toBe(200);
    // Participants (the cancelled one included) and the people who ran the workshop, each listed with their role.
    const { registrations, staff } = chain.body.workshops[0]!;
    const running = staff.organiser.registered + staff.host.registered + staff.speaker.registered;
    expect(running).toBeGreaterThan(0);
    expect(asOffice.body.registrations.length).toBe(registrations.registered + registrations.cancelled + registrations.waitlisted + running);
    expect(asOffice.body.registrations.filter((r) => r.role !== 'participant')).toHaveLength(running);
    expect(asOffice.body.registrations.every((r) => typeof r.person.name === 'string')).toBe(true);
    expect(feedback.body.summary.count).toBeGreaterThan(5);
    expect(feedback.body.summary.average).toBeGreaterThanOrEqual(3);
  });

  it('takes ids in upper case as the same ids (UUIDs are case-insensitive): in paths, queries and bodies', async () => {
    const upper = (id: string): string => id.toUpperCase();
    const chain = await api.get<ChainAnswer>(`/chains/${DEMO_CHAIN_ID}?consistentWith=${head}`);
    const rauma = chain.body.workshops[0]!.workshopId;
    expect((await api.get<ChainAnswer>(`/chains/${upper(DEMO_CHAIN_ID)}`)).body).toEqual(chain.body);
    expect((await api.get(`/network?chainId=${upper(DEMO_CHAIN_ID)}`, { as: 'analyst' })).status).toBe(200);
    expect((await api.get(`/audit/ledger?chainId=${upper(DEMO_CHAIN_ID)}`, { as: 'auditor' })).status).toBe(200);
    const before = await api.get<{ summary: { count: number } }>(`/workshops/${rauma}/feedback`);

    // A write to an upper-case workshop id, with an upper-case client-chosen id: the workshop's own stream, lower-case ids.
    const feedbackId = '9E8D7C6B-5A4F-4E3D-8C2B-1A0F9E8D7C6B';
    const written = await api.post<{ id: string; position: string }>(`/workshops/${upper(rauma)}/feedback`, { id: feedbackId, anonymous: true, rating: 5 });
    expect(written.status).toBe(201);
    expect(written.body.id).toBe(feedbackId.toLowerCase());
    const after = await api.get<{ summary: { count: number }; items: Array<{ feedbackId: string }> }>(`/workshops/${rauma}/feedback?consistentWith=${written.body.position}`);
    expect(after.body.summary.count).toBe(before.body.summary.count + 1);
    expect(after.body.items.map((item) => item.feedbackId)).toContain(feedbackId.toLowerCase());
    // The same id in the other case is the same feedback: refused as a second one, not a new one.
    const again = await api.post(`/workshops/${rauma}/feedback`, { id: feedbackId.toLowerCase(), anonymous: true, rating: 4 });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(await api.headPosition()).toBe(written.body.position);
  });

  it('reads your own write with consistentWith, and answers 503 with Retry-After when the views cannot get there in time', async () => {
    const written = await api.post<{ id: string; position: string }>('/organizations', { name: 'Porin Ohjaamo (second office)', sector: 'public-administration' });
    const listed = await api.get<{ items: Array<{ organizationId: string }> }>(`/organizations?limit=200&consistentWith=${written.body.position}`);
    expect(listed.body.items.map((o) => o.organizationId)).toContain(written.body.id);

    // A position past the head was never answered by a write: a 400 at once, not a wait for the whole timeout.
    const started = Date.now();
    const future = await api.get<{ code: string; errors: unknown[] }>(`/chains?consistentWith=${BigInt(written.body.position) + 1000n}`);
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'query.consistentWith', rule: 'max' })]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('Read-your-writes when the views cannot get there in time (projector in another process, not running)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness({ env: { KUHINA_PROJECTOR: 'external', KUHINA_CONSISTENCY_TIMEOUT_MS: '150' } });
  }, 60_000);
  afterAll(() => api.close());

  it('answers 503 with Retry-After after KUHINA_CONSISTENCY_TIMEOUT_MS (from the configuration), and never for a read without consistentWith', async () => {
    const written = await api.post<{ id: string; position: string }>('/organizations', { name: 'Kemin Työpaja ry', sector: 'ngo' });
    expect(written.status).toBe(201);

    const started = Date.now();
    const waited = await api.get<{ code: string }>(`/organizations?consistentWith=${written.body.position}`);
    const elapsed = Date.now() - started;
    expect(waited.status).toBe(503);
    expect(waited.headers['retry-after']).toBe('1');
    expect(waited.body.code).toBe('READ.NOT_YET_CONSISTENT');
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(3_000);
    const plain = await api.get('/organizations');
    expect(plain.status).toBe(200);
    expect(plain.headers['x-projection-position']).toBe('0');
  });
});
