import { parse } from 'csv-parse/sync';
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
});
