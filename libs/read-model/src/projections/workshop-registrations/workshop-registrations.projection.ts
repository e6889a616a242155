import type { Recorded, RecordedEvent } from '@kuhina/event-store';
import {
  noRegistrations,
  recount,
  roleOf,
  statusAfter,
  type AttendanceRecorded,
  type ParticipantRegistered,
  type ParticipantWaitlisted,
  type PersonInvited,
  type RegistrationCancelled,
  type WaitlistedParticipantPromoted,
  type WorkshopPlanned,
} from '@kuhina/domain';
import { alreadyApplied, asIdMap, byWorkshopOf, idMap, mutatorProjection, eventPositionText } from '../../projection';
import {
  WORKSHOP_REGISTRATIONS_COLLECTION,
  type WorkshopRegistration,
  type WorkshopRegistrationsView,
} from './workshop-registrations.view';

/** The recorded form of each domain event, so `switch (event.type)` narrows `data`. */
type HandledEvent = Recorded<
  | WorkshopPlanned
  | PersonInvited
  | ParticipantRegistered
  | ParticipantWaitlisted
  | WaitlistedParticipantPromoted
  | RegistrationCancelled
  | AttendanceRecorded
>;

const EVENT_TYPES: readonly HandledEvent['type'][] = [
  'WorkshopPlanned',
  'PersonInvited',
  'ParticipantRegistered',
  'ParticipantWaitlisted',
  'WaitlistedParticipantPromoted',
  'RegistrationCancelled',
  'AttendanceRecorded',
];
const handled: ReadonlySet<string> = new Set(EVENT_TYPES);

const empty = (workshopId: string): WorkshopRegistrationsView => ({
  workshopId,
  registrations: idMap(),
  waitlist: [],
  invitations: idMap(),
  counts: noRegistrations(),
  invited: 0,
  lastPosition: '-1',
});

/**
 * Sets a registration (a new object: the one it replaces is not changed) and moves the counts from the replaced
 * registration to the new one with `recount`, the domain's one counting function. Counts follow the registrations'
 * states, never the number of events, so replaying an event cannot count it twice.
 */
function setRegistration(view: WorkshopRegistrationsView, registration: WorkshopRegistration): void {
  const was = Object.hasOwn(view.registrations, registration.registrationId) ? view.registrations[registration.registrationId] : undefined;
  view.registrations[registration.registrationId] = registration;
  view.counts = recount(view.counts, was, registration);
}

function changeRegistration(view: WorkshopRegistrationsView, registrationId: string, change: Partial<WorkshopRegistration>): void {
  const registration = view.registrations[registrationId];
  // An unknown registration cannot come from the decider; ignoring it keeps the view consistent.
  if (registration !== undefined) setRegistration(view, { ...registration, ...change });
}

/** Takes a registration off the waitlist; returns whether it was on it (the places behind it then move up). */
function removeFromWaitlist(view: WorkshopRegistrationsView, registrationId: string): boolean {
  const at = view.waitlist.indexOf(registrationId);
  if (at >= 0) view.waitlist.splice(at, 1);
  return at >= 0;
}

/**
 * Waitlist places are set from the waitlist, never incremented: every registration on it gets its place, and
 * one just taken off it (`removed`) gets none. Only the few waitlisted registrations are visited, not all.
 */
function placeWaitlist(view: WorkshopRegistrationsView, removed: string | null): void {
  const { registrations, waitlist } = view;
  if (removed !== null && registrations[removed] !== undefined) registrations[removed].waitlistPosition = null;
  for (let i = 0; i < waitlist.length; i++) {
    const registration = registrations[waitlist[i]];
    if (registration !== undefined) registration.waitlistPosition = i + 1;
  }
}

/** Changes the view in place after one event (the position guard and lastPosition are the caller's). */
function applyEvent(view: WorkshopRegistrationsView, event: HandledEvent): void {
  switch (event.type) {
    case 'WorkshopPlanned':
      return; // only makes the (empty) document exist: an existing workshop lists no registrations, not 404
    case 'PersonInvited': {
      const { personId, invitedAt } = event.data;
      view.invitations[personId] = { personId, role: roleOf(event.data), invitedAt };
      view.invited = Object.keys(view.invitations).length;
      return;
    }
    case 'ParticipantRegistered':
    case 'ParticipantWaitlisted': {
      const { registrationId, personId, organizationId, attendanceMode, expectations, advanceQuestions } = event.data;
      const waitlistedAt = event.type === 'ParticipantWaitlisted' ? event.data.waitlistedAt : null;
      setRegistration(view, {
        registrationId,
        personId,
        organizationId,
        attendanceMode,
        status: statusAfter(event.type)!,
        waitlistPosition: null,
        registeredAt: event.type === 'ParticipantRegistered' ? event.data.registeredAt : event.data.waitlistedAt,
        waitlistedAt,
        promotedAt: null,
        cancelledAt: null,
        cancellationReason: null,
        attended: null,
        expectations,
        advanceQuestions: [...advanceQuestions],
        role: roleOf(event.data),
        speaker: event.data.speaker ? { ...event.data.speaker } : null,
      });
      if (waitlistedAt !== null && !view.waitlist.includes(registrationId)) view.waitlist.push(registrationId);
      placeWaitlist(view, null);
      return;
    }
    case 'WaitlistedParticipantPromoted': {
      const { registrationId, promotedAt } = event.data;
      changeRegistration(view, registrationId, { status: statusAfter(event.type)!, promotedAt });
      placeWaitlist(view, removeFromWaitlist(view, registrationId) ? registrationId : null);
      return;
    }
    case 'RegistrationCancelled': {
      const { registrationId, cancelledAt, reason } = event.data;
      changeRegistration(view, registrationId, { status: statusAfter(event.type)!, cancelledAt, cancellationReason: reason });
      placeWaitlist(view, removeFromWaitlist(view, registrationId) ? registrationId : null);
      return;
    }
    case 'AttendanceRecorded':
      changeRegistration(view, event.data.registrationId, { attended: event.data.mode });
      return;
    default:
      return;
  }
}

/** GET /workshops/:id/registrations — every registration of a workshop with its current status. */
export const workshopRegistrationsProjection = mutatorProjection<WorkshopRegistrationsView>({
  name: 'workshop-registrations',
  // 2: counts by the domain's `recount` (with attendedOnSite and attendedRemote), invited beside them.
  // 3: roles (participants counted apart from organisers, hosts and speakers).
  version: 3,
  collection: WORKSHOP_REGISTRATIONS_COLLECTION,
  eventTypes: EVENT_TYPES,

  keysOf: byWorkshopOf(handled),

  apply(view: WorkshopRegistrationsView | undefined, recorded: RecordedEvent, key: string): WorkshopRegistrationsView | undefined {
    if (!handled.has(recorded.type) || alreadyApplied(view, recorded)) return view;
    const draft = view ?? empty(key);
    // Maps parsed from the store are plain objects: the draft gains ids in idMaps.
    draft.registrations = asIdMap(draft.registrations);
    draft.invitations = asIdMap(draft.invitations);
    applyEvent(draft, recorded as HandledEvent);
    draft.lastPosition = eventPositionText(recorded);
    return draft;
  },
});
