import type { DomainEvent } from '../shared/decider';

/** What staff hours were spent on (ESF+ staff-cost sampling asks what the time went to). */
export const STAFF_ACTIVITIES = ['planning', 'running', 'follow-up', 'meeting'] as const;
export type StaffActivity = (typeof STAFF_ACTIVITIES)[number];

/**
 * The hourly cost of a staff member over a period (salary with its side costs, per productive hour): what an hour
 * of their work costs the project. Kept on the staff member's own stream, in clear and apart from the sealed personal
 * data, so the staff costs survive an erasure of the person's data as the other figures do.
 */
export interface HourlyRate {
  rateId: string;
  hourlyRateCents: number;
  /** ISO date: the first day the rate applies. */
  validFrom: string;
  /** ISO date: the last day it applies; null = until further notice. */
  validUntil: string | null;
  /** How the rate was worked out (e.g. "annual salary with side costs / 1,720 h"), for the auditor. */
  basis: string;
}

export type HourlyRateSet = DomainEvent<'HourlyRateSet', HourlyRate & { personId: string; at: string }>;

export type StaffEvent = HourlyRateSet;

export const STAFF_EVENT_TYPES = ['HourlyRateSet'] as const satisfies readonly StaffEvent['type'][];

/**
 * Hours a staff member spent on a workshop or on the chain as a whole (the same shape on both streams): the activity,
 * the day and the time in whole minutes. Costed in the ledger at the person's hourly rate on that day.
 */
export interface StaffHours {
  entryId: string;
  personId: string;
  activity: StaffActivity;
  /** ISO date. */
  workedOn: string;
  /** Whole minutes, 1–1,440 (one entry per person and day at most a day). */
  minutes: number;
  note: string;
}
