import { roleOf, statusAfter } from '@kuhina/domain';
import { registrationChanged } from '../figures/registrations';
import { newAttendee } from '../figures/returning';
import type { WorkshopViewEventOf } from '../workshop-chain.routing';
import type { AttendanceFact, ChainWorkshop, RegistrationFact, WorkshopChainView, WorkshopFacts } from '../workshop-chain.view';
import { own, reach, recomputeAll } from './workshops';

// Registrations and attendance of workshop `index` (`workshop`, whose `facts` are the draft's): the fact, kept by id,
// then the figures it moves.

const sameAttendance = (a: AttendanceFact, b: AttendanceFact): boolean =>
  a.registrationId === b.registrationId && a.organizationId === b.organizationId && a.mode === b.mode;

function setRegistration(view: WorkshopChainView, workshop: ChainWorkshop, registrationId: string, fact: RegistrationFact): void {
  const was = own(workshop.facts.registrations, registrationId);
  workshop.facts.registrations[registrationId] = fact;
  registrationChanged(view, workshop, was, fact);
}

/** ParticipantRegistered, ParticipantWaitlisted: a new registration (a repeat changes nothing). */
export function participantSignedUp(
  view: WorkshopChainView,
  index: number,
  workshop: ChainWorkshop,
  facts: WorkshopFacts,
  event: WorkshopViewEventOf<'ParticipantRegistered' | 'ParticipantWaitlisted'>,
): void {
  const { registrationId, personId, organizationId } = event.data;
  if (own(facts.registrations, registrationId)) return;
  const fact: RegistrationFact = { personId, organizationId, status: statusAfter(event.type)!, attended: null, role: roleOf(event.data) };
  facts.registrations[registrationId] = fact;
  registrationChanged(view, workshop, undefined, fact);
  reach(view, index, organizationId);
}

export function waitlistedPromoted(view: WorkshopChainView, workshop: ChainWorkshop, facts: WorkshopFacts, event: WorkshopViewEventOf<'WaitlistedParticipantPromoted'>): void {
  const registration = own(facts.registrations, event.data.registrationId);
  if (registration?.status !== 'waitlisted') return;
  setRegistration(view, workshop, event.data.registrationId, { ...registration, status: statusAfter(event.type)! });
}

export function registrationCancelled(view: WorkshopChainView, workshop: ChainWorkshop, facts: WorkshopFacts, event: WorkshopViewEventOf<'RegistrationCancelled'>): void {
  const { registrationId, personId } = event.data;
  const registration: RegistrationFact = own(facts.registrations, registrationId) ?? { personId, organizationId: null, status: 'cancelled', attended: null, role: 'participant' };
  setRegistration(view, workshop, registrationId, { ...registration, status: statusAfter(event.type)! });
}

export function attendanceRecorded(
  view: WorkshopChainView,
  index: number,
  workshop: ChainWorkshop,
  facts: WorkshopFacts,
  event: WorkshopViewEventOf<'AttendanceRecorded'>,
): void {
  const { personId, registrationId, mode } = event.data;
  const registration = own(facts.registrations, registrationId);
  const organizationId = event.data.organizationId ?? registration?.organizationId ?? null;
  const role = roleOf(event.data);
  if (role !== 'participant') return staffAttended(view, index, workshop, facts, { registrationId, organizationId, mode, role }, personId);
  const fact: AttendanceFact = { registrationId, organizationId, mode };
  const earlier = own(facts.attendance, personId);
  if (earlier && sameAttendance(earlier, fact)) return;
  facts.attendance[personId] = fact;
  // The attendance figures count the registration's attendance (the domain's count), the people who attended
  // (returning participants, organisations reached) the attendance facts.
  const attendedAs = registration !== undefined && registration.attended !== mode ? { ...registration, attended: mode } : undefined;
  // A changed organisation may drop one the workshop reached (and move it elsewhere): rare, so recompute all.
  if (earlier && earlier.organizationId !== organizationId) {
    if (attendedAs) facts.registrations[registrationId] = attendedAs;
    return recomputeAll(view);
  }
  if (attendedAs) setRegistration(view, workshop, registrationId, attendedAs);
  if (!earlier) newAttendee(view, index, personId);
  reach(view, index, organizationId);
}

/**
 * Someone who ran the workshop attended: counted in its staff figures (through the registration) and reaching their
 * organisation, never as a participant (returning participants and unique participants leave them out).
 */
function staffAttended(view: WorkshopChainView, index: number, workshop: ChainWorkshop, facts: WorkshopFacts, fact: WorkshopFacts['staffAttendance'][string], personId: string): void {
  facts.staffAttendance ??= {};
  const earlier = own(facts.staffAttendance, personId);
  if (earlier && sameAttendance(earlier, fact)) return;
  facts.staffAttendance[personId] = fact;
  const registration = own(facts.registrations, fact.registrationId);
  if (registration !== undefined && registration.attended !== fact.mode) setRegistration(view, workshop, fact.registrationId, { ...registration, attended: fact.mode });
  if (earlier && earlier.organizationId !== fact.organizationId) return recomputeAll(view);
  reach(view, index, fact.organizationId);
}
