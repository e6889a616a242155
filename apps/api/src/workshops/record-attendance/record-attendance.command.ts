import type { AttendanceMode } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';

export class RecordAttendanceCommand {
  constructor(
    readonly workshopId: string,
    readonly attendees: { registrationId: string; mode: AttendanceMode }[],
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
