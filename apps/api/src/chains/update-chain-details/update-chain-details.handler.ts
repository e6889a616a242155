import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chainDecider, chainStream, type ChainState } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { UpdateChainDetailsCommand } from './update-chain-details.command';

@CqrsHandler(UpdateChainDetailsCommand)
export class UpdateChainDetailsHandler implements ICommandHandler<UpdateChainDetailsCommand, CommandResult<ChainState>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ chainId, changes, at, context }: UpdateChainDetailsCommand): Promise<CommandResult<ChainState>> {
    return this.handler.handle(chainDecider, chainStream(chainId), { type: 'UpdateChainDetails', data: { chainId, ...changes }, at }, context);
  }
}
