import { roleOf } from '@kuhina/domain';
import type { ViewLookup } from '../../../projection';
import { registrationChanged } from '../figures/registrations';
import { newAttendee } from '../figures/returning';
import type { WorkshopViewEventOf } from '../workshop-chain.routing';
import type { ChainWorkshop, RegistrationFact, WorkshopChainView } from '../workshop-chain.view';
import {
  attendanceOf,
  attendeeFactKey,
  factBefore,
  factOf,
  registrationAfter,
  registrationFactKey,
  sameAttendance,
  type AttendeeFactDocument,
  type RegistrationFactDocument,
} from './fact-documents';
import { own, reach, reachMoved } from './workshops';

// Registrations and attendance of workshop `index` (`workshop`): the facts as they were before the event come from
// their own documents (./fact-documents), the figures move by the difference to the facts after it.

type RegistrationEvent = WorkshopViewEventOf<'ParticipantRegistered' | 'ParticipantWaitlisted' | 'WaitlistedParticipantPromoted' | 'RegistrationCancelled'>;

function registrationBefore(lookup: ViewLookup | undefined, workshopId: string, registrationId: string): RegistrationFact | undefined {
  const doc = factBefore<RegistrationFactDocument>(lookup, registrationFactKey(workshopId, registrationId));
  return doc && factOf(doc);
}

/** A registration made, promoted or cancelled: the figures move from the fact before to the fact after. */
export function registrationEvent(view: WorkshopChainView, index: number, workshop: ChainWorkshop, event: RegistrationEvent, lookup: ViewLookup | undefined): void {
  const was = registrationBefore(lookup, workshop.workshopId, event.data.registrationId);
  const now = registrationAfter(was, event);
  if (now === undefined || now === was) return;
  registrationChanged(view, workshop, was, now);
  // A new registration names its organisation once.
  if (was === undefined && event.type !== 'RegistrationCancelled') reach(view, index, now.organizationId);
}

export function attendanceRecorded(view: WorkshopChainView, index: number, workshop: ChainWorkshop, event: WorkshopViewEventOf<'AttendanceRecorded'>, chainId: string, lookup: ViewLookup | undefined): void {
  const registration = registrationBefore(lookup, workshop.workshopId, event.data.registrationId);
  const fact = attendanceOf(event, registration);
  const attendee = factBefore<AttendeeFactDocument>(lookup, attendeeFactKey(chainId, event.data.personId));
  const role = roleOf(event.data);
  // Organisers, hosts and speakers count in the staff figures (through the registration) and reach their organisation,
  // never as participants (returning and unique participants leave them out).
  const earlier = attendee && own(role === 'participant' ? attendee.attended : attendee.ran, workshop.workshopId);
  if (sameAttendance(earlier, fact)) return;
  // The attendance figures count the registration's attendance (the domain's count), the people who attended
  // (returning participants, organisations reached) the attendance facts.
  const attendedAs = registrationAfter(registration, event);
  if (attendedAs !== undefined && attendedAs !== registration) registrationChanged(view, workshop, registration, attendedAs);
  // A changed organisation may drop one the workshop reached (and move it elsewhere): rare, so recompute all.
  if (earlier) {
    if (earlier.organizationId !== fact.organizationId) reachMoved(view, index, earlier.organizationId, fact.organizationId);
    return;
  }
  if (role === 'participant') newAttendee(view, index, attendee ? Object.keys(attendee.attended) : []);
  reach(view, index, fact.organizationId);
}
