import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { PledgeResourceCommand } from './pledge-resource.command';

@CqrsHandler(PledgeResourceCommand)
export class PledgeResourceHandler implements ICommandHandler<PledgeResourceCommand, CommandResult<unknown>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ workshopId, pledgeId, pledge, at, context }: PledgeResourceCommand): Promise<CommandResult<unknown>> {
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'PledgeResource', data: { workshopId, pledgeId, ...pledge }, at }, context);
  }
}
