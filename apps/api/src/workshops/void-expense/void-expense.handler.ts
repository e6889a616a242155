import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { VoidExpenseCommand } from './void-expense.command';

@CqrsHandler(VoidExpenseCommand)
export class VoidExpenseHandler implements ICommandHandler<VoidExpenseCommand, CommandResult<unknown>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ workshopId, expenseId, reason, at, context }: VoidExpenseCommand): Promise<CommandResult<unknown>> {
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'VoidExpense', data: { workshopId, expenseId, reason }, at }, context);
  }
}
