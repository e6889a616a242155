import { assertNever, type Decider } from '../shared/decider';
import {
  collectCitizenInput,
  forwardCitizenInputSummary,
  recordPlanningMeeting,
  recordSustainabilityPractices,
  submitFeedback,
} from './engagement/engagement.decide';
import { evolveEngagement } from './engagement/engagement.evolve';
import { recordWorkshopDebrief } from './debrief/debrief.decide';
import { evolveDebrief } from './debrief/debrief.evolve';
import { recordOutreach } from './outreach/outreach.decide';
import { evolveOutreach } from './outreach/outreach.evolve';
import { createRegistrationLink, revokeRegistrationLink, setRegistrationForm } from './form/form.decide';
import { evolveForm } from './form/form.evolve';
import { correctExpense, recordExpense, voidExpense } from './expenses/expenses.decide';
import { evolveExpenses } from './expenses/expenses.evolve';
import {
  addCoOrganizer,
  cancelWorkshop,
  changeCapacity,
  markHeld,
  planWorkshop,
  reportWorkshop,
  rescheduleWorkshop,
} from './planning/planning.decide';
import { evolvePlanned, evolvePlanning } from './planning/planning.evolve';
import { fulfilPledge, pledgeResource, withdrawPledge } from './pledges/pledges.decide';
import { evolvePledges } from './pledges/pledges.evolve';
import {
  cancelRegistration,
  closeRegistration,
  invitePerson,
  openRegistration,
  recordAttendance,
  registerParticipant,
} from './registration/registration.decide';
import { evolveRegistration } from './registration/registration.evolve';
import { recordStaffHours, voidStaffHours } from './staff-hours/staff-hours.decide';
import { evolveStaffHours } from './staff-hours/staff-hours.evolve';
import type { WorkshopCommand } from './workshop.commands';
import type { WorkshopEvent } from './workshop.events';
import { current } from './workshop.evolve-helpers';
import type { WorkshopState } from './workshop.state';

// The workshop aggregate, composed from its areas (Emmett-style: one folder per area, each with its decisions
// and its part of evolve): planning/ (plan and lifecycle), registration/ (registration, waitlist, attendance),
// pledges/, expenses/, engagement/ (feedback, citizen input, planning meetings, sustainability), staff-hours/, debrief/ and
// outreach/ (past participants told about the workshop).
// The guards the areas share are in workshop.guards.ts, the retry fingerprints in workshop.fingerprints.ts.

function decide(command: WorkshopCommand, state: WorkshopState): WorkshopEvent[] {
  switch (command.type) {
    // planning and lifecycle
    case 'PlanWorkshop':
      return planWorkshop(command, state);
    case 'RescheduleWorkshop':
      return rescheduleWorkshop(command, state);
    case 'AddCoOrganizer':
      return addCoOrganizer(command, state);
    case 'ChangeCapacity':
      return changeCapacity(command, state);
    case 'MarkHeld':
      return markHeld(command, state);
    case 'CancelWorkshop':
      return cancelWorkshop(command, state);
    case 'ReportWorkshop':
      return reportWorkshop(command, state);
    // registration and attendance
    case 'OpenRegistration':
      return openRegistration(command, state);
    case 'CloseRegistration':
      return closeRegistration(command, state);
    case 'InvitePerson':
      return invitePerson(command, state);
    case 'RegisterParticipant':
      return registerParticipant(command, state);
    case 'CancelRegistration':
      return cancelRegistration(command, state);
    case 'RecordAttendance':
      return recordAttendance(command, state);
    // pledges
    case 'PledgeResource':
      return pledgeResource(command, state);
    case 'FulfilPledge':
      return fulfilPledge(command, state);
    case 'WithdrawPledge':
      return withdrawPledge(command, state);
    // expenses
    case 'RecordExpense':
      return recordExpense(command, state);
    case 'VoidExpense':
      return voidExpense(command, state);
    case 'CorrectExpense':
      return correctExpense(command, state);
    // engagement
    case 'SubmitFeedback':
      return submitFeedback(command, state);
    case 'CollectCitizenInput':
      return collectCitizenInput(command, state);
    case 'ForwardCitizenInputSummary':
      return forwardCitizenInputSummary(command, state);
    case 'RecordPlanningMeeting':
      return recordPlanningMeeting(command, state);
    case 'RecordSustainabilityPractices':
      return recordSustainabilityPractices(command, state);
    // staff hours
    case 'RecordStaffHours':
      return recordStaffHours(command, state);
    case 'VoidStaffHours':
      return voidStaffHours(command, state);
    // debrief
    case 'RecordWorkshopDebrief':
      return recordWorkshopDebrief(command, state);
    // outreach
    case 'RecordOutreach':
      return recordOutreach(command, state);
    // the public registration form
    case 'SetRegistrationForm':
      return setRegistrationForm(command, state);
    case 'CreateRegistrationLink':
      return createRegistrationLink(command, state);
    case 'RevokeRegistrationLink':
      return revokeRegistrationLink(command, state);
    default:
      return assertNever(command, 'workshop command');
  }
}

function evolve(state: WorkshopState, event: WorkshopEvent): WorkshopState {
  switch (event.type) {
    case 'WorkshopPlanned':
      return evolvePlanned(state, event);
    case 'WorkshopRescheduled':
    case 'CoOrganizerAdded':
    case 'WorkshopCapacityChanged':
    case 'WorkshopHeld':
    case 'WorkshopCancelled':
    case 'WorkshopReported':
      return evolvePlanning(current(state, event), event);
    case 'RegistrationOpened':
    case 'RegistrationClosed':
    case 'PersonInvited':
    case 'ParticipantRegistered':
    case 'ParticipantWaitlisted':
    case 'RegistrationCancelled':
    case 'WaitlistedParticipantPromoted':
    case 'AttendanceRecorded':
      return evolveRegistration(current(state, event), event);
    case 'ResourcePledged':
    case 'PledgeFulfilled':
    case 'PledgeWithdrawn':
      return evolvePledges(current(state, event), event);
    case 'ExpenseRecorded':
    case 'ExpenseVoided':
    case 'ExpenseCorrected':
      return evolveExpenses(current(state, event), event);
    case 'FeedbackSubmitted':
    case 'CitizenInputCollected':
    case 'CitizenInputSummaryForwarded':
    case 'PlanningMeetingRecorded':
    case 'SustainabilityPracticesRecorded':
      return evolveEngagement(current(state, event), event);
    case 'StaffHoursRecorded':
    case 'StaffHoursVoided':
      return evolveStaffHours(current(state, event), event);
    case 'WorkshopDebriefRecorded':
      return evolveDebrief(current(state, event), event);
    case 'OutreachRecorded':
      return evolveOutreach(current(state, event), event);
    case 'RegistrationFormSet':
    case 'RegistrationLinkCreated':
    case 'RegistrationLinkRevoked':
      return evolveForm(current(state, event), event);
    default:
      return assertNever(event, 'workshop event');
  }
}

export const workshopDecider: Decider<WorkshopCommand, WorkshopEvent, WorkshopState> = {
  decide,
  evolve,
  initialState: { status: 'empty' },
};
