import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { FulfilPledgeCommand } from './fulfil-pledge.command';

@CqrsHandler(FulfilPledgeCommand)
export class FulfilPledgeHandler implements ICommandHandler<FulfilPledgeCommand, CommandResult<unknown>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ workshopId, pledgeId, at, context }: FulfilPledgeCommand): Promise<CommandResult<unknown>> {
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'FulfilPledge', data: { workshopId, pledgeId }, at }, context);
  }
}
