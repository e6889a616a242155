import { conflict, invalid, notFound } from '../shared/domain-error';
import { fieldChecks } from '../shared/field-checks';
import { checkStaffHours, staffHoursKey } from '../staff/staff-hours';
import { validateExpenseFigures } from '../workshop/expenses/expenses.decide';
import { WorkshopErrors } from '../workshop/workshop.errors';
import { expenseKey } from '../workshop/workshop.fingerprints';
import { fingerprint } from '../workshop/workshop.validation';
import type { CorrectChainExpense, DeclareFlatRate, RecordChainExpense, RecordChainStaffHours, VoidChainExpense, VoidChainStaffHours } from './chain.commands';
import { ChainErrors } from './chain.errors';
import { FLAT_RATE_BASES, type ChainEvent, type ChainExpenseCorrected, type ChainExpenseRecorded, type ChainExpenseVoided, type ChainStaffHoursRecorded, type ChainStaffHoursVoided, type FlatRateDeclared } from './chain.events';
import type { ActiveChain, ChainExpenseEntry, ClosedChain } from './chain.state';

// The chain's own costs: expenses and staff hours of the chain as a whole (not of one workshop), and the flat rate it
// claims "other costs" with. Expenses keep the workshop's rules and codes (EXPENSE.*): same evidence, same audit.

type Chain = ActiveChain | ClosedChain;

const expenseField = fieldChecks(WorkshopErrors.EXPENSE_INVALID_FIELD);
const hoursField = fieldChecks(ChainErrors.INVALID_FIELD);

// Costs come in after a chain closes too (final invoices), as payments do: allowed on a closed chain.

export function recordChainExpense({ data, at }: RecordChainExpense, chain: Chain): ChainEvent[] {
  expenseField.text(data.expenseId, 'expenseId');
  validateExpenseFigures(data);
  expenseField.anyText(data.description, 'description');
  expenseField.date(data.incurredOn, 'incurredOn');
  const known = chain.expenses[data.expenseId];
  if (known) {
    if (known.key === expenseKey(data)) return [];
    throw conflict(WorkshopErrors.EXPENSE_ALREADY_EXISTS, `Expense id ${data.expenseId} is taken`, { expenseId: data.expenseId });
  }
  const { expenseId, category, amountCents, fundingSource, receiptReference, description, incurredOn } = data;
  return [{ type: 'ChainExpenseRecorded', data: { chainId: chain.chainId, expenseId, category, amountCents, fundingSource, receiptReference, description, incurredOn, at } }];
}

function liveExpense(chain: Chain, expenseId: string): ChainExpenseEntry {
  expenseField.text(expenseId, 'expenseId');
  const expense = chain.expenses[expenseId];
  if (!expense) throw notFound(WorkshopErrors.EXPENSE_NOT_FOUND, `Expense ${expenseId} does not exist in chain ${chain.chainId}`, { expenseId });
  if (expense.status === 'voided') throw conflict(WorkshopErrors.EXPENSE_VOIDED, `Expense ${expenseId} was voided`, { expenseId });
  return expense;
}

export function voidChainExpense({ data, at }: VoidChainExpense, chain: Chain): ChainEvent[] {
  expenseField.text(data.reason, 'reason');
  liveExpense(chain, data.expenseId);
  return [{ type: 'ChainExpenseVoided', data: { chainId: chain.chainId, expenseId: data.expenseId, reason: data.reason, at } }];
}

export function correctChainExpense({ data, at }: CorrectChainExpense, chain: Chain): ChainEvent[] {
  validateExpenseFigures(data);
  expenseField.text(data.reason, 'reason');
  const expense = liveExpense(chain, data.expenseId);
  const figures = { amountCents: data.amountCents, category: data.category, fundingSource: data.fundingSource, receiptReference: data.receiptReference };
  const previous = { amountCents: expense.amountCents, category: expense.category, fundingSource: expense.fundingSource, receiptReference: expense.receiptReference };
  if (fingerprint(figures) === fingerprint(previous)) return []; // nothing to correct (or a retry)
  return [{ type: 'ChainExpenseCorrected', data: { chainId: chain.chainId, expenseId: data.expenseId, ...figures, previous, reason: data.reason, at } }];
}

export function recordChainStaffHours({ data, at }: RecordChainStaffHours, chain: Chain): ChainEvent[] {
  checkStaffHours(data, hoursField, ChainErrors.INVALID_FIELD);
  const known = chain.staffHours[data.entryId];
  if (known) {
    if (known.key === staffHoursKey(data)) return [];
    throw conflict(ChainErrors.STAFF_HOURS_ALREADY_EXISTS, `Staff-hours entry ${data.entryId} is taken`, { entryId: data.entryId });
  }
  const { entryId, personId, activity, workedOn, minutes, note } = data;
  return [{ type: 'ChainStaffHoursRecorded', data: { chainId: chain.chainId, entryId, personId, activity, workedOn, minutes, note, at } }];
}

export function voidChainStaffHours({ data, at }: VoidChainStaffHours, chain: Chain): ChainEvent[] {
  hoursField.text(data.entryId, 'entryId');
  hoursField.text(data.reason, 'reason');
  const entry = chain.staffHours[data.entryId];
  if (!entry) throw notFound(ChainErrors.STAFF_HOURS_NOT_FOUND, `No staff-hours entry ${data.entryId} in chain ${chain.chainId}`, { entryId: data.entryId });
  if (entry.voided) return [];
  return [{ type: 'ChainStaffHoursVoided', data: { chainId: chain.chainId, entryId: data.entryId, personId: entry.personId, reason: data.reason, at } }];
}

export function declareFlatRate({ data, at }: DeclareFlatRate, chain: Chain): ChainEvent[] {
  if (data.basisPoints !== null && (!Number.isInteger(data.basisPoints) || data.basisPoints < 1 || data.basisPoints > 10_000)) {
    throw invalid(ChainErrors.INVALID_FIELD, 'basisPoints must be a whole number from 1 to 10,000 (4000 = 40 %) or null', { field: 'basisPoints', expected: 'a whole number from 1 to 10,000 or null', value: data.basisPoints });
  }
  hoursField.oneOf(data.basis, FLAT_RATE_BASES, 'basis');
  hoursField.text(data.reference, 'reference');
  const current = chain.flatRate;
  if (current && current.basisPoints === data.basisPoints && current.basis === data.basis && current.reference === data.reference) return [];
  if (current === null && data.basisPoints === null) return [];
  return [{ type: 'FlatRateDeclared', data: { chainId: chain.chainId, basisPoints: data.basisPoints, basis: data.basis, reference: data.reference, at } }];
}

export type ChainCostEvent = ChainExpenseRecorded | ChainExpenseVoided | ChainExpenseCorrected | ChainStaffHoursRecorded | ChainStaffHoursVoided | FlatRateDeclared;

/** The chain after one of its cost events (chains folded from before these existed have no maps yet). */
export function evolveChainCosts<C extends Chain>(chain: C, event: ChainCostEvent): C {
  const expenses = chain.expenses ?? {};
  const staffHours = chain.staffHours ?? {};
  switch (event.type) {
    case 'ChainExpenseRecorded': {
      const { expenseId, amountCents, category, fundingSource, receiptReference } = event.data;
      return { ...chain, expenses: { ...expenses, [expenseId]: { amountCents, category, fundingSource, receiptReference, status: 'recorded', key: expenseKey(event.data) } } };
    }
    case 'ChainExpenseVoided': {
      const expense = expenses[event.data.expenseId];
      return expense ? { ...chain, expenses: { ...expenses, [event.data.expenseId]: { ...expense, status: 'voided' } } } : chain;
    }
    case 'ChainExpenseCorrected': {
      const expense = expenses[event.data.expenseId];
      if (!expense) return chain;
      const { amountCents, category, fundingSource, receiptReference } = event.data;
      return { ...chain, expenses: { ...expenses, [event.data.expenseId]: { ...expense, amountCents, category, fundingSource, receiptReference } } };
    }
    case 'ChainStaffHoursRecorded':
      return { ...chain, staffHours: { ...staffHours, [event.data.entryId]: { personId: event.data.personId, key: staffHoursKey(event.data), voided: false } } };
    case 'ChainStaffHoursVoided': {
      const entry = staffHours[event.data.entryId];
      return entry ? { ...chain, staffHours: { ...staffHours, [event.data.entryId]: { ...entry, voided: true } } } : chain;
    }
    case 'FlatRateDeclared': {
      const { basisPoints, basis, reference } = event.data;
      return { ...chain, flatRate: basisPoints === null ? null : { basisPoints, basis, reference } };
    }
  }
}
