import {
  EXPENSE_CATEGORIES,
  FUNDING_SOURCES,
  rateCovers,
  STAFF_ACTIVITIES,
  STAFF_ROLES,
  type ExpenseCategory,
  type FlatRateBasis,
  type FundingSource,
  type PledgeKind,
  type StaffActivity,
  type StaffRole,
} from '@kuhina/domain';
import { eventRef, FigureBuilder, type EventRef, type Figure } from './audit-records';
import type { RecordedEvent } from '@kuhina/event-store';
import type { ChainFacts, HourlyRateFacts, ItemScope, Participation, StaffHoursFacts } from './chain-facts';

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

/** The hourly rate an entry is costed at: the staff member's rate whose period covers the day worked. */
export interface LedgerRateApplied {
  rateId: string;
  hourlyRateCents: number;
  validFrom: string;
  validUntil: string | null;
  /** How the rate was worked out, as set. */
  basis: string;
  /** The HourlyRateSet event (also among the sources of the entry's cost). */
  source: EventRef;
}

export interface LedgerStaffCost {
  entryId: string;
  scope: ItemScope;
  /** Null for hours on the chain as a whole. */
  workshopId: string | null;
  /** A pseudonym for auditors (the backoffice sees the id). */
  personId: string;
  activity: StaffActivity;
  workedOn: string;
  minutes: number;
  note: string;
  /** voided: shown, counted as 0. */
  status: 'recorded' | 'voided';
  /** Null when no rate of the person covers the day: counted 0 and listed in `staffCosts.unrated`. */
  rate: LedgerRateApplied | null;
  /** The cost as recorded (before any void): the minutes at the rate, 0 when unrated. */
  originalCents: number;
  /** What the entry adds to the totals; its sources are the hours events and the rate's event. */
  costCents: Figure;
  /** The hours events (recorded, voided), each with the cost before and after it. */
  history: LedgerStep[];
}

/** Cost and minutes of a set of staff hours (voided ones left out of both; unrated ones cost 0 but their minutes count). */
export interface LedgerStaffTotals {
  totalCents: Figure;
  totalMinutes: Figure;
}

export interface LedgerWorkshopStaffCosts extends LedgerStaffTotals {
  workshopId: string;
  title: string | null;
  order: number | null;
}

/** A flat rate on the direct staff costs, as the chain declared it last. */
export interface LedgerFlatRate {
  /** 4000 = 40 %. */
  basisPoints: number;
  basis: FlatRateBasis;
  /** What allows it (the funding decision, the regulation's article). */
  reference: string;
  /** The FlatRateDeclared event. */
  declaration: EventRef;
  /** The basis in cents: `staffCosts.totalCents.value`. */
  basisCents: number;
  /** basisCents × basisPoints / 10,000, rounded half up to a cent; sources: the declaration and every staff-cost source. */
  amountCents: Figure;
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

/** n / d rounded half up, for n ≥ 0 and d > 0 in whole numbers: money is whole cents, and half a cent goes up. */
export const roundHalfUp = (numerator: number, denominator: number): number => Math.floor((2 * numerator + denominator) / (2 * denominator));

/** The cost of some minutes at an hourly rate, in whole cents: round(minutes × rate / 60), half up, per entry. */
export const staffCostCents = (minutes: number, hourlyRateCents: number): number => roundHalfUp(minutes * hourlyRateCents, 60);

/** The person's rate on the day worked; rates never overlap (the staff decider refuses it), so the first covering one is the one. */
const rateFor = (facts: ChainFacts, hours: StaffHoursFacts): HourlyRateFacts | null => facts.rates.get(hours.personId)?.find((rate) => rateCovers(rate, hours.workedOn)) ?? null;

const rateApplied = ({ rateId, hourlyRateCents, validFrom, validUntil, basis, event }: HourlyRateFacts): LedgerRateApplied => ({ rateId, hourlyRateCents, validFrom, validUntil, basis, source: eventRef(event) });

/** Each hours event with the entry's cost before and after it (recorded at the rate; a void takes it to 0). */
function staffSteps(hours: StaffHoursFacts, cost: number): LedgerStep[] {
  let amount: number | null = null;
  return hours.events.map((event) => {
    const before = amount;
    amount = event.type === 'StaffHoursVoided' || event.type === 'ChainStaffHoursVoided' ? 0 : cost;
    const reason = (event.data as { reason?: unknown }).reason;
    return { ...eventRef(event), amountBeforeCents: before, amountAfterCents: amount, reason: typeof reason === 'string' ? reason : null };
  });
}

interface StaffBuilders {
  cents: FigureBuilder;
  minutes: FigureBuilder;
}
const staffBuilders = (): StaffBuilders => ({ cents: new FigureBuilder(), minutes: new FigureBuilder() });
const staffTotals = (builders: StaffBuilders): LedgerStaffTotals => ({ totalCents: builders.cents.build(), totalMinutes: builders.minutes.build() });

/** The direct staff costs: every entry costed at its rate, and the sums by workshop, chain level and activity. */
function staffCostsOf(facts: ChainFacts, workshops: ReadonlyArray<{ workshopId: string; title: string | null; order: number | null }>): AuditLedger['staffCosts'] {
  const total = staffBuilders();
  const perWorkshop = new Map(workshops.map((w) => [w.workshopId, staffBuilders()]));
  const chainLevel = staffBuilders();
  const byActivity = new Map<StaffActivity, StaffBuilders>(STAFF_ACTIVITIES.map((activity) => [activity, staffBuilders()]));
  const unrated = { entryIds: [] as string[], minutes: new FigureBuilder() };
  const entries: LedgerStaffCost[] = [];
  for (const hours of facts.staffHours.values()) {
    const rate = rateFor(facts, hours);
    const original = rate === null ? 0 : staffCostCents(hours.minutes, rate.hourlyRateCents);
    // Voided hours count 0, as do hours no rate covers; their events stay behind the figures, as a voided expense's do.
    const counted = hours.voided ? 0 : original;
    const minutes = hours.voided ? 0 : hours.minutes;
    const events = rate === null ? hours.events : [...hours.events, rate.event];
    const builders = [total, hours.workshopId === null ? chainLevel : perWorkshop.get(hours.workshopId), byActivity.get(hours.activity)];
    for (const builder of builders) {
      builder?.cents.add(counted, events);
      builder?.minutes.add(minutes, hours.events);
    }
    if (rate === null && !hours.voided) {
      unrated.entryIds.push(hours.entryId);
      unrated.minutes.add(hours.minutes, hours.events);
    }
    const { entryId, scope, workshopId, personId, activity, workedOn, note } = hours;
    entries.push({
      entryId,
      scope,
      workshopId,
      personId,
      activity,
      workedOn,
      minutes: hours.minutes,
      note,
      status: hours.voided ? 'voided' : 'recorded',
      rate: rate === null ? null : rateApplied(rate),
      originalCents: original,
      costCents: new FigureBuilder().add(counted, events).build(),
      history: staffSteps(hours, original),
    });
  }
  const activities: Partial<Record<StaffActivity, LedgerStaffTotals>> = {};
  for (const [activity, builders] of byActivity) {
    const totals = staffTotals(builders);
    if (totals.totalMinutes.sources.length > 0) activities[activity] = totals;
  }
  const { totalCents, totalMinutes } = staffTotals(total);
  return {
    entries,
    byWorkshop: workshops.map((w) => ({ workshopId: w.workshopId, title: w.title, order: w.order, ...staffTotals(perWorkshop.get(w.workshopId)!) })),
    chainLevel: staffTotals(chainLevel),
    byActivity: activities,
    totalCents,
    totalMinutes,
    unrated: { entryIds: unrated.entryIds, minutes: unrated.minutes.build() },
  };
}

/** The flat rate on the direct staff costs, if the chain's latest declaration sets one. */
function flatRateOf(facts: ChainFacts, staffCosts: Figure): LedgerFlatRate | null {
  const declared = facts.flatRate;
  if (declared === null || declared.basisPoints === null) return null;
  const { basisPoints, basis, reference, event } = declared;
  const amount = roundHalfUp(staffCosts.value * basisPoints, 10_000);
  // The staff costs' sources are already refs: the figure cites them beside the declaration.
  const sources = [eventRef(event), ...staffCosts.sources.filter((source) => source.eventId !== event.id)];
  const amountCents = { value: amount, sources: sources.sort(byPosition) };
  return { basisPoints, basis, reference, declaration: eventRef(event), basisCents: staffCosts.value, amountCents };
}

const byPosition = (a: EventRef, b: EventRef) => a.position.length - b.position.length || (a.position < b.position ? -1 : a.position > b.position ? 1 : 0);

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
