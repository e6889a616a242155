import { conflict, invalid, notFound } from '../../shared/domain-error';
import { idMapGet } from '../id-map';
import type { CorrectExpense, RecordExpense, VoidExpense } from '../workshop.commands';
import { WorkshopErrors as E } from '../workshop.errors';
import { EXPENSE_CATEGORIES, FUNDING_SOURCES, type ExpenseFigures, type WorkshopEvent } from '../workshop.events';
import { expenseKey } from '../workshop.fingerprints';
import { existing } from '../workshop.guards';
import type { ExistingWorkshop, ExpenseEntry, WorkshopState } from '../workshop.state';
import { fieldChecks, fingerprint, isCents } from '../workshop.validation';
import { INTEGER } from '../../shared/rules';

// Expenses: costs in whole cents with their funding source and receipt, never edited: voided or corrected by new facts.

const expenseField = fieldChecks(E.EXPENSE_INVALID_FIELD);

/** The figures every expense must have, on a workshop or on the chain: same rules, same codes. */
export function validateExpenseFigures(figures: ExpenseFigures): void {
  if (!isCents(figures.amountCents)) {
    throw invalid(E.EXPENSE_AMOUNT_INVALID, `amountCents must be ${INTEGER.CENTS.expected}`, { amountCents: figures.amountCents });
  }
  expenseField.oneOf(figures.category, EXPENSE_CATEGORIES, 'category');
  expenseField.oneOf(figures.fundingSource, FUNDING_SOURCES, 'fundingSource');
  // ESF audits trace every euro to its evidence.
  expenseField.text(figures.receiptReference, 'receiptReference');
}

// Expenses are allowed in every state: the costs of a cancelled workshop are still costs.
export function recordExpense({ data, at }: RecordExpense, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  expenseField.text(data.expenseId, 'expenseId');
  validateExpenseFigures(data);
  expenseField.anyText(data.description, 'description');
  expenseField.date(data.incurredOn, 'incurredOn');
  const known = idMapGet(w.expenses, data.expenseId);
  if (known) {
    if (known.key === expenseKey(data)) return [];
    throw conflict(E.EXPENSE_ALREADY_EXISTS, `Expense id ${data.expenseId} is taken`, { expenseId: data.expenseId });
  }
  return [
    {
      type: 'ExpenseRecorded',
      data: {
        workshopId: w.workshopId,
        expenseId: data.expenseId,
        category: data.category,
        amountCents: data.amountCents,
        fundingSource: data.fundingSource,
        receiptReference: data.receiptReference,
        description: data.description,
        incurredOn: data.incurredOn,
        recordedAt: at,
      },
    },
  ];
}

function liveExpense(w: ExistingWorkshop, expenseId: string): ExpenseEntry {
  expenseField.text(expenseId, 'expenseId');
  const expense = idMapGet(w.expenses, expenseId);
  if (!expense) {
    throw notFound(E.EXPENSE_NOT_FOUND, `Expense ${expenseId} does not exist in workshop ${w.workshopId}`, { expenseId });
  }
  if (expense.status === 'voided') throw conflict(E.EXPENSE_VOIDED, `Expense ${expenseId} was voided`, { expenseId });
  return expense;
}

export function voidExpense({ data, at }: VoidExpense, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  expenseField.text(data.reason, 'reason');
  liveExpense(w, data.expenseId);
  return [{ type: 'ExpenseVoided', data: { workshopId: w.workshopId, expenseId: data.expenseId, reason: data.reason, voidedAt: at } }];
}

export function correctExpense({ data, at }: CorrectExpense, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  validateExpenseFigures(data);
  expenseField.text(data.reason, 'reason');
  const expense = liveExpense(w, data.expenseId);
  const figures: ExpenseFigures = {
    amountCents: data.amountCents,
    category: data.category,
    fundingSource: data.fundingSource,
    receiptReference: data.receiptReference,
  };
  const previous: ExpenseFigures = {
    amountCents: expense.amountCents,
    category: expense.category,
    fundingSource: expense.fundingSource,
    receiptReference: expense.receiptReference,
  };
  if (fingerprint(figures) === fingerprint(previous)) return []; // nothing to correct (or a retry)
  return [
    {
      type: 'ExpenseCorrected',
      data: { workshopId: w.workshopId, expenseId: data.expenseId, ...figures, previous, reason: data.reason, correctedAt: at },
    },
  ];
}
