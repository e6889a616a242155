import type { Recorded, RecordedEvent } from '@kuhina/event-store';
import {
  roleOf,
  statusAfter,
  type AttendanceRecorded,
  type OutreachRecorded,
  type ParticipantRegistered,
  type ParticipantWaitlisted,
  type PersonInvited,
  type RegistrationCancelled,
  type WaitlistedParticipantPromoted,
  type WorkshopPlanned,
} from '@kuhina/domain';
import type { PutOptions } from '../../read-store.port';
import { alreadyApplied, eventPositionText, mutatorProjection } from '../../projection';
import {
  INVITATIONS_OF_INDEX,
  REGISTRATIONS_OF_INDEX,
  WORKSHOP_REGISTRATIONS_COLLECTION,
  invitationDocumentId,
  outreachContactDocumentId,
  OUTREACH_CONTACTS_OF_INDEX,
  registrationDocumentId,
  type InvitationDocument,
  type OutreachContactDocument,
  type RegistrationDocument,
  type WorkshopRegistrationsDocument,
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
  | OutreachRecorded
>;

const EVENT_TYPES: readonly HandledEvent['type'][] = [
  'WorkshopPlanned',
  'PersonInvited',
  'ParticipantRegistered',
  'ParticipantWaitlisted',
  'WaitlistedParticipantPromoted',
  'RegistrationCancelled',
  'AttendanceRecorded',
  'OutreachRecorded',
];
const handled: ReadonlySet<string> = new Set(EVENT_TYPES);

/** A log position as a fixed-width sort key (20 digits hold any 64-bit position), so that text order is log order. */
const orderOf = (event: RecordedEvent): string => eventPositionText(event).padStart(20, '0');

/**
 * Each event touches one document of its own: the workshop's (WorkshopPlanned), an invitation's or a registration's.
 * Never a document that grows with the workshop.
 */
function keysOf(event: RecordedEvent): string[] {
  if (!handled.has(event.type)) return [];
  const data = event.data as { workshopId?: unknown; registrationId?: unknown; personId?: unknown };
  if (typeof data.workshopId !== 'string') return [];
  switch (event.type) {
    case 'WorkshopPlanned':
      return [data.workshopId];
    case 'PersonInvited':
      return typeof data.personId === 'string' ? [invitationDocumentId(data.workshopId, data.personId)] : [];
    case 'OutreachRecorded': {
      // One small document per person told: an outreach to n people writes n documents, never a list that grows.
      const personIds = (event.data as { personIds?: unknown }).personIds;
      return Array.isArray(personIds) ? personIds.map((personId) => outreachContactDocumentId(data.workshopId as string, String(personId))) : [];
    }
    default:
      return typeof data.registrationId === 'string' ? [registrationDocumentId(data.workshopId, data.registrationId)] : [];
  }
}

/** The registration after a change event; undefined for an unknown registration (which the decider never gives). */
function changedRegistration(draft: RegistrationDocument | undefined, event: HandledEvent): RegistrationDocument | undefined {
  if (draft === undefined) return undefined;
  switch (event.type) {
    case 'WaitlistedParticipantPromoted':
      draft.status = statusAfter(event.type)!;
      draft.promotedAt = event.data.promotedAt;
      return draft;
    case 'RegistrationCancelled':
      draft.status = statusAfter(event.type)!;
      draft.cancelledAt = event.data.cancelledAt;
      draft.cancellationReason = event.data.reason;
      return draft;
    case 'AttendanceRecorded':
      draft.attended = event.data.mode;
      return draft;
    default:
      return draft;
  }
}

/** The document of `key` after one event (the position guard and lastPosition are the caller's). */
function applyEvent(draft: WorkshopRegistrationsDocument | undefined, event: HandledEvent, key: string): WorkshopRegistrationsDocument | undefined {
  switch (event.type) {
    case 'OutreachRecorded': {
      const { workshopId, outreachId, channel, sentOn } = event.data;
      const personId = key.slice(`${workshopId}:o:`.length);
      const known = draft as OutreachContactDocument | undefined;
      return { workshopId, personId, outreachId, channel, sentOn, contacts: (known?.contacts ?? 0) + 1, lastPosition: '-1' } satisfies OutreachContactDocument;
    }
    case 'WorkshopPlanned':
      // Only makes the workshop's document exist: an existing workshop lists no registrations, not 404.
      return draft ?? ({ workshopId: event.data.workshopId, lastPosition: '-1' } satisfies WorkshopRegistrationsView);
    case 'PersonInvited': {
      const { workshopId, personId, invitedAt } = event.data;
      return { workshopId, personId, role: roleOf(event.data), invitedAt, lastPosition: '-1' } satisfies InvitationDocument;
    }
    case 'ParticipantRegistered':
    case 'ParticipantWaitlisted': {
      const { workshopId, registrationId, personId, organizationId, attendanceMode, expectations, advanceQuestions } = event.data;
      const waitlistedAt = event.type === 'ParticipantWaitlisted' ? event.data.waitlistedAt : null;
      const known = draft as RegistrationDocument | undefined;
      return {
        workshopId,
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
        outreachId: event.data.outreachId ?? null,
        form: event.data.form ? { linkId: event.data.form.linkId, answers: event.data.form.answers === null ? null : { ...event.data.form.answers } } : null,
        // A registration made again keeps its place in the order (as a map entry set again keeps its place).
        order: known?.order ?? orderOf(event),
        lastPosition: '-1',
      } satisfies RegistrationDocument;
    }
    default:
      return changedRegistration(draft as RegistrationDocument | undefined, event);
  }
}

/** Registrations list by the workshop in their order; invitations by the workshop; the workshop's own document by nothing. */
function indexesOf(doc: WorkshopRegistrationsDocument): PutOptions {
  if ('registrationId' in doc) return { indexes: { [REGISTRATIONS_OF_INDEX]: doc.workshopId }, sortKey: doc.order };
  if ('outreachId' in doc) return { indexes: { [OUTREACH_CONTACTS_OF_INDEX]: doc.workshopId } };
  if ('personId' in doc) return { indexes: { [INVITATIONS_OF_INDEX]: doc.workshopId } };
  return {};
}

/**
 * GET /workshops/:id/registrations — every registration of a workshop with its current status, one document per
 * registration (see WorkshopRegistrationsView): projecting a registration, cancellation, promotion or attendance
 * writes that registration's document only, whatever the size of the workshop.
 */
export const workshopRegistrationsProjection = mutatorProjection<WorkshopRegistrationsDocument>({
  name: 'workshop-registrations',
  // 2: counts by the domain's `recount` (with attendedOnSite and attendedRemote), invited beside them.
  // 3: roles (participants counted apart from organisers, hosts and speakers).
  // 4: one document per registration and per invitation (counts and waitlist places at read time), not one per workshop.
  // 5: the outreach a registration followed (outreachId); a document per person an outreach told; the form's answers, sealed.
  version: 5,
  collection: WORKSHOP_REGISTRATIONS_COLLECTION,
  eventTypes: EVENT_TYPES,

  keysOf,

  apply(view: WorkshopRegistrationsDocument | undefined, recorded: RecordedEvent, key: string): WorkshopRegistrationsDocument | undefined {
    if (!handled.has(recorded.type) || alreadyApplied(view, recorded)) return view;
    const next = applyEvent(view, recorded as HandledEvent, key);
    if (next !== undefined) next.lastPosition = eventPositionText(recorded);
    return next;
  },

  indexesOf,
});
