import type { DomainCommand } from '../shared/decider';
import type { StaffHours } from '../staff/staff.events';
import type { Debrief } from './debrief/debrief';
import type { OutreachChannel } from './outreach/outreach';
import type { FormQuestionSpec, FormSubmission } from './form/form';
import type {
  AttendanceMode,
  ExpenseCategory,
  FundingSource,
  PlanningMeetingKind,
  PledgeKind,
  SpeakerDetails,
  SustainabilityPractice,
  WorkshopRole,
  CitizenCountingMethod,
  WorkshopLocation,
  WorkshopPlan,
} from './workshop.events';

// Every command names its workshop so that the command handler can pick the stream from it;
// the decider refuses a command sent to another workshop's stream (WORKSHOP.ID_MISMATCH).

export type PlanWorkshop = DomainCommand<'PlanWorkshop', { workshopId: string } & WorkshopPlan>;

/** Dates and venue move; kind, format and access do not (registrations depend on them). */
export type RescheduleWorkshop = DomainCommand<
  'RescheduleWorkshop',
  { workshopId: string; startsAt: string; endsAt: string; location: WorkshopLocation | null }
>;

export type AddCoOrganizer = DomainCommand<'AddCoOrganizer', { workshopId: string; organizationId: string }>;

/** null = unlimited. Raising it (or lifting it) promotes waitlisted participants in order. */
export type ChangeCapacity = DomainCommand<'ChangeCapacity', { workshopId: string; capacity: number | null }>;

export type OpenRegistration = DomainCommand<'OpenRegistration', { workshopId: string }>;

export type CloseRegistration = DomainCommand<'CloseRegistration', { workshopId: string }>;

export type InvitePerson = DomainCommand<'InvitePerson', { workshopId: string; personId: string; /** Default participant. */ role?: WorkshopRole }>;

export type RegisterParticipant = DomainCommand<
  'RegisterParticipant',
  {
    workshopId: string;
    registrationId: string;
    personId: string;
    organizationId: string | null;
    attendanceMode: AttendanceMode;
    expectations: string | null;
    advanceQuestions: string[];
    /** Participants take seats; organisers, hosts and speakers run the workshop and take none. */
    /** Default participant. */
    role?: WorkshopRole;
    /** Speakers only (null otherwise); a speaker without details is an unpaid one with no topic given. */
    speaker?: SpeakerDetails | null;
    /** Made through the public form: the link used and the sealed answers. */
    form?: FormSubmission | null;
  }
>;

export type CancelRegistration = DomainCommand<'CancelRegistration', { workshopId: string; registrationId: string; reason: string }>;

export type RecordAttendance = DomainCommand<
  'RecordAttendance',
  { workshopId: string; attendees: { registrationId: string; mode: AttendanceMode }[] }
>;

export type PledgeResource = DomainCommand<
  'PledgeResource',
  {
    workshopId: string;
    pledgeId: string;
    organizationId: string;
    kind: PledgeKind;
    description: string;
    inKindValueCents: number;
    valuationBasis: string;
  }
>;

export type FulfilPledge = DomainCommand<'FulfilPledge', { workshopId: string; pledgeId: string }>;

export type WithdrawPledge = DomainCommand<'WithdrawPledge', { workshopId: string; pledgeId: string; reason: string }>;

export type RecordExpense = DomainCommand<
  'RecordExpense',
  {
    workshopId: string;
    expenseId: string;
    category: ExpenseCategory;
    amountCents: number;
    fundingSource: FundingSource;
    receiptReference: string;
    description: string;
    /** ISO date YYYY-MM-DD. */
    incurredOn: string;
  }
>;

export type VoidExpense = DomainCommand<'VoidExpense', { workshopId: string; expenseId: string; reason: string }>;

export type CorrectExpense = DomainCommand<
  'CorrectExpense',
  {
    workshopId: string;
    expenseId: string;
    amountCents: number;
    category: ExpenseCategory;
    fundingSource: FundingSource;
    receiptReference: string;
    reason: string;
  }
>;

export type SubmitFeedback = DomainCommand<
  'SubmitFeedback',
  {
    workshopId: string;
    feedbackId: string;
    registrationId: string | null;
    anonymous: boolean;
    rating: number;
    comment: string | null;
  }
>;

export type CollectCitizenInput = DomainCommand<
  'CollectCitizenInput',
  {
    workshopId: string;
    inputId: string;
    topic: string;
    summary: string;
    citizensHeard: number;
    /** How the citizens heard were counted (the API asks for it; absent = not said). */
    countingMethod?: CitizenCountingMethod;
    collectedAt: string;
  }
>;

export type ForwardCitizenInputSummary = DomainCommand<
  'ForwardCitizenInputSummary',
  { workshopId: string; summary: string; recipients: string[]; forwardedAt: string }
>;

export type RecordPlanningMeeting = DomainCommand<
  'RecordPlanningMeeting',
  {
    workshopId: string;
    meetingId: string;
    /** ISO date YYYY-MM-DD. */
    heldOn: string;
    kind: PlanningMeetingKind;
    online: boolean;
    organizationIds: string[];
    notes: string;
  }
>;

export type RecordSustainabilityPractices = DomainCommand<
  'RecordSustainabilityPractices',
  { workshopId: string; practices: SustainabilityPractice[]; notes: string }
>;

/** heldOn: ISO date YYYY-MM-DD. */
export type MarkHeld = DomainCommand<'MarkHeld', { workshopId: string; heldOn: string }>;

export type CancelWorkshop = DomainCommand<'CancelWorkshop', { workshopId: string; reason: string }>;

export type ReportWorkshop = DomainCommand<'ReportWorkshop', { workshopId: string; summary: string }>;

/** Hours a staff member spent on this workshop. The person's hourly rate is checked by the use case (another stream). */
export type RecordStaffHours = DomainCommand<'RecordStaffHours', StaffHours & { workshopId: string }>;

export type VoidStaffHours = DomainCommand<'VoidStaffHours', { workshopId: string; entryId: string; reason: string }>;

/** The workshop's debrief (what worked, what to develop); a different record later revises it (debrief/debrief.ts). */
export type RecordWorkshopDebrief = DomainCommand<'RecordWorkshopDebrief', { workshopId: string } & Debrief>;

/** Past participants told about this workshop (sent outside Kuhina); `sentOn`: ISO date YYYY-MM-DD. */
export type RecordOutreach = DomainCommand<
  'RecordOutreach',
  { workshopId: string; outreachId: string; channel: OutreachChannel; sentOn: string; personIds: string[]; note: string | null }
>;

/** The questions of the workshop's public registration form (replacing the earlier set). */
export type SetRegistrationForm = DomainCommand<'SetRegistrationForm', { workshopId: string; questions: FormQuestionSpec[] }>;

export type CreateRegistrationLink = DomainCommand<'CreateRegistrationLink', { workshopId: string; linkId: string }>;

export type RevokeRegistrationLink = DomainCommand<'RevokeRegistrationLink', { workshopId: string; linkId: string; reason: string }>;

export type WorkshopCommand =
  | PlanWorkshop
  | RescheduleWorkshop
  | AddCoOrganizer
  | ChangeCapacity
  | OpenRegistration
  | CloseRegistration
  | InvitePerson
  | RegisterParticipant
  | CancelRegistration
  | RecordAttendance
  | PledgeResource
  | FulfilPledge
  | WithdrawPledge
  | RecordExpense
  | VoidExpense
  | CorrectExpense
  | SubmitFeedback
  | CollectCitizenInput
  | ForwardCitizenInputSummary
  | RecordPlanningMeeting
  | RecordSustainabilityPractices
  | RecordStaffHours
  | VoidStaffHours
  | MarkHeld
  | CancelWorkshop
  | ReportWorkshop
  | RecordWorkshopDebrief
  | RecordOutreach
  | SetRegistrationForm
  | CreateRegistrationLink
  | RevokeRegistrationLink;

export type WorkshopCommandType = WorkshopCommand['type'];
