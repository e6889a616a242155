import { inChainOrder } from './figures/chain-order';
import { valuesOf } from './figures/common';
import { expenseSummary, noExpenses } from './figures/expenses';
import { ownFigures } from './figures/own';
import { organizationsReachedBy, returningFrom } from './figures/returning';
import { noStaffMinutes, staffMinutesSummary } from './figures/staff-minutes';
import { totalsOf } from './figures/totals';
import type { ChainWorkshop, ExpenseSummary, PlanningMeetingCounts, StaffMinutesSummary, WorkshopChainView, WorkshopEntry } from './workshop-chain.view';

/** What the chain itself says that the workshops' figures depend on. */
export interface ChainContext {
  /** Never an organisation reached: it runs the chain. */
  hubOrganizationId: string | null;
  /** The chain's own planning meetings, expenses and staff hours, added to the totals. */
  chainMeetings: PlanningMeetingCounts;
  chainExpenses: ExpenseSummary;
  chainStaffMinutes: StaffMinutesSummary;
}

export const NO_CHAIN_CONTEXT: ChainContext = { hubOrganizationId: null, chainMeetings: { partner: 0, coreTeam: 0 }, chainExpenses: noExpenses(), chainStaffMinutes: noStaffMinutes() };

/**
 * The context of a stored chain (documents from before the hub organisation and chain meetings have neither): the
 * chain's own expenses and staff hours derived from their facts, as the workshops' figures are.
 */
export const chainContextOf = (view: Pick<WorkshopChainView, 'hubOrganizationId' | 'chainMeetings' | 'facts'>): ChainContext => ({
  hubOrganizationId: view.hubOrganizationId ?? null,
  chainMeetings: view.chainMeetings ?? { partner: 0, coreTeam: 0 },
  chainExpenses: expenseSummary(valuesOf(view.facts.chainExpenses ?? {})),
  chainStaffMinutes: staffMinutesSummary(valuesOf(view.facts.chainStaffHours ?? {})),
});

// Every figure of the chain view follows from facts kept by id (in this document, or in the fact documents beside it),
// so applying an event twice cannot count anything twice. `figuresOf` derives from scratch every figure that depends
// on the chain's order (the reference); the projection uses it when a workshop moves in the chain's order (or an
// attendee's organisation changes) and otherwise moves, in place, only what one changed fact can change (the
// `...Changed` functions, `newAttendee`, `organizationReached`): an event's cost does not grow with the facts of the
// rest of the chain. The spec checks that both always agree.
//
// The figures by area, in ./figures/: registrations and attendance, feedback, pledges, expenses, a workshop's own
// figures (and planning meetings), chain order, returning participants and new organisations, the chain's totals.
// Each `...Changed` function there is called after the fact itself was set in the workshop's facts; it moves the
// touched workshop's own figure and the chain's totals by the difference between the fact before (`was`) and after.

/**
 * Every derived figure of the chain (per workshop, in chain order, and the totals) from the facts this document keeps:
 * the workshops' own facts, the organisations they reached and the attendance patterns. Registrations, attendance,
 * staff and feedback figures are moved by each of their facts (kept in documents of their own) and are carried as
 * they are.
 */
export function figuresOf(
  unordered: WorkshopEntry[],
  workshopOrder: Record<string, number>,
  chain: ChainContext = NO_CHAIN_CONTEXT,
  attendancePatterns: Record<string, number> = {},
): Pick<WorkshopChainView, 'workshops' | 'totals'> {
  const ordered = inChainOrder(unordered, workshopOrder);
  const returning = returningFrom(ordered, attendancePatterns);
  const reachedEarlier = new Set<string>();

  const workshops = ordered.map((workshop, at): ChainWorkshop => {
    const newOrganizationIds = organizationsReachedBy(workshop, chain.hubOrganizationId)
      .filter((id) => !reachedEarlier.has(id))
      .sort();
    for (const id of newOrganizationIds) reachedEarlier.add(id);
    return {
      ...workshop,
      ...ownFigures(workshop.facts),
      returningParticipants: returning.perWorkshop[at]!,
      newOrganizationIds,
      newOrganizations: newOrganizationIds.length,
    };
  });

  const totals = totalsOf(
    workshops,
    { uniqueParticipants: returning.unique, returningParticipants: returning.returners, organizationsReached: reachedEarlier.size },
    { meetings: chain.chainMeetings, expenses: chain.chainExpenses, staffMinutes: chain.chainStaffMinutes },
  );
  return { workshops, totals };
}

/** The chain with every derived figure from scratch: the workshops', the chain level's and the totals. */
export function withFigures(view: WorkshopChainView): WorkshopChainView {
  const chain = chainContextOf(view);
  return { ...view, chainExpenses: chain.chainExpenses, chainStaffMinutes: chain.chainStaffMinutes, ...figuresOf(view.workshops, view.facts.workshopOrder, chain, view.facts.attendancePatterns) };
}
