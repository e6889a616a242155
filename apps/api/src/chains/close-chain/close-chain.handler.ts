import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chainDecider, chainStream, type ChainState } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { CloseChainCommand } from './close-chain.command';

@CqrsHandler(CloseChainCommand)
export class CloseChainHandler implements ICommandHandler<CloseChainCommand, CommandResult<ChainState>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ chainId, reason, at, context }: CloseChainCommand): Promise<CommandResult<ChainState>> {
    return this.handler.handle(chainDecider, chainStream(chainId), { type: 'CloseChain', data: { chainId, reason }, at }, context);
  }
}
