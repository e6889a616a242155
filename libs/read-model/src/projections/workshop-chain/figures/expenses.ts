import { EXPENSE_CATEGORIES } from '@kuhina/domain';
import type { ChainTotals, ChainWorkshop, ExpenseFact, ExpenseSummary, WorkshopChainView } from '../workshop-chain.view';
import { sumOf, valuesOf } from './common';

export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

export function expenseSummary(expenses: ExpenseFact[]): ExpenseSummary {
  const live = expenses.filter((expense) => expense.status !== 'voided');
  const byCategory: ExpenseSummary['byCategory'] = {};
  for (const category of EXPENSE_CATEGORIES) {
    const ofCategory = live.filter((expense) => expense.category === category);
    if (ofCategory.length > 0) byCategory[category] = sumOf(ofCategory, (expense) => expense.amountCents);
  }
  return {
    count: live.length,
    totalCents: sumOf(live, (expense) => expense.amountCents),
    byCategory,
    voidedCount: expenses.length - live.length,
    correctedCount: expenses.filter((expense) => expense.corrected).length,
  };
}

export const noExpenses = (): ExpenseSummary => ({ count: 0, totalCents: 0, byCategory: {}, voidedCount: 0, correctedCount: 0 });

/** Whether some workshop or the chain's own expenses show a category (after the change). */
const showsCategory = (view: WorkshopChainView, category: ExpenseCategory): boolean =>
  view.workshops.some((workshop) => Object.hasOwn(workshop.expenses.byCategory, category)) || Object.hasOwn(view.chainExpenses?.byCategory ?? {}, category);

/**
 * Moves the chain's expense totals, in place, by one change (a workshop's or the chain's own) from `before` to
 * `after`. A category shows while some workshop or the chain level shows it, which a sum of 0 cannot tell (an
 * expense of 0 cents): then `shows` asks them.
 */
function moveExpenseTotals(totals: ChainTotals, before: ExpenseSummary, after: ExpenseSummary, shows: (category: ExpenseCategory) => boolean): void {
  const expenses = totals.expenses;
  expenses.count += after.count - before.count;
  expenses.totalCents += after.totalCents - before.totalCents;
  expenses.voidedCount += after.voidedCount - before.voidedCount;
  expenses.correctedCount += after.correctedCount - before.correctedCount;
  const byCategory: ExpenseSummary['byCategory'] = {};
  for (const category of EXPENSE_CATEGORIES) {
    const shown = expenses.byCategory[category];
    const was = before.byCategory[category];
    const now = after.byCategory[category];
    if (was === undefined && now === undefined) {
      if (shown !== undefined) byCategory[category] = shown;
      continue;
    }
    const cents = (shown ?? 0) - (was ?? 0) + (now ?? 0);
    if (cents !== 0 || shows(category)) byCategory[category] = cents;
  }
  expenses.byCategory = byCategory;
}

/** An expense fact set: the workshop's few expenses are summed again, the chain's totals moved by the difference. */
export function expensesChanged(view: WorkshopChainView, workshop: ChainWorkshop): void {
  const before = workshop.expenses;
  workshop.expenses = expenseSummary(valuesOf(workshop.facts.expenses));
  moveExpenseTotals(view.totals, before, workshop.expenses, (category) => showsCategory(view, category));
}

/** A chain-level expense fact set: the chain's own expenses summed again, the totals moved by the difference. */
export function chainExpensesChanged(view: WorkshopChainView): void {
  const before = view.chainExpenses ?? noExpenses();
  view.chainExpenses = expenseSummary(valuesOf(view.facts.chainExpenses));
  moveExpenseTotals(view.totals, before, view.chainExpenses, (category) => showsCategory(view, category));
}
