import { stringify } from 'csv-stringify/sync';
import type { AuditLedger } from './audit-ledger';
import type { EventRef } from './audit-records';

const COLUMNS = [
  'section', 'workshop_id', 'workshop_title', 'item_id', 'description', 'category_or_kind', 'funding_source', 'valuation_basis', 'status',
  'amount_cents', 'counted_cents', 'receipt_reference', 'event_id', 'event_type', 'stream', 'revision', 'position', 'occurred_at', 'recorded_at', 'actor', 'correlation_id',
] as const;

const eventColumns = (ref: EventRef) => [ref.eventId, ref.type, ref.stream, ref.revision, ref.position, ref.occurredAt, ref.recordedAt, ref.actor, ref.correlationId];

/**
 * The ledger as one sheet: a row per event behind each expense and in-kind contribution (voided and corrected ones
 * included, with their status), so a spreadsheet sums the figures and every row names its event.
 */
export function ledgerCsv(ledger: AuditLedger): string {
  const titles = new Map(ledger.expenses.byWorkshop.map((w) => [w.workshopId, w.title ?? '']));
  const rows: unknown[][] = [];
  for (const expense of ledger.expenses.entries) {
    for (const ref of expense.history) {
      rows.push(['expense', expense.workshopId, titles.get(expense.workshopId) ?? '', expense.expenseId, expense.description, expense.category, expense.fundingSource, '', expense.status, '', expense.counted.value, expense.receiptReference, ...eventColumns(ref)]);
    }
  }
  for (const contribution of ledger.inKind.contributions) {
    for (const ref of contribution.valueCents.sources) {
      rows.push(['in-kind', contribution.workshopId, titles.get(contribution.workshopId) ?? '', contribution.pledgeId, contribution.description, contribution.kind, '', contribution.valuationBasis, contribution.status, contribution.valueCents.value, contribution.delivered ? contribution.valueCents.value : 0, '', ...eventColumns(ref)]);
    }
  }
  // escape_formulas: a description starting with = + - @ must not run in a spreadsheet.
  return stringify(rows, { header: true, columns: [...COLUMNS], escape_formulas: true });
}
