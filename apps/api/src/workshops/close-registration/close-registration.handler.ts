import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream, type WorkshopState } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { CloseRegistrationCommand } from './close-registration.command';

@CqrsHandler(CloseRegistrationCommand)
export class CloseRegistrationHandler implements ICommandHandler<CloseRegistrationCommand, CommandResult<WorkshopState>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ workshopId, at, context }: CloseRegistrationCommand): Promise<CommandResult<WorkshopState>> {
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'CloseRegistration', data: { workshopId }, at }, context);
  }
}
