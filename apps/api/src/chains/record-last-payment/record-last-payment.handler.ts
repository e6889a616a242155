import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chainDecider, chainStream, type ChainState } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { RecordLastPaymentCommand } from './record-last-payment.command';

@CqrsHandler(RecordLastPaymentCommand)
export class RecordLastPaymentHandler implements ICommandHandler<RecordLastPaymentCommand, CommandResult<ChainState>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ chainId, paidOn, at, context }: RecordLastPaymentCommand): Promise<CommandResult<ChainState>> {
    return this.handler.handle(chainDecider, chainStream(chainId), { type: 'RecordLastPayment', data: { chainId, paidOn }, at }, context);
  }
}
