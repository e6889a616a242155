import { assertNever } from '../../shared/decider';
import { idMapGet, idMapSet } from '../id-map';
import type { ExpenseCorrected, ExpenseRecorded, ExpenseVoided } from '../workshop.events';
import { expenseKey } from '../workshop.fingerprints';
import type { ExistingWorkshop } from '../workshop.state';

/** The events of expenses. */
export type ExpenseEvent = ExpenseRecorded | ExpenseVoided | ExpenseCorrected;

export function evolveExpenses(w: ExistingWorkshop, event: ExpenseEvent): ExistingWorkshop {
  switch (event.type) {
    case 'ExpenseRecorded': {
      const { expenseId, amountCents, category, fundingSource, receiptReference } = event.data;
      return {
        ...w,
        expenses: idMapSet(w.expenses, expenseId, {
          amountCents,
          category,
          fundingSource,
          receiptReference,
          status: 'recorded',
          key: expenseKey(event.data),
        }),
      };
    }
    case 'ExpenseVoided':
    case 'ExpenseCorrected': {
      const expense = idMapGet(w.expenses, event.data.expenseId);
      if (!expense) throw new Error(`Unknown expense ${event.data.expenseId} in workshop ${w.workshopId}`);
      const changed =
        event.type === 'ExpenseVoided'
          ? { ...expense, status: 'voided' as const }
          : {
              ...expense,
              amountCents: event.data.amountCents,
              category: event.data.category,
              fundingSource: event.data.fundingSource,
              receiptReference: event.data.receiptReference,
            };
      return { ...w, expenses: idMapSet(w.expenses, event.data.expenseId, changed) };
    }
    default:
      return assertNever(event, 'expense event');
  }
}
