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
// the chain's order may change and otherwise updates only what one event can change (`ownFigures` of the
// touched workshop, `withNewAttendee`, `withOrganizationReached`, `totalsOf`), which keeps an event's cost
// independent of the size of the rest of the chain. The spec checks that both always agree.

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
function inChainOrder(workshops: WorkshopEntry[], workshopOrder: Record<string, number>): WorkshopEntry[] {
  const orderOf = (workshop: WorkshopEntry): number | null =>
    Object.hasOwn(workshopOrder, workshop.workshopId) ? workshopOrder[workshop.workshopId] : null;
  return workshops
    .map((workshop) => ({ ...workshop, order: orderOf(workshop) }))
    .sort(
      (a, b) =>
        (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) ||
        // Offsets differ between workshops (+03:00 in summer, Z from other clients): compare instants, not text.
        Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
        (a.workshopId < b.workshopId ? -1 : a.workshopId > b.workshopId ? 1 : 0),
    );
}

export interface DistinctTotals {
  uniqueParticipants: number;
  returningParticipants: number;
  organizationsReached: number;
}

function addInto<K extends string>(target: Partial<Record<K, number>>, key: K, amount: number): void {
  target[key] = (target[key] ?? 0) + amount;
}

/** The chain's totals: sums of the workshops' own figures, plus the distinct counts. */
export function totalsOf(workshops: readonly ChainWorkshop[], distinct: DistinctTotals): ChainTotals {
  const registrations: RegistrationCounts = { registered: 0, waitlisted: 0, cancelled: 0 };
  const attendance: AttendanceCounts = { onSite: 0, remote: 0, total: 0 };
  const distribution: Record<Rating, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  const byStatus = emptyPledgeStatus();
  const kinds: Partial<Record<(typeof PLEDGE_KINDS)[number], { count: number; inKindValueCents: number; fulfilledInKindValueCents: number }>> = {};
  const categories: Partial<Record<(typeof EXPENSE_CATEGORIES)[number], number>> = {};
  const expenses = { count: 0, totalCents: 0, voidedCount: 0, correctedCount: 0 };
  const planningMeetings: PlanningMeetingCounts = { partner: 0, coreTeam: 0 };
  let pledgeCount = 0;
  let citizensHeard = 0;
  let collaborationsSparked = 0;

  for (const workshop of workshops) {
    for (const key of ['registered', 'waitlisted', 'cancelled'] as const) registrations[key] += workshop.registrations[key];
    for (const key of ['onSite', 'remote', 'total'] as const) attendance[key] += workshop.attendance[key];
    for (const rating of RATINGS) distribution[rating] += workshop.feedback.distribution[rating];
    pledgeCount += workshop.pledges.count;
    for (const status of ['pending', 'fulfilled', 'withdrawn'] as const) {
      byStatus[status].count += workshop.pledges.byStatus[status].count;
      byStatus[status].inKindValueCents += workshop.pledges.byStatus[status].inKindValueCents;
    }
    for (const [kind, summary] of Object.entries(workshop.pledges.byKind) as Array<[(typeof PLEDGE_KINDS)[number], PledgeSummary['byKind'][(typeof PLEDGE_KINDS)[number]]]>) {
      if (!summary) continue;
      const total = (kinds[kind] ??= { count: 0, inKindValueCents: 0, fulfilledInKindValueCents: 0 });
      total.count += summary.count;
      total.inKindValueCents += summary.inKindValueCents;
      total.fulfilledInKindValueCents += summary.fulfilledInKindValueCents;
    }
    for (const [category, cents] of Object.entries(workshop.expenses.byCategory) as Array<[(typeof EXPENSE_CATEGORIES)[number], number]>) {
      addInto(categories, category, cents);
    }
    expenses.count += workshop.expenses.count;
    expenses.totalCents += workshop.expenses.totalCents;
    expenses.voidedCount += workshop.expenses.voidedCount;
    expenses.correctedCount += workshop.expenses.correctedCount;
    planningMeetings.partner += workshop.planningMeetings.partner;
    planningMeetings.coreTeam += workshop.planningMeetings.coreTeam;
    citizensHeard += workshop.citizensHeard;
    collaborationsSparked += workshop.collaborationsSparked;
  }

  // Same key order as the per-workshop summaries (vocabulary order), whatever order the workshops came in.
  const byKind: PledgeSummary['byKind'] = {};
  for (const kind of PLEDGE_KINDS) if (kinds[kind]) byKind[kind] = kinds[kind];
  const byCategory: ExpenseSummary['byCategory'] = {};
  for (const category of EXPENSE_CATEGORIES) if (categories[category] !== undefined) byCategory[category] = categories[category];

  return {
    workshops: workshops.length,
    registrations,
    attendance,
    uniqueParticipants: distinct.uniqueParticipants,
    returningParticipants: distinct.returningParticipants,
    organizationsReached: distinct.organizationsReached,
    feedback: feedbackFrom(distribution),
    pledges: { count: pledgeCount, byKind, byStatus, inKindValueFulfilledCents: byStatus.fulfilled.inKindValueCents },
    inKindValueFulfilledCents: byStatus.fulfilled.inKindValueCents,
    expenses: {
      count: expenses.count,
      totalCents: expenses.totalCents,
      byCategory,
      voidedCount: expenses.voidedCount,
      correctedCount: expenses.correctedCount,
    },
    citizensHeard,
    planningMeetings,
    collaborationsSparked,
  };
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

const indexesHaving = (workshops: readonly ChainWorkshop[], except: number, has: (workshop: ChainWorkshop) => boolean): number[] =>
  workshops.flatMap((workshop, i) => (i !== except && has(workshop) ? [i] : []));

/**
 * After `personId` attended workshop `k` (workshops in chain order) for the first time: they return at `k` if
 * they attended an earlier workshop; otherwise their first later workshop, if any, now counts them as returning.
 */
export function withNewAttendee(workshops: ChainWorkshop[], k: number, personId: string, distinct: DistinctTotals): [ChainWorkshop[], DistinctTotals] {
  const elsewhere = indexesHaving(workshops, k, (workshop) => Object.hasOwn(workshop.facts.attendance, personId));
  const returnsAt = elsewhere.some((i) => i < k) ? k : elsewhere.length > 0 ? Math.min(...elsewhere) : null;
  const next =
    returnsAt === null
      ? workshops
      : workshops.map((workshop, i) => (i === returnsAt ? { ...workshop, returningParticipants: workshop.returningParticipants + 1 } : workshop));
  return [
    next,
    {
      ...distinct,
      uniqueParticipants: distinct.uniqueParticipants + (elsewhere.length === 0 ? 1 : 0),
      // From one workshop to two: a returning participant now.
      returningParticipants: distinct.returningParticipants + (elsewhere.length === 1 ? 1 : 0),
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
  const elsewhere = indexesHaving(workshops, k, (workshop) => Object.hasOwn(workshop.facts.organizations, organizationId));
  const distinctNext = { ...distinct, organizationsReached: distinct.organizationsReached + (elsewhere.length === 0 ? 1 : 0) };
  if (elsewhere.some((i) => i < k)) return [workshops, distinctNext];
  const firstBefore = elsewhere.length > 0 ? Math.min(...elsewhere) : null;
  const next = workshops.map((workshop, i) => {
    if (i === k) {
      const newOrganizationIds = [...workshop.newOrganizationIds, organizationId].sort();
      return { ...workshop, newOrganizationIds, newOrganizations: newOrganizationIds.length };
    }
    if (i === firstBefore) {
      const newOrganizationIds = workshop.newOrganizationIds.filter((id) => id !== organizationId);
      return { ...workshop, newOrganizationIds, newOrganizations: newOrganizationIds.length };
    }
    return workshop;
  });
  return [next, distinctNext];
}
