import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { ExecuteDomainCommand } from '@kuhina/application';
import { apiHarness, type ApiHarness, type Problem, type Written } from './support/api-harness';


describe('HTTP: chains', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    // A 2023 chain edited today: these tests are about the chain's rules, not the back-dating margin (business-time.e2e-spec.ts).
    api = await apiHarness({ env: { KUHINA_BACKDATE_MARGIN_DAYS: '99999' } });
  });
  afterAll(() => api.close());

  const chain2023 = {
    name: 'Sosiaalisten innovaatioiden osaamiskeskuksen valmistelu: koulutukselliset kehittämistyöpajat',
    fundingProgramme: 'European Social Fund Plus (ESF+) 2021–2027',
    esfOperationId: 'DEMO-ESF-2023-001',
    periodStart: '2023-01-01',
    periodEnd: '2023-12-31',
    description: 'Five developmental workshops, April–October 2023.',
  };
  const unknownId = '7c1b0f5e-4b7a-4f63-9d55-3c1e2a9b8d70';

  const headPosition = (): Promise<string> => api.headPosition();
  /** Runs a refused request and checks that the log did not move. */
  const refused = async <T>(request: () => Promise<T>): Promise<T> => {
    const before = await headPosition();
    const answer = await request();
    expect(await headPosition()).toBe(before);
    return answer;
  };
  const startChain = async (over: Record<string, unknown> = {}) => (await api.post<Written>('/chains', { ...chain2023, ...over })).body.id;

  describe('POST /chains', () => {
    it('starts a chain: 201 { id, position } with ETag "0"; GET answers it from the chain views with the same ETag, also to an analyst', async () => {
      const started = await api.post<Written>('/chains', { ...chain2023, occurredAt: '2023-01-02T09:00:00+02:00' });
      const read = await api.get<Record<string, unknown>>(`/chains/${started.body.id}?consistentWith=${started.body.position}`, { as: 'analyst' });

      expect(started.status).toBe(201);
      expect(started.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), position: expect.stringMatching(/^\d+$/) });
      expect(started.headers.etag).toBe('"0"');
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"0"');
      expect(read.body).toEqual({
        id: started.body.id,
        ...chain2023,
        status: 'active',
        startedAt: '2023-01-02T07:00:00.000Z',
        workshopIds: [],
        lastPaidOn: null,
        retentionEndsOn: null,
        hubOrganizationId: null,
        chainMeetings: { partner: 0, coreTeam: 0 },
        chainExpenses: { count: 0, totalCents: 0, byCategory: {}, voidedCount: 0, correctedCount: 0 },
        chainStaffMinutes: { count: 0, totalMinutes: 0, voidedCount: 0, byActivity: { planning: 0, running: 0, 'follow-up': 0, meeting: 0 } },
        closedAt: null,
        closeReason: null,
        workshops: [],
        totals: expect.objectContaining({ workshops: 0, uniqueParticipants: 0 }),
      });
      expect(read.headers['x-projection-position']).toBe(started.body.position);
    });

    it('takes a client-chosen id, and defaults the description to empty', async () => {
      const id = randomUUID();
      const { description: _omitted, ...withoutDescription } = chain2023;

      const started = await api.post<Written>('/chains', { ...withoutDescription, id });

      expect([started.status, started.body.id]).toEqual([201, id]);
      expect((await api.get<{ description: string }>(`/chains/${id}?consistentWith=${started.body.position}`)).body.description).toBe('');
    });

    it('answers 400 naming each bad field and rule, and records nothing', async () => {
      const answer = await refused(() => api.post<Problem>('/chains', { ...chain2023, name: '', periodStart: '2023-02-30', periodEnd: '31.12.2023', budget: 1 }));

      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('REQUEST.INVALID');
      expect(answer.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'body.name', rule: 'isLength' }),
          expect.objectContaining({ field: 'body.periodStart', rule: 'isIso8601' }),
          expect.objectContaining({ field: 'body.periodEnd', rule: 'matches' }),
          expect.objectContaining({ field: 'body.budget', rule: 'whitelistValidation' }),
        ]),
      );
    });

    it('answers 400 CHAIN.PERIOD_INVALID for a period that ends before it starts', async () => {
      const answer = await refused(() => api.post<Problem>('/chains', { ...chain2023, periodEnd: '2022-12-31' }));

      expect([answer.status, answer.body.code]).toEqual([400, 'CHAIN.PERIOD_INVALID']);
    });

    it('answers 409 CHAIN.ALREADY_EXISTS for another chain under a taken id', async () => {
      const id = await startChain({ id: randomUUID() });

      const answer = await refused(() => api.post<Problem>('/chains', { ...chain2023, id, name: 'Toinen ketju' }));

      expect([answer.status, answer.body.code]).toEqual([409, 'CHAIN.ALREADY_EXISTS']);
    });

    it('answers 403 to an analyst and records nothing', async () => {
      const answer = await refused(() => api.post<Problem>('/chains', chain2023, { as: 'analyst' }));

      expect([answer.status, answer.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
    });

    it('answers a retry with the same Idempotency-Key with the first answer and appends nothing', async () => {
      const key = api.newKey();
      const first = await api.post<Written>('/chains', chain2023, { headers: { 'idempotency-key': key } });

      const retry = await refused(() => api.post<Written>('/chains', chain2023, { headers: { 'idempotency-key': key } }));

      expect([retry.status, retry.body]).toEqual([201, first.body]);
    });
  });

  describe('POST /chains/:id/details', () => {
    it('changes only the fields sent: 200 { id, position } with the next ETag', async () => {
      const id = await startChain();

      const answer = await api.post<Written>(`/chains/${id}/details`, { periodEnd: '2024-03-31' });
      const read = await api.get<Record<string, unknown>>(`/chains/${id}?consistentWith=${answer.body.position}`);

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ id, position: expect.stringMatching(/^\d+$/) });
      expect(answer.headers.etag).toBe('"1"');
      expect(read.body).toMatchObject({ ...chain2023, periodEnd: '2024-03-31' });
    });

    it('answers 412 STREAM.STALE_REVISION for a stale If-Match, and applies a current one', async () => {
      const id = await startChain();
      await api.post(`/chains/${id}/details`, { description: 'First edit' });

      const stale = await refused(() => api.post<Problem & { currentRevision: number }>(`/chains/${id}/details`, { description: 'Second edit' }, { headers: { 'if-match': '"0"' } }));
      const current = await api.post<Written>(`/chains/${id}/details`, { description: 'Second edit' }, { headers: { 'if-match': '"1"' } });

      expect([stale.status, stale.body.code, stale.body.currentRevision]).toEqual([412, 'STREAM.STALE_REVISION', 1]);
      expect([current.status, current.headers.etag]).toEqual([200, '"2"']);
    });

    it('answers 400 for null or blank fields, naming them', async () => {
      const id = await startChain();

      const answer = await refused(() => api.post<Problem>(`/chains/${id}/details`, { name: null, esfOperationId: '' }));

      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'body.name', rule: 'isString' }), expect.objectContaining({ field: 'body.esfOperationId', rule: 'isLength' })]),
      );
    });

    it('answers 404 CHAIN.NOT_FOUND for an unknown chain and 403 to an analyst', async () => {
      const id = await startChain();

      const missing = await refused(() => api.post<Problem>(`/chains/${unknownId}/details`, { name: 'x' }));
      const forbidden = await refused(() => api.post<Problem>(`/chains/${id}/details`, { name: 'x' }, { as: 'analyst' }));

      expect([missing.status, missing.body.code]).toEqual([404, 'CHAIN.NOT_FOUND']);
      expect(forbidden.status).toBe(403);
    });
  });

  describe('POST /chains/:id/last-payment', () => {
    it('records the last payment: 200 { id, position, retentionEndsOn } and the chain shows both', async () => {
      const id = await startChain();

      const answer = await api.post<Written & { retentionEndsOn: string }>(`/chains/${id}/last-payment`, { paidOn: '2024-03-28' });
      const read = await api.get<Record<string, unknown>>(`/chains/${id}?consistentWith=${answer.body.position}`);

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ id, position: expect.stringMatching(/^\d+$/), retentionEndsOn: '2029-12-31' });
      expect(answer.headers.etag).toBe('"1"');
      expect(read.body).toMatchObject({ lastPaidOn: '2024-03-28', retentionEndsOn: '2029-12-31' });
    });

    it('answers 409 CHAIN.PAYMENT_BEFORE_LAST_PAYMENT for an earlier date', async () => {
      const id = await startChain();
      await api.post(`/chains/${id}/last-payment`, { paidOn: '2024-03-28' });

      const answer = await refused(() => api.post<Problem>(`/chains/${id}/last-payment`, { paidOn: '2024-01-15' }));

      expect([answer.status, answer.body.code]).toEqual([409, 'CHAIN.PAYMENT_BEFORE_LAST_PAYMENT']);
    });

    it('answers 400 for a date that is not YYYY-MM-DD, 404 for an unknown chain, 403 to an analyst', async () => {
      const id = await startChain();

      const invalid = await refused(() => api.post<Problem>(`/chains/${id}/last-payment`, { paidOn: '2024-03-28T12:00:00Z' }));
      const missing = await refused(() => api.post<Problem>(`/chains/${unknownId}/last-payment`, { paidOn: '2024-03-28' }));
      const forbidden = await refused(() => api.post<Problem>(`/chains/${id}/last-payment`, { paidOn: '2024-03-28' }, { as: 'analyst' }));

      expect(invalid.status).toBe(400);
      expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'body.paidOn', rule: 'matches' })]);
      expect([missing.status, missing.body.code]).toEqual([404, 'CHAIN.NOT_FOUND']);
      expect(forbidden.status).toBe(403);
    });

    it('answers 412 for a stale If-Match', async () => {
      const id = await startChain();
      await api.post(`/chains/${id}/details`, { description: 'edited' });

      const answer = await refused(() => api.post<Problem>(`/chains/${id}/last-payment`, { paidOn: '2024-03-28' }, { headers: { 'if-match': '"0"' } }));

      expect([answer.status, answer.body.code]).toEqual([412, 'STREAM.STALE_REVISION']);
    });
  });

  describe('POST /chains/:id/close', () => {
    it('closes the chain: 200, and the chain shows status, date and reason', async () => {
      const id = await startChain();

      const answer = await api.post<Written>(`/chains/${id}/close`, { reason: 'All five workshops held and reported', occurredAt: '2024-01-10T10:00:00Z' });
      const read = await api.get<Record<string, unknown>>(`/chains/${id}?consistentWith=${answer.body.position}`);

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ id, position: expect.stringMatching(/^\d+$/) });
      expect(answer.headers.etag).toBe('"1"');
      expect(read.body).toMatchObject({ status: 'closed', closedAt: '2024-01-10T10:00:00.000Z', closeReason: 'All five workshops held and reported' });
    });

    it('answers 409 CHAIN.CLOSED to detail changes and to closing again for another reason, but still takes the last payment', async () => {
      const id = await startChain();
      await api.post(`/chains/${id}/close`, { reason: 'Operation ended' });

      const details = await refused(() => api.post<Problem>(`/chains/${id}/details`, { name: 'Renamed' }));
      const again = await refused(() => api.post<Problem>(`/chains/${id}/close`, { reason: 'Another reason' }));
      const payment = await api.post<Written>(`/chains/${id}/last-payment`, { paidOn: '2024-03-28' });

      expect([details.status, details.body.code]).toEqual([409, 'CHAIN.CLOSED']);
      expect([again.status, again.body.code]).toEqual([409, 'CHAIN.CLOSED']);
      expect(payment.status).toBe(200);
    });

    it('answers 400 for a blank reason, 404 for an unknown chain, 403 to an analyst', async () => {
      const id = await startChain();

      const invalid = await refused(() => api.post<Problem>(`/chains/${id}/close`, { reason: '' }));
      const missing = await refused(() => api.post<Problem>(`/chains/${unknownId}/close`, { reason: 'Ended' }));
      const forbidden = await refused(() => api.post<Problem>(`/chains/${id}/close`, { reason: 'Ended' }, { as: 'analyst' }));

      expect(invalid.status).toBe(400);
      expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'body.reason', rule: 'isLength' })]);
      expect([missing.status, missing.body.code]).toEqual([404, 'CHAIN.NOT_FOUND']);
      expect(forbidden.status).toBe(403);
    });
  });

  describe('GET /chains/:id', () => {
    it('lists the workshop ids in chain order', async () => {
      const id = await startChain();
      const workshops = [randomUUID(), randomUUID(), randomUUID()];
      for (const workshopId of workshops) {
        await api.app
          .get(CommandBus)
          .execute(
            new ExecuteDomainCommand('chain', { type: 'AddWorkshopToChain', data: { chainId: id, workshopId }, at: '2023-03-01T09:00:00.000Z' }, { commandId: randomUUID(), actor: 'e2e', correlationId: randomUUID() }),
          );
      }

      const read = await api.get<{ workshopIds: string[] }>(`/chains/${id}?consistentWith=${await headPosition()}`);

      expect(read.body.workshopIds).toEqual(workshops);
      expect(read.headers.etag).toBe('"3"');
    });

    it('answers 404 CHAIN.NOT_FOUND for an unknown chain and 400 for an id that is not a UUID', async () => {
      const missing = await api.get<Problem>(`/chains/${unknownId}`);
      const bad = await api.get<Problem>('/chains/rauma');

      expect([missing.status, missing.body.code]).toEqual([404, 'CHAIN.NOT_FOUND']);
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'param.id', rule: 'isUUID' })]);
    });
  });
});
