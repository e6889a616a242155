import { EXPENSE_CATEGORIES, PLEDGE_KINDS } from '@kuhina/domain';
import type {
  AttendanceCounts,
  AttendanceFact,
  ChainTotals,
  ChainWorkshop,
  ExpenseFact,
  ExpenseSummary,
  FeedbackSummary,
  PlanningMeetingCounts,
  PledgeFact,
  PledgeSummary,
  Rating,
  RegistrationCounts,
  RegistrationFact,
  WorkshopChainView,
  WorkshopEntry,
  WorkshopFacts,
} from './workshop-chain.view';

// Every figure of the chain view is derived from the facts, so applying an event twice cannot count
// anything twice. `figuresOf` derives them all from scratch (the reference); the projection uses it when
// a workshop moves in the chain's order (or an attendee's organisation changes) and otherwise updates only what
// one event can change (`refreshOwnFigures` of the touched workshop, `withNewAttendee`, `withOrganizationReached`,
// `totalsAfter`), keeping every untouched workshop object as it is: an event's cost does not grow with the facts
// of the rest of the chain. The spec checks that both always agree.

const valuesOf = <T>(map: Record<string, T>): T[] => Object.values(map);

function sumOf<T>(items: readonly T[], value: (item: T) => number): number {
  let sum = 0;
  for (const item of items) sum += value(item);
  return sum;
}

const RATINGS: readonly Rating[] = ['1', '2', '3', '4', '5'];

// ---- one workshop ----

export function registrationCounts(registrations: RegistrationFact[]): RegistrationCounts {
  const counts: RegistrationCounts = { registered: 0, waitlisted: 0, cancelled: 0 };
  for (const registration of registrations) counts[registration.status]++;
  return counts;
}

export function attendanceCounts(attendance: AttendanceFact[]): AttendanceCounts {
  const onSite = attendance.filter((fact) => fact.mode === 'on-site').length;
  return { onSite, remote: attendance.length - onSite, total: attendance.length };
}

/** From the distribution: ratings are integers 1..5 (the domain refuses others), so the mean is exact. */
function feedbackFrom(distribution: Record<Rating, number>): FeedbackSummary {
  const count = sumOf(RATINGS, (rating) => distribution[rating]);
  const sum = sumOf(RATINGS, (rating) => Number(rating) * distribution[rating]);
  return { count, average: count === 0 ? null : Math.round((sum / count) * 100) / 100, distribution };
}

export function feedbackSummary(ratings: number[]): FeedbackSummary {
  const distribution: Record<Rating, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const rating of ratings) {
    const bucket = String(rating);
    if (Object.hasOwn(distribution, bucket)) distribution[bucket as Rating]++;
  }
  return feedbackFrom(distribution);
}

const emptyPledgeStatus = (): PledgeSummary['byStatus'] => ({
  pending: { count: 0, inKindValueCents: 0 },
  fulfilled: { count: 0, inKindValueCents: 0 },
  withdrawn: { count: 0, inKindValueCents: 0 },
});

export function pledgeSummary(pledges: PledgeFact[]): PledgeSummary {
  const byStatus = emptyPledgeStatus();
  const byKind: PledgeSummary['byKind'] = {};
  // Vocabulary order keeps the stored JSON stable whatever order the pledges came in.
  for (const kind of PLEDGE_KINDS) {
    const ofKind = pledges.filter((pledge) => pledge.kind === kind);
    if (ofKind.length === 0) continue;
    byKind[kind] = {
      count: ofKind.length,
      inKindValueCents: sumOf(ofKind.filter((pledge) => pledge.status !== 'withdrawn'), (pledge) => pledge.inKindValueCents),
      fulfilledInKindValueCents: sumOf(ofKind.filter((pledge) => pledge.status === 'fulfilled'), (pledge) => pledge.inKindValueCents),
    };
  }
  for (const pledge of pledges) {
    byStatus[pledge.status].count++;
    byStatus[pledge.status].inKindValueCents += pledge.inKindValueCents;
  }
  return { count: pledges.length, byKind, byStatus, inKindValueFulfilledCents: byStatus.fulfilled.inKindValueCents };
}

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

function planningMeetingCounts(kinds: string[]): PlanningMeetingCounts {
  const partner = kinds.filter((kind) => kind === 'partner').length;
  return { partner, coreTeam: kinds.length - partner };
}

export type OwnFigures = Pick<
  ChainWorkshop,
  'registrations' | 'attendance' | 'feedback' | 'pledges' | 'expenses' | 'citizensHeard' | 'planningMeetings' | 'collaborationsSparked'
>;

/** The figures of a workshop that depend on its own facts only. */
export function ownFigures(facts: WorkshopFacts): OwnFigures {
  return {
    registrations: registrationCounts(valuesOf(facts.registrations)),
    attendance: attendanceCounts(valuesOf(facts.attendance)),
    feedback: feedbackSummary(valuesOf(facts.feedbackRatings)),
    pledges: pledgeSummary(valuesOf(facts.pledges)),
    expenses: expenseSummary(valuesOf(facts.expenses)),
    citizensHeard: sumOf(valuesOf(facts.citizenInputs), (heard) => heard),
    planningMeetings: planningMeetingCounts(valuesOf(facts.planningMeetings)),
    collaborationsSparked: Object.keys(facts.collaborations).length,
  };
}

/**
 * Refreshes, in a workshop object just copied, the own figures whose facts differ from `before` (the others are
 * still right). `changedId` is the one entry the event set: registrations, attendance and feedback, which grow with
 * the workshop, are moved by that entry alone; the few pledges, expenses, inputs and meetings are summed again.
 */
export function refreshOwnFigures(workshop: ChainWorkshop, before: WorkshopFacts, changedId: string): ChainWorkshop {
  const { facts } = workshop;
  if (facts.registrations !== before.registrations) {
    const counts = { ...workshop.registrations };
    const was = Object.hasOwn(before.registrations, changedId) ? before.registrations[changedId] : undefined;
    if (was) counts[was.status]--;
    counts[facts.registrations[changedId].status]++;
    workshop.registrations = counts;
  }
  if (facts.attendance !== before.attendance) {
    const was = Object.hasOwn(before.attendance, changedId) ? before.attendance[changedId] : undefined;
    const onSite = workshop.attendance.onSite - (was?.mode === 'on-site' ? 1 : 0) + (facts.attendance[changedId].mode === 'on-site' ? 1 : 0);
    const total = workshop.attendance.total + (was ? 0 : 1);
    workshop.attendance = { onSite, remote: total - onSite, total };
  }
  if (facts.feedbackRatings !== before.feedbackRatings) {
    const distribution = { ...workshop.feedback.distribution };
    const bucket = (rating: number | undefined): Rating | null => {
      const key = String(rating);
      return rating !== undefined && Object.hasOwn(distribution, key) ? (key as Rating) : null;
    };
    const was = bucket(Object.hasOwn(before.feedbackRatings, changedId) ? before.feedbackRatings[changedId] : undefined);
    const now = bucket(facts.feedbackRatings[changedId]);
    if (was) distribution[was]--;
    if (now) distribution[now]++;
    workshop.feedback = feedbackFrom(distribution);
  }
  if (facts.pledges !== before.pledges) workshop.pledges = pledgeSummary(valuesOf(facts.pledges));
  if (facts.expenses !== before.expenses) workshop.expenses = expenseSummary(valuesOf(facts.expenses));
  if (facts.citizenInputs !== before.citizenInputs) workshop.citizensHeard = sumOf(valuesOf(facts.citizenInputs), (heard) => heard);
  if (facts.planningMeetings !== before.planningMeetings) workshop.planningMeetings = planningMeetingCounts(valuesOf(facts.planningMeetings));
  if (facts.collaborations !== before.collaborations) workshop.collaborationsSparked = Object.keys(facts.collaborations).length;
  return workshop;
}

/** Organisations a workshop reached: their people attended or registered, or they co-organised or pledged. */
export function organizationsReachedBy(workshop: Pick<WorkshopEntry, 'coOrganizerIds' | 'facts'>): Record<string, true> {
  const reached: Record<string, true> = {};
  for (const id of workshop.coOrganizerIds) reached[id] = true;
  for (const fact of valuesOf(workshop.facts.attendance)) if (fact.organizationId !== null) reached[fact.organizationId] = true;
  for (const fact of valuesOf(workshop.facts.registrations)) if (fact.organizationId !== null) reached[fact.organizationId] = true;
  for (const fact of valuesOf(workshop.facts.pledges)) reached[fact.organizationId] = true;
  return reached;
}

// ---- the chain ----

/** Chain order; workshops the chain has not ordered yet follow, by start time (then id, for a stable order). */
export function compareInChainOrder(a: Pick<WorkshopEntry, 'order' | 'startsAt' | 'workshopId'>, b: Pick<WorkshopEntry, 'order' | 'startsAt' | 'workshopId'>): number {
  return (
    (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) ||
    // Offsets differ between workshops (+03:00 in summer, Z from other clients): compare instants, not text.
    Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
    (a.workshopId < b.workshopId ? -1 : a.workshopId > b.workshopId ? 1 : 0)
  );
}

export const orderIn = (workshopOrder: Record<string, number>, workshopId: string): number | null =>
  Object.hasOwn(workshopOrder, workshopId) ? workshopOrder[workshopId] : null;

function inChainOrder(workshops: WorkshopEntry[], workshopOrder: Record<string, number>): WorkshopEntry[] {
  return workshops.map((workshop) => ({ ...workshop, order: orderIn(workshopOrder, workshop.workshopId) })).sort(compareInChainOrder);
}

export interface DistinctTotals {
  uniqueParticipants: number;
  returningParticipants: number;
  organizationsReached: number;
}

type PledgeKind = (typeof PLEDGE_KINDS)[number];
type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

/** Running sums of the workshops' own figures: built from scratch (`totalsOf`) or moved by one workshop's change (`totalsAfter`). */
interface TotalsSums {
  registrations: RegistrationCounts;
  attendance: AttendanceCounts;
  distribution: Record<Rating, number>;
  byStatus: PledgeSummary['byStatus'];
  kinds: Partial<Record<PledgeKind, { count: number; inKindValueCents: number; fulfilledInKindValueCents: number }>>;
  categories: Partial<Record<ExpenseCategory, number>>;
  expenses: { count: number; totalCents: number; voidedCount: number; correctedCount: number };
  planningMeetings: PlanningMeetingCounts;
  pledgeCount: number;
  citizensHeard: number;
  collaborationsSparked: number;
}

function sumsFrom(totals?: ChainTotals): TotalsSums {
  const kinds: TotalsSums['kinds'] = {};
  const categories: TotalsSums['categories'] = {};
  for (const [kind, summary] of Object.entries(totals?.pledges.byKind ?? {}) as Array<[PledgeKind, PledgeSummary['byKind'][PledgeKind]]>) {
    if (summary) kinds[kind] = { ...summary };
  }
  for (const [category, cents] of Object.entries(totals?.expenses.byCategory ?? {}) as Array<[ExpenseCategory, number]>) categories[category] = cents;
  const byStatus = emptyPledgeStatus();
  for (const status of ['pending', 'fulfilled', 'withdrawn'] as const) if (totals) byStatus[status] = { ...totals.pledges.byStatus[status] };
  return {
    registrations: totals ? { ...totals.registrations } : { registered: 0, waitlisted: 0, cancelled: 0 },
    attendance: totals ? { ...totals.attendance } : { onSite: 0, remote: 0, total: 0 },
    distribution: totals ? { ...totals.feedback.distribution } : { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
    byStatus,
    kinds,
    categories,
    expenses: totals
      ? { count: totals.expenses.count, totalCents: totals.expenses.totalCents, voidedCount: totals.expenses.voidedCount, correctedCount: totals.expenses.correctedCount }
      : { count: 0, totalCents: 0, voidedCount: 0, correctedCount: 0 },
    planningMeetings: totals ? { ...totals.planningMeetings } : { partner: 0, coreTeam: 0 },
    pledgeCount: totals?.pledges.count ?? 0,
    citizensHeard: totals?.citizensHeard ?? 0,
    collaborationsSparked: totals?.collaborationsSparked ?? 0,
  };
}

/** Adds (sign 1) or takes away (sign -1) one workshop's own figures. */
function addFigures(sums: TotalsSums, workshop: OwnFigures, sign: 1 | -1): void {
  for (const key of ['registered', 'waitlisted', 'cancelled'] as const) sums.registrations[key] += sign * workshop.registrations[key];
  for (const key of ['onSite', 'remote', 'total'] as const) sums.attendance[key] += sign * workshop.attendance[key];
  for (const rating of RATINGS) sums.distribution[rating] += sign * workshop.feedback.distribution[rating];
  sums.pledgeCount += sign * workshop.pledges.count;
  for (const status of ['pending', 'fulfilled', 'withdrawn'] as const) {
    sums.byStatus[status].count += sign * workshop.pledges.byStatus[status].count;
    sums.byStatus[status].inKindValueCents += sign * workshop.pledges.byStatus[status].inKindValueCents;
  }
  for (const [kind, summary] of Object.entries(workshop.pledges.byKind) as Array<[PledgeKind, PledgeSummary['byKind'][PledgeKind]]>) {
    if (!summary) continue;
    const total = (sums.kinds[kind] ??= { count: 0, inKindValueCents: 0, fulfilledInKindValueCents: 0 });
    total.count += sign * summary.count;
    total.inKindValueCents += sign * summary.inKindValueCents;
    total.fulfilledInKindValueCents += sign * summary.fulfilledInKindValueCents;
  }
  for (const [category, cents] of Object.entries(workshop.expenses.byCategory) as Array<[ExpenseCategory, number]>) {
    sums.categories[category] = (sums.categories[category] ?? 0) + sign * cents;
  }
  sums.expenses.count += sign * workshop.expenses.count;
  sums.expenses.totalCents += sign * workshop.expenses.totalCents;
  sums.expenses.voidedCount += sign * workshop.expenses.voidedCount;
  sums.expenses.correctedCount += sign * workshop.expenses.correctedCount;
  sums.planningMeetings.partner += sign * workshop.planningMeetings.partner;
  sums.planningMeetings.coreTeam += sign * workshop.planningMeetings.coreTeam;
  sums.citizensHeard += sign * workshop.citizensHeard;
  sums.collaborationsSparked += sign * workshop.collaborationsSparked;
}

/**
 * The totals from the sums. A pledge kind shows while some pledge has it (count > 0); an expense category shows
 * while some workshop shows it, which a sum of 0 cannot tell (an expense of 0 cents): `showsCategory` decides.
 */
function totalsFrom(sums: TotalsSums, workshops: number, distinct: DistinctTotals, showsCategory: (category: ExpenseCategory) => boolean): ChainTotals {
  // Same key order as the per-workshop summaries (vocabulary order), whatever order the workshops came in.
  const byKind: PledgeSummary['byKind'] = {};
  for (const kind of PLEDGE_KINDS) {
    const summary = sums.kinds[kind];
    if (summary && summary.count > 0) byKind[kind] = summary;
  }
  const byCategory: ExpenseSummary['byCategory'] = {};
  for (const category of EXPENSE_CATEGORIES) {
    const cents = sums.categories[category];
    if (cents !== undefined && showsCategory(category)) byCategory[category] = cents;
  }
  return {
    workshops,
    registrations: sums.registrations,
    attendance: sums.attendance,
    uniqueParticipants: distinct.uniqueParticipants,
    returningParticipants: distinct.returningParticipants,
    organizationsReached: distinct.organizationsReached,
    feedback: feedbackFrom(sums.distribution),
    pledges: { count: sums.pledgeCount, byKind, byStatus: sums.byStatus, inKindValueFulfilledCents: sums.byStatus.fulfilled.inKindValueCents },
    inKindValueFulfilledCents: sums.byStatus.fulfilled.inKindValueCents,
    expenses: {
      count: sums.expenses.count,
      totalCents: sums.expenses.totalCents,
      byCategory,
      voidedCount: sums.expenses.voidedCount,
      correctedCount: sums.expenses.correctedCount,
    },
    citizensHeard: sums.citizensHeard,
    planningMeetings: sums.planningMeetings,
    collaborationsSparked: sums.collaborationsSparked,
  };
}

/** The chain's totals: sums of the workshops' own figures, plus the distinct counts. */
export function totalsOf(workshops: readonly ChainWorkshop[], distinct: DistinctTotals): ChainTotals {
  const sums = sumsFrom();
  for (const workshop of workshops) addFigures(sums, workshop, 1);
  return totalsFrom(sums, workshops.length, distinct, () => true);
}

const NO_FIGURES: OwnFigures = ownFigures({
  registrations: {},
  attendance: {},
  pledges: {},
  expenses: {},
  feedbackRatings: {},
  citizenInputs: {},
  planningMeetings: {},
  collaborations: {},
  organizations: {},
});

function pledgeTotalsAfter(totals: PledgeSummary, before: PledgeSummary, after: PledgeSummary): PledgeSummary {
  const sums = sumsFrom();
  sums.pledgeCount = totals.count;
  for (const status of ['pending', 'fulfilled', 'withdrawn'] as const) sums.byStatus[status] = { ...totals.byStatus[status] };
  for (const [kind, summary] of Object.entries(totals.byKind) as Array<[PledgeKind, PledgeSummary['byKind'][PledgeKind]]>) if (summary) sums.kinds[kind] = { ...summary };
  addFigures(sums, { ...NO_FIGURES, pledges: before }, -1);
  addFigures(sums, { ...NO_FIGURES, pledges: after }, 1);
  return totalsFrom(sums, 0, { uniqueParticipants: 0, returningParticipants: 0, organizationsReached: 0 }, () => true).pledges;
}

function expenseTotalsAfter(totals: ExpenseSummary, before: ExpenseSummary, after: ExpenseSummary, workshops: readonly ChainWorkshop[]): ExpenseSummary {
  const sums = sumsFrom();
  sums.expenses = { count: totals.count, totalCents: totals.totalCents, voidedCount: totals.voidedCount, correctedCount: totals.correctedCount };
  for (const [category, cents] of Object.entries(totals.byCategory) as Array<[ExpenseCategory, number]>) sums.categories[category] = cents;
  addFigures(sums, { ...NO_FIGURES, expenses: before }, -1);
  addFigures(sums, { ...NO_FIGURES, expenses: after }, 1);
  const touched = new Set([...Object.keys(before.byCategory), ...Object.keys(after.byCategory)]);
  // A sum of 0 does not say whether some workshop still shows the category (an expense of 0 cents): ask them.
  const showsCategory = (category: ExpenseCategory): boolean =>
    !touched.has(category) || sums.categories[category] !== 0 || workshops.some((workshop) => Object.hasOwn(workshop.expenses.byCategory, category));
  return totalsFrom(sums, 0, { uniqueParticipants: 0, returningParticipants: 0, organizationsReached: 0 }, showsCategory).expenses;
}

const movedBy = <K extends string>(total: Record<K, number>, before: Record<K, number>, after: Record<K, number>, keys: readonly K[]): Record<K, number> => {
  const moved = { ...total };
  for (const key of keys) moved[key] = total[key] - before[key] + after[key];
  return moved;
};

/**
 * The totals after one workshop's own figures changed from `before` to `after` (null: the workshop was not there),
 * without summing the other workshops again; only the summaries that changed (new objects) are moved.
 * `workshops` is the chain after the change.
 */
export function totalsAfter(
  totals: ChainTotals,
  before: OwnFigures | null,
  after: OwnFigures,
  workshops: readonly ChainWorkshop[],
  distinct: DistinctTotals,
): ChainTotals {
  const b = before ?? NO_FIGURES;
  const next: ChainTotals = { ...totals, workshops: workshops.length, ...distinct };
  if (after.registrations !== b.registrations) next.registrations = movedBy(totals.registrations, b.registrations, after.registrations, ['registered', 'waitlisted', 'cancelled']);
  if (after.attendance !== b.attendance) next.attendance = movedBy(totals.attendance, b.attendance, after.attendance, ['onSite', 'remote', 'total']);
  if (after.feedback !== b.feedback) next.feedback = feedbackFrom(movedBy(totals.feedback.distribution, b.feedback.distribution, after.feedback.distribution, RATINGS));
  if (after.pledges !== b.pledges) {
    next.pledges = pledgeTotalsAfter(totals.pledges, b.pledges, after.pledges);
    next.inKindValueFulfilledCents = next.pledges.inKindValueFulfilledCents;
  }
  if (after.expenses !== b.expenses) next.expenses = expenseTotalsAfter(totals.expenses, b.expenses, after.expenses, workshops);
  next.citizensHeard = totals.citizensHeard - b.citizensHeard + after.citizensHeard;
  if (after.planningMeetings !== b.planningMeetings) next.planningMeetings = movedBy(totals.planningMeetings, b.planningMeetings, after.planningMeetings, ['partner', 'coreTeam']);
  next.collaborationsSparked = totals.collaborationsSparked - b.collaborationsSparked + after.collaborationsSparked;
  return next;
}

/** Every derived figure of the chain (per workshop, in chain order, and the totals), from the facts alone. */
export function figuresOf(unordered: WorkshopEntry[], workshopOrder: Record<string, number>): Pick<WorkshopChainView, 'workshops' | 'totals'> {
  const attendedEarlier = new Set<string>();
  const returners = new Set<string>();
  const reachedEarlier = new Set<string>();

  const workshops = inChainOrder(unordered, workshopOrder).map((workshop): ChainWorkshop => {
    const organizations = organizationsReachedBy(workshop);
    const facts = { ...workshop.facts, organizations };
    const attendees = Object.keys(facts.attendance);
    const returning = attendees.filter((personId) => attendedEarlier.has(personId));
    for (const personId of returning) returners.add(personId);
    for (const personId of attendees) attendedEarlier.add(personId);

    const newOrganizationIds = Object.keys(organizations)
      .filter((id) => !reachedEarlier.has(id))
      .sort();
    for (const id of newOrganizationIds) reachedEarlier.add(id);

    return {
      ...workshop,
      ...ownFigures(facts),
      returningParticipants: returning.length,
      newOrganizationIds,
      newOrganizations: newOrganizationIds.length,
      facts,
    };
  });

  const totals = totalsOf(workshops, {
    uniqueParticipants: attendedEarlier.size,
    returningParticipants: returners.size,
    organizationsReached: reachedEarlier.size,
  });
  return { workshops, totals };
}

export const withFigures = (view: WorkshopChainView): WorkshopChainView => ({
  ...view,
  ...figuresOf(view.workshops, view.facts.workshopOrder),
});

// ---- one new fact, without recomputing the chain ----

/**
 * The first workshop other than `k` for which `has` holds, and how many others do, counting no further than
 * `enough` (the callers only need to tell 0, 1 and more apart): most scans stop at an early workshop.
 */
function firstOther(workshops: readonly ChainWorkshop[], k: number, enough: number, has: (workshop: ChainWorkshop) => boolean): { first: number | null; others: number } {
  let first: number | null = null;
  let others = 0;
  for (let i = 0; i < workshops.length && others < enough; i++) {
    if (i === k || !has(workshops[i])) continue;
    first ??= i;
    others++;
  }
  return { first, others };
}

const replaced = (workshops: ChainWorkshop[], i: number, workshop: ChainWorkshop): ChainWorkshop[] => {
  const next = workshops.slice();
  next[i] = workshop;
  return next;
};

/**
 * After `personId` attended workshop `k` (workshops in chain order) for the first time: they return at `k` if
 * they attended an earlier workshop; otherwise their first later workshop, if any, now counts them as returning.
 */
export function withNewAttendee(workshops: ChainWorkshop[], k: number, personId: string, distinct: DistinctTotals): [ChainWorkshop[], DistinctTotals] {
  const { first, others } = firstOther(workshops, k, 2, (workshop) => Object.hasOwn(workshop.facts.attendance, personId));
  const returnsAt = first === null ? null : first < k ? k : first;
  const next =
    returnsAt === null
      ? workshops
      : replaced(workshops, returnsAt, { ...workshops[returnsAt], returningParticipants: workshops[returnsAt].returningParticipants + 1 });
  return [
    next,
    {
      ...distinct,
      uniqueParticipants: distinct.uniqueParticipants + (others === 0 ? 1 : 0),
      // From one workshop to two: a returning participant now.
      returningParticipants: distinct.returningParticipants + (others === 1 ? 1 : 0),
    },
  ];
}

/**
 * After workshop `k` reached `organizationId` for the first time: new there unless an earlier workshop reached it,
 * and then no longer new at the later workshop that had reached it first.
 */
export function withOrganizationReached(
  workshops: ChainWorkshop[],
  k: number,
  organizationId: string,
  distinct: DistinctTotals,
): [ChainWorkshop[], DistinctTotals] {
  const { first } = firstOther(workshops, k, 1, (workshop) => Object.hasOwn(workshop.facts.organizations, organizationId));
  const distinctNext = { ...distinct, organizationsReached: distinct.organizationsReached + (first === null ? 1 : 0) };
  if (first !== null && first < k) return [workshops, distinctNext];
  const ids = workshops[k].newOrganizationIds;
  // Sorted already: insert in place rather than sort again.
  let at = ids.length;
  while (at > 0 && ids[at - 1] > organizationId) at--;
  const withNew = [...ids.slice(0, at), organizationId, ...ids.slice(at)];
  let next = replaced(workshops, k, { ...workshops[k], newOrganizationIds: withNew, newOrganizations: withNew.length });
  if (first !== null) {
    const without = next[first].newOrganizationIds.filter((id) => id !== organizationId);
    next = replaced(next, first, { ...next[first], newOrganizationIds: without, newOrganizations: without.length });
  }
  return [next, distinctNext];
}
