import type { AttendanceMode } from '@kuhina/domain';
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
}

export class RegisterParticipantCommand {
  constructor(
    readonly workshopId: string,
    readonly registrationId: string,
    readonly participant: Participant,
    readonly details: RegistrationDetails,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
