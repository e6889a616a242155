import type { ChainEvent } from '@kuhina/domain';
import { asIdMap } from '../../../projection';
import { chainExpensesChanged } from '../figures/expenses';
import { chainStaffMinutesChanged } from '../figures/staff-minutes';
import type { ExpenseFact, StaffHoursFact, WorkshopChainView } from '../workshop-chain.view';
import { own } from './workshops';

// The chain's own expenses and staff hours (not any workshop's): the fact, kept by id in the chain's facts, then
// the chain-level figure and the totals it moves. Each returns the view, as the chain appliers do.

type ChainEventOf<T extends ChainEvent['type']> = Extract<ChainEvent, { type: T }>;

/** The chain's own expense facts, as an idMap (a plain object in a chain read from the store, absent in older ones). */
function chainExpenses(view: WorkshopChainView): Record<string, ExpenseFact> {
  return (view.facts.chainExpenses = asIdMap(view.facts.chainExpenses ?? {}));
}

function chainStaffHours(view: WorkshopChainView): Record<string, StaffHoursFact> {
  return (view.facts.chainStaffHours = asIdMap(view.facts.chainStaffHours ?? {}));
}

export function chainExpenseRecorded(view: WorkshopChainView, event: ChainEventOf<'ChainExpenseRecorded'>): WorkshopChainView {
  const facts = chainExpenses(view);
  const { expenseId, amountCents, category } = event.data;
  if (own(facts, expenseId)) return view;
  facts[expenseId] = { amountCents, category, status: 'recorded', corrected: false };
  chainExpensesChanged(view);
  return view;
}

export function chainExpenseCorrected(view: WorkshopChainView, event: ChainEventOf<'ChainExpenseCorrected'>): WorkshopChainView {
  const facts = chainExpenses(view);
  const expense = own(facts, event.data.expenseId);
  if (!expense) return view;
  facts[event.data.expenseId] = { ...expense, amountCents: event.data.amountCents, category: event.data.category, corrected: true };
  chainExpensesChanged(view);
  return view;
}

export function chainExpenseVoided(view: WorkshopChainView, event: ChainEventOf<'ChainExpenseVoided'>): WorkshopChainView {
  const facts = chainExpenses(view);
  const expense = own(facts, event.data.expenseId);
  if (!expense) return view;
  facts[event.data.expenseId] = { ...expense, status: 'voided' };
  chainExpensesChanged(view);
  return view;
}

export function chainStaffHoursRecorded(view: WorkshopChainView, event: ChainEventOf<'ChainStaffHoursRecorded'>): WorkshopChainView {
  const facts = chainStaffHours(view);
  const { entryId, activity, minutes } = event.data;
  if (own(facts, entryId)) return view;
  facts[entryId] = { activity, minutes, voided: false };
  chainStaffMinutesChanged(view);
  return view;
}

export function chainStaffHoursVoided(view: WorkshopChainView, event: ChainEventOf<'ChainStaffHoursVoided'>): WorkshopChainView {
  const facts = chainStaffHours(view);
  const entry = own(facts, event.data.entryId);
  if (!entry) return view;
  facts[event.data.entryId] = { ...entry, voided: true };
  chainStaffMinutesChanged(view);
  return view;
}
