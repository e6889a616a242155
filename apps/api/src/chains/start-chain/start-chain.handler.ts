import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chainDecider, chainStream, type ChainState } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { StartChainCommand } from './start-chain.command';

@CqrsHandler(StartChainCommand)
export class StartChainHandler implements ICommandHandler<StartChainCommand, CommandResult<ChainState>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ chainId, details, at, context }: StartChainCommand): Promise<CommandResult<ChainState>> {
    return this.handler.handle(chainDecider, chainStream(chainId), { type: 'StartChain', data: { chainId, ...details }, at }, context);
  }
}
