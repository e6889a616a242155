import { countRegistrations, EXPENSE_CATEGORIES, PLEDGE_KINDS, recount, type RegistrationCounts as CountedRegistrations } from '@kuhina/domain';
import { idMap } from '../../projection';
import type {
  AttendanceCounts,
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
// a workshop moves in the chain's order (or an attendee's organisation changes) and otherwise moves, in place,
// only what one changed fact can change (the `...Changed` functions, `newAttendee`, `organizationReached`):
// an event's cost does not grow with the facts of the rest of the chain. The spec checks that both always agree.

const valuesOf = <T>(map: Record<string, T>): T[] => Object.values(map);

function sumOf<T>(items: readonly T[], value: (item: T) => number): number {
  let sum = 0;
  for (const item of items) sum += value(item);
  return sum;
}

const RATINGS: readonly Rating[] = ['1', '2', '3', '4', '5'];

// ---- one workshop ----

/** The figures that show registrations and attendance: the two halves of the domain's count of the registrations. */
type RegistrationFigures = { registrations: RegistrationCounts; attendance: AttendanceCounts };

/** The domain's counts as this view shows them (`registrations` and `attendance`). */
const shownAs = (counts: CountedRegistrations): RegistrationFigures => ({
  registrations: { registered: counts.registered, waitlisted: counts.waitlisted, cancelled: counts.cancelled },
  attendance: { onSite: counts.attendedOnSite, remote: counts.attendedRemote, total: counts.attended },
});

/** The domain's counts back from the view's two halves (one to one). */
const countedFrom = ({ registrations, attendance }: RegistrationFigures): CountedRegistrations => ({
  registered: registrations.registered,
  waitlisted: registrations.waitlisted,
  cancelled: registrations.cancelled,
  attended: attendance.total,
  attendedOnSite: attendance.onSite,
  attendedRemote: attendance.remote,
});

/** Registration and attendance figures of a workshop, counted by the domain's counting function. */
export const registrationFigures = (registrations: RegistrationFact[]): RegistrationFigures => shownAs(countRegistrations(registrations));

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
    ...registrationFigures(valuesOf(facts.registrations)),
    feedback: feedbackSummary(valuesOf(facts.feedbackRatings)),
    pledges: pledgeSummary(valuesOf(facts.pledges)),
    expenses: expenseSummary(valuesOf(facts.expenses)),
    citizensHeard: sumOf(valuesOf(facts.citizenInputs), (heard) => heard),
    planningMeetings: planningMeetingCounts(valuesOf(facts.planningMeetings)),
    collaborationsSparked: Object.keys(facts.collaborations).length,
  };
}

/** Organisations a workshop reached: their people attended or registered, or they co-organised or pledged. */
export function organizationsReachedBy(workshop: Pick<WorkshopEntry, 'coOrganizerIds' | 'facts'>): Record<string, true> {
  const reached = idMap<true>();
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

function sumsFrom(): TotalsSums {
  return {
    registrations: { registered: 0, waitlisted: 0, cancelled: 0 },
    attendance: { onSite: 0, remote: 0, total: 0 },
    distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
    byStatus: emptyPledgeStatus(),
    kinds: {},
    categories: {},
    expenses: { count: 0, totalCents: 0, voidedCount: 0, correctedCount: 0 },
    planningMeetings: { partner: 0, coreTeam: 0 },
    pledgeCount: 0,
    citizensHeard: 0,
    collaborationsSparked: 0,
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

/**
 * Moves the chain's pledge totals, in place, by one workshop's change from `before` to `after`: the same figures as
 * summing all workshops again (kinds in vocabulary order, a kind shown while some pledge has it).
 */
function movePledgeTotals(totals: ChainTotals, before: PledgeSummary, after: PledgeSummary): void {
  const pledges = totals.pledges;
  pledges.count += after.count - before.count;
  for (const status of ['pending', 'fulfilled', 'withdrawn'] as const) {
    pledges.byStatus[status].count += after.byStatus[status].count - before.byStatus[status].count;
    pledges.byStatus[status].inKindValueCents += after.byStatus[status].inKindValueCents - before.byStatus[status].inKindValueCents;
  }
  const byKind: PledgeSummary['byKind'] = {};
  for (const kind of PLEDGE_KINDS) {
    const was = before.byKind[kind];
    const now = after.byKind[kind];
    const total = pledges.byKind[kind] ?? { count: 0, inKindValueCents: 0, fulfilledInKindValueCents: 0 };
    if (was || now) {
      total.count += (now?.count ?? 0) - (was?.count ?? 0);
      total.inKindValueCents += (now?.inKindValueCents ?? 0) - (was?.inKindValueCents ?? 0);
      total.fulfilledInKindValueCents += (now?.fulfilledInKindValueCents ?? 0) - (was?.fulfilledInKindValueCents ?? 0);
    }
    if (total.count > 0) byKind[kind] = total;
  }
  pledges.byKind = byKind;
  pledges.inKindValueFulfilledCents = pledges.byStatus.fulfilled.inKindValueCents;
  totals.inKindValueFulfilledCents = pledges.inKindValueFulfilledCents;
}

/**
 * Moves the chain's expense totals, in place, by one workshop's change from `before` to `after` (`workshops`: the
 * chain after the change). A category shows while some workshop shows it, which a sum of 0 cannot tell (an
 * expense of 0 cents): then the workshops are asked.
 */
function moveExpenseTotals(totals: ChainTotals, before: ExpenseSummary, after: ExpenseSummary, workshops: readonly ChainWorkshop[]): void {
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
    if (cents !== 0 || workshops.some((workshop) => Object.hasOwn(workshop.expenses.byCategory, category))) byCategory[category] = cents;
  }
  expenses.byCategory = byCategory;
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

// ---- one changed fact, in place, without recomputing the chain ----
// Each function below is called after the fact itself was set in the workshop's facts; it moves the touched
// workshop's own figure and the chain's totals by the difference between the fact before (`was`) and after.

/** A registration fact set (`was`: the one it replaced): the workshop's figures and the totals move by `recount`. */
export function registrationChanged(view: WorkshopChainView, workshop: ChainWorkshop, was: RegistrationFact | undefined, now: RegistrationFact): void {
  moveRegistration(workshop, was, now);
  moveRegistration(view.totals, was, now);
}

function moveRegistration(figures: RegistrationFigures, was: RegistrationFact | undefined, now: RegistrationFact): void {
  const { registrations, attendance } = shownAs(recount(countedFrom(figures), was, now));
  figures.registrations = registrations;
  figures.attendance = attendance;
}

/** A feedback rating set (`was`: the rating it replaced). */
export function feedbackChanged(view: WorkshopChainView, workshop: ChainWorkshop, was: number | undefined, now: number): void {
  const bucket = (rating: number | undefined): Rating | null => {
    const key = String(rating);
    return rating !== undefined && (RATINGS as readonly string[]).includes(key) ? (key as Rating) : null;
  };
  moveFeedback(workshop.feedback, bucket(was), bucket(now));
  moveFeedback(view.totals.feedback, bucket(was), bucket(now));
}

function moveFeedback(summary: FeedbackSummary, from: Rating | null, to: Rating | null): void {
  if (from) summary.distribution[from]--;
  if (to) summary.distribution[to]++;
  const { count, average } = feedbackFrom(summary.distribution);
  summary.count = count;
  summary.average = average;
}

/** A pledge fact set: the workshop's few pledges are summed again, the chain's totals moved by the difference. */
export function pledgesChanged(view: WorkshopChainView, workshop: ChainWorkshop): void {
  const before = workshop.pledges;
  workshop.pledges = pledgeSummary(valuesOf(workshop.facts.pledges));
  movePledgeTotals(view.totals, before, workshop.pledges);
}

/** An expense fact set: the workshop's few expenses are summed again, the chain's totals moved by the difference. */
export function expensesChanged(view: WorkshopChainView, workshop: ChainWorkshop): void {
  const before = workshop.expenses;
  workshop.expenses = expenseSummary(valuesOf(workshop.facts.expenses));
  moveExpenseTotals(view.totals, before, workshop.expenses, view.workshops);
}

/** A planning meeting set: counted again for the workshop, the chain's totals moved by the difference. */
export function planningMeetingsChanged(view: WorkshopChainView, workshop: ChainWorkshop): void {
  const before = workshop.planningMeetings;
  workshop.planningMeetings = planningMeetingCounts(valuesOf(workshop.facts.planningMeetings));
  view.totals.planningMeetings.partner += workshop.planningMeetings.partner - before.partner;
  view.totals.planningMeetings.coreTeam += workshop.planningMeetings.coreTeam - before.coreTeam;
}

// ---- who is where: a cache over a draft's facts ----

/**
 * For each person the workshops (objects of `view.workshops`) they attended, for each organisation the workshops that
 * reached it: derived from the facts alone, so it is a cache, not state. Without it, telling whether a person or an
 * organisation was seen in another workshop scans every workshop's facts (a hash probe per workshop, cache-cold in a
 * large chain); with it, one probe. Built on first use for a draft, kept up to date by `newAttendee` and
 * `organizationReached`, dropped by `forgetWhere` when the workshops are derived again.
 */
interface Where {
  attended: Map<string, ChainWorkshop[]>;
  reached: Map<string, ChainWorkshop[]>;
}

const whereByView = new WeakMap<WorkshopChainView, Where>();

function whereIn(view: WorkshopChainView): Where {
  let where = whereByView.get(view);
  if (where !== undefined) return where;
  where = { attended: new Map(), reached: new Map() };
  for (const workshop of view.workshops) {
    for (const personId of Object.keys(workshop.facts.attendance)) listIn(where.attended, personId).push(workshop);
    for (const organizationId of Object.keys(workshop.facts.organizations)) listIn(where.reached, organizationId).push(workshop);
  }
  whereByView.set(view, where);
  return where;
}

function listIn(map: Map<string, ChainWorkshop[]>, id: string): ChainWorkshop[] {
  let list = map.get(id);
  if (list === undefined) map.set(id, (list = []));
  return list;
}

/** Call when `view.workshops` is replaced by a derivation (`figuresOf`): the cached workshop objects are gone. */
export function forgetWhere(view: WorkshopChainView): void {
  whereByView.delete(view);
}

/**
 * The first (in chain order) of the workshops in `list` other than `k`, and how many others there are. `list` holds
 * the few workshops of one person or organisation: their places are looked up in the (short, hot) workshops array.
 */
function firstOther(workshops: readonly ChainWorkshop[], k: number, list: readonly ChainWorkshop[]): { first: number | null; others: number } {
  let first: number | null = null;
  let others = 0;
  for (const workshop of list) {
    const at = workshops.indexOf(workshop);
    if (at === k) continue;
    others++;
    if (first === null || at < first) first = at;
  }
  return { first, others };
}

/**
 * After `personId` attended workshop `k` (workshops in chain order) for the first time: they return at `k` if
 * they attended an earlier workshop; otherwise their first later workshop, if any, now counts them as returning.
 */
export function newAttendee(view: WorkshopChainView, k: number, personId: string): void {
  const { workshops, totals } = view;
  const attended = listIn(whereIn(view).attended, personId);
  const { first, others } = firstOther(workshops, k, attended);
  if (!attended.includes(workshops[k])) attended.push(workshops[k]);
  if (first !== null) workshops[first < k ? k : first].returningParticipants++;
  if (others === 0) totals.uniqueParticipants++;
  // From one workshop to two: a returning participant now.
  if (others === 1) totals.returningParticipants++;
}

/**
 * After workshop `k` reached `organizationId` for the first time (already in its facts): new there unless an
 * earlier workshop reached it, and then no longer new at the later workshop that had reached it first.
 */
export function organizationReached(view: WorkshopChainView, k: number, organizationId: string): void {
  const { workshops, totals } = view;
  const reachedBy = listIn(whereIn(view).reached, organizationId);
  const { first } = firstOther(workshops, k, reachedBy);
  if (!reachedBy.includes(workshops[k])) reachedBy.push(workshops[k]);
  if (first === null) totals.organizationsReached++;
  if (first !== null && first < k) return;
  const reached = workshops[k];
  // Sorted already: insert in place rather than sort again.
  let at = reached.newOrganizationIds.length;
  while (at > 0 && reached.newOrganizationIds[at - 1] > organizationId) at--;
  reached.newOrganizationIds.splice(at, 0, organizationId);
  reached.newOrganizations = reached.newOrganizationIds.length;
  if (first !== null) {
    const later = workshops[first];
    const was = later.newOrganizationIds.indexOf(organizationId);
    if (was >= 0) later.newOrganizationIds.splice(was, 1);
    later.newOrganizations = later.newOrganizationIds.length;
  }
}
