import type { FormSubmission, OutreachChannel, AttendanceMode, RegistrationStatus, SpeakerDetails, WorkshopRole } from '@kuhina/domain';

export const WORKSHOP_REGISTRATIONS_COLLECTION = 'workshop-registrations';

/** Index of a workshop's registration documents (value: the workshop id), listed in the order of registration. */
export const REGISTRATIONS_OF_INDEX = 'registrationsOf';
/** Index of a workshop's invitation documents (value: the workshop id). */
export const INVITATIONS_OF_INDEX = 'invitationsOf';

/** Index of a workshop's outreach contact documents (value: the workshop id). */
export const OUTREACH_CONTACTS_OF_INDEX = 'outreachContactsOf';
/** Id of the document of one person told about the workshop by its outreach. */
export const outreachContactDocumentId = (workshopId: string, personId: string): string => `${workshopId}:o:${personId}`;

/** Id of a registration's own document in the collection (a workshop id has no colon). */
export const registrationDocumentId = (workshopId: string, registrationId: string): string => `${workshopId}:r:${registrationId}`;
/** Id of an invitation's own document in the collection. */
export const invitationDocumentId = (workshopId: string, personId: string): string => `${workshopId}:i:${personId}`;

export interface WorkshopRegistration {
  registrationId: string;
  personId: string;
  organizationId: string | null;
  /** The mode asked for at registration. */
  attendanceMode: AttendanceMode;
  status: RegistrationStatus;
  /** Current 1-based place in the waitlist; null unless waitlisted. Worked out at read time (`placeOnWaitlist`). */
  waitlistPosition: number | null;
  /** When the person signed up (ParticipantRegistered or ParticipantWaitlisted). */
  registeredAt: string;
  waitlistedAt: string | null;
  promotedAt: string | null;
  cancelledAt: string | null;
  cancellationReason: string | null;
  /** How the person actually attended, once recorded. */
  attended: AttendanceMode | null;
  expectations: string | null;
  advanceQuestions: string[];
  /** participant, or one of the people running the workshop (organiser, host, speaker): only participants take seats and count in ESF+ figures. */
  role: WorkshopRole;
  /** Speakers only: their topic and whether they were paid. */
  speaker: SpeakerDetails | null;
  /** The outreach that told the person about the workshop before they registered (POST /workshops/:id/outreach); null: none. */
  outreachId: string | null;
  /** Made through the public form: the link used and the answers, sealed with the person's key; null: typed in. */
  form: FormSubmission | null;
}

// Type aliases, not interfaces: only aliases are assignable to the store's `Record<string, unknown>` documents.

/**
 * The collection holds three kinds of small documents, so that an event rewrites one of them, never a list that grows
 * with the workshop (a 10,000-person webinar costs per registration what a 10-person workshop does):
 * - `<workshopId>`: the workshop's document (WorkshopRegistrationsView), made by WorkshopPlanned: a known workshop
 *   with no registrations lists none rather than 404;
 * - `<workshopId>:r:<registrationId>`: one per registration (RegistrationDocument), indexed by `registrationsOf`;
 * - `<workshopId>:i:<personId>`: one per invitation (InvitationDocument), indexed by `invitationsOf`;
 * - `<workshopId>:o:<personId>`: one per person an outreach told (OutreachContactDocument), indexed by `outreachContactsOf`.
 * Counts and waitlist places are worked out by the reader from the registrations it lists anyway (GET
 * /workshops/:id/registrations answers all of them), so no event renumbers a waitlist or moves a shared counter.
 */
export type WorkshopRegistrationsView = {
  workshopId: string;
  /** Log position (decimal string) of the last event applied. */
  lastPosition: string;
};

/** One registration. `waitlistPosition` is stored as null: the place depends on the others (read time). */
export type RegistrationDocument = { [K in keyof WorkshopRegistration]: WorkshopRegistration[K] } & {
  workshopId: string;
  /** The log position of the event that made the registration, 20 digits: its sort key (order of registration, and of the waitlist). */
  order: string;
  lastPosition: string;
};

/** One invitation (invitation-only workshops). People invited are not registrations: counted beside them. */
export type InvitationDocument = {
  workshopId: string;
  personId: string;
  role: WorkshopRole;
  invitedAt: string;
  lastPosition: string;
};

/** One person told about the workshop by an outreach (POST /workshops/:id/outreach): the latest outreach that told them. */
export type OutreachContactDocument = {
  workshopId: string;
  personId: string;
  outreachId: string;
  channel: OutreachChannel;
  sentOn: string;
  /** How many outreaches of the workshop told them (a reminder counts). */
  contacts: number;
  lastPosition: string;
};

/** Any document of the collection. */
export type WorkshopRegistrationsDocument = WorkshopRegistrationsView | RegistrationDocument | InvitationDocument | OutreachContactDocument;

/**
 * Waitlist places of registrations listed in their order (sort key): the waitlist is first come first served, and a
 * registration's order is that of the event that waitlisted it, so the n-th waitlisted one listed is n-th in line.
 */
export function placeOnWaitlist<R extends Pick<WorkshopRegistration, 'status' | 'waitlistPosition'>>(inOrder: readonly R[]): R[] {
  let place = 0;
  return inOrder.map((registration) => ({ ...registration, waitlistPosition: registration.status === 'waitlisted' ? ++place : null }));
}
