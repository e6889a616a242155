import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream, type WorkshopState } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { CancelWorkshopCommand } from './cancel-workshop.command';

@CqrsHandler(CancelWorkshopCommand)
export class CancelWorkshopHandler implements ICommandHandler<CancelWorkshopCommand, CommandResult<WorkshopState>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ workshopId, reason, at, context }: CancelWorkshopCommand): Promise<CommandResult<WorkshopState>> {
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'CancelWorkshop', data: { workshopId, reason }, at }, context);
  }
}
