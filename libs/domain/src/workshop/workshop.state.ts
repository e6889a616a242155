import type { IdMap } from './id-map';
import type { Waitlist } from './waitlist';
import type { StaffHoursEntry } from '../staff/staff-hours';
import type { DebriefEntry } from './debrief/debrief';
import type { OutreachEntry } from './outreach/outreach';

import type { RegistrationCounts, RegistrationStatus } from './registration-counts';
import type {
  AttendanceMode,
  ExpenseFigures,
  PledgeKind,
  SustainabilityPractice,
  WorkshopLocation,
  WorkshopPlan,
  WorkshopRole,
} from './workshop.events';

// The state keeps only what the decider needs to enforce invariants and to recognise retries;
// descriptions, comments and notes live in the events and the views. Plain JSON throughout (it is cached).

export interface RegistrationEntry {
  personId: string;
  organizationId: string | null;
  attendanceMode: AttendanceMode;
  status: RegistrationStatus;
  /** How the person actually attended, once recorded. */
  attended: AttendanceMode | null;
  role: WorkshopRole;
  /** Fingerprint of the registering command, to tell a retry (no events) from a reused id (conflict). */
  key: string;
}

export interface PledgeEntry {
  organizationId: string;
  kind: PledgeKind;
  inKindValueCents: number;
  status: 'pending' | 'fulfilled' | 'withdrawn';
  key: string;
}

export interface ExpenseEntry extends ExpenseFigures {
  status: 'recorded' | 'voided';
  /** Fingerprint of the original RecordExpense (corrections do not change it). */
  key: string;
}

export interface FeedbackEntry {
  registrationId: string | null;
  key: string;
}

export interface WorkshopData {
  workshopId: string;
  /** The plan as first recorded: a repeated identical PlanWorkshop is recognised against it. */
  plan: WorkshopPlan;
  // Format, kind and access never change (registrations depend on them): read them from `plan`.
  capacity: number | null;
  startsAt: string;
  endsAt: string;
  location: WorkshopLocation | null;
  coOrganizerIds: readonly string[];
  /** personId → true */
  invitedPersonIds: IdMap<true>;
  registrations: IdMap<RegistrationEntry>;
  /** personId → registrationId of their active (registered or waitlisted) registration. */
  activeRegistrationByPerson: IdMap<string>;
  /** Registrations by status and attendance (`counts.registered`: seats taken), kept by evolve with `recount`. */
  counts: RegistrationCounts;
  /** Waitlisted registration ids, first come first served (a persistent queue: ./waitlist.ts). */
  waitlist: Waitlist;
  pledges: IdMap<PledgeEntry>;
  /** entryId → who and the fingerprint (staff hours spent on this workshop). */
  staffHours: IdMap<StaffHoursEntry>;
  expenses: IdMap<ExpenseEntry>;
  feedback: IdMap<FeedbackEntry>;
  /** registrationId → feedbackId, for the once-per-registration rule. */
  feedbackByRegistration: IdMap<string>;
  /** inputId → fingerprint. */
  citizenInputs: IdMap<string>;
  citizenInputCollected: boolean;
  /** Fingerprint of the last forwarded summary (a retry yields no events). */
  lastForwardedSummaryKey: string | null;
  /** meetingId → fingerprint. */
  planningMeetings: IdMap<string>;
  sustainabilityPractices: readonly SustainabilityPractice[] | null;
  sustainabilityNotes: string | null;
  /** The debrief's fingerprint and version; absent until one is recorded (and in states cached before debriefs). */
  debrief?: DebriefEntry;
  /** outreachId → fingerprint; absent until the first outreach (and in states cached before outreach). */
  outreaches?: IdMap<OutreachEntry>;
  /** personId → the latest outreach that told them about this workshop: their registration is attributed to it. */
  reachedBy?: IdMap<string>;
  /** The registration form's fingerprint and version; absent until one is set. */
  form?: { key: string; version: number };
  /** linkId → whether the public link to the form still registers; absent until the first link. */
  links?: IdMap<'active' | 'revoked'>;
}

export interface PlannedWorkshop extends WorkshopData {
  status: 'planned';
}

export interface RegistrationOpenWorkshop extends WorkshopData {
  status: 'registration-open';
}

export interface RegistrationClosedWorkshop extends WorkshopData {
  status: 'registration-closed';
}

export interface HeldWorkshop extends WorkshopData {
  status: 'held';
  heldOn: string;
}

export interface ReportedWorkshop extends WorkshopData {
  status: 'reported';
  heldOn: string;
  reportedAt: string;
}

export interface CancelledWorkshop extends WorkshopData {
  status: 'cancelled';
  cancelledAt: string;
}

export type ExistingWorkshop =
  | PlannedWorkshop
  | RegistrationOpenWorkshop
  | RegistrationClosedWorkshop
  | HeldWorkshop
  | ReportedWorkshop
  | CancelledWorkshop;

export type WorkshopState = { status: 'empty' } | ExistingWorkshop;

export type WorkshopStatus = WorkshopState['status'];
