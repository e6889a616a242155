import { copyJson, idMap } from '../../../projection';
import { outreachRecorded } from '../figures/outreach';
import { feedbackChanged } from '../figures/feedback';
import { planningMeetingsChanged } from '../figures/own';
import { workshopIdOf, type WorkshopViewEvent } from '../workshop-chain.routing';
import type { WorkshopChainView } from '../workshop-chain.view';
import type { ViewLookup } from '../../../projection';
import { factBefore, feedbackFactKey, type FeedbackFactDocument } from './fact-documents';
import { attendanceRecorded, registrationEvent } from './participants';
import { expenseCorrected, expenseRecorded, expenseVoided, pledgeSettled, resourcePledged, staffHoursRecorded, staffHoursVoided } from './resources';
import { addPlanned, draftFacts, indexOfWorkshop, own, placeMoved, plannedWorkshop, reach } from './workshops';

/**
 * Applies one workshop (or sparked-collaboration) event to the chain in place: the fact, kept by id so that applying
 * an event twice changes nothing (registrations, attendance and feedback in documents of their own, read through
 * `lookup` as they were before the event), then only the figures that fact can move (the touched workshop's own figure, the
 * totals, returners and organisations new elsewhere in the chain). Untouched workshops are not visited, except by
 * the scans that tell whether a person or an organisation was seen in another workshop.
 * Registrations and attendance: ./participants; pledges, expenses and staff hours: ./resources; the rest here.
 */
export function applyWorkshopEvent(view: WorkshopChainView, event: WorkshopViewEvent, lookup: ViewLookup | undefined): void {
  const index = indexOfWorkshop(view.workshops, workshopIdOf(event));
  if (event.type === 'WorkshopPlanned') {
    // First plan wins: a repeat must not undo a later reschedule.
    if (index < 0) addPlanned(view, plannedWorkshop(event.data));
    return;
  }
  // Facts of a workshop whose plan this chain has not seen cannot be shown with it.
  if (index < 0) return;
  const workshop = view.workshops[index];
  const facts = draftFacts(workshop);
  switch (event.type) {
    case 'CollaborationRecorded': {
      if (own(facts.collaborations, event.data.collaborationId)) return;
      facts.collaborations[event.data.collaborationId] = true;
      const sparked = Object.keys(facts.collaborations).length;
      view.totals.collaborationsSparked += sparked - workshop.collaborationsSparked;
      workshop.collaborationsSparked = sparked;
      return;
    }
    case 'WorkshopRescheduled':
      workshop.startsAt = event.data.startsAt;
      workshop.endsAt = event.data.endsAt;
      workshop.location = copyJson(event.data.location);
      // A new start may move a workshop the chain has not ordered.
      placeMoved(view, index);
      return;
    case 'CoOrganizerAdded':
      if (workshop.coOrganizerIds.includes(event.data.organizationId)) return;
      workshop.coOrganizerIds.push(event.data.organizationId);
      reach(view, index, event.data.organizationId);
      return;
    case 'WorkshopCapacityChanged':
      workshop.capacity = event.data.capacity;
      return;
    case 'RegistrationOpened':
      workshop.status = 'registration-open';
      return;
    case 'RegistrationClosed':
      workshop.status = 'registration-closed';
      return;
    case 'WorkshopHeld':
      workshop.status = 'held';
      return;
    case 'WorkshopReported':
      workshop.status = 'reported';
      return;
    case 'WorkshopCancelled':
      workshop.status = 'cancelled';
      return;
    case 'ParticipantRegistered':
    case 'ParticipantWaitlisted':
    case 'WaitlistedParticipantPromoted':
    case 'RegistrationCancelled':
      return registrationEvent(view, index, workshop, event, lookup);
    case 'AttendanceRecorded':
      return attendanceRecorded(view, index, workshop, event, view.chainId, lookup);
    case 'ResourcePledged':
      return resourcePledged(view, index, workshop, facts, event);
    case 'PledgeFulfilled':
    case 'PledgeWithdrawn':
      return pledgeSettled(view, workshop, facts, event);
    case 'ExpenseRecorded':
      return expenseRecorded(view, workshop, facts, event);
    case 'ExpenseCorrected':
      return expenseCorrected(view, workshop, facts, event);
    case 'ExpenseVoided':
      return expenseVoided(view, workshop, facts, event);
    case 'StaffHoursRecorded':
      return staffHoursRecorded(view, workshop, facts, event);
    case 'StaffHoursVoided':
      return staffHoursVoided(view, workshop, facts, event);
    case 'FeedbackSubmitted': {
      const { feedbackId, rating } = event.data;
      // The rating before, from the feedback's own document (a feedback given again replaces its rating).
      const was = factBefore<FeedbackFactDocument>(lookup, feedbackFactKey(workshop.workshopId, feedbackId))?.rating;
      if (was !== rating) feedbackChanged(view, workshop, was, rating);
      return;
    }
    case 'CitizenInputCollected': {
      facts.citizenInputs[event.data.inputId] = event.data.citizensHeard;
      let heard = 0;
      for (const id in facts.citizenInputs) heard += facts.citizenInputs[id];
      view.totals.citizensHeard += heard - workshop.citizensHeard;
      workshop.citizensHeard = heard;
      return;
    }
    case 'PlanningMeetingRecorded':
      facts.planningMeetings[event.data.meetingId] = event.data.kind;
      planningMeetingsChanged(view, workshop);
      return;
    case 'OutreachRecorded': {
      const outreaches = (facts.outreaches ??= idMap());
      if (own(outreaches, event.data.outreachId) !== undefined) return;
      outreaches[event.data.outreachId] = event.data.firstContacts;
      outreachRecorded(view, workshop, event.data.firstContacts);
      return;
    }
    case 'SustainabilityPracticesRecorded':
      // The latest record replaces the earlier one.
      workshop.sustainability = { practices: [...event.data.practices], notes: event.data.notes };
      return;
    default:
      return;
  }
}
