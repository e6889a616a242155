import { csvDocument, type CsvValue } from '@kuhina/analytics';
import type { EventRef } from './audit-records';
import type { AuditLedger, LedgerFlatRate, LedgerRateApplied, LedgerStep } from './audit-ledger';

/** A ledger item (expense, in-kind pledge, staff hours, the flat rate) as both sheets see it. */
interface Item {
  section: 'expense' | 'in-kind' | 'staff-cost' | 'flat-rate';
  scope: 'workshop' | 'chain';
  workshopId: string | null;
  itemId: string;
  history: LedgerStep[];
  /** The hourly rate behind a staff-cost item, and its event (a row of its own in the history sheet). */
  rate?: LedgerRateApplied | null;
}

const ITEM_COLUMNS = [
  'section', 'scope', 'workshop_id', 'workshop_title', 'item_id', 'description', 'category_or_kind', 'funding_source', 'valuation_basis', 'organization_id', 'organization_name',
  'incurred_on', 'receipt_reference', 'status', 'original_cents', 'counted_cents', 'recorded_by', 'recorded_at', 'last_event_id',
  'person', 'worked_on', 'minutes', 'hourly_rate_cents',
] as const;

const HISTORY_COLUMNS = [
  'section', 'workshop_id', 'item_id', 'event_id', 'event_type', 'stream', 'revision', 'position', 'occurred_at', 'recorded_at', 'actor', 'correlation_id',
  'amount_before_cents', 'amount_after_cents', 'reason', 'hourly_rate_cents',
] as const;

// The network's CSV cell rules (quoting, formulas neutralised, numbers stay numbers): a description typed in by
// someone must neither split a row nor run in a spreadsheet.
const csv = (rows: CsvValue[][], columns: readonly string[]) => csvDocument(columns, rows);

const byPosition = (a: EventRef, b: EventRef) => a.position.length - b.position.length || (a.position < b.position ? -1 : a.position > b.position ? 1 : 0);

/** The flat rate as an item: its declaration is its only event; its amount is what it adds. */
const flatRateItem = (flatRate: LedgerFlatRate): Item => ({
  section: 'flat-rate',
  scope: 'chain',
  workshopId: null,
  itemId: flatRate.declaration.eventId,
  history: [{ ...flatRate.declaration, amountBeforeCents: null, amountAfterCents: flatRate.amountCents.value, reason: null }],
});

const itemsOf = (ledger: AuditLedger): Item[] => [
  ...ledger.expenses.entries.map((e): Item => ({ section: 'expense', scope: e.scope, workshopId: e.workshopId, itemId: e.expenseId, history: e.history })),
  ...ledger.inKind.contributions.map((c): Item => ({ section: 'in-kind', scope: 'workshop', workshopId: c.workshopId, itemId: c.pledgeId, history: c.history })),
  ...ledger.staffCosts.entries.map((s): Item => ({ section: 'staff-cost', scope: s.scope, workshopId: s.workshopId, itemId: s.entryId, history: s.history, rate: s.rate })),
  ...(ledger.flatRate ? [flatRateItem(ledger.flatRate)] : []),
];

/**
 * `format=csv`: one row per ledger item with its original and its counted amount, in cents: each expense (a
 * workshop's or the chain's own), in-kind pledge, staff-hours entry, and the flat rate. Summing `counted_cents` by
 * `section` gives the JSON ledger's totals: `expense` → `expenses.totalCents`, `in-kind` → `inKind.deliveredCents`,
 * `staff-cost` → `staffCosts.totalCents`, `flat-rate` → `flatRate.amountCents`; by `workshop_id` within a section,
 * each workshop's (an empty `workshop_id`, scope `chain`: the chain level).
 */
export function ledgerItemsCsv(ledger: AuditLedger): string {
  const titles = new Map(ledger.expenses.byWorkshop.map((w) => [w.workshopId, w.title ?? '']));
  const row = (item: Item, what: CsvValue[], status: string, original: number, counted: number, staff: CsvValue[] = ['', '', '', '']) => {
    const first = item.history[0];
    const workshop = item.workshopId ?? '';
    return [item.section, item.scope, workshop, titles.get(workshop) ?? '', item.itemId, ...what, status, original, counted, first?.actor ?? '', first?.recordedAt ?? '', item.history.at(-1)?.eventId ?? '', ...staff];
  };
  const rows = [
    ...ledger.expenses.entries.map((e) =>
      row({ section: 'expense', scope: e.scope, workshopId: e.workshopId, itemId: e.expenseId, history: e.history }, [e.description, e.category, e.fundingSource, '', '', '', e.incurredOn, e.receiptReference], e.status, e.originalCents, e.counted.value),
    ),
    // The JSON ledger counts a pledge's value once it was delivered (`inKind.deliveredCents`), else nothing.
    ...ledger.inKind.contributions.map((c) =>
      row({ section: 'in-kind', scope: 'workshop', workshopId: c.workshopId, itemId: c.pledgeId, history: c.history }, [c.description, c.kind, '', c.valuationBasis, c.organizationId, c.organizationName ?? '', '', ''], c.status, c.originalCents, c.delivered ? c.valueCents.value : 0),
    ),
    // original_cents: the minutes at the rate as recorded; counted_cents: 0 when voided or when no rate covers the day.
    ...ledger.staffCosts.entries.map((s) =>
      row(
        { section: 'staff-cost', scope: s.scope, workshopId: s.workshopId, itemId: s.entryId, history: s.history },
        [s.note === '' ? s.activity : `${s.activity}: ${s.note}`, s.activity, '', s.rate?.basis ?? '', '', '', s.workedOn, ''],
        s.status,
        s.originalCents,
        s.costCents.value,
        [s.personId, s.workedOn, s.minutes, s.rate?.hourlyRateCents ?? ''],
      ),
    ),
    ...(ledger.flatRate ? [flatRateRow(ledger.flatRate)] : []),
  ];
  return csv(rows, ITEM_COLUMNS);

  // What the flat rate adds is its amount: original and counted alike.
  function flatRateRow(flatRate: LedgerFlatRate): CsvValue[] {
    const { basisPoints, basisCents, basis, reference, amountCents } = flatRate;
    const description = `Flat rate ${basisPoints / 100} % of ${basisCents} cents (${basis}): ${reference}`;
    return row(flatRateItem(flatRate), [description, basis, '', '', '', '', '', ''], 'declared', amountCents.value, amountCents.value);
  }
}

/**
 * `format=csv-history`: one row per event behind each ledger item (recorded, corrected, voided; pledged, fulfilled,
 * withdrawn; the hours and the HourlyRateSet event of the rate applied; the flat rate's declaration), in log order
 * per item, with the item's amount before and after it. No column counts: summing this sheet gives no total.
 */
export function ledgerHistoryCsv(ledger: AuditLedger): string {
  const rows: CsvValue[][] = [];
  for (const item of itemsOf(ledger)) {
    // The rate's own event sets no amount of the item: a row with the rate and empty amounts.
    const steps: Array<LedgerStep | (EventRef & { amountBeforeCents: null; amountAfterCents: null; reason: null })> = [...item.history];
    if (item.rate) steps.push({ ...item.rate.source, amountBeforeCents: null, amountAfterCents: null, reason: null });
    steps.sort(byPosition);
    const rate = item.rate?.hourlyRateCents ?? '';
    for (const step of steps) {
      rows.push([
        item.section, item.workshopId ?? '', item.itemId, step.eventId, step.type, step.stream, step.revision, step.position, step.occurredAt, step.recordedAt, step.actor, step.correlationId,
        step.amountBeforeCents ?? '', step.amountAfterCents ?? '', step.reason ?? '', rate,
      ]);
    }
  }
  return csv(rows, HISTORY_COLUMNS);
}
