import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream, type WorkshopState } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { ReportWorkshopCommand } from './report-workshop.command';

@CqrsHandler(ReportWorkshopCommand)
export class ReportWorkshopHandler implements ICommandHandler<ReportWorkshopCommand, CommandResult<WorkshopState>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ workshopId, summary, at, context }: ReportWorkshopCommand): Promise<CommandResult<WorkshopState>> {
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'ReportWorkshop', data: { workshopId, summary }, at }, context);
  }
}
