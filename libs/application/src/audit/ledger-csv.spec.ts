import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { hostileText, noFormulaCells, parseCsv, readBack } from '@kuhina/analytics/exports/csv-cell.spec-helper';
import type { RecordedEvent } from '@kuhina/event-store';
import { buildLedger } from './audit-ledger';
import { chainFacts } from './chain-facts';
import { ledgerHistoryCsv, ledgerItemsCsv } from './ledger-csv';

const CHAIN = 'c0000000-0000-4000-8000-000000000001';
const W1 = 'w0000000-0000-4000-8000-000000000001';
const W2 = 'w0000000-0000-4000-8000-000000000002';
const ORG = 'o0000000-0000-4000-8000-000000000001';

let position = 0n;
const event = (stream: string, type: string, data: Record<string, unknown>, actor = 'office'): RecordedEvent => {
  position += 1n;
  return {
    id: `e-${position}`,
    type,
    stream,
    revision: Number(position),
    data,
    position,
    prevHash: null,
    hash: 'h',
    metadata: { occurredAt: `2023-05-${String(position).padStart(2, '0')}T10:00:00.000Z`, recordedAt: `2023-06-${String(position).padStart(2, '0')}T10:00:00.000Z`, actor, correlationId: `r-${position}`, causationId: null, schemaVersion: 1 },
  };
};
const figures = (amountCents: number, category = 'catering') => ({ amountCents, category, fundingSource: 'esf', receiptReference: 'R-1' });
const expense = (workshopId: string, expenseId: string, amountCents: number, description = 'Kahvit') => ({ workshopId, expenseId, description, incurredOn: '2023-05-10', recordedAt: 'x', ...figures(amountCents) });

const history = (): RecordedEvent[] => {
  position = 0n;
  return [
    event(`chain-${CHAIN}`, 'ChainStarted', { chainId: CHAIN, name: 'Ketju' }),
    event(`organization-${ORG}`, 'OrganizationRegistered', { organizationId: ORG, name: 'Kaupunki', sector: 'public' }),
    event(`workshop-${W1}`, 'WorkshopPlanned', { workshopId: W1, chainId: CHAIN, title: 'Rauma', kind: 'co-development' }),
    event(`chain-${CHAIN}`, 'WorkshopAddedToChain', { chainId: CHAIN, workshopId: W1, order: 0 }),
    event(`workshop-${W2}`, 'WorkshopPlanned', { workshopId: W2, chainId: CHAIN, title: 'Helsinki', kind: 'co-development' }),
    event(`chain-${CHAIN}`, 'WorkshopAddedToChain', { chainId: CHAIN, workshopId: W2, order: 1 }),
    event(`workshop-${W1}`, 'ExpenseRecorded', expense(W1, 'x1', 10_000, '=HYPERLINK("http://evil")')),
    event(`workshop-${W2}`, 'ExpenseRecorded', expense(W2, 'x2', 205_000, 'Lounas\r\nbuffet')),
    event(`workshop-${W2}`, 'ExpenseCorrected', { workshopId: W2, expenseId: 'x2', ...figures(195_000), previous: figures(205_000), reason: 'Credit note', correctedAt: 'x' }, 'controller'),
    event(`workshop-${W2}`, 'ExpenseRecorded', expense(W2, 'x3', 99_000)),
    event(`workshop-${W2}`, 'ExpenseVoided', { workshopId: W2, expenseId: 'x3', reason: 'Duplicate', voidedAt: 'x' }),
    event(`workshop-${W1}`, 'ResourcePledged', { workshopId: W1, pledgeId: 'g1', organizationId: ORG, kind: 'venue', description: 'Sali', inKindValueCents: 30_000, valuationBasis: 'list price', pledgedAt: 'x' }),
    event(`workshop-${W1}`, 'PledgeFulfilled', { workshopId: W1, pledgeId: 'g1', organizationId: ORG, fulfilledAt: 'x' }),
    event(`workshop-${W2}`, 'ResourcePledged', { workshopId: W2, pledgeId: 'g2', organizationId: ORG, kind: 'catering', description: 'Kahvit', inKindValueCents: 5_000, valuationBasis: 'invoice', pledgedAt: 'x' }),
    event(`workshop-${W2}`, 'PledgeWithdrawn', { workshopId: W2, pledgeId: 'g2', organizationId: ORG, reason: 'Sponsor left', withdrawnAt: 'x' }),
  ];
};

type Row = Record<string, string>;
const rowsOf = (csv: string): Row[] => parse(csv, { columns: true }) as Row[];
const sumBy = (rows: Row[], key: (row: Row) => string) => rows.reduce((sums, row) => sums.set(key(row), (sums.get(key(row)) ?? 0) + Number(row.counted_cents)), new Map<string, number>());

describe('Ledger CSV: a sheet of items a spreadsheet can sum, and a sheet of their history that counts nothing', () => {
  const log = history();
  const ledger = buildLedger(chainFacts(CHAIN, log));

  it('has one row per item with its original amount, its counted amount and its status', () => {
    const rows = rowsOf(ledgerItemsCsv(ledger));

    expect(rows.map((r) => [r.section, r.scope, r.workshop_title, r.item_id, r.status, r.original_cents, r.counted_cents])).toEqual([
      ['expense', 'workshop', 'Rauma', 'x1', 'recorded', '10000', '10000'],
      ['expense', 'workshop', 'Helsinki', 'x2', 'corrected', '205000', '195000'],
      ['expense', 'workshop', 'Helsinki', 'x3', 'voided', '99000', '0'],
      ['in-kind', 'workshop', 'Rauma', 'g1', 'fulfilled', '30000', '30000'],
      ['in-kind', 'workshop', 'Helsinki', 'g2', 'withdrawn', '5000', '0'],
    ]);
    expect(rows[1]).toMatchObject({ recorded_by: 'office', recorded_at: '2023-06-08T10:00:00.000Z', last_event_id: 'e-9', category_or_kind: 'catering', funding_source: 'esf' });
    expect(rows[3]).toMatchObject({ organization_id: ORG, organization_name: 'Kaupunki', valuation_basis: 'list price', funding_source: '' });
  });

  it('sums counted_cents per workshop and over the chain to the JSON ledger’s totals', () => {
    const rows = rowsOf(ledgerItemsCsv(ledger));
    const expenses = rows.filter((r) => r.section === 'expense');
    const inKind = rows.filter((r) => r.section === 'in-kind');

    expect(Object.fromEntries(sumBy(expenses, (r) => r.workshop_id!))).toEqual(Object.fromEntries(ledger.expenses.byWorkshop.map((w) => [w.workshopId, w.totalCents.value])));
    expect(sumBy(expenses, () => 'chain').get('chain')).toBe(ledger.expenses.totalCents.value);
    expect(ledger.expenses.totalCents.value).toBe(205_000);
    expect(sumBy(inKind, () => 'chain').get('chain')).toBe(ledger.inKind.deliveredCents.value);
    expect(ledger.inKind.deliveredCents.value).toBe(30_000);
  });

  it('lists every event behind each item with the amount before and after it, who and when, and no column that counts', () => {
    const rows = rowsOf(ledgerHistoryCsv(ledger));

    expect(rows.map((r) => [r.item_id, r.event_type, r.amount_before_cents, r.amount_after_cents, r.reason])).toEqual([
      ['x1', 'ExpenseRecorded', '', '10000', ''],
      ['x2', 'ExpenseRecorded', '', '205000', ''],
      ['x2', 'ExpenseCorrected', '205000', '195000', 'Credit note'],
      ['x3', 'ExpenseRecorded', '', '99000', ''],
      ['x3', 'ExpenseVoided', '99000', '0', 'Duplicate'],
      ['g1', 'ResourcePledged', '', '30000', ''],
      ['g1', 'PledgeFulfilled', '30000', '30000', ''],
      ['g2', 'ResourcePledged', '', '5000', ''],
      ['g2', 'PledgeWithdrawn', '5000', '0', 'Sponsor left'],
    ]);
    expect(rows[2]).toMatchObject({ section: 'expense', workshop_id: W2, event_id: 'e-9', stream: `workshop-${W2}`, revision: '9', position: '9', occurred_at: '2023-05-09T10:00:00.000Z', actor: 'controller', correlation_id: 'r-9' });
    expect(Object.keys(rows[0]!).some((column) => column.startsWith('counted'))).toBe(false);
  });

  it('escapes a formula-looking description and keeps a line break inside its cell', () => {
    const csv = ledgerItemsCsv(ledger);
    const rows = rowsOf(csv);

    expect(rows[0]!.description).toBe(`'=HYPERLINK("http://evil")`);
    expect(rows[1]!.description).toBe('Lounas\r\nbuffet');
    expect(csv).toContain('"Lounas\r\nbuffet"');
  });

  it('carries the original amount and each step in the JSON ledger too, so the sheets need no second read', () => {
    const corrected = ledger.expenses.entries.find((e) => e.expenseId === 'x2')!;

    expect(corrected.originalCents).toBe(205_000);
    expect(corrected.history.map((h) => [h.type, h.amountBeforeCents, h.amountAfterCents, h.actor])).toEqual([
      ['ExpenseRecorded', null, 205_000, 'office'],
      ['ExpenseCorrected', 205_000, 195_000, 'controller'],
    ]);
  });

  describe('chain-level expenses, staff costs and the flat rate', () => {
    const S1 = 'a1111111-0000-4000-8000-000000000001';
    const S2 = 'a1111111-0000-4000-8000-000000000002';
    const chainFigures = (amountCents: number) => ({ amountCents, category: 'travel', fundingSource: 'esf', receiptReference: 'VR-1' });
    const rate = (personId: string, rateId: string, hourlyRateCents: number, validFrom: string, validUntil: string | null) =>
      event(`staff-${personId}`, 'HourlyRateSet', { personId, rateId, hourlyRateCents, validFrom, validUntil, basis: 'salary / 1,720 h', at: 'x' });
    const staffed = (): RecordedEvent[] => [
      ...history(),
      rate(S1, 'r1', 3_000, '2023-01-01', '2023-06-30'),
      rate(S1, 'r2', 3_333, '2023-07-01', null),
      rate(S2, 'r3', 4_550, '2023-01-01', null),
      event(`workshop-${W1}`, 'StaffHoursRecorded', { workshopId: W1, entryId: 'h1', personId: S1, activity: 'running', workedOn: '2023-05-10', minutes: 190, note: 'Facilitation', recordedAt: 'x' }),
      event(`chain-${CHAIN}`, 'ChainStaffHoursRecorded', { chainId: CHAIN, entryId: 'h2', personId: S1, activity: 'meeting', workedOn: '2023-08-15', minutes: 30, note: '', at: 'x' }),
      event(`chain-${CHAIN}`, 'ChainStaffHoursRecorded', { chainId: CHAIN, entryId: 'h3', personId: S2, activity: 'planning', workedOn: '2023-03-01', minutes: 100, note: 'Core team', at: 'x' }),
      event(`workshop-${W2}`, 'StaffHoursRecorded', { workshopId: W2, entryId: 'h4', personId: S2, activity: 'follow-up', workedOn: '2023-05-20', minutes: 60, note: '', recordedAt: 'x' }),
      event(`workshop-${W2}`, 'StaffHoursVoided', { workshopId: W2, entryId: 'h4', personId: S2, reason: 'Wrong workshop', voidedAt: 'x' }),
      event(`chain-${CHAIN}`, 'ChainStaffHoursRecorded', { chainId: CHAIN, entryId: 'h5', personId: S1, activity: 'planning', workedOn: '2022-12-31', minutes: 120, note: '', at: 'x' }),
      event(`chain-${CHAIN}`, 'ChainExpenseRecorded', { chainId: CHAIN, expenseId: 'cx1', description: 'Core team to Kemi', incurredOn: '2023-09-01', ...chainFigures(20_000), at: 'x' }),
      event(`chain-${CHAIN}`, 'ChainExpenseCorrected', { chainId: CHAIN, expenseId: 'cx1', ...chainFigures(18_000), previous: chainFigures(20_000), reason: 'Refund', at: 'x' }),
      event(`chain-${CHAIN}`, 'FlatRateDeclared', { chainId: CHAIN, basisPoints: 4_000, basis: 'direct-staff-costs', reference: 'CPR art. 56', at: 'x' }),
    ];
    const log = staffed();
    const ledger = buildLedger(chainFacts(CHAIN, log));
    const byId = (id: string) => log.find((e) => e.id === id)!;
    const idOf = (type: string, match: (data: Record<string, unknown>) => boolean) => log.find((e) => e.type === type && match(e.data as Record<string, unknown>))!.id;

    it('has a row per chain-level expense (scope chain, no workshop), per staff-hours entry and one for the flat rate', () => {
      const rows = rowsOf(ledgerItemsCsv(ledger));

      expect(rows.filter((r) => r.scope === 'chain').map((r) => [r.section, r.workshop_id, r.item_id, r.status, r.original_cents, r.counted_cents])).toEqual([
        ['expense', '', 'cx1', 'corrected', '20000', '18000'],
        ['staff-cost', '', 'h2', 'recorded', '1667', '1667'],
        ['staff-cost', '', 'h3', 'recorded', '7583', '7583'],
        ['staff-cost', '', 'h5', 'recorded', '0', '0'],
        ['flat-rate', '', idOf('FlatRateDeclared', () => true), 'declared', '7500', '7500'],
      ]);
      const staff = rows.filter((r) => r.section === 'staff-cost');
      expect(staff.map((r) => [r.item_id, r.workshop_title, r.person, r.worked_on, r.minutes, r.hourly_rate_cents, r.description, r.status, r.counted_cents])).toEqual([
        ['h1', 'Rauma', S1, '2023-05-10', '190', '3000', 'running: Facilitation', 'recorded', '9500'],
        ['h2', '', S1, '2023-08-15', '30', '3333', 'meeting', 'recorded', '1667'],
        ['h3', '', S2, '2023-03-01', '100', '4550', 'planning: Core team', 'recorded', '7583'],
        ['h4', 'Helsinki', S2, '2023-05-20', '60', '4550', 'follow-up', 'voided', '0'],
        // No rate covers the day: no rate in the row, nothing counted.
        ['h5', '', S1, '2022-12-31', '120', '', 'planning', 'recorded', '0'],
      ]);
      expect(staff[3]).toMatchObject({ original_cents: '4550', last_event_id: idOf('StaffHoursVoided', () => true) });
      expect(rows.find((r) => r.section === 'flat-rate')!.description).toBe('Flat rate 40 % of 18750 cents (direct-staff-costs): CPR art. 56');
    });

    it('sums counted_cents by section to each JSON total, and by workshop within a section to its figures (empty workshop: the chain level)', () => {
      const rows = rowsOf(ledgerItemsCsv(ledger));
      const bySection = Object.fromEntries(sumBy(rows, (r) => r.section!));

      expect(bySection).toEqual({
        expense: ledger.expenses.totalCents.value,
        'in-kind': ledger.inKind.deliveredCents.value,
        'staff-cost': ledger.staffCosts.totalCents.value,
        'flat-rate': ledger.flatRate!.amountCents.value,
      });
      expect(bySection).toEqual({ expense: 223_000, 'in-kind': 30_000, 'staff-cost': 18_750, 'flat-rate': 7_500 });
      const staffByWorkshop = sumBy(rows.filter((r) => r.section === 'staff-cost'), (r) => r.workshop_id!);
      expect(ledger.staffCosts.byWorkshop.map((w) => [w.workshopId, staffByWorkshop.get(w.workshopId) ?? 0])).toEqual(ledger.staffCosts.byWorkshop.map((w) => [w.workshopId, w.totalCents.value]));
      expect(staffByWorkshop.get('')).toBe(ledger.staffCosts.chainLevel.totalCents.value);
      expect(sumBy(rows.filter((r) => r.section === 'expense'), (r) => r.workshop_id!).get('')).toBe(ledger.expenses.chainLevel.totalCents.value);
    });

    it('lists the hours events and the rate event behind each staff cost in log order, and the flat rate’s declaration', () => {
      const rows = rowsOf(ledgerHistoryCsv(ledger));
      const of = (item: string) => rows.filter((r) => r.item_id === item).map((r) => [r.event_type, r.amount_before_cents, r.amount_after_cents, r.reason, r.hourly_rate_cents]);

      expect(of('h4')).toEqual([
        ['HourlyRateSet', '', '', '', '4550'],
        ['StaffHoursRecorded', '', '4550', '', '4550'],
        ['StaffHoursVoided', '4550', '0', 'Wrong workshop', '4550'],
      ]);
      expect(of('h5')).toEqual([['ChainStaffHoursRecorded', '', '0', '', '']]);
      expect(of('cx1')).toEqual([
        ['ChainExpenseRecorded', '', '20000', '', ''],
        ['ChainExpenseCorrected', '20000', '18000', 'Refund', ''],
      ]);
      const declaration = rows.find((r) => r.section === 'flat-rate')!;
      expect(declaration).toMatchObject({ event_type: 'FlatRateDeclared', workshop_id: '', amount_after_cents: '7500' });
      const rateRow = rows.find((r) => r.item_id === 'h2' && r.event_type === 'HourlyRateSet')!;
      expect([rateRow.event_id, rateRow.stream]).toEqual([idOf('HourlyRateSet', (d) => d.rateId === 'r2'), `staff-${S1}`]);
      // Every row is an event of the log, as it stands there.
      for (const row of rows) expect([row.event_type, row.stream, row.actor]).toEqual([byId(row.event_id!).type, byId(row.event_id!).stream, byId(row.event_id!).metadata.actor]);
    });
  });
});

describe('Ledger CSV with hostile text (issue 16: every CSV the system writes)', () => {
  // Arbitrary text in every free-text cell an event can fill: titles, names, descriptions, references, reasons, actors (categories are a closed list).
  const texts = fc.record({ title: hostileText, orgName: hostileText, description: hostileText, receipt: hostileText, reason: hostileText, actor: hostileText, basis: hostileText });
  const log = (t: { title: string; orgName: string; description: string; receipt: string; reason: string; actor: string; basis: string }): RecordedEvent[] => {
    position = 0n;
    const figures = (amountCents: number) => ({ amountCents, category: 'catering', fundingSource: 'esf', receiptReference: t.receipt });
    return [
      event(`chain-${CHAIN}`, 'ChainStarted', { chainId: CHAIN, name: 'Ketju' }),
      event(`organization-${ORG}`, 'OrganizationRegistered', { organizationId: ORG, name: t.orgName, sector: 'public' }),
      event(`workshop-${W1}`, 'WorkshopPlanned', { workshopId: W1, chainId: CHAIN, title: t.title, kind: 'co-development' }),
      event(`chain-${CHAIN}`, 'WorkshopAddedToChain', { chainId: CHAIN, workshopId: W1, order: 0 }),
      event(`workshop-${W1}`, 'ExpenseRecorded', { workshopId: W1, expenseId: 'x1', description: t.description, incurredOn: '2023-05-10', recordedAt: 'x', ...figures(100) }, t.actor),
      event(`workshop-${W1}`, 'ExpenseCorrected', { workshopId: W1, expenseId: 'x1', ...figures(90), previous: figures(100), reason: t.reason, correctedAt: 'x' }, t.actor),
      event(`workshop-${W1}`, 'ResourcePledged', {
        workshopId: W1,
        pledgeId: 'g1',
        organizationId: ORG,
        kind: 'venue',
        description: t.description,
        inKindValueCents: 300,
        valuationBasis: t.basis,
        pledgedAt: 'x',
      }),
    ];
  };

  it('reads back the items sheet as written for any text, with no cell running as a formula', () => {
    fc.assert(
      fc.property(texts, (t) => {
        const rows = parseCsv(ledgerItemsCsv(buildLedger(chainFacts(CHAIN, log(t)))));

        expect(rows).toHaveLength(3);
        const [header, expense, pledge] = rows.map((row) => Object.fromEntries(rows[0]!.map((column, i) => [column, row[i]])));
        expect(Object.keys(header!)).toHaveLength(rows[0]!.length);
        expect(expense).toMatchObject({
          workshop_title: readBack(t.title),
          description: readBack(t.description),
          receipt_reference: readBack(t.receipt),
          recorded_by: readBack(t.actor),
          counted_cents: '90',
        });
        expect(pledge).toMatchObject({ organization_name: readBack(t.orgName), valuation_basis: readBack(t.basis), counted_cents: '0' });
        expect(noFormulaCells(rows)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('reads back the history sheet as written for any text, with no cell running as a formula', () => {
    fc.assert(
      fc.property(texts, (t) => {
        const rows = parseCsv(ledgerHistoryCsv(buildLedger(chainFacts(CHAIN, log(t)))));

        expect(rows.slice(1).map((row) => [row[2], row[4], row[10], row[14]])).toEqual([
          ['x1', 'ExpenseRecorded', readBack(t.actor), ''],
          ['x1', 'ExpenseCorrected', readBack(t.actor), readBack(t.reason)],
          ['g1', 'ResourcePledged', 'office', ''],
        ]);
        expect(rows.every((row) => row.length === rows[0]!.length)).toBe(true);
        expect(noFormulaCells(rows)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
