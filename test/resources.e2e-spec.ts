import { apiHarness, KEYS, type ApiAnswer, type ApiHarness, type Problem, type Role, type Written } from './support/api-harness';
import { KEMI_WORKSHOP } from './support/workshop-fixtures';

// Partner profiles (PATCH, contact persons, offers) and the resource map (GET /resources, CSV), through the built API.
describe('HTTP: partner profiles and the resource map', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness();
  });
  afterAll(() => api.close());

  /** PATCH through the same app (the harness's request helper names the other methods). */
  async function patch<T = unknown>(url: string, body: unknown, options: { as?: Role; headers?: Record<string, string> } = {}): Promise<ApiAnswer<T>> {
    const response = await api.app.inject({
      method: 'PATCH',
      url,
      headers: { authorization: `Bearer ${KEYS[options.as ?? 'backoffice']}`, 'content-type': 'application/json', ...options.headers },
      payload: JSON.stringify(body),
    });
    return { status: response.statusCode, headers: response.headers, body: (response.body ? JSON.parse(response.body) : undefined) as T };
  }

  const register = async (body: Record<string, unknown>): Promise<string> => {
    const answer = await api.post<Written>('/organizations', body);
    expect(answer.status).toBe(201);
    return answer.body.id;
  };
  const profileOf = async (id: string, position: string, as: Role = 'backoffice') => api.get<Record<string, unknown>>(`/organizations/${id}?consistentWith=${position}`, { as });

  describe('PATCH /organizations/:id', () => {
    it('changes only the fields given, with If-Match; a stale If-Match is 412 and records nothing', async () => {
      const id = await register({ name: 'Porin kaupunki', sector: 'public-administration', municipality: 'Pori', region: 'Satakunta' });
      const changed = await patch<Written>(`/organizations/${id}`, { website: 'https://www.pori.fi', region: 'Satakunta' }, { headers: { 'if-match': '"0"' } });
      expect([changed.status, changed.headers.etag]).toEqual([200, '"1"']);

      const read = await profileOf(id, changed.body.position);
      expect(read.body).toMatchObject({ name: 'Porin kaupunki', municipality: 'Pori', website: 'https://www.pori.fi' });
      expect(read.headers.etag).toBe('"1"');

      const head = await api.headPosition();
      const stale = await patch<Problem>(`/organizations/${id}`, { name: 'Pori' }, { headers: { 'if-match': '"0"' } });
      expect([stale.status, stale.body.code]).toEqual([412, 'STREAM.STALE_REVISION']);
      expect(await api.headPosition()).toBe(head);
    });

    it('refuses bad input with 400 naming the field (null for a required one, unknown fields), and analysts with 403', async () => {
      const id = await register({ name: 'Valo-Valmennusyhdistys ry', sector: 'ngo' });
      const head = await api.headPosition();
      const bad = await patch<Problem>(`/organizations/${id}`, { name: null, sector: 'church', businessId: '0201256', extra: 1 });
      expect(bad.status).toBe(400);
      expect([...new Set(bad.body.errors?.map((error) => error.field))].sort()).toEqual(['body.businessId', 'body.extra', 'body.name', 'body.sector']);
      expect((await patch(`/organizations/${id}`, { name: 'x' }, { as: 'analyst' })).status).toBe(403);
      expect((await patch<Problem>('/organizations/3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e', { name: 'x' })).body.code).toBe('ORGANIZATION.NOT_FOUND');
      expect(await api.headPosition()).toBe(head);
    });
  });

  it('answers odd bodies, ids and headers on the PATCH routes (which the hostile-input suite does not fuzz) with a problem, and appends nothing', async () => {
    const id = await register({ name: 'Hostile Oy', sector: 'sme', municipality: 'Pori' });
    const offer = (await api.post<Written>(`/organizations/${id}/offers`, { kind: 'equipment', description: 'Projector' })).body.id;
    const head = await api.headPosition();
    const bodies: unknown[] = [null, [], 'x', 42, { name: 1 }, { name: 'a'.repeat(201) }, { website: 'javascript:alert(1)' }, { sector: ['ngo'] }, { kind: {} }, { valueCents: '100' }, { valueCents: -1 }, { availableFrom: '2024-02-30' }, { online: 'true' }, { description: '\u0000' }, { capacity: '\ud800' }, JSON.parse('{"__proto__": {"name": "x"}}')];
    for (const url of [`/organizations/${id}`, `/organizations/${id}/offers/${offer}`]) {
      for (const body of bodies) {
        const answer = await patch<Problem>(url, body);
        expect([url, JSON.stringify(body), answer.status >= 400 && answer.status < 500]).toEqual([url, JSON.stringify(body), true]);
        expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      for (const headers of [{ 'if-match': 'nope' }, { 'if-match': '"-2"' }, { 'idempotency-key': '' }] as Record<string, string>[]) expect((await patch(url, { description: 'x', name: 'x' }, { headers })).status).toBeGreaterThanOrEqual(400);
    }
    for (const url of ['/organizations/not-a-uuid', `/organizations/${id}/offers/not-a-uuid`, `/organizations/${id}/offers/3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e`]) expect((await patch(url, { description: 'x' })).status).toBeGreaterThanOrEqual(400);
    expect(await api.headPosition()).toBe(head);
  });

  describe('contact persons and offers', () => {
    it('keeps contact persons (back-office only), and offers recorded, updated and withdrawn', async () => {
      const id = await register({ name: 'Maaseudun Sivistysliitto', sector: 'ngo', municipality: 'Pori', region: 'Satakunta' });
      const personId = (await api.post<Written>('/people', { name: 'Kaisa Penkkikahvila' })).body.id;

      expect((await api.post<Written>(`/organizations/${id}/contacts`, { personId, role: 'bench café method' })).status).toBe(200);
      const unknownPerson = await api.post<Problem>(`/organizations/${id}/contacts`, { personId: '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e', role: 'x' });
      expect([unknownPerson.status, unknownPerson.body.code]).toEqual([404, 'PERSON.NOT_FOUND']);

      const method = await api.post<Written>(`/organizations/${id}/offers`, { kind: 'expertise', description: 'The bench café method for hearing citizens', online: true, availableFrom: '2024-01-01' });
      expect(method.status).toBe(201);
      const materials = await api.post<Written>(`/organizations/${id}/offers`, { kind: 'materials', description: 'Bench café kit', capacity: 'two benches', valueCents: 20_000 });
      const updated = await patch<Written>(`/organizations/${id}/offers/${materials.body.id}`, { capacity: 'three benches', valueCents: null });
      expect(updated.status).toBe(200);
      const withdrawn = await api.post<Written>(`/organizations/${id}/offers/withdraw`, { offerId: method.body.id, reason: 'Trainer on leave' });
      expect(withdrawn.status).toBe(200);

      const profile = await profileOf(id, withdrawn.body.position);
      expect(profile.body).toMatchObject({
        contacts: [{ personId, role: 'bench café method' }],
        contactCount: 1,
        offers: [
          { offerId: method.body.id, kind: 'expertise', online: true, municipality: null, region: null, status: 'withdrawn', withdrawalReason: 'Trainer on leave' },
          // Left out: the organisation's own place.
          { offerId: materials.body.id, kind: 'materials', municipality: 'Pori', region: 'Satakunta', capacity: 'three benches', valueCents: null, status: 'active' },
        ],
      });
      expect(profile.headers.etag).toBe('"5"');
      const analyst = await profileOf(id, withdrawn.body.position, 'analyst');
      expect(analyst.body).not.toHaveProperty('contacts');
      expect(analyst.body).toMatchObject({ contactCount: 1 });

      const removed = await api.post<Written>(`/organizations/${id}/contacts/remove`, { personId });
      expect(removed.status).toBe(200);
      expect((await profileOf(id, removed.body.position)).body).toMatchObject({ contacts: [], contactCount: 0 });
      expect((await api.post<Problem>(`/organizations/${id}/contacts/remove`, { personId })).body.code).toBe('ORGANIZATION.CONTACT_NOT_FOUND');
    });

    it('refuses offers that break a rule with 400 naming the field, and changes to a withdrawn one with 409', async () => {
      const id = await register({ name: 'Social Enterprise World Forum', sector: 'global-network' });
      const head = await api.headPosition();
      const bad = await api.post<Problem>(`/organizations/${id}/offers`, { kind: 'tent', description: '', valueCents: 1.5, availableFrom: '2024-13-01' });
      expect(bad.status).toBe(400);
      expect([...new Set(bad.body.errors?.map((error) => error.field))].sort()).toEqual(['body.availableFrom', 'body.description', 'body.kind', 'body.valueCents']);
      const nowhere = await api.post<Problem>(`/organizations/${id}/offers`, { kind: 'venue', description: 'A hall' });
      expect([nowhere.status, nowhere.body.code]).toEqual([400, 'OFFER.PLACE_REQUIRED']);
      const period = await api.post<Problem>(`/organizations/${id}/offers`, { kind: 'venue', description: 'A hall', municipality: 'Helsinki', availableFrom: '2024-05-01', availableUntil: '2024-04-01' });
      expect([period.status, period.body.code]).toEqual([400, 'OFFER.PERIOD_INVALID']);
      expect(await api.headPosition()).toBe(head);

      const offer = await api.post<Written>(`/organizations/${id}/offers`, { kind: 'marketing', description: 'Newsletter to 2,000 social enterprises', online: true });
      await api.post(`/organizations/${id}/offers/withdraw`, { offerId: offer.body.id, reason: 'Newsletter ended' });
      const late = await patch<Problem>(`/organizations/${id}/offers/${offer.body.id}`, { description: 'x' });
      expect([late.status, late.body.code]).toEqual([409, 'OFFER.WITHDRAWN']);
      expect((await patch<Problem>(`/organizations/${id}/offers/${offer.body.id}`, { online: null })).status).toBe(400);
    });
  });

  describe('GET /resources', () => {
    let city: string;
    let roastery: string;
    let position: string;

    beforeAll(async () => {
      city = await register({ name: 'Kemin kaupunki', sector: 'public-administration', municipality: 'Kemi', region: 'Lappi' });
      roastery = await register({ name: 'Paahtimo Oy', sector: 'sme', municipality: 'Tornio', region: 'Lappi' });
      const workshop = await api.post<Written>('/workshops', KEMI_WORKSHOP);
      const fulfilled = await api.post<Written>(`/workshops/${workshop.body.id}/pledges`, { organizationId: roastery, kind: 'catering', description: 'Coffee for 40', inKindValueCents: 12_000, valuationBasis: 'list price' });
      await api.post(`/workshops/${workshop.body.id}/pledges/${fulfilled.body.id}/fulfil`, {});
      await api.post<Written>(`/organizations/${city}/offers`, { kind: 'catering', description: 'Town hall café', availableFrom: '2024-06-01', availableUntil: '2024-06-30' });
      position = (await api.post<Written>(`/organizations/${city}/offers`, { kind: 'venue', description: 'Council hall', capacity: '120 seats' })).body.position;
    });

    it('answers who can offer what, where: the partner that fulfilled before first, with the workshop behind it', async () => {
      const map = await api.get<{ items: Array<Record<string, unknown>> }>(`/resources?kind=catering&region=lappi&consistentWith=${position}`, { as: 'analyst' });
      expect(map.status).toBe(200);
      expect(map.body.items).toEqual([
        expect.objectContaining({
          rank: 1,
          organizationId: roastery,
          kind: 'catering',
          offers: [],
          history: { pledged: 1, fulfilled: 1, pending: 0, withdrawn: 0, fulfilledValueCents: 12_000 },
          workshops: [expect.objectContaining({ title: KEMI_WORKSHOP.title, municipality: 'Kemi', status: 'fulfilled', description: 'Coffee for 40' })],
        }),
        expect.objectContaining({ rank: 2, organizationId: city, offers: [expect.objectContaining({ description: 'Town hall café', municipality: 'Kemi' })] }),
      ]);
    });

    it('filters by municipality and by the day an offer is available', async () => {
      const inKemi = await api.get<{ items: Array<{ organizationId: string; kind: string }> }>(`/resources?municipality=Kemi&consistentWith=${position}`);
      expect(inKemi.body.items.map((item) => [item.organizationId, item.kind])).toEqual([
        [roastery, 'catering'],
        [city, 'catering'],
        [city, 'venue'],
      ]);
      const onDay = await api.get<{ items: Array<{ organizationId: string; kind: string }> }>(`/resources?availableOn=2024-07-01&region=Lappi&consistentWith=${position}`);
      expect(onDay.body.items.map((item) => [item.organizationId, item.kind])).toEqual([[city, 'venue']]);
    });

    it('exports the map as CSV, one row per offer and pledge', async () => {
      const csv = await api.get<string>(`/resources?format=csv&region=Lappi&consistentWith=${position}`, { as: 'auditor' });
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = String(csv.body).replace(/^\ufeff/, '').trimEnd().split('\n');
      expect(lines[0]).toMatch(/^rank,organization_id,organization,sector,kind,source,status,/);
      expect(lines.slice(1).map((line) => line.split(',').slice(4, 7).join(','))).toEqual(['catering,pledge,fulfilled', 'catering,offer,active', 'venue,offer,active']);
    });

    it('refuses bad filters with 400 naming them', async () => {
      const bad = await api.get<Problem>('/resources?kind=tent&availableOn=tomorrow&format=xlsx');
      expect(bad.status).toBe(400);
      expect([...new Set(bad.body.errors?.map((error) => error.field))].sort()).toEqual(['query.availableOn', 'query.format', 'query.kind']);
    });
  });
});
