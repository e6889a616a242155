import { apiHarness, type ApiHarness, type Written } from './support/api-harness';
import { KEMI_WORKSHOP } from './support/workshop-fixtures';

// Issue 18, point 5, last part, over HTTP: organisations and people keep their history across chains. Two chains, the
// second following the first; the same organisation and person take part in both; GET /organizations/:id and
// GET /people/:id each answer every chain with its workshops and how they took part.

type WorkshopPart = { workshopId: string; title: string | null; startsAt: string | null; order: number | null; parts: string[]; attended: boolean };
type ChainHistory = { chainId: string | null; name: string | null; periodStart: string | null; periodEnd: string | null; workshops: WorkshopPart[] };

describe('HTTP: organisations and people keep their history across chains', () => {
  let api: ApiHarness;
  let organization: string;
  let person: string;
  let chain2023: string;
  let chain2024: string;
  let kemi2023: string;
  let webinar2023: string;
  let kemi2024: string;
  let position: string;

  const written = async (url: string, body: unknown): Promise<Written> => {
    const answer = await api.post<Written>(url, body);
    if (answer.status >= 300) throw new Error(`${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    position = answer.body.position;
    return answer.body;
  };
  const chain = (name: string, year: number, more: Record<string, unknown> = {}) => ({ name, fundingProgramme: 'ESF+ 2021–2027', esfOperationId: `E2E-${name}`, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, ...more });
  const on = (day: string) => ({ startsAt: `${day}T12:00:00+03:00`, endsAt: `${day}T15:00:00+03:00` });
  const register = (workshopId: string, more: Record<string, unknown> = {}) => written(`/workshops/${workshopId}/registrations`, { personId: person, organizationId: organization, attendanceMode: 'on-site', ...more });

  beforeAll(async () => {
    api = await apiHarness();
    organization = (await written('/organizations', { name: 'Lapin ammattikorkeakoulu', sector: 'higher-education', municipality: 'Kemi', region: 'Lappi' })).id;
    person = (await written('/people', { name: 'Aino Virtanen', email: 'aino.virtanen@example.org', organizationId: organization })).id;

    // 2023: Kemi, co-organised by the university, where Aino attends; then a webinar (added second, dated later).
    chain2023 = (await written('/chains', chain('Ketju 2023', 2023))).id;
    kemi2023 = (await written('/workshops', { ...KEMI_WORKSHOP, chainId: chain2023, coOrganizerIds: [organization] })).id;
    webinar2023 = (await written('/workshops', { ...KEMI_WORKSHOP, ...on('2023-10-24'), title: 'Webinaari: validointikehys', chainId: chain2023 })).id;
    await written(`/workshops/${kemi2023}/registration/open`, {});
    const registration = await register(kemi2023);
    await written(`/workshops/${kemi2023}/held`, { heldOn: '2023-09-12' });
    await written(`/workshops/${kemi2023}/attendance`, { attendees: [{ registrationId: registration.id, mode: 'on-site' }] });
    await written(`/workshops/${webinar2023}/pledges`, { organizationId: organization, kind: 'expertise', description: 'A speaker on social enterprises', inKindValueCents: 0, valuationBasis: 'Unpaid' });

    // 2024 follows 2023: Kemi again, where Aino speaks; the university sends her but organises nothing.
    chain2024 = (await written('/chains', chain('Ketju 2024', 2024, { followsChainId: chain2023 }))).id;
    kemi2024 = (await written('/workshops', { ...KEMI_WORKSHOP, ...on('2024-09-10'), chainId: chain2024 })).id;
    await written(`/workshops/${kemi2024}/registration/open`, {});
    await register(kemi2024, { role: 'speaker' });
  }, 60_000);
  afterAll(() => api.close());

  it('GET /organizations/:id answers both chains by period, each workshop in chain order with how the organisation took part', async () => {
    const answer = await api.get<{ chains: ChainHistory[] }>(`/organizations/${organization}?consistentWith=${position}`);

    expect(answer.status).toBe(200);
    expect(answer.body.chains).toEqual([
      {
        chainId: chain2023,
        name: 'Ketju 2023',
        periodStart: '2023-01-01',
        periodEnd: '2023-12-31',
        workshops: [
          { workshopId: kemi2023, title: KEMI_WORKSHOP.title, startsAt: KEMI_WORKSHOP.startsAt, order: 0, parts: ['co-organizer', 'participant'], attended: true },
          { workshopId: webinar2023, title: 'Webinaari: validointikehys', startsAt: on('2023-10-24').startsAt, order: 1, parts: ['pledger'], attended: false },
        ],
      },
      { chainId: chain2024, name: 'Ketju 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31', workshops: [{ workshopId: kemi2024, title: KEMI_WORKSHOP.title, startsAt: on('2024-09-10').startsAt, order: 0, parts: ['speaker'], attended: false }] },
    ]);
  });

  it('GET /people/:id answers the same chains with the roles the person took and what they attended', async () => {
    const answer = await api.get<{ status: string; chains: ChainHistory[] }>(`/people/${person}?consistentWith=${position}`);

    expect(answer.status).toBe(200);
    expect(answer.body.chains.map((c) => [c.chainId, c.workshops.map((w) => [w.workshopId, w.parts, w.attended])])).toEqual([
      [chain2023, [[kemi2023, ['participant'], true]]],
      [chain2024, [[kemi2024, ['speaker'], false]]],
    ]);
    expect(answer.body.chains[1]).toMatchObject({ name: 'Ketju 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31', workshops: [{ title: KEMI_WORKSHOP.title, order: 0 }] });
  });

  it("shows analysts the organisation's history (ids and roles only), never a person's", async () => {
    const organizationAnswer = await api.get<{ chains: ChainHistory[] }>(`/organizations/${organization}`, { as: 'analyst' });
    const personAnswer = await api.get(`/people/${person}`, { as: 'analyst' });

    expect(organizationAnswer.body.chains.map((c) => c.chainId)).toEqual([chain2023, chain2024]);
    expect(JSON.stringify(organizationAnswer.body.chains)).not.toMatch(/Aino|Virtanen|example\.org/);
    expect(personAnswer.status).toBe(403);
  });

  it("answers only { id, status: erased } for an erased person, while the organisation's history keeps every chain", async () => {
    const erased = await written(`/people/${person}/erase`, { reason: 'data subject request (GDPR Art. 17)' });

    const personAnswer = await api.get(`/people/${person}?consistentWith=${erased.position}`);
    const organizationAnswer = await api.get<{ chains: ChainHistory[] }>(`/organizations/${organization}?consistentWith=${erased.position}`);

    expect(personAnswer.body).toEqual({ id: person, status: 'erased' });
    expect(organizationAnswer.body.chains.flatMap((c) => c.workshops.map((w) => [w.workshopId, w.parts]))).toEqual([
      [kemi2023, ['co-organizer', 'participant']],
      [webinar2023, ['pledger']],
      [kemi2024, ['speaker']],
    ]);
  });

  it('documents the history on both routes', async () => {
    const { body } = await api.get<{ paths: Record<string, Record<string, { description?: string }>> }>('/docs/json', { as: null });

    expect(body.paths['/organizations/{id}']?.get?.description).toContain('`chains`');
    expect(body.paths['/people/{id}']?.get?.description).toContain('`chains`');
  });
});
