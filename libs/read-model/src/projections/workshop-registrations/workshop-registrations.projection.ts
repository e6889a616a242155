import type { RecordedEvent } from '@kuhina/event-store';
import type {
  AttendanceRecorded,
  ParticipantRegistered,
  ParticipantWaitlisted,
  PersonInvited,
  RegistrationCancelled,
  WaitlistedParticipantPromoted,
  WorkshopPlanned,
} from '@kuhina/domain';
import type { Projection } from '../../projection';
import {
  WORKSHOP_REGISTRATIONS_COLLECTION,
  type WorkshopRegistration,
  type WorkshopRegistrationsView,
} from './workshop-registrations.view';

/** The recorded form of each domain event, so `switch (event.type)` narrows `data`. */
type Recorded<E> = E extends { type: infer T extends string; data: infer D } ? RecordedEvent<T, D> : never;
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

const alreadyApplied = (view: WorkshopRegistrationsView | undefined, event: RecordedEvent): boolean =>
  view !== undefined && event.position <= BigInt(view.lastPosition);

const empty = (workshopId: string): WorkshopRegistrationsView => ({
  workshopId,
  registrations: {},
  waitlist: [],
  invitations: {},
  counts: { registered: 0, waitlisted: 0, cancelled: 0, attended: 0, invited: 0 },
  lastPosition: '-1',
});

function withRegistration(view: WorkshopRegistrationsView, registration: WorkshopRegistration): WorkshopRegistrationsView {
  return { ...view, registrations: { ...view.registrations, [registration.registrationId]: registration } };
}

function changeRegistration(
  view: WorkshopRegistrationsView,
  registrationId: string,
  change: Partial<WorkshopRegistration>,
): WorkshopRegistrationsView {
  const registration = view.registrations[registrationId];
  // An unknown registration cannot come from the decider; ignoring it keeps the view consistent.
  return registration === undefined ? view : withRegistration(view, { ...registration, ...change });
}

const withoutFromWaitlist = (view: WorkshopRegistrationsView, registrationId: string): WorkshopRegistrationsView => ({
  ...view,
  waitlist: view.waitlist.filter((id) => id !== registrationId),
});

function apply(view: WorkshopRegistrationsView, event: HandledEvent): WorkshopRegistrationsView {
  switch (event.type) {
    case 'WorkshopPlanned':
      return view; // only makes the (empty) document exist: an existing workshop lists no registrations, not 404
    case 'PersonInvited': {
      const { personId, invitedAt } = event.data;
      return { ...view, invitations: { ...view.invitations, [personId]: { personId, invitedAt } } };
    }
    case 'ParticipantRegistered':
    case 'ParticipantWaitlisted': {
      const { registrationId, personId, organizationId, attendanceMode, expectations, advanceQuestions } = event.data;
      const waitlistedAt = event.type === 'ParticipantWaitlisted' ? event.data.waitlistedAt : null;
      const next = withRegistration(view, {
        registrationId,
        personId,
        organizationId,
        attendanceMode,
        status: waitlistedAt === null ? 'registered' : 'waitlisted',
        waitlistPosition: null,
        registeredAt: event.type === 'ParticipantRegistered' ? event.data.registeredAt : event.data.waitlistedAt,
        waitlistedAt,
        promotedAt: null,
        cancelledAt: null,
        cancellationReason: null,
        attended: null,
        expectations,
        advanceQuestions: [...advanceQuestions],
      });
      return waitlistedAt === null || next.waitlist.includes(registrationId)
        ? next
        : { ...next, waitlist: [...next.waitlist, registrationId] };
    }
    case 'WaitlistedParticipantPromoted': {
      const { registrationId, promotedAt } = event.data;
      return withoutFromWaitlist(changeRegistration(view, registrationId, { status: 'registered', promotedAt }), registrationId);
    }
    case 'RegistrationCancelled': {
      const { registrationId, cancelledAt, reason } = event.data;
      return withoutFromWaitlist(
        changeRegistration(view, registrationId, { status: 'cancelled', cancelledAt, cancellationReason: reason }),
        registrationId,
      );
    }
    case 'AttendanceRecorded':
      return changeRegistration(view, event.data.registrationId, { attended: event.data.mode });
    default:
      return view;
  }
}

/**
 * Waitlist places and counts are recomputed from the registrations, never incremented. Places are re-set only
 * for registrations that were or are on the waitlist (a few), and the registrations map is copied only when a
 * place actually moved — not on every event.
 */
function derive(view: WorkshopRegistrationsView, before: WorkshopRegistrationsView | undefined): WorkshopRegistrationsView {
  let registrations = view.registrations;
  const place = new Map(view.waitlist.map((id, index) => [id, index + 1]));
  let copied = false;
  for (const id of new Set([...(before?.waitlist ?? []), ...view.waitlist])) {
    const registration = registrations[id];
    const waitlistPosition = place.get(id) ?? null;
    if (!registration || registration.waitlistPosition === waitlistPosition) continue;
    if (!copied) {
      registrations = { ...registrations };
      copied = true;
    }
    registrations[id] = { ...registration, waitlistPosition };
  }
  const counts = { registered: 0, waitlisted: 0, cancelled: 0, attended: 0, invited: Object.keys(view.invitations).length };
  for (const id in registrations) {
    const registration = registrations[id]!;
    counts[registration.status] += 1;
    if (registration.attended !== null) counts.attended += 1;
  }
  return { ...view, registrations, counts };
}

/** GET /workshops/:id/registrations — every registration of a workshop with its current status. */
export const workshopRegistrationsProjection: Projection<WorkshopRegistrationsView> = {
  name: 'workshop-registrations',
  version: 1,
  collection: WORKSHOP_REGISTRATIONS_COLLECTION,
  eventTypes: EVENT_TYPES,

  keysOf(event: RecordedEvent): string[] {
    if (!handled.has(event.type)) return [];
    const { workshopId } = event.data as { workshopId?: unknown };
    return typeof workshopId === 'string' ? [workshopId] : [];
  },

  project(view: WorkshopRegistrationsView | undefined, recorded: RecordedEvent, key: string): WorkshopRegistrationsView | undefined {
    if (!handled.has(recorded.type) || alreadyApplied(view, recorded)) return view;
    const next = apply(view ?? empty(key), recorded as HandledEvent);
    return { ...derive(next, view), lastPosition: recorded.position.toString() };
  },
};
