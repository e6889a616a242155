import { EXPENSE_CATEGORIES, PLEDGE_KINDS, STAFF_ROLES } from '@kuhina/domain';
import type {
  AttendanceCounts,
  ChainTotals,
  ChainWorkshop,
  ExpenseSummary,
  PlanningMeetingCounts,
  PledgeSummary,
  Rating,
  RegistrationCounts,
  StaffCounts,
  StaffMinutesSummary,
  OutreachFigures,
} from '../workshop-chain.view';
import { addOutreach, noOutreach } from './outreach';
import { RATINGS } from './common';
import type { ExpenseCategory } from './expenses';
import { feedbackFrom } from './feedback';
import type { OwnFigures } from './own';
import { emptyPledgeStatus, type PledgeKind } from './pledges';
import { addStaffMinutes, noStaffMinutes } from './staff-minutes';

export interface DistinctTotals {
  uniqueParticipants: number;
  returningParticipants: number;
  organizationsReached: number;
}

/** Running sums of the workshops' own figures: built from scratch (`totalsOf`) or moved by one workshop's change (`totalsAfter`). */
interface TotalsSums {
  registrations: RegistrationCounts;
  attendance: AttendanceCounts;
  staff: StaffCounts;
  distribution: Record<Rating, number>;
  byStatus: PledgeSummary['byStatus'];
  kinds: Partial<Record<PledgeKind, { count: number; inKindValueCents: number; fulfilledInKindValueCents: number }>>;
  categories: Partial<Record<ExpenseCategory, number>>;
  expenses: { count: number; totalCents: number; voidedCount: number; correctedCount: number };
  staffMinutes: StaffMinutesSummary;
  planningMeetings: PlanningMeetingCounts;
  pledgeCount: number;
  citizensHeard: number;
  collaborationsSparked: number;
  outreach: OutreachFigures;
}

function sumsFrom(): TotalsSums {
  return {
    registrations: { registered: 0, waitlisted: 0, cancelled: 0 },
    attendance: { onSite: 0, remote: 0, total: 0 },
    staff: Object.fromEntries(STAFF_ROLES.map((role) => [role, { registered: 0, attended: 0 }])) as StaffCounts,
    distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
    byStatus: emptyPledgeStatus(),
    kinds: {},
    categories: {},
    expenses: { count: 0, totalCents: 0, voidedCount: 0, correctedCount: 0 },
    staffMinutes: noStaffMinutes(),
    planningMeetings: { partner: 0, coreTeam: 0 },
    pledgeCount: 0,
    citizensHeard: 0,
    collaborationsSparked: 0,
    outreach: noOutreach(),
  };
}

/** Adds (sign 1) or takes away (sign -1) one workshop's own figures. */
function addFigures(sums: TotalsSums, workshop: OwnFigures, sign: 1 | -1): void {
  for (const key of ['registered', 'waitlisted', 'cancelled'] as const) sums.registrations[key] += sign * workshop.registrations[key];
  for (const key of ['onSite', 'remote', 'total'] as const) sums.attendance[key] += sign * workshop.attendance[key];
  for (const role of STAFF_ROLES) {
    sums.staff[role].registered += sign * workshop.staff[role].registered;
    sums.staff[role].attended += sign * workshop.staff[role].attended;
  }
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
  addExpenses(sums, workshop.expenses, sign);
  addStaffMinutes(sums.staffMinutes, workshop.staffMinutes, sign);
  sums.planningMeetings.partner += sign * workshop.planningMeetings.partner;
  sums.planningMeetings.coreTeam += sign * workshop.planningMeetings.coreTeam;
  sums.citizensHeard += sign * workshop.citizensHeard;
  sums.collaborationsSparked += sign * workshop.collaborationsSparked;
  addOutreach(sums.outreach, workshop.outreach, sign);
}

function addExpenses(sums: TotalsSums, expenses: ExpenseSummary, sign: 1 | -1): void {
  for (const [category, cents] of Object.entries(expenses.byCategory) as Array<[ExpenseCategory, number]>) {
    sums.categories[category] = (sums.categories[category] ?? 0) + sign * cents;
  }
  sums.expenses.count += sign * expenses.count;
  sums.expenses.totalCents += sign * expenses.totalCents;
  sums.expenses.voidedCount += sign * expenses.voidedCount;
  sums.expenses.correctedCount += sign * expenses.correctedCount;
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
    staff: sums.staff,
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
    staffMinutes: sums.staffMinutes,
    citizensHeard: sums.citizensHeard,
    planningMeetings: sums.planningMeetings,
    collaborationsSparked: sums.collaborationsSparked,
    outreach: sums.outreach,
  };
}

/** What the chain holds as a whole, beside its workshops: counted into the totals. */
export interface ChainLevelFigures {
  meetings: PlanningMeetingCounts;
  expenses: ExpenseSummary;
  staffMinutes: StaffMinutesSummary;
}

export const noChainLevelFigures = (): ChainLevelFigures => ({
  meetings: { partner: 0, coreTeam: 0 },
  expenses: { count: 0, totalCents: 0, byCategory: {}, voidedCount: 0, correctedCount: 0 },
  staffMinutes: noStaffMinutes(),
});

/** The chain's totals: sums of the workshops' own figures and the chain's own (meetings, expenses, staff hours), plus the distinct counts. */
export function totalsOf(workshops: readonly ChainWorkshop[], distinct: DistinctTotals, chain: ChainLevelFigures = noChainLevelFigures()): ChainTotals {
  const sums = sumsFrom();
  for (const workshop of workshops) addFigures(sums, workshop, 1);
  sums.planningMeetings.partner += chain.meetings.partner;
  sums.planningMeetings.coreTeam += chain.meetings.coreTeam;
  addExpenses(sums, chain.expenses, 1);
  addStaffMinutes(sums.staffMinutes, chain.staffMinutes, 1);
  return totalsFrom(sums, workshops.length, distinct, () => true);
}
