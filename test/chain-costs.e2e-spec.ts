import { randomUUID } from 'node:crypto';
import type { AuditLedger } from '@kuhina/application';
import { chainStream } from '@kuhina/domain';
import { apiHarness, type ApiHarness, type Problem, type Written } from './support/api-harness';
import { KEMI_WORKSHOP } from './support/workshop-fixtures';

// Issue 15, points 2 and 3, over HTTP: the chain's own costs (expenses of the chain as a whole, with the workshop
// expenses' rules and EXPENSE.* codes), the flat rate it claims other costs with, and the date each write records.

const EXPENSE = {
  category: 'travel',
  amountCents: 38_400,
  fundingSource: 'esf',
  receiptReference: 'VR-2023-05-118204',
  description: "Core team's train tickets Helsinki–Kemi–Helsinki, partner meeting",
  incurredOn: '2023-05-16',
};
const CORRECTION = { category: 'travel', amountCents: 36_800, fundingSource: 'esf', receiptReference: 'VR-2023-05-118204', reason: 'One ticket refunded' };
// The 2023 chain's period ended long ago: a chain fact without a date of its own must say when it happened.
const WHEN = '2023-11-20T10:00:00+02:00';
const FLAT_RATE = { basisPoints: 4000, reference: 'Funding decision EURA-2023-0142, Art. 56(1) CPR 2021/1060', occurredAt: WHEN };

describe('HTTP: the chain’s own expenses and its flat rate', () => {
  let api: ApiHarness;
  let chainId: string;

  const startChain = async (name: string): Promise<string> =>
    (await api.post<Written>('/chains', { name, fundingProgramme: 'ESF+ 2021–2027', esfOperationId: `E2E-${name}`, periodStart: '2023-01-01', periodEnd: '2023-12-31' })).body.id;
  const chainEvents = async (id = chainId) =>
    (await api.store().readStream(chainStream(id))).map((event) => ({ type: event.type, data: event.data as Record<string, unknown>, occurredAt: event.metadata.occurredAt }));
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
    chainId = await startChain('Chain costs');
  }, 60_000);
  afterAll(() => api.close());

  describe('an expense of the chain as a whole', () => {
    let expenseId: string;
    beforeAll(async () => {
      const recorded = await api.post<Written>(`/chains/${chainId}/expenses`, EXPENSE);
      expect(recorded.status).toBe(201);
      expenseId = recorded.body.id;
    });

    it('is recorded on the chain’s stream, dated by incurredOn (noon UTC) without occurredAt', async () => {
      const recorded = (await chainEvents()).filter((e) => e.type === 'ChainExpenseRecorded');

      expect(recorded).toEqual([{ type: 'ChainExpenseRecorded', data: expect.objectContaining({ chainId, expenseId, ...EXPENSE }), occurredAt: '2023-05-16T12:00:00.000Z' }]);
    });

    it('takes the same expense again under its id as a retry; other figures under it are 409 EXPENSE.ALREADY_EXISTS', async () => {
      const head = await api.headPosition();
      const retry = await api.post<Written>(`/chains/${chainId}/expenses`, { ...EXPENSE, id: expenseId });
      expect([retry.status, retry.body.id, await api.headPosition()]).toEqual([201, expenseId, head]);

      const taken = await refused(() => api.post<Problem>(`/chains/${chainId}/expenses`, { ...EXPENSE, id: expenseId, amountCents: 1 }));
      expect([taken.status, taken.body.code]).toEqual([409, 'EXPENSE.ALREADY_EXISTS']);
    });

    it('refuses bad figures with 400 naming the field, and an unknown chain with 404 CHAIN.NOT_FOUND', async () => {
      const amount = await refused(() => api.post<Problem>(`/chains/${chainId}/expenses`, { ...EXPENSE, amountCents: -1 }));
      const category = await refused(() => api.post<Problem>(`/chains/${chainId}/expenses`, { ...EXPENSE, category: 'champagne' }));
      const unknown = await refused(() => api.post<Problem>(`/chains/${randomUUID()}/expenses`, EXPENSE));

      expect([amount.status, fields(amount.body)]).toEqual([400, ['body.amountCents']]);
      expect([category.status, fields(category.body)]).toEqual([400, ['body.category']]);
      expect([unknown.status, unknown.body.code]).toEqual([404, 'CHAIN.NOT_FOUND']);
    });

    it('is corrected (200) with the previous figures kept; the same figures again record nothing', async () => {
      const corrected = await api.post<Written>(`/chains/${chainId}/expenses/${expenseId}/correct`, { ...CORRECTION, occurredAt: WHEN });
      const head = await api.headPosition();
      const again = await api.post<Written>(`/chains/${chainId}/expenses/${expenseId}/correct`, { ...CORRECTION, occurredAt: WHEN });

      expect([corrected.status, corrected.body.id, again.status]).toEqual([200, expenseId, 200]);
      expect(await api.headPosition()).toBe(head);
      expect((await chainEvents()).filter((e) => e.type === 'ChainExpenseCorrected')).toEqual([
        {
          type: 'ChainExpenseCorrected',
          data: expect.objectContaining({
            expenseId,
            amountCents: 36_800,
            previous: { amountCents: 38_400, category: 'travel', fundingSource: 'esf', receiptReference: 'VR-2023-05-118204' },
            reason: 'One ticket refunded',
          }),
          occurredAt: '2023-11-20T08:00:00.000Z',
        },
      ]);
    });

    it('needs occurredAt to be corrected or voided once the chain’s period is long over: 422 BUSINESS_TIME.REQUIRED', async () => {
      const correct = await refused(() => api.post<Problem>(`/chains/${chainId}/expenses/${expenseId}/correct`, { ...CORRECTION, amountCents: 100 }));
      const voided = await refused(() => api.post<Problem>(`/chains/${chainId}/expenses/${expenseId}/void`, { reason: 'Entered twice' }));

      expect([correct.status, correct.body.code, fields(correct.body)]).toEqual([422, 'BUSINESS_TIME.REQUIRED', ['body.occurredAt']]);
      expect([voided.status, voided.body.code]).toEqual([422, 'BUSINESS_TIME.REQUIRED']);
    });

    it('is voided (200); voiding or correcting it again is 409 EXPENSE.VOIDED; an unknown expense is 404 EXPENSE.NOT_FOUND', async () => {
      const voided = await api.post<Written>(`/chains/${chainId}/expenses/${expenseId}/void`, { reason: 'Entered twice', occurredAt: WHEN });
      expect([voided.status, voided.body.id]).toEqual([200, expenseId]);
      expect((await chainEvents()).filter((e) => e.type === 'ChainExpenseVoided').map((e) => e.data)).toEqual([expect.objectContaining({ expenseId, reason: 'Entered twice' })]);

      const again = await refused(() => api.post<Problem>(`/chains/${chainId}/expenses/${expenseId}/void`, { reason: 'Entered twice', occurredAt: WHEN }));
      const correct = await refused(() => api.post<Problem>(`/chains/${chainId}/expenses/${expenseId}/correct`, { ...CORRECTION, amountCents: 100, occurredAt: WHEN }));
      const unknown = await refused(() => api.post<Problem>(`/chains/${chainId}/expenses/${randomUUID()}/void`, { reason: 'x', occurredAt: WHEN }));
      expect([again.status, again.body.code, correct.status, correct.body.code]).toEqual([409, 'EXPENSE.VOIDED', 409, 'EXPENSE.VOIDED']);
      expect([unknown.status, unknown.body.code]).toEqual([404, 'EXPENSE.NOT_FOUND']);
    });
  });

  describe('the flat rate', () => {
    const declarations = async () => (await chainEvents()).filter((e) => e.type === 'FlatRateDeclared').map((e) => [e.data.basisPoints, e.data.basis, e.occurredAt]);

    it('is declared (200, id: the chain) on direct staff costs by default, replaced, and withdrawn with null; repeating either records nothing', async () => {
      const declared = await api.post<Written>(`/chains/${chainId}/flat-rate`, FLAT_RATE);
      const head = await api.headPosition();
      const same = await api.post<Written>(`/chains/${chainId}/flat-rate`, FLAT_RATE);
      expect([declared.status, declared.body.id, same.status, await api.headPosition()]).toEqual([200, chainId, 200, head]);

      expect((await api.post(`/chains/${chainId}/flat-rate`, { ...FLAT_RATE, basisPoints: 1500, basis: 'direct-staff-costs' })).status).toBe(200);
      expect((await api.post(`/chains/${chainId}/flat-rate`, { ...FLAT_RATE, basisPoints: null })).status).toBe(200);
      const withdrawn = await api.headPosition();
      expect((await api.post(`/chains/${chainId}/flat-rate`, { ...FLAT_RATE, basisPoints: null })).status).toBe(200);
      expect(await api.headPosition()).toBe(withdrawn);

      const at = '2023-11-20T08:00:00.000Z';
      expect(await declarations()).toEqual([
        [4000, 'direct-staff-costs', at],
        [1500, 'direct-staff-costs', at],
        [null, 'direct-staff-costs', at],
      ]);
    });

    it('refuses basis points outside 1–10,000 or not whole, a missing one, an unknown basis and no reference, with 400 naming the field', async () => {
      for (const basisPoints of [0, 10_001, 40.5, '4000', undefined]) {
        const answer = await refused(() => api.post<Problem>(`/chains/${chainId}/flat-rate`, { ...FLAT_RATE, basisPoints }));
        expect([basisPoints, answer.status, fields(answer.body)]).toEqual([basisPoints, 400, ['body.basisPoints']]);
      }
      const basis = await refused(() => api.post<Problem>(`/chains/${chainId}/flat-rate`, { ...FLAT_RATE, basis: 'total-costs' }));
      const { reference: _left, ...noReference } = FLAT_RATE;
      const reference = await refused(() => api.post<Problem>(`/chains/${chainId}/flat-rate`, noReference));
      expect([basis.status, fields(basis.body)]).toEqual([400, ['body.basis']]);
      expect([reference.status, fields(reference.body)]).toEqual([400, ['body.reference']]);
    });

    it('needs occurredAt once the chain’s period is long over (422 BUSINESS_TIME.REQUIRED), and an existing chain (404)', async () => {
      const { occurredAt: _left, ...undated } = FLAT_RATE;
      const answer = await refused(() => api.post<Problem>(`/chains/${chainId}/flat-rate`, { ...undated, basisPoints: 2500 }));
      const unknown = await refused(() => api.post<Problem>(`/chains/${randomUUID()}/flat-rate`, FLAT_RATE));

      expect([answer.status, answer.body.code]).toEqual([422, 'BUSINESS_TIME.REQUIRED']);
      expect([unknown.status, unknown.body.code]).toEqual([404, 'CHAIN.NOT_FOUND']);
    });
  });

  it("shows in the auditor's ledger the staff cost as minutes × rate / 60, and the flat rate as 40 % of it", async () => {
    const ledgerChain = await startChain('Ledger costs');
    const workshopId = (await api.post<Written>('/workshops', { ...KEMI_WORKSHOP, chainId: ledgerChain })).body.id;
    const personId = (await api.post<Written>('/people', { name: 'Kaisa Ydintiimi' })).body.id;
    const rate = { hourlyRateCents: 4_350, validFrom: '2023-01-01', validUntil: '2023-12-31', basis: 'Monthly salary 4,250 € + 24 % side costs / 121 h' };
    expect((await api.post(`/people/${personId}/hourly-rates`, rate)).status).toBe(201);
    const entries = [
      [`/workshops/${workshopId}/staff-hours`, { personId, activity: 'planning', workedOn: '2023-08-30', minutes: 95 }],
      [`/workshops/${workshopId}/staff-hours`, { personId, activity: 'running', workedOn: '2023-09-12', minutes: 240 }],
      [`/chains/${ledgerChain}/staff-hours`, { personId, activity: 'meeting', workedOn: '2023-06-05', minutes: 50 }],
    ] as const;
    for (const [url, body] of entries) expect((await api.post(url, body)).status).toBe(201);
    expect((await api.post(`/chains/${ledgerChain}/flat-rate`, FLAT_RATE)).status).toBe(200);

    const { status, body } = await api.get<AuditLedger>(`/audit/ledger?chainId=${ledgerChain}`, { as: 'auditor' });

    expect(status).toBe(200);
    // Each entry rounded to a cent, half up: 95 min × 43.50 € / 60 = 68.875 € → 68.88 €.
    const costs = entries.map(([, { minutes }]) => Math.round((minutes * rate.hourlyRateCents) / 60));
    expect(costs).toEqual([6_888, 17_400, 3_625]);
    const staffCents = costs.reduce((a, b) => a + b, 0);
    expect(body.staffCosts.totalCents.value).toBe(staffCents);
    expect(body.staffCosts.totalMinutes.value).toBe(95 + 240 + 50);
    expect(body.flatRate).toMatchObject({ basisPoints: 4000, basis: 'direct-staff-costs', basisCents: staffCents, amountCents: { value: Math.round(staffCents * 0.4) } });
  });
});
