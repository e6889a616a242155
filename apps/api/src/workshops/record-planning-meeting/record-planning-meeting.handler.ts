import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { RecordPlanningMeetingCommand } from './record-planning-meeting.command';

@CqrsHandler(RecordPlanningMeetingCommand)
export class RecordPlanningMeetingHandler implements ICommandHandler<RecordPlanningMeetingCommand, CommandResult<unknown>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ workshopId, meetingId, meeting, at, context }: RecordPlanningMeetingCommand): Promise<CommandResult<unknown>> {
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'RecordPlanningMeeting', data: { workshopId, meetingId, ...meeting }, at }, context);
  }
}
