import type { AttendanceMode, RegistrationCounts, RegistrationStatus, SpeakerDetails, WorkshopRole } from '@kuhina/domain';

export const WORKSHOP_REGISTRATIONS_COLLECTION = 'workshop-registrations';

export interface WorkshopRegistration {
  registrationId: string;
  personId: string;
  organizationId: string | null;
  /** The mode asked for at registration. */
  attendanceMode: AttendanceMode;
  status: RegistrationStatus;
  /** Current 1-based place in the waitlist; null unless waitlisted. */
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
}

// A type alias, not an interface: only aliases are assignable to the store's `Record<string, unknown>` documents.
/** GET /workshops/:id/registrations. Person names are joined at query time (backoffice only), never stored here. */
export type WorkshopRegistrationsView = {
  workshopId: string;
  /** By registration id, in the order of registration. */
  registrations: Record<string, WorkshopRegistration>;
  /** Waitlisted registration ids, first come first served (the source of `waitlistPosition`). */
  waitlist: string[];
  /** By person id (invitation-only workshops). */
  invitations: Record<string, { personId: string; role: WorkshopRole; invitedAt: string }>;
  /** The registration figures, folded by the domain's one counting function (`recount`), as every answer shows them. */
  counts: RegistrationCounts;
  /** People invited (invitation-only workshops): not registrations, so beside the counts. */
  invited: number;
  /** Log position (decimal string) of the last event applied. */
  lastPosition: string;
};
