import { roleOf, statusAfter, type StaffRole } from '@kuhina/domain';
import type { RecordedEvent } from '@kuhina/event-store';
import { alreadyApplied, eventPositionText, idMap, type ViewLookup } from '../../../projection';
import type { ViewDocument } from '../../../read-store.port';
import { own } from './workshops';
import type { WorkshopViewEvent } from '../workshop-chain.routing';
import { WORKSHOP_CHAIN_COLLECTION, type AttendanceFact, type RegistrationFact } from '../workshop-chain.view';

// The facts the chain view keeps per registration, per attendee and per feedback, each in a document of its own beside
// the chain's (same collection, same projection, same checkpoint): an event of a large workshop rewrites its chain's
// figures and one or two small fact documents, never a list of every registration.
//
// The chain's document reads a fact document as it was before the event (its key comes first in `keysOf`, the fact
// documents' after it), works out the fact after the event with the same function the fact document uses (`factAfter`),
// and moves its figures by the difference. Re-applied, an event finds the fact already after it: no difference.

/**
 * Keys of fact documents: a prefix and a colon, never a chain's id (a UUID). The workshop (or chain) comes first, so
 * that the facts of one workshop sit together in the store's key order: a batch of its registrations rewrites a few
 * neighbouring pages of the documents' B-tree, not one page per registration across the whole file.
 */
export const registrationFactKey = (workshopId: string, registrationId: string): string => `r:${workshopId}:${registrationId}`;
export const attendeeFactKey = (chainId: string, personId: string): string => `p:${chainId}:${personId}`;
export const feedbackFactKey = (workshopId: string, feedbackId: string): string => `f:${workshopId}:${feedbackId}`;

export const isFactKey = (key: string): boolean => key.charCodeAt(1) === 58; /* ':' */

export interface RegistrationFactDocument extends RegistrationFact {
  lastPosition: string;
}

export type StaffAttendanceFact = AttendanceFact & { role: StaffRole };

/** One person's attendance in one chain: a handful of workshops. */
export interface AttendeeFactDocument {
  /** workshopId → how the person attended as a participant. */
  attended: Record<string, AttendanceFact>;
  /** workshopId → how the person attended running the workshop (organiser, host, speaker). */
  ran: Record<string, StaffAttendanceFact>;
  lastPosition: string;
}

export interface FeedbackFactDocument {
  rating: number;
  lastPosition: string;
}

/** The keys of the fact documents a workshop event of a chain changes (none for most events). */
export function factKeysOf(event: WorkshopViewEvent, chainId: string): string[] {
  switch (event.type) {
    case 'ParticipantRegistered':
    case 'ParticipantWaitlisted':
    case 'WaitlistedParticipantPromoted':
    case 'RegistrationCancelled':
      return [registrationFactKey(event.data.workshopId, event.data.registrationId)];
    case 'AttendanceRecorded':
      return [registrationFactKey(event.data.workshopId, event.data.registrationId), attendeeFactKey(chainId, event.data.personId)];
    case 'FeedbackSubmitted':
      return [feedbackFactKey(event.data.workshopId, event.data.feedbackId)];
    default:
      return [];
  }
}

/** A fact document as the batch has it now (for the chain's document: as it was before this event). */
export function factBefore<T extends { lastPosition: string }>(lookup: ViewLookup | undefined, key: string): T | undefined {
  const doc = lookup?.peek?.(WORKSHOP_CHAIN_COLLECTION, key);
  return (doc ?? undefined) as T | undefined;
}

export const sameAttendance = (a: AttendanceFact | undefined, b: AttendanceFact): boolean =>
  a !== undefined && a.registrationId === b.registrationId && a.organizationId === b.organizationId && a.mode === b.mode;

/** The registration fact after a registration or attendance event (undefined: the event leaves no registration fact). */
export function registrationAfter(before: RegistrationFact | undefined, event: WorkshopViewEvent): RegistrationFact | undefined {
  switch (event.type) {
    case 'ParticipantRegistered':
    case 'ParticipantWaitlisted': {
      // A repeat changes nothing.
      if (before) return before;
      const { personId, organizationId } = event.data;
      return { personId, organizationId, status: statusAfter(event.type)!, attended: null, role: roleOf(event.data), outreachId: event.data.outreachId ?? null };
    }
    case 'WaitlistedParticipantPromoted':
      return before?.status === 'waitlisted' ? { ...before, status: statusAfter(event.type)! } : before;
    case 'RegistrationCancelled': {
      const registration = before ?? { personId: event.data.personId, organizationId: null, status: 'cancelled', attended: null, role: 'participant' };
      return { ...registration, status: statusAfter(event.type)! };
    }
    case 'AttendanceRecorded':
      return before !== undefined && before.attended !== event.data.mode ? { ...before, attended: event.data.mode } : before;
    default:
      return before;
  }
}

/** How the person attended, as the attendance record says it (the organisation from the registration if it names none). */
export function attendanceOf(event: Extract<WorkshopViewEvent, { type: 'AttendanceRecorded' }>, registration: RegistrationFact | undefined): AttendanceFact {
  return { registrationId: event.data.registrationId, organizationId: event.data.organizationId ?? registration?.organizationId ?? null, mode: event.data.mode };
}

/** The attendee's document after their attendance at `workshopId` was recorded (the same object if nothing changed). */
export function attendeeAfter(before: AttendeeFactDocument | undefined, workshopId: string, event: Extract<WorkshopViewEvent, { type: 'AttendanceRecorded' }>, registration: RegistrationFact | undefined, lastPosition: string): AttendeeFactDocument {
  const fact = attendanceOf(event, registration);
  const role = roleOf(event.data);
  const doc: AttendeeFactDocument = before ?? { attended: idMap(), ran: idMap(), lastPosition };
  doc.lastPosition = lastPosition;
  // The caller owns `before` (a fact document's draft): changed in place.
  if (role === 'participant') {
    if (!sameAttendance(own(doc.attended, workshopId), fact)) doc.attended[workshopId] = fact;
  } else if (!sameAttendance(own(doc.ran, workshopId), fact)) {
    doc.ran[workshopId] = { ...fact, role };
  }
  return doc;
}

/**
 * `apply` for a fact document (`key` one of `factKeysOf`): the document after the event. Changes `draft` in place (the
 * caller owns it). The registration fact an attendance needs is read from the lookup (its key comes first).
 */
export function applyToFact(draft: ViewDocument | undefined, event: RecordedEvent, key: string, lookup: ViewLookup | undefined): ViewDocument | undefined {
  if (alreadyApplied(draft as { lastPosition: string } | undefined, event)) return draft;
  // A recorded event has the domain event's `type` and `data`.
  const applied = event as unknown as WorkshopViewEvent;
  const lastPosition = eventPositionText(event);
  switch (applied.type) {
    case 'ParticipantRegistered':
    case 'ParticipantWaitlisted':
    case 'WaitlistedParticipantPromoted':
    case 'RegistrationCancelled':
    case 'AttendanceRecorded': {
      if (applied.type === 'AttendanceRecorded' && key !== registrationFactKey(applied.data.workshopId, applied.data.registrationId)) {
        const registration = factBefore<RegistrationFactDocument>(lookup, registrationFactKey(applied.data.workshopId, applied.data.registrationId));
        return attendeeAfter(draft as AttendeeFactDocument | undefined, applied.data.workshopId, applied, registration, lastPosition) as unknown as ViewDocument;
      }
      const before = draft as RegistrationFactDocument | undefined;
      const after = registrationAfter(before && factOf(before), applied);
      return after === undefined ? draft : ({ ...after, lastPosition } as unknown as ViewDocument);
    }
    case 'FeedbackSubmitted':
      return { rating: applied.data.rating, lastPosition } as unknown as ViewDocument;
    default:
      return draft;
  }
}

/** The registration fact of a stored fact document (without its position). */
export const factOf = ({ personId, organizationId, status, attended, role, outreachId }: RegistrationFact): RegistrationFact => ({ personId, organizationId, status, attended, role, outreachId: outreachId ?? null });
