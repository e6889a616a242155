import { EXPENSE_CATEGORIES, FUNDING_SOURCES, STAFF_ROLES, type ExpenseCategory, type FundingSource, type PledgeKind, type StaffRole } from '@kuhina/domain';
import { eventRef, FigureBuilder, type EventRef, type Figure } from './audit-records';
import type { RecordedEvent } from '@kuhina/event-store';
import type { ChainFacts, Participation } from './chain-facts';

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
    if (event.type === 'ExpenseRecorded') amount = data.amountCents ?? null;
    else if (event.type === 'ResourcePledged') amount = data.inKindValueCents ?? null;
    else if (event.type === 'ExpenseCorrected') {
      if (typeof data.previous?.amountCents === 'number') before = data.previous.amountCents;
      amount = data.amountCents ?? amount;
    } else if (event.type === 'ExpenseVoided' || event.type === 'PledgeWithdrawn') amount = 0;
    return { ...eventRef(event), amountBeforeCents: before, amountAfterCents: amount ?? 0, reason: typeof data.reason === 'string' ? data.reason : null };
  });
}

export interface LedgerExpense {
  expenseId: string;
  workshopId: string;
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
    totalCents: Figure;
    byCategory: Partial<Record<ExpenseCategory, Figure>>;
    byFundingSource: Partial<Record<FundingSource, Figure>>;
  };
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
  const perWorkshop = new Map(workshops.map((w) => [w.workshopId, { total: new FigureBuilder(), byCategory: byKey(EXPENSE_CATEGORIES), byFundingSource: byKey(FUNDING_SOURCES) }]));
  const entries: LedgerExpense[] = [];
  for (const expense of facts.expenses.values()) {
    // A voided expense counts 0, but its events stay behind the figures: the auditor sees it was there and why it went.
    const counted = expense.status === 'voided' ? 0 : expense.amountCents;
    const builders = [total, byCategory.get(expense.category)!, byFundingSource.get(expense.fundingSource)!];
    const workshop = perWorkshop.get(expense.workshopId);
    if (workshop) builders.push(workshop.total, workshop.byCategory.get(expense.category)!, workshop.byFundingSource.get(expense.fundingSource)!);
    for (const builder of builders) builder.add(counted, expense.events);
    const { expenseId, workshopId, description, incurredOn, receiptReference, category, fundingSource, status } = expense;
    const history = ledgerSteps(expense.events);
    entries.push({ expenseId, workshopId, description, incurredOn, receiptReference, category, fundingSource, status, originalCents: history[0]?.amountAfterCents ?? 0, counted: new FigureBuilder().add(counted, expense.events).build(), history });
  }

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
      totalCents: total.build(),
      byCategory: built(byCategory),
      byFundingSource: built(byFundingSource),
    },
    inKind: { contributions, deliveredCents: delivered.build(), pledgedCents: pledged.build() },
    counts: { participants: participantsFigure(facts), staff: staffFigures(facts), organizations: organizationsFigure(facts) },
  };
}

/** Distinct people who registered for and attended a co-development workshop of the chain. */
export function participantsFigure(facts: ChainFacts): Figure {
  const figure = new FigureBuilder();
  const counted = new Set<string>();
  for (const participation of coDevelopmentParticipations(facts)) {
    figure.add(counted.has(participation.personId) ? 0 : 1, participationEvents(participation));
    counted.add(participation.personId);
  }
  return figure.build();
}

/** The distinct people who attended a workshop of the chain (any kind) in each role that runs it. */
export function staffFigures(facts: ChainFacts): Record<StaffRole, Figure> {
  const figures = Object.fromEntries(STAFF_ROLES.map((role) => [role, { figure: new FigureBuilder(), people: new Set<string>() }]));
  for (const participation of facts.participations) {
    if (participation.role === 'participant') continue;
    const { figure, people } = figures[participation.role]!;
    figure.add(people.has(participation.personId) ? 0 : 1, participationEvents(participation));
    people.add(participation.personId);
  }
  return Object.fromEntries(STAFF_ROLES.map((role) => [role, figures[role]!.figure.build()])) as Record<StaffRole, Figure>;
}

/** The registration (or promotion) and the attendance behind one participation. */
export const participationEvents = (participation: Participation): RecordedEvent[] =>
  participation.registration ? [participation.registration, participation.attendance] : [participation.attendance];

/**
 * Participations that make someone an ESF participant: attended (after registering) a co-development workshop as a
 * participant. Organisers, hosts and speakers ran it: counted apart (see the indicators' `countedApart.byRole`).
 */
export function coDevelopmentParticipations(facts: ChainFacts): Participation[] {
  return facts.participations.filter((p) => p.role === 'participant' && facts.workshops.get(p.workshopId)?.kind === 'co-development');
}

/** The organisations the chain reached (co-organisers, pledgers, organisations of attendees), each with its first event. */
export function reachedOrganizations(facts: ChainFacts): Map<string, RecordedEvent[]> {
  const reached = new Map<string, RecordedEvent[]>();
  const hub = facts.hubOrganization?.organizationId ?? null;
  // The hub's own organisation runs the chain: it is never one the chain supported.
  const touch = (organizationId: string | null, event: RecordedEvent) => {
    if (organizationId === null || organizationId === hub) return;
    const events = reached.get(organizationId);
    if (events) events.push(event);
    else reached.set(organizationId, [event]);
  };
  for (const { organizationId, event } of facts.coOrganizers) touch(organizationId, event);
  for (const pledge of facts.pledges.values()) touch(pledge.organizationId, pledge.events[0]!);
  for (const participation of facts.participations) touch(participation.organizationId, participation.attendance);
  return reached;
}

/** Organisations the chain reached: co-organisers, pledgers, and the organisations of attendees. */
export function organizationsFigure(facts: ChainFacts): Figure {
  const figure = new FigureBuilder();
  for (const events of reachedOrganizations(facts).values()) figure.add(1, events);
  return figure.build();
}
