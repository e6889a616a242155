import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream, type WorkshopState } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { OpenRegistrationCommand } from './open-registration.command';

@CqrsHandler(OpenRegistrationCommand)
export class OpenRegistrationHandler implements ICommandHandler<OpenRegistrationCommand, CommandResult<WorkshopState>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ workshopId, at, context }: OpenRegistrationCommand): Promise<CommandResult<WorkshopState>> {
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'OpenRegistration', data: { workshopId }, at }, context);
  }
}
