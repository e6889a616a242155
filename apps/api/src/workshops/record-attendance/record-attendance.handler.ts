import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream, type WorkshopState } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { RecordAttendanceCommand } from './record-attendance.command';

export interface RecordAttendanceResult {
  workshop: CommandResult<WorkshopState>;
  /** Attendances this command recorded; those recorded before (an overlapping sheet) are not counted again. */
  recorded: number;
}

@CqrsHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand, RecordAttendanceResult> {
  constructor(private readonly handler: CommandHandler) {}

  async execute({ workshopId, attendees, at, context }: RecordAttendanceCommand): Promise<RecordAttendanceResult> {
    const workshop = await this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'RecordAttendance', data: { workshopId, attendees }, at }, context);
    return { workshop, recorded: workshop.events.filter((event) => event.type === 'AttendanceRecorded').length };
  }
}
