import type { ChainEvent } from '@kuhina/domain';
import { asIdMap, idMap } from '../../../projection';
import { noExpenses } from '../figures/expenses';
import { noStaffMinutes } from '../figures/staff-minutes';
import { NO_CHAIN_CONTEXT, figuresOf } from '../workshop-chain.figures';
import { chainExpenseCorrected, chainExpenseRecorded, chainExpenseVoided, chainStaffHoursRecorded, chainStaffHoursVoided } from './chain-level';
import type { WorkshopChainView } from '../workshop-chain.view';
import { indexOfWorkshop, placeMoved, recomputeAll } from './workshops';

/** The chain's details and workshops after a chain-stream event, changed in place (or made, by ChainStarted). */
export function applyChainEvent(view: WorkshopChainView | undefined, event: ChainEvent, lastPosition: string, revision: number): WorkshopChainView | undefined {
  if (event.type === 'ChainStarted') {
    const { data } = event;
    const details = {
      chainId: data.chainId,
      name: data.name,
      description: data.description,
      fundingProgramme: data.fundingProgramme,
      esfOperationId: data.esfOperationId,
      period: { start: data.periodStart, end: data.periodEnd },
      startedAt: data.at,
      revision,
      lastPosition,
    };
    const hubOrganizationId = data.hubOrganizationId ?? null;
    if (view) {
      const hubChanged = (view.hubOrganizationId ?? null) !== hubOrganizationId;
      Object.assign(view, details, { hubOrganizationId });
      if (hubChanged) recomputeAll(view);
      return view;
    }
    return {
      ...details,
      status: 'active',
      closedAt: null,
      closeReason: null,
      lastPaymentOn: null,
      retentionEndsOn: null,
      hubOrganizationId,
      chainMeetings: { partner: 0, coreTeam: 0 },
      chainExpenses: noExpenses(),
      chainStaffMinutes: noStaffMinutes(),
      ...figuresOf([], {}, NO_CHAIN_CONTEXT),
      facts: { workshopOrder: idMap(), chainMeetings: idMap(), chainExpenses: idMap(), chainStaffHours: idMap(), attendancePatterns: idMap() },
    };
  }
  // Nothing but ChainStarted opens a chain's stream: without it there is no chain to show.
  if (!view) return undefined;
  view.lastPosition = lastPosition;
  view.revision = revision;
  switch (event.type) {
    case 'ChainDetailsUpdated': {
      const { data } = event;
      view.name = data.name ?? view.name;
      view.description = data.description ?? view.description;
      view.fundingProgramme = data.fundingProgramme ?? view.fundingProgramme;
      view.esfOperationId = data.esfOperationId ?? view.esfOperationId;
      view.period = { start: data.periodStart ?? view.period.start, end: data.periodEnd ?? view.period.end };
      if (data.hubOrganizationId !== undefined && data.hubOrganizationId !== (view.hubOrganizationId ?? null)) {
        // Which organisations count as reached changes in every workshop.
        view.hubOrganizationId = data.hubOrganizationId;
        recomputeAll(view);
      }
      break;
    }
    case 'ChainMeetingRecorded': {
      const { meetingId, kind } = event.data;
      view.facts.chainMeetings = asIdMap(view.facts.chainMeetings ?? {});
      if (Object.hasOwn(view.facts.chainMeetings, meetingId)) break;
      view.facts.chainMeetings[meetingId] = kind;
      view.chainMeetings ??= { partner: 0, coreTeam: 0 };
      const key = kind === 'partner' ? 'partner' : 'coreTeam';
      view.chainMeetings[key]++;
      view.totals.planningMeetings[key]++;
      break;
    }
    case 'ChainExpenseRecorded':
      return chainExpenseRecorded(view, event);
    case 'ChainExpenseCorrected':
      return chainExpenseCorrected(view, event);
    case 'ChainExpenseVoided':
      return chainExpenseVoided(view, event);
    case 'ChainStaffHoursRecorded':
      return chainStaffHoursRecorded(view, event);
    case 'ChainStaffHoursVoided':
      return chainStaffHoursVoided(view, event);
    case 'WorkshopAddedToChain': {
      const { workshopId, order } = event.data;
      view.facts.workshopOrder = asIdMap(view.facts.workshopOrder);
      view.facts.workshopOrder[workshopId] = order;
      const index = indexOfWorkshop(view.workshops, workshopId);
      // Not planned yet: the plan will find its place in workshopOrder.
      if (index >= 0 && view.workshops[index].order !== order) {
        view.workshops[index].order = order;
        placeMoved(view, index);
      }
      break;
    }
    case 'LastPaymentRecorded':
      view.lastPaymentOn = event.data.paidOn;
      view.retentionEndsOn = event.data.retentionEndsOn;
      break;
    case 'ChainClosed':
      view.status = 'closed';
      view.closedAt = event.data.at;
      view.closeReason = event.data.reason;
      break;
    default:
      break;
  }
  return view;
}
