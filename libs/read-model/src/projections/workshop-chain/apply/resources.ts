import { expensesChanged } from '../figures/expenses';
import { pledgesChanged } from '../figures/pledges';
import { staffMinutesChanged } from '../figures/staff-minutes';
import type { WorkshopViewEventOf } from '../workshop-chain.routing';
import type { ChainWorkshop, WorkshopChainView, WorkshopFacts } from '../workshop-chain.view';
import { own, reach } from './workshops';

// Pledges, expenses and staff hours of workshop `index` (`workshop`, whose `facts` are the draft's): the fact, kept by id, then
// the figures it moves.

export function resourcePledged(view: WorkshopChainView, index: number, workshop: ChainWorkshop, facts: WorkshopFacts, event: WorkshopViewEventOf<'ResourcePledged'>): void {
  const { pledgeId, organizationId, kind, inKindValueCents } = event.data;
  if (own(facts.pledges, pledgeId)) return;
  facts.pledges[pledgeId] = { organizationId, kind, inKindValueCents, status: 'pending' };
  pledgesChanged(view, workshop);
  reach(view, index, organizationId);
}

/** PledgeFulfilled, PledgeWithdrawn. */
export function pledgeSettled(view: WorkshopChainView, workshop: ChainWorkshop, facts: WorkshopFacts, event: WorkshopViewEventOf<'PledgeFulfilled' | 'PledgeWithdrawn'>): void {
  const pledge = own(facts.pledges, event.data.pledgeId);
  if (!pledge) return;
  facts.pledges[event.data.pledgeId] = { ...pledge, status: event.type === 'PledgeFulfilled' ? 'fulfilled' : 'withdrawn' };
  pledgesChanged(view, workshop);
}

export function expenseRecorded(view: WorkshopChainView, workshop: ChainWorkshop, facts: WorkshopFacts, event: WorkshopViewEventOf<'ExpenseRecorded'>): void {
  const { expenseId, amountCents, category } = event.data;
  if (own(facts.expenses, expenseId)) return;
  facts.expenses[expenseId] = { amountCents, category, status: 'recorded', corrected: false };
  expensesChanged(view, workshop);
}

export function expenseCorrected(view: WorkshopChainView, workshop: ChainWorkshop, facts: WorkshopFacts, event: WorkshopViewEventOf<'ExpenseCorrected'>): void {
  const expense = own(facts.expenses, event.data.expenseId);
  if (!expense) return;
  const { amountCents, category } = event.data;
  facts.expenses[event.data.expenseId] = { ...expense, amountCents, category, corrected: true };
  expensesChanged(view, workshop);
}

export function expenseVoided(view: WorkshopChainView, workshop: ChainWorkshop, facts: WorkshopFacts, event: WorkshopViewEventOf<'ExpenseVoided'>): void {
  const expense = own(facts.expenses, event.data.expenseId);
  if (!expense) return;
  facts.expenses[event.data.expenseId] = { ...expense, status: 'voided' };
  expensesChanged(view, workshop);
}

export function staffHoursRecorded(view: WorkshopChainView, workshop: ChainWorkshop, facts: WorkshopFacts, event: WorkshopViewEventOf<'StaffHoursRecorded'>): void {
  const { entryId, activity, minutes } = event.data;
  if (own(facts.staffHours, entryId)) return;
  facts.staffHours[entryId] = { activity, minutes, voided: false };
  staffMinutesChanged(view, workshop);
}

export function staffHoursVoided(view: WorkshopChainView, workshop: ChainWorkshop, facts: WorkshopFacts, event: WorkshopViewEventOf<'StaffHoursVoided'>): void {
  const entry = own(facts.staffHours, event.data.entryId);
  if (!entry) return;
  facts.staffHours[event.data.entryId] = { ...entry, voided: true };
  staffMinutesChanged(view, workshop);
}
