import type { ChainWorkshop, PlanningMeetingCounts, WorkshopChainView, WorkshopFacts } from '../workshop-chain.view';
import { sumOf, valuesOf } from './common';
import { expenseSummary } from './expenses';
import { pledgeSummary } from './pledges';
import { staffMinutesSummary } from './staff-minutes';

function planningMeetingCounts(kinds: string[]): PlanningMeetingCounts {
  const partner = kinds.filter((kind) => kind === 'partner').length;
  return { partner, coreTeam: kinds.length - partner };
}

/** A planning meeting set: counted again for the workshop, the chain's totals moved by the difference. */
export function planningMeetingsChanged(view: WorkshopChainView, workshop: ChainWorkshop): void {
  const before = workshop.planningMeetings;
  workshop.planningMeetings = planningMeetingCounts(valuesOf(workshop.facts.planningMeetings));
  view.totals.planningMeetings.partner += workshop.planningMeetings.partner - before.partner;
  view.totals.planningMeetings.coreTeam += workshop.planningMeetings.coreTeam - before.coreTeam;
}

export type OwnFigures = Pick<
  ChainWorkshop,
  'registrations' | 'attendance' | 'staff' | 'feedback' | 'pledges' | 'expenses' | 'staffMinutes' | 'citizensHeard' | 'planningMeetings' | 'collaborationsSparked' | 'outreach'
>;

/** The figures of a workshop its own facts in this document give (registrations, attendance and feedback: their own documents). */
export type FactFigures = Omit<OwnFigures, 'registrations' | 'attendance' | 'staff' | 'feedback' | 'outreach'>;

/** The figures of a workshop that depend on its own facts in this document only. */
export function ownFigures(facts: WorkshopFacts): FactFigures {
  return {
    pledges: pledgeSummary(valuesOf(facts.pledges)),
    expenses: expenseSummary(valuesOf(facts.expenses)),
    staffMinutes: staffMinutesSummary(valuesOf(facts.staffHours ?? {})),
    citizensHeard: sumOf(valuesOf(facts.citizenInputs), (heard) => heard),
    planningMeetings: planningMeetingCounts(valuesOf(facts.planningMeetings)),
    collaborationsSparked: Object.keys(facts.collaborations).length,
  };
}
