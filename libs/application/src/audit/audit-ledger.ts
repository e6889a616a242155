import { EXPENSE_CATEGORIES, FUNDING_SOURCES, type ExpenseCategory, type FundingSource, type PledgeKind, type StaffActivity, type StaffRole } from '@kuhina/domain';
import { FigureBuilder, type Figure } from './audit-records';
import type { ChainFacts, ItemScope } from './chain-facts';
import { organizationsFigure, participantsFigure, staffFigures } from './ledger-counts';
import { flatRateOf, staffCostsOf, type LedgerFlatRate, type LedgerStaffCost, type LedgerStaffTotals, type LedgerWorkshopStaffCosts } from './ledger-staff-costs';
import { ledgerSteps, type LedgerStep } from './ledger-steps';

// The audit ledger: expenses and in-kind contributions here; staff costs and the flat rate in ledger-staff-costs.ts,
// the counts of people and organisations in ledger-counts.ts, each item's steps in ledger-steps.ts.



export interface LedgerExpense {
  expenseId: string;
  /** A workshop's expense, or the chain's own (e.g. a licence, the core team's travel). */
  scope: ItemScope;
  /** Null for the chain's own expenses. */
  workshopId: string | null;
  description: string;
  incurredOn: string;
  receiptReference: string;
  category: ExpenseCategory;
  fundingSource: FundingSource;
  /** recorded, corrected (the latest figures count) or voided (shown, counted as 0). */
  status: 'recorded' | 'corrected' | 'voided';
  /** The amount first recorded (before any correction). */
  originalCents: number;
  /** What the expense adds to the totals: its latest amount, or 0 when voided. */
  counted: Figure;
  /** Every event of the expense: recorded, each correction, the void; each with the amount before and after it. */
  history: LedgerStep[];
}

export interface LedgerWorkshopExpenses {
  workshopId: string;
  title: string | null;
  order: number | null;
  totalCents: Figure;
  byCategory: Partial<Record<ExpenseCategory, Figure>>;
  byFundingSource: Partial<Record<FundingSource, Figure>>;
}

/** The chain's own expenses (no workshop's), figured as a workshop's are. */
export interface LedgerChainLevelExpenses {
  totalCents: Figure;
  byCategory: Partial<Record<ExpenseCategory, Figure>>;
  byFundingSource: Partial<Record<FundingSource, Figure>>;
}


export interface LedgerContribution {
  pledgeId: string;
  workshopId: string;
  organizationId: string;
  organizationName: string | null;
  kind: PledgeKind;
  description: string;
  valuationBasis: string;
  status: 'pledged' | 'fulfilled' | 'withdrawn';
  /** Whether it was delivered: the pledge was fulfilled. */
  delivered: boolean;
  /** The in-kind value, counted in `deliveredCents` only when delivered. */
  valueCents: Figure;
  /** The value first pledged. */
  originalCents: number;
  /** Every event of the pledge (pledged, fulfilled, withdrawn), with the value before and after it. */
  history: LedgerStep[];
}

/** GET /audit/ledger: the chain's money and in-kind contributions, every figure with the events behind it. */
export interface AuditLedger {
  chainId: string;
  chainName: string | null;
  /** Position of the last event the ledger includes. */
  lastPosition: string;
  expenses: {
    entries: LedgerExpense[];
    byWorkshop: LedgerWorkshopExpenses[];
    /** The chain's own expenses; `totalCents` and the breakdowns below are the workshops' plus these. */
    chainLevel: LedgerChainLevelExpenses;
    totalCents: Figure;
    byCategory: Partial<Record<ExpenseCategory, Figure>>;
    byFundingSource: Partial<Record<FundingSource, Figure>>;
  };
  /** Direct staff costs: hours (on workshops and on the chain) at each person's hourly rate on the day worked. */
  staffCosts: {
    entries: LedgerStaffCost[];
    byWorkshop: LedgerWorkshopStaffCosts[];
    /** Hours on the chain as a whole (the core team's meetings, chain-level planning). */
    chainLevel: LedgerStaffTotals;
    /** Only activities that occur. */
    byActivity: Partial<Record<StaffActivity, LedgerStaffTotals>>;
    /** Workshops plus chain level. */
    totalCents: Figure;
    totalMinutes: Figure;
    /** Hours (not voided) no rate covers: counted 0 in the costs until a rate for their day is set. */
    unrated: { entryIds: string[]; minutes: Figure };
  };
  /** Null when the chain declared none (or withdrew it). */
  flatRate: LedgerFlatRate | null;
  inKind: {
    contributions: LedgerContribution[];
    /** Value of the fulfilled pledges. */
    deliveredCents: Figure;
    /** Value of the pledges not withdrawn (delivered or still expected). */
    pledgedCents: Figure;
  };
  counts: {
    /** People who registered for and attended a co-development workshop of the chain as participants (see /audit/indicators). */
    participants: Figure;
    /** Left out of `participants`: the distinct people who ran the workshops and attended, by role. */
    staff: Record<StaffRole, Figure>;
    /** Organisations that co-organised, pledged, or whose people attended a workshop of the chain. */
    organizations: Figure;
  };
}

const byKey = <K extends string>(keys: readonly K[]) => new Map<K, FigureBuilder>(keys.map((key) => [key, new FigureBuilder()]));
const built = <K extends string>(map: Map<K, FigureBuilder>): Partial<Record<K, Figure>> => {
  const out: Partial<Record<K, Figure>> = {};
  for (const [key, builder] of map) {
    const figure = builder.build();
    if (figure.sources.length > 0) out[key] = figure;
  }
  return out;
};

/** The audit ledger of a chain from its facts. Pure. */
export function buildLedger(facts: ChainFacts): AuditLedger {
  const workshops = [...facts.workshops.values()].sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER));
  const total = new FigureBuilder();
  const byCategory = byKey(EXPENSE_CATEGORIES);
  const byFundingSource = byKey(FUNDING_SOURCES);
  const expenseFigures = () => ({ total: new FigureBuilder(), byCategory: byKey(EXPENSE_CATEGORIES), byFundingSource: byKey(FUNDING_SOURCES) });
  const perWorkshop = new Map(workshops.map((w) => [w.workshopId, expenseFigures()]));
  const chainLevel = expenseFigures();
  const entries: LedgerExpense[] = [];
  for (const expense of facts.expenses.values()) {
    // A voided expense counts 0, but its events stay behind the figures: the auditor sees it was there and why it went.
    const counted = expense.status === 'voided' ? 0 : expense.amountCents;
    const builders = [total, byCategory.get(expense.category)!, byFundingSource.get(expense.fundingSource)!];
    const own = expense.workshopId === null ? chainLevel : perWorkshop.get(expense.workshopId);
    if (own) builders.push(own.total, own.byCategory.get(expense.category)!, own.byFundingSource.get(expense.fundingSource)!);
    for (const builder of builders) builder.add(counted, expense.events);
    const { expenseId, scope, workshopId, description, incurredOn, receiptReference, category, fundingSource, status } = expense;
    const history = ledgerSteps(expense.events);
    entries.push({ expenseId, scope, workshopId, description, incurredOn, receiptReference, category, fundingSource, status, originalCents: history[0]?.amountAfterCents ?? 0, counted: new FigureBuilder().add(counted, expense.events).build(), history });
  }
  const staffCosts = staffCostsOf(facts, workshops);

  const delivered = new FigureBuilder();
  const pledged = new FigureBuilder();
  const contributions: LedgerContribution[] = [];
  for (const pledge of facts.pledges.values()) {
    const isDelivered = pledge.status === 'fulfilled';
    if (isDelivered) delivered.add(pledge.valueCents, pledge.events);
    if (pledge.status !== 'withdrawn') pledged.add(pledge.valueCents, pledge.events);
    const { pledgeId, workshopId, organizationId, kind, description, valuationBasis, status } = pledge;
    contributions.push({
      pledgeId,
      workshopId,
      organizationId,
      organizationName: facts.organizations.get(organizationId)?.name ?? null,
      kind,
      description,
      valuationBasis,
      status,
      delivered: isDelivered,
      valueCents: new FigureBuilder().add(pledge.valueCents, pledge.events).build(),
      originalCents: pledge.valueCents,
      history: ledgerSteps(pledge.events),
    });
  }

  return {
    chainId: facts.chainId,
    chainName: facts.name,
    lastPosition: facts.lastPosition.toString(),
    expenses: {
      entries,
      byWorkshop: workshops.map((w) => {
        const figures = perWorkshop.get(w.workshopId)!;
        return { workshopId: w.workshopId, title: w.title, order: w.order, totalCents: figures.total.build(), byCategory: built(figures.byCategory), byFundingSource: built(figures.byFundingSource) };
      }),
      chainLevel: { totalCents: chainLevel.total.build(), byCategory: built(chainLevel.byCategory), byFundingSource: built(chainLevel.byFundingSource) },
      totalCents: total.build(),
      byCategory: built(byCategory),
      byFundingSource: built(byFundingSource),
    },
    staffCosts,
    flatRate: flatRateOf(facts, staffCosts.totalCents),
    inKind: { contributions, deliveredCents: delivered.build(), pledgedCents: pledged.build() },
    counts: { participants: participantsFigure(facts), staff: staffFigures(facts), organizations: organizationsFigure(facts) },
  };
}


export * from './ledger-steps';
export * from './ledger-staff-costs';
export * from './ledger-counts';
