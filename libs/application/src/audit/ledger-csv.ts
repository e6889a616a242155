import { stringify } from 'csv-stringify/sync';
import type { AuditLedger, LedgerStep } from './audit-ledger';

/** A ledger item (expense or in-kind pledge) as both sheets see it. */
interface Item {
  section: 'expense' | 'in-kind';
  workshopId: string;
  itemId: string;
  history: LedgerStep[];
}

const itemsOf = (ledger: AuditLedger): Item[] => [
  ...ledger.expenses.entries.map((e): Item => ({ section: 'expense', workshopId: e.workshopId, itemId: e.expenseId, history: e.history })),
  ...ledger.inKind.contributions.map((c): Item => ({ section: 'in-kind', workshopId: c.workshopId, itemId: c.pledgeId, history: c.history })),
];

const ITEM_COLUMNS = [
  'section', 'scope', 'workshop_id', 'workshop_title', 'item_id', 'description', 'category_or_kind', 'funding_source', 'valuation_basis', 'organization_id', 'organization_name',
  'incurred_on', 'receipt_reference', 'status', 'original_cents', 'counted_cents', 'recorded_by', 'recorded_at', 'last_event_id',
] as const;

const HISTORY_COLUMNS = [
  'section', 'workshop_id', 'item_id', 'event_id', 'event_type', 'stream', 'revision', 'position', 'occurred_at', 'recorded_at', 'actor', 'correlation_id',
  'amount_before_cents', 'amount_after_cents', 'reason',
] as const;

// escape_formulas: a description starting with = + - @ must not run in a spreadsheet (numbers stay numbers).
const csv = (rows: unknown[][], columns: readonly string[]) => stringify(rows, { header: true, columns: [...columns], escape_formulas: true });

/**
 * `format=csv`: one row per ledger item (expense, in-kind pledge) with its original and its counted amount, in cents.
 * Summing `counted_cents` gives the JSON ledger: per workshop `expenses.byWorkshop[].totalCents` (expense rows) and
 * the delivered in-kind value (in-kind rows); over the chain `expenses.totalCents` and `inKind.deliveredCents`.
 */
export function ledgerItemsCsv(ledger: AuditLedger): string {
  const titles = new Map(ledger.expenses.byWorkshop.map((w) => [w.workshopId, w.title ?? '']));
  // Every item belongs to a workshop today; `scope` is there so a chain-level item can come without changing the columns.
  const row = (item: Item, what: unknown[], status: string, original: number, counted: number) => {
    const first = item.history[0];
    return [item.section, 'workshop', item.workshopId, titles.get(item.workshopId) ?? '', item.itemId, ...what, status, original, counted, first?.actor ?? '', first?.recordedAt ?? '', item.history.at(-1)?.eventId ?? ''];
  };
  const rows = [
    ...ledger.expenses.entries.map((e) =>
      row({ section: 'expense', workshopId: e.workshopId, itemId: e.expenseId, history: e.history }, [e.description, e.category, e.fundingSource, '', '', '', e.incurredOn, e.receiptReference], e.status, e.originalCents, e.counted.value),
    ),
    // The JSON ledger counts a pledge's value once it was delivered (`inKind.deliveredCents`), else nothing.
    ...ledger.inKind.contributions.map((c) =>
      row({ section: 'in-kind', workshopId: c.workshopId, itemId: c.pledgeId, history: c.history }, [c.description, c.kind, '', c.valuationBasis, c.organizationId, c.organizationName ?? '', '', ''], c.status, c.originalCents, c.delivered ? c.valueCents.value : 0),
    ),
  ];
  return csv(rows, ITEM_COLUMNS);
}

/**
 * `format=csv-history`: one row per event behind each ledger item (recorded, corrected, voided; pledged, fulfilled,
 * withdrawn) with the item's amount before and after it. No column counts: summing this sheet gives no total.
 */
export function ledgerHistoryCsv(ledger: AuditLedger): string {
  const rows: unknown[][] = [];
  for (const item of itemsOf(ledger)) {
    for (const step of item.history) {
      rows.push([
        item.section, item.workshopId, item.itemId, step.eventId, step.type, step.stream, step.revision, step.position, step.occurredAt, step.recordedAt, step.actor, step.correlationId,
        step.amountBeforeCents ?? '', step.amountAfterCents, step.reason ?? '',
      ]);
    }
  }
  return csv(rows, HISTORY_COLUMNS);
}
