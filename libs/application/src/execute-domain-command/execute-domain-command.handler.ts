import { Inject } from '@nestjs/common';
import { CommandHandler as CqrsCommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { AGGREGATES, type AggregateRoute } from '../aggregates';
import { ExecuteDomainCommand } from './execute-domain-command.command';
import type { DomainCommand } from '@kuhina/domain';

@CqrsCommandHandler(ExecuteDomainCommand)
export class ExecuteDomainCommandHandler implements ICommandHandler<ExecuteDomainCommand, CommandResult<unknown>> {
  constructor(@Inject(CommandHandler) private readonly handler: CommandHandler) {}

  execute(message: ExecuteDomainCommand): Promise<CommandResult<unknown>> {
    const route = AGGREGATES[message.aggregate] as AggregateRoute<DomainCommand<string, unknown>>;
    return this.handler.handle(route.decider, route.stream(message.command), message.command, message.context);
  }
}
