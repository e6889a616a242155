import { STAFF_ROLES, type AttendanceMode, type StaffRole, type WorkshopEvent, type WorkshopRole } from './workshop.events';

// The one place where a workshop's registration figures are worked out. The decider (seats, waitlist) and every
// projection that shows counts fold registrations through these functions, so every answer shows the same counts.

export type RegistrationStatus = 'registered' | 'waitlisted' | 'cancelled';

/** What counting needs to know of one registration. */
export interface CountedRegistration {
  status: RegistrationStatus;
  /** How the person attended, once recorded. */
  attended: AttendanceMode | null;
  role: WorkshopRole;
}

/** People who ran the workshop in one role: active registrations and recorded attendances. */
export interface StaffCount {
  registered: number;
  attended: number;
}

/**
 * Participants only in the top-level figures (they are what ESF+ counts and what takes seats); the people who ran
 * the workshop are counted apart by role, so a reader sees who was left out of the participant figures and why.
 */
export interface RegistrationCounts {
  /** Seats taken (participants). */
  registered: number;
  waitlisted: number;
  cancelled: number;
  /** Registrations whose attendance was recorded (on site + remote). */
  attended: number;
  attendedOnSite: number;
  attendedRemote: number;
  /** Organisers, hosts and speakers: registered (active) and attended, per role. */
  staff: Record<StaffRole, StaffCount>;
}

const noStaff = (): Record<StaffRole, StaffCount> =>
  Object.fromEntries(STAFF_ROLES.map((role) => [role, { registered: 0, attended: 0 }])) as Record<StaffRole, StaffCount>;

export const noRegistrations = (): RegistrationCounts => ({
  registered: 0,
  waitlisted: 0,
  cancelled: 0,
  attended: 0,
  attendedOnSite: 0,
  attendedRemote: 0,
  staff: noStaff(),
});

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
  // Registrations stored before roles carry none: participants.
  const role = registration.role ?? 'participant';
  if (role !== 'participant') {
    const staff = counts.staff[role];
    // A cancelled staff registration simply stops counting: staff take no seat and have no waitlist.
    if (registration.status === 'registered') staff.registered += sign;
    if (registration.attended !== null) staff.attended += sign;
    return;
  }
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
  // Older views and states were stored before staff counts existed.
  const next = { ...counts, staff: copyStaff(counts.staff) };
  if (was !== undefined) add(next, was, -1);
  if (now !== undefined) add(next, now, 1);
  return next;
}

function copyStaff(staff: Record<StaffRole, StaffCount> | undefined): Record<StaffRole, StaffCount> {
  const copy = noStaff();
  if (staff) for (const role of STAFF_ROLES) if (staff[role]) copy[role] = { ...staff[role] };
  return copy;
}

/** The counts of a whole list of registrations (for views that keep the list and tests). */
export function countRegistrations(registrations: Iterable<CountedRegistration>): RegistrationCounts {
  const counts = noRegistrations();
  for (const registration of registrations) add(counts, registration, 1);
  return counts;
}
