import { parse as parseCsv } from 'csv-parse/sync';
import type { AuditLedger, EventTrace } from '@kuhina/application';
import { staffStream } from '@kuhina/domain';
import { apiHarness, type ApiHarness, type Written } from './support/api-harness';
import { KEMI_WORKSHOP } from './support/workshop-fixtures';

// Issue 15, points 2 and 3, on the read side over HTTP: the auditor's ledger costs each hour at the person's rate on
// the day (half a cent up, per entry), adds the chain's own expenses and hours to the workshops', computes the flat
// rate from the staff costs, traces each figure to its events, shows staff as pseudonyms; its CSV sums by section to
// the JSON; the chain view counts the same minutes, and no money for them.

type Row = Record<string, string>;
type Minutes = { count: number; totalMinutes: number; byActivity: Record<string, number>; voidedCount: number };
type ChainAnswer = {
  workshops: Array<{ workshopId: string; staffMinutes: Minutes; expenses: { totalCents: number } }>;
  totals: { staffMinutes: Minutes; expenses: { totalCents: number } };
};

// The chain's period ended long ago: chain facts without a day of their own say when they happened.
const WHEN = '2023-11-20T10:00:00+02:00';
const SPRING = { hourlyRateCents: 4_200, validFrom: '2023-01-01', validUntil: '2023-06-30', basis: 'Monthly salary 4,100 € + 24 % side costs / 121 h' };
const AUTUMN = { hourlyRateCents: 4_350, validFrom: '2023-07-01', validUntil: null, basis: 'Monthly salary 4,250 € + 24 % side costs / 121 h' };
const PART_TIME = { hourlyRateCents: 3_333, validFrom: '2023-01-01', validUntil: null, basis: 'Hourly pay 26.88 € + 24 % side costs' };

describe('Staff costs on the read side: the ledger costs the hours and the flat rate, the chain view counts the minutes', () => {
  let api: ApiHarness;
  let chainId: string;
  let workshopId: string;
  let kaisa: string;
  let juha: string;
  const entry: Record<string, string> = {};
  let ledger: AuditLedger;
  let backoffice: AuditLedger;
  let view: ChainAnswer;

  beforeAll(async () => {
    api = await apiHarness();
    chainId = (await api.post<Written>('/chains', { name: 'Staff costs', fundingProgramme: 'ESF+ 2021–2027', esfOperationId: 'E2E-STAFF-COSTS', periodStart: '2023-01-01', periodEnd: '2023-12-31' })).body.id;
    workshopId = (await api.post<Written>('/workshops', { ...KEMI_WORKSHOP, chainId })).body.id;
    kaisa = (await api.post<Written>('/people', { name: 'Kaisa Ydintiimi' })).body.id;
    juha = (await api.post<Written>('/people', { name: 'Juha Osa-aikainen' })).body.id;
    for (const [personId, rate] of [[kaisa, SPRING], [kaisa, AUTUMN], [juha, PART_TIME]] as const) expect((await api.post(`/people/${personId}/hourly-rates`, rate)).status).toBe(201);
    const hours = async (key: string, url: string, body: Record<string, unknown>) => {
      const answer = await api.post<Written>(url, body);
      expect([key, answer.status]).toEqual([key, 201]);
      entry[key] = answer.body.id;
    };
    await hours('w1', `/workshops/${workshopId}/staff-hours`, { personId: kaisa, activity: 'planning', workedOn: '2023-08-30', minutes: 95, note: 'Programme with Lapland UAS' });
    await hours('w2', `/workshops/${workshopId}/staff-hours`, { personId: juha, activity: 'running', workedOn: '2023-09-12', minutes: 240 });
    await hours('w3', `/workshops/${workshopId}/staff-hours`, { personId: kaisa, activity: 'follow-up', workedOn: '2023-09-20', minutes: 45 });
    await hours('c1', `/chains/${chainId}/staff-hours`, { personId: kaisa, activity: 'meeting', workedOn: '2023-05-10', minutes: 30, note: 'Core team' });
    await hours('c2', `/chains/${chainId}/staff-hours`, { personId: juha, activity: 'meeting', workedOn: '2023-05-10', minutes: 30, note: 'Core team' });
    expect((await api.post(`/workshops/${workshopId}/staff-hours/${entry.w3}/void`, { reason: 'Entered twice' })).status).toBe(200);
    const expense = { category: 'travel', amountCents: 38_400, fundingSource: 'esf', receiptReference: 'VR-2023-05-118204', description: 'Core team to Kemi', incurredOn: '2023-05-16' };
    const expenseId = (await api.post<Written>(`/chains/${chainId}/expenses`, expense)).body.id;
    const correction = { category: 'travel', amountCents: 36_800, fundingSource: 'esf', receiptReference: 'VR-2023-05-118204', reason: 'One ticket refunded', occurredAt: WHEN };
    expect((await api.post(`/chains/${chainId}/expenses/${expenseId}/correct`, correction)).status).toBe(200);
    const declared = await api.post<Written>(`/chains/${chainId}/flat-rate`, { basisPoints: 4000, reference: 'Funding decision EURA-2023-0142, Art. 56(1) CPR 2021/1060', occurredAt: WHEN });
    expect(declared.status).toBe(200);

    ledger = (await api.get<AuditLedger>(`/audit/ledger?chainId=${chainId}`, { as: 'auditor' })).body;
    backoffice = (await api.get<AuditLedger>(`/audit/ledger?chainId=${chainId}`)).body;
    view = (await api.get<ChainAnswer>(`/chains/${chainId}?consistentWith=${declared.body.position}`, { as: 'auditor' })).body;
  }, 60_000);
  afterAll(() => api.close());

  const rateEvent = async (personId: string, validFrom: string): Promise<string> =>
    (await api.store().readStream(staffStream(personId))).find((e) => (e.data as { validFrom: string }).validFrom === validFrom)!.id;

  it('costs each entry at the rate of its day, half a cent up; the voided one is listed at 0; workshops plus chain level make the total', () => {
    const costs = ledger.staffCosts.entries.map((e) => [e.entryId, e.scope, e.status, e.rate?.hourlyRateCents, e.originalCents, e.costCents.value]);

    expect(costs).toEqual([
      // 95 min × 43.50 € / 60 = 68.875 € → 68.88 €, at the autumn rate.
      [entry.w1, 'workshop', 'recorded', 4_350, 6_888, 6_888],
      [entry.w2, 'workshop', 'recorded', 3_333, 13_332, 13_332],
      [entry.w3, 'workshop', 'voided', 4_350, 3_263, 0],
      // In May: the spring rate.
      [entry.c1, 'chain', 'recorded', 4_200, 2_100, 2_100],
      // 30 min × 33.33 € / 60 = 16.665 € → 16.67 €.
      [entry.c2, 'chain', 'recorded', 3_333, 1_667, 1_667],
    ]);
    expect(ledger.staffCosts.byWorkshop.map((w) => [w.workshopId, w.totalCents.value, w.totalMinutes.value])).toEqual([[workshopId, 20_220, 335]]);
    expect([ledger.staffCosts.chainLevel.totalCents.value, ledger.staffCosts.chainLevel.totalMinutes.value]).toEqual([3_767, 60]);
    expect([ledger.staffCosts.totalCents.value, ledger.staffCosts.totalMinutes.value]).toEqual([23_987, 395]);
    expect(ledger.staffCosts.unrated).toEqual({ entryIds: [], minutes: { value: 0, sources: [] } });
  });

  it('declares the flat rate as 40 % of the staff costs, traced to the declaration and to every hours and rate event', async () => {
    const flatRate = ledger.flatRate!;
    const sources = flatRate.amountCents.sources.map((s) => s.type);

    // 23,987 × 40 % = 9,594.8 → 9,595 cents.
    expect(flatRate).toMatchObject({ basisPoints: 4000, basis: 'direct-staff-costs', basisCents: 23_987, amountCents: { value: 9_595 } });
    expect(sources.filter((type) => type === 'FlatRateDeclared')).toHaveLength(1);
    expect(sources.filter((type) => type === 'HourlyRateSet')).toHaveLength(3);
    expect(sources.filter((type) => type === 'StaffHoursRecorded' || type === 'ChainStaffHoursRecorded')).toHaveLength(5);
    expect(sources).toContain('StaffHoursVoided');
    expect(flatRate.declaration.eventId).toBe(flatRate.amountCents.sources.find((s) => s.type === 'FlatRateDeclared')!.eventId);
    const spring = ledger.staffCosts.entries.find((e) => e.entryId === entry.c1)!;
    expect(spring.costCents.sources.map((s) => s.eventId)).toEqual([await rateEvent(kaisa, '2023-01-01'), expect.any(String)]);
  });

  it('adds the chain’s own expenses to the workshops’: a chain-level entry with its correction, in the totals', () => {
    const own = ledger.expenses.entries.filter((e) => e.scope === 'chain');

    expect(own.map((e) => [e.workshopId, e.status, e.originalCents, e.counted.value])).toEqual([[null, 'corrected', 38_400, 36_800]]);
    expect(ledger.expenses.chainLevel.totalCents.value).toBe(36_800);
    expect(ledger.expenses.totalCents.value).toBe(ledger.expenses.byWorkshop.reduce((sum, w) => sum + w.totalCents.value, 0) + 36_800);
  });

  it('shows the auditor the staff as pseudonyms, in the entries and in their staff streams; the backoffice sees who they are', () => {
    const text = JSON.stringify(ledger);

    expect([text.includes(kaisa), text.includes(juha)]).toEqual([false, false]);
    const pseudonyms = ledger.staffCosts.entries.map((e) => e.personId);
    expect(new Set(pseudonyms).size).toBe(2);
    expect(pseudonyms[0]).toBe(pseudonyms[2]);
    expect(ledger.staffCosts.entries[0]!.rate!.source.stream).toBe(`staff-${pseudonyms[0]}`);
    expect(backoffice.staffCosts.entries.map((e) => e.personId)).toEqual([kaisa, juha, kaisa, kaisa, juha]);
    expect(backoffice.staffCosts.entries[0]!.rate!.source.stream).toBe(staffStream(kaisa));
  });

  it('sums the CSV’s counted_cents by section to the JSON totals, a row per entry with its minutes, rate and pseudonym', async () => {
    const answer = await api.request('GET', `/audit/ledger?chainId=${chainId}&format=csv`, { as: 'auditor' });
    const rows = parseCsv(answer.body as string, { columns: true }) as Row[];
    const bySection = Object.fromEntries(rows.reduce((sums, row) => sums.set(row.section!, (sums.get(row.section!) ?? 0) + Number(row.counted_cents)), new Map<string, number>()));

    expect(bySection).toEqual({ expense: 36_800, 'staff-cost': 23_987, 'flat-rate': 9_595 });
    expect(rows.filter((r) => r.section === 'staff-cost').map((r) => [r.item_id, r.scope, r.minutes, r.hourly_rate_cents, r.person])).toEqual(
      ledger.staffCosts.entries.map((e) => [e.entryId, e.scope, String(e.minutes), String(e.rate!.hourlyRateCents), e.personId]),
    );
  });

  it('counts the same minutes in the chain view, per workshop and in the totals (the chain’s own included), with no money for them', () => {
    const kemi = view.workshops.find((w) => w.workshopId === workshopId)!;

    expect(kemi.staffMinutes).toEqual({ count: 2, totalMinutes: 335, byActivity: { planning: 95, running: 240, 'follow-up': 0, meeting: 0 }, voidedCount: 1 });
    expect(view.totals.staffMinutes).toEqual({ count: 4, totalMinutes: 395, byActivity: { planning: 95, running: 240, 'follow-up': 0, meeting: 60 }, voidedCount: 1 });
    expect(view.totals.staffMinutes.totalMinutes).toBe(ledger.staffCosts.totalMinutes.value);
    expect(view.totals.expenses.totalCents).toBe(ledger.expenses.totalCents.value);
    expect(JSON.stringify(view)).not.toMatch(/hourlyRate|staffCost|flatRate/);
  });

  it('traces a rate event to every figure that counts it: the entries costed at it, their workshop, the totals, the flat rate', async () => {
    const autumn = await rateEvent(kaisa, '2023-07-01');
    const trace = (await api.get<EventTrace>(`/audit/trace/${autumn}`, { as: 'auditor' })).body;

    expect(trace.includedIn.map((item) => item.path)).toEqual(
      expect.arrayContaining([
        `staffCosts.entries[${entry.w1}].costCents`,
        `staffCosts.entries[${entry.w3}].costCents`,
        `staffCosts.byWorkshop[${workshopId}].totalCents`,
        'staffCosts.byActivity.planning.totalCents',
        'staffCosts.totalCents',
        'flatRate.amountCents',
      ]),
    );
    expect(trace.includedIn.find((item) => item.path === 'flatRate.amountCents')!.value).toBe(9_595);
    expect(JSON.stringify(trace)).not.toContain(kaisa);
  });
});
