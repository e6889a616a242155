import { randomUUID } from 'node:crypto';
import { chainStream, staffStream, workshopStream } from '@kuhina/domain';
import { apiHarness, type ApiHarness, type Problem, type Written } from './support/api-harness';
import { KEMI_WORKSHOP } from './support/workshop-fixtures';

// Issue 15, point 2, over HTTP: a person becomes a staff member by getting an hourly rate (kept on their own stream,
// apart from their sealed personal data), and only then can their hours be recorded, on a workshop or on the chain,
// each hour on a day a rate covers.

const SPRING = { hourlyRateCents: 4_200, validFrom: '2023-01-01', validUntil: '2023-06-30', basis: 'Monthly salary 4,100 € + 24 % side costs / 121 h' };
const AUTUMN = { hourlyRateCents: 4_350, validFrom: '2023-08-01', validUntil: null, basis: 'Monthly salary 4,250 € + 24 % side costs / 121 h' };
const hours = (personId: string, body: Record<string, unknown> = {}) => ({ personId, activity: 'planning', workedOn: '2023-09-01', minutes: 90, note: 'Programme planned with Lapland UAS', ...body });

describe('HTTP: staff members, their hourly rates and their hours', () => {
  let api: ApiHarness;
  let chainId: string;
  let workshopId: string;
  let staff: string;
  let participant: string;

  const person = async (name: string): Promise<string> => (await api.post<Written>('/people', { name })).body.id;
  const setRate = (personId: string, body: Record<string, unknown>, options?: Parameters<ApiHarness['post']>[2]) => api.post<Written & Problem>(`/people/${personId}/hourly-rates`, body, options);
  const events = async (stream: string) =>
    (await api.store().readStream(stream)).map((event) => ({ type: event.type, data: event.data as Record<string, unknown>, occurredAt: event.metadata.occurredAt }));
  /** The fields a 400 names (each once, though it may name several rules of one field). */
  const fields = (problem: Problem): string[] => [...new Set(problem.errors?.map((e) => e.field))];
  /** Sends a request that must be refused, and checks that the log did not move. */
  const refused = async <T>(send: () => Promise<{ status: number; body: T }>): Promise<{ status: number; body: T }> => {
    const before = await api.headPosition();
    const answer = await send();
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(await api.headPosition()).toBe(before);
    return answer;
  };

  beforeAll(async () => {
    api = await apiHarness();
    const hub = await api.post<Written>('/organizations', { name: 'Sosiaalisten innovaatioiden osaamiskeskus', sector: 'public-administration', municipality: 'Helsinki', region: 'Uusimaa' });
    const chain = await api.post<Written>('/chains', {
      name: 'Staff hours chain',
      fundingProgramme: 'ESF+ 2021–2027',
      esfOperationId: 'E2E-HOURS',
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
      hubOrganizationId: hub.body.id,
    });
    chainId = chain.body.id;
    const planned = await api.post<Written>('/workshops', { ...KEMI_WORKSHOP, chainId });
    expect(planned.status).toBe(201);
    workshopId = planned.body.id;
    staff = await person('Kaisa Ydintiimi');
    participant = await person('Pekka Osallistuja');
  }, 60_000);
  afterAll(() => api.close());

  it('refuses hours of a person with no hourly rate: 422 STAFF.NOT_STAFF, nothing appended', async () => {
    const answer = await refused(() => api.post<Problem>(`/workshops/${workshopId}/staff-hours`, hours(participant)));
    const onChain = await refused(() => api.post<Problem>(`/chains/${chainId}/staff-hours`, hours(participant)));

    expect([answer.status, answer.body.code]).toEqual([422, 'STAFF.NOT_STAFF']);
    expect([onChain.status, onChain.body.code]).toEqual([422, 'STAFF.NOT_STAFF']);
    expect(await api.store().readStream(staffStream(participant))).toEqual([]);
  });

  describe('a core-team member with a spring and an autumn rate', () => {
    let springId: string;
    beforeAll(async () => {
      const spring = await setRate(staff, SPRING);
      const autumn = await setRate(staff, AUTUMN);
      expect([spring.status, autumn.status]).toEqual([201, 201]);
      springId = spring.body.id;
    });

    it("keeps the rates on the staff member's own stream, in clear: 201 { id, position } and the stream's revision as ETag", async () => {
      const again = await setRate(staff, { ...SPRING, id: springId });

      expect(again.status).toBe(201);
      expect(again.headers.etag).toBe('"1"');
      const rates = await events(staffStream(staff));
      expect(rates.map((e) => [e.type, e.data.rateId, e.data.hourlyRateCents, e.data.validUntil])).toEqual([
        ['HourlyRateSet', springId, 4_200, '2023-06-30'],
        ['HourlyRateSet', expect.any(String), 4_350, null],
      ]);
      // A register fact: dated when it was set, whatever period it covers.
      expect(Date.parse(rates[0]!.occurredAt)).toBeGreaterThan(Date.parse('2024-01-01'));
    });

    it('refuses a rate overlapping another (an hour must have one cost): 409 STAFF.RATE_OVERLAP, nothing appended', async () => {
      const answer = await refused(() => setRate(staff, { ...SPRING, validFrom: '2023-06-01', validUntil: '2023-08-15' }));

      expect([answer.status, answer.body.code]).toEqual([409, 'STAFF.RATE_OVERLAP']);
    });

    it('refuses hours on a day no rate covers (the July gap, before the first): 422 STAFF.NO_RATE_ON_DATE, nothing appended', async () => {
      for (const workedOn of ['2023-07-14', '2022-12-31']) {
        const answer = await refused(() => api.post<Problem>(`/workshops/${workshopId}/staff-hours`, hours(staff, { workedOn })));
        expect([workedOn, answer.status, answer.body.code]).toEqual([workedOn, 422, 'STAFF.NO_RATE_ON_DATE']);
      }
      const onChain = await refused(() => api.post<Problem>(`/chains/${chainId}/staff-hours`, hours(staff, { workedOn: '2023-07-14' })));
      expect(onChain.body.code).toBe('STAFF.NO_RATE_ON_DATE');
    });

    it('records hours on the workshop (201), dated by workedOn at the workshop’s time of day; a retry with the same Idempotency-Key appends nothing', async () => {
      const key = randomUUID();
      const first = await api.post<Written>(`/workshops/${workshopId}/staff-hours`, hours(staff), { headers: { 'idempotency-key': key } });
      const head = await api.headPosition();
      const retry = await api.post<Written>(`/workshops/${workshopId}/staff-hours`, hours(staff), { headers: { 'idempotency-key': key } });

      expect(first.status).toBe(201);
      expect(first.body).toEqual({ id: expect.any(String), position: expect.stringMatching(/^\d+$/) });
      expect(retry.body).toEqual(first.body);
      expect(await api.headPosition()).toBe(head);
      const recorded = (await events(workshopStream(workshopId))).filter((e) => e.type === 'StaffHoursRecorded');
      expect(recorded).toEqual([
        {
          type: 'StaffHoursRecorded',
          data: expect.objectContaining({ entryId: first.body.id, personId: staff, activity: 'planning', workedOn: '2023-09-01', minutes: 90, note: 'Programme planned with Lapland UAS' }),
          // Kemi's workshop starts at 12:00 (+03:00).
          occurredAt: '2023-09-01T09:00:00.000Z',
        },
      ]);
    });

    it('records hours on the chain as a whole (201), dated by workedOn at noon UTC; a retry appends nothing', async () => {
      const key = randomUUID();
      const body = hours(staff, { activity: 'meeting', workedOn: '2023-05-10', minutes: 60, note: undefined });
      const first = await api.post<Written>(`/chains/${chainId}/staff-hours`, body, { headers: { 'idempotency-key': key } });
      const head = await api.headPosition();
      const retry = await api.post<Written>(`/chains/${chainId}/staff-hours`, body, { headers: { 'idempotency-key': key } });

      expect(first.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(await api.headPosition()).toBe(head);
      const recorded = (await events(chainStream(chainId))).filter((e) => e.type === 'ChainStaffHoursRecorded');
      expect(recorded).toEqual([
        {
          type: 'ChainStaffHoursRecorded',
          data: expect.objectContaining({ entryId: first.body.id, personId: staff, activity: 'meeting', minutes: 60, note: '' }),
          occurredAt: '2023-05-10T12:00:00.000Z',
        },
      ]);
    });

    it('voids hours on the workshop and on the chain (200); voiding again records nothing; an unknown entry is 404 STAFF_HOURS.NOT_FOUND', async () => {
      const onWorkshop = (await api.post<Written>(`/workshops/${workshopId}/staff-hours`, hours(staff, { activity: 'follow-up', workedOn: '2023-09-20', minutes: 45 }))).body.id;
      const onChain = (await api.post<Written>(`/chains/${chainId}/staff-hours`, hours(staff, { workedOn: '2023-03-02', minutes: 30 }))).body.id;
      const reason = { reason: 'Entered twice' };

      const voided = await api.post<Written>(`/workshops/${workshopId}/staff-hours/${onWorkshop}/void`, reason);
      // A chain fact: the 2023 chain's period ended long ago, so the void says when it happened.
      const chainVoided = await api.post<Written>(`/chains/${chainId}/staff-hours/${onChain}/void`, { ...reason, occurredAt: '2023-10-02T10:00:00+03:00' });
      const head = await api.headPosition();
      const again = await api.post<Written>(`/workshops/${workshopId}/staff-hours/${onWorkshop}/void`, reason);

      expect([voided.status, chainVoided.status, again.status]).toEqual([200, 200, 200]);
      expect([voided.body.id, chainVoided.body.id]).toEqual([onWorkshop, onChain]);
      expect(await api.headPosition()).toBe(head);
      expect((await events(workshopStream(workshopId))).filter((e) => e.type === 'StaffHoursVoided').map((e) => e.data.entryId)).toEqual([onWorkshop]);
      expect((await events(chainStream(chainId))).filter((e) => e.type === 'ChainStaffHoursVoided')).toEqual([
        { type: 'ChainStaffHoursVoided', data: expect.objectContaining({ entryId: onChain, personId: staff, reason: 'Entered twice' }), occurredAt: '2023-10-02T07:00:00.000Z' },
      ]);
      const unknown = await refused(() => api.post<Problem>(`/workshops/${workshopId}/staff-hours/${randomUUID()}/void`, reason));
      const unknownOnChain = await refused(() => api.post<Problem>(`/chains/${chainId}/staff-hours/${randomUUID()}/void`, { ...reason, occurredAt: '2023-10-02T10:00:00+03:00' }));
      expect([unknown.status, unknown.body.code, unknownOnChain.status, unknownOnChain.body.code]).toEqual([404, 'STAFF_HOURS.NOT_FOUND', 404, 'STAFF_HOURS.NOT_FOUND']);
    });

    it('refuses other hours under a taken entry id: 409 STAFF_HOURS.ALREADY_EXISTS', async () => {
      const id = randomUUID();
      expect((await api.post(`/workshops/${workshopId}/staff-hours`, hours(staff, { id, workedOn: '2023-09-05' }))).status).toBe(201);

      const answer = await refused(() => api.post<Problem>(`/workshops/${workshopId}/staff-hours`, hours(staff, { id, workedOn: '2023-09-05', minutes: 120 })));

      expect([answer.status, answer.body.code]).toEqual([409, 'STAFF_HOURS.ALREADY_EXISTS']);
    });
  });

  it('refuses bad minutes and an unknown activity with 400 naming body.minutes / body.activity, on both scopes', async () => {
    for (const url of [`/workshops/${workshopId}/staff-hours`, `/chains/${chainId}/staff-hours`]) {
      for (const minutes of [0, 1441, 30.5, '90']) {
        const answer = await refused(() => api.post<Problem>(url, hours(staff, { minutes })));
        expect([url, minutes, answer.status, fields(answer.body)]).toEqual([url, minutes, 400, ['body.minutes']]);
      }
      const activity = await refused(() => api.post<Problem>(url, hours(staff, { activity: 'lunch' })));
      expect([activity.status, activity.body.errors]).toEqual([400, [expect.objectContaining({ field: 'body.activity', rule: 'isIn' })]]);
    }
  });

  it('refuses a rate of 0 cents, a bad period day and a missing validUntil with 400 naming the field', async () => {
    const zero = await refused(() => setRate(staff, { ...SPRING, validFrom: '2030-01-01', validUntil: '2030-12-31', hourlyRateCents: 0 }));
    const badDay = await refused(() => setRate(staff, { ...SPRING, validFrom: '2030-02-30', validUntil: '2030-12-31' }));
    const { validUntil: _left, ...noEnd } = SPRING;
    const missing = await refused(() => setRate(staff, { ...noEnd, validFrom: '2030-01-01' }));

    expect([zero.status, fields(zero.body)]).toEqual([400, ['body.hourlyRateCents']]);
    expect([badDay.status, fields(badDay.body)]).toEqual([400, ['body.validFrom']]);
    expect([missing.status, fields(missing.body)]).toEqual([400, ['body.validUntil']]);
  });

  it('gives analyst and auditor keys 403 on every write of rates, hours and chain costs, and appends nothing', async () => {
    const id = randomUUID();
    const writes: Array<[string, Record<string, unknown>]> = [
      [`/people/${staff}/hourly-rates`, { ...SPRING, validFrom: '2031-01-01', validUntil: '2031-12-31' }],
      [`/workshops/${workshopId}/staff-hours`, hours(staff)],
      [`/workshops/${workshopId}/staff-hours/${id}/void`, { reason: 'x' }],
      [`/chains/${chainId}/staff-hours`, hours(staff)],
      [`/chains/${chainId}/staff-hours/${id}/void`, { reason: 'x' }],
      [`/chains/${chainId}/expenses`, { category: 'travel', amountCents: 100, fundingSource: 'esf', receiptReference: 'R-1', description: 'Train', incurredOn: '2023-05-02' }],
      [`/chains/${chainId}/expenses/${id}/void`, { reason: 'x' }],
      [`/chains/${chainId}/expenses/${id}/correct`, { category: 'travel', amountCents: 100, fundingSource: 'esf', receiptReference: 'R-1', reason: 'x' }],
      [`/chains/${chainId}/flat-rate`, { basisPoints: 4000, reference: 'Funding decision' }],
    ];
    for (const [url, body] of writes) {
      for (const as of ['analyst', 'auditor'] as const) {
        const answer = await refused(() => api.post<Problem>(url, body, { as }));
        expect([url, as, answer.status, answer.body.code]).toEqual([url, as, 403, 'AUTH.FORBIDDEN']);
      }
    }
  });

  it('refuses a rate for an erased person (409 PERSON.ERASED) and for no one (404 PERSON.NOT_FOUND)', async () => {
    const leaver = await person('Erkki Poistettu');
    expect((await api.post(`/people/${leaver}/erase`, { reason: 'data subject request (GDPR Art. 17)' })).status).toBe(200);

    const erased = await refused(() => setRate(leaver, SPRING));
    const nobody = await refused(() => setRate(randomUUID(), SPRING));

    expect([erased.status, erased.body.code]).toEqual([409, 'PERSON.ERASED']);
    expect([nobody.status, nobody.body.code]).toEqual([404, 'PERSON.NOT_FOUND']);
  });
});
