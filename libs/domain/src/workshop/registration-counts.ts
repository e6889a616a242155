import type { AttendanceMode, WorkshopEvent } from './workshop.events';

// The one place where a workshop's registration figures are worked out. The decider (seats, waitlist) and every
// projection that shows counts fold registrations through these functions, so every answer shows the same counts.

export type RegistrationStatus = 'registered' | 'waitlisted' | 'cancelled';

/** What counting needs to know of one registration. */
export interface CountedRegistration {
  status: RegistrationStatus;
  /** How the person attended, once recorded. */
  attended: AttendanceMode | null;
}

export interface RegistrationCounts {
  /** Seats taken. */
  registered: number;
  waitlisted: number;
  cancelled: number;
  /** Registrations whose attendance was recorded (on site + remote). */
  attended: number;
  attendedOnSite: number;
  attendedRemote: number;
}

export const noRegistrations = (): RegistrationCounts => ({ registered: 0, waitlisted: 0, cancelled: 0, attended: 0, attendedOnSite: 0, attendedRemote: 0 });

/** The status a registration has after an event of this type, or null when the event does not set one. */
export function statusAfter(type: WorkshopEvent['type']): RegistrationStatus | null {
  switch (type) {
    case 'ParticipantRegistered':
    case 'WaitlistedParticipantPromoted':
      return 'registered';
    case 'ParticipantWaitlisted':
      return 'waitlisted';
    case 'RegistrationCancelled':
      return 'cancelled';
    default:
      return null;
  }
}

function add(counts: RegistrationCounts, registration: CountedRegistration, sign: 1 | -1): void {
  counts[registration.status] += sign;
  if (registration.attended === 'on-site') counts.attendedOnSite += sign;
  else if (registration.attended === 'remote') counts.attendedRemote += sign;
  if (registration.attended !== null) counts.attended += sign;
}

/**
 * The counts after one registration changed from `was` (undefined: it is new) to `now` (undefined: it is gone).
 * Counts follow the registrations' states, never the number of events: a replayed event cannot count twice.
 * Pure (returns a new object), so the decider's evolve can use it; projections assign the result to their draft.
 */
export function recount(counts: RegistrationCounts, was: CountedRegistration | undefined, now: CountedRegistration | undefined): RegistrationCounts {
  const next = { ...counts };
  if (was !== undefined) add(next, was, -1);
  if (now !== undefined) add(next, now, 1);
  return next;
}

/** The counts of a whole list of registrations (for views that keep the list and tests). */
export function countRegistrations(registrations: Iterable<CountedRegistration>): RegistrationCounts {
  const counts = noRegistrations();
  for (const registration of registrations) add(counts, registration, 1);
  return counts;
}
