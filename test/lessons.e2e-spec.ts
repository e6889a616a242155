import { randomUUID } from 'node:crypto';
import { chainStream, workshopStream } from '@kuhina/domain';
import { apiHarness, type ApiHarness, type Problem, type Written } from './support/api-harness';
import { KEMI_WORKSHOP } from './support/workshop-fixtures';

// Issue 18, point 5, over HTTP: a chain follows an earlier one; workshops and chains hold debriefs (revised, history
// kept); GET /chains/:id/lessons gathers them with those of the chains followed, and who took part across chains.

type Lessons = {
  chain: { id: string; followsChainId: string | null; followedBy: string[]; debrief: Record<string, unknown> | null; workshops: Array<Record<string, unknown>> };
  predecessors: Array<{ id: string; followedBy: string[]; debrief: Record<string, unknown> | null; workshops: Array<{ workshopId: string; debrief: Record<string, unknown> | null; earlierVersions: unknown[] }> }>;
  acrossChains: { organizations: Array<{ organizationId: string; inThisChain: unknown[]; otherChains: Array<{ chainId: string; workshops: unknown[] }> }>; people: { inThisChain: number; alsoInOtherChains: number } };
};

const DEBRIEF = {
  whatWorked: 'Hybrid worked: regional and national developers in one discussion.\nQuestions collected ahead.',
  whatToDevelop: 'The webinar audience needs its own moderator.',
  lessons: ['Tell participants about the coming events', 'Map partners and their resources first'],
  authorRole: 'joint',
};

describe('HTTP: succession, debriefs and lessons across chains', () => {
  let api: ApiHarness;
  let chain2023: string;
  let workshop2023: string;
  let lapinAmk: string;

  const written = async (url: string, body: unknown, headers: Record<string, string> = {}): Promise<Written> => {
    const answer = await api.post<Written>(url, body, { headers });
    if (answer.status >= 300) throw new Error(`${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const chain = (name: string, more: Record<string, unknown> = {}) => ({ name, fundingProgramme: 'ESF+ 2021–2027', esfOperationId: `E2E-${name}`, periodStart: '2023-01-01', periodEnd: '2023-12-31', ...more });
  const eventsOf = async (stream: string, type: string) =>
    (await api.store().readStream(stream)).filter((event) => event.type === type).map((event) => ({ data: event.data as Record<string, unknown>, occurredAt: event.metadata.occurredAt }));
  const refused = async <T>(send: () => Promise<{ status: number; body: T }>): Promise<{ status: number; body: T }> => {
    const before = await api.headPosition();
    const answer = await send();
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(await api.headPosition()).toBe(before);
    return answer;
  };

  beforeAll(async () => {
    api = await apiHarness();
    lapinAmk = (await written('/organizations', { name: 'Lapin ammattikorkeakoulu', sector: 'higher-education', municipality: 'Kemi', region: 'Lappi' })).id;
    chain2023 = (await written('/chains', chain('Ketju 2023'))).id;
    workshop2023 = (await written('/workshops', { ...KEMI_WORKSHOP, chainId: chain2023, coOrganizerIds: [lapinAmk] })).id;
    await written(`/workshops/${workshop2023}/registration/open`, {});
    await written(`/workshops/${workshop2023}/registrations`, { person: { name: 'Anna Virtanen', organizationId: lapinAmk }, organizationId: lapinAmk, attendanceMode: 'on-site' });
  }, 60_000);
  afterAll(() => api.close());

  describe('POST /workshops/:id/debrief', () => {
    it('is refused before the workshop is held (409 WORKSHOP.NOT_HELD), appending nothing', async () => {
      const answer = await refused(() => api.post<Problem>(`/workshops/${workshop2023}/debrief`, DEBRIEF));
      expect([answer.status, answer.body.code]).toEqual([409, 'WORKSHOP.NOT_HELD']);
    });

    it("records it once held, dated by the workshop's held day (not the clock); an Idempotency-Key retry appends nothing", async () => {
      await written(`/workshops/${workshop2023}/held`, { heldOn: '2023-09-12' });
      const key = randomUUID();
      const first = await api.post<Written>(`/workshops/${workshop2023}/debrief`, DEBRIEF, { headers: { 'idempotency-key': key } });
      const head = await api.headPosition();
      const retry = await api.post<Written>(`/workshops/${workshop2023}/debrief`, DEBRIEF, { headers: { 'idempotency-key': key } });

      expect([first.status, first.body.id]).toEqual([200, workshop2023]);
      expect(retry.body).toEqual(first.body);
      expect(await api.headPosition()).toBe(head);
      expect(await eventsOf(workshopStream(workshop2023), 'WorkshopDebriefRecorded')).toEqual([
        { data: { workshopId: workshop2023, ...DEBRIEF, heldOn: null, version: 1, recordedAt: '2023-09-12T09:00:00.000Z' }, occurredAt: '2023-09-12T09:00:00.000Z' },
      ]);
    });

    it('is revised by a different record (version 2, dated by its meeting day); a stale If-Match is 412', async () => {
      const stale = await refused(() => api.post<Problem>(`/workshops/${workshop2023}/debrief`, { ...DEBRIEF, lessons: [] }, { headers: { 'if-match': '"0"' } }));
      const revised = await api.post<Written>(`/workshops/${workshop2023}/debrief`, { ...DEBRIEF, lessons: [], heldOn: '2023-09-19' });

      expect([stale.status, stale.body.code]).toEqual([412, 'STREAM.STALE_REVISION']);
      expect(revised.status).toBe(200);
      expect((await eventsOf(workshopStream(workshop2023), 'WorkshopDebriefRecorded')).map((e) => [e.data.version, e.occurredAt])).toEqual([
        [1, '2023-09-12T09:00:00.000Z'],
        [2, '2023-09-19T09:00:00.000Z'],
      ]);
    });

    it('refuses bad input with 400 problem+json naming the field', async () => {
      const role = await refused(() => api.post<Problem>(`/workshops/${workshop2023}/debrief`, { ...DEBRIEF, authorRole: 'mayor' }));
      const day = await refused(() => api.post<Problem>(`/workshops/${workshop2023}/debrief`, { ...DEBRIEF, heldOn: '19.9.2023' }));
      const lessons = await refused(() => api.post<Problem>(`/workshops/${workshop2023}/debrief`, { ...DEBRIEF, lessons: [''] }));
      const empty = await refused(() => api.post<Problem & { details?: { field: string } }>(`/workshops/${workshop2023}/debrief`, { authorRole: 'joint', whatWorked: ' ' }));

      expect([role.status, [...new Set(role.body.errors?.map((e) => e.field))]]).toEqual([400, ['body.authorRole']]);
      expect([day.status, [...new Set(day.body.errors?.map((e) => e.field))]]).toEqual([400, ['body.heldOn']]);
      expect(lessons.status).toBe(400);
      expect(lessons.body.errors?.[0]?.field).toMatch(/^body\.lessons/);
      expect([empty.status, empty.body.code]).toEqual([400, 'DEBRIEF.INVALID_FIELD']);
    });
  });

  describe('POST /chains (followsChainId) and POST /chains/:id/debrief', () => {
    let chain2024: string;

    it("records the chain's debrief, dated by the end of its period when no day is given", async () => {
      await written(`/chains/${chain2023}/debrief`, { whatWorked: 'The chain held together', whatToDevelop: 'Outreach', authorRole: 'core-team' });
      expect((await eventsOf(chainStream(chain2023), 'ChainDebriefRecorded')).map((e) => [e.data.version, e.occurredAt])).toEqual([[1, '2023-12-31T12:00:00.000Z']]);
    });

    it('refuses a chain that follows itself (400) or an unknown chain (404), appending nothing', async () => {
      const id = randomUUID();
      const itself = await refused(() => api.post<Problem>('/chains', chain('Itself', { id, followsChainId: id })));
      const unknown = await refused(() => api.post<Problem>('/chains', chain('Unknown', { followsChainId: randomUUID() })));
      const notUuid = await refused(() => api.post<Problem>('/chains', chain('Bad', { followsChainId: 'ketju-2023' })));

      expect([itself.status, itself.body.code]).toEqual([400, 'CHAIN.FOLLOWS_ITSELF']);
      expect([unknown.status, unknown.body.code]).toEqual([404, 'CHAIN.NOT_FOUND']);
      expect([notUuid.status, [...new Set(notUuid.body.errors?.map((e) => e.field))]]).toEqual([400, ['body.followsChainId']]);
    });

    it('starts the next chain from the last; GET /chains lists which one it follows', async () => {
      chain2024 = (await written('/chains', chain('Ketju 2024', { periodStart: '2024-01-01', periodEnd: '2024-12-31', followsChainId: chain2023 }))).id;
      const workshop = (await written('/workshops', { ...KEMI_WORKSHOP, startsAt: '2024-09-10T12:00:00+03:00', endsAt: '2024-09-10T15:00:00+03:00', chainId: chain2024 })).id;
      await written(`/workshops/${workshop}/registration/open`, {});
      const last = await written(`/workshops/${workshop}/registrations`, { person: { name: 'Bertta Mäki', organizationId: lapinAmk }, organizationId: lapinAmk, attendanceMode: 'remote' });

      const listed = await api.get<{ items: Array<{ chainId: string; followsChainId?: string | null }> }>(`/chains?limit=100&consistentWith=${last.position}`);
      expect(listed.body.items.find((c) => c.chainId === chain2024)?.followsChainId).toBe(chain2023);

      const lessons = await api.get<Lessons>(`/chains/${chain2024}/lessons?consistentWith=${last.position}`, { as: 'analyst' });
      expect(lessons.status).toBe(200);
      expect(lessons.body.chain).toMatchObject({ id: chain2024, followsChainId: chain2023, debrief: null, workshops: [{ workshopId: workshop, order: 0, title: KEMI_WORKSHOP.title, debrief: null }] });
      expect(lessons.body.predecessors).toEqual([
        expect.objectContaining({
          id: chain2023,
          followedBy: [chain2024],
          debrief: expect.objectContaining({ version: 1, whatWorked: 'The chain held together', authorRole: 'core-team' }),
          workshops: [expect.objectContaining({ workshopId: workshop2023, heldOn: '2023-09-12', debrief: expect.objectContaining({ version: 2, heldOn: '2023-09-19' }), earlierVersions: [expect.objectContaining({ version: 1 })] })],
        }),
      ]);
      // The organisation keeps its history across chains; people are only counted (analysts read this).
      expect(lessons.body.acrossChains.people).toEqual({ inThisChain: 1, alsoInOtherChains: 0 });
      expect(lessons.body.acrossChains.organizations).toEqual([
        expect.objectContaining({ organizationId: lapinAmk, inThisChain: [expect.objectContaining({ workshopId: workshop, parts: ['participant'] })], otherChains: [expect.objectContaining({ chainId: chain2023, workshops: [expect.objectContaining({ workshopId: workshop2023, parts: ['co-organizer', 'participant'] })] })] }),
      ]);
    });

    it('is read by back-office and analysts, not auditors; an unknown chain is 404', async () => {
      expect((await api.get(`/chains/${chain2024}/lessons`)).status).toBe(200);
      expect((await api.get(`/chains/${chain2024}/lessons`, { as: 'auditor' })).status).toBe(403);
      expect((await api.get<Problem>(`/chains/${randomUUID()}/lessons`)).body.code).toBe('CHAIN.NOT_FOUND');
    });
  });

  it('documents the routes and what their business date records', async () => {
    const { body } = await api.get<{ paths: Record<string, Record<string, { description?: string; 'x-business-date'?: { command: string } }>> }>('/docs/json', { as: null });
    expect(body.paths['/workshops/{id}/debrief']?.post?.['x-business-date']?.command).toBe('RecordWorkshopDebrief');
    expect(body.paths['/chains/{id}/debrief']?.post?.['x-business-date']?.command).toBe('RecordChainDebrief');
    expect(body.paths['/chains/{id}/lessons']?.get).toBeDefined();
  });
});
