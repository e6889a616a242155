import { assertNever } from '../../shared/decider';
import { idMapDelete, idMapGet, idMapSet } from '../id-map';
import { recount, statusAfter, type RegistrationStatus } from '../registration-counts';
import { dataOf } from '../workshop.evolve-helpers';
import {
  roleOf,
  type AttendanceRecorded,
  type ParticipantRegistered,
  type ParticipantWaitlisted,
  type PersonInvited,
  type RegistrationCancelled,
  type RegistrationClosed,
  type RegistrationOpened,
  type WaitlistedParticipantPromoted,
} from '../workshop.events';
import { joinWaitlist, leaveWaitlist } from '../waitlist';
import { registrationKey } from '../workshop.fingerprints';
import type { ExistingWorkshop, RegistrationEntry, WorkshopData } from '../workshop.state';

/** The events that give a registration its status (see `statusAfter`). */
type RegistrationStatusEvent = ParticipantRegistered | ParticipantWaitlisted | RegistrationCancelled | WaitlistedParticipantPromoted;

/** The events of registration and attendance. */
export type RegistrationEvent = RegistrationOpened | RegistrationClosed | PersonInvited | RegistrationStatusEvent | AttendanceRecorded;

function statusOf(event: RegistrationStatusEvent): RegistrationStatus {
  const status = statusAfter(event.type);
  if (status === null) throw new Error(`${event.type} sets no registration status`);
  return status;
}

/**
 * One registration set to `now` (it was `was`, undefined if new), and the counts with it. The counts follow the
 * registrations' states (registration-counts.ts), so the registrations map and the counts never disagree.
 */
function withEntry(
  w: ExistingWorkshop,
  registrationId: string,
  was: RegistrationEntry | undefined,
  now: RegistrationEntry,
): Pick<WorkshopData, 'registrations' | 'counts'> {
  return { registrations: idMapSet(w.registrations, registrationId, now), counts: recount(w.counts, was, now) };
}

function withChange(w: ExistingWorkshop, registrationId: string, change: Partial<RegistrationEntry>): Pick<WorkshopData, 'registrations' | 'counts'> {
  const registration = idMapGet(w.registrations, registrationId);
  if (!registration) throw new Error(`Unknown registration ${registrationId} in workshop ${w.workshopId}`);
  return withEntry(w, registrationId, registration, { ...registration, ...change });
}

export function evolveRegistration(w: ExistingWorkshop, event: RegistrationEvent): ExistingWorkshop {
  switch (event.type) {
    case 'RegistrationOpened':
      return { ...dataOf(w), status: 'registration-open' };
    case 'RegistrationClosed':
      return { ...dataOf(w), status: 'registration-closed' };
    case 'PersonInvited':
      return { ...w, invitedPersonIds: idMapSet(w.invitedPersonIds, event.data.personId, true) };
    case 'ParticipantRegistered':
    case 'ParticipantWaitlisted': {
      const { registrationId, personId, organizationId, attendanceMode } = event.data;
      const status = statusOf(event);
      const entry: RegistrationEntry = { personId, organizationId, attendanceMode, status, attended: null, role: roleOf(event.data), key: registrationKey(event.data) };
      return {
        ...w,
        ...withEntry(w, registrationId, idMapGet(w.registrations, registrationId), entry),
        activeRegistrationByPerson: idMapSet(w.activeRegistrationByPerson, personId, registrationId),
        waitlist: status === 'waitlisted' ? joinWaitlist(w.waitlist, registrationId) : w.waitlist,
      };
    }
    case 'RegistrationCancelled': {
      const { registrationId, personId } = event.data;
      const before = idMapGet(w.registrations, registrationId);
      const active = idMapGet(w.activeRegistrationByPerson, personId) === registrationId;
      return {
        ...w,
        ...withChange(w, registrationId, { status: statusOf(event) }),
        activeRegistrationByPerson: active ? idMapDelete(w.activeRegistrationByPerson, personId) : w.activeRegistrationByPerson,
        waitlist: before?.status === 'waitlisted' ? leaveWaitlist(w.waitlist, registrationId) : w.waitlist,
      };
    }
    case 'WaitlistedParticipantPromoted': {
      const { registrationId } = event.data;
      return {
        ...w,
        ...withChange(w, registrationId, { status: statusOf(event) }),
        waitlist: leaveWaitlist(w.waitlist, registrationId),
      };
    }
    case 'AttendanceRecorded':
      return { ...w, ...withChange(w, event.data.registrationId, { attended: event.data.mode }) };
    default:
      return assertNever(event, 'registration event');
  }
}
