import { assertNever } from '../../shared/decider';
import { emptyIdMap } from '../id-map';
import { noRegistrations } from '../registration-counts';
import { dataOf } from '../workshop.evolve-helpers';
import { emptyWaitlist } from '../waitlist';
import type {
  CoOrganizerAdded,
  WorkshopCancelled,
  WorkshopCapacityChanged,
  WorkshopHeld,
  WorkshopPlanned,
  WorkshopReported,
  WorkshopRescheduled,
} from '../workshop.events';
import type { ExistingWorkshop, PlannedWorkshop, WorkshopState } from '../workshop.state';

/** The events of planning and lifecycle that change an existing workshop. */
export type PlanningEvent =
  | WorkshopRescheduled
  | CoOrganizerAdded
  | WorkshopCapacityChanged
  | WorkshopHeld
  | WorkshopCancelled
  | WorkshopReported;

/** The first event of every workshop stream: the state every other area starts from. */
export function evolvePlanned(state: WorkshopState, event: WorkshopPlanned): PlannedWorkshop {
  if (state.status !== 'empty') throw new Error(`Workshop ${event.data.workshopId} planned twice in one stream`);
  const { workshopId, plannedAt: _plannedAt, ...plan } = event.data;
  return {
    status: 'planned',
    workshopId,
    plan,
    capacity: plan.capacity,
    startsAt: plan.startsAt,
    endsAt: plan.endsAt,
    location: plan.location,
    coOrganizerIds: plan.coOrganizerIds,
    invitedPersonIds: emptyIdMap(),
    registrations: emptyIdMap(),
    activeRegistrationByPerson: emptyIdMap(),
    counts: noRegistrations(),
    waitlist: emptyWaitlist(),
    pledges: emptyIdMap(),
    expenses: emptyIdMap(),
    staffHours: emptyIdMap(),
    feedback: emptyIdMap(),
    feedbackByRegistration: emptyIdMap(),
    citizenInputs: emptyIdMap(),
    citizenInputCollected: false,
    lastForwardedSummaryKey: null,
    planningMeetings: emptyIdMap(),
    sustainabilityPractices: null,
    sustainabilityNotes: null,
  };
}

export function evolvePlanning(w: ExistingWorkshop, event: PlanningEvent): ExistingWorkshop {
  switch (event.type) {
    case 'WorkshopRescheduled':
      return { ...w, startsAt: event.data.startsAt, endsAt: event.data.endsAt, location: event.data.location };
    case 'CoOrganizerAdded':
      return { ...w, coOrganizerIds: [...w.coOrganizerIds, event.data.organizationId] };
    case 'WorkshopCapacityChanged':
      return { ...w, capacity: event.data.capacity };
    case 'WorkshopHeld':
      return { ...dataOf(w), status: 'held', heldOn: event.data.heldOn };
    case 'WorkshopCancelled':
      return { ...dataOf(w), status: 'cancelled', cancelledAt: event.data.cancelledAt };
    case 'WorkshopReported':
      if (w.status !== 'held') throw new Error(`Workshop ${w.workshopId} reported while ${w.status}`);
      return { ...dataOf(w), status: 'reported', heldOn: w.heldOn, reportedAt: event.data.reportedAt };
    default:
      return assertNever(event, 'planning event');
  }
}
