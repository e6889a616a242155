import type { AttendanceMode, FormAnswers, SpeakerDetails, WorkshopRole } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';
import type { PersonalData } from '@kuhina/privacy';

/** Who registers: a person known by id, or one described inline (created, or reused by e-mail). */
export type Participant = { personId: string } | { person: PersonalData & { organizationId: string | null } };

export interface RegistrationDetails {
  /** The organisation the participant represents at this workshop, if any. */
  organizationId: string | null;
  attendanceMode: AttendanceMode;
  expectations: string | null;
  advanceQuestions: string[];
  /** Default participant; organisers, hosts and speakers run the workshop and take no seat. */
  role?: WorkshopRole;
  /** Speakers only. */
  speaker?: SpeakerDetails | null;
  /** Through the public form: the link used and the answers in clear (sealed here with the person's key before the write). */
  form?: { linkId: string; answers: FormAnswers | null } | null;
}

export class RegisterParticipantCommand {
  constructor(
    readonly workshopId: string,
    readonly registrationId: string,
    readonly participant: Participant,
    readonly details: RegistrationDetails,
    /** Business time; undefined: the workshop's date (see business-dates.ts); an inline person is recorded now. */
    readonly at: string | undefined,
    readonly context: CommandContext,
  ) {}
}
