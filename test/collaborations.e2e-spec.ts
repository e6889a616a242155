import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { ExecuteDomainCommand } from '@kuhina/application';
import { apiHarness, type ApiHarness, type Problem, type Written } from './support/api-harness';


describe('HTTP: collaborations', () => {
  let api: ApiHarness;
  let pori: string;
  let msl: string;
  let ohjaamo: string;
  const suomiAreena = randomUUID();
  beforeAll(async () => {
    api = await apiHarness();
    const organization = async (name: string, sector: string) => (await api.post<Written>('/organizations', { name, sector, municipality: 'Pori', region: 'Satakunta' })).body.id;
    pori = await organization('Porin kaupunki', 'public-administration');
    msl = await organization('Maaseudun Sivistysliitto (MSL)', 'ngo');
    ohjaamo = await organization('Porin Ohjaamo', 'public-administration');
    // Planned through the bus: this suite is about collaborations, not about the workshop routes.
    await api.app.get(CommandBus).execute(
      new ExecuteDomainCommand(
        'workshop',
        {
          type: 'PlanWorkshop',
          data: {
            workshopId: suomiAreena,
            chainId: null,
            title: 'Penkkikahvila Suomi Areenalla',
            theme: 'Kansalaisten kuuleminen',
            method: 'Penkkikahvila',
            kind: 'street-event',
            format: 'in-person',
            location: { venue: 'Teltta, Yrjönkatu', municipality: 'Pori', region: 'Satakunta' },
            startsAt: '2023-07-12T10:00:00+03:00',
            endsAt: '2023-07-12T16:00:00+03:00',
            targetGroups: ['citizens'],
            access: 'open',
            capacity: null,
            coOrganizerIds: [pori, msl],
          },
          at: '2023-05-01T09:00:00.000Z',
        },
        { commandId: randomUUID(), actor: 'e2e', correlationId: randomUUID() },
      ),
    );
  });
  afterAll(() => api.close());

  const unknownId = '7c1b0f5e-4b7a-4f63-9d55-3c1e2a9b8d70';
  const benchCafes = () => ({
    organizationIds: [pori, msl],
    sparkedByWorkshopId: suomiAreena,
    title: 'Penkkikahvilat Satakunnan kunnissa',
    description: 'The bench café method taken to more municipalities after Suomi Areena.',
    startedOn: '2023-09-01',
  });

  const headPosition = (): Promise<string> => api.headPosition();
  /** Runs a refused request and checks that the log did not move. */
  const refused = async <T>(request: () => Promise<T>): Promise<T> => {
    const before = await headPosition();
    const answer = await request();
    expect(await headPosition()).toBe(before);
    return answer;
  };
  const record = async (over: Record<string, unknown> = {}) => (await api.post<Written>('/collaborations', { ...benchCafes(), ...over })).body.id;

  describe('POST /collaborations', () => {
    it('records a collaboration: 201 { id, position } with ETag "0"; GET answers it from the aggregate, also to an analyst', async () => {
      const created = await api.post<Written>('/collaborations', { ...benchCafes(), occurredAt: '2023-09-01T12:00:00+03:00' });
      const read = await api.get<Record<string, unknown>>(`/collaborations/${created.body.id}?consistentWith=${created.body.position}`, { as: 'analyst' });

      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), position: expect.stringMatching(/^\d+$/) });
      expect(created.headers.etag).toBe('"0"');
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"0"');
      expect(read.body).toEqual({
        id: created.body.id,
        ...benchCafes(),
        status: 'active',
        foundingOrganizationIds: [pori, msl],
        recordedAt: '2023-09-01T09:00:00.000Z',
        endedOn: null,
        outcome: null,
      });
    });

    it('needs no workshop and no description', async () => {
      const { organizationIds, title, startedOn } = benchCafes();

      const id = (await api.post<Written>('/collaborations', { organizationIds, title, startedOn })).body.id;

      expect((await api.get<Record<string, unknown>>(`/collaborations/${id}?consistentWith=${await headPosition()}`)).body).toMatchObject({ sparkedByWorkshopId: null, description: '' });
    });

    it('answers 400 naming each bad field and rule, and records nothing', async () => {
      const answer = await refused(() =>
        api.post<Problem>('/collaborations', { ...benchCafes(), organizationIds: [pori, 'msl'], title: '', startedOn: '1.9.2023', sparkedByWorkshopId: 'areena', occurredAt: '2023-W35' }),
      );

      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'body.organizationIds', rule: 'isUuid' }),
          expect.objectContaining({ field: 'body.title', rule: 'isLength' }),
          expect.objectContaining({ field: 'body.startedOn', rule: 'isIso8601' }),
          expect.objectContaining({ field: 'body.sparkedByWorkshopId', rule: 'isUuid' }),
          // Strict ISO 8601 (a week date), but not a date-time with an offset: it used to reach the handler and fail there.
          expect.objectContaining({ field: 'body.occurredAt', rule: 'matches' }),
        ]),
      );
    });

    it('answers 400 COLLABORATION.TOO_FEW_PARTNERS for one partner and COLLABORATION.DUPLICATE_PARTNER for one listed twice', async () => {
      const one = await refused(() => api.post<Problem>('/collaborations', { ...benchCafes(), organizationIds: [pori] }));
      const twice = await refused(() => api.post<Problem>('/collaborations', { ...benchCafes(), organizationIds: [pori, msl, pori] }));

      expect([one.status, one.body.code]).toEqual([400, 'COLLABORATION.TOO_FEW_PARTNERS']);
      expect([twice.status, twice.body.code]).toEqual([400, 'COLLABORATION.DUPLICATE_PARTNER']);
    });

    it('answers 404 ORGANIZATION.NOT_FOUND and WORKSHOP.NOT_FOUND for references to nothing', async () => {
      const organization = await refused(() => api.post<Problem>('/collaborations', { ...benchCafes(), organizationIds: [pori, unknownId] }));
      const workshop = await refused(() => api.post<Problem>('/collaborations', { ...benchCafes(), sparkedByWorkshopId: unknownId }));

      expect([organization.status, organization.body.code]).toEqual([404, 'ORGANIZATION.NOT_FOUND']);
      expect([workshop.status, workshop.body.code]).toEqual([404, 'WORKSHOP.NOT_FOUND']);
    });

    it('answers 409 COLLABORATION.ALREADY_EXISTS for another collaboration under a taken id', async () => {
      const id = await record({ id: randomUUID() });

      const answer = await refused(() => api.post<Problem>('/collaborations', { ...benchCafes(), id, title: 'Toinen yhteistyö' }));

      expect([answer.status, answer.body.code]).toEqual([409, 'COLLABORATION.ALREADY_EXISTS']);
    });

    it('answers 403 to an analyst, and a retry with the same Idempotency-Key with the first answer', async () => {
      const forbidden = await refused(() => api.post<Problem>('/collaborations', benchCafes(), { as: 'analyst' }));
      const key = api.newKey();
      const first = await api.post<Written>('/collaborations', benchCafes(), { headers: { 'idempotency-key': key } });
      const retry = await refused(() => api.post<Written>('/collaborations', benchCafes(), { headers: { 'idempotency-key': key } }));

      expect([forbidden.status, forbidden.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
      expect([retry.status, retry.body]).toEqual([201, first.body]);
    });
  });

  describe('POST /collaborations/:id/partners', () => {
    it('adds a partner: 200 with the next ETag; GET lists it after the founders', async () => {
      const id = await record();

      const added = await api.post<Written>(`/collaborations/${id}/partners`, { organizationId: ohjaamo, joinedOn: '2023-11-15' });
      const read = await api.get<{ organizationIds: string[]; foundingOrganizationIds: string[] }>(`/collaborations/${id}?consistentWith=${added.body.position}`);

      expect(added.status).toBe(200);
      expect(added.body).toEqual({ id, position: expect.stringMatching(/^\d+$/) });
      expect(added.headers.etag).toBe('"1"');
      expect(read.body.organizationIds).toEqual([pori, msl, ohjaamo]);
      expect(read.body.foundingOrganizationIds).toEqual([pori, msl]);
    });

    it('answers 400 for a bad joinedOn, and COLLABORATION.DATE_BEFORE_START for one before the start', async () => {
      const id = await record();

      const invalid = await refused(() => api.post<Problem>(`/collaborations/${id}/partners`, { organizationId: ohjaamo, joinedOn: '2023-13-01' }));
      const early = await refused(() => api.post<Problem>(`/collaborations/${id}/partners`, { organizationId: ohjaamo, joinedOn: '2023-08-31' }));

      expect(invalid.status).toBe(400);
      expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'body.joinedOn', rule: 'isIso8601' })]);
      expect([early.status, early.body.code]).toEqual([400, 'COLLABORATION.DATE_BEFORE_START']);
    });

    it('answers 404 COLLABORATION.NOT_FOUND and ORGANIZATION.NOT_FOUND', async () => {
      const id = await record();

      const collaboration = await refused(() => api.post<Problem>(`/collaborations/${unknownId}/partners`, { organizationId: ohjaamo }));
      const organization = await refused(() => api.post<Problem>(`/collaborations/${id}/partners`, { organizationId: unknownId }));

      expect([collaboration.status, collaboration.body.code]).toEqual([404, 'COLLABORATION.NOT_FOUND']);
      expect([organization.status, organization.body.code]).toEqual([404, 'ORGANIZATION.NOT_FOUND']);
    });

    it('answers 409 COLLABORATION.ENDED once the collaboration has ended', async () => {
      const id = await record();
      await api.post(`/collaborations/${id}/end`, { endedOn: '2024-06-30', outcome: 'Method adopted' });

      const answer = await refused(() => api.post<Problem>(`/collaborations/${id}/partners`, { organizationId: ohjaamo, joinedOn: '2024-05-01' }));

      expect([answer.status, answer.body.code]).toEqual([409, 'COLLABORATION.ENDED']);
    });

    it('answers 412 for a stale If-Match and 403 to an analyst', async () => {
      const id = await record();
      await api.post(`/collaborations/${id}/partners`, { organizationId: ohjaamo, joinedOn: '2023-11-15' });
      const { body: fourth } = await api.post<Written>('/organizations', { name: 'Satakunnan ammattikorkeakoulu', sector: 'higher-education' });

      const stale = await refused(() => api.post<Problem>(`/collaborations/${id}/partners`, { organizationId: fourth.id }, { headers: { 'if-match': '"0"' } }));
      const forbidden = await refused(() => api.post<Problem>(`/collaborations/${id}/partners`, { organizationId: fourth.id }, { as: 'analyst' }));

      expect([stale.status, stale.body.code]).toEqual([412, 'STREAM.STALE_REVISION']);
      expect(forbidden.status).toBe(403);
    });
  });

  describe('POST /collaborations/:id/end', () => {
    it('ends it: 200; GET shows status, date and outcome', async () => {
      const id = await record();

      const ended = await api.post<Written>(`/collaborations/${id}/end`, { endedOn: '2024-06-30', outcome: 'Bench cafés held in four municipalities' });
      const read = await api.get<Record<string, unknown>>(`/collaborations/${id}?consistentWith=${ended.body.position}`);

      expect(ended.status).toBe(200);
      expect(ended.body).toEqual({ id, position: expect.stringMatching(/^\d+$/) });
      expect(ended.headers.etag).toBe('"1"');
      expect(read.body).toMatchObject({ status: 'ended', endedOn: '2024-06-30', outcome: 'Bench cafés held in four municipalities' });
    });

    it('answers 409 COLLABORATION.ENDED to ending again differently', async () => {
      const id = await record();
      await api.post(`/collaborations/${id}/end`, { endedOn: '2024-06-30', outcome: 'Method adopted' });

      const answer = await refused(() => api.post<Problem>(`/collaborations/${id}/end`, { endedOn: '2024-07-31', outcome: 'Something else' }));

      expect([answer.status, answer.body.code]).toEqual([409, 'COLLABORATION.ENDED']);
    });

    it('answers 400 for a blank outcome, 404 for an unknown collaboration, 403 to an analyst, 412 for a stale If-Match', async () => {
      const id = await record();
      await api.post(`/collaborations/${id}/partners`, { organizationId: ohjaamo, joinedOn: '2023-11-15' });

      const invalid = await refused(() => api.post<Problem>(`/collaborations/${id}/end`, { endedOn: '2024-06-30', outcome: '' }));
      const missing = await refused(() => api.post<Problem>(`/collaborations/${unknownId}/end`, { endedOn: '2024-06-30', outcome: 'Done' }));
      const forbidden = await refused(() => api.post<Problem>(`/collaborations/${id}/end`, { endedOn: '2024-06-30', outcome: 'Done' }, { as: 'analyst' }));
      const stale = await refused(() => api.post<Problem>(`/collaborations/${id}/end`, { endedOn: '2024-06-30', outcome: 'Done' }, { headers: { 'if-match': '"0"' } }));

      expect(invalid.status).toBe(400);
      expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'body.outcome', rule: 'isLength' })]);
      expect([missing.status, missing.body.code]).toEqual([404, 'COLLABORATION.NOT_FOUND']);
      expect(forbidden.status).toBe(403);
      expect([stale.status, stale.body.code]).toEqual([412, 'STREAM.STALE_REVISION']);
    });
  });

  describe('GET /collaborations/:id', () => {
    it('answers 404 COLLABORATION.NOT_FOUND for an unknown collaboration and 400 for an id that is not a UUID', async () => {
      const missing = await api.get<Problem>(`/collaborations/${unknownId}`);
      const bad = await api.get<Problem>('/collaborations/bench-cafes');

      expect([missing.status, missing.body.code]).toEqual([404, 'COLLABORATION.NOT_FOUND']);
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'param.id', rule: 'isUUID' })]);
    });
  });
});
