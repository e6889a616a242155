// The workshop's vocabulary, apart from its events (workshop.events.ts re-exports it): kinds, formats, roles and
// categories as value lists — the decider validates against them (defence in depth) and the HTTP layer reuses them for
// its schemas — and the shapes commands and events share (the plan, a location, an expense's figures).

/** ESF counts co-development participants apart from information-event attendees and citizens met at street events. */
export const WORKSHOP_KINDS = ['co-development', 'information-event', 'street-event'] as const;
export type WorkshopKind = (typeof WORKSHOP_KINDS)[number];

export const WORKSHOP_FORMATS = ['in-person', 'hybrid', 'webinar'] as const;
export type WorkshopFormat = (typeof WORKSHOP_FORMATS)[number];

export const WORKSHOP_ACCESS = ['open', 'invitation-only'] as const;
export type WorkshopAccess = (typeof WORKSHOP_ACCESS)[number];

export const ATTENDANCE_MODES = ['on-site', 'remote'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

/**
 * Who a person is at a workshop. Only participants count in the ESF+ participant figures; the others run it:
 * organisers (the hub's core team), hosts (partner staff), speakers or presenters.
 */
export const WORKSHOP_ROLES = ['participant', 'organiser', 'host', 'speaker'] as const;
export type WorkshopRole = (typeof WORKSHOP_ROLES)[number];
/** The roles of the people who run a workshop: they take no seat and are counted apart from participants. */
export const STAFF_ROLES = ['organiser', 'host', 'speaker'] as const satisfies readonly WorkshopRole[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Events recorded before roles existed carry none: everyone registered then was a participant. */
export const roleOf = (data: { role?: WorkshopRole | null }): WorkshopRole => data.role ?? 'participant';

/** What a speaker presents; speakers are unpaid as a rule, and a paid one is recorded as such. */
export interface SpeakerDetails {
  topic: string | null;
  paid: boolean;
}

/** How the citizens heard at a street event were counted. */
export const CITIZEN_COUNTING_METHODS = ['tally', 'head-count', 'forms', 'estimate'] as const;
export type CitizenCountingMethod = (typeof CITIZEN_COUNTING_METHODS)[number];

export const PLEDGE_KINDS = ['venue', 'materials', 'expertise', 'catering', 'storage', 'equipment', 'marketing', 'other'] as const;
export type PledgeKind = (typeof PLEDGE_KINDS)[number];

export const EXPENSE_CATEGORIES = [
  'catering',
  'travel',
  'venue',
  'materials',
  'marketing',
  'accommodation',
  'speaker-fees',
  'other',
] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

export const FUNDING_SOURCES = ['esf', 'national', 'partner', 'own'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const PLANNING_MEETING_KINDS = ['partner', 'core-team'] as const;
export type PlanningMeetingKind = (typeof PLANNING_MEETING_KINDS)[number];

export const SUSTAINABILITY_PRACTICES = [
  'public-transport',
  'vegetarian-food',
  'leftovers-reused',
  'minimal-printing',
  'local-producers',
  'other',
] as const;
export type SustainabilityPractice = (typeof SUSTAINABILITY_PRACTICES)[number];

export interface WorkshopLocation {
  venue: string;
  municipality: string;
  region: string;
}

/** What a workshop is planned as; PlanWorkshop carries exactly this (plus the id). */
export interface WorkshopPlan {
  chainId: string | null;
  title: string;
  theme: string;
  method: string;
  kind: WorkshopKind;
  format: WorkshopFormat;
  /** null only for webinars. */
  location: WorkshopLocation | null;
  /** ISO 8601 date-times with offset; endsAt > startsAt. */
  startsAt: string;
  endsAt: string;
  targetGroups: string[];
  access: WorkshopAccess;
  /** Seats for registered participants; null = unlimited. */
  capacity: number | null;
  /** Organization ids. */
  coOrganizerIds: string[];
}

/** The figures of an expense that a correction may replace. */
export interface ExpenseFigures {
  amountCents: number;
  category: ExpenseCategory;
  fundingSource: FundingSource;
  receiptReference: string;
}
