import type { DomainEvent } from '../shared/decider';
import type { StaffHours } from '../staff/staff.events';
import type { Debrief } from './debrief/debrief';
import type { OutreachChannel } from './outreach/outreach';
import type { FormQuestionSpec, FormSubmission } from './form/form';
import type { AttendanceMode, CitizenCountingMethod, ExpenseFigures, PlanningMeetingKind, PledgeKind, SpeakerDetails, SustainabilityPractice, WorkshopLocation, WorkshopPlan, WorkshopRole } from './workshop.vocabulary';

export * from './workshop.vocabulary';


export type WorkshopPlanned = DomainEvent<'WorkshopPlanned', { workshopId: string } & WorkshopPlan & { plannedAt: string }>;

export type WorkshopRescheduled = DomainEvent<
  'WorkshopRescheduled',
  {
    workshopId: string;
    startsAt: string;
    endsAt: string;
    location: WorkshopLocation | null;
    previousStartsAt: string;
    previousEndsAt: string;
    rescheduledAt: string;
  }
>;

export type CoOrganizerAdded = DomainEvent<'CoOrganizerAdded', { workshopId: string; organizationId: string; addedAt: string }>;

export type WorkshopCapacityChanged = DomainEvent<
  'WorkshopCapacityChanged',
  { workshopId: string; capacity: number | null; previousCapacity: number | null; changedAt: string }
>;

export type RegistrationOpened = DomainEvent<'RegistrationOpened', { workshopId: string; openedAt: string }>;

export type RegistrationClosed = DomainEvent<'RegistrationClosed', { workshopId: string; closedAt: string }>;

/** `role` absent: recorded before roles (a participant). */
export type PersonInvited = DomainEvent<'PersonInvited', { workshopId: string; personId: string; role?: WorkshopRole; invitedAt: string }>;

interface RegistrationData {
  workshopId: string;
  registrationId: string;
  personId: string;
  /** The organization the person represents, if any. */
  organizationId: string | null;
  attendanceMode: AttendanceMode;
  expectations: string | null;
  advanceQuestions: string[];
  /** Absent in events recorded before roles: a participant (read it with `roleOf`). */
  role?: WorkshopRole;
  /** Set for speakers only. */
  speaker?: SpeakerDetails | null;
  /** The outreach that told this participant about the workshop (the latest before the registration); absent: none. */
  outreachId?: string;
  /** Made through the public form (the link and the sealed answers); absent: typed in by the back office. */
  form?: FormSubmission;
}

export type ParticipantRegistered = DomainEvent<'ParticipantRegistered', RegistrationData & { registeredAt: string }>;

/** `position` is 1-based in the waitlist at the time of waitlisting (FIFO). */
export type ParticipantWaitlisted = DomainEvent<
  'ParticipantWaitlisted',
  RegistrationData & { position: number; waitlistedAt: string }
>;

export type RegistrationCancelled = DomainEvent<
  'RegistrationCancelled',
  {
    workshopId: string;
    registrationId: string;
    personId: string;
    /** Whether a seat was freed (registered) or a waitlist place (waitlisted). */
    previousStatus: 'registered' | 'waitlisted';
    reason: string;
    cancelledAt: string;
  }
>;

export type WaitlistedParticipantPromoted = DomainEvent<
  'WaitlistedParticipantPromoted',
  { workshopId: string; registrationId: string; personId: string; promotedAt: string }
>;

export type AttendanceRecorded = DomainEvent<
  'AttendanceRecorded',
  {
    workshopId: string;
    registrationId: string;
    personId: string;
    organizationId: string | null;
    mode: AttendanceMode;
    /** The registration's role (absent in events recorded before roles: a participant). */
    role?: WorkshopRole;
    recordedAt: string;
  }
>;

export type ResourcePledged = DomainEvent<
  'ResourcePledged',
  {
    workshopId: string;
    pledgeId: string;
    organizationId: string;
    kind: PledgeKind;
    description: string;
    inKindValueCents: number;
    valuationBasis: string;
    pledgedAt: string;
  }
>;

export type PledgeFulfilled = DomainEvent<
  'PledgeFulfilled',
  { workshopId: string; pledgeId: string; organizationId: string; fulfilledAt: string }
>;

export type PledgeWithdrawn = DomainEvent<
  'PledgeWithdrawn',
  { workshopId: string; pledgeId: string; organizationId: string; reason: string; withdrawnAt: string }
>;

export type ExpenseRecorded = DomainEvent<
  'ExpenseRecorded',
  ExpenseFigures & { workshopId: string; expenseId: string; description: string; incurredOn: string; recordedAt: string }
>;

export type ExpenseVoided = DomainEvent<
  'ExpenseVoided',
  { workshopId: string; expenseId: string; reason: string; voidedAt: string }
>;

/** The new figures replace the old ones in views; `previous` keeps the audit trail readable without a replay. */
export type ExpenseCorrected = DomainEvent<
  'ExpenseCorrected',
  ExpenseFigures & { workshopId: string; expenseId: string; previous: ExpenseFigures; reason: string; correctedAt: string }
>;

/**
 * `registrationId` null = anonymous paper/online form. With `anonymous: true` and a registration,
 * the link is kept only for the once-per-registration rule: views must not show who gave it.
 */
export type FeedbackSubmitted = DomainEvent<
  'FeedbackSubmitted',
  {
    workshopId: string;
    feedbackId: string;
    registrationId: string | null;
    anonymous: boolean;
    rating: number;
    comment: string | null;
    submittedAt: string;
  }
>;

/**
 * Citizens heard at a street event are a tally, not registrations: `citizensHeard` people gave input, counted
 * by `countingMethod` (absent in events recorded before it was asked).
 */
export type CitizenInputCollected = DomainEvent<
  'CitizenInputCollected',
  {
    workshopId: string;
    inputId: string;
    topic: string;
    summary: string;
    citizensHeard: number;
    countingMethod?: CitizenCountingMethod;
    collectedAt: string;
  }
>;

export type CitizenInputSummaryForwarded = DomainEvent<
  'CitizenInputSummaryForwarded',
  { workshopId: string; summary: string; recipients: string[]; forwardedAt: string }
>;

export type PlanningMeetingRecorded = DomainEvent<
  'PlanningMeetingRecorded',
  {
    workshopId: string;
    meetingId: string;
    heldOn: string;
    kind: PlanningMeetingKind;
    online: boolean;
    organizationIds: string[];
    notes: string;
    recordedAt: string;
  }
>;

/** The latest record replaces the earlier one in views. */
export type SustainabilityPracticesRecorded = DomainEvent<
  'SustainabilityPracticesRecorded',
  { workshopId: string; practices: SustainabilityPractice[]; notes: string; recordedAt: string }
>;

/** Staff hours spent on this workshop (planning, running, follow-up, meetings). */
export type StaffHoursRecorded = DomainEvent<'StaffHoursRecorded', StaffHours & { workshopId: string; recordedAt: string }>;

/** Hours recorded by mistake: they stay in the log and count 0. */
export type StaffHoursVoided = DomainEvent<'StaffHoursVoided', { workshopId: string; entryId: string; personId: string; reason: string; voidedAt: string }>;

export type WorkshopHeld = DomainEvent<'WorkshopHeld', { workshopId: string; heldOn: string }>;

export type WorkshopCancelled = DomainEvent<'WorkshopCancelled', { workshopId: string; reason: string; cancelledAt: string }>;

export type WorkshopReported = DomainEvent<'WorkshopReported', { workshopId: string; summary: string; reportedAt: string }>;

/** The workshop's debrief, version 1, 2, ...: the latest replaces the earlier ones in views, which stay in the log. */
export type WorkshopDebriefRecorded = DomainEvent<'WorkshopDebriefRecorded', Debrief & { workshopId: string; version: number; recordedAt: string }>;

/**
 * Past participants told about the workshop (sent outside Kuhina): who, how, on which day. `firstContacts`: how many of
 * them no earlier outreach of this workshop had told (the views count people reached without a list of them).
 */
export type OutreachRecorded = DomainEvent<
  'OutreachRecorded',
  { workshopId: string; outreachId: string; channel: OutreachChannel; sentOn: string; personIds: string[]; note: string | null; firstContacts: number; recordedAt: string }
>;

/** The questions of the public registration form, version 1, 2, ... (the latest is the form). */
export type RegistrationFormSet = DomainEvent<'RegistrationFormSet', { workshopId: string; questions: FormQuestionSpec[]; version: number; setAt: string }>;

/** A public link to the form (its secret part is derived from the id by the API, never in the log). */
export type RegistrationLinkCreated = DomainEvent<'RegistrationLinkCreated', { workshopId: string; linkId: string; createdAt: string }>;

export type RegistrationLinkRevoked = DomainEvent<'RegistrationLinkRevoked', { workshopId: string; linkId: string; reason: string; revokedAt: string }>;

export type WorkshopEvent =
  | WorkshopPlanned
  | WorkshopRescheduled
  | CoOrganizerAdded
  | WorkshopCapacityChanged
  | RegistrationOpened
  | RegistrationClosed
  | PersonInvited
  | ParticipantRegistered
  | ParticipantWaitlisted
  | RegistrationCancelled
  | WaitlistedParticipantPromoted
  | AttendanceRecorded
  | ResourcePledged
  | PledgeFulfilled
  | PledgeWithdrawn
  | ExpenseRecorded
  | ExpenseVoided
  | ExpenseCorrected
  | FeedbackSubmitted
  | CitizenInputCollected
  | CitizenInputSummaryForwarded
  | PlanningMeetingRecorded
  | SustainabilityPracticesRecorded
  | StaffHoursRecorded
  | StaffHoursVoided
  | WorkshopHeld
  | WorkshopCancelled
  | WorkshopReported
  | WorkshopDebriefRecorded
  | OutreachRecorded
  | RegistrationFormSet
  | RegistrationLinkCreated
  | RegistrationLinkRevoked;

export type WorkshopEventType = WorkshopEvent['type'];

export const WORKSHOP_EVENT_TYPES = [
  'WorkshopPlanned',
  'WorkshopRescheduled',
  'CoOrganizerAdded',
  'WorkshopCapacityChanged',
  'RegistrationOpened',
  'RegistrationClosed',
  'PersonInvited',
  'ParticipantRegistered',
  'ParticipantWaitlisted',
  'RegistrationCancelled',
  'WaitlistedParticipantPromoted',
  'AttendanceRecorded',
  'ResourcePledged',
  'PledgeFulfilled',
  'PledgeWithdrawn',
  'ExpenseRecorded',
  'ExpenseVoided',
  'ExpenseCorrected',
  'FeedbackSubmitted',
  'CitizenInputCollected',
  'CitizenInputSummaryForwarded',
  'PlanningMeetingRecorded',
  'SustainabilityPracticesRecorded',
  'StaffHoursRecorded',
  'StaffHoursVoided',
  'WorkshopHeld',
  'WorkshopCancelled',
  'WorkshopReported',
  'WorkshopDebriefRecorded',
  'OutreachRecorded',
  'RegistrationFormSet',
  'RegistrationLinkCreated',
  'RegistrationLinkRevoked',
] as const satisfies readonly WorkshopEventType[];

// Compile-time proof that the list above names every event type (a missing one makes this `never`).
type MissingEventType = Exclude<WorkshopEventType, (typeof WORKSHOP_EVENT_TYPES)[number]>;
const _allEventTypesListed: MissingEventType extends never ? true : never = true;

const eventTypes: ReadonlySet<string> = new Set(WORKSHOP_EVENT_TYPES);

/** For projectors reading `$all`: is this recorded type one of the workshop's? */
export const isWorkshopEventType = (type: string): type is WorkshopEventType => eventTypes.has(type);
