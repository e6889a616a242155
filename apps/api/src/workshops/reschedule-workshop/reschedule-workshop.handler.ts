import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream, type WorkshopState } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { RescheduleWorkshopCommand } from './reschedule-workshop.command';

@CqrsHandler(RescheduleWorkshopCommand)
export class RescheduleWorkshopHandler implements ICommandHandler<RescheduleWorkshopCommand, CommandResult<WorkshopState>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ workshopId, schedule, at, context }: RescheduleWorkshopCommand): Promise<CommandResult<WorkshopState>> {
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'RescheduleWorkshop', data: { workshopId, ...schedule }, at }, context);
  }
}
