import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { WithdrawPledgeCommand } from './withdraw-pledge.command';

@CqrsHandler(WithdrawPledgeCommand)
export class WithdrawPledgeHandler implements ICommandHandler<WithdrawPledgeCommand, CommandResult<unknown>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ workshopId, pledgeId, reason, at, context }: WithdrawPledgeCommand): Promise<CommandResult<unknown>> {
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'WithdrawPledge', data: { workshopId, pledgeId, reason }, at }, context);
  }
}
