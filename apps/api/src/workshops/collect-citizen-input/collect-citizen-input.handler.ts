import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { CollectCitizenInputCommand } from './collect-citizen-input.command';

@CqrsHandler(CollectCitizenInputCommand)
export class CollectCitizenInputHandler implements ICommandHandler<CollectCitizenInputCommand, CommandResult<unknown>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ workshopId, inputId, input, at, context }: CollectCitizenInputCommand): Promise<CommandResult<unknown>> {
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'CollectCitizenInput', data: { workshopId, inputId, ...input }, at }, context);
  }
}
