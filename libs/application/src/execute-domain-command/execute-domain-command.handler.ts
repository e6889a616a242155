import { Inject, Optional } from '@nestjs/common';
import { CommandHandler as CqrsCommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import type { AggregateName } from '../aggregates';
import { BusinessTimePolicy } from '../business-time/business-time';
import { DomainCommandExecutor } from './domain-command-executor';
import { ExecuteDomainCommand } from './execute-domain-command.command';

/** The CommandBus end of the generic use case: the API's controllers, the CLI and the seed dispatch domain commands here. */
@CqrsCommandHandler(ExecuteDomainCommand)
export class ExecuteDomainCommandHandler implements ICommandHandler<ExecuteDomainCommand, CommandResult<unknown>> {
  private readonly executor: DomainCommandExecutor;

  constructor(@Inject(CommandHandler) handler: CommandHandler, @Optional() policy?: BusinessTimePolicy) {
    this.executor = new DomainCommandExecutor(handler, policy);
  }

  execute<A extends AggregateName>(message: ExecuteDomainCommand<A>): Promise<CommandResult<unknown>> {
    return this.executor.execute(message.aggregate, message.command, message.context);
  }
}
