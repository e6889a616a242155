import type { RecordedEvent } from '@kuhina/event-store';
import { eventRef, type EventRef } from './audit-records';

/** One event of a ledger item (expense, in-kind pledge), with the item's amount before and after it. */
export interface LedgerStep extends EventRef {
  /** Null before the item's first event. */
  amountBeforeCents: number | null;
  amountAfterCents: number;
  /** The reason the event gives (a correction, a void, a withdrawal), if any. */
  reason: string | null;
}

/**
 * Each event of an item with the amount it left: recording or pledging sets it, a correction replaces it (its own
 * `previous` says what it replaced, as recorded then), a void or a withdrawal takes it to 0; fulfilling keeps it.
 */
export function ledgerSteps(events: readonly RecordedEvent[]): LedgerStep[] {
  let amount: number | null = null;
  return events.map((event) => {
    const data = event.data as { amountCents?: number; inKindValueCents?: number; previous?: { amountCents?: number }; reason?: string };
    let before = amount;
    if (event.type === 'ExpenseRecorded' || event.type === 'ChainExpenseRecorded') amount = data.amountCents ?? null;
    else if (event.type === 'ResourcePledged') amount = data.inKindValueCents ?? null;
    else if (event.type === 'ExpenseCorrected' || event.type === 'ChainExpenseCorrected') {
      if (typeof data.previous?.amountCents === 'number') before = data.previous.amountCents;
      amount = data.amountCents ?? amount;
    } else if (event.type === 'ExpenseVoided' || event.type === 'ChainExpenseVoided' || event.type === 'PledgeWithdrawn') amount = 0;
    return { ...eventRef(event), amountBeforeCents: before, amountAfterCents: amount ?? 0, reason: typeof data.reason === 'string' ? data.reason : null };
  });
}
