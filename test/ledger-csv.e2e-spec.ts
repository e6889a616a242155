import { parse as parseCsv } from 'csv-parse/sync';
import type { AuditLedger } from '@kuhina/application';
import { DEMO_CHAIN_ID, DEMO_USERS } from '@kuhina/application';
import type { RecordedEvent } from '@kuhina/event-store';
import { apiHarness, type ApiHarness } from './support/api-harness';

const chain = DEMO_CHAIN_ID;
type Row = Record<string, string>;
type ChainAnswer = {
  workshops: Array<{ workshopId: string; title: string; expenses: { totalCents: number }; pledges: { inKindValueFulfilledCents: number }; staffMinutes: { totalMinutes: number } }>;
  totals: { expenses: { totalCents: number }; inKindValueFulfilledCents: number; staffMinutes: { totalMinutes: number } };
};
const sumPerWorkshop = (rows: Row[]) => rows.reduce((sums, row) => sums.set(row.workshop_id!, (sums.get(row.workshop_id!) ?? 0) + Number(row.counted_cents)), new Map<string, number>());
const total = (rows: Row[]) => rows.reduce((sum, row) => sum + Number(row.counted_cents), 0);
const byPosition = (a: { position: string }, b: { position: string }) => (BigInt(a.position) < BigInt(b.position) ? -1 : BigInt(a.position) > BigInt(b.position) ? 1 : 0);

describe('The audit ledger as CSV on the 2023 demo: a sheet of items a spreadsheet sums to the reported figures, and a sheet of their history', () => {
  let api: ApiHarness;
  let log: RecordedEvent[];
  let ledger: AuditLedger;
  let view: ChainAnswer;
  let items: { headers: Record<string, unknown>; rows: Row[] };
  let history: { headers: Record<string, unknown>; rows: Row[] };
  beforeAll(async () => {
    api = await apiHarness({ demo: true });
    log = await api.store().readAll(null, 100_000);
    ledger = (await api.get<AuditLedger>(`/audit/ledger?chainId=${chain}`, { as: 'auditor' })).body;
    view = (await api.get<ChainAnswer>(`/chains/${chain}?consistentWith=${log.at(-1)!.position}`, { as: 'auditor' })).body;
    const sheet = async (format: string) => {
      const answer = await api.request('GET', `/audit/ledger?chainId=${chain}&format=${format}`, { as: 'auditor' });
      expect(answer.status).toBe(200);
      return { headers: answer.headers, rows: parseCsv(answer.body as string, { columns: true }) as Row[] };
    };
    items = await sheet('csv');
    history = await sheet('csv-history');
  }, 60_000);
  afterAll(() => api.close());

  describe('format=csv: one row per expense (a workshop’s or the chain’s own), in-kind pledge, staff-hours entry, and the flat rate', () => {
    it('is a CSV attachment named ledger-<chain>.csv', () => {
      expect(String(items.headers['content-type'])).toMatch(/^text\/csv/);
      expect(items.headers['content-disposition']).toBe(`attachment; filename="ledger-${chain}.csv"`);
    });

    it('lists every item of the JSON ledger exactly once', () => {
      const ids = (section: string) => items.rows.filter((r) => r.section === section).map((r) => r.item_id);

      expect(ids('expense').sort()).toEqual(ledger.expenses.entries.map((e) => e.expenseId).sort());
      expect(ids('in-kind').sort()).toEqual(ledger.inKind.contributions.map((c) => c.pledgeId).sort());
      expect(ids('staff-cost').sort()).toEqual(ledger.staffCosts.entries.map((e) => e.entryId).sort());
      expect(ids('flat-rate')).toEqual(ledger.flatRate ? [ledger.flatRate.declaration.eventId] : []);
      expect(items.rows).toHaveLength(ledger.expenses.entries.length + ledger.inKind.contributions.length + ledger.staffCosts.entries.length + (ledger.flatRate ? 1 : 0));
      // A chain-level item names no workshop; a workshop's names its own.
      for (const row of items.rows) expect([row.item_id, row.scope, row.workshop_id === '']).toEqual([row.item_id, row.scope, row.scope === 'chain']);
      expect(items.rows.every((r) => /^\d+$/.test(r.original_cents!) && /^\d+$/.test(r.counted_cents!))).toBe(true);
    });

    it('sums counted_cents of the expenses per workshop to the JSON ledger and to the chain view — Helsinki 2,600 € — and over the chain to both totals', () => {
      const perWorkshop = sumPerWorkshop(items.rows.filter((r) => r.section === 'expense'));
      const perWorkshopOf = (workshopId: string) => perWorkshop.get(workshopId) ?? 0;

      expect(ledger.expenses.byWorkshop.map((w) => [w.title, perWorkshopOf(w.workshopId)])).toEqual(ledger.expenses.byWorkshop.map((w) => [w.title, w.totalCents.value]));
      expect(view.workshops.map((w) => [w.title, perWorkshopOf(w.workshopId)])).toEqual(view.workshops.map((w) => [w.title, w.expenses.totalCents]));
      expect(perWorkshopOf(view.workshops.find((w) => w.title.includes('Helsin'))!.workshopId)).toBe(260_000);
      expect(total(items.rows.filter((r) => r.section === 'expense'))).toBe(ledger.expenses.totalCents.value);
      expect(ledger.expenses.totalCents.value).toBe(view.totals.expenses.totalCents);
      // The chain's own expenses: the rows with no workshop, apart from the workshops' and in the totals.
      expect(perWorkshopOf('')).toBe(ledger.expenses.chainLevel.totalCents.value);
    });

    it('sums counted_cents by section to each JSON total: the demo has staff costs and a flat-rate line', () => {
      const bySection = Object.fromEntries(items.rows.reduce((sums, row) => sums.set(row.section!, (sums.get(row.section!) ?? 0) + Number(row.counted_cents)), new Map<string, number>()));

      expect(bySection).toEqual({
        expense: ledger.expenses.totalCents.value,
        'in-kind': ledger.inKind.deliveredCents.value,
        'staff-cost': ledger.staffCosts.totalCents.value,
        'flat-rate': ledger.flatRate!.amountCents.value,
      });
      expect(ledger.staffCosts.totalCents.value).toBeGreaterThan(0);
      expect(ledger.flatRate!.amountCents.value).toBe(Math.floor((2 * ledger.staffCosts.totalCents.value * ledger.flatRate!.basisPoints + 10_000) / 20_000));
      const staffPerWorkshop = sumPerWorkshop(items.rows.filter((r) => r.section === 'staff-cost'));
      expect(ledger.staffCosts.byWorkshop.map((w) => [w.title, staffPerWorkshop.get(w.workshopId) ?? 0])).toEqual(ledger.staffCosts.byWorkshop.map((w) => [w.title, w.totalCents.value]));
      expect(staffPerWorkshop.get('') ?? 0).toBe(ledger.staffCosts.chainLevel.totalCents.value);
    });

    it('costs each staff-hours row at its rate (minutes × rate / 60, to the cent), shows people as pseudonyms, and its minutes are the chain view’s', () => {
      const staff = items.rows.filter((r) => r.section === 'staff-cost');
      const staffIds = new Set(log.filter((e) => e.type === 'HourlyRateSet').map((e) => (e.data as { personId: string }).personId));

      for (const row of staff.filter((r) => r.hourly_rate_cents !== '')) {
        expect([row.item_id, Number(row.original_cents)]).toEqual([row.item_id, Math.floor((2 * Number(row.minutes) * Number(row.hourly_rate_cents) + 60) / 120)]);
      }
      expect(staff.length).toBeGreaterThan(0);
      expect(staff.some((r) => staffIds.has(r.person!))).toBe(false);
      const counted = (rows: Row[]) => rows.filter((r) => r.status !== 'voided').reduce((sum, r) => sum + Number(r.minutes), 0);
      expect(view.workshops.map((w) => [w.title, counted(staff.filter((r) => r.workshop_id === w.workshopId))])).toEqual(view.workshops.map((w) => [w.title, w.staffMinutes.totalMinutes]));
      expect(counted(staff)).toBe(view.totals.staffMinutes.totalMinutes);
      expect(view.totals.staffMinutes.totalMinutes).toBe(ledger.staffCosts.totalMinutes.value);
    });

    it('sums counted_cents of the in-kind pledges per workshop and over the chain to the value delivered', () => {
      const perWorkshop = sumPerWorkshop(items.rows.filter((r) => r.section === 'in-kind'));

      expect(view.workshops.map((w) => [w.title, perWorkshop.get(w.workshopId) ?? 0])).toEqual(view.workshops.map((w) => [w.title, w.pledges.inKindValueFulfilledCents]));
      expect(total(items.rows.filter((r) => r.section === 'in-kind'))).toBe(ledger.inKind.deliveredCents.value);
      expect(ledger.inKind.deliveredCents.value).toBe(view.totals.inKindValueFulfilledCents);
    });

    it('keeps the amount first recorded beside the counted one: a corrected expense shows both, a voided one counts 0', () => {
      const lunch = items.rows.find((r) => r.receipt_reference === 'INV-2023-1011-HKI-02')!;

      expect(lunch).toMatchObject({ section: 'expense', status: 'corrected', original_cents: '205000', counted_cents: '195000', recorded_by: DEMO_USERS.finance });
      expect(lunch.last_event_id).toBe(ledger.expenses.entries.find((e) => e.expenseId === lunch.item_id)!.history.at(-1)!.eventId);
      for (const row of items.rows.filter((r) => r.status === 'voided' || r.status === 'withdrawn' || r.status === 'pledged')) expect([row.item_id, row.counted_cents]).toEqual([row.item_id, '0']);
    });
  });

  describe('format=csv-history: one row per event behind each item, counting nothing', () => {
    it('is a CSV attachment named ledger-history-<chain>.csv, with no column to sum', () => {
      expect(String(history.headers['content-type'])).toMatch(/^text\/csv/);
      expect(history.headers['content-disposition']).toBe(`attachment; filename="ledger-history-${chain}.csv"`);
      expect(Object.keys(history.rows[0]!).filter((column) => column.includes('counted'))).toEqual([]);
    });

    it('has every event behind every item, each as the log holds it (id, stream, actor, correlation, recorded time)', () => {
      const cited = [
        ...ledger.expenses.entries.flatMap((e) => e.history),
        ...ledger.inKind.contributions.flatMap((c) => c.valueCents.sources),
        // A staff cost's hours events and its rate's event, in log order.
        ...ledger.staffCosts.entries.flatMap((e) => [...e.history, ...(e.rate ? [e.rate.source] : [])].sort(byPosition)),
        ...(ledger.flatRate ? [ledger.flatRate.declaration] : []),
      ];

      expect(history.rows.map((r) => r.event_id)).toEqual(cited.map((ref) => ref.eventId));
      for (const row of history.rows) {
        const event = log.find((e) => e.id === row.event_id)!;
        // A staff member's stream names the person: the auditor sees it under the person's pseudonym.
        const stream = event.stream.startsWith('staff-') ? expect.stringMatching(/^staff-p-[0-9a-f]+$/) : event.stream;
        expect([row.event_id, row.event_type, row.stream, row.actor, row.correlation_id, row.recorded_at]).toEqual([event.id, event.type, stream, event.metadata.actor, event.metadata.correlationId, event.metadata.recordedAt]);
      }
    });

    it('shows the correction with the amounts before and after it, who made it and why', () => {
      const lunch = items.rows.find((r) => r.receipt_reference === 'INV-2023-1011-HKI-02')!;
      const rows = history.rows.filter((r) => r.item_id === lunch.item_id);

      expect(rows.map((r) => [r.event_type, r.amount_before_cents, r.amount_after_cents])).toEqual([
        ['ExpenseRecorded', '', '205000'],
        ['ExpenseCorrected', '205000', '195000'],
      ]);
      expect(rows[1]).toMatchObject({ actor: DEMO_USERS.finance, occurred_at: expect.stringMatching(/^2023-11-01/) });
      expect(rows[1]!.reason).toContain('Credit note CN-2023-1020');
    });
  });

  it('refuses another format with a 400', async () => {
    expect((await api.request('GET', `/audit/ledger?chainId=${chain}&format=xlsx`, { as: 'auditor' })).status).toBe(400);
  });
});
